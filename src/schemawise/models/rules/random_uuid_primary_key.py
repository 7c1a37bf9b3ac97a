"""SM110 (opt-in, info): random UUIDv4 primary key."""

from __future__ import annotations

import re
from collections.abc import Iterator

from schemawise.models.context import ReviewContext
from schemawise.registry import Finding, rule
from schemawise.schema.model import Column

# Server-side generators of random (version 4) UUIDs: core since PostgreSQL 13, and uuid-ossp.
_RANDOM_UUID_SQL = re.compile(r"\b(gen_random_uuid|uuid_generate_v4)\s*\(", re.IGNORECASE)


def defaults_to_random_uuid(column: Column) -> bool:
    if column.default and _RANDOM_UUID_SQL.search(column.default):
        return True
    orm = column.orm
    if orm is None or orm.default_kind != "callable":
        return False
    # SQLAlchemy wraps a no-argument default in a function that keeps the original's name.
    return getattr(orm.default_value, "__name__", None) == "uuid4"


@rule("SM110", "random-uuid-primary-key", severity="info", opt_in=True)
def random_uuid_primary_key(ctx: ReviewContext) -> Iterator[Finding]:
    """## What it does
    Flags a `uuid` primary key whose default generates random version 4 UUIDs: Python's `uuid.uuid4`
    as a `default_factory`/`default`, or `gen_random_uuid()` as a server default.

    Opt-in and informational: select `SM110` for tables expected to grow large.

    ## Why is this bad?
    Random keys land on random pages of the primary-key index, so once the index outgrows memory
    every insert reads and dirties a different page, the index bloats from page splits, and
    write-ahead log volume grows with full-page images. Time-ordered UUIDv7 keys keep the same
    global uniqueness but append at the right edge of the index, like a sequence.

    ## Example
    ```python
    class Clip(SQLModel, table=True):
        __tablename__ = "clips"

        id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    ```

    ## Use instead
    ```python
    class Clip(SQLModel, table=True):
        __tablename__ = "clips"

        id: uuid.UUID = Field(default_factory=uuid7, primary_key=True)  # time-ordered UUIDv7
    ```
    """
    for table in ctx.schema.tables.values():
        pk = table.primary_key
        if pk is None or len(pk.columns) != 1:
            continue
        column = table.columns.get(pk.columns[0])
        if column is None or column.type.lower() != "uuid" or not defaults_to_random_uuid(column):
            continue
        location = table.column_location(column.name)
        yield Finding(
            message=f"Primary key `{table.display_name}.{column.name}` defaults to random UUIDv4 values",
            help=(
                "Generate time-ordered UUIDv7 keys in the server default (`uuidv7()` from PostgreSQL 18)"
                if column.default and _RANDOM_UUID_SQL.search(column.default)
                else "Generate time-ordered UUIDv7 keys, e.g. `Field(default_factory=uuid7)`"
            ),
            path=location.path,
            line=location.line,
            table=table.display_name,
            column=column.name,
        )
