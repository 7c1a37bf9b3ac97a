"""add videos.fps and its index; the downgrade only drops the index"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade():
    op.add_column("videos", sa.Column("fps", sa.Integer(), nullable=True))
    op.create_index("idx_videos_fps", "videos", ["fps"])


def downgrade():
    op.drop_index("idx_videos_fps", table_name="videos")
