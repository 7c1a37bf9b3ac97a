"""A staging table that lives only inside this revision."""

from alembic import op

revision = "mg102good"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE TABLE video_backfill (id bigint PRIMARY KEY, status text)")
    op.execute("INSERT INTO video_backfill SELECT id, status FROM videos")
    op.drop_table("video_backfill")


def downgrade() -> None:
    pass
