"""SM203: a foreign key column whose type differs from the column it references."""

from __future__ import annotations

from collections.abc import Iterator

from schemawise.models.context import ReviewContext
from schemawise.registry import Finding, rule
from schemawise.schema.model import NOWHERE


@rule("SM203", "foreign-key-type-mismatch", severity="warning", sources=("models", "database"))
def foreign_key_type_mismatch(ctx: ReviewContext) -> Iterator[Finding]:
    """## What it does
    Flags a foreign key column whose type is not the type of the column it references (`integer`
    referencing `bigint`, `character varying` referencing `uuid`, `text` referencing `varchar(36)`).

    ## Why is this bad?
    PostgreSQL accepts a foreign key between types it can compare, so the mismatch goes unnoticed
    until it bites: an `integer` column referencing a `bigint` key fails once the parent's ids pass
    2,147,483,647; a narrower `varchar` cannot hold every key; and joins between the two columns need
    casts that stop the planner from using their indexes.

    ## Example
    ```python
    class Video(SQLModel, table=True):
        __tablename__ = "videos"
        id: int | None = Field(default=None, sa_type=BigInteger, primary_key=True)


    class Clip(SQLModel, table=True):
        __tablename__ = "clips"
        id: int | None = Field(default=None, sa_type=BigInteger, primary_key=True)
        video_id: int = Field(foreign_key="videos.id", index=True)  # integer
    ```

    ## Use instead
    ```python
    class Clip(SQLModel, table=True):
        __tablename__ = "clips"
        id: int | None = Field(default=None, sa_type=BigInteger, primary_key=True)
        video_id: int = Field(sa_type=BigInteger, foreign_key="videos.id", index=True)
    ```
    """
    for table in ctx.schema.tables.values():
        for fk in table.foreign_keys:
            referred = ctx.schema.table(fk.referred_table, fk.referred_schema)
            if referred is None:
                continue  # outside the reviewed schema: nothing to compare with
            for column_name, referred_name in zip(fk.columns, fk.referred_columns, strict=False):
                column = table.columns.get(column_name)
                target = referred.columns.get(referred_name)
                if column is None or target is None or column.type == target.type:
                    continue
                location = table.column_location(column_name)
                if location == NOWHERE:
                    location = fk.location
                qualified = f"{referred.display_name}.{referred_name}"
                yield Finding(
                    message=(
                        f"Foreign key column `{table.display_name}.{column_name}` is "
                        f"`{column.type}` but `{qualified}` is `{target.type}`"
                    ),
                    help=f"Declare `{column_name}` with the type of `{qualified}` (`{target.type}`)",
                    path=location.path,
                    line=location.line,
                    table=table.display_name,
                    column=column_name,
                    object=fk.name,
                )
