"""Rebuild a bloated index beside the old one."""

from alembic import op

revision = "mg003good"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.get_context().autocommit_block():
        op.execute("REINDEX INDEX CONCURRENTLY idx_videos_owner_id")


def downgrade() -> None:
    pass
