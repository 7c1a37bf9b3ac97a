"""Constrain video durations, validating after the constraint is committed."""

from alembic import op

revision = "mg006good"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_check_constraint(
        "ck_videos_duration_positive", "videos", "duration > 0", postgresql_not_valid=True
    )
    with op.get_context().autocommit_block():
        op.execute("ALTER TABLE videos VALIDATE CONSTRAINT ck_videos_duration_positive")


def downgrade() -> None:
    op.drop_constraint("ck_videos_duration_positive", "videos", type_="check")
