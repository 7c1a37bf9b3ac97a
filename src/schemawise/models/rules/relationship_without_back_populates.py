"""SM209: a relationship that is not linked to its reverse side with `back_populates`."""

from __future__ import annotations

from collections.abc import Iterator

from schemawise.models.context import ReviewContext
from schemawise.registry import Finding, rule
from schemawise.schema.model import Relationship


@rule("SM209", "relationship-without-back-populates", severity="warning", sources=("models",))
def relationship_without_back_populates(ctx: ReviewContext) -> Iterator[Finding]:
    """## What it does
    Flags a relationship declared with `backref=`, and one with no `back_populates` that no
    relationship on the other class names in its own `back_populates`. `viewonly` relationships are
    not flagged.

    ## Why is this bad?
    `backref` creates an attribute on the other class that appears nowhere in its source: readers,
    type checkers and editors cannot find `Clip.video`. A relationship with no reverse side leaves the
    other end of the foreign key invisible in the models, and a reverse side that is not linked by
    `back_populates` is a second, unsynchronised view of the same foreign key: appending a clip to
    `video.clips` leaves `clip.video` stale until the session is flushed and expired. Declaring both
    sides and linking them keeps the object graph consistent in memory.

    ## Example
    ```python
    class Video(SQLModel, table=True):
        __tablename__ = "videos"
        id: int | None = Field(default=None, primary_key=True)
        clips: list["Clip"] = Relationship()


    class Clip(SQLModel, table=True):
        __tablename__ = "clips"
        id: int | None = Field(default=None, primary_key=True)
        video_id: int = Field(foreign_key="videos.id", ondelete="CASCADE", index=True)
    ```

    ## Use instead
    ```python
    class Video(SQLModel, table=True):
        __tablename__ = "videos"
        id: int | None = Field(default=None, primary_key=True)
        clips: list["Clip"] = Relationship(back_populates="video")


    class Clip(SQLModel, table=True):
        __tablename__ = "clips"
        id: int | None = Field(default=None, primary_key=True)
        video_id: int = Field(foreign_key="videos.id", ondelete="CASCADE", index=True)
        video: Video = Relationship(back_populates="clips")
    ```
    """
    relationships = [r for table in ctx.schema.tables.values() for r in table.relationships]
    # (class, attribute) pairs some relationship names as its reverse side.
    named_as_reverse = {
        (r.target_class, r.back_populates) for r in relationships if r.back_populates
    }
    for relationship in relationships:
        if relationship.inherited_from:
            continue  # reported once, on the class that declares it
        if relationship.backref:
            message = f"Relationship `{relationship.name}` uses `backref`"
            help_text = (
                f"Declare `{relationship.target_class}.{relationship.backref}` explicitly and link "
                f'both sides with `back_populates` instead of `backref="{relationship.backref}"`'
            )
        elif relationship.back_populates or relationship.viewonly:
            continue
        elif (relationship.class_name, relationship.attribute) in named_as_reverse:
            continue  # the other side names this one; SM210 reports it if they disagree
        else:
            message = f"Relationship `{relationship.name}` has no `back_populates`"
            help_text = _reverse_help(relationship, relationships)
        yield Finding(
            message=message,
            help=help_text,
            path=relationship.location.path,
            line=relationship.location.line,
            table=relationship.parent_table,
            object=relationship.name,
        )


def _reverse_help(relationship: Relationship, relationships: list[Relationship]) -> str:
    counterpart = next(
        (
            other
            for other in relationships
            if other.class_name == relationship.target_class
            and other.target_class == relationship.class_name
            and other is not relationship
            and not other.viewonly
        ),
        None,
    )
    if counterpart is not None:
        return f"Link `{relationship.name}` and `{counterpart.name}` with `back_populates` on both"
    return (
        f"Declare the reverse relationship on `{relationship.target_class}` and link the two "
        "with `back_populates`"
    )
