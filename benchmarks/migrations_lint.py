"""Benchmark: `schemawise migrations lint` vs `alembic upgrade base:head --sql | squawk`.

Generates an Alembic project with a history of N revisions (default 500; mixed `op.*` calls, some raw
SQL through `op.execute`, some `autocommit_block()`s) and an offline-capable env.py, then times, as whole
processes, the median of several runs of:

    schemawise migrations lint <project> --pg-version 15 --format concise
    alembic -c <project>/alembic.ini upgrade base:head --sql | squawk --pg-version 15.0 --reporter gcc

Needs `squawk` on PATH (`pip install squawk-cli`). Both commands exit 1 (they find things); only the
time counts. Usage: python benchmarks/migrations_lint.py [--revisions 500] [--runs 5] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

PG_VERSION = 15

ENV_PY = '''
"""Offline-capable env.py: `alembic upgrade base:head --sql` renders without a database."""
from alembic import context

config = context.config


def run_migrations_offline() -> None:
    context.configure(
        url="postgresql://bench@localhost/bench",
        target_metadata=None,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    raise SystemExit("this benchmark project renders offline only")
'''

ALEMBIC_INI = """[alembic]
script_location = %(here)s/migrations
prepend_sys_path = .
"""


def _operations(index: int, rng: random.Random, tables: list[str]) -> tuple[list[str], list[str]]:
    """(upgrade lines, downgrade lines) for revision `index`: one of a dozen typical changes."""
    table = rng.choice(tables) if tables else ""
    column = f"c{index}"
    kind = index % 12
    if kind == 0 or not tables:
        name = f"t{index}"
        tables.append(name)
        return (
            [
                "op.create_table(",
                f'    "{name}",',
                '    sa.Column("id", sa.BigInteger(), sa.Identity(), primary_key=True),',
                '    sa.Column("title", sa.String(length=200), nullable=False),',
                '    sa.Column("created_at", sa.DateTime(timezone=True), '
                'server_default=sa.text("now()")),',
                ")",
                f'op.create_index("idx_{name}_title", "{name}", ["title"])',
            ],
            [f'op.drop_table("{name}")'],
        )
    if kind == 1:
        return (
            [f'op.add_column("{table}", sa.Column("{column}", sa.Text(), nullable=True))'],
            [f'op.drop_column("{table}", "{column}")'],
        )
    if kind == 2:
        return (
            [f'op.create_index("idx_{table}_{column}", "{table}", ["title"])'],
            [f'op.drop_index("idx_{table}_{column}", table_name="{table}")'],
        )
    if kind == 3:
        return (
            [
                "with op.get_context().autocommit_block():",
                f'    op.create_index("idx_{table}_{column}", "{table}", ["created_at"], '
                "postgresql_concurrently=True)",
            ],
            [f'op.drop_index("idx_{table}_{column}", table_name="{table}")'],
        )
    if kind == 4:
        return (
            [
                f'op.add_column("{table}", sa.Column("{column}", sa.Boolean(), nullable=False, '
                "server_default=sa.false()))"
            ],
            [f'op.drop_column("{table}", "{column}")'],
        )
    if kind == 5:
        return (
            [
                "op.execute(\"SET lock_timeout = '3s'\")",
                f'op.execute("UPDATE {table} SET title = lower(title)")',
            ],
            [],
        )
    if kind == 6:
        return (
            [f'op.alter_column("{table}", "title", type_=sa.Text(), existing_type=sa.String(200))'],
            [f'op.alter_column("{table}", "title", type_=sa.String(200), existing_type=sa.Text())'],
        )
    if kind == 7:
        return (
            [
                f'op.create_check_constraint("ck_{table}_{column}", "{table}", '
                '"length(title) > 0", postgresql_not_valid=True)',
            ],
            [f'op.drop_constraint("ck_{table}_{column}", "{table}")'],
        )
    if kind == 8:
        other = rng.choice(tables)
        return (
            [
                f'op.add_column("{table}", sa.Column("{column}_id", sa.BigInteger()))',
                f'op.create_foreign_key("fk_{table}_{column}", "{table}", "{other}", '
                f'["{column}_id"], ["id"])',
            ],
            [
                f'op.drop_constraint("fk_{table}_{column}", "{table}")',
                f'op.drop_column("{table}", "{column}_id")',
            ],
        )
    if kind == 9:
        return (
            [
                f'op.execute("""ALTER TABLE {table} ADD COLUMN {column} uuid '
                'DEFAULT gen_random_uuid()""")'
            ],
            [f'op.drop_column("{table}", "{column}")'],
        )
    if kind == 10:
        return (
            [
                f'op.add_column("{table}", sa.Column("{column}", sa.Integer(), nullable=True))',
                f'op.alter_column("{table}", "{column}", new_column_name="{column}_renamed")',
            ],
            [f'op.drop_column("{table}", "{column}_renamed")'],
        )
    return (
        [
            f'op.execute("CREATE INDEX IF NOT EXISTS idx_{table}_{column}_lower '
            f'ON {table} (lower(title))")'
        ],
        [f'op.execute("DROP INDEX IF EXISTS idx_{table}_{column}_lower")'],
    )


def generate_project(root: Path, revisions: int, seed: int = 7) -> Path:
    """An Alembic project at `root` with a linear history of `revisions` revisions."""
    rng = random.Random(seed)
    versions = root / "migrations" / "versions"
    versions.mkdir(parents=True)
    (root / "alembic.ini").write_text(ALEMBIC_INI)
    (root / "migrations" / "env.py").write_text(ENV_PY.lstrip())
    tables: list[str] = []
    previous: str | None = None
    for index in range(revisions):
        revision = f"{index:04d}{rng.getrandbits(32):08x}"
        upgrade, downgrade = _operations(index, rng, tables)
        source = textwrap.dedent(
            f'''\
            """revision {index}"""
            from alembic import op
            import sqlalchemy as sa

            revision = "{revision}"
            down_revision = {previous!r}
            branch_labels = None
            depends_on = None


            def upgrade() -> None:
            '''
        )
        source += "".join(f"    {line}\n" for line in upgrade)
        source += "\n\ndef downgrade() -> None:\n"
        source += "".join(f"    {line}\n" for line in reversed(downgrade)) or "    pass\n"
        (versions / f"{revision}_step_{index}.py").write_text(source)
        previous = revision
    return root


def _time(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> float:
    started = time.perf_counter()
    result = subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, env={**os.environ, **(env or {})}
    )
    elapsed = time.perf_counter() - started
    if result.returncode not in (0, 1):
        raise SystemExit(f"benchmark command failed ({result.returncode}): {result.stderr[-500:]}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--revisions", type=int, default=500)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="generate the project here and keep it")
    args = parser.parse_args()
    if shutil.which("squawk") is None:
        print("squawk is not on PATH: pip install squawk-cli", file=sys.stderr)
        return 2
    root = args.keep or Path(tempfile.mkdtemp(prefix="schemawise-bench-"))
    if args.keep and root.exists():
        shutil.rmtree(root)
    generate_project(root, args.revisions)
    schemawise = [
        sys.executable,
        "-m",
        "schemawise",
        "migrations",
        "lint",
        str(root),
        "--pg-version",
        str(PG_VERSION),
        "--format",
        "concise",
    ]
    alembic = f"{shutil.which('alembic') or 'alembic'} -c {root / 'alembic.ini'}"
    pipeline = (
        f"set -o pipefail; {alembic} upgrade base:head --sql "
        f"| squawk --pg-version {PG_VERSION}.0 --reporter gcc"
    )
    # The render cache (versions/__pycache__) makes every run after the first a warm one; time the
    # uncached path too, with the cache turned off through the environment.
    no_cache = {"SCHEMAWISE_MIGRATIONS_CACHE": "false"}
    warm, cold, theirs = [], [], []
    _time(schemawise, root)  # fill the cache
    for _ in range(args.runs):  # interleaved, so machine noise hits all three alike
        warm.append(_time(schemawise, root))
        cold.append(_time(schemawise, root, no_cache))
        theirs.append(_time(["bash", "-c", pipeline], root))
    medians = {
        "schemawise migrations lint (cache warm)": statistics.median(warm),
        "schemawise migrations lint (no cache)": statistics.median(cold),
        "alembic upgrade --sql | squawk": statistics.median(theirs),
    }
    pipeline_median = medians["alembic upgrade --sql | squawk"]
    print(f"history: {args.revisions} revisions in {root}; {args.runs} runs each")
    for label, median in medians.items():
        print(f"{label:42} median {median:6.2f}s  ratio to pipeline {median / pipeline_median:.2f}")
    if not args.keep:
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
