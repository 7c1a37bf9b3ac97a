"""MG305: two revision files declare the same revision id."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from schemawise.migrations.context import LintContext
from schemawise.registry import Finding, rule


@rule("MG305", "duplicate-revision-id", severity="error")
def duplicate_revision_id(context: LintContext) -> Iterator[Finding]:
    """## What it does
    Flags a revision file that declares a `revision` id another file already declares, typically a
    copied revision file whose id was not changed.

    ## Why is this bad?
    Alembic keeps one of the two and silently ignores the other (or fails on the graph), so one set of
    operations never runs on some databases and the history differs between environments.

    ## Example
    ```python
    # versions/b1_add_duration.py and versions/b1_add_codec.py
    revision = "b1"
    ```

    ## Use instead
    ```python
    # versions/b1_add_codec.py: a fresh id from `alembic revision`, chained after b1
    revision = "c7e2a9d41f03"
    down_revision = "b1"
    ```
    """
    graph = context.graph
    if graph is None:
        return
    for first, duplicate in graph.duplicates:
        yield Finding(
            message=f"Revision id `{duplicate.revision}` is also declared in "
            f"`{Path(first.path).name}`",
            help="Give one of the two files a new `revision` id and chain it with `down_revision`",
            path=duplicate.path,
            line=duplicate.revision_line,
            object=duplicate.revision,
        )
