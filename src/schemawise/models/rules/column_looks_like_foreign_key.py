"""SM204: a `<name>_id` column with no foreign key although a table for `<name>` exists."""

from __future__ import annotations

import re
from collections.abc import Iterator

from schemawise.models.context import ReviewContext
from schemawise.naming import pluralize
from schemawise.registry import Finding, rule
from schemawise.schema.model import Column, Schema, Table

# Types that hold the same keys: an `integer` column pointing at a `bigint` key is still a reference
# (SM203 reports the width), while a `text` column named `video_id` next to a `uuid` key holds some
# other system's identifier.
_TYPE_FAMILIES = {
    "smallint": "integer",
    "integer": "integer",
    "bigint": "integer",
    "text": "text",
    "character varying": "text",
    "character": "text",
}


@rule("SM204", "column-looks-like-foreign-key", severity="warning", sources=("models", "database"))
def column_looks_like_foreign_key(ctx: ReviewContext) -> Iterator[Finding]:
    """## What it does
    Flags a column named `<name>_id` that has no foreign key while the schema has a table for
    `<name>` (`video_id` and a `videos` or `video` table) whose primary key has a compatible type.

    ## Why is this bad?
    The name says the column references another row, but nothing enforces it: deleting the parent
    leaves dangling ids, typos and stale ids are stored silently, and neither the ORM nor readers of
    the schema can see the relationship. Usually the `foreign_key=` was simply forgotten.

    ## Example
    ```python
    class Clip(SQLModel, table=True):
        __tablename__ = "clips"
        id: int | None = Field(default=None, primary_key=True)
        video_id: int = Field(index=True)
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
        referencing = {name for fk in table.foreign_keys for name in fk.columns}
        for column in table.columns.values():
            match = re.fullmatch(r"(.+)_id", column.name)
            if match is None or column.name in referencing:
                continue
            target = _table_named_for(ctx.schema, table, match.group(1))
            if target is None or target is table or not _keys_compatible(column, target):
                continue
            key = target.primary_key.columns[0] if target.primary_key else "id"
            location = table.column_location(column.name)
            yield Finding(
                message=(
                    f"Column `{table.display_name}.{column.name}` looks like a reference to "
                    f"`{target.display_name}` but has no foreign key"
                ),
                help=f'Add `foreign_key="{target.display_name}.{key}"` to the `{column.name}` field',
                path=location.path,
                line=location.line,
                table=table.display_name,
                column=column.name,
            )


def _table_named_for(schema: Schema, table: Table, stem: str) -> Table | None:
    """The table `<stem>` stands for, in the column's own schema: plural (house style) or as is."""
    for name in (pluralize(stem), stem):
        found = schema.table(name, table.schema)
        if found is not None:
            return found
    return None


def _keys_compatible(column: Column, target: Table) -> bool:
    """Whether `column` could hold the single-column primary key of `target`."""
    if target.primary_key is None or len(target.primary_key.columns) != 1:
        return False
    key = target.columns.get(target.primary_key.columns[0])
    if key is None:
        return False
    return _family(column.type) == _family(key.type)


def _family(type_name: str) -> str:
    base = type_name.split("(", 1)[0].strip()
    return _TYPE_FAMILIES.get(base, base)
