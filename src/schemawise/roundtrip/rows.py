"""Row captures: what every table holds, keyed by primary key, to prove rows survive a step.

A capture keeps each row as `{column: value as JSON text}` under its primary key (as text), plus the
key's column types: when a revision changes the key's type (an int-to-uuid swap), keys cannot be
matched, so only row counts are compared.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import psycopg
from psycopg import sql

from schemawise.roundtrip.snapshot import USER_NAMESPACES

PRIMARY_KEYS_QUERY = f"""
WITH ns AS ({USER_NAMESPACES})
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
    rows: dict[str, str] = field(default_factory=dict)  # key -> the row as JSON text
    count: int = 0

    def comparable_with(self, other: TableRows) -> bool:
        return bool(self.key_columns) and self.key_columns == other.key_columns


def capture(conn: psycopg.Connection, skip: set[str]) -> dict[str, TableRows]:
    """Every table's rows (as JSON text under their key) or, without a key, its count; one query."""
    tables = []
    for schema, table, key_columns in conn.execute(PRIMARY_KEYS_QUERY).fetchall():
        if table not in skip:
            tables.append(
                (table if schema == "public" else f"{schema}.{table}", schema, table, key_columns)
            )
    if not tables:
        return {}
    parts = []
    for name, schema, table, key_columns in tables:
        identifier = sql.Identifier(schema, table)
        if not key_columns:
            parts.append(
                sql.SQL("SELECT {}, NULL, count(*)::text FROM {}").format(
                    sql.Literal(name), identifier
                )
            )
            continue
        names = [column.split(" ", 1)[0] for column in key_columns]
        key = sql.SQL(" || ',' || ").join(
            sql.SQL("t.{}::text").format(sql.Identifier(n)) for n in names
        )
        parts.append(
            sql.SQL("SELECT {}, ({})::text, to_jsonb(t)::text FROM {} AS t").format(
                sql.Literal(name), key, identifier
            )
        )
    captured = {name: TableRows(list(key_columns)) for name, _s, _t, key_columns in tables}
    for name, key, row in conn.execute(sql.SQL(" UNION ALL ").join(parts)).fetchall():
        table_rows = captured[name]
        if key is None:
            table_rows.count = int(row)
        else:
            table_rows.rows[key] = row
            table_rows.count += 1
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
            if old.rows[key] == new.rows[key]:
                continue
            old_row, new_row = json.loads(old.rows[key]), json.loads(new.rows[key])
            for column, value in old_row.items():
                # NULL -> a value is a backfill the downgrade kept, not a loss.
                if value is not None and column in new_row and new_row[column] != value:
                    differing[column] = differing.get(column, 0) + 1
        for column, count in sorted(differing.items()):
            losses.append(RowLoss(name, count, len(common), column))
    return losses
