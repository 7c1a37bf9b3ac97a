"""index videos.fps after the merge"""

from alembic import op

revision = "0004"
down_revision = "0003"


def upgrade():
    op.create_index("idx_videos_fps", "videos", ["fps"])


def downgrade():
    op.drop_index("idx_videos_fps", table_name="videos")
