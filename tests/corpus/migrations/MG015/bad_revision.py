"""Add a status and backfill it in the same transaction."""

import sqlalchemy as sa
from alembic import op

revision = "mg015bad"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("videos", sa.Column("status", sa.Text()))
    op.execute("UPDATE videos SET status = 'ready' WHERE status IS NULL")  # expect: MG015


def downgrade() -> None:
    op.drop_column("videos", "status")
