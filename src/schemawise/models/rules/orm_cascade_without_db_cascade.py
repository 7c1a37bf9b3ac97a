"""SM212: an ORM delete cascade that the foreign key does not carry out in the database."""

from __future__ import annotations

from collections.abc import Iterator

from schemawise.models.context import ReviewContext
from schemawise.registry import Finding, rule


@rule("SM212", "orm-cascade-without-db-cascade", severity="warning", sources=("models",))
def orm_cascade_without_db_cascade(ctx: ReviewContext) -> Iterator[Finding]:
    """## What it does
    Flags a one-to-many relationship that cascades deletes in the ORM (`cascade_delete=True`,
    `cascade="all, delete-orphan"`) while the foreign key has no `ON DELETE CASCADE`, or while the
    relationship lacks `passive_deletes=True` so the ORM does the database's job.

    ## Why is this bad?
    Without `passive_deletes`, deleting a video makes the session load every clip and delete them one
    `DELETE` at a time: slow for large collections, and rows inserted by other sessions in the meantime
    are missed. Without `ON DELETE CASCADE`, a delete issued outside the ORM
    (`session.execute(delete(Video))`, raw SQL, another service) fails or, with `SET NULL`, leaves
    children that the ORM would have deleted. With both, the database removes the children in one statement and the ORM trusts it.
    (`passive_deletes` with no `ON DELETE` action at all is SM213.)

    ## Example
    ```python
    class Video(SQLModel, table=True):
        __tablename__ = "videos"
        id: int | None = Field(default=None, primary_key=True)
        clips: list["Clip"] = Relationship(back_populates="video", cascade_delete=True)


    class Clip(SQLModel, table=True):
        __tablename__ = "clips"
        id: int | None = Field(default=None, primary_key=True)
        video_id: int = Field(foreign_key="videos.id", index=True)
        video: Video = Relationship(back_populates="clips")
    ```

    ## Use instead
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
        video_id: int = Field(foreign_key="videos.id", ondelete="CASCADE", index=True)
        video: Video = Relationship(back_populates="clips")
    ```
    """
    for relationship in ctx.declared_relationships():
        if relationship.direction != "one-to-many" or not relationship.deletes_children:
            continue
        fk = ctx.schema.relationship_foreign_key(relationship)
        if fk is None:
            continue
        column = f"{relationship.target_table}.{', '.join(fk.columns)}"
        passive = bool(relationship.passive_deletes)
        if fk.ondelete == "CASCADE":
            if passive:
                continue
            message = (
                f"`{relationship.name}` loads and deletes each child although `{column}` "
                "has `ON DELETE CASCADE`"
            )
            help_text = "Pass `passive_deletes=True` to `Relationship(...)`"
        elif passive and fk.ondelete in (None, "NO ACTION"):
            continue  # SM213
        else:
            action = f"`ON DELETE {fk.ondelete}`" if fk.ondelete else "no `ON DELETE` action"
            message = (
                f"`{relationship.name}` cascades deletes in the ORM but `{column}` has {action}"
            )
            help_text = f'Add `ondelete="CASCADE"` to the `{fk.columns[0]}` foreign key'
            if not passive:
                help_text += " and pass `passive_deletes=True` to `Relationship(...)`"
        yield Finding(
            message=message,
            help=help_text,
            path=relationship.location.path,
            line=relationship.location.line,
            table=relationship.parent_table,
            object=relationship.name,
        )
