"""index videos.title without CONCURRENTLY"""

from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade():
    op.create_index("idx_videos_title", "videos", ["title"])


def downgrade():
    op.drop_index("idx_videos_title", table_name="videos")
