"""MG203: `int`/`smallint`/`serial` primary or foreign key in DDL."""

from __future__ import annotations

from collections.abc import Iterator

from pglast import ast
from pglast.enums import AlterTableType, ConstrType

from schemawise.migrations.context import LintContext, StatementContext, table_key
from schemawise.migrations.rules._column_types import record_types, type_sql
from schemawise.migrations.rules._statements import (
    alembic_or_sql,
    alter_table_commands,
    finding,
    is_array,
    type_name,
)
from schemawise.registry import Finding, rule

NARROW_INTEGERS = {"int4", "int2", "serial", "serial4", "smallserial", "serial2"}
KEY_KINDS = {ConstrType.CONSTR_PRIMARY: "primary key", ConstrType.CONSTR_FOREIGN: "foreign key"}


def constraint_columns(constraint: ast.Constraint) -> list[str]:
    names = (
        constraint.fk_attrs if constraint.contype == ConstrType.CONSTR_FOREIGN else constraint.keys
    )
    return [name.sval for name in names or ()]


def key_columns(
    statement: StatementContext, known: dict[tuple[str, str], ast.TypeName]
) -> Iterator[tuple[str, str, ast.TypeName, str]]:
    """`(table, column, type, "primary key" | "foreign key")` for key columns the statement defines."""
    node = statement.node
    if isinstance(node, ast.CreateStmt):
        table = table_key(node.relation)
        columns = {e.colname: e for e in node.tableElts or () if isinstance(e, ast.ColumnDef)}
        elements = node.tableElts or ()
    else:
        node_table = table_key(node.relation) if isinstance(node, ast.AlterTableStmt) else ""
        table, columns, elements = node_table, {}, []
        for _, command in alter_table_commands(
            statement, AlterTableType.AT_AddColumn, AlterTableType.AT_AddConstraint
        ):
            if isinstance(command.def_, ast.ColumnDef):
                columns[command.def_.colname] = command.def_
            elements.append(command.def_)
    for column in columns.values():
        for constraint in column.constraints or ():
            if constraint.contype in KEY_KINDS and column.typeName is not None:
                yield table, column.colname, column.typeName, KEY_KINDS[constraint.contype]
    for element in elements:
        if not isinstance(element, ast.Constraint) or element.contype not in KEY_KINDS:
            continue
        for name in constraint_columns(element):
            column = columns.get(name)
            column_type = column.typeName if column is not None else known.get((table, name))
            if column_type is not None:
                yield table, name, column_type, KEY_KINDS[element.contype]


@rule("MG203", "int4-key", severity="warning")
def int4_key(context: LintContext) -> Iterator[Finding]:
    """## What it does
    Flags primary-key and foreign-key columns declared as `integer`, `smallint`, `serial` or
    `smallserial` in `CREATE TABLE`, `ADD COLUMN` or `ADD CONSTRAINT` (for an added constraint, the
    column's type comes from its definition earlier in the linted history).

    ## Why is this bad?
    A 32-bit key runs out at 2,147,483,647. Busy tables get there, and then inserts fail until the
    key and every foreign key pointing at it are changed to `bigint`, which rewrites all those
    tables. `bigint` costs 4 more bytes per row. `sa.Integer` primary keys render as `SERIAL`.

    ## Example
    ```python
    def upgrade() -> None:
        op.create_table("renders", sa.Column("id", sa.Integer(), primary_key=True))
    ```

    ## Use instead
    ```python
    def upgrade() -> None:
        op.create_table(
            "renders", sa.Column("id", sa.BigInteger(), sa.Identity(), primary_key=True)
        )
    ```
    """
    known: dict[tuple[str, str], ast.TypeName] = {}
    for statement in context.statements:
        flagged: set[tuple[str, str]] = set()
        for table, column, column_type, kind in key_columns(statement, known):
            if type_name(column_type) not in NARROW_INTEGERS or is_array(column_type):
                continue
            if (table, column) in flagged:
                continue
            flagged.add((table, column))
            yield finding(
                statement,
                f"{kind.capitalize()} `{table}`.`{column}` is `{type_sql(column_type)}`, which "
                "runs out at 2,147,483,647",
                alembic_or_sql(
                    statement,
                    "Use `sa.BigInteger()` (with `sa.Identity()` for a generated key)",
                    "Use `bigint` (`bigint GENERATED ALWAYS AS IDENTITY` for a generated key)",
                ),
                table=table,
                column=column,
            )
        record_types(statement, known)
