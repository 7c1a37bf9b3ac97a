"""SW002: a revision, SQL file or statement that could not be read, parsed or rendered."""

from __future__ import annotations

from collections.abc import Iterator

from schemawise.registry import Finding, rule


@rule("SW002", "migration-not-linted", severity="error")
def migration_not_linted(problems: list[Finding]) -> Iterator[Finding]:
    """## What it does
    Flags the part of a migration schemawise could not lint: a revision file with a syntax error, a
    revision whose `upgrade()` raises while rendered offline (everything it emitted before is still
    linted), SQL that does not parse (the other statements are still linted), a `.sql` file that is not
    UTF-8, or a revision graph with a cycle.

    ## Why is this bad?
    What cannot be read cannot be checked: a lock or a rewrite in that part would pass silently. Most of
    these also fail at deploy time (Alembic cannot load the revision, PostgreSQL rejects the SQL).

    ## Example
    ```python
    def upgrade() -> None:
        op.execute("ALTER TABLE videos ADD COLUM duration integer")
    ```

    ## Use instead
    ```python
    def upgrade() -> None:
        op.execute("ALTER TABLE videos ADD COLUMN duration integer")
    ```
    """
    # The loader finds the problems (with their file and line); this rule only reports them, so SW002
    # is selectable, suppressible and documented like every other rule.
    yield from problems
