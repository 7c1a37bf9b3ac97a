"""SM109 (opt-in): native PostgreSQL enum type."""

from __future__ import annotations

from collections.abc import Iterator

from schemawise.models.context import ReviewContext
from schemawise.registry import Finding, rule


@rule("SM109", "native-enum-type", severity="warning", opt_in=True)
def native_enum_type(ctx: ReviewContext) -> Iterator[Finding]:
    """## What it does
    Flags a column whose type is a native PostgreSQL enum (`CREATE TYPE ... AS ENUM`): what SQLModel
    creates for a field annotated with a Python `Enum`, and SQLAlchemy for `Enum(...)` unless
    `native_enum=False`.

    Opt-in: select `SM109` to use it.

    ## Why is this bad?
    Adding a value needs `ALTER TYPE ... ADD VALUE`, which Alembic autogenerate does not emit and
    which cannot run inside a transaction block before PostgreSQL 12; removing or renaming a value
    means creating a new type and rewriting every column that uses it. Values sort in declaration
    order, not alphabetically. A `text` column with a check (or a lookup table) changes with an
    ordinary migration.

    ## Example
    ```python
    class RenderJob(SQLModel, table=True):
        __tablename__ = "render_jobs"

        id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
        status: RenderStatus  # CREATE TYPE renderstatus AS ENUM (...)
    ```

    ## Use instead
    ```python
    class RenderJob(SQLModel, table=True):
        __tablename__ = "render_jobs"

        id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
        status: RenderStatus = Field(
            sa_type=Enum(RenderStatus, native_enum=False, length=20, create_constraint=True)
        )
    ```
    """
    for table in ctx.schema.tables.values():
        for column in table.columns.values():
            if column.enum_name is None:
                continue
            location = table.column_location(column.name)
            yield Finding(
                message=f"Column `{column.name}` uses the native enum type `{column.enum_name}`",
                help=(
                    "Declare it `sa_type=Enum(..., native_enum=False, create_constraint=True)`"
                    if ctx.from_models
                    else "Change the column type to `text` with a check listing the values"
                ),
                path=location.path,
                line=location.line,
                table=table.display_name,
                column=column.name,
            )
