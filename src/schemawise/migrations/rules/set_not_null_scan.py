"""MG008: `SET NOT NULL` with no validated `CHECK (col IS NOT NULL)` before it."""

from __future__ import annotations

from collections.abc import Iterator

from pglast.enums import AlterTableType

from schemawise.migrations.context import LintContext
from schemawise.migrations.rules._statements import alembic_or_sql, alter_table_commands, finding
from schemawise.registry import Finding, rule

# From PostgreSQL 12, SET NOT NULL skips its scan when a validated CHECK proves the column non-null.
CHECK_SKIPS_SCAN_SINCE = 12


@rule("MG008", "set-not-null-scan", severity="warning")
def set_not_null_scan(context: LintContext) -> Iterator[Finding]:
    """## What it does
    Flags `ALTER COLUMN ... SET NOT NULL` on an existing table unless a validated
    `CHECK (column IS NOT NULL)` already proves it (PostgreSQL 12+).

    ## Why is this bad?
    `SET NOT NULL` reads the whole table to prove there are no NULLs, holding an `ACCESS EXCLUSIVE`
    lock: no reads or writes until the scan ends. From PostgreSQL 12 the scan is skipped when a valid
    CHECK constraint already proves the column is never NULL, and that CHECK can be added `NOT VALID`
    and validated without blocking.

    ## Example
    ```python
    def upgrade() -> None:
        op.alter_column("videos", "title", existing_type=sa.Text(), nullable=False)
    ```

    ## Use instead
    ```python
    def upgrade() -> None:
        op.create_check_constraint(
            "ck_videos_title_not_null", "videos", "title IS NOT NULL", postgresql_not_valid=True
        )
        with op.get_context().autocommit_block():
            op.execute("ALTER TABLE videos VALIDATE CONSTRAINT ck_videos_title_not_null")
        op.alter_column("videos", "title", existing_type=sa.Text(), nullable=False)
        op.drop_constraint("ck_videos_title_not_null", "videos", type_="check")
    ```
    """
    for statement in context.statements:
        for table, command in alter_table_commands(statement, AlterTableType.AT_SetNotNull):
            column = command.name
            if statement.table_created_earlier(table):
                continue
            if context.pg_version >= CHECK_SKIPS_SCAN_SINCE:
                if statement.has_validated_not_null_check(table, column):
                    continue
                help = alembic_or_sql(
                    statement,
                    f"Add `CHECK ({column} IS NOT NULL)` with `postgresql_not_valid=True`, validate "
                    "it in a later transaction, then set `nullable=False`",
                    f"Add `CHECK ({column} IS NOT NULL) NOT VALID`, validate it in a later "
                    "transaction, then `SET NOT NULL`",
                )
            else:
                help = (
                    "Run it when the table is quiet: before PostgreSQL 12 nothing avoids the scan"
                )
            yield finding(
                statement,
                f"`SET NOT NULL` on `{table}`.`{column}` scans the whole table under an "
                "`ACCESS EXCLUSIVE` lock",
                help,
                table=table,
                column=column,
                graded_by_size=True,
            )
