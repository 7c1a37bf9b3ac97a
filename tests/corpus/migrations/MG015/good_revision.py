"""Add a status; backfill it after the lock is released."""

import sqlalchemy as sa
from alembic import op

revision = "mg015good"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("videos", sa.Column("status", sa.Text()))
    with op.get_context().autocommit_block():
        op.execute("UPDATE videos SET status = 'ready' WHERE status IS NULL")


def downgrade() -> None:
    op.drop_column("videos", "status")
