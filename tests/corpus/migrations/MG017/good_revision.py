"""Detach last year's events without blocking queries on events."""

from alembic import op

revision = "mg017good"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.get_context().autocommit_block():
        op.execute("ALTER TABLE events DETACH PARTITION events_2023 CONCURRENTLY")


def downgrade() -> None:
    pass
