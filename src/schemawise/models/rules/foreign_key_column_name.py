"""SM004: foreign-key column not named after the table it refers to."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from schemawise.models.context import ReviewContext
from schemawise.naming import render_pattern, singularize, singularize_candidates
from schemawise.registry import Finding, rule
from schemawise.schema.model import ForeignKey, Table


def accepted_names(fk: ForeignKey, pattern: str) -> set[str]:
    """Conforming names for the single column of `fk` under `pattern`.

    Besides the pattern itself (`user_id` for `users`), a trailing part of the referred table's
    name is enough (`segment_id` for `transcript_segments`), and a key other than `id` may be named
    after that key (`currency_code` for `currencies.code`).
    """
    referred_column = fk.referred_columns[0]
    names: set[str] = set()
    for singular in singularize_candidates(fk.referred_table):
        words = singular.split("_")
        for start in range(len(words)):
            tail = "_".join(words[start:])
            names.add(
                pattern.format(
                    referred_singular=tail,
                    referred_table=fk.referred_table,
                    referred_column=referred_column,
                )
            )
            if referred_column != "id":
                names.add(f"{tail}_{referred_column}")
    if referred_column != "id":
        names.add(referred_column)
    return names


def _is_extension_key(table: Table, fk: ForeignKey) -> bool:
    """A primary key that is also the foreign key: a one-to-one extension table (`profiles.id`)."""
    return table.primary_key is not None and table.primary_key.columns == fk.columns


@rule("SM004", "foreign-key-column-name", severity="warning")
def foreign_key_column_name(ctx: ReviewContext) -> Iterator[Finding]:
    """## What it does
    Flags a foreign-key column that is not named `<singular of the referred table>_id` (`video_id`
    for `videos`), the pattern set by `foreign-key-column` in `[tool.schemawise.naming]`.

    A role prefix is fine (`source_video_id`), and so is any `<role>_id` name where several foreign
    keys of one table point at the same table (`owner_id` and `created_by_id`, both to `users`), a
    self-reference (`parent_id`) and a primary key that is also the foreign key (a one-to-one
    extension table).

    ## Why is this bad?
    The column name is how a reader finds the join: `clip.video_id = videos.id` needs no lookup,
    `clip.source = videos.id` does. Consistent names also let tools and people spot a missing
    foreign key or index at a glance (`*_id` without a constraint).

    ## Example
    ```python
    class Clip(SQLModel, table=True):
        __tablename__ = "clips"

        id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
        video: uuid.UUID = Field(foreign_key="videos.id", index=True)
    ```

    ## Use instead
    ```python
    class Clip(SQLModel, table=True):
        __tablename__ = "clips"

        id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
        video_id: uuid.UUID = Field(foreign_key="videos.id", index=True)
    ```
    """
    pattern = ctx.naming.foreign_key_column
    any_role = render_pattern(pattern)  # every placeholder free: `owner_id`, `created_by_id`
    for table in ctx.schema.tables.values():
        fks_per_target = Counter(
            (fk.referred_schema, fk.referred_table) for fk in table.foreign_keys
        )
        for fk in table.foreign_keys:
            if len(fk.columns) != 1 or _is_extension_key(table, fk):
                continue
            if fk.referred_table == table.name and fk.referred_schema in (None, table.schema):
                continue  # self-reference: `parent_id`, `previous_version_id`
            column = fk.columns[0]
            names = accepted_names(fk, pattern)
            if column in names or any(column.endswith(f"_{name}") for name in names):
                continue
            # SQLModel names `class UserAccount` table `useraccount`; `user_account_id` is meant.
            if column.replace("_", "") in {name.replace("_", "") for name in names}:
                continue
            several = fks_per_target[(fk.referred_schema, fk.referred_table)] > 1
            if several and any_role.match(column):
                continue
            expected = pattern.format(
                referred_singular=singularize(fk.referred_table),
                referred_table=fk.referred_table,
                referred_column=fk.referred_columns[0],
            )
            location = table.column_location(column)
            yield Finding(
                message=(
                    f"Foreign key column `{column}` refers to `{fk.referred_table}` "
                    f"but is not named `{expected}`"
                ),
                help=f"Rename the column to `{expected}`, or `<role>_{expected}` for a role",
                path=location.path,
                line=location.line,
                table=table.display_name,
                column=column,
                object=fk.name,
            )
