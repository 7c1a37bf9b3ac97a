"""SM211: a one-to-many collection that leaves its cascade to SQLAlchemy's default."""

from __future__ import annotations

from collections.abc import Iterator

from schemawise.models.context import ReviewContext
from schemawise.registry import Finding, rule


@rule("SM211", "relationship-cascade-implicit", severity="warning", sources=("models",))
def relationship_cascade_implicit(ctx: ReviewContext) -> Iterator[Finding]:
    """## What it does
    Flags a one-to-many collection relationship declared with no cascade: no `cascade_delete=`
    on the SQLModel `Relationship(...)` and no `cascade=` in `sa_relationship_kwargs` (or on a
    SQLAlchemy `relationship(...)`). An explicit `cascade_delete=False` is a decision and is not
    flagged, nor are many-to-one, many-to-many and `viewonly` relationships.

    ## Why is this bad?
    SQLAlchemy's default, `"save-update, merge"`, does nothing on delete: deleting a video through
    the session sets `video_id` to NULL on every loaded clip, which fails on a NOT NULL column or
    silently orphans the rows, and removing a clip from `video.clips` leaves it in the table. Whether
    children live and die with their parent is a modelling decision; writing it down makes the ORM and
    the foreign key's `ON DELETE` agree.

    ## Example
    ```python
    class Video(SQLModel, table=True):
        __tablename__ = "videos"
        id: int | None = Field(default=None, primary_key=True)
        clips: list["Clip"] = Relationship(back_populates="video")
    ```

    ## Use instead
    ```python
    class Video(SQLModel, table=True):
        __tablename__ = "videos"
        id: int | None = Field(default=None, primary_key=True)
        clips: list["Clip"] = Relationship(
            back_populates="video", cascade_delete=True, passive_deletes=True
        )
    ```
    """
    for relationship in ctx.declared_relationships():
        if (
            relationship.direction != "one-to-many"
            or not relationship.uselist
            or relationship.viewonly
            or relationship.cascade is not None
        ):
            continue
        yield Finding(
            message=f"Collection `{relationship.name}` has no explicit cascade",
            help=(
                "Pass `cascade_delete=True` to `Relationship(...)` if the children go with "
                "their parent, `cascade_delete=False` if they outlive it"
            ),
            path=relationship.location.path,
            line=relationship.location.line,
            table=relationship.parent_table,
            object=relationship.name,
        )
