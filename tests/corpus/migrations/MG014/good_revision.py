"""Archive videos, giving up on the lock after five seconds."""

import sqlalchemy as sa
from alembic import op

revision = "mg014good"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("SET lock_timeout = '5s'")
    op.add_column("videos", sa.Column("archived_at", sa.DateTime(timezone=True)))
    op.add_column("clips", sa.Column("note", sa.Text()))


def downgrade() -> None:
    op.drop_column("clips", "note")
    op.drop_column("videos", "archived_at")
