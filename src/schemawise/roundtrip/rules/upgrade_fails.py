"""RT001 upgrade-fails."""

from __future__ import annotations

from collections.abc import Iterator

from schemawise.registry import Finding, rule
from schemawise.roundtrip.results import RoundtripResults, failure_message


@rule("RT001", "upgrade-fails", severity="error")
def upgrade_fails(results: RoundtripResults) -> Iterator[Finding]:
    """
    ## What it does
    Reports a revision whose upgrade raises on a scratch database, with the statement that failed
    and PostgreSQL's error. The walk stops there: later revisions cannot run.

    ## Why is this bad?
    A revision that fails in CI fails in production too, usually halfway through a deploy.

    ## Example
    ```python
    def upgrade():
        op.add_column("videos", sa.Column("duration", sa.Interval(), server_default="5 parsecs"))
    ```

    ## Use instead
    ```python
    def upgrade():
        op.add_column("videos", sa.Column("duration", sa.Interval(), server_default="5 seconds"))
    ```
    """
    for failure in results.upgrade_failures:
        yield Finding(
            message=failure_message("upgrade", failure),
            help=(
                "Make `downgrade()` undo everything `upgrade()` does, so it can run again"
                if failure.after_downgrade
                else "Fix the failing operation in `upgrade()` and run the test again"
            ),
            path=failure.path,
            line=failure.line,
            object=failure.revision,
        )
