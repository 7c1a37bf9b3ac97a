"""Detach last year's events."""

from alembic import op

revision = "mg017bad"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("ALTER TABLE events DETACH PARTITION events_2023")  # expect: MG017


def downgrade() -> None:
    pass
