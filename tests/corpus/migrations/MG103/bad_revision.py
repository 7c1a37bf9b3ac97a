"""Rename name to title."""

from alembic import op

revision = "mg103bad"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.alter_column("videos", "name", new_column_name="title")  # expect: MG103


def downgrade() -> None:
    op.alter_column("videos", "title", new_column_name="name")
