"""SM006: check constraint unnamed or not named after the house convention."""

from __future__ import annotations

from collections.abc import Iterator

from schemawise.models.context import ReviewContext
from schemawise.naming import name_matches
from schemawise.registry import Finding, rule


@rule("SM006", "check-constraint-name-convention", severity="warning")
def check_constraint_name_convention(ctx: ReviewContext) -> Iterator[Finding]:
    """## What it does
    Flags a check constraint that has no name, or whose name is not `ck_<table>_<condition>` (the
    `check` pattern in `[tool.schemawise.naming]`), or that repeats the prefix
    (`ck_clips_ck_clips_positive_duration`): with `NAMING_CONVENTION` on the `MetaData`, name the
    constraint with its condition only and SQLAlchemy adds `ck_<table>_`.

    ## Why is this bad?
    An unnamed check gets a name PostgreSQL makes up (`clips_check`, `clips_check1`), which a later
    migration has to look up before it can drop or change the constraint, and which differs between
    databases built in a different order. The violation error names the constraint too: a name that
    states the condition tells the reader what went wrong.

    ## Example
    ```python
    class Clip(SQLModel, table=True):
        __tablename__ = "clips"
        __table_args__ = (CheckConstraint("end_ms > start_ms"),)
    ```

    ## Use instead
    ```python
    class Clip(SQLModel, table=True):
        __tablename__ = "clips"
        __table_args__ = (CheckConstraint("end_ms > start_ms", name="ck_clips_end_after_start"),)
    ```
    """
    pattern = ctx.naming.check
    for table in ctx.schema.tables.values():
        # The fixed part before the condition (`ck_clips_`), to spot a convention applied twice.
        prefix = (
            pattern.split("{condition}", 1)[0].format(table=table.name)
            if "{condition}" in pattern
            else ""
        )
        for check in table.check_constraints:
            location = check.location if check.location.line else table.location
            example = pattern.format(table=table.name, condition="<condition>")
            if check.name is None:
                expression = check.expression
                if len(expression) > 40:
                    expression = expression[:37] + "..."
                message = f"Check constraint `{expression}` on `{table.display_name}` has no name"
                help_text = f"Pass `name=` to the `CheckConstraint`, e.g. `{example}`"
            elif prefix and check.name.startswith(prefix + prefix):
                condition = check.name[2 * len(prefix) :]
                message = f"Check constraint `{check.name}` repeats the prefix `{prefix}`"
                help_text = f'Name the `CheckConstraint` `"{condition}"`; the naming convention adds `{prefix}`'
            elif not name_matches(check.name, pattern, table=table.name):
                message = f"Check constraint `{check.name}` is not named `{example}`"
                help_text = f"Rename the constraint to `{example}`"
            else:
                continue
            yield Finding(
                message=message,
                help=help_text,
                path=location.path,
                line=location.line,
                table=table.display_name,
                object=check.name,
            )
