"""Rename the done status to ready."""

from alembic import op

revision = "mg107bad"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("ALTER TYPE video_status RENAME VALUE 'done' TO 'ready'")  # expect: MG107


def downgrade() -> None:
    op.execute("ALTER TYPE video_status RENAME VALUE 'ready' TO 'done'")
