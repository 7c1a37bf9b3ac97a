"""SM208: a foreign key that leaves its `ON DELETE` action to the default."""

from __future__ import annotations

from collections.abc import Iterator

from schemawise.models.context import ReviewContext
from schemawise.registry import Finding, rule
from schemawise.schema.model import NOWHERE


@rule("SM208", "foreign-key-without-ondelete", severity="warning", sources=("models", "database"))
def foreign_key_without_ondelete(ctx: ReviewContext) -> Iterator[Finding]:
    """## What it does
    Flags a foreign key declared with no `ondelete`, so deleting a referenced row falls back to
    PostgreSQL's default, `NO ACTION`.

    ## Why is this bad?
    What happens to children when their parent goes is a design decision: clips die with their video
    (`CASCADE`), an optional reviewer is forgotten (`SET NULL`), an invoice keeps its customer alive
    (`RESTRICT`). Left implicit, the question is never asked: deletes fail in production with a
    foreign key violation, or the ORM emulates a cascade by loading and deleting every child one by
    one. Stating the action documents it and lets the database do the work.

    ## Example
    ```python
    class Clip(SQLModel, table=True):
        __tablename__ = "clips"
        id: int | None = Field(default=None, primary_key=True)
        video_id: int = Field(foreign_key="videos.id", index=True)
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
        for fk in table.foreign_keys:
            if fk.ondelete is not None or not fk.columns:
                continue
            location = (
                fk.location if fk.location != NOWHERE else table.column_location(fk.columns[0])
            )
            referred = fk.referred_table
            if fk.referred_schema not in (None, "public"):
                referred = f"{fk.referred_schema}.{referred}"
            shown = f".{fk.columns[0]}" if len(fk.columns) == 1 else f"({', '.join(fk.columns)})"
            if len(fk.columns) == 1:
                target = f"{referred}.{fk.referred_columns[0]}"
                help_text = (
                    f'Pass `ondelete="CASCADE"`, `"SET NULL"` or `"RESTRICT"` to '
                    f'`Field(foreign_key="{target}")`'
                )
            else:
                help_text = (
                    'Pass `ondelete="CASCADE"`, `"SET NULL"` or `"RESTRICT"` to the '
                    "`ForeignKeyConstraint(...)`"
                )
            yield Finding(
                message=(
                    f"Foreign key `{table.display_name}{shown}` to `{referred}` has no "
                    "`ON DELETE` action"
                ),
                help=help_text,
                path=location.path,
                line=location.line,
                table=table.display_name,
                column=fk.columns[0],
                object=fk.name,
            )
