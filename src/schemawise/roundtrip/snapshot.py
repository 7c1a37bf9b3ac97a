"""Catalog snapshots: the schema of a scratch database as comparable text, in one round trip.

A snapshot maps each object kind to `{name: description}`, where the description is what PostgreSQL
itself prints for the object (`format_type`, `pg_get_constraintdef`, `pg_get_indexdef`, ...). Two
snapshots are equal exactly when the schemas are; their difference reads as a list of sentences.
Objects that belong to extensions are left out (the extension itself is listed), and so are row
counts and sequence positions: seeding rows must not change a snapshot.
"""

from __future__ import annotations

from dataclasses import dataclass

import psycopg

# The user's schemas: everything but PostgreSQL's own.
USER_NAMESPACES = """
    SELECT oid, nspname FROM pg_namespace
    WHERE nspname NOT IN ('pg_catalog', 'information_schema')
      AND nspname NOT LIKE 'pg\\_toast%' AND nspname NOT LIKE 'pg\\_temp\\_%'
"""
_NOT_FROM_EXTENSION = """
    NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = {catalog}::regclass
                AND d.objid = {oid} AND d.deptype = 'e')
"""


def _qualified(schema_column: str, name_column: str) -> str:
    return (
        f"CASE WHEN {schema_column} = 'public' THEN {name_column} "
        f"ELSE {schema_column} || '.' || {name_column} END"
    )


SNAPSHOT_QUERY = f"""
WITH ns AS ({USER_NAMESPACES}),
rel AS (
    SELECT c.oid, c.relname, c.relkind, c.relpersistence, {_qualified("ns.nspname", "c.relname")} AS qname
    FROM pg_class c JOIN ns ON ns.oid = c.relnamespace
    WHERE {_NOT_FROM_EXTENSION.format(catalog="'pg_class'", oid="c.oid")}
)
SELECT 'table', qname, CASE relkind WHEN 'p' THEN 'partitioned table' WHEN 'f' THEN 'foreign table'
       ELSE 'table' END || CASE relpersistence WHEN 'u' THEN ' (unlogged)' ELSE '' END
FROM rel WHERE relkind IN ('r', 'p', 'f')
UNION ALL
SELECT 'column', rel.qname || '.' || a.attname,
       format_type(a.atttypid, a.atttypmod)
       || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END
       || CASE WHEN a.attidentity <> '' THEN ' GENERATED ' ||
               CASE a.attidentity WHEN 'a' THEN 'ALWAYS' ELSE 'BY DEFAULT' END || ' AS IDENTITY'
               ELSE '' END
       || CASE WHEN a.attgenerated <> '' THEN ' GENERATED ALWAYS AS ' || pg_get_expr(ad.adbin, ad.adrelid)
               WHEN ad.adbin IS NOT NULL THEN ' DEFAULT ' || pg_get_expr(ad.adbin, ad.adrelid)
               ELSE '' END
FROM rel JOIN pg_attribute a ON a.attrelid = rel.oid AND a.attnum > 0 AND NOT a.attisdropped
LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
WHERE rel.relkind IN ('r', 'p', 'f', 'v', 'm')
UNION ALL
SELECT 'constraint', rel.qname || '.' || con.conname, pg_get_constraintdef(con.oid)
FROM pg_constraint con JOIN rel ON rel.oid = con.conrelid
WHERE con.contype <> 'n'  -- PostgreSQL 18 lists NOT NULL as constraints; the column says it already
UNION ALL
SELECT 'index', rel.qname, pg_get_indexdef(rel.oid) FROM rel WHERE rel.relkind IN ('i', 'I')
UNION ALL
SELECT 'sequence', rel.qname,
       format_type(s.seqtypid, NULL) || ' INCREMENT ' || s.seqincrement || ' MINVALUE ' || s.seqmin
       || ' MAXVALUE ' || s.seqmax || ' START ' || s.seqstart
       || CASE WHEN s.seqcycle THEN ' CYCLE' ELSE '' END
       || COALESCE(' OWNED BY ' || (SELECT owner.relname || '.' || oa.attname
                   FROM pg_depend d JOIN pg_class owner ON owner.oid = d.refobjid
                   JOIN pg_attribute oa ON oa.attrelid = d.refobjid AND oa.attnum = d.refobjsubid
                   WHERE d.classid = 'pg_class'::regclass AND d.objid = rel.oid
                     AND d.deptype IN ('a', 'i') LIMIT 1), '')
FROM rel JOIN pg_sequence s ON s.seqrelid = rel.oid
UNION ALL
SELECT 'view', rel.qname,
       CASE rel.relkind WHEN 'm' THEN 'MATERIALIZED ' ELSE '' END || 'VIEW AS ' || pg_get_viewdef(rel.oid)
FROM rel WHERE rel.relkind IN ('v', 'm')
UNION ALL
SELECT 'enum', {_qualified("ns.nspname", "t.typname")},
       '(' || (SELECT string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder)
               FROM pg_enum e WHERE e.enumtypid = t.oid) || ')'
FROM pg_type t JOIN ns ON ns.oid = t.typnamespace
WHERE t.typtype = 'e' AND {_NOT_FROM_EXTENSION.format(catalog="'pg_type'", oid="t.oid")}
UNION ALL
SELECT 'extension', x.extname, 'version ' || x.extversion || ' in schema ' || x.extnamespace::regnamespace
FROM pg_extension x
UNION ALL
SELECT 'function', {_qualified("ns.nspname", "p.proname")} || '(' || pg_get_function_identity_arguments(p.oid) || ')',
       pg_get_functiondef(p.oid)
FROM pg_proc p JOIN ns ON ns.oid = p.pronamespace
WHERE p.prokind IN ('f', 'p') AND {_NOT_FROM_EXTENSION.format(catalog="'pg_proc'", oid="p.oid")}
UNION ALL
SELECT 'trigger', rel.qname || '.' || tg.tgname, pg_get_triggerdef(tg.oid)
FROM pg_trigger tg JOIN rel ON rel.oid = tg.tgrelid WHERE NOT tg.tgisinternal
"""

KIND_ORDER = (
    "extension",
    "enum",
    "sequence",
    "table",
    "column",
    "constraint",
    "index",
    "view",
    "function",
    "trigger",
)


@dataclass(frozen=True)
class Snapshot:
    objects: dict[tuple[str, str], str]

    def names(self, kind: str) -> set[str]:
        return {name for (k, name) in self.objects if k == kind}


@dataclass(frozen=True)
class Change:
    kind: str
    name: str
    before: str | None
    after: str | None

    def sentence(self, before_label: str = "before", after_label: str = "after") -> str:
        if self.after is None:
            return f"{self.kind} `{self.name}` is missing {after_label} (was `{self.before}`)"
        if self.before is None:
            return f"{self.kind} `{self.name}` is left {after_label}: `{self.after}`"
        return f"{self.kind} `{self.name}` differs: `{self.before}` {before_label}, `{self.after}` {after_label}"


def _belongs_to(kind: str, name: str, description: str, tables: set[str]) -> bool:
    if kind == "index":
        return any(f" ON {table} USING " in description for table in tables) or any(
            f" ON public.{table} USING " in description for table in tables
        )
    return name in tables or name.split(".", 1)[0] in tables


def take_snapshot(conn: psycopg.Connection, skip_tables: set[str] = frozenset()) -> Snapshot:  # type: ignore[assignment]
    """The schema of the database `conn` is connected to (one query; works inside a transaction).

    `skip_tables` (the Alembic version table) are left out with their columns, constraints and indexes.
    """
    rows = conn.execute(SNAPSHOT_QUERY).fetchall()
    return Snapshot(
        {
            (kind, name): description
            for kind, name, description in rows
            if not (skip_tables and _belongs_to(kind, name, description, skip_tables))
        }
    )


def diff(before: Snapshot, after: Snapshot) -> list[Change]:
    """What changed from `before` to `after`, ordered by kind (extensions first) then name."""
    changes = []
    for key in before.objects.keys() | after.objects.keys():
        old, new = before.objects.get(key), after.objects.get(key)
        if old != new:
            changes.append(Change(key[0], key[1], old, new))
    return sorted(changes, key=lambda c: (KIND_ORDER.index(c.kind), c.name))


def changed_tables(before: Snapshot | None, after: Snapshot) -> set[str]:
    """Tables of `after` that are new or whose columns, constraints or triggers changed."""
    if before is None:
        return after.names("table")
    tables = set()
    for change in diff(before, after):
        if change.kind == "table":
            tables.add(change.name)
        elif change.kind in ("column", "constraint", "trigger"):
            tables.add(change.name.rsplit(".", 1)[0])
    return tables & after.names("table")
