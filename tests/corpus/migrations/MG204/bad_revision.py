"""Language codes as CHAR(2)."""

import sqlalchemy as sa
from alembic import op

revision = "mg204bad"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("videos", sa.Column("language", sa.CHAR(2)))  # expect: MG204


def downgrade() -> None:
    op.drop_column("videos", "language")
