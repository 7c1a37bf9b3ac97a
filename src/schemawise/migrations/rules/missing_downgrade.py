"""MG301: a revision that changes the schema but whose `downgrade()` is empty."""

from __future__ import annotations

from collections.abc import Iterator

from schemawise.migrations.context import LintContext
from schemawise.registry import Finding, rule


@rule("MG301", "missing-downgrade", severity="warning")
def missing_downgrade(context: LintContext) -> Iterator[Finding]:
    """## What it does
    Flags a revision whose `upgrade()` does something while its `downgrade()` is missing or only
    `pass`. A `downgrade()` that raises (an explicitly irreversible revision) is not flagged.

    ## Why is this bad?
    `alembic downgrade -1` then "succeeds" without undoing anything: the version table says the
    revision is gone while its tables and columns are still there, and the next upgrade fails on them.
    Rolling back a bad deploy is exactly when this hurts.

    ## Example
    ```python
    def upgrade() -> None:
        op.add_column("videos", sa.Column("duration_ms", sa.BigInteger()))


    def downgrade() -> None:
        pass
    ```

    ## Use instead
    ```python
    def upgrade() -> None:
        op.add_column("videos", sa.Column("duration_ms", sa.BigInteger()))


    def downgrade() -> None:
        op.drop_column("videos", "duration_ms")
    ```
    """
    graph = context.graph
    if graph is None:
        return
    for revision in graph.by_id.values():
        if revision.revision not in graph.in_scope or revision.problem is not None:
            continue
        if revision.function_is_empty("upgrade"):
            continue  # merge points and placeholders change nothing
        if not revision.function_is_empty("downgrade"):
            continue
        downgrade_line = revision.function_line("downgrade")
        yield Finding(
            message=f"Revision `{revision.revision}` changes the schema but its downgrade "
            + ("is missing" if downgrade_line is None else "is empty"),
            help="Write `downgrade()` with the `op.*` calls that undo `upgrade()`, or raise "
            "`NotImplementedError` to declare the revision irreversible",
            path=revision.path,
            line=downgrade_line or revision.revision_line,
            object=revision.revision,
        )
