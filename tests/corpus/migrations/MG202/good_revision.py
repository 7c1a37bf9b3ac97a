"""Video metadata as JSONB."""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "mg202good"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("videos", sa.Column("metadata", postgresql.JSONB()))


def downgrade() -> None:
    op.drop_column("videos", "metadata")
