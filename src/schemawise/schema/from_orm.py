"""ORM facts for the schema model: class and attribute lines, relationships, annotations, Python defaults.

Relationships are read from the mappers' declared properties without configuring the mappers:
configuration resolves every join condition and instruments every attribute, which costs seconds on a
large schema, and it raises on exactly the mistakes the rules exist to report (a `back_populates` naming a
missing attribute). Direction is inferred from the foreign keys between the two tables.
"""

from __future__ import annotations

import re
import types
import typing
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Column as SAColumn
from sqlalchemy import Table as SATable
from sqlalchemy.orm import ColumnProperty, Mapper, RelationshipProperty
from sqlalchemy.orm.mapper import _mapper_registries

from schemawise.models.loader import LoadedModels
from schemawise.models.locations import ClassSource, mro_sources
from schemawise.schema.model import ColumnOrm, Location, Relationship, Schema, Table

_DEFAULT_CASCADE = frozenset({"save-update", "merge"})


@dataclass
class OrmLocations:
    """Lines found in class bodies, looked up while the tables are built."""

    tables: dict[SATable, Location] = field(default_factory=dict)
    columns: dict[SAColumn, Location] = field(default_factory=dict)


def mappers_for(loaded: LoadedModels) -> list[Mapper]:
    wanted = {id(m) for m in loaded.metadatas}
    found = []
    for registry in list(_mapper_registries):
        if id(registry.metadata) in wanted:
            found.extend(registry.mappers)
    return sorted(found, key=lambda m: (m.class_.__module__, m.class_.__qualname__))


def _attribute_location(sources: list[ClassSource], key: str) -> Location | None:
    for source in sources:
        if key in source.attributes:
            return Location(source.path, source.attributes[key])
    return None


def _keywords(sources: list[ClassSource], key: str) -> frozenset[str] | None:
    for source in sources:
        if key in source.keywords:
            return source.keywords[key]
    return None


def orm_locations(loaded: LoadedModels) -> OrmLocations:
    result = OrmLocations()
    for mapper in mappers_for(loaded):
        table = mapper.local_table
        if not isinstance(table, SATable):
            continue
        sources = mro_sources(mapper.class_)
        if sources and sources[0].line:
            result.tables[table] = Location(sources[0].path, sources[0].line)
        for prop in _column_properties(mapper):
            location = _attribute_location(sources, prop.key)
            if location is None:
                continue
            for column in prop.columns:
                if isinstance(column, SAColumn) and column.table is table:
                    result.columns[column] = location
    return result


def _column_properties(mapper: Mapper) -> list[ColumnProperty[Any]]:
    # `mapper.column_attrs` would configure every mapper in the registry; `_props` is what was declared.
    return [p for p in mapper._props.values() if isinstance(p, ColumnProperty)]


def allows_none(annotation: Any) -> bool | None:
    """Whether a type annotation admits None; None when there is no annotation to read."""
    if annotation is None:
        return None
    if isinstance(annotation, str):
        text = annotation.replace(" ", "")
        return bool(re.search(r"(^|[\[|,])None([\]|,]|$)|Optional\[", text))
    if annotation is type(None):
        return True
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        return type(None) in args
    if origin is not None and getattr(origin, "__name__", "") in {"Mapped", "Annotated"} and args:
        return allows_none(args[0])
    return False


def _sqlmodel_column_orm(cls: type, key: str, column: SAColumn) -> ColumnOrm | None:
    fields = getattr(cls, "model_fields", None)
    if not fields or key not in fields:
        return None
    info = fields[key]
    from pydantic_core import PydanticUndefined

    nullable_given = getattr(info, "nullable", PydanticUndefined) is not PydanticUndefined
    sa_column = getattr(info, "sa_column", PydanticUndefined)
    if isinstance(sa_column, SAColumn):
        nullable_given = _nullable_given(sa_column)
    orm = ColumnOrm(
        annotation_nullable=allows_none(info.annotation),
        annotation=_annotation_text(info.annotation),
        nullable_explicit=nullable_given,
    )
    if info.default_factory is not None:
        orm.default_kind, orm.default_value = "callable", info.default_factory
    elif info.default is not PydanticUndefined and info.default is not None:
        orm.default_kind, orm.default_value = "scalar", info.default
    _read_column_default(column, orm)
    return orm


def _nullable_given(column: SAColumn) -> bool:
    user = getattr(column, "_user_defined_nullable", None)
    return isinstance(user, bool)


def _annotation_text(annotation: Any) -> str | None:
    """The annotation as the user wrote it, for messages: `str | None`, `dict[str, Any]`.

    `Mapped[...]` is unwrapped (the message is about the value type) and module paths are dropped.
    """
    if annotation is None:
        return None
    if isinstance(annotation, str):
        inner = re.fullmatch(r"Mapped\[(.*)\]", annotation.strip())
        return inner.group(1) if inner else annotation
    origin = typing.get_origin(annotation)
    if getattr(origin, "__name__", "") == "Mapped" and typing.get_args(annotation):
        return _annotation_text(typing.get_args(annotation)[0])
    if origin is None and isinstance(annotation, type):
        return annotation.__name__
    return re.sub(r"\b(?:\w+\.)+(\w+)", r"\1", str(annotation))


def _read_column_default(column: SAColumn, orm: ColumnOrm) -> None:
    default = column.default
    if default is None or orm.default_kind is not None:
        return
    if getattr(default, "is_callable", False):
        # SQLAlchemy wraps a no-argument callable but keeps its name (`uuid4`), which SM110 reads.
        orm.default_kind, orm.default_value = "callable", default.arg
    elif getattr(default, "is_scalar", False):
        orm.default_kind, orm.default_value = "scalar", default.arg


def core_column_orm(column: SAColumn) -> ColumnOrm:
    """A Core `Table` column has no annotation, but its Python default runs the same way."""
    orm = ColumnOrm()
    _read_column_default(column, orm)
    return orm


def _declarative_column_orm(cls: type, key: str, column: SAColumn) -> ColumnOrm:
    annotation = None
    for klass in cls.__mro__:
        if key in getattr(klass, "__annotations__", {}):
            annotation = klass.__annotations__[key]
            break
    orm = ColumnOrm(
        annotation_nullable=allows_none(annotation),
        annotation=_annotation_text(annotation),
        nullable_explicit=_nullable_given(column),
    )
    _read_column_default(column, orm)
    return orm


def _target_class(prop: RelationshipProperty[Any], mapper: Mapper) -> type | None:
    argument = prop.argument
    if isinstance(argument, str):
        found = mapper.registry._class_registry.get(argument.split(".")[-1])
        return found if isinstance(found, type) else None
    if isinstance(argument, type):
        return argument
    if callable(argument):
        try:
            value = argument()
        except Exception:
            return None
        return value if isinstance(value, type) else getattr(value, "class_", None)
    return None


def _fk_columns_between(child: Table, parent: Table) -> tuple[str, ...]:
    for fk in child.foreign_keys:
        if fk.referred_table == parent.name and (fk.referred_schema or None) == (
            parent.schema or None
        ):
            return fk.columns
    return ()


def _init_arg(prop: RelationshipProperty[Any], name: str) -> Any:
    """A `relationship()` argument as the user passed it (`secondary`, `remote_side`, `foreign_keys`).

    Unconfigured properties keep these in `_init_args`; lambdas are called here, strings are left to
    the caller (they name tables or attributes that configuration would evaluate).
    """
    holder = getattr(getattr(prop, "_init_args", None), name, None)
    value = getattr(holder, "argument", None)
    if callable(value) and not isinstance(value, type | SATable | SAColumn):
        try:
            value = value()
        except Exception:
            return None
    return value


def _user_foreign_key_columns(prop: RelationshipProperty[Any]) -> list[SAColumn]:
    """Columns named in `foreign_keys=`, when given as columns (strings are not resolved here)."""
    declared = _init_arg(prop, "foreign_keys")
    if declared is None:
        return []
    items = declared if isinstance(declared, list | tuple | set | frozenset) else [declared]
    return [c for c in items if isinstance(c, SAColumn)]


def _direction(
    prop: RelationshipProperty[Any], table: Table, target: Table | None
) -> tuple[str, tuple[str, ...]]:
    """(direction, FK columns) from the tables' foreign keys, as SQLAlchemy would decide it."""
    if _init_arg(prop, "secondary") is not None:
        return "many-to-many", ()
    declared = _user_foreign_key_columns(prop)
    if declared and target is not None:
        names = tuple(c.name for c in declared)
        on_parent = all(c.table.name == table.name for c in declared)
        if target is table:
            return ("many-to-one" if _init_arg(prop, "remote_side") else "one-to-many"), names
        return ("many-to-one" if on_parent else "one-to-many"), names
    if target is None:
        return "one-to-many", ()
    if target is table:  # self-referential: `remote_side` marks the many-to-one side
        columns = _fk_columns_between(table, table)
        return ("many-to-one" if _init_arg(prop, "remote_side") else "one-to-many"), columns
    to_parent = _fk_columns_between(target, table)
    if to_parent:
        return "one-to-many", to_parent
    to_target = _fk_columns_between(table, target)
    if to_target:
        return "many-to-one", to_target
    return "one-to-many", ()


def _relationship(
    prop: RelationshipProperty[Any], mapper: Mapper, table: Table, schema: Schema
) -> Relationship | None:
    target_cls = _target_class(prop, mapper)
    target_mapper = getattr(target_cls, "__mapper__", None) if target_cls else None
    target_sa = getattr(target_mapper, "local_table", None)
    target = (
        schema.table(target_sa.name, target_sa.schema) if isinstance(target_sa, SATable) else None
    )
    sources = mro_sources(mapper.class_)
    keywords = _keywords(sources, prop.key)
    secondary = _init_arg(prop, "secondary")
    secondary_name = getattr(secondary, "name", None) or (
        secondary if isinstance(secondary, str) else None
    )
    direction, fk_columns = _direction(prop, table, target)
    uselist = prop.uselist if prop.uselist is not None else direction != "many-to-one"
    cascade_set = frozenset(str(option) for option in (getattr(prop, "_cascade", None) or ()))
    if keywords is not None:
        cascade_explicit = bool({"cascade", "cascade_delete"} & keywords)
        lazy_explicit = "lazy" in keywords
    else:  # no source to read: judge by value
        cascade_explicit = bool(cascade_set) and cascade_set != _DEFAULT_CASCADE
        lazy_explicit = prop.lazy != "select"
    location = _attribute_location(sources, prop.key) or table.location
    return Relationship(
        name=f"{mapper.class_.__name__}.{prop.key}",
        attribute=prop.key,
        class_name=mapper.class_.__name__,
        parent_table=table.display_name,
        target_table=target.display_name if target else "",
        target_class=target_cls.__name__ if target_cls else str(prop.argument),
        direction=direction,  # type: ignore[arg-type]
        uselist=uselist,
        back_populates=prop.back_populates,
        backref=prop.backref
        if isinstance(prop.backref, str)
        else (prop.backref[0] if prop.backref else None),
        cascade=cascade_set if cascade_explicit else None,
        passive_deletes=prop.passive_deletes,
        lazy=str(prop.lazy),
        lazy_explicit=lazy_explicit,
        secondary=secondary_name,
        foreign_key_columns=fk_columns,
        viewonly=bool(prop.viewonly),
        target_resolved=target_cls is not None or not isinstance(prop.argument, str),
        location=location,
        # An inherited property is the base mapper's own object: its `parent` is the declaring mapper.
        inherited_from=None if prop.parent is mapper else prop.parent.class_.__name__,
    )


def attach_orm(schema: Schema, loaded: LoadedModels) -> None:
    """Fill relationships and per-column ORM facts on tables that are mapped by a class."""
    for mapper in mappers_for(loaded):
        sa_table = mapper.local_table
        if not isinstance(sa_table, SATable):
            continue
        table = schema.table(sa_table.name, sa_table.schema)
        if table is None:
            continue
        cls = mapper.class_
        table.class_name = cls.__name__
        for prop in _column_properties(mapper):
            for column in prop.columns:
                if not isinstance(column, SAColumn) or column.table is not sa_table:
                    continue
                target = table.columns.get(column.name)
                if target is not None:
                    target.orm = _sqlmodel_column_orm(
                        cls, prop.key, column
                    ) or _declarative_column_orm(cls, prop.key, column)
        for prop in mapper._props.values():
            if isinstance(prop, RelationshipProperty):
                relationship = _relationship(prop, mapper, table, schema)
                if relationship is not None:
                    table.relationships.append(relationship)
