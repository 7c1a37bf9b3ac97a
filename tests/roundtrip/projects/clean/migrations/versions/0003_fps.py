"""add videos.fps with a default"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"


def upgrade():
    op.add_column("videos", sa.Column("fps", sa.Integer(), nullable=False, server_default="30"))


def downgrade():
    op.drop_column("videos", "fps")
