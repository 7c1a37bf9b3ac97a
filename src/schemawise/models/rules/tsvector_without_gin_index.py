"""SM216: a `tsvector` column with no GIN or GiST index on it."""

from __future__ import annotations

from collections.abc import Iterator

from schemawise.models.context import ReviewContext
from schemawise.registry import Finding, rule

# Index methods that can answer `@@` full-text matches on a tsvector column.
_FULL_TEXT_METHODS = frozenset({"gin", "gist"})


@rule("SM216", "tsvector-without-gin-index", severity="warning", sources=("models", "database"))
def tsvector_without_gin_index(ctx: ReviewContext) -> Iterator[Finding]:
    """## What it does
    Flags a `tsvector` column that no GIN or GiST index has among its keys. An expression index over
    `to_tsvector(...)` serves queries that repeat the expression, not the column, so it does not count.

    ## Why is this bad?
    A `tsvector` column exists to make full-text search fast. Without an index that supports `@@`,
    every search reads and matches every row of the table, and a btree index (what `index=True` makes)
    cannot answer `@@` at all. The column then costs storage and write time and buys nothing.

    ## Example
    ```python
    class Transcript(SQLModel, table=True):
        __tablename__ = "transcripts"
        id: int | None = Field(default=None, primary_key=True)
        search_vector: str = Field(sa_type=TSVECTOR)
    ```

    ## Use instead
    ```python
    class Transcript(SQLModel, table=True):
        __tablename__ = "transcripts"
        __table_args__ = (
            Index("idx_transcripts_search_vector", "search_vector", postgresql_using="gin"),
        )
        id: int | None = Field(default=None, primary_key=True)
        search_vector: str = Field(sa_type=TSVECTOR)
    ```
    """
    for table in ctx.schema.tables.values():
        indexed = {
            key
            for index in table.indexes
            if index.method.lower() in _FULL_TEXT_METHODS
            for key in index.column_keys
            if key is not None
        }
        for column in table.columns.values():
            if column.type != "tsvector" or column.name in indexed:
                continue
            location = table.column_location(column.name)
            name = f"idx_{table.name}_{column.name}"
            yield Finding(
                message=f"Column `{table.display_name}.{column.name}` has no GIN index",
                help=(
                    f'Add `Index("{name}", "{column.name}", postgresql_using="gin")` to '
                    "`__table_args__`"
                ),
                path=location.path,
                line=location.line,
                table=table.display_name,
                column=column.name,
            )
