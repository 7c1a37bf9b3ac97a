"""Create bookings with its exclusion constraint."""

from alembic import op

revision = "mg013good"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "CREATE TABLE bookings (id bigint PRIMARY KEY, room_id bigint NOT NULL, "
        "during tstzrange NOT NULL, "
        "CONSTRAINT bookings_no_overlap EXCLUDE USING gist (room_id WITH =, during WITH &&))"
    )


def downgrade() -> None:
    pass
