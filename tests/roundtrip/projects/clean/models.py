"""Models of this fixture project (env.py target_metadata)."""

import sqlalchemy as sa

metadata = sa.MetaData()

videos = sa.Table(
    "videos",
    metadata,
    sa.Column("id", sa.BigInteger(), sa.Identity(), primary_key=True),
    sa.Column("title", sa.Text(), nullable=False),
    sa.Column("views", sa.Integer(), nullable=False, server_default="0"),
    sa.Column("fps", sa.Integer(), nullable=False, server_default="30"),
)

clips = sa.Table(
    "clips",
    metadata,
    sa.Column("id", sa.BigInteger(), sa.Identity(), primary_key=True),
    sa.Column(
        "video_id", sa.BigInteger(), sa.ForeignKey("videos.id", ondelete="CASCADE"), nullable=False
    ),
    sa.Column("kind", sa.Enum("video", "audio", name="clip_kind"), nullable=False),
    sa.Column("start_ms", sa.Integer(), nullable=False),
    sa.Column("label", sa.String(20), nullable=True),
    sa.CheckConstraint("start_ms >= 0", name="ck_clips_start_ms_positive"),
    sa.UniqueConstraint("video_id", "start_ms", name="uq_clips_video_id_start_ms"),
    sa.Index("idx_clips_video_id", "video_id"),
)
