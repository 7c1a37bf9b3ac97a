"""MG201: column type `timestamp` (without time zone) in DDL."""

from __future__ import annotations

from collections.abc import Iterator

from schemawise.migrations.context import LintContext
from schemawise.migrations.rules._statements import (
    alembic_or_sql,
    finding,
    type_name,
    typed_columns,
)
from schemawise.registry import Finding, rule


@rule("MG201", "timestamp-without-time-zone", severity="warning")
def timestamp_without_time_zone(context: LintContext) -> Iterator[Finding]:
    """## What it does
    Flags columns created, added or retyped as `timestamp` (`timestamp without time zone`).

    ## Why is this bad?
    `timestamp` stores a wall-clock reading with no zone, so the same instant is stored differently
    by servers and clients in different zones, comparisons across daylight-saving changes go wrong,
    and `now()` (a `timestamptz`) is silently converted with the session's zone. `timestamptz`
    stores an instant and costs the same 8 bytes.

    ## Example
    ```python
    def upgrade() -> None:
        op.add_column("videos", sa.Column("published_at", sa.DateTime()))
    ```

    ## Use instead
    ```python
    def upgrade() -> None:
        op.add_column("videos", sa.Column("published_at", sa.DateTime(timezone=True)))
    ```
    """
    for statement in context.statements:
        for table, column, column_type in typed_columns(statement):
            if type_name(column_type) != "timestamp":
                continue
            yield finding(
                statement,
                f"`{table}`.`{column}` is `timestamp without time zone`",
                alembic_or_sql(statement, "Use `sa.DateTime(timezone=True)`", "Use `timestamptz`"),
                table=table,
                column=column,
            )
