"""MG202: column type `json` in DDL."""

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


@rule("MG202", "json-instead-of-jsonb", severity="warning")
def json_instead_of_jsonb(context: LintContext) -> Iterator[Finding]:
    """## What it does
    Flags columns created, added or retyped as `json`.

    ## Why is this bad?
    `json` keeps the raw text: every read parses it again, it has no equality operator (so `DISTINCT`,
    `GROUP BY` and `UNION` fail on it) and it cannot be indexed with GIN. `jsonb` is parsed once and
    supports containment queries and indexes.

    ## Example
    ```python
    def upgrade() -> None:
        op.add_column("videos", sa.Column("metadata", sa.JSON()))
    ```

    ## Use instead
    ```python
    from sqlalchemy.dialects import postgresql

    def upgrade() -> None:
        op.add_column("videos", sa.Column("metadata", postgresql.JSONB()))
    ```
    """
    for statement in context.statements:
        for table, column, column_type in typed_columns(statement):
            if type_name(column_type) != "json":
                continue
            yield finding(
                statement,
                f"`{table}`.`{column}` is `json`, not `jsonb`",
                alembic_or_sql(statement, "Use `postgresql.JSONB()`", "Use `jsonb`"),
                table=table,
                column=column,
            )
