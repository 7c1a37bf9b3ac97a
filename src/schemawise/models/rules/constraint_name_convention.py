"""SM007: unique, foreign-key or primary-key constraint not named after the house convention."""

from __future__ import annotations

from collections.abc import Iterator

from schemawise.models.context import ReviewContext
from schemawise.models.rules.metadata_without_naming_convention import names_constraints
from schemawise.models.rules.table_name_not_plural import snake_case
from schemawise.naming import NamingSettings, name_matches
from schemawise.registry import Finding, rule
from schemawise.schema.model import NOWHERE, Location, Table


def _constraints(
    table: Table, ctx: ReviewContext
) -> Iterator[tuple[str, str | None, str, dict[str, str], Location]]:
    """(kind, name, pattern, pattern values, location) of each unique, FK and PK constraint."""
    naming = ctx.naming
    pk = table.primary_key
    if pk is not None and pk.columns:
        location = pk.location if pk.location != NOWHERE else table.column_location(pk.columns[0])
        yield "Primary key", pk.name, naming.primary_key, {}, location
    for unique in table.unique_constraints:
        values = {"columns": "_".join(unique.columns), "column": unique.columns[0]}
        location = unique.location
        if location == NOWHERE:
            location = table.column_location(unique.columns[0])
        yield "Unique constraint", unique.name, naming.unique, values, location
    for fk in table.foreign_keys:
        values = {
            "columns": "_".join(fk.columns),
            "column": fk.columns[0],
            "referred_table": fk.referred_table,
        }
        location = fk.location if fk.location != NOWHERE else table.column_location(fk.columns[0])
        yield "Foreign key", fk.name, naming.foreign_key, values, location


# The patterns NAMING_CONVENTION produces; a configured pattern has to be written by hand.
HOUSE_PATTERNS = frozenset(
    {NamingSettings().unique, NamingSettings().foreign_key, NamingSettings().primary_key}
)


@rule("SM007", "constraint-name-convention", severity="warning")
def constraint_name_convention(ctx: ReviewContext) -> Iterator[Finding]:
    """## What it does
    Flags a unique, foreign-key or primary-key constraint that has no name or is not named
    `uq_<table>_<columns>`, `fk_<table>_<column>_<referred table>` or `pk_<table>` (the `unique`,
    `foreign-key` and `primary-key` patterns in `[tool.schemawise.naming]`).

    ## Why is this bad?
    A constraint created without a name gets one PostgreSQL makes up (`users_pkey`,
    `clips_video_id_fkey`, `users_email_key`). Alembic cannot drop or alter a constraint it cannot
    name, so a later migration has to look the name up in each database, and autogenerate emits
    `None` names that fail. With `NAMING_CONVENTION` on the `MetaData`, SQLAlchemy names every
    constraint itself and every database agrees.

    ## Example
    ```python
    class Clip(SQLModel, table=True):  # plain `SQLModel.metadata`: no naming convention
        __tablename__ = "clips"

        id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
        video_id: uuid.UUID = Field(foreign_key="videos.id", index=True)
    ```

    ## Use instead
    ```python
    reg = registry(metadata=MetaData(naming_convention=NAMING_CONVENTION))


    class Base(SQLModel, registry=reg):
        pass


    class Clip(Base, table=True):  # pk_clips, fk_clips_video_id_videos
        __tablename__ = "clips"

        id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
        video_id: uuid.UUID = Field(foreign_key="videos.id", index=True)
    ```
    """
    # Tables whose MetaData has a convention yet unnamed constraints got it after they were defined.
    late_convention = {
        name
        for metadata in ctx.schema.metadatas
        if names_constraints(metadata.naming_convention)
        for name in metadata.tables
    }
    for table in ctx.schema.tables.values():
        for kind, name, pattern, values, location in _constraints(table, ctx):
            values = {"table": table.name, **values}
            # A column that needs quoting may appear in its snake_case form (SM002 flags it).
            snake_values = {key: snake_case(value) for key, value in values.items()}
            snake_values["table"] = table.name
            if name is not None and (
                name_matches(name, pattern, **values) or name_matches(name, pattern, **snake_values)
            ):
                continue
            expected = pattern.format(**snake_values)
            if location == NOWHERE:
                location = table.location
            if name is None:
                message = f"{kind} on `{table.display_name}` has no name"
                if pattern not in HOUSE_PATTERNS:
                    help_text = f"Name the constraint `{expected}` (`name=` on the constraint)"
                elif table.display_name in late_convention:
                    help_text = (
                        "Set the `naming_convention` before the model classes are defined, "
                        f"so SQLAlchemy names it `{expected}`"
                    )
                else:
                    help_text = (
                        "Create the `MetaData` with `naming_convention=NAMING_CONVENTION` "
                        f"(from `schemawise.naming`) so SQLAlchemy names it `{expected}`"
                    )
            else:
                message = f"{kind} `{name}` is not named `{expected}`"
                help_text = f"Rename the constraint to `{expected}`"
            yield Finding(
                message=message,
                help=help_text,
                path=location.path,
                line=location.line,
                table=table.display_name,
                object=name,
            )
