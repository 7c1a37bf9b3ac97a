"""create clips"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"

clip_kind = sa.Enum("video", "audio", name="clip_kind")


def upgrade():
    op.create_table(
        "clips",
        sa.Column("id", sa.BigInteger(), sa.Identity(), primary_key=True),
        sa.Column(
            "video_id",
            sa.BigInteger(),
            sa.ForeignKey("videos.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("kind", clip_kind, nullable=False),
        sa.Column("start_ms", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(20), nullable=True),
        sa.CheckConstraint("start_ms >= 0", name="ck_clips_start_ms_positive"),
        sa.UniqueConstraint("video_id", "start_ms", name="uq_clips_video_id_start_ms"),
    )
    op.create_index("idx_clips_video_id", "clips", ["video_id"])


def downgrade():
    op.drop_index("idx_clips_video_id", table_name="clips")
    op.drop_table("clips")
    clip_kind.drop(op.get_bind())
