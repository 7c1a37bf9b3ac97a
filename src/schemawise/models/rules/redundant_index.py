"""SM206: a non-unique btree index whose keys lead another index."""

from __future__ import annotations

from collections.abc import Iterator

from schemawise.models.context import ReviewContext
from schemawise.registry import Finding, rule
from schemawise.schema.model import NOWHERE, Index, Table


@rule("SM206", "redundant-index", severity="warning", sources=("models", "database"))
def redundant_index(ctx: ReviewContext) -> Iterator[Finding]:
    """## What it does
    Flags a non-unique btree index whose keys are the leading keys of another btree index (or
    unique constraint, or primary key) of its table with the same predicate: `(video_id)` next to
    `(video_id, start_ms)`.

    ## Why is this bad?
    A btree serves any lookup on a prefix of its keys, so the wider index already answers every query
    the narrower one does. The narrower index still costs a write on every insert and update, disk,
    cache and vacuum time. A unique index is never redundant (it enforces something), and an index with
    a different predicate, operator class or method serves other queries, so neither is flagged.
    An index that repeats the primary key exactly is SM207.

    ## Example
    ```python
    class Clip(SQLModel, table=True):
        __tablename__ = "clips"
        __table_args__ = (Index("idx_clips_video_id_start_ms", "video_id", "start_ms"),)
        id: int | None = Field(default=None, primary_key=True)
        video_id: int = Field(foreign_key="videos.id", ondelete="CASCADE", index=True)
        start_ms: int
    ```

    ## Use instead
    ```python
    class Clip(SQLModel, table=True):
        __tablename__ = "clips"
        __table_args__ = (Index("idx_clips_video_id_start_ms", "video_id", "start_ms"),)
        id: int | None = Field(default=None, primary_key=True)
        video_id: int = Field(foreign_key="videos.id", ondelete="CASCADE")
        start_ms: int
    ```
    """
    for table in ctx.schema.tables.values():
        constraints = _constraints(table)
        taken = {index.name for _, index in constraints if index.name}
        explicit = [index for index in table.indexes if index.name not in taken]
        primary_key = table.primary_key.columns if table.primary_key else ()
        # Constraints first (they stay), then the widest index: the coverer named in the message.
        coverers = constraints + sorted(
            (("index", index) for index in explicit), key=lambda entry: -len(entry[1].keys)
        )
        for index in explicit:
            if index.unique or index.method.lower() != "btree":
                continue
            if not index.predicate and tuple(index.keys) == tuple(primary_key):
                continue  # SM207
            kind, wider = next(
                ((kind, other) for kind, other in coverers if _covers(other, index)),
                ("", None),
            )
            if wider is None:
                continue
            location = index.location if index.location != NOWHERE else table.location
            covering = _describe(kind, wider)
            yield Finding(
                message=(
                    f"Index `{_name(index)}` on `{table.display_name}` is covered by {covering}"
                ),
                help=f"{_removal(ctx, table, index)}; {covering} serves the same lookups",
                path=location.path,
                line=location.line,
                table=table.display_name,
                column=index.column_keys[0] if index.column_keys else None,
                object=index.name,
            )


def _constraints(table: Table) -> list[tuple[str, Index]]:
    """The primary key's and unique constraints' indexes, labelled for messages."""
    found = []
    if table.primary_key and table.primary_key.columns:
        key = table.primary_key
        found.append(("primary key", Index(key.name, key.columns, unique=True)))
    for unique in table.unique_constraints:
        found.append(("unique constraint", Index(unique.name, unique.columns, unique=True)))
    return found


def _covers(wider: Index, narrow: Index) -> bool:
    """Whether btree `wider` answers every lookup `narrow` does (identical ones are SM205)."""
    if wider is narrow or wider.definition == narrow.definition:
        return False
    if wider.method.lower() != "btree" or len(wider.keys) < len(narrow.keys):
        return False
    mine, theirs = narrow.definition, wider.definition
    count = len(mine.keys)
    return (
        mine.predicate == theirs.predicate
        and theirs.keys[:count] == mine.keys
        and theirs.expressions[:count] == mine.expressions
        and theirs.opclasses[:count] == mine.opclasses
        and set(mine.include) <= set(theirs.keys) | set(theirs.include)
    )


def _name(index: Index) -> str:
    return index.name or f"({', '.join(index.keys)})"


def _describe(kind: str, index: Index) -> str:
    if kind == "primary key":
        return "the primary key"
    return f"{kind} `{_name(index)}`"


def _removal(ctx: ReviewContext, table: Table, index: Index) -> str:
    """How to drop the index: `index=True` on a column, an `Index(...)`, or SQL on a live database."""
    if not ctx.from_models:
        return f"Run `DROP INDEX CONCURRENTLY {index.name}`"
    made_by_column_flag = (
        len(index.keys) == 1
        and index.location != NOWHERE
        and index.location == table.column_location(index.keys[0])
    )
    if made_by_column_flag:
        return f"Remove `index=True` from `{index.keys[0]}`"
    return f"Remove the index `{_name(index)}`"
