"""SM102: `json` column where `jsonb` is meant."""

from __future__ import annotations

from collections.abc import Iterator

from schemawise.models.context import ReviewContext
from schemawise.registry import Finding, rule


@rule("SM102", "json-instead-of-jsonb", severity="warning")
def json_instead_of_jsonb(ctx: ReviewContext) -> Iterator[Finding]:
    """## What it does
    Flags a column of type `json`, what SQLAlchemy's generic `JSON` type creates on PostgreSQL.

    ## Why is this bad?
    `json` stores the text as given and re-parses it on every access. It has no equality operator
    (so no `DISTINCT`, `GROUP BY` or unique index over it), no GIN index support and none of the
    containment operators (`@>`, `?`). `jsonb` stores a parsed binary form that is faster to query
    and can be indexed; keep `json` only when the exact text (key order, duplicate keys, white
    space) must round-trip.

    ## Example
    ```python
    class RenderJob(SQLModel, table=True):
        __tablename__ = "render_jobs"

        id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
        settings: dict = Field(sa_type=JSON, default_factory=dict)
    ```

    ## Use instead
    ```python
    from sqlalchemy.dialects.postgresql import JSONB


    class RenderJob(SQLModel, table=True):
        __tablename__ = "render_jobs"

        id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
        settings: dict = Field(sa_type=JSONB, default_factory=dict)
    ```
    """
    for table in ctx.schema.tables.values():
        for column in table.columns.values():
            if column.type.lower().removesuffix("[]") != "json":
                continue
            location = table.column_location(column.name)
            yield Finding(
                message=f"Column `{column.name}` is `json`, not `jsonb`",
                help=(
                    "Declare it `sa_type=JSONB` (from `sqlalchemy.dialects.postgresql`)"
                    if ctx.from_models
                    else "Change the column type to `jsonb`"
                ),
                path=location.path,
                line=location.line,
                table=table.display_name,
                column=column.name,
            )
