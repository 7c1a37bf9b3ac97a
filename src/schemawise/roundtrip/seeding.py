"""Generated rows: a few plausible rows in every table, derived from the live catalog.

Values follow each column's type (`pg_type.typcategory`, enum labels, varchar lengths), are unique per
run (a counter), take foreign keys from rows already in the referenced table (tables are seeded parents
first), and pick string literals named in a CHECK constraint on the column. Columns with a default,
identity or generated columns are left to PostgreSQL. A table that still refuses its rows is reported
once as a note; seeding never stops a run.
"""

from __future__ import annotations

import graphlib
import re
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import psycopg
from psycopg import sql

from schemawise.roundtrip.snapshot import USER_NAMESPACES

COLUMNS_QUERY = f"""
WITH ns AS ({USER_NAMESPACES})
SELECT ns.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod),
       t.typcategory, a.atttypmod, a.attnotnull,
       (ad.adbin IS NOT NULL OR a.attidentity <> '' OR a.attgenerated <> '') AS has_default,
       a.attgenerated <> '' OR a.attidentity = 'a' AS must_skip,
       CASE WHEN t.typtype = 'e' THEN ARRAY(SELECT enumlabel::text FROM pg_enum
            WHERE enumtypid = t.oid ORDER BY enumsortorder) END,
       bt.typname
FROM pg_class c JOIN ns ON ns.oid = c.relnamespace
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
JOIN pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_type bt ON bt.oid = CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END
LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
WHERE c.relkind IN ('r', 'p')
ORDER BY ns.nspname, c.relname, a.attnum
"""

CONSTRAINTS_QUERY = f"""
WITH ns AS ({USER_NAMESPACES})
SELECT ns.nspname, c.relname, con.contype, pg_get_constraintdef(con.oid),
       ARRAY(SELECT attname::text FROM unnest(con.conkey) WITH ORDINALITY k(num, ord)
             JOIN pg_attribute ON attrelid = con.conrelid AND attnum = k.num ORDER BY k.ord),
       rn.nspname, rc.relname,
       ARRAY(SELECT attname::text FROM unnest(con.confkey) WITH ORDINALITY k(num, ord)
             JOIN pg_attribute ON attrelid = con.confrelid AND attnum = k.num ORDER BY k.ord)
FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN ns ON ns.oid = c.relnamespace
LEFT JOIN pg_class rc ON rc.oid = con.confrelid LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace
WHERE con.contype IN ('f', 'c')
"""

_EPOCH = datetime(2024, 1, 1, tzinfo=UTC)
_MAX_PARAMETERS = 30_000
_STRING_LITERAL = re.compile(r"'((?:[^']|'')*)'")


@dataclass
class SeedColumn:
    name: str
    type: str
    category: str
    typmod: int
    not_null: bool
    has_default: bool
    must_skip: bool
    enum_labels: list[str] | None
    base_type: str | None
    allowed: list[str] = field(default_factory=list)  # string literals from a CHECK on it


@dataclass
class ForeignKey:
    columns: list[str]
    referred: tuple[str, str]
    referred_columns: list[str]


@dataclass
class SeedTable:
    schema: str
    name: str
    columns: list[SeedColumn] = field(default_factory=list)
    foreign_keys: list[ForeignKey] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, str]:
        return (self.schema, self.name)

    @property
    def display(self) -> str:
        return self.name if self.schema == "public" else f"{self.schema}.{self.name}"


def read_tables(conn: psycopg.Connection, skip: set[str]) -> dict[tuple[str, str], SeedTable]:
    tables: dict[tuple[str, str], SeedTable] = {}
    for schema, table, *column in conn.execute(COLUMNS_QUERY).fetchall():
        if table in skip:
            continue
        tables.setdefault((schema, table), SeedTable(schema, table)).columns.append(
            SeedColumn(*column)
        )
    for schema, table, kind, definition, columns, rschema, rtable, rcolumns in conn.execute(
        CONSTRAINTS_QUERY
    ).fetchall():
        seed_table = tables.get((schema, table))
        if seed_table is None:
            continue
        if kind == "f":
            seed_table.foreign_keys.append(ForeignKey(columns, (rschema, rtable), rcolumns))
        else:
            literals = [m.replace("''", "'") for m in _STRING_LITERAL.findall(definition)]
            for column in seed_table.columns:
                if column.name in columns and literals:
                    column.allowed = literals
    return tables


def _value(column: SeedColumn, counter: int, rank: int = 0) -> str | None:
    """A text value for `column` that PostgreSQL casts to its type; unique per counter.

    `rank` orders the numbers and times of one row: a column with a higher rank gets a larger value,
    which satisfies the common `CHECK (end_ms > start_ms)` when the columns are declared in that order
    (the seeder retries with the ranks reversed when they are not).
    """
    if column.allowed:
        return column.allowed[counter % len(column.allowed)]
    if column.enum_labels:
        return column.enum_labels[counter % len(column.enum_labels)]
    base = column.base_type or ""
    if column.type.endswith("[]"):
        return "{}"
    if base == "uuid":
        return str(uuid.UUID(int=counter + 1))
    if base in ("json", "jsonb"):
        return f'{{"n": {counter}}}'
    if base == "bool":
        return "true" if counter % 2 else "false"
    if base == "bytea":
        return f"\\x{counter:08x}"
    if base in ("inet", "cidr"):
        return f"10.{(counter >> 16) & 255}.{(counter >> 8) & 255}.{counter & 255}"
    if base in ("timestamptz", "timestamp"):
        return (_EPOCH + timedelta(days=rank, seconds=counter)).isoformat()
    if base == "date":
        return (_EPOCH + timedelta(days=counter % 10_000 + rank * 10_000)).date().isoformat()
    if base in ("time", "timetz"):
        return f"{(counter // 60) % 24:02d}:{counter % 60:02d}:00"
    if base == "interval":
        return f"{counter} seconds"
    if base == "numeric" and column.typmod > 4:
        precision, scale = ((column.typmod - 4) >> 16) & 0xFFFF, (column.typmod - 4) & 0xFFFF
        if precision <= scale:  # a fraction, like `score numeric(3, 3)`: keep it within [0, 1)
            return f"0.{(counter % 10**scale):0{scale}d}" if scale else "0"
        return str(counter % 10 ** (precision - scale))
    if base in ("float4", "float8") and rank >= 0:
        return f"0.{counter % 1000:03d}{rank}"  # in [0, 1): fits scores and ratios
    if column.category == "N":
        if base == "int2":
            return str(counter % 1000 + rank * 1000)
        return str(counter + rank * 1_000_000)
    if column.category == "S":
        text = f"{column.name}-{counter}"
        length = column.typmod - 4 if column.typmod > 4 else None
        return text[-length:] if length else text
    return None if not column.not_null else str(counter)


class Seeder:
    """Inserts rows run after run; counts keep values unique across every call."""

    def __init__(self, version_table: str = "alembic_version") -> None:
        self.counter = 1000
        self.skip = {version_table}
        self.unseedable: dict[str, str] = {}  # table -> first error, reported once
        self._tables: dict[tuple[str, str], SeedTable] = {}

    def _order(self, tables: dict[tuple[str, str], SeedTable]) -> list[SeedTable]:
        graph = {
            key: {
                fk.referred
                for fk in table.foreign_keys + self._implied_foreign_keys(table)
                if fk.referred != key
            }
            for key, table in tables.items()
        }
        try:
            order = list(graphlib.TopologicalSorter(graph).static_order())
        except graphlib.CycleError:
            order = list(tables)
        return [tables[key] for key in order if key in tables]

    def seed(
        self,
        conn: psycopg.Connection,
        rows_per_table: int,
        *,
        top_up: bool = False,
        only: set[str] | None = None,
    ) -> None:
        """Seed every table, or `only` these (by display name; their parents are read, not seeded)."""
        self._tables = read_tables(conn, self.skip)
        self._seed(conn, rows_per_table, top_up=top_up, only=only)

    def _seed(
        self, conn: psycopg.Connection, rows_per_table: int, *, top_up: bool, only: set[str] | None
    ) -> None:
        """Add `rows_per_table` rows to every table, or only as many as bring each table to that
        count (`top_up`). Autocommit connection; one transaction per table."""
        tables = self._tables
        for table in self._order(tables):
            if only is not None and table.display not in only:
                continue
            count = rows_per_table
            if top_up:
                existing = conn.execute(
                    sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(*table.key))
                ).fetchone()
                count = max(rows_per_table - (existing[0] if existing else 0), 0)
            if count == 0:
                continue
            error: Exception | None = None
            for direction in (1, -1):  # ranks in column order, then reversed
                try:
                    with conn.transaction():
                        self._seed_table(conn, table, count, direction)
                    error = None
                    break
                except psycopg.errors.CheckViolation as violation:
                    error = violation
                except (psycopg.Error, _Unseedable) as failure:
                    error = failure
                    break
            if error is not None:
                message = str(error).strip().splitlines()[0] if str(error).strip() else repr(error)
                self.unseedable.setdefault(table.display, message)

    def _implied_foreign_keys(self, table: SeedTable) -> list[ForeignKey]:
        """`clip_id` without a foreign key, while a `clips` table exists: take ids from `clips`, so
        the rows stay valid when a later revision adds the foreign key."""
        declared = {c for fk in table.foreign_keys for c in fk.columns}
        implied = []
        for column in table.columns:
            if column.name in declared or not column.name.endswith("_id"):
                continue
            stem = column.name.removesuffix("_id")
            for candidate in (stem + "s", stem + "es", stem):
                referred = self._tables.get((table.schema, candidate))
                if referred is not None and referred.key != table.key:
                    if any(c.name == "id" for c in referred.columns):
                        implied.append(ForeignKey([column.name], referred.key, ["id"]))
                    break
        return implied

    def _seed_table(
        self, conn: psycopg.Connection, table: SeedTable, count: int, direction: int = 1
    ) -> None:
        implied = self._implied_foreign_keys(table)
        fk_values: dict[str, list[tuple[object, ...]]] = {}
        for fk in table.foreign_keys + implied:
            query = sql.SQL("SELECT {} FROM {} LIMIT 50").format(
                sql.SQL(", ").join(sql.Identifier(c) for c in fk.referred_columns),
                sql.Identifier(*fk.referred),
            )
            fk_values[",".join(fk.columns)] = conn.execute(query).fetchall()
        fk_columns = {c: fk for fk in table.foreign_keys + implied for c in fk.columns}
        columns = [
            c
            for c in table.columns
            if not c.must_skip and (not c.has_default or c.name in fk_columns)
        ]
        if not columns:
            statement = sql.SQL("INSERT INTO {} DEFAULT VALUES").format(sql.Identifier(*table.key))
            for _ in range(count):
                conn.execute(statement)
            return
        row_values = sql.SQL("({})").format(
            sql.SQL(", ").join(
                sql.SQL("{}::{}").format(sql.Placeholder(), sql.SQL(c.type)) for c in columns
            )
        )
        ranks = {c.name: (i if direction > 0 else len(columns) - i) for i, c in enumerate(columns)}
        rows: list[list[object]] = []
        for _ in range(count):
            self.counter += 1
            row: list[object] = []
            for column in columns:
                fk = fk_columns.get(column.name)
                candidates = fk_values[",".join(fk.columns)] if fk is not None else []
                if fk is None or (not candidates and fk in implied):
                    row.append(_value(column, self.counter, ranks[column.name]))
                    continue
                if not candidates:
                    if column.not_null:
                        raise _Unseedable(
                            f"the referenced table `{fk.referred[1]}` has no rows to point at"
                        )
                    row.append(None)
                    continue
                referred = candidates[self.counter % len(candidates)]
                value = referred[fk.columns.index(column.name)]
                row.append(None if value is None else str(value))
            rows.append(row)
        # Multi-row INSERTs: few round trips, no pipeline to abort on a failing row, and under
        # PostgreSQL's 65535 parameters per statement.
        per_statement = max(1, _MAX_PARAMETERS // len(columns))
        for start in range(0, len(rows), per_statement):
            chunk = rows[start : start + per_statement]
            statement = sql.SQL("INSERT INTO {} ({}) VALUES {}").format(
                sql.Identifier(*table.key),
                sql.SQL(", ").join(sql.Identifier(c.name) for c in columns),
                sql.SQL(", ").join([row_values] * len(chunk)),
            )
            conn.execute(statement, [value for row in chunk for value in row])


class _Unseedable(Exception):
    pass
