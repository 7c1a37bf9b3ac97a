"""Row captures: what every table holds, keyed by primary key, to prove rows survive a step.

A capture keeps each row as `{column: value as JSON text}` under its primary key (as text), plus the
key's column types: when a revision changes the key's type (an int-to-uuid swap), keys cannot be
matched, so only row counts are compared.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import psycopg
from psycopg import sql

from schemawise.roundtrip.snapshot import _USER_NAMESPACES

PRIMARY_KEYS_QUERY = f"""
WITH ns AS ({_USER_NAMESPACES})
SELECT ns.nspname, c.relname,
       ARRAY(SELECT a.attname::text || ' ' || format_type(a.atttypid, a.atttypmod)
             FROM unnest(con.conkey) WITH ORDINALITY k(num, ord)
             JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.num ORDER BY k.ord)
FROM pg_class c JOIN ns ON ns.oid = c.relnamespace
LEFT JOIN pg_constraint con ON con.conrelid = c.oid AND con.contype = 'p'
WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
"""


@dataclass
class TableRows:
    key_columns: list[str]  # "name type" of each primary key column; empty without a primary key
    rows: dict[str, dict[str, object]] = field(default_factory=dict)
    count: int = 0

    def comparable_with(self, other: TableRows) -> bool:
        return bool(self.key_columns) and self.key_columns == other.key_columns


def capture(conn: psycopg.Connection, skip: set[str]) -> dict[str, TableRows]:
    captured: dict[str, TableRows] = {}
    for schema, table, key_columns in conn.execute(PRIMARY_KEYS_QUERY).fetchall():
        if table in skip:
            continue
        name = table if schema == "public" else f"{schema}.{table}"
        identifier = sql.Identifier(schema, table)
        if not key_columns:
            count = conn.execute(sql.SQL("SELECT count(*) FROM {}").format(identifier)).fetchone()
            captured[name] = TableRows([], count=count[0] if count else 0)
            continue
        names = [column.split(" ", 1)[0] for column in key_columns]
        query = sql.SQL("SELECT ({})::text, to_jsonb(t) FROM {} AS t").format(
            sql.SQL(" || ',' || ").join(
                sql.SQL("{}::text").format(sql.Identifier(n)) for n in names
            ),
            identifier,
        )
        rows = dict(conn.execute(query).fetchall())
        captured[name] = TableRows(list(key_columns), rows, len(rows))
    return captured


@dataclass(frozen=True)
class RowLoss:
    table: str
    missing: int
    total: int
    column: str | None = None  # set when rows survive but this column's values do not


def lost_rows(before: dict[str, TableRows], after: dict[str, TableRows]) -> list[RowLoss]:
    """Rows of tables present in both captures that are missing from `after`."""
    losses = []
    for name, old in before.items():
        new = after.get(name)
        if new is None or old.count == 0:
            continue  # a dropped table is a deliberate drop, not a silent loss
        if old.comparable_with(new):
            missing = len(old.rows.keys() - new.rows.keys())
        else:
            missing = max(old.count - new.count, 0)
        if missing:
            losses.append(RowLoss(name, missing, old.count))
    return losses


def changed_values(before: dict[str, TableRows], after: dict[str, TableRows]) -> list[RowLoss]:
    """Columns whose values differ between the captures, over rows present in both."""
    losses = []
    for name, old in before.items():
        new = after.get(name)
        if new is None or not old.comparable_with(new):
            continue
        common = old.rows.keys() & new.rows.keys()
        differing: dict[str, int] = {}
        for key in common:
            old_row, new_row = old.rows[key], new.rows[key]
            assert isinstance(old_row, dict) and isinstance(new_row, dict)
            for column, value in old_row.items():
                # NULL -> a value is a backfill the downgrade kept, not a loss.
                if value is not None and column in new_row and new_row[column] != value:
                    differing[column] = differing.get(column, 0) + 1
        for column, count in sorted(differing.items()):
            losses.append(RowLoss(name, count, len(common), column))
    return losses
