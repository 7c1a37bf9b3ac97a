"""MG303: more than one head revision."""

from __future__ import annotations

from collections.abc import Iterator

from schemawise.migrations.context import LintContext
from schemawise.registry import Finding, rule


@rule("MG303", "multiple-heads", severity="error")
def multiple_heads(context: LintContext) -> Iterator[Finding]:
    """## What it does
    Flags a revision history with more than one head on the same branch: two revisions that name the
    same `down_revision`, usually from two feature branches merged in git. Heads on separate branches
    declared with `branch_labels` are intended and not flagged.

    ## Why is this bad?
    `alembic upgrade head` refuses to run ("Multiple head revisions are present"), so the deploy stops;
    and the two revisions were written without knowing about each other, so they may conflict.

    ## Example
    ```python
    # versions/b1_add_duration.py
    revision = "b1"
    down_revision = "a0"

    # versions/c1_add_codec.py
    revision = "c1"
    down_revision = "a0"
    ```

    ## Use instead
    ```python
    # after `alembic merge -m "merge b1 and c1" b1 c1`
    revision = "d1"
    down_revision = ("b1", "c1")
    ```
    """
    graph = context.graph
    if graph is None:
        return
    by_branch: dict[frozenset[str], list[str]] = {}
    for head in graph.heads:
        by_branch.setdefault(frozenset(graph.branch_labels_of(head)), []).append(head)
    for labels, heads in by_branch.items():
        if len(heads) < 2:
            continue
        latest = graph.by_id[heads[-1]]
        branch = f" on branch `{', '.join(sorted(labels))}`" if labels else ""
        names = ", ".join(f"`{h}`" for h in heads)
        yield Finding(
            message=f"The revision history has {len(heads)} heads{branch}: {names}",
            help=f'Run `alembic merge -m "merge heads" {" ".join(heads)}` to join them',
            path=latest.path,
            line=latest.revision_line,
            object=latest.revision,
        )
