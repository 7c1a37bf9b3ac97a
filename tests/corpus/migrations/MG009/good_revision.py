"""Add a required status with a server default."""

import sqlalchemy as sa
from alembic import op

revision = "mg009good"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "videos", sa.Column("status", sa.Text(), nullable=False, server_default="draft")
    )


def downgrade() -> None:
    op.drop_column("videos", "status")
