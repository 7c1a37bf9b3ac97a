"""Readers the MG statement rules share: ALTER TABLE commands, column types, help wording, findings.

Not a rule module (it registers nothing); `load_rules()` imports it like any other module here.
"""

from __future__ import annotations

from collections.abc import Iterator

from pglast import ast
from pglast.enums import AlterTableType, ConstrType, ObjectType

from schemawise.migrations.context import StatementContext, table_key
from schemawise.registry import Finding

# Alembic's way out of the revision's transaction, quoted by several help lines.
AUTOCOMMIT_BLOCK = "`with op.get_context().autocommit_block():`"


def alter_table_commands(
    statement: StatementContext, *subtypes: AlterTableType
) -> Iterator[tuple[str, ast.AlterTableCmd]]:
    """`(table, command)` for each `ALTER TABLE` subcommand of the given kinds (all when none given)."""
    node = statement.node
    if not isinstance(node, ast.AlterTableStmt) or node.objtype != ObjectType.OBJECT_TABLE:
        return
    table = table_key(node.relation)
    for command in node.cmds or ():
        if not subtypes or command.subtype in subtypes:
            yield table, command


def constraints_of(column: ast.ColumnDef, *kinds: ConstrType) -> list[ast.Constraint]:
    return [c for c in column.constraints or () if c.contype in kinds]


def type_name(name: ast.TypeName | None) -> str:
    """The type's own name, lowercased and without `pg_catalog`: `int4`, `varchar`, `timestamptz`."""
    if name is None or not name.names:
        return ""
    return name.names[-1].sval.lower()


def type_modifiers(name: ast.TypeName | None) -> tuple[int, ...] | None:
    """Integer type modifiers (`varchar(20)` -> `(20,)`), `()` for none, None when not constants."""
    if name is None or not name.typmods:
        return ()
    values: list[int] = []
    for modifier in name.typmods:
        value = getattr(modifier, "val", None)
        if not isinstance(value, ast.Integer):
            return None
        values.append(value.ival)
    return tuple(values)


def is_array(name: ast.TypeName | None) -> bool:
    return bool(name is not None and name.arrayBounds)


def new_columns(statement: StatementContext) -> Iterator[tuple[str, ast.ColumnDef]]:
    """`(table, column)` for columns a statement defines: `CREATE TABLE` and `ADD COLUMN`."""
    node = statement.node
    if isinstance(node, ast.CreateStmt):
        table = table_key(node.relation)
        for element in node.tableElts or ():
            if isinstance(element, ast.ColumnDef):
                yield table, element
    for table, command in alter_table_commands(statement, AlterTableType.AT_AddColumn):
        if isinstance(command.def_, ast.ColumnDef):
            yield table, command.def_


def typed_columns(statement: StatementContext) -> Iterator[tuple[str, str, ast.TypeName]]:
    """`(table, column, type)` for every column type a DDL statement writes, type changes included."""
    for table, column in new_columns(statement):
        if column.typeName is not None:
            yield table, column.colname, column.typeName
    for table, command in alter_table_commands(statement, AlterTableType.AT_AlterColumnType):
        if isinstance(command.def_, ast.ColumnDef) and command.def_.typeName is not None:
            yield table, command.name, command.def_.typeName


def table_created_by(statement: StatementContext) -> str | None:
    """The table a `CREATE TABLE` (or `CREATE TABLE AS`) statement creates: its lock waits for no one."""
    node = statement.node
    if isinstance(node, ast.CreateStmt):
        return table_key(node.relation)
    if isinstance(node, ast.CreateTableAsStmt) and node.into is not None:
        return table_key(node.into.rel)
    return None


def is_new_table(statement: StatementContext, table: str) -> bool:
    """Created earlier in the revision, or by this very statement."""
    return statement.table_created_earlier(table) or table == table_created_by(statement)


def alembic_or_sql(
    statement: StatementContext, alembic: str, sql: str, *, raw_sql: str | None = None
) -> str:
    """Help in the user's vocabulary: `op.*` terms for a revision, SQL for a `.sql` file, and
    `raw_sql` for SQL the revision passes to `op.execute(...)` (when the rule has such a variant)."""
    if not statement.from_alembic:
        return sql
    if statement.op == "execute" and raw_sql is not None:
        return raw_sql
    return alembic


def finding(
    statement: StatementContext,
    message: str,
    help: str | None,
    *,
    table: str | None = None,
    column: str | None = None,
    object: str | None = None,
    graded_by_size: bool = False,
) -> Finding:
    """A finding located at the statement; lock and rewrite rules grade it by the table's live size."""
    if graded_by_size and table is not None:
        message += statement.size_note(table)
        severity = statement.graded_severity(table)
    else:
        severity = None
    return Finding(
        message=message,
        help=help,
        path=statement.path,
        line=statement.line,
        table=table,
        column=column,
        object=object,
        severity=severity,
    )


STATEMENT_LABELS: dict[type, str] = {
    ast.AlterTableStmt: "ALTER TABLE",
    ast.IndexStmt: "CREATE INDEX",
    ast.CreateStmt: "CREATE TABLE",
    ast.RenameStmt: "ALTER TABLE ... RENAME",
    ast.TruncateStmt: "TRUNCATE",
    ast.VacuumStmt: "VACUUM",
    ast.ClusterStmt: "CLUSTER",
    ast.ReindexStmt: "REINDEX",
    ast.LockStmt: "LOCK TABLE",
    ast.CreateTrigStmt: "CREATE TRIGGER",
    ast.UpdateStmt: "UPDATE",
    ast.DeleteStmt: "DELETE",
    ast.InsertStmt: "INSERT",
}


def statement_label(statement: StatementContext) -> str:
    """What to call the statement in a message: `ALTER TABLE`, `DROP INDEX`, `CREATE INDEX`."""
    node = statement.node
    if isinstance(node, ast.DropStmt):
        return "DROP " + ObjectType(node.removeType).name.removeprefix("OBJECT_").replace("_", " ")
    label = STATEMENT_LABELS.get(type(node))
    if label:
        return label
    words = statement.sql.split()
    return words[0].upper() if words else type(node).__name__
