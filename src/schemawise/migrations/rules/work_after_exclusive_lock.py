"""MG015: more work in a transaction that already holds an `ACCESS EXCLUSIVE` lock."""

from __future__ import annotations

from collections.abc import Iterator

from pglast import ast
from pglast.enums import AlterTableType, ConstrType, ObjectType

from schemawise.migrations.context import LintContext, LockMode, StatementContext, table_key
from schemawise.migrations.rules._statements import (
    AUTOCOMMIT_BLOCK,
    alembic_or_sql,
    alter_table_commands,
    finding,
    is_new_table,
    statement_label,
)
from schemawise.migrations.rules.table_drop import dotted_table
from schemawise.registry import Finding, rule

# ALTER TABLE subcommands that read or rewrite the whole table.
SCANNING_SUBCOMMANDS = {
    AlterTableType.AT_ValidateConstraint,
    AlterTableType.AT_AlterColumnType,
    AlterTableType.AT_SetNotNull,
}


def scans_existing_table(statement: StatementContext) -> bool:
    """Does the statement read or write many rows of a table that existed before the revision?"""
    node = statement.node
    if isinstance(node, ast.UpdateStmt | ast.DeleteStmt):
        return not statement.table_created_earlier(table_key(node.relation))
    if isinstance(node, ast.InsertStmt):
        source = node.selectStmt
        return isinstance(source, ast.SelectStmt) and bool(source.fromClause)
    if isinstance(node, ast.VacuumStmt):
        relations = [r.relation for r in node.rels or () if r.relation is not None]
        return not relations or any(
            not statement.table_created_earlier(table_key(relation)) for relation in relations
        )
    if isinstance(node, ast.IndexStmt | ast.ReindexStmt | ast.ClusterStmt):
        relation = node.relation
        return relation is None or not statement.table_created_earlier(table_key(relation))
    for table, command in alter_table_commands(statement):
        if statement.table_created_earlier(table):
            continue
        if command.subtype == AlterTableType.AT_ValidateConstraint and (
            (table, command.name) in statement.constraints_added_not_valid_in_transaction
        ):
            continue  # validation-in-same-transaction (MG006) reports this one
        if command.subtype in SCANNING_SUBCOMMANDS:
            return True
        constraint = command.def_
        if (
            command.subtype == AlterTableType.AT_AddConstraint
            and isinstance(constraint, ast.Constraint)
            and not constraint.skip_validation
            and not constraint.indexname
            and constraint.contype != ConstrType.CONSTR_DEFAULT
        ):
            return True
    return False


def dropped_tables(statement: StatementContext) -> set[str]:
    node = statement.node
    if not isinstance(node, ast.DropStmt) or node.removeType != ObjectType.OBJECT_TABLE:
        return set()
    return {dotted_table(names) for names in node.objects or ()}


@rule("MG015", "work-after-exclusive-lock", severity="warning")
def work_after_exclusive_lock(context: LintContext) -> Iterator[Finding]:
    """## What it does
    Flags a statement that runs in a transaction already holding an `ACCESS EXCLUSIVE` lock on an
    existing table when the statement does slow work (scans, backfills, index builds, validation) or
    waits (with no `lock_timeout`) for a lock on another existing table. Quick catalog changes to the
    locked table itself are not flagged.

    ## Why is this bad?
    Locks are released only at commit. Once the transaction holds `ACCESS EXCLUSIVE` on a table, no
    one can read or write it until the end of the transaction, so every later slow step, and every
    wait for another table's lock, becomes downtime for the locked table.

    ## Example
    ```python
    def upgrade() -> None:
        op.add_column("videos", sa.Column("status", sa.Text()))
        op.execute("UPDATE videos SET status = 'ready' WHERE status IS NULL")
    ```

    ## Use instead
    ```python
    def upgrade() -> None:
        op.add_column("videos", sa.Column("status", sa.Text()))
        with op.get_context().autocommit_block():
            op.execute("UPDATE videos SET status = 'ready' WHERE status IS NULL")
    ```
    """
    # Tables dropped earlier in the revision: their lock blocks nobody who could still use them.
    dropped: dict[tuple[str | None, str | None], set[str]] = {}
    for statement in context.statements:
        unit = (statement.path, statement.revision)
        gone = dropped.setdefault(unit, set())
        if not statement.in_transaction:
            gone |= dropped_tables(statement)
            continue
        held = sorted(
            table
            for table, mode in statement.tables_locked_in_transaction.items()
            if mode is LockMode.ACCESS_EXCLUSIVE
            and not statement.table_created_earlier(table)
            and table not in gone
        )
        gone |= dropped_tables(statement)
        if not held:
            continue
        # A wait for another table's lock is bounded when lock_timeout is in force.
        waits_for = [
            table
            for table, mode in statement.locks.items()
            if table not in statement.tables_locked_in_transaction
            and mode >= LockMode.SHARE_UPDATE_EXCLUSIVE
            and not is_new_table(statement, table)
            and not statement.lock_timeout_in_force
        ]
        if waits_for:
            doing = f"waits for a lock on `{waits_for[0]}`"
        elif scans_existing_table(statement):
            doing = "reads or writes many rows"
        else:
            continue
        locked = ", ".join(f"`{table}`" for table in held)
        yield finding(
            statement,
            f"`{statement_label(statement)}` {doing} while the transaction holds an "
            f"`ACCESS EXCLUSIVE` lock on {locked}",
            alembic_or_sql(
                statement,
                "Move this step into a later revision or into "
                + AUTOCOMMIT_BLOCK
                + " so the lock is released first",
                "`COMMIT` before this statement so the lock is released first",
            ),
            table=held[0],
            graded_by_size=True,
        )
