"""Constrain clips without a validating scan under the lock."""

from alembic import op

revision = "mg005good"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_foreign_key(
        "fk_clips_video_id_videos",
        "clips",
        "videos",
        ["video_id"],
        ["id"],
        postgresql_not_valid=True,
    )
    op.create_check_constraint(
        "ck_clips_order", "clips", "ends_at > starts_at", postgresql_not_valid=True
    )
    with op.get_context().autocommit_block():
        op.execute("ALTER TABLE clips VALIDATE CONSTRAINT fk_clips_video_id_videos")
        op.execute("ALTER TABLE clips VALIDATE CONSTRAINT ck_clips_order")


def downgrade() -> None:
    op.drop_constraint("ck_clips_order", "clips", type_="check")
    op.drop_constraint("fk_clips_video_id_videos", "clips", type_="foreignkey")
