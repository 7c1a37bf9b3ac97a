"""Drop the owner index."""

from alembic import op

revision = "mg002bad"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("idx_videos_owner_id", table_name="videos")  # expect: MG002


def downgrade() -> None:
    op.create_index("idx_videos_owner_id", "videos", ["owner_id"])
