"""Index the owner foreign key; create renders with its index."""

import sqlalchemy as sa
from alembic import op

revision = "mg001good"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "renders",
        sa.Column("id", sa.BigInteger(), sa.Identity(), primary_key=True),
        sa.Column("video_id", sa.BigInteger(), nullable=False),
    )
    op.create_index("idx_renders_video_id", "renders", ["video_id"])
    with op.get_context().autocommit_block():
        op.create_index(
            "idx_videos_owner_id", "videos", ["owner_id"], postgresql_concurrently=True
        )


def downgrade() -> None:
    with op.get_context().autocommit_block():
        op.drop_index("idx_videos_owner_id", table_name="videos", postgresql_concurrently=True)
    op.drop_table("renders")
