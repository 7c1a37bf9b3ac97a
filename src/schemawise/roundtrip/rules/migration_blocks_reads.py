"""RT101 migration-blocks-reads."""

from __future__ import annotations

from collections.abc import Iterator

from schemawise.registry import Finding, rule
from schemawise.roundtrip.results import RoundtripResults, first_blocks, short


@rule("RT101", "migration-blocks-reads")
def migration_blocks_reads(results: RoundtripResults) -> Iterator[Finding]:
    """
    ## What it does
    With `--trace-locks`: after each statement of a revision, while its transaction is still
    open, a second connection tries a `SELECT` on every table the migration holds a lock on, under
    a short `lock_timeout`. Reports the statement whose lock made that read wait while the
    statement scanned or rewrote the table, so the wait grows with the table. Brief catalog-only
    changes (a nullable `ADD COLUMN`, a `NOT VALID` constraint) appear in the trace, not here.

    ## Why is this bad?
    Until the migration's transaction commits, every query on the table queues behind it, and so
    does every request that runs one: the application stalls for the length of the migration.

    ## Example
    ```python
    def upgrade():
        op.alter_column("videos", "views", type_=sa.BigInteger())  # ACCESS EXCLUSIVE + rewrite
    ```

    ## Use instead
    ```python
    def upgrade():
        op.execute("SET lock_timeout = '2s'")
        op.add_column("videos", sa.Column("views_big", sa.BigInteger()))  # then backfill in batches
    ```
    """
    for trace, table in first_blocks(results.statements, "reads"):
        modes = ", ".join(trace.locks.get(table, []))
        yield Finding(
            message=(
                f"`{short(trace.statement)}` in revision `{trace.revision.revision}` holds {modes} "
                f"on `{table}` while it reads the whole table, which blocked a concurrent `SELECT` ({trace.duration_ms:.1f} ms)"
            ),
            help="Keep the `ACCESS EXCLUSIVE` part short: set `lock_timeout` and move slow work out",
            path=trace.revision.path,
            line=trace.line,
            table=table,
            object=trace.revision.revision,
        )
