"""MG016: `UPDATE`/`DELETE` over a whole existing table in a migration."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pglast import ast
from pglast.enums import AlterTableType, NullTestType

from schemawise.migrations.context import LintContext, StatementContext, table_key
from schemawise.migrations.rules._statements import (
    AUTOCOMMIT_BLOCK,
    alembic_or_sql,
    alter_table_commands,
    finding,
)
from schemawise.migrations.rules.required_column_without_default import has_value_source
from schemawise.registry import Finding, rule

# Catalogs are edited on purpose (enum hacks are MG107's business), never in bulk by accident.
SYSTEM_SCHEMAS = {"pg_catalog", "information_schema"}


def always_true(condition: Any) -> bool:
    """`WHERE true`, `WHERE 1 = 1`, `WHERE 'a' = 'a'`: a filter that keeps every row."""
    if isinstance(condition, ast.A_Const):
        return isinstance(condition.val, ast.Boolean) and bool(condition.val.boolval)
    if (
        isinstance(condition, ast.A_Expr)
        and [name.sval for name in condition.name] == ["="]
        and isinstance(condition.lexpr, ast.A_Const)
        and isinstance(condition.rexpr, ast.A_Const)
    ):
        return condition.lexpr.val == condition.rexpr.val and not condition.lexpr.isnull
    return False


def new_empty_columns(statement: StatementContext) -> set[tuple[str, str]]:
    """`(table, column)` added by the statement with no default: NULL in every existing row."""
    added = set()
    for table, command in alter_table_commands(statement, AlterTableType.AT_AddColumn):
        column = command.def_
        if isinstance(column, ast.ColumnDef) and not has_value_source(column):
            added.add((table, column.colname))
    return added


def null_test_of_new_column(condition: Any, table: str, empty: set[tuple[str, str]]) -> bool:
    """`WHERE col IS NULL` on a column added empty earlier in the revision matches every row."""
    return (
        isinstance(condition, ast.NullTest)
        and condition.nulltesttype == NullTestType.IS_NULL
        and isinstance(condition.arg, ast.ColumnRef)
        and (table, condition.arg.fields[-1].sval) in empty
    )


@rule("MG016", "unbatched-data-update", severity="warning")
def unbatched_data_update(context: LintContext) -> Iterator[Finding]:
    """## What it does
    Flags an `UPDATE` or `DELETE` with no `WHERE` clause, or one that keeps every row (`WHERE true`,
    or `WHERE col IS NULL` on a column the revision just added without a default), on a table that
    existed before the revision.

    ## Why is this bad?
    One statement over the whole table locks every row it touches until the migration commits, so
    application writes to those rows wait; it writes a new version of each row (bloat, WAL, replica
    lag), and a failure rolls all of it back. Backfills belong in batches that commit one by one.

    ## Example
    ```python
    def upgrade() -> None:
        op.execute("UPDATE videos SET status = 'ready'")
    ```

    ## Use instead
    ```python
    def upgrade() -> None:
        with op.get_context().autocommit_block():
            for low in range(0, max_id + 1, 10_000):
                op.execute(
                    f"UPDATE videos SET status = 'ready' WHERE id >= {low} AND id < {low + 10_000}"
                )
    ```
    """
    empty_columns: dict[tuple[str | None, str | None], set[tuple[str, str]]] = {}
    for statement in context.statements:
        empty = empty_columns.setdefault((statement.path, statement.revision), set())
        empty |= new_empty_columns(statement)
        node = statement.node
        if not isinstance(node, ast.UpdateStmt | ast.DeleteStmt):
            continue
        if node.relation.schemaname in SYSTEM_SCHEMAS or node.relation.relname.startswith("pg_"):
            continue
        table = table_key(node.relation)
        condition = node.whereClause
        if not (
            condition is None
            or always_true(condition)
            or null_test_of_new_column(condition, table, empty)
        ):
            continue
        if statement.table_created_earlier(table):
            continue
        verb = "UPDATE" if isinstance(node, ast.UpdateStmt) else "DELETE"
        yield finding(
            statement,
            f"`{verb}` touches every row of `{table}` in one statement",
            alembic_or_sql(
                statement,
                "Backfill in batches of a few thousand rows, each committed on its own inside "
                + AUTOCOMMIT_BLOCK,
                "Update in batches of a few thousand rows, each in its own transaction",
            ),
            table=table,
            graded_by_size=True,
        )
