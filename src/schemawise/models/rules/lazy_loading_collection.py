"""SM214: a collection relationship that lazy-loads because nobody chose a loading strategy."""

from __future__ import annotations

from collections.abc import Iterator

from schemawise.models.context import ReviewContext
from schemawise.registry import Finding, rule


@rule("SM214", "lazy-loading-collection", severity="warning", sources=("models",))
def lazy_loading_collection(ctx: ReviewContext) -> Iterator[Finding]:
    """## What it does
    Flags a collection relationship (one-to-many or many-to-many, `list[...]`) left on SQLAlchemy's
    implicit `lazy="select"`. A `lazy="select"` written out is a choice and is not flagged.

    ## Why is this bad?
    A lazy collection runs one `SELECT` the first time it is touched, per parent object: listing 50
    videos with their clips runs 51 queries (the N+1 pattern), and the cost grows with the page size.
    Under `asyncio` the implicit load cannot run at all and raises `MissingGreenlet`. Choosing the
    strategy on the relationship (`selectin` loads every parent's collection in one extra query;
    `raise` forces each query to say what it needs) makes the cost visible where the model is
    defined; queries can still override it with `selectinload()` / `joinedload()`.

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
            back_populates="video", sa_relationship_kwargs={"lazy": "selectin"}
        )
    ```
    """
    for relationship in ctx.declared_relationships():
        if (
            not relationship.uselist
            or relationship.direction == "many-to-one"
            or relationship.lazy != "select"
            or relationship.lazy_explicit
        ):
            continue
        yield Finding(
            message=f"Collection `{relationship.name}` lazy-loads on first access (implicit "
            '`lazy="select"`)',
            help=(
                'Pass `sa_relationship_kwargs={"lazy": "selectin"}` (or `"raise"`) to '
                "`Relationship(...)`"
            ),
            path=relationship.location.path,
            line=relationship.location.line,
            table=relationship.parent_table,
            object=relationship.name,
        )
