"""RT005 upgrade-fails-on-populated-table."""

from __future__ import annotations

from collections.abc import Iterator

from schemawise.diagnostics import Severity
from schemawise.registry import Finding, rule
from schemawise.roundtrip.results import RoundtripResults, failure_message


@rule("RT005", "upgrade-fails-on-populated-table", severity="error")
def upgrade_fails_on_populated_table(results: RoundtripResults) -> Iterator[Finding]:
    """
    ## What it does
    Before each upgrade, puts a few generated rows into every existing table (respecting types,
    NOT NULL, foreign keys, checks and uniques), and reports an upgrade that fails with the rows
    in place but passes on empty tables. A table no rows could be generated for is reported as a
    note, and its upgrades are tested empty.

    ## Why is this bad?
    Tests on an empty database pass; production has rows. A `NOT NULL` column without a default,
    a cast that fails on real values or a new unique constraint over duplicates fails the deploy.

    ## Example
    ```python
    def upgrade():
        op.add_column("videos", sa.Column("fps", sa.Integer(), nullable=False))
    ```

    ## Use instead
    ```python
    def upgrade():
        op.add_column("videos", sa.Column("fps", sa.Integer(), nullable=False, server_default="30"))
    ```
    """
    for failure in results.populated_failures:
        yield Finding(
            message=failure_message("upgrade", failure) + " (passes on empty tables)",
            help="Give the new column a `server_default`, or backfill rows before adding the constraint",
            path=failure.path,
            line=failure.line,
            object=failure.revision,
        )
    for table, error in sorted(results.unseedable.items()):
        yield Finding(
            message=f"no rows could be generated for table `{table}`, so its upgrades ran empty: {error}",
            table=table,
            severity=Severity.INFO,
        )
