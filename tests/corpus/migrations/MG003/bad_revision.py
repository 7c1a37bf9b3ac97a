"""Rebuild a bloated index in place."""

from alembic import op

revision = "mg003bad"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("REINDEX INDEX idx_videos_owner_id")  # expect: MG003


def downgrade() -> None:
    pass
