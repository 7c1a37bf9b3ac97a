"""MG006: `NOT VALID` and `VALIDATE CONSTRAINT` in one transaction."""

from __future__ import annotations

from collections.abc import Iterator

from pglast.enums import AlterTableType

from schemawise.migrations.context import LintContext
from schemawise.migrations.rules._statements import (
    AUTOCOMMIT_BLOCK,
    alembic_or_sql,
    alter_table_commands,
    finding,
)
from schemawise.registry import Finding, rule


@rule("MG006", "validation-in-same-transaction", severity="warning")
def validation_in_same_transaction(context: LintContext) -> Iterator[Finding]:
    """## What it does
    Flags `VALIDATE CONSTRAINT` for a constraint that was added `NOT VALID` earlier in the same
    transaction.

    ## Why is this bad?
    `NOT VALID` is only worth it when the validation runs in a later transaction. In the same
    transaction, the lock taken by `ADD CONSTRAINT` (`ACCESS EXCLUSIVE` for a CHECK, `SHARE ROW
    EXCLUSIVE` for a foreign key) is still held while `VALIDATE` scans the table, so the table is
    blocked exactly as if the constraint had been added validated.

    ## Example
    ```python
    def upgrade() -> None:
        op.create_check_constraint(
            "ck_videos_duration_positive", "videos", "duration > 0", postgresql_not_valid=True
        )
        op.execute("ALTER TABLE videos VALIDATE CONSTRAINT ck_videos_duration_positive")
    ```

    ## Use instead
    ```python
    def upgrade() -> None:
        op.create_check_constraint(
            "ck_videos_duration_positive", "videos", "duration > 0", postgresql_not_valid=True
        )
        with op.get_context().autocommit_block():
            op.execute("ALTER TABLE videos VALIDATE CONSTRAINT ck_videos_duration_positive")
    ```
    """
    for statement in context.statements:
        for table, command in alter_table_commands(statement, AlterTableType.AT_ValidateConstraint):
            added = statement.constraints_added_not_valid_in_transaction
            if (table, command.name) not in added:
                continue
            yield finding(
                statement,
                f"`VALIDATE CONSTRAINT` `{command.name}` runs in the transaction that added it "
                f"`NOT VALID`, so `{table}` stays locked during the scan",
                alembic_or_sql(
                    statement,
                    "Run the `VALIDATE CONSTRAINT` inside "
                    + AUTOCOMMIT_BLOCK
                    + " or in a later revision",
                    "`COMMIT` after adding the constraint and validate it in a new transaction",
                ),
                table=table,
                object=command.name,
                graded_by_size=True,
            )
