"""Index the owner and video foreign keys."""

import sqlalchemy as sa
from alembic import op

revision = "mg001bad"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("idx_videos_owner_id", "videos", ["owner_id"])  # expect: MG001
    op.create_index(  # expect: MG001
        "idx_clips_video_id",
        "clips",
        ["video_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("idx_clips_video_id", table_name="clips")
    op.drop_index("idx_videos_owner_id", table_name="videos")
