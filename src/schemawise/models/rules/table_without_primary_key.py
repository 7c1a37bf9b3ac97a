"""SM202: a table with no primary key."""

from __future__ import annotations

from collections.abc import Iterator

from schemawise.models.context import ReviewContext
from schemawise.registry import Finding, rule


@rule("SM202", "table-without-primary-key", severity="warning", sources=("models", "database"))
def table_without_primary_key(ctx: ReviewContext) -> Iterator[Finding]:
    """## What it does
    Flags a table that has no primary key.

    ## Why is this bad?
    Without a primary key nothing stops two identical rows, the ORM cannot map the table to a class or
    tell rows apart, logical replication cannot send its updates and deletes, and other tables have
    no key to reference. Association tables made with `Table(...)` are the usual case: their two
    foreign key columns together are the natural primary key, and that key also indexes the first.

    ## Example
    ```python
    video_tags = Table(
        "video_tags",
        SQLModel.metadata,
        Column("video_id", ForeignKey("videos.id"), nullable=False),
        Column("tag_id", ForeignKey("tags.id"), nullable=False, index=True),
    )
    ```

    ## Use instead
    ```python
    video_tags = Table(
        "video_tags",
        SQLModel.metadata,
        Column("video_id", ForeignKey("videos.id"), primary_key=True),
        Column("tag_id", ForeignKey("tags.id"), primary_key=True, index=True),
    )
    ```
    """
    for table in ctx.schema.tables.values():
        if table.primary_key and table.primary_key.columns:
            continue
        fk_columns = [fk.columns[0] for fk in table.foreign_keys if len(fk.columns) == 1]
        if len(fk_columns) >= 2 and len(table.columns) <= len(fk_columns) + 1:
            # An association table: its foreign keys are the natural key.
            help_text = f"Pass `primary_key=True` to the columns {_listed(fk_columns)}"
        else:
            help_text = (
                "Add a primary key column (a `bigint` identity or a UUID) with `primary_key=True`"
            )
        yield Finding(
            message=f"Table `{table.display_name}` has no primary key",
            help=help_text,
            path=table.location.path,
            line=table.location.line,
            table=table.display_name,
        )


def _listed(names: list[str]) -> str:
    return ", ".join(f"`{name}`" for name in names)
