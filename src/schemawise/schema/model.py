"""A neutral schema model: what every SM rule reads, built from `MetaData` or from `pg_catalog`.

The model holds facts, not opinions: types are PostgreSQL type names as `format_type()` prints them
(`timestamp without time zone`, `character varying(255)`, `jsonb`, `integer`), expressions and predicates
are SQL text, and every object built from models remembers the file and line it was defined on.
ORM facts (relationships, Python defaults, annotations) exist only when the schema came from models;
rules that need them declare `sources=("models",)`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

Source = Literal["models", "database"]


@dataclass(frozen=True, slots=True)
class Location:
    path: str | None = None
    line: int | None = None


NOWHERE = Location()


@dataclass
class ColumnOrm:
    """What the Python side of a mapped column says (models only).

    Columns of a Core `Table` get one too, holding only their Python default (no annotation).
    """

    # The annotation allows None (`str | None`, `Optional[str]`); None when there is no annotation.
    annotation_nullable: bool | None = None
    annotation: str | None = None
    # The Python-side default: "callable" (called per insert), "scalar" (a value fixed at import) or None.
    default_kind: Literal["callable", "scalar"] | None = None
    # The scalar value, or the callable itself (SQLAlchemy's wrapper keeps the name, e.g. `uuid4`).
    default_value: Any = None
    # Whether `nullable=` was passed explicitly (SQLModel derives it from the annotation otherwise).
    nullable_explicit: bool = False


@dataclass
class Column:
    name: str
    type: str
    nullable: bool = True
    # Server default as SQL text (`now()`, `'queued'::text`), None when there is none.
    default: str | None = None
    # `GENERATED ... AS IDENTITY`
    identity: bool = False
    # A `serial`/`bigserial`: an integer PK with an owned sequence default (SQLAlchemy autoincrement).
    serial: bool = False
    # Expression of a `GENERATED ALWAYS AS (...) STORED` column.
    generated: str | None = None
    # The base type is an enum (native PostgreSQL `CREATE TYPE ... AS ENUM`); its type name.
    enum_name: str | None = None
    is_array: bool = False
    comment: str | None = None
    location: Location = NOWHERE
    orm: ColumnOrm | None = None


@dataclass
class PrimaryKey:
    name: str | None
    columns: tuple[str, ...]
    location: Location = NOWHERE


@dataclass
class ForeignKey:
    name: str | None
    columns: tuple[str, ...]
    referred_table: str
    referred_columns: tuple[str, ...]
    referred_schema: str | None = None
    # `CASCADE`, `SET NULL`, `SET DEFAULT`, `RESTRICT`, `NO ACTION` (upper case) or None when not given.
    ondelete: str | None = None
    onupdate: str | None = None
    deferrable: bool = False
    location: Location = NOWHERE


class IndexDefinition(NamedTuple):
    """An index with its name left out and its SQL text whitespace-normalized: equal means same index."""

    keys: tuple[str, ...]
    expressions: tuple[bool, ...]
    opclasses: tuple[str | None, ...]
    unique: bool
    method: str
    predicate: str | None
    include: tuple[str, ...]


@dataclass
class Index:
    name: str | None
    # Key columns in order: a column name, or the SQL text of an expression.
    keys: tuple[str, ...]
    # True at position i when keys[i] is an expression rather than a plain column.
    expressions: tuple[bool, ...] = ()
    unique: bool = False
    method: str = "btree"
    predicate: str | None = None
    include: tuple[str, ...] = ()
    opclasses: tuple[str | None, ...] = ()
    location: Location = NOWHERE

    @property
    def column_keys(self) -> tuple[str | None, ...]:
        """Keys with expressions replaced by None, for "leads with these columns" questions."""
        flags = self.expressions or (False,) * len(self.keys)
        return tuple(
            None if is_expr else key for key, is_expr in zip(self.keys, flags, strict=True)
        )

    @property
    def definition(self) -> IndexDefinition:
        """Everything that decides what the index does, its name aside (SM205-SM207 compare these)."""
        count = len(self.keys)
        return IndexDefinition(
            keys=tuple(" ".join(key.split()) for key in self.keys),
            expressions=self.expressions or (False,) * count,
            opclasses=self.opclasses or (None,) * count,
            unique=self.unique,
            method=self.method.lower(),
            predicate=" ".join(self.predicate.split()) if self.predicate else None,
            include=tuple(self.include),
        )


@dataclass
class UniqueConstraint:
    name: str | None
    columns: tuple[str, ...]
    location: Location = NOWHERE


@dataclass
class CheckConstraint:
    name: str | None
    expression: str
    location: Location = NOWHERE


@dataclass
class Relationship:
    """An ORM relationship (models only)."""

    # `Video.clips`
    name: str
    attribute: str
    class_name: str
    parent_table: str
    target_table: str
    target_class: str
    direction: Literal["one-to-many", "many-to-one", "many-to-many"]
    uselist: bool
    back_populates: str | None = None
    backref: str | None = None
    # Cascade options as configured; None when the relationship uses SQLAlchemy's implicit default.
    cascade: frozenset[str] | None = None
    passive_deletes: bool | str = False
    lazy: str = "select"
    lazy_explicit: bool = False
    secondary: str | None = None
    # Local columns of the FK that joins the two tables (on the child side for one-to-many).
    foreign_key_columns: tuple[str, ...] = ()
    viewonly: bool = False
    # False when the target names no class the mapper registry knows (`list["Vidoe"]`): SQLAlchemy
    # raises on first use, so the reviewed code is broken.
    target_resolved: bool = True
    location: Location = NOWHERE
    # The base class that declares it when the mapper of a subclass (inheritance) lists it too; rules
    # report a relationship once, where it is declared, and use inherited copies only for lookups.
    inherited_from: str | None = None

    @property
    def deletes_children(self) -> bool:
        # "all" is shorthand for every option but delete-orphan, delete included.
        return self.cascade is not None and bool({"delete", "all"} & self.cascade)


@dataclass
class Table:
    name: str
    schema: str | None = None
    columns: dict[str, Column] = field(default_factory=dict)
    primary_key: PrimaryKey | None = None
    foreign_keys: list[ForeignKey] = field(default_factory=list)
    indexes: list[Index] = field(default_factory=list)
    unique_constraints: list[UniqueConstraint] = field(default_factory=list)
    check_constraints: list[CheckConstraint] = field(default_factory=list)
    relationships: list[Relationship] = field(default_factory=list)
    comment: str | None = None
    # The mapped class (`Video`), when built from models.
    class_name: str | None = None
    location: Location = NOWHERE
    # Codes ignored through `__table_args__` `info={"schemawise": {"ignore": [...]}}`.
    ignore: tuple[str, ...] = ()
    # Estimated rows (live database only), for rules that grade by size.
    estimated_rows: int | None = None

    @property
    def display_name(self) -> str:
        """Bare name in public, `schema.name` elsewhere (DESIGN.md section 1)."""
        return self.name if self.schema in (None, "public") else f"{self.schema}.{self.name}"

    def column_location(self, column: str) -> Location:
        found = self.columns.get(column)
        return found.location if found and found.location != NOWHERE else self.location

    def leading_index_keys(self) -> list[tuple[str | None, ...]]:
        """Key tuples of every index and unique/primary-key constraint (each backs an index)."""
        keys = [index.column_keys for index in self.indexes]
        keys += [tuple(unique.columns) for unique in self.unique_constraints]
        if self.primary_key:
            keys.append(tuple(self.primary_key.columns))
        return keys

    def constraint_indexes(self) -> list[Index]:
        """The unique btree indexes PostgreSQL builds for the primary key and each unique constraint."""
        constraints: list[PrimaryKey | UniqueConstraint] = list(self.unique_constraints)
        if self.primary_key and self.primary_key.columns:
            constraints.insert(0, self.primary_key)
        return [
            Index(c.name, tuple(c.columns), unique=True, location=c.location) for c in constraints
        ]

    def has_index_leading_with(self, columns: tuple[str, ...]) -> bool:
        """Whether some index's leading keys are exactly `columns`, in any order among them."""
        wanted = set(columns)
        for keys in self.leading_index_keys():
            lead = keys[: len(columns)]
            if len(lead) == len(columns) and set(lead) == wanted:
                return True
        return False


@dataclass
class MetadataFacts:
    """One `MetaData` under review (models only): a project may hold several."""

    naming_convention: dict[Any, Any]
    location: Location = NOWHERE
    # Display names of the tables it holds.
    tables: tuple[str, ...] = ()


@dataclass
class Schema:
    source: Source
    tables: dict[str, Table] = field(default_factory=dict)
    # MetaData.naming_convention when built from models (None for a live database).
    naming_convention: dict[str, Any] | None = None
    # Where the MetaData came from, for SM008.
    metadata_location: Location = NOWHERE
    # Every MetaData when built from models (the two fields above describe the first), for SM008.
    metadatas: list[MetadataFacts] = field(default_factory=list)
    # Native enum types: name -> labels.
    enums: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # PostgreSQL server version number (e.g. 150004) for a live database.
    server_version: int | None = None

    def table(self, name: str, schema: str | None = None) -> Table | None:
        """Look a table up by bare name (public/None schema) or by `schema.name`."""
        if schema not in (None, "public"):
            return self.tables.get(f"{schema}.{name}")
        return self.tables.get(name) or self.tables.get(f"public.{name}")

    def relationship_foreign_key(self, relationship: Relationship) -> ForeignKey | None:
        """The foreign key a one-to-many (on the child) or many-to-one relationship joins through."""
        if relationship.direction == "many-to-many" or not relationship.foreign_key_columns:
            return None
        holder = (
            relationship.target_table
            if relationship.direction == "one-to-many"
            else relationship.parent_table
        )
        table = self.tables.get(holder) or self.table(holder)
        wanted = set(relationship.foreign_key_columns)
        for fk in table.foreign_keys if table else ():
            if set(fk.columns) == wanted:
                return fk
        return None

    def referrers(self, table: Table) -> list[tuple[Table, ForeignKey]]:
        """Every foreign key that points at `table`."""
        found = []
        for other in self.tables.values():
            for fk in other.foreign_keys:
                if fk.referred_table == table.name and (fk.referred_schema or "public") == (
                    table.schema or "public"
                ):
                    found.append((other, fk))
        return found
