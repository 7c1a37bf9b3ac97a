"""SM205: two indexes (or unique constraints) that are the same index under two names."""

from __future__ import annotations

from collections.abc import Iterator

from schemawise.models.context import ReviewContext
from schemawise.registry import Finding, rule
from schemawise.schema.model import NOWHERE, Index, IndexDefinition, Table


@rule("SM205", "duplicate-index", severity="warning", sources=("models", "database"))
def duplicate_index(ctx: ReviewContext) -> Iterator[Finding]:
    """## What it does
    Flags an index with the same columns, expressions, operator classes, method, predicate,
    `INCLUDE` columns and uniqueness as another index or unique constraint of its table.

    ## Why is this bad?
    PostgreSQL builds and maintains both. Every insert, update and delete writes the same entries
    twice, the table takes twice the index space and cache, and the planner gains nothing. It often
    happens when a column has both `unique=True` and a `UniqueConstraint`, or `index=True` and an
    `Index(...)` on the same column. An index that repeats the primary key is SM207.

    ## Example
    ```python
    class Clip(SQLModel, table=True):
        __tablename__ = "clips"
        __table_args__ = (Index("idx_clips_video_id", "video_id"),)
        id: int | None = Field(default=None, primary_key=True)
        video_id: int = Field(foreign_key="videos.id", ondelete="CASCADE", index=True)
    ```

    ## Use instead
    ```python
    class Clip(SQLModel, table=True):
        __tablename__ = "clips"
        id: int | None = Field(default=None, primary_key=True)
        video_id: int = Field(foreign_key="videos.id", ondelete="CASCADE", index=True)
    ```
    """
    for table in ctx.schema.tables.values():
        first_of: dict[IndexDefinition, tuple[str, Index]] = {}
        for kind, index in _index_likes(table):
            kept_kind, kept = first_of.setdefault(index.definition, (kind, index))
            if kept is index:
                continue
            location = index.location if index.location != NOWHERE else table.location
            flagged, original = _describe(kind, index), _describe(kept_kind, kept)
            yield Finding(
                message=f"{flagged[0].upper()}{flagged[1:]} on `{table.display_name}` duplicates "
                f"{original}",
                help=f"{_removal(ctx, table, kind, index)}; {original} already provides it",
                path=location.path,
                line=location.line,
                table=table.display_name,
                column=index.column_keys[0] if index.column_keys else None,
                object=index.name,
            )


def _index_likes(table: Table) -> list[tuple[str, Index]]:
    """Unique constraints, then explicit indexes each in definition order: the later copy is reported.

    The primary key is left out: an index repeating it is SM207. A live catalog lists the index behind
    a constraint apart from the explicit ones, but an index named like a constraint is skipped anyway.
    """
    unique = [
        ("unique constraint", Index(u.name, u.columns, unique=True, location=u.location))
        for u in table.unique_constraints
    ]
    taken = {u.name for u in table.unique_constraints if u.name}
    if table.primary_key and table.primary_key.name:
        taken.add(table.primary_key.name)
    explicit = [("index", index) for index in table.indexes if index.name not in taken]
    return sorted(unique, key=_position) + sorted(explicit, key=_position)


def _position(entry: tuple[str, Index]) -> tuple[int, str]:
    """Source line first (models), then name (a live database has no lines)."""
    index = entry[1]
    return (index.location.line or 0, index.name or "")


def _removal(ctx: ReviewContext, table: Table, kind: str, index: Index) -> str:
    """How to drop the copy: `index=True` on a column, the object in the models, or SQL."""
    if not ctx.from_models and index.name:
        if kind == "index":
            return f"Run `DROP INDEX CONCURRENTLY {index.name}`"
        return f"Run `ALTER TABLE {table.display_name} DROP CONSTRAINT {index.name}`"
    made_by_column_flag = (
        kind == "index"
        and len(index.keys) == 1
        and index.location != NOWHERE
        and index.location == table.column_location(index.keys[0])
    )
    if made_by_column_flag:
        return f"Remove `index=True` from `{index.keys[0]}`"
    return f"Remove {_describe(kind, index)}"


def _describe(kind: str, index: Index) -> str:
    if index.name:
        return f"{kind} `{index.name}`"
    return f"the {kind} on ({', '.join(index.keys)})"
