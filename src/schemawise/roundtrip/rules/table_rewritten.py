"""RT103 table-rewritten."""

from __future__ import annotations

from collections.abc import Iterator

from schemawise.registry import Finding, rule
from schemawise.roundtrip.results import RoundtripResults, short


@rule("RT103", "table-rewritten")
def table_rewritten(results: RoundtripResults) -> Iterator[Finding]:
    """
    ## What it does
    With `--trace-locks`: records the `relfilenode` of every table and index before each
    statement and reports the statement after which one changed, which means PostgreSQL wrote
    the relation out again.

    ## Why is this bad?
    A rewrite copies the whole table under `ACCESS EXCLUSIVE`: reads and writes wait for a time
    that grows with the table, and the disk needs room for a second copy.

    ## Example
    ```python
    def upgrade():
        op.alter_column("videos", "duration_ms", type_=sa.Numeric(), postgresql_using="duration_ms::numeric")
    ```

    ## Use instead
    ```python
    def upgrade():  # a new column, backfilled in batches, swapped in a later release
        op.add_column("videos", sa.Column("duration", sa.Numeric()))
    ```
    """
    for trace in results.statements:
        if not trace.rewritten:
            continue
        yield Finding(
            message=(
                f"`{short(trace.statement)}` in revision `{trace.revision.revision}` rewrote "
                + ", ".join(f"`{name}`" for name in trace.rewritten)
                + f" ({trace.duration_ms:.1f} ms)"
            ),
            help="Add a new column and backfill it in batches instead of changing the type in place",
            path=trace.revision.path,
            line=trace.line,
            table=trace.rewritten[0],
            object=trace.revision.revision,
        )
