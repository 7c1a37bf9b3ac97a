"""The AI video editor's tables, as SQLModel models that satisfy every schemawise review rule.

Users upload videos; the system transcribes them (full-text searchable), cuts clips, scores
highlights, and renders projects (ordered timelines of clips) through a job queue.

Choices made once for every table, so each model below stays short:

- Primary keys are UUIDv7 (`ids.new_id`): 128-bit, so no int4 overflow, and time-ordered, so inserts
  append to the primary-key index instead of scattering over it.
- Every timestamp is `timestamptz` (`DateTime(timezone=True)`) with a `now()` server default, so rows
  written by COPY, psql or another service get the same value the ORM would give.
- Every foreign key says `ondelete=` and is the leading column of some index: deleting a user
  cascades in the database through videos, clips, transcripts..., and each cascade step is an index
  lookup, not a sequential scan of the child table.
- One-to-many relationships cascade deletes in the ORM only together with `ON DELETE CASCADE` and
  `passive_deletes=True`, so deleting a parent is one `DELETE` and the database removes the children,
  instead of the ORM loading them and deleting them one by one.
- Every relationship is `lazy="raise"`: under `AsyncSession` an implicit lazy load cannot run anyway,
  and raising makes each query say what it loads (`selectinload`), which is what keeps N+1 out.
- Status columns are `text` plus a named CHECK rather than a native enum: adding a value is a
  constraint swap (`NOT VALID` then `VALIDATE`) instead of `ALTER TYPE`.
"""

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    Column,
    Computed,
    DateTime,
    Double,
    Index,
    MetaData,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, TSVECTOR
from sqlalchemy.orm import registry
from sqlmodel import Field, Relationship, SQLModel

from examples.videoeditor.ids import new_id
from schemawise.naming import NAMING_CONVENTION

# A metadata and registry of the example's own: importing these models must not add tables or a
# naming convention to `SQLModel.metadata`, which other code in the same process may be using.
metadata = MetaData(naming_convention=NAMING_CONVENTION)

VIDEO_STATUSES = ("uploaded", "processing", "ready", "failed")
RENDER_JOB_STATUSES = ("queued", "running", "succeeded", "failed", "cancelled")
# The render-job work queue: the only rows workers look for, and the only rows the partial index holds.
RENDER_QUEUE_STATUSES = ("queued", "running")


def _sql_list(values: tuple[str, ...]) -> str:
    return ", ".join(f"'{value}'" for value in values)


def utc_now() -> datetime:
    """The current time, aware, in UTC; a per-row default (never `datetime.utcnow()` at import)."""
    return datetime.now(UTC)


class Base(SQLModel, registry=registry(metadata=metadata)):
    """Base class of the example's table models; carries the example's own metadata."""


def _created_at() -> Any:
    """`created_at timestamptz NOT NULL DEFAULT now()`, set by the ORM or by the database."""
    return Field(
        default_factory=utc_now,
        sa_type=DateTime(timezone=True),
        sa_column_kwargs={"server_default": func.now()},
    )


class User(Base, table=True):
    __tablename__ = "users"
    __table_args__ = (
        UniqueConstraint("email"),
        # Stored lower-cased so the plain unique constraint is case-insensitive in effect, without
        # an expression index the application would have to remember to query through.
        CheckConstraint("email = lower(email)", name="email_lowercase"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    email: str = Field(sa_type=Text)
    display_name: str = Field(sa_type=Text)
    created_at: datetime = _created_at()

    videos: list["Video"] = Relationship(
        back_populates="user",
        cascade_delete=True,
        passive_deletes=True,
        sa_relationship_kwargs={"lazy": "raise"},
    )
    projects: list["Project"] = Relationship(
        back_populates="user",
        cascade_delete=True,
        passive_deletes=True,
        sa_relationship_kwargs={"lazy": "raise"},
    )


class Video(Base, table=True):
    __tablename__ = "videos"
    __table_args__ = (
        # Serves the foreign key and "a user's videos, newest first" with keyset pagination on
        # (created_at, id): the id tie-breaker is in the index so the row comparison is an index bound.
        Index("idx_videos_user_id_created_at_id", "user_id", "created_at", "id"),
        # Tag search: `tags @> ARRAY['tutorial']` uses the GIN index.
        Index("idx_videos_tags", "tags", postgresql_using="gin"),
        # Metadata containment (`metadata @> '{"codec": "h264"}'`); jsonb_path_ops is smaller and
        # faster than the default opclass for `@>`, at the price of not serving `?` key lookups.
        Index(
            "idx_videos_metadata",
            "metadata",
            postgresql_using="gin",
            postgresql_ops={"metadata": "jsonb_path_ops"},
        ),
        CheckConstraint("duration_ms > 0", name="duration_positive"),
        CheckConstraint(f"status IN ({_sql_list(VIDEO_STATUSES)})", name="status_valid"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    user_id: uuid.UUID = Field(foreign_key="users.id", ondelete="CASCADE")
    title: str = Field(sa_type=Text)
    description: str | None = Field(default=None, sa_type=Text)
    status: str = Field(
        default="uploaded", sa_type=Text, sa_column_kwargs={"server_default": "uploaded"}
    )
    duration_ms: int
    tags: list[str] = Field(
        default_factory=list,
        sa_type=ARRAY(Text),
        sa_column_kwargs={"server_default": text("'{}'::text[]")},
    )
    # `metadata` is taken on declarative classes, so the attribute is `meta`; the column keeps the
    # name the SQL and the workload use.
    meta: dict[str, Any] = Field(
        default_factory=dict,
        sa_column=Column("metadata", JSONB, nullable=False, server_default=text("'{}'::jsonb")),
    )
    created_at: datetime = _created_at()

    user: User = Relationship(back_populates="videos", sa_relationship_kwargs={"lazy": "raise"})
    clips: list["Clip"] = Relationship(
        back_populates="video",
        cascade_delete=True,
        passive_deletes=True,
        sa_relationship_kwargs={"lazy": "raise", "order_by": "Clip.start_ms"},
    )
    transcripts: list["Transcript"] = Relationship(
        back_populates="video",
        cascade_delete=True,
        passive_deletes=True,
        sa_relationship_kwargs={"lazy": "raise"},
    )
    highlights: list["Highlight"] = Relationship(
        back_populates="video",
        cascade_delete=True,
        passive_deletes=True,
        sa_relationship_kwargs={"lazy": "raise"},
    )


class Clip(Base, table=True):
    __tablename__ = "clips"
    __table_args__ = (
        Index("idx_clips_video_id_start_ms", "video_id", "start_ms"),
        CheckConstraint("end_ms > start_ms", name="end_after_start"),
        CheckConstraint("start_ms >= 0", name="start_not_negative"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    video_id: uuid.UUID = Field(foreign_key="videos.id", ondelete="CASCADE")
    start_ms: int
    end_ms: int
    title: str = Field(sa_type=Text)
    created_at: datetime = _created_at()

    video: Video = Relationship(back_populates="clips", sa_relationship_kwargs={"lazy": "raise"})
    timeline_items: list["TimelineItem"] = Relationship(
        back_populates="clip",
        cascade_delete=True,
        passive_deletes=True,
        sa_relationship_kwargs={"lazy": "raise"},
    )


class Transcript(Base, table=True):
    __tablename__ = "transcripts"
    __table_args__ = (
        # One transcript per video and language; also the foreign key's index.
        Index("idx_transcripts_video_id_language", "video_id", "language", unique=True),
        Index("idx_transcripts_search_vector", "search_vector", postgresql_using="gin"),
        CheckConstraint("word_count >= 0", name="word_count_not_negative"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    video_id: uuid.UUID = Field(foreign_key="videos.id", ondelete="CASCADE")
    language: str = Field(sa_type=Text)
    full_text: str = Field(sa_type=Text)
    word_count: int
    # Generated by the database from `full_text`, so it can never be stale; `english` is fixed
    # because a generated column's expression must be immutable (no per-row regconfig lookup).
    search_vector: str = Field(
        sa_column=Column(
            TSVECTOR,
            Computed("to_tsvector('english'::regconfig, full_text)", persisted=True),
            nullable=False,
        )
    )
    created_at: datetime = _created_at()

    video: Video = Relationship(
        back_populates="transcripts", sa_relationship_kwargs={"lazy": "raise"}
    )
    segments: list["TranscriptSegment"] = Relationship(
        back_populates="transcript",
        cascade_delete=True,
        passive_deletes=True,
        sa_relationship_kwargs={"lazy": "raise", "order_by": "TranscriptSegment.start_ms"},
    )


class TranscriptSegment(Base, table=True):
    __tablename__ = "transcript_segments"
    __table_args__ = (
        Index("idx_transcript_segments_transcript_id_start_ms", "transcript_id", "start_ms"),
        CheckConstraint("end_ms > start_ms", name="end_after_start"),
        CheckConstraint("start_ms >= 0", name="start_not_negative"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    transcript_id: uuid.UUID = Field(foreign_key="transcripts.id", ondelete="CASCADE")
    start_ms: int
    end_ms: int
    speaker: str | None = Field(default=None, sa_type=Text)
    content: str = Field(sa_type=Text)

    transcript: Transcript = Relationship(
        back_populates="segments", sa_relationship_kwargs={"lazy": "raise"}
    )


class Highlight(Base, table=True):
    __tablename__ = "highlights"
    __table_args__ = (
        # "Best moments of this video": equality on video_id, ordered by score (scanned backwards).
        Index("idx_highlights_video_id_score", "video_id", "score"),
        CheckConstraint("end_ms > start_ms", name="end_after_start"),
        CheckConstraint("score >= 0 AND score <= 1", name="score_in_range"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    video_id: uuid.UUID = Field(foreign_key="videos.id", ondelete="CASCADE")
    start_ms: int
    end_ms: int
    # A model confidence in [0, 1]: a float is right here (it is not money).
    score: float = Field(sa_type=Double)
    label: str = Field(sa_type=Text)
    created_at: datetime = _created_at()

    video: Video = Relationship(
        back_populates="highlights", sa_relationship_kwargs={"lazy": "raise"}
    )


class Project(Base, table=True):
    __tablename__ = "projects"
    __table_args__ = (Index("idx_projects_user_id_created_at", "user_id", "created_at"),)

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    user_id: uuid.UUID = Field(foreign_key="users.id", ondelete="CASCADE")
    # Was `name` until revision 0011 (renamed expand/contract, see the migrations).
    title: str = Field(sa_type=Text)
    created_at: datetime = _created_at()

    user: User = Relationship(back_populates="projects", sa_relationship_kwargs={"lazy": "raise"})
    timeline_items: list["TimelineItem"] = Relationship(
        back_populates="project",
        cascade_delete=True,
        passive_deletes=True,
        sa_relationship_kwargs={"lazy": "raise", "order_by": "TimelineItem.position"},
    )
    render_jobs: list["RenderJob"] = Relationship(
        back_populates="project",
        cascade_delete=True,
        passive_deletes=True,
        sa_relationship_kwargs={"lazy": "raise"},
    )


class TimelineItem(Base, table=True):
    """A clip placed on a project's timeline: the ordered many-to-many between projects and clips."""

    __tablename__ = "timeline_items"
    __table_args__ = (
        # Order within a project, unique so two clips never claim one slot; also the project FK's
        # index. Positions are spaced (0, 1000, 2000...) so a move is one UPDATE, not a renumbering.
        Index("idx_timeline_items_project_id_position", "project_id", "position", unique=True),
        Index("idx_timeline_items_clip_id", "clip_id"),
        CheckConstraint("position >= 0", name="position_not_negative"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    project_id: uuid.UUID = Field(foreign_key="projects.id", ondelete="CASCADE")
    clip_id: uuid.UUID = Field(foreign_key="clips.id", ondelete="CASCADE")
    position: int

    project: Project = Relationship(
        back_populates="timeline_items", sa_relationship_kwargs={"lazy": "raise"}
    )
    clip: Clip = Relationship(
        back_populates="timeline_items", sa_relationship_kwargs={"lazy": "raise"}
    )


class RenderJob(Base, table=True):
    __tablename__ = "render_jobs"
    __table_args__ = (
        Index("idx_render_jobs_project_id_created_at", "project_id", "created_at"),
        # The work queue: workers only ever look for queued (and stale running) jobs, a tiny slice of
        # a table that keeps every finished job, so the index holds only those rows.
        Index(
            "idx_render_jobs_status_created_at",
            "status",
            "created_at",
            postgresql_where=text(f"status IN ({_sql_list(RENDER_QUEUE_STATUSES)})"),
        ),
        CheckConstraint(f"status IN ({_sql_list(RENDER_JOB_STATUSES)})", name="status_valid"),
        CheckConstraint("attempts >= 0", name="attempts_not_negative"),
    )

    id: uuid.UUID = Field(default_factory=new_id, primary_key=True)
    project_id: uuid.UUID = Field(foreign_key="projects.id", ondelete="CASCADE")
    status: str = Field(
        default="queued", sa_type=Text, sa_column_kwargs={"server_default": "queued"}
    )
    attempts: int = Field(default=0, sa_column_kwargs={"server_default": text("0")})
    settings: dict[str, Any] = Field(
        default_factory=dict,
        sa_type=JSONB,
        sa_column_kwargs={"server_default": text("'{}'::jsonb")},
    )
    output_url: str | None = Field(default=None, sa_type=Text)
    error: str | None = Field(default=None, sa_type=Text)
    created_at: datetime = _created_at()
    started_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))
    finished_at: datetime | None = Field(default=None, sa_type=DateTime(timezone=True))

    project: Project = Relationship(
        back_populates="render_jobs", sa_relationship_kwargs={"lazy": "raise"}
    )
