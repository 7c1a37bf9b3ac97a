"""The application's queries, on `AsyncSession` over asyncpg, one function per query shape.

Each function shows one pattern and says why in its docstring; `workload.sql` holds the SQL they send,
for the index advisor and plan checks. None of them commits: the caller owns the transaction.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, literal_column, select, tuple_, update
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, create_async_engine
from sqlalchemy.orm import selectinload

from examples.videoeditor.models import (
    Highlight,
    Project,
    RenderJob,
    TimelineItem,
    Transcript,
    Video,
)

_DRIVER_PREFIX = re.compile(r"^postgres(?:ql)?(?:\+\w+)?://")


def async_engine(url: str, **kwargs: Any) -> AsyncEngine:
    """An async engine on asyncpg for any PostgreSQL URL (`postgresql://`, `+psycopg`, ...)."""
    return create_async_engine(_DRIVER_PREFIX.sub("postgresql+asyncpg://", url, count=1), **kwargs)


@dataclass(frozen=True, slots=True)
class VideoListItem:
    """One row of a video list view: only the columns the list shows, not the whole `Video`."""

    id: uuid.UUID
    title: str
    status: str
    duration_ms: int
    created_at: datetime


@dataclass(frozen=True, slots=True)
class VideoCursor:
    """Where a keyset page ended: the sort key of its last row."""

    created_at: datetime
    id: uuid.UUID


@dataclass(frozen=True, slots=True)
class TranscriptHit:
    transcript_id: uuid.UUID
    video_id: uuid.UUID
    video_title: str
    rank: float


_LIST_COLUMNS = (Video.id, Video.title, Video.status, Video.duration_ms, Video.created_at)


def _list_items(rows: Any) -> list[VideoListItem]:
    return [VideoListItem(*row) for row in rows]


async def videos_with_clips(
    session: AsyncSession, user_id: uuid.UUID, *, limit: int = 50
) -> list[Video]:
    """A user's newest videos with their clips, in two statements whatever the number of videos.

    `selectinload` fetches the clips of all the videos at once (`WHERE video_id IN (...)`); the
    relationship is `lazy="raise"`, so forgetting it fails loudly instead of issuing one query per
    video (and under asyncio an implicit lazy load could not run anyway).
    """
    statement = (
        select(Video)
        .where(Video.user_id == user_id)
        .order_by(Video.created_at.desc(), Video.id.desc())
        .limit(limit)
        .options(selectinload(Video.clips))
    )
    return list((await session.scalars(statement)).all())


async def list_user_videos(
    session: AsyncSession,
    user_id: uuid.UUID,
    *,
    after: VideoCursor | None = None,
    limit: int = 20,
) -> tuple[list[VideoListItem], VideoCursor | None]:
    """One page of a user's videos, newest first, with keyset pagination.

    The next page starts strictly after the last row's `(created_at, id)`, an index bound on
    `idx_videos_user_id_created_at_id`, so page 500 costs what page 1 costs (OFFSET would read and
    discard every earlier row), and rows inserted meanwhile do not shift pages. Returns the page
    and the cursor of the next page (None on the last page).
    """
    statement = (
        select(*_LIST_COLUMNS)
        .where(Video.user_id == user_id)
        .order_by(Video.created_at.desc(), Video.id.desc())
        .limit(limit + 1)  # one extra row says whether another page exists
    )
    if after is not None:
        statement = statement.where(
            tuple_(Video.created_at, Video.id) < tuple_(after.created_at, after.id)
        )
    items = _list_items((await session.execute(statement)).all())
    if len(items) <= limit:
        return items, None
    items = items[:limit]
    return items, VideoCursor(items[-1].created_at, items[-1].id)


async def search_transcripts(
    session: AsyncSession, query: str, *, limit: int = 20, offset: int = 0
) -> list[TranscriptHit]:
    """Transcripts matching a web-style search (`"exact phrase" -excluded or`), best first.

    Matching uses the GIN index on the generated `search_vector`; `ts_rank` orders the matches.
    LIMIT/OFFSET is right here, unlike in `list_user_videos`: results are ordered by a computed
    rank (no stable key to continue from) and people read the first few pages only.
    """
    ts_query = func.websearch_to_tsquery(literal_column("'english'::regconfig"), query)
    rank = func.ts_rank(Transcript.search_vector, ts_query).label("rank")
    statement = (
        select(Transcript.id, Transcript.video_id, Video.title, rank)
        .join(Video, Video.id == Transcript.video_id)
        .where(Transcript.search_vector.bool_op("@@")(ts_query))
        .order_by(rank.desc(), Transcript.id)
        .limit(limit)
        .offset(offset)
    )
    rows = (await session.execute(statement)).all()
    return [TranscriptHit(row[0], row[1], row[2], float(row[3])) for row in rows]


async def videos_with_tags(
    session: AsyncSession, tags: list[str], *, limit: int = 50
) -> list[VideoListItem]:
    """Videos carrying every one of `tags` (`tags @> ARRAY[...]`, served by the GIN index)."""
    statement = (
        select(*_LIST_COLUMNS)
        .where(Video.tags.contains(tags))
        .order_by(Video.created_at.desc(), Video.id.desc())
        .limit(limit)
    )
    return _list_items((await session.execute(statement)).all())


async def videos_with_metadata(
    session: AsyncSession, match: dict[str, Any], *, limit: int = 50
) -> list[VideoListItem]:
    """Videos whose `metadata` contains `match` (`metadata @> '{...}'`, GIN `jsonb_path_ops`)."""
    statement = (
        select(*_LIST_COLUMNS)
        .where(Video.meta.contains(match))
        .order_by(Video.created_at.desc(), Video.id.desc())
        .limit(limit)
    )
    return _list_items((await session.execute(statement)).all())


async def transcript_with_segments(
    session: AsyncSession, video_id: uuid.UUID, language: str
) -> Transcript | None:
    """A video's transcript in one language with its segments in time order (two statements)."""
    statement = (
        select(Transcript)
        .where(Transcript.video_id == video_id, Transcript.language == language)
        .options(selectinload(Transcript.segments))
    )
    return (await session.scalars(statement)).one_or_none()


async def top_highlights(
    session: AsyncSession, video_id: uuid.UUID, *, limit: int = 5
) -> list[Highlight]:
    """A video's best-scored highlights: a backward scan of `idx_highlights_video_id_score`."""
    statement = (
        select(Highlight)
        .where(Highlight.video_id == video_id)
        .order_by(Highlight.score.desc())
        .limit(limit)
    )
    return list((await session.scalars(statement)).all())


async def project_timeline(session: AsyncSession, project_id: uuid.UUID) -> Project | None:
    """A project with its timeline in order and each item's clip: three statements in all."""
    statement = (
        select(Project)
        .where(Project.id == project_id)
        .options(selectinload(Project.timeline_items).selectinload(TimelineItem.clip))
    )
    return (await session.scalars(statement)).one_or_none()


async def enqueue_render_job(
    session: AsyncSession, project_id: uuid.UUID, settings: dict[str, Any]
) -> RenderJob:
    """Queue a render of a project; status, attempts and created_at come from the defaults."""
    job = RenderJob(project_id=project_id, settings=settings)
    session.add(job)
    await session.flush()
    return job


async def claim_render_jobs(session: AsyncSession, *, limit: int = 1) -> list[RenderJob]:
    """Take up to `limit` queued jobs, oldest first, and mark them running, in one statement.

    `FOR UPDATE SKIP LOCKED` lets many workers poll at once: each skips the rows another worker has
    just locked instead of waiting for it, so no job is handed out twice and no worker blocks. The
    inner select reads the partial index `idx_render_jobs_status_created_at`, which holds only
    queued and running jobs, so it stays small however many finished jobs the table keeps.
    Commit right after, so the row locks are held for a moment only.
    """
    next_jobs = (
        select(RenderJob.id)
        .where(RenderJob.status == "queued")
        .order_by(RenderJob.created_at)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    statement = (
        update(RenderJob)
        .where(RenderJob.id.in_(next_jobs.scalar_subquery()))
        .values(status="running", attempts=RenderJob.attempts + 1, started_at=func.now())
        .returning(RenderJob)
    )
    jobs = list((await session.scalars(statement)).all())
    return sorted(jobs, key=lambda job: job.created_at)


async def finish_render_job(
    session: AsyncSession,
    job_id: uuid.UUID,
    *,
    output_url: str | None = None,
    error: str | None = None,
) -> None:
    """Record a job's outcome: succeeded with an output URL, or failed with an error."""
    await session.execute(
        update(RenderJob)
        .where(RenderJob.id == job_id)
        .values(
            status="failed" if error is not None else "succeeded",
            output_url=output_url,
            error=error,
            finished_at=func.now(),
        )
    )


async def delete_video(session: AsyncSession, video_id: uuid.UUID) -> bool:
    """Delete a video in one statement; `ON DELETE CASCADE` removes its clips, transcripts, ...

    A bulk `delete()` never loads children. (Deleting a loaded `Video` with `session.delete()` is
    also one statement: the relationships are `passive_deletes=True`.)
    """
    result = await session.execute(delete(Video).where(Video.id == video_id))
    return bool(result.rowcount)
