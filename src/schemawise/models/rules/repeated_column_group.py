"""SM217: numbered columns (`tag1`, `tag2`, `tag3`) that form a repeating group."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from schemawise.models.context import ReviewContext
from schemawise.naming import pluralize, singularize
from schemawise.registry import Finding, rule

# `tag1`, `tag_2`, `phone_03`: a stem and a trailing number.
_NUMBERED = re.compile(r"(?P<stem>[a-z_]*[a-z])_?(?P<number>\d+)")
# Fewer than this many consecutive numbers are a pair (`x1`/`x2`, `address_line1`/`address_line2`).
_MINIMUM_GROUP = 3


@rule("SM217", "repeated-column-group", severity="warning", sources=("models", "database"))
def repeated_column_group(ctx: ReviewContext) -> Iterator[Finding]:
    """## What it does
    Flags three or more columns that share a stem and carry consecutive numbers: `tag1`, `tag2`,
    `tag3`, or `speaker_1` ... `speaker_4`. Numbers that do not run in sequence (`sha1`, `sha256`,
    `sha512`; `p50`, `p95`, `p99`) are different things, not a group, and pairs such as `x1`/`x2` are
    not flagged.

    ## Why is this bad?
    A numbered group is a list stored sideways (a violation of first normal form). The list has a
    maximum length baked into the schema, a fourth tag needs a migration, "find videos tagged
    `intro`" has to test every column (`tag1 = ... OR tag2 = ... OR tag3 = ...`) and no single
    index serves it, and the empty slots are NULLs that every query must handle.

    ## Example
    ```python
    class Video(SQLModel, table=True):
        __tablename__ = "videos"
        id: int | None = Field(default=None, primary_key=True)
        tag1: str | None = None
        tag2: str | None = None
        tag3: str | None = None
    ```

    ## Use instead
    ```python
    class Video(SQLModel, table=True):
        __tablename__ = "videos"
        id: int | None = Field(default=None, primary_key=True)


    class VideoTag(SQLModel, table=True):
        __tablename__ = "video_tags"
        video_id: int = Field(foreign_key="videos.id", ondelete="CASCADE", primary_key=True)
        tag: str = Field(primary_key=True)
    ```
    """
    for table in ctx.schema.tables.values():
        groups: dict[str, dict[int, str]] = defaultdict(dict)
        for name in table.columns:
            match = _NUMBERED.fullmatch(name)
            if match:
                groups[match.group("stem").rstrip("_")][int(match.group("number"))] = name
        for stem, numbered in groups.items():
            run = _longest_run(sorted(numbered))
            if len(run) < _MINIMUM_GROUP:
                continue
            columns = [numbered[number] for number in run]
            location = table.column_location(columns[0])
            child = f"{singularize(table.name)}_{pluralize(stem)}"
            yield Finding(
                message=(
                    f"Columns {', '.join(f'`{c}`' for c in columns)} of `{table.display_name}` "
                    "are a repeating group"
                ),
                help=f"Move the `{stem}` values to a child table (`{child}`), one row per value",
                path=location.path,
                line=location.line,
                table=table.display_name,
                column=columns[0],
            )


def _longest_run(numbers: list[int]) -> list[int]:
    """The longest stretch of consecutive integers in a sorted list."""
    best: list[int] = []
    current: list[int] = []
    for number in numbers:
        current = [*current, number] if current and number == current[-1] + 1 else [number]
        if len(current) > len(best):
            best = current
    return best
