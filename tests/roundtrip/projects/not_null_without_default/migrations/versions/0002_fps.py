"""add videos.fps NOT NULL without a default: fine on an empty table only"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade():
    op.add_column("videos", sa.Column("fps", sa.Integer(), nullable=False))


def downgrade():
    op.drop_column("videos", "fps")
