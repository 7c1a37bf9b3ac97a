"""merge the two branches"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = ("0002a", "0002b")


def upgrade():
    pass


def downgrade():
    pass
