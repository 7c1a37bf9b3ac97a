"""Renders keyed by a 32-bit integer."""

import sqlalchemy as sa
from alembic import op

revision = "mg203bad"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(  # expect: MG203
        "renders",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("video_id", sa.BigInteger(), sa.ForeignKey("videos.id")),
    )


def downgrade() -> None:
    op.drop_table("renders")
