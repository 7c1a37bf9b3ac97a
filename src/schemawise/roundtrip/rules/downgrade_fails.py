"""RT002 downgrade-fails."""

from __future__ import annotations

from collections.abc import Iterator

from schemawise.diagnostics import Severity
from schemawise.registry import Finding, rule
from schemawise.roundtrip.results import RoundtripResults, failure_message


@rule("RT002", "downgrade-fails", severity="error")
def downgrade_fails(results: RoundtripResults) -> Iterator[Finding]:
    """
    ## What it does
    Reports a revision whose downgrade raises right after its upgrade, with the statement and
    PostgreSQL's error. Revisions listed in `[tool.schemawise.roundtrip] irreversible` are not
    downgraded; each is reported as a note instead.

    ## Why is this bad?
    The downgrade is the rollback plan. Finding out it is broken during an incident is too late.

    ## Example
    ```python
    def downgrade():
        op.drop_index("idx_videos_title")  # the index lives on `videos`, created in another schema
    ```

    ## Use instead
    ```python
    def downgrade():
        op.drop_index("idx_videos_title", table_name="videos", schema="media")
    ```
    """
    for failure in results.downgrade_failures:
        yield Finding(
            message=failure_message("downgrade", failure),
            help="Fix the failing operation in `downgrade()`, or list the revision as `irreversible`",
            path=failure.path,
            line=failure.line,
            object=failure.revision,
        )
    for revision in results.irreversible_skipped:
        yield Finding(
            message=f"downgrade of revision `{revision.revision}` not run: configured as irreversible",
            path=revision.path,
            line=revision.line_of("downgrade"),
            object=revision.revision,
            severity=Severity.INFO,
        )
