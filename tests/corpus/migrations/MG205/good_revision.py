"""A constraint whose name fits in 63 bytes."""

from alembic import op

revision = "mg205good"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "ALTER TABLE clips ADD CONSTRAINT ck_clips_ends_after_starts "
        "CHECK (ends_at > starts_at) NOT VALID"
    )


def downgrade() -> None:
    op.execute("ALTER TABLE clips DROP CONSTRAINT ck_clips_ends_after_starts")
