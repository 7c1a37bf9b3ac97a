"""SM008: `MetaData` without a naming convention for constraints."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from schemawise.models.context import ReviewContext
from schemawise.registry import Finding, rule
from schemawise.schema.model import MetadataFacts, Table

# Convention keys that name constraints, as strings or as the constraint classes SQLAlchemy accepts.
CONSTRAINT_KIND = {
    "uq": "uq", "ck": "ck", "fk": "fk", "pk": "pk",
    "UniqueConstraint": "uq", "CheckConstraint": "ck", "ForeignKeyConstraint": "fk",
    "PrimaryKeyConstraint": "pk",
}  # fmt: skip


def unnamed_under_convention(table: Table, convention: dict[Any, Any]) -> bool:
    """Whether `table` has a constraint the convention would have named, but no name.

    SQLAlchemy applies the convention when a constraint is attached to its table, so a convention
    assigned after the model classes were defined names nothing.
    """
    kinds = {CONSTRAINT_KIND.get(getattr(key, "__name__", key)) for key in convention}
    unnamed = set()
    if table.primary_key is not None and table.primary_key.name is None:
        unnamed.add("pk")
    if any(unique.name is None for unique in table.unique_constraints):
        unnamed.add("uq")
    if any(fk.name is None for fk in table.foreign_keys):
        unnamed.add("fk")
    return bool(kinds & unnamed)


def names_constraints(convention: dict[Any, Any] | None) -> bool:
    """Whether the convention names any constraint (SQLAlchemy's default only names indexes)."""
    if not convention:
        return False
    return any(getattr(key, "__name__", key) in CONSTRAINT_KIND for key in convention)


@rule("SM008", "metadata-without-naming-convention", severity="warning", sources=("models",))
def metadata_without_naming_convention(ctx: ReviewContext) -> Iterator[Finding]:
    """## What it does
    Flags a `MetaData` (SQLModel's built-in `SQLModel.metadata` included) that has no
    `naming_convention` for constraints, or only SQLAlchemy's default, which names indexes alone;
    and one whose convention was assigned after the model classes were defined, too late to name
    their constraints.

    ## Why is this bad?
    Without a convention, SQLAlchemy creates primary keys, foreign keys, unique and check
    constraints without names, and PostgreSQL makes names up (`clips_video_id_fkey`). Alembic
    autogenerate then writes `op.drop_constraint(None, ...)`, which fails, and the next migration
    that touches a constraint has to find its real name in each database. Setting the convention
    before the first migration is free; adding it later means renaming every constraint.

    ## Example
    ```python
    class Video(SQLModel, table=True):  # SQLModel.metadata has no naming convention
        __tablename__ = "videos"

        id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    ```

    ## Use instead
    ```python
    from schemawise.naming import NAMING_CONVENTION

    SQLModel.metadata.naming_convention = NAMING_CONVENTION


    class Video(SQLModel, table=True):
        __tablename__ = "videos"

        id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    ```
    """
    schema = ctx.schema
    metadatas = schema.metadatas or [
        MetadataFacts(
            schema.naming_convention or {}, schema.metadata_location, tuple(schema.tables)
        )
    ]
    for metadata in metadatas:
        tables = [schema.tables[name] for name in metadata.tables if name in schema.tables]
        if not tables:
            continue
        location = metadata.location
        if location.line is None:
            location = tables[0].location  # SQLModel's own metadata: point at the first model
        if not names_constraints(metadata.naming_convention):
            yield Finding(
                message="`MetaData` has no `naming_convention`, so constraints are created unnamed",
                help=(
                    "Pass `naming_convention=NAMING_CONVENTION` (from `schemawise.naming`) to "
                    "`MetaData`, or set `SQLModel.metadata.naming_convention = NAMING_CONVENTION`"
                ),
                path=location.path,
                line=location.line,
            )
        elif any(unnamed_under_convention(table, metadata.naming_convention) for table in tables):
            yield Finding(
                message=(
                    "`MetaData.naming_convention` is set after the tables were defined, "
                    "so their constraints stay unnamed"
                ),
                help="Set the `naming_convention` before the first model class is defined",
                path=location.path,
                line=location.line,
            )
