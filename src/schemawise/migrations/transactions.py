"""The transaction model: walks the statements in run order and records, before each one, the state rules
ask about (in a transaction? which locks held? lock_timeout set? which tables are new?).

Scopes, and why:
- per transaction: locks held and constraints added `NOT VALID` (both end at COMMIT/ROLLBACK). Outside a
  transaction block every statement is its own transaction, so nothing carries over to the next one;
- per unit (one revision or one .sql file): tables created earlier, and `lock_timeout` (a revision is
  usually deployed on its own, so a `SET` in an older revision is not relied on);
- whole history: validated `CHECK (col IS NOT NULL)` constraints and which table each index belongs to
  (both are schema facts that persist once committed).
With `transaction_per_migration = False` (Alembic's default) one `alembic upgrade` runs all pending
revisions in one transaction; the model still scopes transactions to a revision, because a deploy runs a
few new revisions, not the whole history, and carrying locks across a long history would flag everything.
Alembic's own transaction arrives as `LintUnit.starts_in_transaction`; `autocommit_block()` shows up as the
`COMMIT`/`BEGIN` pair Alembic emits in offline mode, and SQL files carry their own `BEGIN`/`COMMIT`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pglast import ast, enums

from schemawise.migrations.context import LockMode, StatementContext, table_key
from schemawise.migrations.locks import statement_locks
from schemawise.migrations.units import LintUnit

TX = enums.TransactionStmtKind
_TIMEOUT_OFF = re.compile(r"^\s*0+\s*(ms|s|min|h|d)?\s*$", re.IGNORECASE)


def lock_timeout_value_enables(value: str) -> bool:
    """`'5s'`, `2000` -> True; `0`, `'0ms'` -> False (0 disables the timeout)."""
    return not _TIMEOUT_OFF.match(value)


@dataclass
class _Transaction:
    locks: dict[str, LockMode] = field(default_factory=dict)
    not_valid: set[tuple[str, str]] = field(default_factory=set)
    local_lock_timeout: bool | None = None


@dataclass
class _History:
    validated_not_null: dict[str, set[str]] = field(default_factory=dict)
    pending_not_null: dict[tuple[str, str], str] = field(default_factory=dict)
    index_tables: dict[str, str] = field(default_factory=dict)
    _frozen: dict[str, frozenset[str]] | None = None

    def add_not_null(self, table: str, column: str) -> None:
        self.validated_not_null.setdefault(table, set()).add(column)
        self._frozen = None

    def snapshot(self) -> dict[str, frozenset[str]]:
        """Shared, read-only view until the next change (statements outnumber changes)."""
        if self._frozen is None:
            self._frozen = {t: frozenset(c) for t, c in self.validated_not_null.items()}
        return self._frozen


def _setting_value(node: ast.VariableSetStmt) -> str:
    value = node.args[0].val if node.args else None
    if isinstance(value, ast.Integer):
        return str(getattr(value, "ival", 0))
    if isinstance(value, ast.String):
        return value.sval
    if isinstance(value, ast.Float):
        return value.fval
    return "1"


def _set_config_lock_timeout(node: Any) -> tuple[str, bool] | None:
    """`SELECT set_config('lock_timeout', '5s', is_local)` -> ('5s', is_local)."""
    if not isinstance(node, ast.SelectStmt):
        return None
    for target in node.targetList or ():
        call = getattr(target, "val", None)
        if not isinstance(call, ast.FuncCall) or call.funcname[-1].sval != "set_config":
            continue
        constants = [getattr(getattr(arg, "val", None), "sval", None) for arg in call.args or ()]
        if len(constants) >= 2 and constants[0] == "lock_timeout" and constants[1] is not None:
            is_local = getattr(getattr(call.args[2], "val", None), "boolval", False)
            return constants[1], bool(is_local)
    return None


def _not_null_check_column(constraint: ast.Constraint) -> str | None:
    expression = constraint.raw_expr
    if (
        isinstance(expression, ast.NullTest)
        and expression.nulltesttype == enums.NullTestType.IS_NOT_NULL
        and isinstance(expression.arg, ast.ColumnRef)
    ):
        return expression.arg.fields[-1].sval
    return None


def _record_schema_facts(
    node: Any, history: _History, transaction: _Transaction, created: set[str]
) -> None:
    if isinstance(node, ast.CreateStmt):
        created.add(table_key(node.relation))
    elif isinstance(node, ast.CreateTableAsStmt) and node.into is not None:
        created.add(table_key(node.into.rel))
    elif isinstance(node, ast.IndexStmt) and node.idxname:
        history.index_tables[node.idxname] = table_key(node.relation)
    elif (
        isinstance(node, ast.RenameStmt)
        and node.renameType == enums.ObjectType.OBJECT_TABLE
        and node.relation is not None
        and table_key(node.relation) in created
    ):
        created.add(node.newname)
    elif isinstance(node, ast.AlterTableStmt):
        table = table_key(node.relation)
        for command in node.cmds or ():
            definition = command.def_
            subtype = command.subtype
            if subtype == enums.AlterTableType.AT_AddConstraint and isinstance(
                definition, ast.Constraint
            ):
                name = definition.conname or ""
                if definition.skip_validation:
                    transaction.not_valid.add((table, name))
                column = (
                    _not_null_check_column(definition)
                    if definition.contype == enums.ConstrType.CONSTR_CHECK
                    else None
                )
                if column and definition.skip_validation:
                    history.pending_not_null[(table, name)] = column
                elif column:
                    history.add_not_null(table, column)
            elif subtype == enums.AlterTableType.AT_ValidateConstraint:
                column = history.pending_not_null.pop((table, command.name), None)
                if column:
                    history.add_not_null(table, column)


def build_statement_contexts(units: Iterable[LintUnit], pg_version: int) -> list[StatementContext]:
    """One `StatementContext` per parsed statement of `units` (transaction control excluded)."""
    history = _History()
    contexts: list[StatementContext] = []
    for unit in units:
        created: set[str] = set()
        in_transaction = unit.starts_in_transaction
        session_lock_timeout = unit.lock_timeout_in_force
        transaction = _Transaction()
        for emitted in unit.statements:
            node = emitted.node
            if node is None:
                continue
            if isinstance(node, ast.TransactionStmt):
                if node.kind in (TX.TRANS_STMT_BEGIN, TX.TRANS_STMT_START):
                    in_transaction = True
                    transaction = _Transaction()
                elif node.kind in (TX.TRANS_STMT_COMMIT, TX.TRANS_STMT_ROLLBACK):
                    in_transaction = False
                    transaction = _Transaction()
                continue
            lock_timeout = (
                transaction.local_lock_timeout
                if transaction.local_lock_timeout is not None
                else session_lock_timeout
            )
            locks = statement_locks(node, history.index_tables)
            contexts.append(
                StatementContext(
                    node=node,
                    sql=emitted.sql,
                    path=emitted.path,
                    line=emitted.line,
                    revision=unit.revision,
                    op=emitted.op,
                    in_transaction=in_transaction,
                    lock_timeout_in_force=lock_timeout,
                    locks=locks,
                    tables_locked_in_transaction=dict(transaction.locks),
                    tables_created_before=frozenset(created),
                    constraints_added_not_valid_in_transaction=frozenset(transaction.not_valid),
                    validated_not_null_checks=history.snapshot(),
                    pg_version=pg_version,
                )
            )
            setting: tuple[str, bool] | None = None
            if isinstance(node, ast.VariableSetStmt) and node.name == "lock_timeout":
                if node.kind == enums.VariableSetKind.VAR_SET_VALUE:
                    setting = (_setting_value(node), bool(node.is_local))
                elif node.kind in (
                    enums.VariableSetKind.VAR_SET_DEFAULT,
                    enums.VariableSetKind.VAR_RESET,
                ):
                    setting = ("0" if not unit.lock_timeout_in_force else "1", bool(node.is_local))
            else:
                setting = _set_config_lock_timeout(node)
            if setting is not None:
                value, is_local = setting
                if is_local:
                    if in_transaction:  # SET LOCAL outside a transaction block has no effect
                        transaction.local_lock_timeout = lock_timeout_value_enables(value)
                else:
                    session_lock_timeout = lock_timeout_value_enables(value)
            _record_schema_facts(node, history, transaction, created)
            if in_transaction:
                for table, mode in locks.items():
                    if mode > transaction.locks.get(table, 0):
                        transaction.locks[table] = mode
            else:
                transaction = _Transaction()
    return contexts
