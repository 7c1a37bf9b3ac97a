"""MG012: commands that rewrite a whole table."""

from __future__ import annotations

from collections.abc import Iterator

from pglast import ast
from pglast.enums import AlterTableType, ConstrType, ObjectType

from schemawise.migrations.context import LintContext, StatementContext, table_key
from schemawise.migrations.rules._statements import constraints_of, finding, type_name
from schemawise.migrations.rules.required_column_without_default import SERIAL_TYPES
from schemawise.registry import Finding, rule

REWRITING_SUBCOMMANDS = {
    AlterTableType.AT_SetTableSpace: "SET TABLESPACE",
    AlterTableType.AT_SetLogged: "SET LOGGED",
    AlterTableType.AT_SetUnLogged: "SET UNLOGGED",
    AlterTableType.AT_SetAccessMethod: "SET ACCESS METHOD",
    AlterTableType.AT_SetExpression: "SET EXPRESSION",
}


def new_column_rewrite(column: ast.ColumnDef) -> str | None:
    """What kind of new column fills every existing row (serial, identity, stored generated)."""
    if type_name(column.typeName) in SERIAL_TYPES:
        return f"`{type_name(column.typeName)}`"
    if constraints_of(column, ConstrType.CONSTR_IDENTITY):
        return "identity"
    for generated in constraints_of(column, ConstrType.CONSTR_GENERATED):
        if (
            generated.generated_kind != "v"
        ):  # virtual generated columns (PostgreSQL 18) store nothing
            return "stored generated"
    return None


def rewrites(statement: StatementContext) -> Iterator[tuple[str, str | None, str | None]]:
    """`(what, table, new column)` for each table rewrite the statement performs."""
    node = statement.node
    if isinstance(node, ast.VacuumStmt) and node.is_vacuumcmd:
        if any(option.defname == "full" for option in node.options or ()):
            for relation in node.rels or ():
                table = table_key(relation.relation) if relation.relation else None
                yield "`VACUUM FULL`", table, None
            if not node.rels:
                yield "`VACUUM FULL`", None, None
    elif isinstance(node, ast.AlterTableMoveAllStmt):
        yield f"`ALTER TABLE ALL IN TABLESPACE {node.orig_tablespacename}`", None, None
    elif isinstance(node, ast.ClusterStmt):
        yield "`CLUSTER`", table_key(node.relation) if node.relation else None, None
    elif isinstance(node, ast.AlterTableStmt):
        table = table_key(node.relation)
        for command in node.cmds or ():
            what = REWRITING_SUBCOMMANDS.get(command.subtype)
            if what:
                on_index = node.objtype == ObjectType.OBJECT_INDEX
                yield f"`{what}`" + (" on an index" if on_index else ""), table, None
            elif command.subtype == AlterTableType.AT_AddColumn and isinstance(
                command.def_, ast.ColumnDef
            ):
                kind = new_column_rewrite(command.def_)
                if kind:
                    column = command.def_.colname
                    yield f"Adding the {kind} column `{column}`", table, column


@rule("MG012", "table-rewrite-command", severity="warning")
def table_rewrite_command(context: LintContext) -> Iterator[Finding]:
    """## What it does
    Flags statements that rewrite a whole existing table: `VACUUM FULL`, `CLUSTER`, `SET TABLESPACE`,
    `SET LOGGED`/`UNLOGGED`, `SET ACCESS METHOD`, and adding an identity, `serial` or stored generated
    column.

    ## Why is this bad?
    A rewrite copies every row into a new file and rebuilds every index while holding an
    `ACCESS EXCLUSIVE` lock: the table can be neither read nor written until it finishes, which on a
    large table means minutes of downtime.

    ## Example
    ```python
    def upgrade() -> None:
        op.add_column("videos", sa.Column("seq", sa.BigInteger(), sa.Identity()))
    ```

    ## Use instead
    ```python
    def upgrade() -> None:
        op.add_column("videos", sa.Column("seq", sa.BigInteger()))
        # create a sequence, backfill in batches, then set the default and NOT NULL
    ```
    """
    for statement in context.statements:
        for what, table, column in rewrites(statement):
            if table is not None and statement.table_created_earlier(table):
                continue
            target = f"`{table}`" if table else "every table it touches"
            yield finding(
                statement,
                f"{what} rewrites {target} under an `ACCESS EXCLUSIVE` lock",
                "Add the column as a plain nullable column, backfill it in batches, then attach "
                "the default or sequence"
                if column
                else "Run it in a maintenance window, or use an online tool such as `pg_repack`",
                table=table,
                column=column,
                graded_by_size=True,
            )
