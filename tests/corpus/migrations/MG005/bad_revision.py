"""Constrain clips."""

from alembic import op

revision = "mg005bad"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_foreign_key(  # expect: MG005
        "fk_clips_video_id_videos", "clips", "videos", ["video_id"], ["id"]
    )
    op.create_check_constraint("ck_clips_order", "clips", "ends_at > starts_at")  # expect: MG005


def downgrade() -> None:
    op.drop_constraint("ck_clips_order", "clips", type_="check")
    op.drop_constraint("fk_clips_video_id_videos", "clips", type_="foreignkey")
