"""change videos.views from integer to numeric: a table rewrite"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade():
    op.alter_column("videos", "views", type_=sa.Numeric(), existing_type=sa.Integer())


def downgrade():
    op.alter_column("videos", "views", type_=sa.Integer(), existing_type=sa.Numeric())
