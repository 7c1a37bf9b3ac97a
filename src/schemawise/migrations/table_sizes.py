"""Live table sizes for size-aware severity: one read-only catalog query, no table scans.

Rows come from `pg_class.reltuples` (the planner's estimate, kept by VACUUM/ANALYZE); bytes from
`pg_total_relation_size` (heap, indexes and TOAST). A table never vacuumed or analyzed has `reltuples = -1`
(PostgreSQL 14+) or 0 with pages on disk; its rows are then estimated from its heap size at the
planner's fallback density (here: 100 bytes a row), never counted.
"""

from __future__ import annotations

from collections.abc import Iterable

import psycopg

from schemawise.errors import DatabaseUnavailable
from schemawise.migrations.context import TableSize
from schemawise.pg.connect import connection, describe_error, server_version
from schemawise.pg.urls import redact

# Assumed width of a row when the table has never been analyzed.
FALLBACK_ROW_BYTES = 100

SIZES_QUERY = """
SELECT CASE WHEN n.nspname = 'public' THEN c.relname ELSE n.nspname || '.' || c.relname END AS name,
       CASE WHEN c.reltuples > 0 OR (c.reltuples = 0 AND c.relpages = 0) THEN c.reltuples::bigint
            ELSE pg_relation_size(c.oid) / %(row_bytes)s END AS rows,
       pg_total_relation_size(c.oid) AS bytes
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p', 'm')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND (CASE WHEN n.nspname = 'public' THEN c.relname ELSE n.nspname || '.' || c.relname END)
      = ANY(%(names)s)
"""


def fetch_table_sizes(url: str, tables: Iterable[str]) -> tuple[dict[str, TableSize], int]:
    """(table -> size for the named tables that exist, the server's major version)."""
    names = sorted(set(tables))
    with connection(url, read_only=True) as conn:
        try:
            rows = conn.execute(
                SIZES_QUERY, {"names": names, "row_bytes": FALLBACK_ROW_BYTES}
            ).fetchall()
        except psycopg.Error as error:
            raise DatabaseUnavailable(
                f"cannot read table sizes from {redact(url)}: {describe_error(error)}"
            ) from None
        major = server_version(conn) // 10000
    return {name: TableSize(rows=int(r), bytes=int(b)) for name, r, b in rows}, major
