"""Constrain video durations, validating in the same transaction."""

from alembic import op

revision = "mg006bad"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_check_constraint(
        "ck_videos_duration_positive", "videos", "duration > 0", postgresql_not_valid=True
    )
    op.execute("ALTER TABLE videos VALIDATE CONSTRAINT ck_videos_duration_positive")  # expect: MG006


def downgrade() -> None:
    op.drop_constraint("ck_videos_duration_positive", "videos", type_="check")
