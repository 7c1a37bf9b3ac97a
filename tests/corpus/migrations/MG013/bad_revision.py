"""Forbid overlapping bookings on the existing table."""

from alembic import op

revision = "mg013bad"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(  # expect: MG013
        "ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap "
        "EXCLUDE USING gist (room_id WITH =, during WITH &&)"
    )


def downgrade() -> None:
    pass
