"""MG304: `down_revision` (or `depends_on`) names a revision that does not exist."""

from __future__ import annotations

from collections.abc import Iterator

from schemawise.migrations.context import LintContext
from schemawise.registry import Finding, rule


@rule("MG304", "missing-down-revision", severity="error")
def missing_down_revision(context: LintContext) -> Iterator[Finding]:
    """## What it does
    Flags a revision whose `down_revision` (or `depends_on`) names a revision id that no file in the
    versions directories declares.

    ## Why is this bad?
    Alembic cannot build the revision graph: every command fails with "Revision ... referenced from
    ... is not present". It usually means a revision file was deleted, renamed across branches, or its
    id was edited by hand.

    ## Example
    ```python
    revision = "c1"
    down_revision = "b0"  # no versions/*.py declares revision = "b0"
    ```

    ## Use instead
    ```python
    revision = "c1"
    down_revision = "b1"  # the id of the revision this one follows
    ```
    """
    graph = context.graph
    if graph is None:
        return
    for revision, attribute, missing in graph.missing_links():
        if revision.revision not in graph.in_scope:
            continue
        yield Finding(
            message=f"Revision `{revision.revision}` has `{attribute}` `{missing}`, "
            "which no revision file declares",
            help=f"Set `{attribute}` to the id of an existing revision (see `alembic history`)",
            path=revision.path,
            line=revision.down_revision_line or revision.revision_line,
            object=revision.revision,
        )
