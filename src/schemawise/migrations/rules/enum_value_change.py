"""MG107: renaming or removing an enum value."""

from __future__ import annotations

from collections.abc import Iterator

from pglast import ast
from pglast.enums import ObjectType

from schemawise.migrations.context import LintContext, StatementContext
from schemawise.migrations.rules._statements import finding
from schemawise.registry import Finding, rule


def type_key(names: tuple[ast.String, ...]) -> str:
    """`("public", "video_status")` -> `video_status`."""
    parts = [name.sval for name in names]
    return ".".join(parts[-2:]) if len(parts) > 1 and parts[-2] != "public" else parts[-1]


def enum_change(statement: StatementContext, renamed_types: set[str]) -> tuple[str, str] | None:
    """`(enum type, message)` when the statement renames or removes enum values."""
    node = statement.node
    if isinstance(node, ast.AlterEnumStmt) and node.oldVal:
        name = type_key(node.typeName)
        return name, (
            f"Renaming the value `'{node.oldVal}'` of `{name}` to `'{node.newVal}'` breaks running "
            "code that uses the old label"
        )
    if isinstance(node, ast.DeleteStmt) and node.relation.relname == "pg_enum":
        return "pg_enum", "Deleting from `pg_enum` removes enum values running code may still use"
    if isinstance(node, ast.CreateEnumStmt) and type_key(node.typeName) in renamed_types:
        # The old type was renamed away earlier in the revision: its values are being replaced.
        name = type_key(node.typeName)
        return name, f"Recreating the enum `{name}` drops values running code may still use"
    return None


@rule("MG107", "enum-value-change", severity="warning")
def enum_value_change(context: LintContext) -> Iterator[Finding]:
    """## What it does
    Flags `ALTER TYPE ... RENAME VALUE`, deleting rows from `pg_enum`, and recreating an enum type
    under its old name after renaming the original away in the same revision (the usual way to
    remove values). Adding a value (`ADD VALUE`) is not flagged.

    ## Why is this bad?
    Running code still reads and writes the old labels: a renamed or removed value makes its inserts
    fail and its comparisons silently match nothing. Recreating the type also rewrites every column
    that uses it under an `ACCESS EXCLUSIVE` lock.

    ## Example
    ```python
    def upgrade() -> None:
        op.execute("ALTER TYPE video_status RENAME VALUE 'done' TO 'ready'")
    ```

    ## Use instead
    ```python
    def upgrade() -> None:
        # add the new label, move code and rows over, and keep the old label until nothing uses it
        op.execute("ALTER TYPE video_status ADD VALUE IF NOT EXISTS 'ready'")
    ```
    """
    renamed_types: dict[tuple[str | None, str | None], set[str]] = {}
    for statement in context.statements:
        unit = (statement.path, statement.revision)
        node = statement.node
        if isinstance(node, ast.RenameStmt) and node.renameType == ObjectType.OBJECT_TYPE:
            renamed_types.setdefault(unit, set()).add(type_key(node.object))
            continue
        change = enum_change(statement, renamed_types.get(unit, set()))
        if change is None:
            continue
        type_name, message = change
        yield finding(
            statement,
            message,
            "Add the new value with `ALTER TYPE ... ADD VALUE` and retire the old one only after "
            "no code or row uses it",
            object=type_name,
        )
