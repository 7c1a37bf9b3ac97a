"""SM207: an index that repeats the primary key."""

from __future__ import annotations

from collections.abc import Iterator

from schemawise.models.context import ReviewContext
from schemawise.registry import Finding, rule
from schemawise.schema.model import NOWHERE


@rule("SM207", "index-on-primary-key", severity="warning", sources=("models", "database"))
def index_on_primary_key(ctx: ReviewContext) -> Iterator[Finding]:
    """## What it does
    Flags an index whose keys are exactly the primary key columns, in the same order, with no
    predicate, `INCLUDE` columns or special operator class. The classic cause is
    `Field(primary_key=True, index=True)`, which makes SQLAlchemy create a second index next to the
    one PostgreSQL builds for the primary key.

    ## Why is this bad?
    The primary key is already a unique btree index on those columns. The copy doubles the write cost
    of every insert, takes disk and cache, and no query can use it that could not use the key.
    An index over the same columns in another order, or one with `INCLUDE` columns for index-only
    scans, serves other queries and is not flagged.

    ## Example
    ```python
    class Video(SQLModel, table=True):
        __tablename__ = "videos"
        id: int | None = Field(default=None, primary_key=True, index=True)
    ```

    ## Use instead
    ```python
    class Video(SQLModel, table=True):
        __tablename__ = "videos"
        id: int | None = Field(default=None, primary_key=True)
    ```
    """
    for table in ctx.schema.tables.values():
        if table.primary_key is None or not table.primary_key.columns:
            continue
        key_index = table.constraint_indexes()[0].definition
        for index in table.indexes:
            if index.name and index.name == table.primary_key.name:
                continue  # the primary key's own index, if a catalog lists it
            mine = index.definition
            same_keys = (
                mine.keys == key_index.keys
                and not any(mine.expressions)
                and mine.opclasses == key_index.opclasses
            )
            if not same_keys or mine.method != "btree" or mine.predicate or mine.include:
                continue
            location = index.location if index.location != NOWHERE else table.location
            columns = ", ".join(index.keys)
            made_by_column_flag = (
                len(index.keys) == 1
                and index.location != NOWHERE
                and index.location == table.column_location(index.keys[0])
            )
            if not ctx.from_models:
                help_text = f"Run `DROP INDEX CONCURRENTLY {index.name}`"
            elif made_by_column_flag:
                help_text = f"Remove `index=True` from the primary key field `{index.keys[0]}`"
            else:
                help_text = f"Remove the index `{index.name}`"
            yield Finding(
                message=(
                    f"Index `{index.name}` on `{table.display_name}` repeats the primary key "
                    f"({columns})"
                ),
                help=help_text,
                path=location.path,
                line=location.line,
                table=table.display_name,
                column=index.keys[0],
                object=index.name,
            )
