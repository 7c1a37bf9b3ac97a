"""MG005: CHECK or FOREIGN KEY added to an existing table without `NOT VALID`."""

from __future__ import annotations

from collections.abc import Iterator

from pglast import ast
from pglast.enums import AlterTableType, ConstrType

from schemawise.migrations.context import LintContext, StatementContext
from schemawise.migrations.rules._statements import (
    alembic_or_sql,
    alter_table_commands,
    constraints_of,
    finding,
)
from schemawise.registry import Finding, rule

CHECKED_KINDS = {ConstrType.CONSTR_CHECK: "CHECK", ConstrType.CONSTR_FOREIGN: "FOREIGN KEY"}


@rule("MG005", "constraint-validated-on-creation", severity="warning")
def constraint_validated_on_creation(context: LintContext) -> Iterator[Finding]:
    """## What it does
    Flags `ADD CONSTRAINT ... CHECK` and `ADD CONSTRAINT ... FOREIGN KEY` on an existing table without
    `NOT VALID`, and `ADD COLUMN` with an inline `CHECK` or `REFERENCES` (checked on every existing
    row too, under the `ADD COLUMN`'s `ACCESS EXCLUSIVE` lock).

    ## Why is this bad?
    Adding the constraint checks every existing row while the table is locked: `ACCESS EXCLUSIVE` for a
    CHECK (no reads, no writes), `SHARE ROW EXCLUSIVE` on both tables for a foreign key (no writes).
    Added `NOT VALID`, the constraint applies to new rows at once and the existing rows are checked by
    a later `VALIDATE CONSTRAINT`, which lets reads and writes continue.

    ## Example
    ```python
    def upgrade() -> None:
        op.create_foreign_key("fk_clips_video_id_videos", "clips", "videos", ["video_id"], ["id"])
    ```

    ## Use instead
    ```python
    def upgrade() -> None:
        op.create_foreign_key(
            "fk_clips_video_id_videos", "clips", "videos", ["video_id"], ["id"],
            postgresql_not_valid=True,
        )
        with op.get_context().autocommit_block():
            op.execute("ALTER TABLE clips VALIDATE CONSTRAINT fk_clips_video_id_videos")
    ```
    """
    for statement in context.statements:
        for table, command in alter_table_commands(
            statement, AlterTableType.AT_AddConstraint, AlterTableType.AT_AddColumn
        ):
            if statement.table_created_earlier(table):
                continue
            definition = command.def_
            if isinstance(definition, ast.ColumnDef):
                constraints = constraints_of(definition, *CHECKED_KINDS)
            elif isinstance(definition, ast.Constraint):
                constraints = [definition]
            else:
                continue
            for constraint in constraints:
                kind = CHECKED_KINDS.get(constraint.contype)
                if kind is None or constraint.skip_validation:
                    continue
                yield checked_constraint_finding(statement, table, kind, constraint)


def checked_constraint_finding(
    statement: StatementContext, table: str, kind: str, constraint: ast.Constraint
) -> Finding:
    name = f" `{constraint.conname}`" if constraint.conname else ""
    function = "create_check_constraint" if kind == "CHECK" else "create_foreign_key"
    return finding(
        statement,
        f"`{kind}`{name} on `{table}` checks every existing row while the table is locked",
        alembic_or_sql(
            statement,
            f"Pass `postgresql_not_valid=True` to `op.{function}(...)` and run "
            "`VALIDATE CONSTRAINT` in a later transaction",
            "Add the constraint `NOT VALID` and run `VALIDATE CONSTRAINT` in a later transaction",
            raw_sql="Add `NOT VALID` to the constraint in `op.execute(...)` and run `VALIDATE "
            "CONSTRAINT` in a later transaction",
        ),
        table=table,
        object=constraint.conname,
        graded_by_size=True,
    )
