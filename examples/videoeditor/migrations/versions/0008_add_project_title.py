"""Rename `projects.name` to `title`, expand step: add `title` and keep both columns in sync.

`RENAME COLUMN` is instant, but every running application instance still reads and writes `name`
and fails the moment it is gone. Expand/contract keeps old and new code working at every step:

- 0008 (this): add `title` nullable; a trigger copies whichever column a writer set into the other,
  so old code (writes `name`) and new code (writes `title`) can run side by side.
- 0009: backfill `title` for old rows in batches; add `CHECK (title IS NOT NULL) NOT VALID`.
- 0010: validate the check, `SET NOT NULL`. Deploy code that reads and writes only `title`.
- 0011 (contract): drop the trigger and `name` once no running code uses it.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03 16:35:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Keep `name` and `title` equal on every write: an INSERT fills the one the writer left out, an
# UPDATE copies the column that changed into the other. When a writer sets both, `title` (the new
# column) wins, so the two never disagree and the contract step (0011) loses nothing.
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
    op.add_column("projects", sa.Column("title", sa.Text(), nullable=True))
    op.execute(SYNC_FUNCTION)
    op.execute(SYNC_TRIGGER)


def downgrade() -> None:
    op.execute("DROP TRIGGER projects_sync_name_title ON projects")
    op.execute("DROP FUNCTION projects_sync_name_title()")
    op.drop_column("projects", "title")
