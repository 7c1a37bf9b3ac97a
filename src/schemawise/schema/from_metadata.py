"""Build the neutral `Schema` from SQLAlchemy `MetaData` (SQLModel, declarative or Core tables).

Names come from SQLAlchemy itself, naming convention applied, so rules see the names the DDL will have.
Lines come from `models.locations`; ORM facts (relationships, annotations, Python defaults) from
`schema.from_orm`.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Column as SAColumn
from sqlalchemy import Table as SATable
from sqlalchemy.sql import elements, sqltypes
from sqlalchemy.sql.schema import (
    CheckConstraint as SACheck,
)
from sqlalchemy.sql.schema import (
    Computed,
    DefaultClause,
    Sequence,
)
from sqlalchemy.sql.schema import (
    Index as SAIndex,
)
from sqlalchemy.sql.schema import (
    UniqueConstraint as SAUnique,
)

from schemawise.models.loader import LoadedModels
from schemawise.models.locations import creation_location
from schemawise.schema.from_orm import OrmLocations, attach_orm, core_column_orm, orm_locations
from schemawise.schema.model import (
    NOWHERE,
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    Location,
    MetadataFacts,
    PrimaryKey,
    Schema,
    Table,
    UniqueConstraint,
)
from schemawise.schema.types import DIALECT, pg_type_name


def sql_text(clause: Any) -> str:
    """SQL text of an expression, literals inlined (`status IN ('queued', 'running')`)."""
    if isinstance(clause, str):
        return clause
    if isinstance(clause, elements.TextClause):
        return clause.text
    try:
        return str(clause.compile(dialect=DIALECT, compile_kwargs={"literal_binds": True}))
    except Exception:  # a bind that cannot be rendered literally: keep the placeholder form
        return str(clause.compile(dialect=DIALECT))


def _name(value: Any) -> str | None:
    if value is None or type(value).__name__ == "_NoneName":
        return None
    return str(value)


def _server_default(column: SAColumn) -> str | None:
    default = column.server_default
    if isinstance(default, DefaultClause):
        arg = default.arg
        if isinstance(arg, str):
            return "'" + arg.replace("'", "''") + "'"
        return sql_text(arg)
    return None


def _column(column: SAColumn, table: SATable, lines: OrmLocations) -> Column:
    type_ = column.type
    is_array = isinstance(type_, sqltypes.ARRAY)
    enum_name = None
    if isinstance(type_, sqltypes.Enum) and type_.native_enum:
        enum_name = type_.name
    serial = (
        table.autoincrement_column is column
        and column.identity is None
        and not isinstance(column.default, Sequence)
        and column.server_default is None
    )
    generated = sql_text(column.computed.sqltext) if isinstance(column.computed, Computed) else None
    return Column(
        name=column.name,
        type=pg_type_name(type_),
        nullable=bool(column.nullable),
        default=_server_default(column),
        identity=column.identity is not None,
        serial=serial,
        generated=generated,
        enum_name=enum_name,
        is_array=is_array,
        comment=column.comment,
        location=lines.columns.get(column) or creation_location(column),
    )


def _index(index: SAIndex, table: Table) -> Index:
    keys: list[str] = []
    flags: list[bool] = []
    for expression in index.expressions:
        if isinstance(expression, SAColumn):
            keys.append(expression.name)
            flags.append(False)
        elif isinstance(expression, str):
            keys.append(expression)
            flags.append(expression not in table.columns)
        else:
            keys.append(sql_text(expression))
            flags.append(True)
    options = index.dialect_options["postgresql"]
    predicate = options.get("where")
    opclass_map = options.get("ops") or {}
    include = tuple(c if isinstance(c, str) else c.name for c in options.get("include") or ())
    location = creation_location(index)
    if getattr(index, "_column_flag", False):
        # `index=True` on a column: the user edits the column's line.
        location = table.column_location(keys[0]) if keys else NOWHERE
    return Index(
        name=_name(index.name),
        keys=tuple(keys),
        expressions=tuple(flags),
        unique=bool(index.unique),
        method=(options.get("using") or "btree").lower(),
        predicate=sql_text(predicate) if predicate is not None else None,
        include=include,
        opclasses=tuple(opclass_map.get(key) for key in keys),
        location=location,
    )


def _constraint_location(constraint: Any, table: Table, columns: tuple[str, ...]) -> Location:
    """Column flags (`unique=True`, `foreign_key=`) point at the column; explicit constraints at their call."""
    created = creation_location(constraint)
    if created != NOWHERE and created != table.location:
        return created
    if columns:
        return table.column_location(columns[0])
    return table.location


def _table(sa_table: SATable, lines: OrmLocations) -> Table:
    table = Table(
        name=sa_table.name,
        schema=sa_table.schema,
        comment=sa_table.comment,
        location=lines.tables.get(sa_table) or creation_location(sa_table),
    )
    info = sa_table.info.get("schemawise", {}) if isinstance(sa_table.info, dict) else {}
    table.ignore = tuple(info.get("ignore", ()))
    for column in sa_table.columns:
        table.columns[column.name] = _column(column, sa_table, lines)
    pk = sa_table.primary_key
    if pk is not None and pk.columns:
        columns = tuple(c.name for c in pk.columns)
        table.primary_key = PrimaryKey(
            _name(pk.name), columns, _constraint_location(pk, table, columns)
        )
    for fk in sa_table.foreign_key_constraints:
        columns = tuple(c.name for c in fk.columns)
        referred = fk.elements[0].column.table if fk.elements and _resolvable(fk) else None
        target_table, target_schema, target_columns = _fk_target(fk, referred)
        table.foreign_keys.append(
            ForeignKey(
                name=_name(fk.name),
                columns=columns,
                referred_table=target_table,
                referred_columns=target_columns,
                referred_schema=target_schema,
                ondelete=fk.ondelete.upper() if fk.ondelete else None,
                onupdate=fk.onupdate.upper() if fk.onupdate else None,
                deferrable=bool(fk.deferrable),
                location=_constraint_location(fk, table, columns),
            )
        )
    # A CHECK passed to `Column(...)` lives on the column, not in `Table.constraints`.
    column_checks = [c for column in sa_table.columns for c in column.constraints]
    for constraint in [*sa_table.constraints, *column_checks]:
        if isinstance(constraint, SAUnique):
            columns = tuple(c.name for c in constraint.columns)
            table.unique_constraints.append(
                UniqueConstraint(
                    _name(constraint.name),
                    columns,
                    _constraint_location(constraint, table, columns),
                )
            )
        elif isinstance(constraint, SACheck):
            # Enum/Boolean types may add unnamed CHECKs of their own (non-native enums); those are
            # part of the type, not a user constraint.
            if getattr(constraint, "_type_bound", False):
                continue
            table.check_constraints.append(
                CheckConstraint(
                    _name(constraint.name),
                    sql_text(constraint.sqltext),
                    _constraint_location(constraint, table, ()),
                )
            )
    for index in sorted(sa_table.indexes, key=lambda i: (str(i.name), id(i))):
        table.indexes.append(_index(index, table))
    return table


def _resolvable(fk: Any) -> bool:
    try:
        fk.elements[0].column  # noqa: B018 - resolving raises when the target table is unknown
    except Exception:
        return False
    return True


def _fk_target(fk: Any, referred: SATable | None) -> tuple[str, str | None, tuple[str, ...]]:
    if referred is not None:
        return referred.name, referred.schema, tuple(e.column.name for e in fk.elements)
    # Target not in this MetaData: read it from the `schema.table.column` spec strings.
    specs = [e.target_fullname for e in fk.elements]
    parts = specs[0].split(".")
    schema = parts[0] if len(parts) == 3 else None
    return parts[-2], schema, tuple(spec.split(".")[-1] for spec in specs)


def schema_from_metadata(loaded: LoadedModels) -> Schema:
    schema = Schema(source="models")
    lines = orm_locations(loaded)
    for metadata in loaded.metadatas:
        if schema.naming_convention is None:
            schema.naming_convention = dict(metadata.naming_convention)
            schema.metadata_location = creation_location(metadata)
        facts = MetadataFacts(dict(metadata.naming_convention), creation_location(metadata))
        for sa_table in metadata.tables.values():
            table = _table(sa_table, lines)
            schema.tables[table.display_name] = table
            facts.tables += (table.display_name,)
            for column in sa_table.columns:
                type_ = column.type
                if isinstance(type_, sqltypes.Enum) and type_.native_enum and type_.name:
                    schema.enums[type_.name] = tuple(type_.enums)
        schema.metadatas.append(facts)
    attach_orm(schema, loaded)
    # Columns of Core tables, which no mapper described: their Python defaults still run.
    for sa_table in loaded.tables:
        table = schema.table(sa_table.name, sa_table.schema)
        if table is None:
            continue
        for sa_column in sa_table.columns:
            column = table.columns.get(sa_column.name)
            if column is not None and column.orm is None:
                column.orm = core_column_orm(sa_column)
    return schema
