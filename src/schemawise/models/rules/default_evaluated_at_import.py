"""SM107: Python default computed once, when the models module was imported."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator

from schemawise.models.context import ReviewContext
from schemawise.registry import Finding, rule

# A date or time this close to now was almost certainly `now()`/`today()` called at import; a
# constant such as `date(1970, 1, 1)` is a deliberate default.
RECENT = dt.timedelta(days=2)

# UUID versions generated from the clock or from randomness: never meant as one shared constant.
GENERATED_UUID_VERSIONS = frozenset({1, 4, 6, 7})


# What to pass instead, per kind of value.
FACTORIES = {
    "a `datetime`": "lambda: datetime.now(UTC)",
    "a `date`": "date.today",
    "a `UUID`": "uuid.uuid4",
}


def describe_import_time_value(value: object) -> str | None:
    """How to call the default in the message, or None when it looks deliberate."""
    if isinstance(value, dt.datetime):
        now = dt.datetime.now(value.tzinfo) if value.tzinfo else dt.datetime.now()
        utc_now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        if value.tzinfo is None and min(abs(now - value), abs(utc_now - value)) < RECENT:
            return "a `datetime`"
        if value.tzinfo is not None and abs(now - value) < RECENT:
            return "a `datetime`"
        return None
    if isinstance(value, dt.date):
        return "a `date`" if abs(dt.date.today() - value) < RECENT else None
    if isinstance(value, uuid.UUID):
        return "a `UUID`" if value.version in GENERATED_UUID_VERSIONS else None
    return None


@rule("SM107", "default-evaluated-at-import", severity="error", sources=("models",))
def default_evaluated_at_import(ctx: ReviewContext) -> Iterator[Finding]:
    """## What it does
    Flags a column whose Python default is a value computed when the module was imported
    (`default=datetime.utcnow()`, `created_at: datetime = datetime.now()`,
    `default=uuid.uuid4()`) instead of a function called for each new row.

    ## Why is this bad?
    The call runs once, at import. Every row inserted by that process gets the same timestamp,
    the process start time, and every row gets the same UUID, so the second insert fails on the
    primary key, or worse, succeeds on a column without a unique constraint. Tests rarely notice,
    because they restart the process often.

    ## Example
    ```python
    class Video(SQLModel, table=True):
        __tablename__ = "videos"

        id: uuid.UUID = Field(default=uuid.uuid4(), primary_key=True)
        created_at: datetime = Field(
            default=datetime.now(UTC), sa_type=DateTime(timezone=True)
        )
    ```

    ## Use instead
    ```python
    class Video(SQLModel, table=True):
        __tablename__ = "videos"

        id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
        created_at: datetime = Field(
            default_factory=lambda: datetime.now(UTC), sa_type=DateTime(timezone=True)
        )
    ```
    """
    for table in ctx.schema.tables.values():
        for column in table.columns.values():
            orm = column.orm
            if orm is None or orm.default_kind != "scalar":
                continue
            kind = describe_import_time_value(orm.default_value)
            if kind is None:
                continue
            factory = FACTORIES[kind]
            location = table.column_location(column.name)
            yield Finding(
                message=(
                    f"Default of `{column.name}` is {kind} computed once at import "
                    f"(`{orm.default_value}`)"
                ),
                help=(
                    f"Pass the function, not its result: `{factory}` as `default_factory=` "
                    "in `Field` or `default=` in `mapped_column`"
                ),
                path=location.path,
                line=location.line,
                table=table.display_name,
                column=column.name,
            )
