"""SM009: identifier longer than PostgreSQL keeps."""

from __future__ import annotations

from collections.abc import Iterator

from schemawise.models.context import ReviewContext
from schemawise.models.rules.identifier_not_snake_case import named_objects
from schemawise.naming import MAX_IDENTIFIER_BYTES, name_matches
from schemawise.registry import Finding, rule
from schemawise.schema.model import NOWHERE, Table


def _too_long(name: str) -> int | None:
    """The name's length in bytes when it is over the limit (PostgreSQL counts bytes, not chars)."""
    size = len(name.encode())
    return size if size > MAX_IDENTIFIER_BYTES else None


def made_by_convention(
    ctx: ReviewContext, table: Table, kind: str, name: str, columns: tuple[str, ...]
) -> bool:
    """Whether the name is exactly what the naming convention makes of this object.

    SQLAlchemy cuts such names to 55 characters plus a hash of the whole name when it emits DDL,
    and Alembic compares them the same way, so they never reach PostgreSQL's silent truncation.
    """
    naming = ctx.naming
    values = {"table": table.name}
    if columns:
        values |= {"columns": "_".join(columns), "column": columns[0]}
    if kind == "Primary key":
        return name_matches(name, naming.primary_key, **values)
    if kind == "Index":
        return name_matches(name, naming.index, **values)
    if kind == "Unique constraint":
        return name_matches(name, naming.unique, **values)
    if kind == "Foreign key":
        referred = next((fk.referred_table for fk in table.foreign_keys if fk.name == name), "")
        return name_matches(name, naming.foreign_key, referred_table=referred, **values)
    return name_matches(name, naming.check, **values)


# Only models can show it: a live database holds the names already cut to 63 bytes.
@rule("SM009", "identifier-too-long", severity="warning", sources=("models",))
def identifier_too_long(ctx: ReviewContext) -> Iterator[Finding]:
    """## What it does
    Flags a table, column, index or constraint name longer than 63 bytes (bytes of UTF-8, so an
    accented name reaches the limit sooner).

    A long name that a naming convention made from short table and column names passes: SQLAlchemy
    shortens it with a hash, the same way every time.

    ## Why is this bad?
    PostgreSQL cuts longer names at 63 bytes with only a NOTICE, so the database holds a different
    name than the model: Alembic autogenerate then sees a difference on every run, and two names
    that share their first 63 bytes collide. SQLAlchemy refuses to create an index or constraint
    with an explicit name that long.

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
            if made_by_convention(ctx, table, kind, name, columns):
                continue  # SQLAlchemy shortens convention names itself, the same way every time
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
