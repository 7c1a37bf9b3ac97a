"""Catalog queries: every read of `pg_catalog` that describes a schema lives here.

Each query is set-based (one round trip for all tables, never one per table), so a 1,000-table schema
loads in a handful of queries. The first query picks the tables under review; the others take those
tables' oids as an array parameter, so the "which tables count" rule is written once.

Rows come back as plain named tuples; `schemawise.schema.from_database` turns them into the neutral
schema model. Queries work on PostgreSQL 13 to 18 (PG 18 also keeps NOT NULL constraints in
`pg_constraint` with `contype = 'n'`; the constraint query asks only for the kinds it knows).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, LiteralString, NamedTuple

import psycopg

# Schemas that hold PostgreSQL's own objects, never the user's.
SYSTEM_SCHEMAS = ("pg_catalog", "information_schema", "pg_toast")

# Tables that tools create next to the user's schema; skipped unless asked for.
TOOL_TABLES = ("alembic_version",)


class TableRow(NamedTuple):
    oid: int
    schema: str
    name: str
    # `pg_class.relkind`: "r" for a plain table, "p" for a partitioned table.
    kind: str
    # `reltuples` (summed over leaf partitions for a partitioned table); None before the first ANALYZE.
    estimated_rows: float | None
    comment: str | None


class ColumnRow(NamedTuple):
    table_oid: int
    name: str
    type: str
    not_null: bool
    # Default (or generation) expression text; None when there is none.
    default: str | None
    # `attidentity`: "a" (ALWAYS), "d" (BY DEFAULT) or "" (not an identity column).
    identity: str
    # `attgenerated`: "s" (stored), "v" (virtual, PG 18) or "".
    generated: str
    # The column owns the sequence its default draws from (what `serial` creates).
    owns_sequence: bool
    is_array: bool
    # Name of the enum type (of the element type for an array, of the base type for a domain).
    enum_name: str | None
    comment: str | None


class ConstraintRow(NamedTuple):
    table_oid: int
    name: str
    # `contype`: "p" primary key, "u" unique, "f" foreign key, "c" check.
    kind: str
    columns: list[str]
    referred_schema: str | None
    referred_table: str | None
    referred_columns: list[str] | None
    # `confdeltype` / `confupdtype`: a, r, c, n, d (see `FK_ACTIONS` in from_database).
    on_delete: str | None
    on_update: str | None
    deferrable: bool
    check_expression: str | None


class IndexRow(NamedTuple):
    table_oid: int
    name: str
    unique: bool
    method: str
    # Key columns in order: a column name, or the expression text for an expression key.
    keys: list[str]
    key_is_expression: list[bool]
    include: list[str]
    # Operator class per key; None where the key uses its type's default operator class.
    opclasses: list[str | None]
    predicate: str | None


class EnumRow(NamedTuple):
    name: str
    labels: list[str]


# The tables under review. Reads pg_class (plain and partitioned tables only: no views, sequences,
# foreign tables), pg_namespace (to skip system and temporary schemas), pg_depend (deptype "e": the
# table belongs to an extension, e.g. PostGIS's spatial_ref_sys) and pg_description (the comment).
# Partitions are skipped: the partitioned parent is reviewed and its row estimate is the sum of its
# analyzed leaf partitions' `reltuples` (pg_partition_tree). `reltuples` is -1 before the first ANALYZE
# (PG 14+); such tables get NULL, "unknown", rather than 0.
TABLES: LiteralString = """
SELECT c.oid::int8 AS oid,
       n.nspname AS schema,
       c.relname AS name,
       c.relkind::text AS kind,
       CASE
         WHEN c.relkind = 'p' THEN (
           SELECT (sum(leaf.reltuples) FILTER (WHERE leaf.reltuples >= 0))::float8
           FROM pg_partition_tree(c.oid) AS tree
           JOIN pg_class AS leaf ON leaf.oid = tree.relid
           WHERE tree.isleaf)
         WHEN c.reltuples < 0 THEN NULL
         ELSE c.reltuples::float8
       END AS estimated_rows,
       obj_description(c.oid, 'pg_class') AS comment
FROM pg_class AS c
JOIN pg_namespace AS n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p')
  AND NOT c.relispartition
  AND n.nspname <> ALL (%(system_schemas)s)
  AND n.nspname NOT LIKE 'pg\\_temp\\_%%'
  AND n.nspname NOT LIKE 'pg\\_toast\\_temp\\_%%'
  AND (%(schemas)s::text[] IS NULL OR n.nspname = ANY (%(schemas)s::text[]))
  AND c.relname <> ALL (%(skip_tables)s)
  AND NOT EXISTS (
    SELECT 1 FROM pg_depend AS d
    WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
ORDER BY n.nspname, c.relname
"""

# Columns of those tables, in table order. Reads pg_attribute (live columns only: attnum > 0, not
# dropped), format_type() for the type as PostgreSQL prints it, pg_attrdef through pg_get_expr() for the
# default or generation expression (pretty-printed, so without redundant parentheses), pg_type for
# arrays (typcategory "A"), domains (typbasetype) and enums (typtype "e"), pg_depend (deptype "a" from a sequence to this column: the sequence is OWNED BY
# the column, which is what `serial` sets up; identity sequences use deptype "i" instead) and
# col_description() for the comment.
COLUMNS: LiteralString = """
SELECT a.attrelid::int8 AS table_oid,
       a.attname AS name,
       format_type(a.atttypid, a.atttypmod) AS type,
       a.attnotnull AS not_null,
       pg_get_expr(def.adbin, def.adrelid, true) AS default,
       a.attidentity::text AS identity,
       a.attgenerated::text AS generated,
       EXISTS (
         SELECT 1 FROM pg_depend AS d
         JOIN pg_class AS seq ON seq.oid = d.objid AND seq.relkind = 'S'
         WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
           AND d.refobjid = a.attrelid AND d.refobjsubid = a.attnum AND d.deptype = 'a'
       ) AS owns_sequence,
       (t.typcategory = 'A') AS is_array,
       CASE WHEN base.typtype = 'e' THEN format_type(base.oid, NULL) END AS enum_name,
       col_description(a.attrelid, a.attnum) AS comment
FROM pg_attribute AS a
JOIN pg_type AS t ON t.oid = a.atttypid
LEFT JOIN pg_type AS element ON element.oid = t.typelem AND t.typcategory = 'A'
LEFT JOIN pg_type AS domain_base
  ON domain_base.oid = coalesce(element.oid, t.oid) AND domain_base.typtype = 'd'
LEFT JOIN pg_type AS base ON base.oid = coalesce(domain_base.typbasetype, element.oid, t.oid)
LEFT JOIN pg_attrdef AS def ON def.adrelid = a.attrelid AND def.adnum = a.attnum
WHERE a.attrelid = ANY (%(oids)s::oid[])
  AND a.attnum > 0
  AND NOT a.attisdropped
ORDER BY a.attrelid, a.attnum
"""

# Primary key, unique, foreign key and check constraints. Reads pg_constraint (conkey/confkey are
# attribute numbers, resolved to names in key order through pg_attribute), pg_class/pg_namespace for
# the referred table, and pg_get_expr(conbin) for a check's expression (pretty-printed, without the
# `CHECK (...)` wrapper). Constraints inherited from a parent table are included like local ones.
CONSTRAINTS: LiteralString = """
SELECT con.conrelid::int8 AS table_oid,
       con.conname AS name,
       con.contype::text AS kind,
       array(
         SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, position)
         JOIN pg_attribute AS a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
         ORDER BY k.position
       )::text[] AS columns,
       ref_ns.nspname AS referred_schema,
       ref.relname AS referred_table,
       CASE WHEN con.contype = 'f' THEN array(
         SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, position)
         JOIN pg_attribute AS a ON a.attrelid = con.confrelid AND a.attnum = k.attnum
         ORDER BY k.position
       )::text[] END AS referred_columns,
       CASE WHEN con.contype = 'f' THEN con.confdeltype::text END AS on_delete,
       CASE WHEN con.contype = 'f' THEN con.confupdtype::text END AS on_update,
       con.condeferrable AS deferrable,
       CASE WHEN con.contype = 'c' THEN pg_get_expr(con.conbin, con.conrelid, true) END
         AS check_expression
FROM pg_constraint AS con
LEFT JOIN pg_class AS ref ON ref.oid = con.confrelid
LEFT JOIN pg_namespace AS ref_ns ON ref_ns.oid = ref.relnamespace
WHERE con.conrelid = ANY (%(oids)s::oid[])
  AND con.contype IN ('p', 'u', 'f', 'c')
ORDER BY con.conrelid, con.conname
"""

# Indexes that are not the index behind a primary key or unique constraint (those are reported as
# constraints, the way a MetaData's UniqueConstraint is not an Index either). Reads pg_index (indkey: 0
# marks an expression key; the first indnkeyatts entries are keys, the rest INCLUDE columns), pg_am for
# the access method, pg_opclass (opcdefault) to report only non-default operator classes,
# pg_get_indexdef(oid, k, true) for the text of expression key k, and pg_get_expr(indpred) for the
# partial-index predicate. For a partitioned table these are its partitioned indexes.
INDEXES: LiteralString = """
SELECT i.indrelid::int8 AS table_oid,
       ic.relname AS name,
       i.indisunique AS unique,
       am.amname AS method,
       array(
         SELECT coalesce(a.attname::text, pg_get_indexdef(i.indexrelid, k.position, true))
         FROM generate_series(1, i.indnkeyatts) AS k(position)
         LEFT JOIN pg_attribute AS a
           ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k.position - 1]
         ORDER BY k.position
       )::text[] AS keys,
       array(
         SELECT i.indkey[k.position - 1] = 0
         FROM generate_series(1, i.indnkeyatts) AS k(position)
         ORDER BY k.position
       ) AS key_is_expression,
       array(
         SELECT a.attname
         FROM generate_series(i.indnkeyatts + 1, i.indnatts) AS k(position)
         JOIN pg_attribute AS a
           ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k.position - 1]
         ORDER BY k.position
       )::text[] AS include,
       array(
         SELECT CASE WHEN opc.opcdefault THEN NULL ELSE opc.opcname::text END
         FROM generate_series(1, i.indnkeyatts) AS k(position)
         JOIN pg_opclass AS opc ON opc.oid = i.indclass[k.position - 1]
         ORDER BY k.position
       )::text[] AS opclasses,
       pg_get_expr(i.indpred, i.indrelid, true) AS predicate
FROM pg_index AS i
JOIN pg_class AS ic ON ic.oid = i.indexrelid
JOIN pg_am AS am ON am.oid = ic.relam
WHERE i.indrelid = ANY (%(oids)s::oid[])
  AND NOT EXISTS (
    SELECT 1 FROM pg_constraint AS con
    WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u'))
ORDER BY i.indrelid, ic.relname
"""

# Enum types outside the system schemas and not owned by an extension, with labels in their declared
# order. Reads pg_type (typtype "e"), pg_enum (enumsortorder) and pg_depend (deptype "e").
ENUMS: LiteralString = """
SELECT format_type(t.oid, NULL) AS name,
       array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
FROM pg_type AS t
JOIN pg_namespace AS n ON n.oid = t.typnamespace
JOIN pg_enum AS e ON e.enumtypid = t.oid
WHERE t.typtype = 'e'
  AND n.nspname <> ALL (%(system_schemas)s)
  AND (%(schemas)s::text[] IS NULL OR n.nspname = ANY (%(schemas)s::text[]))
  AND NOT EXISTS (
    SELECT 1 FROM pg_depend AS d
    WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
GROUP BY t.oid
ORDER BY 1
"""


class Catalog(NamedTuple):
    """Everything the schema model needs, read in one snapshot."""

    tables: list[TableRow]
    columns: list[ColumnRow]
    constraints: list[ConstraintRow]
    indexes: list[IndexRow]
    enums: list[EnumRow]
    server_version: int


def _rows(
    conn: psycopg.Connection, query: LiteralString, params: dict[str, Any]
) -> list[tuple[Any, ...]]:
    return conn.execute(query, params).fetchall()


def read_catalog(
    conn: psycopg.Connection,
    schemas: Sequence[str] | None = None,
    skip_tables: Sequence[str] = TOOL_TABLES,
) -> Catalog:
    """Run every catalog query in one REPEATABLE READ transaction, so they see one snapshot."""
    scope = {
        "system_schemas": list(SYSTEM_SCHEMAS),
        "schemas": list(schemas) if schemas is not None else None,
        "skip_tables": list(skip_tables),
    }
    conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
    conn.read_only = True
    with conn.transaction():
        tables = [TableRow(*row) for row in _rows(conn, TABLES, scope)]
        by_oid = {"oids": [table.oid for table in tables]}
        columns = [ColumnRow(*row) for row in _rows(conn, COLUMNS, by_oid)]
        constraints = [ConstraintRow(*row) for row in _rows(conn, CONSTRAINTS, by_oid)]
        indexes = [IndexRow(*row) for row in _rows(conn, INDEXES, by_oid)]
        enums = [EnumRow(*row) for row in _rows(conn, ENUMS, scope)]
    return Catalog(tables, columns, constraints, indexes, enums, conn.info.server_version)
