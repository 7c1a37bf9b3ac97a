"""A constraint whose name PostgreSQL truncates (raw SQL: SQLAlchemy itself refuses long names in op.*)."""

from alembic import op

revision = "mg205bad"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(  # expect: MG205
        "ALTER TABLE clips ADD CONSTRAINT "
        "ck_clips_ends_after_starts_and_duration_below_the_configured_maximum "
        "CHECK (ends_at > starts_at) NOT VALID"
    )


def downgrade() -> None:
    op.execute(
        "ALTER TABLE clips DROP CONSTRAINT "
        "ck_clips_ends_after_starts_and_duration_below_the_configured_maximum"
    )
