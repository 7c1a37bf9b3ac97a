"""Every query function of the example, on seeded data, checked against plain SQL answers.

Each test runs its coroutine with `asyncio.run` and rolls back whatever it changed, so the seeded
database stays identical for the next test.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from sqlalchemy import event, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from examples.videoeditor import queries
from examples.videoeditor.models import Clip, User, Video
from schemawise.pg.connect import connect

T = TypeVar("T")


def run(url: str, body: Callable[[AsyncSession], Awaitable[T]]) -> T:
    """Run `body` in a fresh session on an asyncpg engine, then roll back and dispose."""

    async def main() -> T:
        engine = queries.async_engine(url)
        try:
            async with AsyncSession(engine, expire_on_commit=False) as session:
                try:
                    return await body(session)
                finally:
                    # Detach first: a rollback expires every loaded instance, and the tests read
                    # the returned objects after the session is gone.
                    session.expunge_all()
                    await session.rollback()
        finally:
            await engine.dispose()

    return asyncio.run(main())


def sql(url: str, statement: str, *params: Any) -> list[tuple[Any, ...]]:
    with connect(url) as connection:
        return connection.execute(statement, params or None).fetchall()


def busiest_user(url: str) -> tuple[uuid.UUID, int]:
    return sql(
        url,
        "SELECT user_id, count(*) FROM videos GROUP BY user_id ORDER BY count(*) DESC LIMIT 1",
    )[0]


def test_videos_with_clips_returns_the_newest_videos_each_with_all_its_clips(
    seeded_database_url: str,
) -> None:
    user_id, _ = busiest_user(seeded_database_url)
    videos = run(seeded_database_url, lambda s: queries.videos_with_clips(s, user_id, limit=10))
    expected = sql(
        seeded_database_url,
        "SELECT id FROM videos WHERE user_id = %s ORDER BY created_at DESC, id DESC LIMIT 10",
        user_id,
    )
    assert [video.id for video in videos] == [row[0] for row in expected]
    clip_counts = dict(
        sql(
            seeded_database_url,
            "SELECT video_id, count(*) FROM clips WHERE video_id = ANY(%s) GROUP BY video_id",
            [video.id for video in videos],
        )
    )
    for video in videos:
        assert len(video.clips) == clip_counts.get(video.id, 0)
        starts = [clip.start_ms for clip in video.clips]
        assert starts == sorted(starts)


def test_videos_with_clips_issues_the_same_statements_for_1_and_50_videos(
    seeded_database_url: str,
) -> None:
    user_id, video_count = busiest_user(seeded_database_url)
    assert video_count >= 50, "the seed's skew should give one user at least 50 videos"

    def count_statements(limit: int) -> tuple[int, int]:
        async def body(session: AsyncSession) -> tuple[int, int]:
            statements: list[str] = []
            engine = session.bind.sync_engine  # type: ignore[union-attr]

            def record(*args: Any) -> None:
                statements.append(args[2])

            event.listen(engine, "before_cursor_execute", record)
            try:
                videos = await queries.videos_with_clips(session, user_id, limit=limit)
            finally:
                event.remove(engine, "before_cursor_execute", record)
            return len(videos), len(statements)

        return run(seeded_database_url, body)

    one = count_statements(1)
    fifty = count_statements(50)
    assert one[0] == 1 and fifty[0] == 50
    assert one[1] == fifty[1] == 2


def test_list_user_videos_keyset_pages_cover_every_video_once_in_order(
    seeded_database_url: str,
) -> None:
    user_id, video_count = busiest_user(seeded_database_url)

    async def all_pages(session: AsyncSession) -> list[list[queries.VideoListItem]]:
        pages = []
        cursor = None
        while True:
            page, cursor = await queries.list_user_videos(session, user_id, after=cursor, limit=7)
            pages.append(page)
            if cursor is None:
                return pages

    pages = run(seeded_database_url, all_pages)
    expected = sql(
        seeded_database_url,
        "SELECT id FROM videos WHERE user_id = %s ORDER BY created_at DESC, id DESC",
        user_id,
    )
    assert [item.id for page in pages for item in page] == [row[0] for row in expected]
    assert all(len(page) == 7 for page in pages[:-1]) and len(expected) == video_count


def test_search_transcripts_returns_only_matches_ranked_best_first(
    seeded_database_url: str,
) -> None:
    term = "database"
    hits = run(seeded_database_url, lambda s: queries.search_transcripts(s, term, limit=200))
    matching = sql(
        seeded_database_url,
        "SELECT id FROM transcripts WHERE search_vector @@ to_tsquery('english', %s)",
        term,
    )
    assert hits and len(hits) == min(200, len(matching))
    assert {hit.transcript_id for hit in hits} <= {row[0] for row in matching}
    ranks = [hit.rank for hit in hits]
    assert ranks == sorted(ranks, reverse=True)
    # OFFSET pages continue the same order.
    second_page = run(
        seeded_database_url, lambda s: queries.search_transcripts(s, term, limit=5, offset=5)
    )
    assert [hit.transcript_id for hit in second_page] == [hit.transcript_id for hit in hits[5:10]]


def test_search_transcripts_understands_exclusions(seeded_database_url: str) -> None:
    hits = run(
        seeded_database_url,
        lambda s: queries.search_transcripts(s, "database -postgres", limit=500),
    )
    excluded = {
        row[0]
        for row in sql(
            seeded_database_url,
            "SELECT id FROM transcripts WHERE search_vector @@ to_tsquery('english', 'postgres')",
        )
    }
    assert hits and not {hit.transcript_id for hit in hits} & excluded


def test_videos_with_tags_returns_videos_carrying_all_the_tags(seeded_database_url: str) -> None:
    tags = ["tutorial", "vlog"]
    items = run(seeded_database_url, lambda s: queries.videos_with_tags(s, tags, limit=1000))
    expected = sql(seeded_database_url, "SELECT id FROM videos WHERE tags @> %s::text[]", tags)
    assert items and {item.id for item in items} == {row[0] for row in expected}


def test_videos_with_metadata_uses_jsonb_containment(seeded_database_url: str) -> None:
    match = {"codec": "av1", "fps": 60}
    items = run(seeded_database_url, lambda s: queries.videos_with_metadata(s, match, limit=1000))
    expected = sql(
        seeded_database_url,
        "SELECT id FROM videos WHERE metadata->>'codec' = 'av1' AND (metadata->>'fps')::int = 60",
    )
    assert items and {item.id for item in items} == {row[0] for row in expected}


def test_transcript_with_segments_returns_segments_in_time_order(
    seeded_database_url: str,
) -> None:
    video_id, word_count = sql(
        seeded_database_url,
        "SELECT video_id, word_count FROM transcripts WHERE language = 'en' ORDER BY id LIMIT 1",
    )[0]
    transcript = run(
        seeded_database_url, lambda s: queries.transcript_with_segments(s, video_id, "en")
    )
    assert transcript is not None and transcript.word_count == word_count
    assert transcript.segments
    starts = [segment.start_ms for segment in transcript.segments]
    assert starts == sorted(starts)
    assert " ".join(segment.content for segment in transcript.segments) == transcript.full_text
    missing = run(
        seeded_database_url, lambda s: queries.transcript_with_segments(s, uuid.uuid4(), "en")
    )
    assert missing is None


def test_top_highlights_returns_the_best_scores_first(seeded_database_url: str) -> None:
    video_id = sql(
        seeded_database_url,
        "SELECT video_id FROM highlights GROUP BY video_id HAVING count(*) >= 3 LIMIT 1",
    )[0][0]
    highlights = run(seeded_database_url, lambda s: queries.top_highlights(s, video_id, limit=3))
    expected = sql(
        seeded_database_url,
        "SELECT score FROM highlights WHERE video_id = %s ORDER BY score DESC LIMIT 3",
        video_id,
    )
    assert [highlight.score for highlight in highlights] == [row[0] for row in expected]


def test_project_timeline_returns_items_in_order_with_their_clips(
    seeded_database_url: str,
) -> None:
    project_id = sql(
        seeded_database_url,
        "SELECT project_id FROM timeline_items GROUP BY project_id HAVING count(*) > 2 LIMIT 1",
    )[0][0]
    project = run(seeded_database_url, lambda s: queries.project_timeline(s, project_id))
    expected = sql(
        seeded_database_url,
        "SELECT t.position, c.title FROM timeline_items t JOIN clips c ON c.id = t.clip_id "
        "WHERE t.project_id = %s ORDER BY t.position",
        project_id,
    )
    assert project is not None
    assert [(item.position, item.clip.title) for item in project.timeline_items] == expected


def test_concurrent_workers_claim_disjoint_render_jobs_oldest_first(
    seeded_database_url: str,
) -> None:
    queued = sql(
        seeded_database_url,
        "SELECT id FROM render_jobs WHERE status = 'queued' ORDER BY created_at",
    )
    assert len(queued) >= 2

    async def two_workers() -> tuple[list[Any], list[Any]]:
        engine = queries.async_engine(seeded_database_url)
        try:
            async with AsyncSession(engine) as first, AsyncSession(engine) as second:
                # The first worker's transaction stays open, its rows locked, while the second
                # polls: SKIP LOCKED hands the second worker the next jobs instead of waiting.
                taken_first = await queries.claim_render_jobs(first, limit=1)
                taken_second = await queries.claim_render_jobs(second, limit=1)
                result = (
                    [(job.id, job.status, job.attempts) for job in taken_first],
                    [(job.id, job.status, job.attempts) for job in taken_second],
                )
                await second.rollback()
                await first.rollback()
                return result
        finally:
            await engine.dispose()

    first, second = asyncio.run(two_workers())
    assert [job[0] for job in first] == [queued[0][0]]
    assert [job[0] for job in second] == [queued[1][0]]
    assert first[0][1:] == ("running", 1) and second[0][1:] == ("running", 1)


def test_enqueued_job_gets_database_defaults_and_can_be_finished(seeded_database_url: str) -> None:
    project_id = sql(seeded_database_url, "SELECT id FROM projects ORDER BY id LIMIT 1")[0][0]

    async def body(session: AsyncSession) -> tuple[Any, ...]:
        job = await queries.enqueue_render_job(session, project_id, {"format": "mp4"})
        queued = (job.status, job.attempts, job.created_at is not None)
        await queries.finish_render_job(session, job.id, error="out of memory")
        await session.refresh(job)
        return (*queued, job.status, job.error, job.finished_at is not None)

    assert run(seeded_database_url, body) == (
        "queued",
        0,
        True,
        "failed",
        "out of memory",
        True,
    )


def test_delete_video_removes_its_children_through_on_delete_cascade(
    seeded_database_url: str,
) -> None:
    video_id = sql(
        seeded_database_url,
        "SELECT v.id FROM videos v WHERE EXISTS (SELECT FROM clips WHERE video_id = v.id) "
        "AND EXISTS (SELECT FROM transcripts WHERE video_id = v.id) LIMIT 1",
    )[0][0]

    async def body(session: AsyncSession) -> tuple[bool, int]:
        deleted = await queries.delete_video(session, video_id)
        remaining = await session.execute(
            select(func.count()).select_from(Clip).where(Clip.video_id == video_id)
        )
        return deleted, remaining.scalar_one()

    assert run(seeded_database_url, body) == (True, 0)
    # Rolled back: the seeded data is intact for the other tests.
    assert sql(seeded_database_url, "SELECT count(*) FROM videos WHERE id = %s", video_id) == [(1,)]


def test_deleting_a_loaded_user_is_one_statement_thanks_to_passive_deletes(
    seeded_database_url: str,
) -> None:
    user_id, _ = busiest_user(seeded_database_url)

    async def body(session: AsyncSession) -> tuple[list[str], int]:
        user = await session.get(User, user_id)
        assert user is not None
        statements: list[str] = []
        engine = session.bind.sync_engine  # type: ignore[union-attr]

        def record(*args: Any) -> None:
            statements.append(args[2])

        event.listen(engine, "before_cursor_execute", record)
        try:
            await session.delete(user)
            await session.flush()
        finally:
            event.remove(engine, "before_cursor_execute", record)
        remaining = await session.execute(
            select(func.count()).select_from(Video).where(Video.user_id == user_id)
        )
        return statements, remaining.scalar_one()

    statements, remaining_videos = run(seeded_database_url, body)
    # No SELECT of videos, projects, clips...: the database cascades, the ORM loads nothing.
    assert [statement.split()[0] for statement in statements] == ["DELETE"]
    assert remaining_videos == 0
