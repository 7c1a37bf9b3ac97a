"""SM005: index not named after the house convention."""

from __future__ import annotations

from collections.abc import Iterator

from schemawise.models.context import ReviewContext
from schemawise.models.rules.table_name_not_plural import snake_case
from schemawise.naming import NamingSettings, name_matches
from schemawise.registry import Finding, rule
from schemawise.schema.model import Index, Table


def conforms(table: Table, index: Index, ctx: ReviewContext) -> bool:
    """Whether the index name follows the index pattern (or, for a unique index, the unique one).

    An expression or partial index has no one obvious column list, so any `idx_<table>_<words>`
    name passes; a unique index may also be named like a unique constraint (`uq_<table>_<columns>`).
    An index that differs from a plain btree over its columns (another method, an operator class,
    INCLUDE columns) may add a description after the columns: `idx_users_email_pattern`. A column
    that needs quoting may appear in its snake_case form (`display_name` for `DisplayName`).
    """
    name = index.name or ""
    patterns = [ctx.naming.index]
    if index.unique:
        patterns.append(ctx.naming.unique)
    if not all(key is not None for key in index.column_keys) or index.predicate is not None:
        return any(name_matches(name, pattern, table=table.name) for pattern in patterns)
    described = index.method != "btree" or any(index.opclasses) or bool(index.include)
    for keys in {index.keys, tuple(snake_case(key) for key in index.keys)}:
        values = {"table": table.name, "columns": "_".join(keys), "column": keys[0]}
        for pattern in patterns:
            if name_matches(name, pattern, **values):
                return True
            if described and name.startswith(pattern.format(**values) + "_"):
                return True
    return False


@rule("SM005", "index-name-convention", severity="warning")
def index_name_convention(ctx: ReviewContext) -> Iterator[Finding]:
    """## What it does
    Flags an index not named `idx_<table>_<columns>` (the `index` pattern in
    `[tool.schemawise.naming]`).

    An expression or partial index passes with any `idx_<table>_<description>` name; a unique index
    may also use the unique pattern (`uq_<table>_<columns>`).

    ## Why is this bad?
    Alembic autogenerate, `DROP INDEX` in a migration and a plan from `EXPLAIN` all name the index;
    a predictable name tells you the table and columns without a catalog lookup, and lets two
    developers' migrations agree on the name of the same index. SQLAlchemy's default
    (`ix_<table>_<column>`) differs from the house convention, so mixed projects end up with both.

    ## Example
    ```python
    class Clip(SQLModel, table=True):
        __tablename__ = "clips"
        __table_args__ = (Index("clips_by_video", "video_id", "position"),)
    ```

    ## Use instead
    ```python
    reg = registry(metadata=MetaData(naming_convention=NAMING_CONVENTION))


    class Base(SQLModel, registry=reg):
        pass


    class Clip(Base, table=True):
        __tablename__ = "clips"
        __table_args__ = (Index("idx_clips_video_id_position", "video_id", "position"),)
    ```
    """
    # NAMING_CONVENTION produces the default pattern only; a configured one is named by hand.
    uses_house_index_pattern = ctx.naming.index == NamingSettings().index
    for table in ctx.schema.tables.values():
        for index in table.indexes:
            if index.name is None or conforms(table, index, ctx):
                continue
            if all(key is not None for key in index.column_keys):
                keys = [snake_case(key) for key in index.keys]
                expected = ctx.naming.index.format(
                    table=table.name, columns="_".join(keys), column=keys[0]
                )
            else:
                expected = ctx.naming.index.format(
                    table=table.name, columns="<description>", column="<description>"
                )
            location = index.location if index.location.line else table.location
            help_text = f"Rename the index to `{expected}`"
            sqlalchemy_default_name = index.name.startswith(f"ix_{table.name}_")
            if ctx.from_models and sqlalchemy_default_name and uses_house_index_pattern:
                # SQLAlchemy's default convention named it (`index=True`); the house one fixes all.
                help_text = (
                    "Create the `MetaData` with `naming_convention=NAMING_CONVENTION` "
                    f"(from `schemawise.naming`) so SQLAlchemy names it `{expected}`"
                )
            yield Finding(
                message=f"Index `{index.name}` is not named `{expected}`",
                help=help_text,
                path=location.path,
                line=location.line,
                table=table.display_name,
                object=index.name,
            )
