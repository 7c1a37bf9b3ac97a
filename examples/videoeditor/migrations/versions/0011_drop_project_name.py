"""Rename step 4 (contract): drop the sync trigger and `projects.name`.

Run only once no deployed code reads or writes `name` (the models stopped mapping it at 0010).
Dropping a column is a catalog change (no rewrite), so the ACCESS EXCLUSIVE lock is brief.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03 16:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The same function and trigger as 0008; a revision never imports another, so they are repeated.
SYNC_FUNCTION = """
CREATE FUNCTION projects_sync_name_title() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.title := COALESCE(NEW.title, NEW.name);
        NEW.name := NEW.title;
    ELSIF NEW.title IS DISTINCT FROM OLD.title THEN
        NEW.name := NEW.title;
    ELSIF NEW.name IS DISTINCT FROM OLD.name THEN
        NEW.title := NEW.name;
    END IF;
    RETURN NEW;
END
$$
"""
SYNC_TRIGGER = (
    "CREATE TRIGGER projects_sync_name_title BEFORE INSERT OR UPDATE ON projects "
    "FOR EACH ROW EXECUTE FUNCTION projects_sync_name_title()"
)


def upgrade() -> None:
    op.execute("DROP TRIGGER projects_sync_name_title ON projects")
    op.execute("DROP FUNCTION projects_sync_name_title()")
    # The contract step of the rename: every reader moved to `title` in 0010.
    op.drop_column("projects", "name")  # schemawise: ignore[MG101]


def downgrade() -> None:
    op.add_column("projects", sa.Column("name", sa.Text(), nullable=True))
    op.execute("UPDATE projects SET name = title")
    op.alter_column("projects", "name", nullable=False)
    op.execute(SYNC_FUNCTION)
    op.execute(SYNC_TRIGGER)
