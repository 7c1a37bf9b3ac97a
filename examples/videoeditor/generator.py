"""Row generators for the seed: deterministic, Zipf-skewed video editor data as COPY text rows.

Each table draws from its own RNG stream (`random.Random("<seed>:<table>")`), so the same seed and
scale always give the same rows, ids included, and changing one table's generator never shifts
another's data. Rows are tuples of COPY text fields, written by `seed.py`.
"""

from __future__ import annotations

import json
import math
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import accumulate

from examples.videoeditor.ids import uuid7_int

EPOCH = datetime(2025, 1, 1, tzinfo=UTC)
EPOCH_MS = int(EPOCH.timestamp() * 1000)
YEAR_MS = 365 * 24 * 3600 * 1000

_WORD_TEXT = (
    "video camera edit cut scene light sound music voice story frame color shot take clip "
    "script audience launch product demo feature customer team meeting design review budget "
    "growth market launch plan roadmap question answer idea example tutorial lesson chapter "
    "intro outro summary highlight moment laugh reaction interview guest host episode podcast "
    "travel city beach mountain food recipe kitchen coffee morning evening night weekend "
    "game level player score match goal coach training workout health sleep focus habit "
    "python database index query schema migration postgres performance latency cache server "
    "cloud deploy release bug fix test review merge branch commit pipeline model data "
    "render export timeline transcript caption subtitle speaker slide screen share zoom"
)
WORDS = tuple(_WORD_TEXT.split())
_TAG_TEXT = (
    "tutorial vlog podcast interview demo webinar gaming music travel cooking fitness "
    "education marketing product review unboxing news comedy shorts livestream"
)
TAGS = tuple(_TAG_TEXT.split())
CODECS = ("h264", "hevc", "vp9", "av1")
RESOLUTIONS = ("720p", "1080p", "1440p", "4k")
SOURCES = ("upload", "screen_recording", "zoom", "import")
HIGHLIGHT_LABELS = ("laugh", "applause", "key point", "demo", "question", "reaction")
SPEAKERS = ("host", "guest", "narrator", None)


def _zipf_cumulative(count: int, exponent: float = 1.1) -> list[float]:
    return list(accumulate(1.0 / (rank + 1) ** exponent for rank in range(count)))


def _weighted(rng: random.Random, values: Sequence[object], weights: Sequence[int]) -> object:
    return rng.choices(values, weights=weights)[0]


# Rows are written as COPY text lines: every value is already text, NULL is `\\N`. Values come from
# fixed vocabularies and JSON of fixed keys, so none holds a tab, newline or backslash to escape.
NULL = "\\N"


def _at(unix_ms: int) -> str:
    return datetime.fromtimestamp(unix_ms / 1000, UTC).isoformat(sep=" ")


def _array(values: Sequence[str]) -> str:
    return "{" + ",".join(values) + "}"


def _words(rng: random.Random, cumulative: list[float], count: int) -> str:
    return " ".join(rng.choices(WORDS, cum_weights=cumulative, k=count))


@dataclass
class Counts:
    """Row counts for a scale; `scale=1` is the issue's reference size."""

    users: int
    videos: int
    projects: int

    @classmethod
    def for_scale(cls, scale: float) -> Counts:
        return cls(
            users=max(2, round(1000 * scale)),
            videos=max(2, round(20_000 * scale)),
            projects=max(1, round(2000 * scale)),
        )


@dataclass
class Generated:
    """What later tables need to know about earlier ones."""

    user_ids: list[str] = field(default_factory=list)
    user_created_ms: list[int] = field(default_factory=list)
    # (video id, owner index, created ms, duration ms, status)
    videos: list[tuple[str, int, int, int, str]] = field(default_factory=list)
    clip_ids_by_user: dict[int, list[str]] = field(default_factory=dict)
    project_ids: list[tuple[str, int]] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)


class Generator:
    """Row generators, one per table; each table draws from its own RNG stream so adding rows to
    one table never changes another table's data."""

    def __init__(self, seed: int, counts: Counts) -> None:
        self.seed = seed
        self.counts = counts
        self.state = Generated()
        self.word_weights = _zipf_cumulative(len(WORDS), 0.9)
        self.tag_weights = _zipf_cumulative(len(TAGS), 1.0)

    def rng(self, table: str) -> random.Random:
        return random.Random(f"{self.seed}:{table}")

    def new_id(self, rng: random.Random, unix_ms: int) -> str:
        digits = f"{uuid7_int(unix_ms, rng.getrandbits(74)):032x}"
        return f"{digits[:8]}-{digits[8:12]}-{digits[12:16]}-{digits[16:20]}-{digits[20:]}"

    def users(self) -> Iterator[tuple[str, ...]]:
        rng = self.rng("users")
        for index in range(self.counts.users):
            created_ms = EPOCH_MS + rng.randrange(YEAR_MS // 4)
            user_id = self.new_id(rng, created_ms)
            self.state.user_ids.append(user_id)
            self.state.user_created_ms.append(created_ms)
            name = f"{rng.choice(WORDS)}_{rng.choice(WORDS)}"
            yield (
                user_id,
                f"{name}.{index}@example.com",
                name.replace("_", " ").title(),
                _at(created_ms),
            )

    def videos(self) -> Iterator[tuple[str, ...]]:
        rng = self.rng("videos")
        cumulative = _zipf_cumulative(self.counts.users)
        owners = rng.choices(range(self.counts.users), cum_weights=cumulative, k=self.counts.videos)
        for owner in owners:
            user_created = self.state.user_created_ms[owner]
            created_ms = user_created + rng.randrange(EPOCH_MS + YEAR_MS - user_created)
            video_id = self.new_id(rng, created_ms)
            duration = int(min(7_200_000, max(5_000, rng.lognormvariate(math.log(300_000), 1.0))))
            status = str(
                _weighted(rng, ("ready", "processing", "uploaded", "failed"), (90, 5, 3, 2))
            )
            tags = sorted(set(rng.choices(TAGS, cum_weights=self.tag_weights, k=rng.randint(0, 4))))
            metadata = {
                "codec": rng.choice(CODECS),
                "resolution": rng.choice(RESOLUTIONS),
                "fps": rng.choice((24, 25, 30, 60)),
                "source": rng.choice(SOURCES),
            }
            self.state.videos.append((video_id, owner, created_ms, duration, status))
            title = _words(rng, self.word_weights, rng.randint(2, 6)).capitalize()
            description = _words(rng, self.word_weights, 12) if rng.random() < 0.5 else NULL
            yield (
                video_id,
                self.state.user_ids[owner],
                title,
                description,
                status,
                str(duration),
                _array(tags),
                json.dumps(metadata),
                _at(created_ms),
            )

    def clips(self) -> Iterator[tuple[str, ...]]:
        rng = self.rng("clips")
        titles = [
            _words(rng, self.word_weights, 1 + index % 4).capitalize() for index in range(5000)
        ]
        for video_id, owner, created_ms, duration, _status in self.state.videos:
            owner_clips = self.state.clip_ids_by_user.setdefault(owner, [])
            # The hot loop (400,000 rows at scale 1): `random()` arithmetic instead of
            # randrange/randint, and titles drawn from a pool, keep generation ahead of COPY.
            random_ = rng.random
            for _ in range(int(random_() * 41)):  # 20 a video on average
                start = int(random_() * max(1, duration - 1000))
                end = min(duration, start + 1000 + int(random_() * 59_000))
                clip_created = created_ms + 1 + int(random_() * 86_400_000)
                clip_id = self.new_id(rng, clip_created)
                owner_clips.append(clip_id)
                title = titles[int(random_() * len(titles))]
                end = max(end, start + 1)
                yield clip_id, video_id, str(start), str(end), title, _at(clip_created)

    def transcripts(self) -> Iterator[tuple[str, ...]]:
        """Transcripts and their segments together (segments are buffered for the next COPY)."""
        rng = self.rng("transcripts")
        self._segments: list[tuple[str, ...]] = []
        for video_id, _owner, created_ms, duration, status in self.state.videos:
            if status != "ready":
                continue
            languages = ("en", "es") if rng.random() < 0.1 else ("en",)
            for language in languages:
                transcript_created = created_ms + rng.randrange(60_000, 3_600_000)
                transcript_id = self.new_id(rng, transcript_created)
                contents = []
                segment_count = rng.randint(3, 13)
                step = max(2, duration // segment_count)
                for number in range(segment_count):
                    start = number * step
                    content = _words(rng, self.word_weights, rng.randint(8, 20))
                    contents.append(content)
                    self._segments.append(
                        (
                            self.new_id(rng, transcript_created),
                            transcript_id,
                            str(start),
                            str(start + step - 1),
                            rng.choice(SPEAKERS) or NULL,
                            content,
                        )
                    )
                full_text = " ".join(contents)
                yield (
                    transcript_id,
                    video_id,
                    language,
                    full_text,
                    str(len(full_text.split())),
                    _at(transcript_created),
                )

    def transcript_segments(self) -> Iterator[tuple[str, ...]]:
        yield from self._segments
        self._segments = []

    def highlights(self) -> Iterator[tuple[str, ...]]:
        rng = self.rng("highlights")
        for video_id, _owner, created_ms, duration, status in self.state.videos:
            if status != "ready":
                continue
            for _ in range(rng.randint(0, 6)):
                start = rng.randrange(max(1, duration - 1000))
                highlight_created = created_ms + rng.randrange(60_000, 7_200_000)
                yield (
                    self.new_id(rng, highlight_created),
                    video_id,
                    str(start),
                    str(min(duration, start + rng.randint(2000, 30_000))),
                    str(round(rng.random(), 4)),
                    rng.choice(HIGHLIGHT_LABELS),
                    _at(highlight_created),
                )

    def projects(self) -> Iterator[tuple[str, ...]]:
        rng = self.rng("projects")
        cumulative = _zipf_cumulative(self.counts.users)
        owners = rng.choices(
            range(self.counts.users), cum_weights=cumulative, k=self.counts.projects
        )
        for owner in owners:
            created_ms = self.state.user_created_ms[owner] + rng.randrange(YEAR_MS // 2)
            project_id = self.new_id(rng, created_ms)
            self.state.project_ids.append((project_id, owner))
            title = _words(rng, self.word_weights, rng.randint(1, 3)).title()
            yield project_id, self.state.user_ids[owner], title, _at(created_ms)

    def timeline_items(self) -> Iterator[tuple[str, ...]]:
        rng = self.rng("timeline_items")
        for project_id, owner in self.state.project_ids:
            clips = self.state.clip_ids_by_user.get(owner, [])
            count = min(len(clips), rng.randint(3, 15))
            for position, clip_id in enumerate(rng.sample(clips, count)):
                # Spaced positions: moving an item is one UPDATE to a free slot between two others.
                yield self.new_id(rng, EPOCH_MS), project_id, clip_id, str(position * 1000)

    def render_jobs(self) -> Iterator[tuple[str, ...]]:
        rng = self.rng("render_jobs")
        statuses = ("succeeded", "failed", "cancelled", "queued", "running")
        for project_id, _owner in self.state.project_ids:
            for _ in range(rng.randint(0, 5)):
                created_ms = EPOCH_MS + YEAR_MS // 2 + rng.randrange(YEAR_MS // 2)
                job_id = self.new_id(rng, created_ms)
                status = str(_weighted(rng, statuses, (85, 8, 3, 3, 1)))
                started = NULL if status == "queued" else _at(created_ms + rng.randrange(60_000))
                finished = (
                    NULL
                    if status in ("queued", "running")
                    else _at(created_ms + rng.randrange(60_000, 900_000))
                )
                settings = {
                    "format": rng.choice(("mp4", "webm", "mov")),
                    "resolution": rng.choice(RESOLUTIONS),
                    "captions": rng.random() < 0.6,
                }
                yield (
                    job_id,
                    project_id,
                    status,
                    "0" if status == "queued" else str(rng.randint(1, 3)),
                    json.dumps(settings),
                    f"renders/{job_id}.{settings['format']}" if status == "succeeded" else NULL,
                    "encoder exited with status 1" if status == "failed" else NULL,
                    _at(created_ms),
                    started,
                    finished,
                )
