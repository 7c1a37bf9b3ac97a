"""SM003: a name that is a PostgreSQL reserved keyword."""

from __future__ import annotations

from collections.abc import Iterator

from pglast.keywords import RESERVED_KEYWORDS, TYPE_FUNC_NAME_KEYWORDS

from schemawise.models.context import ReviewContext
from schemawise.models.rules.identifier_not_snake_case import named_objects
from schemawise.models.rules.table_name_not_plural import rename_table_help
from schemawise.naming import pluralize, singularize
from schemawise.registry import Finding, rule

# PostgreSQL's own keyword list (pglast ships the server's kwlist.h). Table, column, index and
# constraint names are `ColId`s in the grammar: unreserved and column-name keywords are accepted
# bare, reserved and type/function-name keywords (`left`, `join`, `verbose`) only in quotes.
RESERVED = frozenset(RESERVED_KEYWORDS) | frozenset(TYPE_FUNC_NAME_KEYWORDS)

# Names people reach for instead, for the help line; anything else gets `<singular table>_<word>`.
USUAL_REPLACEMENTS = {
    "end": "ends_at", "from": "starts_at", "to": "ends_at", "order": "sort_order",
    "desc": "description", "default": "is_default", "primary": "is_primary", "unique": "is_unique",
    "user": "username", "group": "group_name", "limit": "max_count", "offset": "start_offset",
    "column": "column_name", "table": "table_name", "analyse": "analysis", "analyze": "analysis",
    "current_date": "as_of_date", "current_user": "username", "full": "is_full",
}  # fmt: skip


@rule("SM003", "reserved-word-identifier", severity="warning")
def reserved_word_identifier(ctx: ReviewContext) -> Iterator[Finding]:
    """## What it does
    Flags a table, column, index or constraint named after a PostgreSQL reserved keyword: a table
    `user` or `order`, a column `end`, `desc`, `limit`, `offset` or `default`.

    ## Why is this bad?
    A reserved word is only accepted in double quotes. SQLAlchemy quotes it for you, but every
    hand-written query, psql session, view and migration has to remember to: `SELECT * FROM user`
    silently returns the current role name instead of the table, and `SELECT end FROM clips` is a
    syntax error.

    ## Example
    ```python
    class Order(SQLModel, table=True):
        __tablename__ = "order"

        id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
        end: datetime = Field(sa_type=DateTime(timezone=True))
    ```

    ## Use instead
    ```python
    class Order(SQLModel, table=True):
        __tablename__ = "orders"

        id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
        ends_at: datetime = Field(sa_type=DateTime(timezone=True))
    ```
    """
    for table in ctx.schema.tables.values():
        display = table.display_name
        if table.name.lower() in RESERVED:
            suggested = pluralize(table.name.lower())
            yield Finding(
                message=f"Table name `{table.name}` is a reserved word in PostgreSQL",
                help=rename_table_help(ctx, table, suggested),
                path=table.location.path,
                line=table.location.line,
                table=display,
            )
        for column in table.columns.values():
            if column.name.lower() not in RESERVED:
                continue
            location = table.column_location(column.name)
            word = column.name.lower()
            suggested = USUAL_REPLACEMENTS.get(word, f"{singularize(table.name)}_{word}")
            yield Finding(
                message=f"Column name `{column.name}` is a reserved word in PostgreSQL",
                help=f"Rename the column to a name that is not a keyword, such as `{suggested}`",
                path=location.path,
                line=location.line,
                table=display,
                column=column.name,
            )
        for kind, name, _, own_location in named_objects(table):
            if name.lower() not in RESERVED:
                continue
            location = own_location if own_location.line else table.location
            yield Finding(
                message=f"{kind} name `{name}` is a reserved word in PostgreSQL",
                help="Name it after its table and columns, as the naming convention does",
                path=location.path,
                line=location.line,
                table=display,
                object=name,
            )
