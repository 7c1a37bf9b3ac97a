"""Renders keyed by a 64-bit identity."""

import sqlalchemy as sa
from alembic import op

revision = "mg203good"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "renders",
        sa.Column("id", sa.BigInteger(), sa.Identity(), primary_key=True),
        sa.Column("video_id", sa.BigInteger(), sa.ForeignKey("videos.id")),
        sa.Column("attempt", sa.Integer(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("renders")
