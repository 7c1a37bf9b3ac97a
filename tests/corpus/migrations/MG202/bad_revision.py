"""Video metadata as JSON."""

import sqlalchemy as sa
from alembic import op

revision = "mg202bad"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("videos", sa.Column("metadata", sa.JSON()))  # expect: MG202


def downgrade() -> None:
    op.drop_column("videos", "metadata")
