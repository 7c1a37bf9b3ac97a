"""The data generator: deterministic and skewed the way the performance features expect."""

from __future__ import annotations

from collections import Counter

from examples.videoeditor.generator import Counts, Generator
from examples.videoeditor.seed import TABLES


def generate(scale: float, seed: int = 42) -> dict[str, list[tuple[str, ...]]]:
    generator = Generator(seed, Counts.for_scale(scale))
    return {table: list(getattr(generator, table)()) for table in TABLES}


def test_the_same_seed_and_scale_generate_the_same_rows() -> None:
    assert generate(0.01) == generate(0.01)
    assert generate(0.01)["videos"] != generate(0.01, seed=7)["videos"]


def test_a_few_users_own_most_videos() -> None:
    videos = generate(0.05)["videos"]  # 50 users, 1,000 videos
    owners = Counter(row[1] for row in videos)
    top_five = sum(count for _, count in owners.most_common(5))
    assert top_five > len(videos) / 2


def test_row_counts_follow_the_scale() -> None:
    rows = generate(0.01)
    assert len(rows["users"]) == 10 and len(rows["videos"]) == 200
    # About 20 clips a video.
    assert 15 * 200 < len(rows["clips"]) < 25 * 200
