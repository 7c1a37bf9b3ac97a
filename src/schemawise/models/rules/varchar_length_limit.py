"""SM108 (opt-in): `VARCHAR(n)` where `text` with a check would do."""

from __future__ import annotations

import re
from collections.abc import Iterator

from schemawise.models.context import ReviewContext
from schemawise.registry import Finding, rule

_LIMITED_VARCHAR = re.compile(r"(character varying|varchar)\((\d+)\)(\[\])*")


@rule("SM108", "varchar-length-limit", severity="warning", opt_in=True)
def varchar_length_limit(ctx: ReviewContext) -> Iterator[Finding]:
    """## What it does
    Flags a `character varying(n)` column: what SQLModel creates for `Field(max_length=n)` and
    SQLAlchemy for `String(n)`.

    Opt-in: select `SM108` to use it.

    ## Why is this bad?
    In PostgreSQL `varchar(n)`, `varchar` and `text` are stored the same way and perform the same;
    the length is only a constraint, and an awkward one: raising it is an `ALTER COLUMN TYPE`
    (cheap since PostgreSQL 9.2 for a longer limit, but still an `ACCESS EXCLUSIVE` lock), lowering
    it rewrites the table, and the limit is usually an arbitrary 255 rather than a business rule.
    A `text` column with a named check states a real limit and changes with `NOT VALID`.

    ## Example
    ```python
    class Project(SQLModel, table=True):
        __tablename__ = "projects"

        id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
        title: str = Field(max_length=255)
    ```

    ## Use instead
    ```python
    class Project(SQLModel, table=True):
        __tablename__ = "projects"
        __table_args__ = (CheckConstraint("length(title) <= 200", name="title_length"),)

        id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
        title: str = Field(sa_type=Text)
    ```
    """
    for table in ctx.schema.tables.values():
        for column in table.columns.values():
            found = _LIMITED_VARCHAR.fullmatch(column.type.lower())
            if not found:
                continue
            location = table.column_location(column.name)
            yield Finding(
                message=f"Column `{column.name}` is limited to {found.group(2)} characters by its type",
                help=(
                    "Declare it `sa_type=Text` and state a real limit in a `CheckConstraint`"
                    if ctx.from_models
                    else "Change the column type to `text` and state a real limit in a check"
                ),
                path=location.path,
                line=location.line,
                table=table.display_name,
                column=column.name,
            )
