"""SM201: a foreign key whose columns lead no index."""

from __future__ import annotations

from collections.abc import Iterator

from schemawise.models.context import ReviewContext
from schemawise.registry import Finding, rule
from schemawise.schema.model import NOWHERE


@rule("SM201", "foreign-key-without-index", severity="warning", sources=("models", "database"))
def foreign_key_without_index(ctx: ReviewContext) -> Iterator[Finding]:
    """## What it does
    Flags a foreign key whose columns are not the leading columns of any index, unique constraint or
    primary key of its table.

    ## Why is this bad?
    PostgreSQL indexes the referenced key but never the referencing columns. Every delete or key
    update of a parent row then scans the whole child table to check for references (and to cascade),
    and the most common join and filter of the child (`WHERE video_id = ...`) is a sequential scan.
    An index whose leading columns are the foreign key columns serves both; a composite primary key
    `(video_id, tag_id)` covers `video_id` but not `tag_id`.

    ## Example
    ```python
    class Clip(SQLModel, table=True):
        __tablename__ = "clips"
        id: int | None = Field(default=None, primary_key=True)
        video_id: int = Field(foreign_key="videos.id")
    ```

    ## Use instead
    ```python
    class Clip(SQLModel, table=True):
        __tablename__ = "clips"
        id: int | None = Field(default=None, primary_key=True)
        video_id: int = Field(foreign_key="videos.id", index=True)
    ```
    """
    for table in ctx.schema.tables.values():
        for fk in table.foreign_keys:
            if not fk.columns or table.has_index_leading_with(fk.columns):
                continue
            location = (
                fk.location if fk.location != NOWHERE else table.column_location(fk.columns[0])
            )
            columns = ", ".join(fk.columns)
            name = _index_name(ctx, table.name, fk.columns)
            if not ctx.from_models:
                help_text = (
                    f"Run `CREATE INDEX CONCURRENTLY {name} ON {table.display_name} ({columns})`"
                )
            elif len(fk.columns) == 1:
                referred = f"{fk.referred_table}.{fk.referred_columns[0]}"
                if fk.referred_schema not in (None, "public"):
                    referred = f"{fk.referred_schema}.{referred}"
                help_text = f'Add `index=True` to `Field(foreign_key="{referred}")`'
            else:
                keys = ", ".join(f'"{column}"' for column in fk.columns)
                help_text = f'Add `Index("{name}", {keys})` to `__table_args__`'
            shown = f".{fk.columns[0]}" if len(fk.columns) == 1 else f"({columns})"
            yield Finding(
                message=f"Foreign key `{table.display_name}{shown}` has no index",
                help=help_text,
                path=location.path,
                line=location.line,
                table=table.display_name,
                column=fk.columns[0],
                object=fk.name,
            )


def _index_name(ctx: ReviewContext, table: str, columns: tuple[str, ...]) -> str:
    """The name the configured index convention gives, for help text."""
    try:
        return ctx.naming.index.format(table=table, columns="_".join(columns), column=columns[0])
    except (KeyError, IndexError):
        return f"idx_{table}_{'_'.join(columns)}"
