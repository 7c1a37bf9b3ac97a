"""SM105: blank-padded `CHAR(n)` column."""

from __future__ import annotations

import re
from collections.abc import Iterator

from schemawise.models.context import ReviewContext
from schemawise.registry import Finding, rule

# `character(2)`, `char(2)`, `bpchar`, arrays of them; not `character varying` nor the one-byte `"char"`.
_BLANK_PADDED = re.compile(r"(character|char|bpchar)(\(\d+\))?(\[\])*")


@rule("SM105", "char-column", severity="warning")
def char_column(ctx: ReviewContext) -> Iterator[Finding]:
    """## What it does
    Flags a column of type `character(n)` (`CHAR(n)`, `bpchar`).

    ## Why is this bad?
    `char(n)` pads every value with spaces to `n` characters and then ignores trailing spaces in
    comparisons, but not in `LIKE`, regular expressions or after a cast to `text`, so the same value
    compares equal in one query and different in the next. It is no faster or smaller than `text`
    in PostgreSQL (the manual says so in "Character Types"), and the fixed length it suggests is not
    enforced for shorter values. A `text` column with a check states the rule exactly.

    ## Example
    ```python
    class Country(SQLModel, table=True):
        __tablename__ = "countries"

        code: str = Field(sa_type=CHAR(2), primary_key=True)
    ```

    ## Use instead
    ```python
    class Country(SQLModel, table=True):
        __tablename__ = "countries"
        __table_args__ = (CheckConstraint("length(code) = 2", name="code_length"),)

        code: str = Field(sa_type=Text, primary_key=True)
    ```
    """
    for table in ctx.schema.tables.values():
        for column in table.columns.values():
            if not _BLANK_PADDED.fullmatch(column.type.lower()):
                continue
            location = table.column_location(column.name)
            yield Finding(
                message=f"Column `{column.name}` is blank-padded `{column.type}`",
                help=(
                    "Declare it `sa_type=Text` and add a `CheckConstraint` on its length"
                    if ctx.from_models
                    else "Change the column type to `text` with a check on its length"
                ),
                path=location.path,
                line=location.line,
                table=table.display_name,
                column=column.name,
            )
