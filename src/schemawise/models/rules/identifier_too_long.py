"""SM009: identifier longer than PostgreSQL keeps."""

from __future__ import annotations

from collections.abc import Iterator

from schemawise.models.context import ReviewContext
from schemawise.models.rules.identifier_not_snake_case import named_objects
from schemawise.naming import MAX_IDENTIFIER_BYTES
from schemawise.registry import Finding, rule
from schemawise.schema.model import NOWHERE


def _too_long(name: str) -> int | None:
    """The name's length in bytes when it is over the limit (PostgreSQL counts bytes, not chars)."""
    size = len(name.encode())
    return size if size > MAX_IDENTIFIER_BYTES else None


# Only models can show it: a live database holds the names already cut to 63 bytes.
@rule("SM009", "identifier-too-long", severity="warning", sources=("models",))
def identifier_too_long(ctx: ReviewContext) -> Iterator[Finding]:
    """## What it does
    Flags a table, column, index or constraint name longer than 63 bytes (bytes of UTF-8, so an
    accented name reaches the limit sooner). Names made by a naming convention count too: long
    table and column names make long index and foreign-key names.

    ## Why is this bad?
    PostgreSQL cuts longer names at 63 bytes with only a NOTICE, so the database holds a different
    name than the model: Alembic autogenerate then sees a difference on every run, two names that
    share their first 63 bytes collide, and SQLAlchemy refuses explicit long constraint names or
    replaces the end of a convention name with a hash nobody can guess.

    ## Example
    ```python
    class TranscriptSegmentSpeakerDiarizationResult(Base, table=True):
        __tablename__ = "transcript_segment_speaker_diarization_results_by_model_version"
    ```

    ## Use instead
    ```python
    class DiarizationResult(Base, table=True):
        __tablename__ = "diarization_results"
    ```
    """
    for table in ctx.schema.tables.values():
        display = table.display_name
        size = _too_long(table.name)
        if size:
            yield Finding(
                message=f"Table name `{table.name}` is {size} bytes, over PostgreSQL's 63",
                help="Set a shorter `__tablename__`",
                path=table.location.path,
                line=table.location.line,
                table=display,
            )
        for column in table.columns.values():
            size = _too_long(column.name)
            if size is None:
                continue
            location = table.column_location(column.name)
            yield Finding(
                message=f"Column name `{column.name}` is {size} bytes, over PostgreSQL's 63",
                help="Rename the column to 63 bytes or fewer",
                path=location.path,
                line=location.line,
                table=display,
                column=column.name,
            )
        for kind, name, columns, own_location in named_objects(table):
            size = _too_long(name)
            if size is None or any(_too_long(part) for part in (table.name, *columns)):
                continue  # none, or made long by a table or column name flagged already
            location = own_location
            if location == NOWHERE:
                location = table.column_location(columns[0]) if columns else table.location
            yield Finding(
                message=f"{kind} name `{name}` is {size} bytes, over PostgreSQL's 63",
                help="Name it explicitly in 63 bytes or fewer",
                path=location.path,
                line=location.line,
                table=display,
                object=name,
            )
