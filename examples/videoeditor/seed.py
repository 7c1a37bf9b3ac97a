"""Fill a database with deterministic, realistically skewed video editor data, using COPY.

    python -m examples.videoeditor.seed --database-url postgresql://localhost/videoeditor --scale 1

Scale 1 is about 1,000 users, 20,000 videos, 400,000 clips, 20,000 transcripts with 160,000
segments, 54,000 highlights, 2,000 projects with their timelines and render jobs. The same `--seed`
and `--scale` always produce the same rows (ids included), so plans and timings compare across runs.
Ownership is Zipf-like: a few users own most videos, as on real platforms, which is what makes
"a user's videos" plans interesting. Rows go in with COPY (one round trip per table, no per-row
parsing of INSERT statements), and the tables are analyzed afterwards so plans are realistic at once.

By default the schema is first migrated to head (`--no-migrate` to skip); seeding refuses tables
that already hold rows unless `--truncate` is given.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from argparse import Namespace
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import psycopg
from alembic import command
from alembic.config import Config

from examples.videoeditor.generator import Counts, Generator

ALEMBIC_INI = Path(__file__).with_name("alembic.ini")
# Children after parents, in COPY order; TRUNCATE takes them all at once.
TABLES = (
    "users",
    "videos",
    "clips",
    "transcripts",
    "transcript_segments",
    "highlights",
    "projects",
    "timeline_items",
    "render_jobs",
)


COLUMNS = {
    "users": "id, email, display_name, created_at",
    "videos": "id, user_id, title, description, status, duration_ms, tags, metadata, created_at",
    "clips": "id, video_id, start_ms, end_ms, title, created_at",
    "transcripts": "id, video_id, language, full_text, word_count, created_at",
    "transcript_segments": "id, transcript_id, start_ms, end_ms, speaker, content",
    "highlights": "id, video_id, start_ms, end_ms, score, label, created_at",
    "projects": "id, user_id, title, created_at",
    "timeline_items": "id, project_id, clip_id, position",
    "render_jobs": (
        "id, project_id, status, attempts, settings, output_url, error, created_at, "
        "started_at, finished_at"
    ),
}


# Indexes on the seeded tables that no constraint owns (primary keys and unique constraints stay).
_PLAIN_INDEXES = """
    SELECT index_class.oid::regclass::text, pg_get_indexdef(index_class.oid)
    FROM pg_index
    JOIN pg_class AS index_class ON index_class.oid = pg_index.indexrelid
    JOIN pg_class AS table_class ON table_class.oid = pg_index.indrelid
    WHERE table_class.relname = ANY(%s)
      AND table_class.relnamespace = 'public'::regnamespace
      AND NOT EXISTS (SELECT FROM pg_constraint WHERE pg_constraint.conindid = index_class.oid)
    ORDER BY 1
"""


_FOREIGN_KEYS = """
    SELECT conrelid::regclass::text, quote_ident(conname), pg_get_constraintdef(oid)
    FROM pg_constraint
    WHERE contype = 'f'
      AND conrelid IN (
          SELECT oid FROM pg_class
          WHERE relname = ANY(%s) AND relnamespace = 'public'::regnamespace
      )
    ORDER BY 1, 2
"""


def alembic_config(database_url: str) -> Config:
    """The example's Alembic config, aimed at `database_url` (as `-x url=`, which env.py prefers
    over DATABASE_URL, so a stray environment variable can never redirect a migration)."""
    config = Config(str(ALEMBIC_INI))
    config.cmd_opts = Namespace(x=[f"url={database_url}"])
    return config


def seed(
    database_url: str, *, scale: float, seed_value: int = 42, truncate: bool = False
) -> dict[str, Any]:
    """Load the data; returns row counts per table and the seconds COPY and ANALYZE took."""
    generator = Generator(seed_value, Counts.for_scale(scale))
    started = time.perf_counter()
    libpq_url = re.sub(r"^postgres(?:ql)?(?:\+\w+)?://", "postgresql://", database_url, count=1)
    with psycopg.connect(libpq_url) as connection:
        # Seeding is repeatable, so losing the last commit in a crash costs nothing.
        connection.execute("SET synchronous_commit = off")
        existing = connection.execute(
            "SELECT EXISTS (SELECT FROM users) OR EXISTS (SELECT FROM videos)"
        ).fetchone()
        if existing and existing[0]:
            if not truncate:
                raise SystemExit("the tables already hold rows; pass --truncate to replace them")
            connection.execute(f"TRUNCATE {', '.join(TABLES)}")
        # Bulk-load order, as pg_restore does it: building an index once over loaded rows is much
        # faster than maintaining it row by row (GIN above all), and validating a foreign key is
        # one join instead of one lookup per row. So plain indexes and foreign keys are dropped for
        # the load and re-created from their own catalog definitions afterwards (the keys fully
        # validated). All in one transaction: if anything fails, the rollback restores them.
        connection.execute("SET LOCAL maintenance_work_mem = '256MB'")
        plain_indexes = connection.execute(_PLAIN_INDEXES, (list(TABLES),)).fetchall()
        foreign_keys = connection.execute(_FOREIGN_KEYS, (list(TABLES),)).fetchall()
        for table, name, _definition in foreign_keys:
            connection.execute(f"ALTER TABLE {table} DROP CONSTRAINT {name}")
        for name, _definition in plain_indexes:
            connection.execute(f"DROP INDEX {name}")
        with connection.cursor() as cursor:
            for table in TABLES:
                rows = 0
                table_started = time.perf_counter()
                with cursor.copy(f"COPY {table} ({COLUMNS[table]}) FROM STDIN") as copy:
                    # Joined text lines sent in large chunks: per-row `write_row` adaptation costs
                    # more client CPU than generating the row.
                    lines: list[str] = []
                    for row in getattr(generator, table)():
                        lines.append("\t".join(row))
                        if len(lines) == 10_000:
                            copy.write("\n".join(lines) + "\n")
                            rows += len(lines)
                            lines.clear()
                    if lines:
                        copy.write("\n".join(lines) + "\n")
                        rows += len(lines)
                generator.state.rows[table] = rows
                generator.state.seconds[table] = round(time.perf_counter() - table_started, 2)
        for _name, definition in plain_indexes:
            connection.execute(definition)
        for table, name, definition in foreign_keys:
            connection.execute(f"ALTER TABLE {table} ADD CONSTRAINT {name} {definition}")
        connection.commit()
        copied = time.perf_counter()
        connection.autocommit = True
        connection.execute(f"ANALYZE {', '.join(TABLES)}")
    finished = time.perf_counter()
    return {
        "rows": generator.state.rows,
        "seconds": generator.state.seconds,
        "copy_seconds": round(copied - started, 2),
        "analyze_seconds": round(finished - copied, 2),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m examples.videoeditor.seed", description=__doc__
    )
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--scale", type=float, default=1.0, help="1 = 20,000 videos (default)")
    parser.add_argument("--seed", type=int, default=42, help="RNG seed (default 42)")
    parser.add_argument("--truncate", action="store_true", help="replace existing rows")
    parser.add_argument(
        "--no-migrate", dest="migrate", action="store_false", help="skip alembic upgrade head"
    )
    arguments = parser.parse_args(argv)
    if arguments.scale <= 0:
        parser.error("--scale must be positive")
    if arguments.migrate:
        command.upgrade(alembic_config(arguments.database_url), "head")
    result = seed(
        arguments.database_url,
        scale=arguments.scale,
        seed_value=arguments.seed,
        truncate=arguments.truncate,
    )
    for table, rows in result["rows"].items():
        print(f"{table:>20} {rows:>9,} rows {result['seconds'][table]:>7.2f}s")
    print(
        f"loaded in {result['copy_seconds'] + result['analyze_seconds']:.2f}s "
        f"(COPY {result['copy_seconds']}s, ANALYZE {result['analyze_seconds']}s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
