"""SM103: 32-bit (or 16-bit) integer primary key."""

from __future__ import annotations

from collections.abc import Iterator

from schemawise.models.context import ReviewContext
from schemawise.registry import Finding, rule

SMALL_INTEGER_TYPES = frozenset(
    {"integer", "int", "int4", "smallint", "int2", "serial", "serial4", "smallserial", "serial2"}
)


@rule("SM103", "int4-primary-key", severity="warning")
def int4_primary_key(ctx: ReviewContext) -> Iterator[Finding]:
    """## What it does
    Flags a single-column primary key of type `integer` or `smallint` (`serial` included): what
    SQLModel creates for `id: int | None = Field(default=None, primary_key=True)`.

    A primary key that is also a foreign key is left to the table it refers to.

    ## Why is this bad?
    An `integer` key runs out at 2,147,483,647, and sequences burn values on rolled-back inserts
    and `ON CONFLICT` upserts, so busy tables get there sooner than their row count suggests. The
    fix then means rewriting the table and every table that refers to it while the application is
    down. A `bigint` costs four more bytes per row and never runs out.

    ## Example
    ```python
    class Project(SQLModel, table=True):
        __tablename__ = "projects"

        id: int | None = Field(default=None, primary_key=True)
    ```

    ## Use instead
    ```python
    class Project(SQLModel, table=True):
        __tablename__ = "projects"

        id: int | None = Field(
            default=None, primary_key=True, sa_type=BigInteger, sa_column_args=[Identity()]
        )
    ```
    """
    for table in ctx.schema.tables.values():
        pk = table.primary_key
        if pk is None or len(pk.columns) != 1:
            continue
        column = table.columns.get(pk.columns[0])
        if column is None or column.type.lower() not in SMALL_INTEGER_TYPES:
            continue
        if any(column.name in fk.columns for fk in table.foreign_keys):
            continue  # its type follows the referred key; that table is flagged instead
        location = table.column_location(column.name)
        bits = 16 if column.type.lower() in {"smallint", "int2", "smallserial", "serial2"} else 32
        yield Finding(
            message=f"Primary key `{table.display_name}.{column.name}` is a {bits}-bit `{column.type}`",
            help=(
                "Declare it `sa_type=BigInteger` (PostgreSQL `bigint`)"
                if ctx.from_models
                else "Change the column type to `bigint`"
            ),
            path=location.path,
            line=location.line,
            table=table.display_name,
            column=column.name,
        )
