"""Which table locks a statement takes, from its parse tree.

Lock levels follow the PostgreSQL manual: "Explicit Locking" (table-level lock modes) and the lock notes
of `ALTER TABLE`, `CREATE INDEX`, `REINDEX`, `VACUUM`, `CLUSTER`, `TRUNCATE` and `CREATE TRIGGER`. Where a
statement names an index (`DROP INDEX`, `REINDEX INDEX`, `ALTER INDEX`), the lock is reported on the
index's table when the linted history created that index, else on the index name itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pglast import ast, enums

from schemawise.migrations.context import LockMode, table_key

AT = enums.AlterTableType

# ALTER TABLE subcommands weaker than ACCESS EXCLUSIVE (manual, ALTER TABLE "Description").
ALTER_TABLE_LOCKS: dict[Any, LockMode] = {
    AT.AT_ValidateConstraint: LockMode.SHARE_UPDATE_EXCLUSIVE,
    AT.AT_SetStatistics: LockMode.SHARE_UPDATE_EXCLUSIVE,
    AT.AT_ClusterOn: LockMode.SHARE_UPDATE_EXCLUSIVE,
    AT.AT_DropCluster: LockMode.SHARE_UPDATE_EXCLUSIVE,
    AT.AT_SetRelOptions: LockMode.SHARE_UPDATE_EXCLUSIVE,
    AT.AT_ResetRelOptions: LockMode.SHARE_UPDATE_EXCLUSIVE,
    AT.AT_AttachPartition: LockMode.SHARE_UPDATE_EXCLUSIVE,
    AT.AT_DetachPartitionFinalize: LockMode.SHARE_UPDATE_EXCLUSIVE,
    AT.AT_EnableTrig: LockMode.SHARE_ROW_EXCLUSIVE,
    AT.AT_EnableAlwaysTrig: LockMode.SHARE_ROW_EXCLUSIVE,
    AT.AT_EnableReplicaTrig: LockMode.SHARE_ROW_EXCLUSIVE,
    AT.AT_DisableTrig: LockMode.SHARE_ROW_EXCLUSIVE,
    AT.AT_EnableTrigAll: LockMode.SHARE_ROW_EXCLUSIVE,
    AT.AT_DisableTrigAll: LockMode.SHARE_ROW_EXCLUSIVE,
    AT.AT_EnableTrigUser: LockMode.SHARE_ROW_EXCLUSIVE,
    AT.AT_DisableTrigUser: LockMode.SHARE_ROW_EXCLUSIVE,
}


def _take(locks: dict[str, LockMode], table: str, mode: LockMode) -> None:
    if mode > locks.get(table, 0):
        locks[table] = mode


def _dotted(names: Any) -> str:
    """`("media", "videos")` String nodes -> `media.videos` (bare name for public)."""
    parts = [name.sval for name in names]
    if len(parts) > 1 and parts[-2] != "public":
        return ".".join(parts[-2:])
    return parts[-1]


def _foreign_key_targets(constraints: Any) -> list[str]:
    return [
        table_key(constraint.pktable)
        for constraint in constraints or ()
        if isinstance(constraint, ast.Constraint)
        and constraint.contype == enums.ConstrType.CONSTR_FOREIGN
        and constraint.pktable is not None
    ]


def _alter_table(
    node: ast.AlterTableStmt, locks: dict[str, LockMode], index_tables: Mapping[str, str]
) -> None:
    target = table_key(node.relation)
    if node.objtype == enums.ObjectType.OBJECT_INDEX:
        target = index_tables.get(target, target)
    for command in node.cmds or ():
        subtype = command.subtype
        mode = ALTER_TABLE_LOCKS.get(subtype, LockMode.ACCESS_EXCLUSIVE)
        definition = command.def_
        if subtype == AT.AT_AddConstraint and isinstance(definition, ast.Constraint):
            if definition.contype == enums.ConstrType.CONSTR_FOREIGN:
                mode = LockMode.SHARE_ROW_EXCLUSIVE
            for referenced in _foreign_key_targets([definition]):
                _take(locks, referenced, LockMode.SHARE_ROW_EXCLUSIVE)
        if subtype == AT.AT_AddColumn and isinstance(definition, ast.ColumnDef):
            for referenced in _foreign_key_targets(definition.constraints):
                _take(locks, referenced, LockMode.SHARE_ROW_EXCLUSIVE)
        if subtype in (AT.AT_AttachPartition, AT.AT_DetachPartition) and isinstance(
            definition, ast.PartitionCmd
        ):
            # DETACH ... CONCURRENTLY takes SHARE UPDATE EXCLUSIVE on both the parent and the
            # partition (manual, ALTER TABLE "DETACH PARTITION"); the other forms lock the partition.
            concurrent_detach = subtype == AT.AT_DetachPartition and definition.concurrent
            partition_mode = (
                LockMode.SHARE_UPDATE_EXCLUSIVE if concurrent_detach else LockMode.ACCESS_EXCLUSIVE
            )
            _take(locks, table_key(definition.name), partition_mode)
            if concurrent_detach:
                mode = LockMode.SHARE_UPDATE_EXCLUSIVE
        _take(locks, target, mode)


def _has_option(options: Any, name: str) -> bool:
    return any(
        isinstance(option, ast.DefElem) and option.defname == name for option in options or ()
    )


def statement_locks(
    node: Any, index_tables: Mapping[str, str] | None = None
) -> dict[str, LockMode]:
    """table -> strongest lock mode `node` takes on it (empty for statements that lock no table)."""
    index_tables = index_tables or {}
    locks: dict[str, LockMode] = {}
    if isinstance(node, ast.AlterTableStmt):
        _alter_table(node, locks, index_tables)
    elif isinstance(node, ast.IndexStmt):
        mode = LockMode.SHARE_UPDATE_EXCLUSIVE if node.concurrent else LockMode.SHARE
        _take(locks, table_key(node.relation), mode)
    elif isinstance(node, ast.CreateStmt):
        _take(locks, table_key(node.relation), LockMode.ACCESS_EXCLUSIVE)
        for element in node.tableElts or ():
            if isinstance(element, ast.ColumnDef):
                targets = _foreign_key_targets(element.constraints)
            else:
                targets = _foreign_key_targets([element])
            for referenced in targets:
                _take(locks, referenced, LockMode.SHARE_ROW_EXCLUSIVE)
    elif isinstance(node, ast.DropStmt):
        removing = node.removeType
        if removing in (enums.ObjectType.OBJECT_TABLE, enums.ObjectType.OBJECT_MATVIEW):
            for names in node.objects or ():
                _take(locks, _dotted(names), LockMode.ACCESS_EXCLUSIVE)
        elif removing == enums.ObjectType.OBJECT_INDEX:
            mode = LockMode.SHARE_UPDATE_EXCLUSIVE if node.concurrent else LockMode.ACCESS_EXCLUSIVE
            for names in node.objects or ():
                index = _dotted(names)
                _take(locks, index_tables.get(index, index), mode)
    elif isinstance(node, ast.RenameStmt) and node.relation is not None:
        target = table_key(node.relation)
        if node.renameType == enums.ObjectType.OBJECT_INDEX:
            _take(locks, index_tables.get(target, target), LockMode.SHARE_UPDATE_EXCLUSIVE)
        else:
            _take(locks, target, LockMode.ACCESS_EXCLUSIVE)
    elif isinstance(node, ast.TruncateStmt):
        for relation in node.relations or ():
            _take(locks, table_key(relation), LockMode.ACCESS_EXCLUSIVE)
    elif isinstance(node, ast.VacuumStmt):
        full = node.is_vacuumcmd and _has_option(node.options, "full")
        mode = LockMode.ACCESS_EXCLUSIVE if full else LockMode.SHARE_UPDATE_EXCLUSIVE
        for relation in node.rels or ():
            if relation.relation is not None:
                _take(locks, table_key(relation.relation), mode)
    elif isinstance(node, ast.ClusterStmt) and node.relation is not None:
        _take(locks, table_key(node.relation), LockMode.ACCESS_EXCLUSIVE)
    elif isinstance(node, ast.ReindexStmt) and node.relation is not None:
        concurrent = _has_option(node.params, "concurrently")
        target = table_key(node.relation)
        if node.kind == enums.ReindexObjectType.REINDEX_OBJECT_INDEX:
            target = index_tables.get(target, target)
            mode = LockMode.SHARE_UPDATE_EXCLUSIVE if concurrent else LockMode.ACCESS_EXCLUSIVE
        else:
            mode = LockMode.SHARE_UPDATE_EXCLUSIVE if concurrent else LockMode.SHARE
        _take(locks, target, mode)
    elif isinstance(node, ast.UpdateStmt | ast.DeleteStmt | ast.InsertStmt):
        _take(locks, table_key(node.relation), LockMode.ROW_EXCLUSIVE)
    elif isinstance(node, ast.LockStmt):
        for relation in node.relations or ():
            _take(locks, table_key(relation), LockMode(node.mode))
    elif isinstance(node, ast.CreateTrigStmt):
        _take(locks, table_key(node.relation), LockMode.SHARE_ROW_EXCLUSIVE)
    return locks
