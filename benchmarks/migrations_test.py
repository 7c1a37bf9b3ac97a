"""Benchmark: `schemawise migrations test` vs pytest-alembic on one generated 100-revision history.

Both are timed as whole processes on the same server, several times; the medians and their ratio
are printed (and written as JSON with `--json`). pytest-alembic runs its `test_upgrade`,
`test_up_down_consistency` and `test_model_definitions_match_ddl`, each on a fresh database with the
same `synchronous_commit = off` schemawise sets on its scratch databases. schemawise does more: a
catalog snapshot comparison per revision (upgrade, downgrade, upgrade), generated rows before each
upgrade with row and value checks, and the models comparison at head.

    pip install pytest-alembic   # not a schemawise dependency
    python benchmarks/migrations_test.py --database-url postgresql://postgres@127.0.0.1:5432/postgres
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from migrations_test_history import generate

PYTEST_ALEMBIC_TESTS = (
    "test_upgrade or test_up_down_consistency or test_model_definitions_match_ddl"
)


def _timed(command: list[str], cwd: Path, env: dict[str, str], expect: int = 0) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != expect:
        raise SystemExit(
            f"{command[:4]} exited {result.returncode}:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
        )
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL"))
    parser.add_argument("--revisions", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", type=Path, help="write the results here too")
    args = parser.parse_args()
    if not args.database_url:
        raise SystemExit("pass --database-url or set DATABASE_URL (a server both tools can use)")
    workdir = Path(tempfile.mkdtemp(prefix="schemawise-bench-"))
    try:
        generate(workdir, args.revisions)
        env = {**os.environ, "BENCHMARK_DATABASE_URL": args.database_url}
        env.pop("DATABASE_URL", None)
        schemawise = [
            sys.executable, "-c", "from schemawise.cli.app import run; run()",
            "migrations", "test", "--alembic-ini", str(workdir / "alembic.ini"),
            "--database-url", args.database_url, "--format", "concise",
        ]  # fmt: skip
        pytest_alembic = [
            sys.executable, "-m", "pytest", "-p", "pytest_alembic", "-p", "no:schemawise",
            "--test-alembic", "-q", "-k", PYTEST_ALEMBIC_TESTS,
        ]  # fmt: skip
        timings: dict[str, list[float]] = {"schemawise": [], "pytest-alembic": []}
        for _ in range(args.runs):  # interleaved, so drift on a shared machine hits both alike
            timings["schemawise"].append(_timed(schemawise, workdir, env))
            timings["pytest-alembic"].append(_timed(pytest_alembic, workdir, env))
        medians = {name: statistics.median(values) for name, values in timings.items()}
        result = {
            "revisions": args.revisions,
            "runs": args.runs,
            "seconds": timings,
            "median_seconds": medians,
            "ratio_schemawise_to_pytest_alembic": medians["schemawise"] / medians["pytest-alembic"],
        }
        for name, value in medians.items():
            print(f"{name:>15}: median {value:.2f} s over {args.runs} runs {timings[name]}")
        print(
            f"ratio schemawise / pytest-alembic: {result['ratio_schemawise_to_pytest_alembic']:.2f}"
        )
        if args.json:
            args.json.write_text(json.dumps(result, indent=2) + "\n")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
