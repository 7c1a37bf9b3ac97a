"""Pluralize the clip table."""

from alembic import op

revision = "mg104bad"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.rename_table("clip", "clips")  # expect: MG104


def downgrade() -> None:
    op.rename_table("clips", "clip")
