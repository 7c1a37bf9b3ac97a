"""branch a: add videos.fps"""

import sqlalchemy as sa
from alembic import op

revision = "0002a"
down_revision = "0001"


def upgrade():
    op.add_column("videos", sa.Column("fps", sa.Integer(), nullable=True))


def downgrade():
    op.drop_column("videos", "fps")
