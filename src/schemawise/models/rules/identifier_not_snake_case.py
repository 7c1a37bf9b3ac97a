"""SM002: identifier that PostgreSQL only accepts quoted."""

from __future__ import annotations

import re
from collections.abc import Iterator

from schemawise.models.context import ReviewContext
from schemawise.models.rules.table_name_not_plural import rename_table_help, snake_case
from schemawise.registry import Finding, rule
from schemawise.schema.model import Location, Table

# What PostgreSQL folds to itself unquoted: lower-case letters, digits, `_` and `$`, not a digit first.
_PLAIN_IDENTIFIER = re.compile(r"[a-z_][a-z0-9_$]*")


def named_objects(table: Table) -> Iterator[tuple[str, str, tuple[str, ...], Location]]:
    """(kind, name, columns, location) of every named index and constraint of `table`."""
    if table.primary_key and table.primary_key.name:
        pk = table.primary_key
        yield "Primary key", pk.name, pk.columns, pk.location
    for index in table.indexes:
        if index.name:
            columns = tuple(key for key in index.column_keys if key is not None)
            yield "Index", index.name, columns, index.location
    for unique in table.unique_constraints:
        if unique.name:
            yield "Unique constraint", unique.name, unique.columns, unique.location
    for check in table.check_constraints:
        if check.name:
            yield "Check constraint", check.name, (), check.location
    for fk in table.foreign_keys:
        if fk.name:
            yield "Foreign key", fk.name, fk.columns, fk.location


@rule("SM002", "identifier-not-snake-case", severity="warning")
def identifier_not_snake_case(ctx: ReviewContext) -> Iterator[Finding]:
    """## What it does
    Flags a table, column, index or constraint name that PostgreSQL only accepts in double quotes:
    upper-case letters (`createdAt`, `Users`), spaces, dashes or other symbols, or a leading digit.

    ## Why is this bad?
    PostgreSQL folds unquoted names to lower case, so a table created as `"createdAt"` must be
    written `"createdAt"` with quotes in every query, psql session, view and migration forever after;
    `SELECT createdAt FROM users` fails with `column "createdat" does not exist`. SQLAlchemy quotes
    such names silently, so the problem only shows when someone writes SQL by hand.

    ## Example
    ```python
    class Video(SQLModel, table=True):
        __tablename__ = "videos"

        id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
        createdAt: datetime = Field(sa_type=DateTime(timezone=True))
    ```

    ## Use instead
    ```python
    class Video(SQLModel, table=True):
        __tablename__ = "videos"

        id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
        created_at: datetime = Field(sa_type=DateTime(timezone=True))
    ```
    """
    for table in ctx.schema.tables.values():
        display = table.display_name
        if not _PLAIN_IDENTIFIER.fullmatch(table.name):
            suggested = snake_case(table.name)
            yield Finding(
                message=f"Table name `{table.name}` needs quoting in SQL",
                help=rename_table_help(ctx, table, suggested),
                path=table.location.path,
                line=table.location.line,
                table=display,
            )
        for column in table.columns.values():
            if _PLAIN_IDENTIFIER.fullmatch(column.name):
                continue
            suggested = snake_case(column.name)
            location = table.column_location(column.name)
            yield Finding(
                message=f"Column name `{column.name}` needs quoting in SQL",
                help=f"Rename the column to `{suggested}`",
                path=location.path,
                line=location.line,
                table=display,
                column=column.name,
            )
        for kind, name, columns, own_location in named_objects(table):
            if _PLAIN_IDENTIFIER.fullmatch(name):
                continue
            flagged_parts = [
                part for part in (table.name, *columns) if not _PLAIN_IDENTIFIER.fullmatch(part)
            ]
            if any(part in name for part in flagged_parts):
                continue  # derived from a table or column flagged above; fixing that fixes this
            location = own_location if own_location.line else table.location
            yield Finding(
                message=f"{kind} name `{name}` needs quoting in SQL",
                help=f"Name it `{snake_case(name)}`",
                path=location.path,
                line=location.line,
                table=display,
                object=name,
            )
