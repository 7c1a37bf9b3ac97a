"""Models of this fixture project (env.py target_metadata)."""

import sqlalchemy as sa

metadata = sa.MetaData()

videos = sa.Table(
    "videos",
    metadata,
    sa.Column("id", sa.BigInteger(), sa.Identity(), primary_key=True),
    sa.Column("title", sa.Text(), nullable=False),
    sa.Column("views", sa.Integer(), nullable=False, server_default="0"),
    sa.Column("fps", sa.Integer(), nullable=True),
    sa.Index("idx_videos_fps", "fps"),
)

tags = sa.Table(
    "tags",
    metadata,
    sa.Column("id", sa.BigInteger(), sa.Identity(), primary_key=True),
    sa.Column("name", sa.Text(), nullable=False),
)
