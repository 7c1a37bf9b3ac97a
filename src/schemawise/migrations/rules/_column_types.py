"""Column types the SQL does not show: the linted history's definitions and Alembic's `existing_type=`.

`record_types` follows column types through `CREATE TABLE`, `ADD COLUMN`, type changes and renames. Offline rendering drops `existing_type`, yet it is what tells a widening from a rewrite. The revision's
own `op.alter_column(...)` call is read with Python's `ast`; the type expression is evaluated with
nothing but the SQLAlchemy/SQLModel imports the revision itself declares, and compiled for PostgreSQL.
"""

from __future__ import annotations

import ast as python_ast
from functools import cache
from pathlib import Path
from typing import Any

import pglast
from pglast import ast
from pglast.enums import AlterTableType, ObjectType
from pglast.stream import RawStream

from schemawise.migrations.context import StatementContext, table_key
from schemawise.migrations.rules._statements import alter_table_commands, new_columns

# Only these modules are imported to evaluate a type expression; anything else counts as unknown.
TYPE_MODULES = ("sqlalchemy", "sqlmodel")


def type_sql(name: ast.TypeName) -> str:
    """`varchar(200)`, `numeric(12, 2)`, `timestamptz`, `"MyType"`: as PostgreSQL spells it."""
    return RawStream()(name).removeprefix("pg_catalog.")


def type_from_sql(text: str) -> ast.TypeName | None:
    """`VARCHAR(100)` -> its pglast `TypeName`."""
    try:
        statement = pglast.parse_sql(f"SELECT NULL::{text}")[0].stmt
    except pglast.parser.ParseError:
        return None
    cast = statement.targetList[0].val
    return cast.typeName if isinstance(cast, ast.TypeCast) else None


@cache
def _revision_source(
    path: str, version: tuple[int, int]
) -> tuple[python_ast.Module, str, dict[str, Any]] | None:
    """The parsed revision and its type namespace; `version` (mtime, size) keys the cache."""
    try:
        source = Path(path).read_text(encoding="utf-8")
        tree = python_ast.parse(source)
    except (OSError, UnicodeDecodeError, SyntaxError):
        return None
    namespace: dict[str, Any] = {}
    for node in tree.body:
        if isinstance(node, python_ast.Import | python_ast.ImportFrom):
            modules = (
                [alias.name for alias in node.names]
                if isinstance(node, python_ast.Import)
                else [node.module or ""]
            )
            if all(module.split(".")[0] in TYPE_MODULES for module in modules):
                try:
                    exec(compile(python_ast.Module([node], []), path, "exec"), namespace)
                except Exception:  # an import that fails here only means the type stays unknown
                    continue
    namespace.pop("__builtins__", None)
    return tree, source, namespace


def existing_type_in_revision(path: str, line: int) -> ast.TypeName | None:
    """The `existing_type=` of the `op.alter_column(...)` call starting at `line`, as a pglast type."""
    try:
        status = Path(path).stat()
    except OSError:
        return None
    parsed = _revision_source(path, (status.st_mtime_ns, status.st_size))
    if parsed is None:
        return None
    tree, source, namespace = parsed
    for node in python_ast.walk(tree):
        if not (
            isinstance(node, python_ast.Call)
            and node.lineno == line
            and isinstance(node.func, python_ast.Attribute)
            and node.func.attr == "alter_column"
        ):
            continue
        for keyword in node.keywords:
            if keyword.arg != "existing_type":
                continue
            expression = python_ast.get_source_segment(source, keyword.value)
            return _compile_type(expression, namespace) if expression else None
    return None


def _compile_type(expression: str, namespace: dict[str, Any]) -> ast.TypeName | None:
    from sqlalchemy.dialects import postgresql

    try:
        value = eval(expression, {"__builtins__": {}}, dict(namespace))
        if isinstance(value, type):
            value = value()
        compiled = value.compile(dialect=postgresql.dialect())
    except Exception:  # not a type SQLAlchemy can render: the old type stays unknown
        return None
    return type_from_sql(compiled)


def record_types(statement: StatementContext, types: dict[tuple[str, str], ast.TypeName]) -> None:
    """Keep `types` ((table, column) -> type) up to date with what the statement defines or renames."""
    for table, column in new_columns(statement):
        if column.typeName is not None:
            types[(table, column.colname)] = column.typeName
    for table, command in alter_table_commands(statement, AlterTableType.AT_AlterColumnType):
        types[(table, command.name)] = command.def_.typeName
    node = statement.node
    if isinstance(node, ast.RenameStmt) and node.relation is not None:
        table = table_key(node.relation)
        if node.renameType == ObjectType.OBJECT_COLUMN and (table, node.subname) in types:
            types[(table, node.newname)] = types.pop((table, node.subname))
        elif node.renameType == ObjectType.OBJECT_TABLE:
            for key in [key for key in types if key[0] == table]:
                types[(node.newname, key[1])] = types.pop(key)
