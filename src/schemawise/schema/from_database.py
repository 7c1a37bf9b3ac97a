"""Build the neutral schema model from a live PostgreSQL database (read-only, one connection).

The catalog queries live in `schemawise.pg.catalog`; this module only shapes their rows so the
result compares like with like with a schema built from `MetaData`:

- a table in `public` has `schema=None`, as a model table without `__table_args__ = {"schema": ...}`
  does (display names are bare in public either way);
- the index behind a primary key or unique constraint is not listed in `Table.indexes` (it is the
  `PrimaryKey`/`UniqueConstraint` already, as on the models side);
- `Index.opclasses` is empty when every key uses its default operator class (models that pass no
  `postgresql_ops` have none either).
"""

from __future__ import annotations

from collections.abc import Sequence

import psycopg

from schemawise.errors import DatabaseUnavailable
from schemawise.pg.catalog import TOOL_TABLES, Catalog, ColumnRow, ConstraintRow, read_catalog
from schemawise.pg.connect import connection, describe_error
from schemawise.pg.urls import redact
from schemawise.schema.model import (
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    PrimaryKey,
    Schema,
    Table,
    UniqueConstraint,
)

# `pg_constraint.confdeltype`/`confupdtype` codes. "a" (NO ACTION) maps to None: it is PostgreSQL's
# default, and a live database cannot tell `ON DELETE NO ACTION` written out from no clause at all, so
# it reads as "not given", the way a model FK without `ondelete=` does.
FK_ACTIONS: dict[str, str | None] = {
    "a": None,
    "r": "RESTRICT",
    "c": "CASCADE",
    "n": "SET NULL",
    "d": "SET DEFAULT",
}

DEFAULT_SCHEMA = "public"


def schema_from_database(
    url: str,
    schemas: Sequence[str] | None = None,
    *,
    include_tool_tables: bool = False,
) -> Schema:
    """Read every user table of the database at `url` (or only those in `schemas`) into a `Schema`.

    Skips system schemas, extension-owned tables, partitions (the partitioned parent stands for them)
    and, unless `include_tool_tables`, Alembic's `alembic_version`. Raises `DatabaseUnavailable` when
    the server cannot be reached or a catalog query fails; the message never carries a password.
    """
    skip_tables = () if include_tool_tables else TOOL_TABLES
    with connection(url, read_only=True) as conn:
        try:
            catalog = read_catalog(conn, schemas, skip_tables)
        except psycopg.Error as error:
            raise DatabaseUnavailable(
                f"cannot read the schema of {redact(url)}: {describe_error(error)}"
            ) from None
    return schema_from_catalog(catalog)


def schema_from_catalog(catalog: Catalog) -> Schema:
    """Shape catalog rows into the schema model (no I/O; split out so it can be reused)."""
    schema = Schema(source="database", server_version=catalog.server_version)
    tables_by_oid: dict[int, Table] = {}
    for row in catalog.tables:
        table = Table(
            name=row.name,
            schema=None if row.schema == DEFAULT_SCHEMA else row.schema,
            comment=row.comment,
            estimated_rows=None if row.estimated_rows is None else round(row.estimated_rows),
        )
        tables_by_oid[row.oid] = table
        schema.tables[table.display_name] = table

    for column_row in catalog.columns:
        column = _column(column_row)
        tables_by_oid[column_row.table_oid].columns[column.name] = column

    for constraint in catalog.constraints:
        _add_constraint(tables_by_oid[constraint.table_oid], constraint)

    for index_row in catalog.indexes:
        opclasses = tuple(index_row.opclasses)
        tables_by_oid[index_row.table_oid].indexes.append(
            Index(
                name=index_row.name,
                keys=tuple(index_row.keys),
                expressions=tuple(index_row.key_is_expression),
                unique=index_row.unique,
                method=index_row.method,
                predicate=index_row.predicate,
                include=tuple(index_row.include),
                opclasses=opclasses if any(opclasses) else (),
            )
        )

    schema.enums = {enum.name: tuple(enum.labels) for enum in catalog.enums}
    return schema


def _column(row: ColumnRow) -> Column:
    generated = row.default if row.generated else None
    default = None if row.generated else row.default
    # `serial` is an integer column whose default draws from a sequence the column owns
    # (`CREATE TABLE ... id serial` = `integer DEFAULT nextval('t_id_seq') ` + `ALTER SEQUENCE OWNED BY`).
    serial = bool(row.owns_sequence and default and default.startswith("nextval("))
    return Column(
        name=row.name,
        type=row.type,
        nullable=not row.not_null,
        default=default,
        identity=bool(row.identity),
        serial=serial,
        generated=generated,
        enum_name=row.enum_name,
        is_array=row.is_array,
        comment=row.comment,
    )


def _add_constraint(table: Table, row: ConstraintRow) -> None:
    columns = tuple(row.columns)
    if row.kind == "p":
        table.primary_key = PrimaryKey(name=row.name, columns=columns)
    elif row.kind == "u":
        table.unique_constraints.append(UniqueConstraint(name=row.name, columns=columns))
    elif row.kind == "c":
        table.check_constraints.append(
            CheckConstraint(name=row.name, expression=row.check_expression or "")
        )
    elif row.kind == "f":
        table.foreign_keys.append(
            ForeignKey(
                name=row.name,
                columns=columns,
                referred_table=row.referred_table or "",
                referred_columns=tuple(row.referred_columns or ()),
                referred_schema=None
                if row.referred_schema == DEFAULT_SCHEMA
                else row.referred_schema,
                ondelete=FK_ACTIONS.get(row.on_delete or "a"),
                onupdate=FK_ACTIONS.get(row.on_update or "a"),
                deferrable=row.deferrable,
            )
        )
