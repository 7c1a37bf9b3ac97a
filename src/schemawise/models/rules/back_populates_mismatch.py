"""SM210: a `back_populates` that names a missing attribute or one that does not point back."""

from __future__ import annotations

from collections.abc import Iterator

from schemawise.models.context import ReviewContext
from schemawise.registry import Finding, rule


@rule("SM210", "back-populates-mismatch", severity="error", sources=("models",))
def back_populates_mismatch(ctx: ReviewContext) -> Iterator[Finding]:
    """## What it does
    Flags a relationship whose `back_populates` names an attribute the other class does not have, or
    a relationship there that does not name this one back (it has no `back_populates`, or links to a
    third relationship, or points at another class).

    ## Why is this bad?
    A missing attribute makes SQLAlchemy fail when the mappers are configured, often at the first
    query rather than at import. A reverse side that does not point back is accepted silently, and
    the two sides then stay out of step in memory: appending a clip to `video.clips` sets `clip.video`,
    but setting `clip.video` does not add the clip to `video.clips` (or adds it to another
    collection). The bug shows up as stale collections, usually after a rename of one side.

    ## Example
    ```python
    class Video(SQLModel, table=True):
        __tablename__ = "videos"
        id: int | None = Field(default=None, primary_key=True)
        clips: list["Clip"] = Relationship(back_populates="video")


    class Clip(SQLModel, table=True):
        __tablename__ = "clips"
        id: int | None = Field(default=None, primary_key=True)
        video_id: int = Field(foreign_key="videos.id", ondelete="CASCADE", index=True)
        video: Video = Relationship()
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
    by_name = {r.name: r for table in ctx.schema.tables.values() for r in table.relationships}
    known_classes = {r.class_name for r in by_name.values()} | {
        t.class_name for t in ctx.schema.tables.values() if t.class_name
    }
    for relationship in by_name.values():
        wanted = relationship.back_populates
        if relationship.inherited_from or not wanted:
            continue
        reverse_name = f"{relationship.target_class}.{wanted}"
        reverse = by_name.get(reverse_name)
        if not relationship.target_resolved:
            message = (
                f"`{relationship.name}` names `{reverse_name}` in `back_populates`, but "
                f"`{relationship.target_class}` is not a mapped class"
            )
            help_text = f"Correct the class name `{relationship.target_class}` in the annotation"
        elif relationship.target_class not in known_classes:
            continue  # a class outside the reviewed models
        elif reverse is None:
            message = (
                f"`{relationship.name}` names `{reverse_name}` in `back_populates`, "
                "which does not exist"
            )
            help_text = f'Add `{reverse_name}` or correct `back_populates="{wanted}"`'
        elif reverse.target_class != relationship.class_name:
            message = (
                f"`{relationship.name}` names `{reverse_name}` in `back_populates`, which "
                f"points at `{reverse.target_class}`, not `{relationship.class_name}`"
            )
            help_text = f"Name the relationship on `{relationship.target_class}` that points back"
        elif reverse.back_populates != relationship.attribute:
            message = (
                f"`{relationship.name}` names `{reverse_name}` in `back_populates`, but "
                f"`{reverse_name}` does not name `{relationship.attribute}` back"
            )
            help_text = f'Pass `back_populates="{relationship.attribute}"` to `{reverse_name}`'
        else:
            continue
        yield Finding(
            message=message,
            help=help_text,
            path=relationship.location.path,
            line=relationship.location.line,
            table=relationship.parent_table,
            object=relationship.name,
        )
