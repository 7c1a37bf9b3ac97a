"""MG204: `char(n)` in DDL."""

from __future__ import annotations

from collections.abc import Iterator

from schemawise.migrations.context import LintContext
from schemawise.migrations.rules._statements import (
    alembic_or_sql,
    finding,
    type_modifiers,
    type_name,
    typed_columns,
)
from schemawise.registry import Finding, rule


@rule("MG204", "char-column", severity="warning")
def char_column(context: LintContext) -> Iterator[Finding]:
    """## What it does
    Flags columns created, added or retyped as `char(n)` / `character(n)` (the single-byte internal
    type `"char"` is not flagged).

    ## Why is this bad?
    `char(n)` pads values with spaces to `n` characters, strips them again in most comparisons but
    not all (`LIKE`, casts to `text`, client code), and is no faster or smaller than `text` or
    `varchar(n)` in PostgreSQL. Changing `n` later rewrites the table.

    ## Example
    ```python
    def upgrade() -> None:
        op.add_column("videos", sa.Column("language", sa.CHAR(2)))
    ```

    ## Use instead
    ```python
    def upgrade() -> None:
        op.add_column("videos", sa.Column("language", sa.Text()))
    ```
    """
    for statement in context.statements:
        for table, column, column_type in typed_columns(statement):
            if type_name(column_type) != "bpchar":
                continue
            modifiers = type_modifiers(column_type)
            spelled = f"char({modifiers[0]})" if modifiers else "char"
            yield finding(
                statement,
                f"`{table}`.`{column}` is `{spelled}`, which pads values with spaces",
                alembic_or_sql(
                    statement,
                    "Use `sa.Text()` or `sa.String(n)`",
                    "Use `text` or `varchar(n)`",
                ),
                table=table,
                column=column,
            )
