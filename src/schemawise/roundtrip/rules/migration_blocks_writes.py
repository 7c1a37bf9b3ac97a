"""RT102 migration-blocks-writes."""

from __future__ import annotations

from collections.abc import Iterator

from schemawise.registry import Finding, rule
from schemawise.roundtrip.results import RoundtripResults, first_blocks, short


@rule("RT102", "migration-blocks-writes")
def migration_blocks_writes(results: RoundtripResults) -> Iterator[Finding]:
    """
    ## What it does
    With `--trace-locks`: after each statement of a revision, while its transaction is still
    open, a second connection tries a write on every table the migration holds a lock on, under a
    short `lock_timeout`. Reports the statement whose lock made that write wait while the
    statement scanned or rewrote the table, so the wait grows with the table. Brief catalog-only
    changes (a nullable `ADD COLUMN`, a `NOT VALID` constraint) appear in the trace, not here.

    ## Why is this bad?
    Inserts and updates queue behind the migration until it commits. A `CREATE INDEX` without
    `CONCURRENTLY` holds that lock for as long as the build takes on the whole table.

    ## Example
    ```python
    def upgrade():
        op.create_index("idx_videos_title", "videos", ["title"])
    ```

    ## Use instead
    ```python
    def upgrade():
        with op.get_context().autocommit_block():
            op.create_index("idx_videos_title", "videos", ["title"], postgresql_concurrently=True)
    ```
    """
    for trace, table in first_blocks(results.statements, "writes"):
        modes = ", ".join(trace.locks.get(table, []))
        yield Finding(
            message=(
                f"`{short(trace.statement)}` in revision `{trace.revision.revision}` holds {modes} "
                f"on `{table}` while it reads the whole table, which blocked a concurrent write ({trace.duration_ms:.1f} ms)"
            ),
            help="Pass `postgresql_concurrently=True` inside `autocommit_block()`, or set `lock_timeout`",
            path=trace.revision.path,
            line=trace.line,
            table=table,
            object=trace.revision.revision,
        )
