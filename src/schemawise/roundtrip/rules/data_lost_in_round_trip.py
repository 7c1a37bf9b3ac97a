"""RT006 data-lost-in-round-trip."""

from __future__ import annotations

from collections.abc import Iterator

from schemawise.registry import Finding, rule
from schemawise.roundtrip.results import RoundtripResults


@rule("RT006", "data-lost-in-round-trip", severity="error")
def data_lost_in_round_trip(results: RoundtripResults) -> Iterator[Finding]:
    """
    ## What it does
    Compares the generated rows (by primary key, or by count when the key's type changes) before
    a revision's upgrade with the rows after it, and after its downgrade. Reports rows that are
    gone, and columns whose values the downgrade does not bring back. Tables the revision drops
    on purpose are not counted against its upgrade.

    ## Why is this bad?
    A migration that silently loses rows, or a downgrade that re-adds a column empty, destroys
    data that no error message will ever mention.

    ## Example
    ```python
    def upgrade():  # swaps the integer key for a UUID by rebuilding the table, empty
        op.create_table("clips_new", sa.Column("id", sa.Uuid(), primary_key=True))
        op.drop_table("clips")
        op.rename_table("clips_new", "clips")
    ```

    ## Use instead
    ```python
    def upgrade():
        op.add_column("clips", sa.Column("uuid", sa.Uuid(), server_default=sa.text("gen_random_uuid()")))
        ...  # copy, then switch the primary key over, keeping every row
    ```
    """
    for item in results.data_losses:
        loss, revision = item.loss, item.revision.revision
        if loss.column is not None:
            message = (
                f"downgrade of revision `{revision}` does not restore the values of "
                f"`{loss.table}.{loss.column}` ({loss.missing} of {loss.total} rows differ)"
            )
            help_text = "Copy the column's values somewhere the downgrade can restore them from"
        else:
            message = (
                f"{item.phase} of revision `{revision}` loses {loss.missing} of {loss.total} rows "
                f"of `{loss.table}`"
            )
            help_text = "Copy the rows across instead of recreating the table empty"
        yield Finding(
            message=message,
            help=help_text,
            path=item.revision.path,
            line=item.revision.line_of(item.phase),
            table=loss.table,
            column=loss.column,
            object=revision,
        )
