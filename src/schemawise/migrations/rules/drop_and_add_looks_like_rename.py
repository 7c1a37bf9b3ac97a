"""MG306: one revision drops a column and adds one of the same type to the same table."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

from schemawise.migrations.context import LintContext
from schemawise.migrations.revisions import OpCall, op_calls
from schemawise.registry import Finding, rule


def _type_text(column: ast.expr | None) -> str | None:
    """`sa.Column("name", sa.String(length=200), ...)` -> `string(200)`, for comparing types."""
    if not isinstance(column, ast.Call) or len(column.args) < 2:
        return None
    text = ast.unparse(column.args[1]).lower()
    text = re.sub(r"\b(sa|sqlalchemy|postgresql|sqlmodel|types)\.", "", text)
    return re.sub(r"\b(length|precision|scale|timezone)=", "", text).replace(" ", "")


def _column_name(column: ast.expr | None) -> str | None:
    if isinstance(column, ast.Call) and column.args:
        first = column.args[0]
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            return first.value
    return None


def _table(call: OpCall, position: int) -> str | None:
    return call.batch_table or call.string(position, "table_name")


def _added(calls: list[OpCall]) -> dict[tuple[str, str], tuple[str | None, int]]:
    """(table, column) -> (type text, line) for `op.add_column` calls."""
    added = {}
    for call in calls:
        if call.name != "add_column":
            continue
        column = call.argument(0, "column") if call.batch_table else call.argument(1, "column")
        table = _table(call, 0)
        name = _column_name(column)
        if table and name:
            added[(table, name)] = (_type_text(column), call.line)
    return added


def _dropped(calls: list[OpCall]) -> list[tuple[str, str, int]]:
    dropped = []
    for call in calls:
        if call.name != "drop_column":
            continue
        table = _table(call, 0)
        column = (
            call.string(0, "column_name") if call.batch_table else call.string(1, "column_name")
        )
        if table and column:
            dropped.append((table, column, call.line))
    return dropped


@rule("MG306", "drop-and-add-looks-like-rename", severity="warning")
def drop_and_add_looks_like_rename(context: LintContext) -> Iterator[Finding]:
    """## What it does
    Flags a revision whose `upgrade()` drops a column and adds another column of the same type to the
    same table. The dropped column's type is read from the `op.add_column(...)` in `downgrade()` that
    restores it (autogenerate always writes one).

    ## Why is this bad?
    Autogenerate cannot tell a rename from a drop and an add, so renaming a model attribute produces
    exactly this revision: the data in the old column is deleted and the new column starts empty.

    ## Example
    ```python
    def upgrade() -> None:
        op.add_column("videos", sa.Column("title", sa.Text(), nullable=True))
        op.drop_column("videos", "name")
    ```

    ## Use instead
    ```python
    def upgrade() -> None:
        op.alter_column("videos", "name", new_column_name="title")
    ```
    """
    graph = context.graph
    if graph is None:
        return
    for revision in graph.by_id.values():
        if revision.revision not in graph.in_scope or revision.problem is not None:
            continue
        if "drop_column" not in revision.upgrade_calls:
            continue  # the common case: no call to look at, so no need to parse the file
        upgrade = op_calls(revision.function("upgrade"))
        added = _added(upgrade)
        restored = _added(op_calls(revision.function("downgrade")))
        for table, column, line in _dropped(upgrade):
            old_type = restored.get((table, column), (None, 0))[0]
            if old_type is None:
                continue
            for (added_table, added_column), (new_type, _) in added.items():
                if added_table != table or added_column == column or new_type != old_type:
                    continue
                yield Finding(
                    message=f"Revision `{revision.revision}` drops `{table}.{column}` and adds "
                    f"`{table}.{added_column}` of the same type: the data in `{column}` is lost",
                    help=f'Use `op.alter_column("{table}", "{column}", '
                    f'new_column_name="{added_column}")` if this is a rename',
                    path=revision.path,
                    line=line,
                    table=table,
                    column=column,
                    object=revision.revision,
                )
