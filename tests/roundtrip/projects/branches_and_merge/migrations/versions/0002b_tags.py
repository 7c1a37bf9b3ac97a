"""branch b: create tags"""

import sqlalchemy as sa
from alembic import op

revision = "0002b"
down_revision = "0001"


def upgrade():
    op.create_table(
        "tags",
        sa.Column("id", sa.BigInteger(), sa.Identity(), primary_key=True),
        sa.Column("name", sa.Text(), nullable=False),
    )


def downgrade():
    op.drop_table("tags")
