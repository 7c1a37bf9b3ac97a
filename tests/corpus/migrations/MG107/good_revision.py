"""Add the ready status next to done."""

from alembic import op

revision = "mg107good"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("ALTER TYPE video_status ADD VALUE IF NOT EXISTS 'ready'")


def downgrade() -> None:
    pass
