"""MG011: a column type change that rewrites the table (binary-coercible changes are allowed)."""

from __future__ import annotations

from collections.abc import Iterator

from pglast import ast
from pglast.enums import AlterTableType

from schemawise.migrations.context import LintContext, StatementContext
from schemawise.migrations.rules._column_types import (
    existing_type_in_revision,
    record_types,
    type_sql,
)
from schemawise.migrations.rules._statements import alembic_or_sql, alter_table_commands, type_name
from schemawise.migrations.rules._statements import finding as located_finding
from schemawise.migrations.rules._type_changes import TIMEZONE_SKIP_SINCE, needs_rewrite
from schemawise.registry import Finding, rule

# `SET TimeZone` values that mean UTC.
UTC_NAMES = {"utc", "etc/utc", "uct", "gmt", "etc/gmt", "zulu", "z", "+00", "00:00", "0"}
# Target types an unknown old type most often widens into; not flagged without the old type.
LIKELY_WIDENING_TARGETS = {"text", "varchar"}


def using_is_plain(command: ast.AlterTableCmd) -> bool:
    """No `USING`, or `USING column` / `USING column::type`: PostgreSQL's own cast decides."""
    expression = command.def_.raw_default
    if isinstance(expression, ast.TypeCast):
        expression = expression.arg
    return expression is None or (
        isinstance(expression, ast.ColumnRef) and expression.fields[-1].sval == command.name
    )


def is_utc_setting(statement: StatementContext) -> bool | None:
    """True/False for `SET TimeZone = ...`, None for any other statement."""
    node = statement.node
    if not isinstance(node, ast.VariableSetStmt) or node.name != "timezone":
        return None
    value = node.args[0].val if node.args else None
    return isinstance(value, ast.String) and value.sval.lower() in UTC_NAMES


def help_for(
    statement: StatementContext, old: ast.TypeName | None, new: ast.TypeName, pg_version: int
) -> str:
    names = {type_name(old), type_name(new)} if old is not None else set()
    if names == {"timestamp", "timestamptz"} and pg_version >= TIMEZONE_SKIP_SINCE:
        return alembic_or_sql(
            statement,
            "Run `op.execute(\"SET TimeZone = 'UTC'\")` before the change, so PostgreSQL "
            "skips the rewrite",
            "Run `SET TimeZone = 'UTC'` before the change, so PostgreSQL skips the rewrite",
        )
    return alembic_or_sql(
        statement,
        "Add a new column with `op.add_column(...)`, backfill it in batches and switch readers "
        "over, instead of `op.alter_column(..., type_=...)`",
        "Add a new column, backfill it in batches and switch readers over, instead of "
        "`ALTER COLUMN ... TYPE`",
    )


@rule("MG011", "column-type-change", severity="warning")
def column_type_change(context: LintContext) -> Iterator[Finding]:
    """## What it does
    Flags `ALTER COLUMN ... TYPE` on an existing table when the change rewrites the table. Changes that
    only relabel the stored bytes are allowed: `varchar(n)` to a larger `n`, to `varchar` or to `text`,
    `numeric(p, s)` to a larger `p` with the same `s`, `cidr` to `inet`, a larger precision on
    `timestamp`/`time`/`interval`, and `timestamp` <-> `timestamptz` on PostgreSQL 12+ when the
    revision sets `TimeZone` to UTC. The old type comes from Alembic's `existing_type=` or from the
    column's earlier definition in the linted history; when neither is known, a change to `text` or
    `varchar` is assumed to be a widening and is not flagged.

    ## Why is this bad?
    A rewriting type change copies every row and rebuilds every index of the table while holding an
    `ACCESS EXCLUSIVE` lock: no reads or writes for the duration, and double the disk space.

    ## Example
    ```python
    def upgrade() -> None:
        op.alter_column("videos", "duration", type_=sa.BigInteger(), existing_type=sa.Integer())
    ```

    ## Use instead
    ```python
    def upgrade() -> None:
        # add the new column, keep it in sync from the application (or a trigger),
        # backfill in batches, then swap the names in a short transaction
        op.add_column("videos", sa.Column("duration_new", sa.BigInteger()))
    ```
    """
    types: dict[tuple[str, str], ast.TypeName] = {}
    session_utc: dict[tuple[str | None, str | None], bool] = {}
    for statement in context.statements:
        unit = (statement.path, statement.revision)
        utc = is_utc_setting(statement)
        if utc is not None:
            session_utc[unit] = utc
        for table, command in alter_table_commands(statement, AlterTableType.AT_AlterColumnType):
            if statement.table_created_earlier(table):
                continue
            new = command.def_.typeName
            old = types.get((table, command.name))
            if statement.from_alembic and statement.path and statement.line:
                old = existing_type_in_revision(statement.path, statement.line) or old
            change = f"to `{type_sql(new)}`"
            if old is not None:
                change = f"from `{type_sql(old)}` " + change
            if not using_is_plain(command):
                change += " with a `USING` expression"
            elif old is None:
                if type_name(new) in LIKELY_WIDENING_TARGETS:
                    continue
            elif not needs_rewrite(old, new, context.pg_version, session_utc.get(unit, False)):
                continue
            yield located_finding(
                statement,
                f"Changing `{table}`.`{command.name}` {change} rewrites the table under an "
                "`ACCESS EXCLUSIVE` lock",
                help_for(statement, old, new, context.pg_version),
                table=table,
                column=command.name,
                graded_by_size=True,
            )
        record_types(statement, types)
