"""The lock trace (`--trace-locks`): what each migration statement locks, rewrites and blocks.

SQLAlchemy cursor events wrap every statement a revision runs. Before it: the relfilenode of every
relation. After it, with the revision's transaction still open: the locks this session holds
(`pg_locks`), which relations got a new relfilenode (a rewrite), the time taken, which tables it
scanned (`pg_stat_get_xact_numscans`: its work grows with the table), and a second
connection that tries a `SELECT` and a write (`DELETE ... WHERE false`, rolled back) on each locked
table under a short `lock_timeout`. A probe that times out proves the statement blocks that access.
Only tables committed before the revision are probed: other sessions cannot see newer ones.
"""

from __future__ import annotations

import os
import time
import traceback
from typing import Any

import psycopg
from psycopg import sql
from sqlalchemy import event
from sqlalchemy.engine import Engine

from schemawise.pg.connect import connect
from schemawise.roundtrip.results import RevisionRef, StatementTrace
from schemawise.roundtrip.snapshot import USER_NAMESPACES

RELATIONS_QUERY = f"""
WITH ns AS ({USER_NAMESPACES})
SELECT c.oid, ns.nspname, c.relname, c.relkind, c.relfilenode,
       pg_stat_get_xact_numscans(c.oid)  -- scans in this transaction so far (0 for others)
FROM pg_class c JOIN ns ON ns.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p', 'i', 'm', 'S')
"""
LOCKS_QUERY = f"""
WITH ns AS ({USER_NAMESPACES})
SELECT c.oid, l.mode
FROM pg_locks l JOIN pg_class c ON c.oid = l.relation JOIN ns ON ns.oid = c.relnamespace
WHERE l.pid = pg_backend_pid() AND l.locktype = 'relation' AND l.granted
"""
_UNTRACED_PREFIXES = (
    "select", "show", "set ", "reset ", "begin", "commit", "rollback", "savepoint", "release"
)  # fmt: skip


def _display(schema: str, name: str) -> str:
    return name if schema == "public" else f"{schema}.{name}"


def _traced(statement: str) -> bool:
    text = statement.lstrip().lower()
    return not text.startswith(_UNTRACED_PREFIXES) and "alembic_version" not in text


class LockTracer:
    """Install around one revision's upgrade; collects a `StatementTrace` per statement."""

    def __init__(
        self,
        database_url: str,
        probe_timeout_ms: int,
        skip: set[str] = frozenset(),  # type: ignore[assignment]
    ) -> None:
        self.skip = skip  # the Alembic version table
        self.probe = connect(
            database_url,
            read_only=False,
            autocommit=True,
            options=f"-c lock_timeout={probe_timeout_ms}",
        )
        self.traces: list[StatementTrace] = []
        self.revision: RevisionRef | None = None
        self._before_nodes: dict[int, tuple[str, int]] = {}
        self._before_scans: dict[int, int] = {}
        self._line: int | None = None
        self._started = 0.0

    def close(self) -> None:
        self.probe.close()

    def __enter__(self) -> LockTracer:
        event.listen(Engine, "before_cursor_execute", self._before)
        event.listen(Engine, "after_cursor_execute", self._after)
        return self

    def __exit__(self, *exc_info: object) -> None:
        event.remove(Engine, "before_cursor_execute", self._before)
        event.remove(Engine, "after_cursor_execute", self._after)

    @staticmethod
    def _relations(conn: psycopg.Connection) -> dict[int, tuple[str, str, str, int, int]]:
        """oid -> (schema, name, relkind, relfilenode, scans by this session's transaction)."""
        return {row[0]: tuple(row[1:]) for row in conn.execute(RELATIONS_QUERY).fetchall()}  # type: ignore[misc]

    def _caller_line(self) -> int | None:
        path = self.revision.path if self.revision else None
        if not path:
            return None
        wanted = os.path.realpath(path)
        for frame in reversed(traceback.extract_stack()):
            if os.path.realpath(frame.filename) == wanted:
                return frame.lineno
        return None

    def _before(self, conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if self.revision is None or not _traced(statement):
            return
        relations = self._relations(cursor.connection)
        self._before_nodes = {oid: (rel[1], rel[3]) for oid, rel in relations.items()}
        self._before_scans = {oid: rel[4] for oid, rel in relations.items()}
        self._line = self._caller_line()
        self._started = time.perf_counter()

    def _after(self, conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if self.revision is None or not _traced(statement):
            return
        duration_ms = (time.perf_counter() - self._started) * 1000
        session: psycopg.Connection = cursor.connection
        relations = self._relations(session)
        committed = self._relations(self.probe)
        locks: dict[str, list[str]] = {}
        locked_tables: list[tuple[str, str]] = []
        for oid, mode in session.execute(LOCKS_QUERY).fetchall():
            relation = relations.get(oid) or committed.get(oid)
            if relation is None or relation[2] not in ("r", "p") or relation[1] in self.skip:
                continue  # lock modes are reported per table; indexes and sequences follow them
            if oid not in committed:
                continue  # created in this transaction: no other session can see it yet
            schema, name = relation[0], relation[1]
            locks.setdefault(_display(schema, name), []).append(mode)
            if (schema, name) not in locked_tables:
                locked_tables.append((schema, name))
        rewritten = sorted(
            _display(relations[oid][0], relations[oid][1])
            for oid, (_name, node) in self._before_nodes.items()
            if oid in relations
            and oid in committed
            and relations[oid][2] != "S"
            and node
            and relations[oid][3] != node
        )
        scanned = sorted(
            _display(relations[oid][0], relations[oid][1])
            for oid, scans in self._before_scans.items()
            if oid in relations and oid in committed and relations[oid][4] > scans
        )
        blocks_reads, blocks_writes = [], []
        for schema, name in locked_tables:
            table = sql.Identifier(schema, name)
            if self._blocked(sql.SQL("SELECT 1 FROM {} LIMIT 1").format(table)):
                blocks_reads.append(_display(schema, name))
            if self._blocked(sql.SQL("DELETE FROM {} WHERE false").format(table)):
                blocks_writes.append(_display(schema, name))
        assert self.revision is not None
        self.traces.append(
            StatementTrace(
                revision=self.revision,
                statement=" ".join(statement.split()),
                line=self._line,
                duration_ms=round(duration_ms, 2),
                locks={table: sorted(set(modes)) for table, modes in sorted(locks.items())},
                rewritten=rewritten,
                scanned=scanned,
                blocks_reads=blocks_reads,
                blocks_writes=blocks_writes,
            )
        )

    def _blocked(self, probe_statement: sql.Composed) -> bool:
        try:
            with self.probe.transaction(force_rollback=True):
                self.probe.execute(probe_statement)
        except psycopg.errors.LockNotAvailable:
            return True
        except psycopg.Error:
            return False  # not a lock wait (e.g. a permission or type problem): no proof either way
        return False
