"""RT003 downgrade-not-inverse."""

from __future__ import annotations

from collections.abc import Iterator

from schemawise.registry import Finding, rule
from schemawise.roundtrip.results import RoundtripResults

SHOWN = 3


@rule("RT003", "downgrade-not-inverse", severity="error")
def downgrade_not_inverse(results: RoundtripResults) -> Iterator[Finding]:
    """
    ## What it does
    Snapshots the catalog (tables, columns, types, defaults, nullability, constraints, indexes,
    sequences, enums, extensions, views, functions, triggers) before a revision's upgrade and
    after its downgrade, and reports every difference.

    ## Why is this bad?
    After a rollback the schema is not the one the previous release expects: an index is left
    behind, a default is lost, and the next upgrade of the same revision may fail.

    ## Example
    ```python
    def upgrade():
        op.add_column("videos", sa.Column("fps", sa.Integer(), server_default="30"))
        op.create_index("idx_videos_fps", "videos", ["fps"])

    def downgrade():
        op.drop_index("idx_videos_fps", table_name="videos")
    ```

    ## Use instead
    ```python
    def downgrade():
        op.drop_index("idx_videos_fps", table_name="videos")
        op.drop_column("videos", "fps")
    ```
    """
    for item in results.not_inverse:
        sentences = [
            change.sentence("before the upgrade", "after the downgrade") for change in item.changes
        ]
        more = len(sentences) - SHOWN
        listed = "; ".join(sentences[:SHOWN]) + (f"; and {more} more" if more > 0 else "")
        first = item.changes[0]
        table = first.name.split(".", 1)[0] if first.kind in ("column", "constraint") else None
        yield Finding(
            message=f"downgrade of revision `{item.revision.revision}` does not restore the schema: {listed}",
            help="Make `downgrade()` undo every operation of `upgrade()`, in reverse order",
            path=item.revision.path,
            line=item.revision.line_of("downgrade"),
            table=table or (first.name if first.kind == "table" else None),
            object=item.revision.revision,
        )
