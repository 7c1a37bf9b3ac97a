"""SM008: `MetaData` without a naming convention for constraints."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from schemawise.models.context import ReviewContext
from schemawise.registry import Finding, rule

# Convention keys that name constraints, as strings or as the constraint classes SQLAlchemy accepts.
CONSTRAINT_KEYS = frozenset(
    {
        "uq", "ck", "fk", "pk",
        "UniqueConstraint", "CheckConstraint", "ForeignKeyConstraint", "PrimaryKeyConstraint",
    }
)  # fmt: skip


def names_constraints(convention: dict[Any, Any] | None) -> bool:
    """Whether the convention names any constraint (SQLAlchemy's default only names indexes)."""
    if not convention:
        return False
    return any(getattr(key, "__name__", key) in CONSTRAINT_KEYS for key in convention)


@rule("SM008", "metadata-without-naming-convention", severity="warning", sources=("models",))
def metadata_without_naming_convention(ctx: ReviewContext) -> Iterator[Finding]:
    """## What it does
    Flags a `MetaData` (SQLModel's built-in `SQLModel.metadata` included) that has no
    `naming_convention` for constraints, or only SQLAlchemy's default, which names indexes alone.

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
    if not schema.tables or names_constraints(schema.naming_convention):
        return
    location = schema.metadata_location
    if location.line is None:
        first_table = next(iter(schema.tables.values()))
        location = first_table.location
    yield Finding(
        message="`MetaData` has no `naming_convention`, so constraints are created unnamed",
        help=(
            "Pass `naming_convention=NAMING_CONVENTION` (from `schemawise.naming`) to `MetaData`, "
            "or set `SQLModel.metadata.naming_convention = NAMING_CONVENTION`"
        ),
        path=location.path,
        line=location.line,
    )
