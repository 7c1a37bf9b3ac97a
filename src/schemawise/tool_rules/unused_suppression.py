"""SW001: a suppression comment or table ignore that suppresses nothing."""

from __future__ import annotations

from collections.abc import Iterator

from schemawise.registry import Finding, rule


@rule("SW001", "unused-suppression", severity="warning")
def unused_suppression(unused: list[Finding]) -> Iterator[Finding]:
    """## What it does
    Flags a `# schemawise: ignore[...]` comment, a `-- schemawise: ignore[...]` SQL comment or a
    `__table_args__` `info={"schemawise": {"ignore": [...]}}` entry that suppressed no diagnostic
    in this run.

    ## Why is this bad?
    A suppression outlives the problem it silenced: once the code is fixed, the stale comment hides the
    next, unrelated problem on the same line and misleads readers about why it is there.

    ## Example
    ```python
    class Clip(SQLModel, table=True):
        video_id: uuid.UUID = Field(foreign_key="videos.id", index=True)  # schemawise: ignore[SM201]
    ```

    ## Use instead
    ```python
    class Clip(SQLModel, table=True):
        video_id: uuid.UUID = Field(foreign_key="videos.id", index=True)
    ```
    """
    # The suppression module works out which suppressions went unused; this rule only reports them,
    # so that SW001 is selectable and documented like every other rule.
    yield from unused
