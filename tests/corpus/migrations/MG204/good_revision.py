"""Language codes as text."""

import sqlalchemy as sa
from alembic import op

revision = "mg204good"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("videos", sa.Column("language", sa.String(2)))


def downgrade() -> None:
    op.drop_column("videos", "language")
