"""Pluralize the clip table, keeping the old name as a view."""

from alembic import op

revision = "mg104good"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.rename_table("clip", "clips")
    op.execute("CREATE VIEW clip AS SELECT * FROM clips")


def downgrade() -> None:
    op.execute("DROP VIEW clip")
    op.rename_table("clips", "clip")
