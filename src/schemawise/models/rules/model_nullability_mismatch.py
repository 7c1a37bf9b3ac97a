"""SM111: the Python annotation and the column disagree about NULL."""

from __future__ import annotations

from collections.abc import Iterator

from schemawise.models.context import ReviewContext
from schemawise.registry import Finding, rule
from schemawise.schema.model import Column, Table


def database_fills_it(table: Table, column: Column) -> bool:
    """Whether the database supplies the value, so `None` before the flush is expected.

    SQLModel's own idiom `id: int | None = Field(default=None, primary_key=True)` is the common
    case; server defaults (`created_at` from `now()`), identity and generated columns are the same.
    """
    in_primary_key = table.primary_key is not None and column.name in table.primary_key.columns
    return (
        in_primary_key
        or column.default is not None
        or column.identity
        or column.serial
        or column.generated is not None
    )


@rule("SM111", "model-nullability-mismatch", severity="warning", sources=("models",))
def model_nullability_mismatch(ctx: ReviewContext) -> Iterator[Finding]:
    """## What it does
    Flags a mapped field whose annotation and column disagree: annotated `str | None` (or
    `Mapped[str | None]`) but declared `nullable=False`, or annotated `str` while the column allows
    NULL (common with `sa_column=Column(...)`, which is nullable unless told otherwise).

    Keys and columns the database fills (primary keys, server defaults, identity and generated
    columns) may be `None` in Python before the insert and are not flagged.

    ## Why is this bad?
    The annotation is what the application, the type checker and SQLModel's validation believe;
    the column is what the database enforces. When the column allows NULL but the type says it
    cannot be `None`, a NULL written by another client or a migration crashes code that never
    checks for it. In the other direction, every reader has to handle a `None` that can never
    occur, and SQLModel accepts `None` at validation only for the insert to fail.

    ## Example
    ```python
    class Project(SQLModel, table=True):
        __tablename__ = "projects"

        id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
        title: str | None = Field(default=None, nullable=False)
        settings: dict = Field(sa_column=Column(JSONB))
    ```

    ## Use instead
    ```python
    class Project(SQLModel, table=True):
        __tablename__ = "projects"

        id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
        title: str
        settings: dict = Field(sa_column=Column(JSONB, nullable=False))
    ```
    """
    for table in ctx.schema.tables.values():
        owner = table.class_name or table.name
        for column in table.columns.values():
            orm = column.orm
            if orm is None or orm.annotation_nullable is None:
                continue
            annotation = f"`{orm.annotation}`" if orm.annotation else "a type"
            if orm.annotation_nullable and not column.nullable:
                if database_fills_it(table, column):
                    continue
                message = f"Field `{owner}.{column.name}` is annotated {annotation} but the column is NOT NULL"
                help_text = "Drop `| None` from the annotation, or remove `nullable=False`"
            elif not orm.annotation_nullable and column.nullable:
                message = f"Field `{owner}.{column.name}` is annotated {annotation} but the column allows NULL"
                optional = f"{orm.annotation} | None" if orm.annotation else "... | None"
                help_text = (
                    f"Add `nullable=False` to the column, or annotate the field `{optional}`"
                )
            else:
                continue
            location = table.column_location(column.name)
            yield Finding(
                message=message,
                help=help_text,
                path=location.path,
                line=location.line,
                table=table.display_name,
                column=column.name,
            )
