"""SM213: `passive_deletes` on a relationship whose foreign key has no `ON DELETE` action."""

from __future__ import annotations

from collections.abc import Iterator

from schemawise.models.context import ReviewContext
from schemawise.registry import Finding, rule


@rule("SM213", "passive-deletes-without-ondelete", severity="warning", sources=("models",))
def passive_deletes_without_ondelete(ctx: ReviewContext) -> Iterator[Finding]:
    """## What it does
    Flags a one-to-many relationship with `passive_deletes=True` (or `"all"`) whose foreign key has
    no `ON DELETE` action (or an explicit `NO ACTION`).

    ## Why is this bad?
    `passive_deletes` tells the ORM not to load the children when their parent is deleted, because
    the database will take care of them. With no `ON DELETE` action nothing does: the parent's delete
    fails with a foreign key violation as soon as it has children (or, with a deferrable key, at
    commit), and the cascade the relationship promises never happens.

    ## Example
    ```python
    class Video(SQLModel, table=True):
        __tablename__ = "videos"
        id: int | None = Field(default=None, primary_key=True)
        clips: list["Clip"] = Relationship(
            back_populates="video", cascade_delete=True, passive_deletes=True
        )


    class Clip(SQLModel, table=True):
        __tablename__ = "clips"
        id: int | None = Field(default=None, primary_key=True)
        video_id: int = Field(foreign_key="videos.id", index=True)
        video: Video = Relationship(back_populates="clips")
    ```

    ## Use instead
    ```python
    class Clip(SQLModel, table=True):
        __tablename__ = "clips"
        id: int | None = Field(default=None, primary_key=True)
        video_id: int = Field(foreign_key="videos.id", ondelete="CASCADE", index=True)
        video: Video = Relationship(back_populates="clips")
    ```
    """
    for relationship in ctx.declared_relationships():
        if relationship.direction != "one-to-many" or not relationship.passive_deletes:
            continue
        fk = ctx.schema.relationship_foreign_key(relationship)
        if fk is None or fk.ondelete not in (None, "NO ACTION"):
            continue
        column = f"{relationship.target_table}.{', '.join(fk.columns)}"
        action = '`ondelete="CASCADE"`'
        if not relationship.deletes_children:
            action += ' or `ondelete="SET NULL"`'
        yield Finding(
            message=(
                f"`{relationship.name}` sets `passive_deletes` but `{column}` has no "
                "`ON DELETE` action"
            ),
            help=f"Add {action} to the `{fk.columns[0]}` foreign key",
            path=relationship.location.path,
            line=relationship.location.line,
            table=relationship.parent_table,
            object=relationship.name,
        )
