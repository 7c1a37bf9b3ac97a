"""SM215: `ON DELETE SET NULL` on a column that cannot be NULL."""

from __future__ import annotations

from collections.abc import Iterator

from schemawise.models.context import ReviewContext
from schemawise.registry import Finding, rule
from schemawise.schema.model import NOWHERE, Column


@rule("SM215", "ondelete-set-null-on-not-null", severity="error", sources=("models", "database"))
def ondelete_set_null_on_not_null(ctx: ReviewContext) -> Iterator[Finding]:
    """## What it does
    Flags a foreign key declared `ON DELETE SET NULL` where a column of the key is `NOT NULL`.

    ## Why is this bad?
    The action can never succeed: deleting a referenced row makes PostgreSQL set the column to NULL,
    the `NOT NULL` constraint rejects it, and the parent's delete fails with a not-null violation. The
    schema accepts it, so it shows up only on the first delete in production. SQLModel refuses
    `ondelete="SET NULL"` on a non-optional `Field`, but a `sa_column=`, a SQLAlchemy model or a
    migration can still create it.

    ## Example
    ```python
    class Clip(SQLModel, table=True):
        __tablename__ = "clips"
        id: int | None = Field(default=None, primary_key=True)
        video_id: int = Field(
            sa_column=Column(ForeignKey("videos.id", ondelete="SET NULL"), nullable=False, index=True)
        )
    ```

    ## Use instead
    ```python
    class Clip(SQLModel, table=True):
        __tablename__ = "clips"
        id: int | None = Field(default=None, primary_key=True)
        video_id: int | None = Field(foreign_key="videos.id", ondelete="SET NULL", index=True)
    ```
    """
    for table in ctx.schema.tables.values():
        for fk in table.foreign_keys:
            if fk.ondelete != "SET NULL":
                continue
            for name in fk.columns:
                column = table.columns.get(name)
                if column is None or column.nullable:
                    continue
                location = fk.location if fk.location != NOWHERE else table.column_location(name)
                yield Finding(
                    message=(
                        f"Foreign key `{table.display_name}.{name}` is `ON DELETE SET NULL` but "
                        f"`{name}` is NOT NULL"
                    ),
                    help=(
                        f"Make `{name}` nullable (`{_optional(column)}`) or change the action "
                        'to `ondelete="CASCADE"`'
                    ),
                    path=location.path,
                    line=location.line,
                    table=table.display_name,
                    column=name,
                    object=fk.name,
                )


def _optional(column: Column) -> str:
    """How the field says it may be NULL, in the style it is written in."""
    annotation = column.orm.annotation if column.orm else None
    if not annotation:
        return "nullable=True"
    if annotation.startswith("Mapped"):
        return "Mapped[... | None]"
    return f"{annotation} | None"
