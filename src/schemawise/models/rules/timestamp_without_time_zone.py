"""SM101: `datetime` column stored as `timestamp without time zone`."""

from __future__ import annotations

import re
from collections.abc import Iterator

from schemawise.models.context import ReviewContext
from schemawise.registry import Finding, rule

# `timestamp`, `timestamp(3) without time zone`, `timestamp without time zone[]`; not `timestamptz`.
_NAIVE_TIMESTAMP = re.compile(r"timestamp(\(\d+\))?( without time zone)?(\[\])*")


@rule("SM101", "timestamp-without-time-zone", severity="warning")
def timestamp_without_time_zone(ctx: ReviewContext) -> Iterator[Finding]:
    """## What it does
    Flags a column of type `timestamp without time zone`: what SQLAlchemy's `DateTime()` and
    `Mapped[datetime]` create unless given `timezone=True`, and what SQLModel creates for a
    `NaiveDatetime` annotation (older SQLModel releases did so for every `datetime`).

    ## Why is this bad?
    A `timestamp without time zone` stores a wall-clock reading with no offset, so the database
    cannot tell 09:00 in Paris from 09:00 in UTC. Values written by servers or drivers in
    different time zones, or across a daylight-saving change, silently disagree, and `now()`
    compared against them is off by the session's offset. `timestamptz` stores an instant (in UTC)
    and converts on the way out; it takes the same 8 bytes.

    ## Example
    ```python
    class Video(SQLModel, table=True):
        __tablename__ = "videos"

        id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
        created_at: datetime = Field(sa_type=DateTime())
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
            if not _NAIVE_TIMESTAMP.fullmatch(column.type.lower()):
                continue
            location = table.column_location(column.name)
            yield Finding(
                message=f"Column `{column.name}` stores `{column.type}`",
                help=(
                    "Declare the column with `sa_type=DateTime(timezone=True)` (`timestamptz`)"
                    if ctx.from_models
                    else "Change the column type to `timestamptz`"
                ),
                path=location.path,
                line=location.line,
                table=table.display_name,
                column=column.name,
            )
