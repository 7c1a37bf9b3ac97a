"""SM001: table name not a lowercase plural."""

from __future__ import annotations

import re
from collections.abc import Iterator

from schemawise.models.context import ReviewContext
from schemawise.naming import is_plural, pluralize
from schemawise.registry import Finding, rule
from schemawise.schema.model import Table

# A trailing version or date part (`sessions_v2`, `events_2024_01`) says nothing about plurality.
_TRAILING_NUMBERS = re.compile(r"(_v?\d+)+$")


def snake_case(name: str) -> str:
    """`UserAccount` -> `user_account`, `Video Clip` -> `video_clip`."""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", name)
    return re.sub(r"[^a-z0-9]+", "_", spaced.lower()).strip("_")


def rename_table_help(ctx: ReviewContext, table: Table, suggested: str) -> str:
    """The instruction to rename a table, in the vocabulary of where it was defined."""
    if not ctx.from_models:
        return f"Rename the table to `{suggested}`"
    if table.class_name:
        return f'Set `__tablename__ = "{suggested}"`'
    return f'Name the `Table` `"{suggested}"`'


@rule("SM001", "table-name-not-plural", severity="warning")
def table_name_not_plural(ctx: ReviewContext) -> Iterator[Finding]:
    """## What it does
    Flags a table whose name is not a lowercase English plural: `user`, `Hero`, `video_clip`.

    SQLModel names a table after its class (`class Hero` -> `hero`) unless `__tablename__` says
    otherwise, so most singular names come from that default. Turn the rule off with
    `plural-tables = false` in `[tool.schemawise.naming]`.

    ## Why is this bad?
    A table holds many rows, and SQL reads naturally with plural names (`SELECT ... FROM users`).
    One rule applied everywhere means nobody has to remember whether it was `user` or `users`, and
    foreign-key columns (`user_id` -> `users`) and index names follow from it. Singular names also
    collide with reserved words more often (`user`, `order`, `group`).

    ## Example
    ```python
    class Hero(SQLModel, table=True):  # table `hero`
        id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    ```

    ## Use instead
    ```python
    class Hero(SQLModel, table=True):
        __tablename__ = "heroes"

        id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    ```
    """
    if not ctx.naming.plural_tables:
        return
    for table in ctx.schema.tables.values():
        stem = _TRAILING_NUMBERS.sub("", table.name) or table.name
        if table.name == table.name.lower() and is_plural(stem):
            continue
        suffix = table.name[len(stem) :]
        snake_stem = snake_case(stem)
        suggested = (snake_stem if is_plural(snake_stem) else pluralize(snake_stem)) + suffix
        yield Finding(
            message=f"Table `{table.display_name}` is not a lowercase plural",
            help=rename_table_help(ctx, table, suggested),
            path=table.location.path,
            line=table.location.line,
            table=table.display_name,
        )
