"""Precision and recall of the MG statement rules on the labeled corpus in `tests/corpus/migrations/`.

Usage: python benchmarks/lint_corpus_scores.py [--compare-squawk]

For every rule, each case file (`bad*.sql`, `good*.sql`, `bad_revision.py`, `good_revision.py`) is linted
with only that rule selected, as `tests/test_migration_rules.py` does. A flagged line carrying the
`expect: CODE` marker is a true positive, a flagged line without it (in a bad or a good file) a false
positive, a marked line left unflagged a false negative. Figures are per rule and pooled over all rules.

`--compare-squawk` also scores squawk (the `squawk` command of squawk-cli, with the same PostgreSQL
version) on the `.sql` cases of the rules that have a squawk counterpart, listed in SQUAWK_RULES.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from schemawise.config import Config
from schemawise.migrations.lint import lint_migrations

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus" / "migrations"
EXPECT = re.compile(r"(?:--|#)\s*expect:\s*([A-Z0-9, ]+)")
PG_VERSION = re.compile(r"(?:--|#)\s*corpus:\s*pg_version=(\d+)")


# schemawise rule -> the squawk rules that flag the same pattern (squawk-cli 2.x names).
SQUAWK_RULES = {
    "MG001": {"require-concurrent-index-creation"},
    "MG002": {"require-concurrent-index-deletion"},
    "MG004": {"ban-concurrent-index-creation-in-transaction"},
    "MG005": {"constraint-missing-not-valid", "adding-foreign-key-constraint"},
    "MG006": {"constraint-missing-not-valid"},
    "MG007": {"disallowed-unique-constraint", "adding-serial-primary-key-field"},
    "MG008": {"adding-not-nullable-field"},
    "MG009": {"adding-required-field"},
    "MG010": {"adding-field-with-default"},
    "MG011": {"changing-column-type"},
    "MG014": {"require-lock-timeout"},
    "MG101": {"ban-drop-column"},
    "MG102": {"ban-drop-table"},
    "MG103": {"renaming-column"},
    "MG104": {"renaming-table"},
    "MG105": {"ban-drop-not-null"},
    "MG106": {"ban-truncate-cascade"},
    "MG201": {"prefer-timestamp-tz"},
    "MG203": {"prefer-bigint-over-int", "prefer-bigint-over-smallint"},
    "MG204": {"ban-char-field"},
}


@dataclass
class Score:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    def add(self, other: Score) -> None:
        self.true_positives += other.true_positives
        self.false_positives += other.false_positives
        self.false_negatives += other.false_negatives

    @property
    def precision(self) -> float:
        flagged = self.true_positives + self.false_positives
        return self.true_positives / flagged if flagged else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0


def marked_lines(path: Path, code: str) -> set[int]:
    lines = set()
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        match = EXPECT.search(line)
        if match and code in {c.strip() for c in match.group(1).split(",")}:
            lines.add(number)
    return lines


def flagged_lines(path: Path, code: str, workdir: Path) -> set[int]:
    config = Config(select=[code])
    version = PG_VERSION.search(path.read_text())
    if version:
        config.migrations.pg_version = int(version.group(1))
    if path.suffix == ".py":
        versions = workdir / path.stem / "versions"
        versions.mkdir(parents=True)
        target = versions / path.name
        shutil.copy(path, target)
        inputs = [versions]
    else:
        target = path
        schema = path.parent / "schema.sql"
        inputs = [schema, path] if schema.is_file() else [path]
    diagnostics = lint_migrations(inputs, config)
    return {
        d.line
        for d in diagnostics
        if d.code == code and d.line and d.path and Path(d.path).resolve() == target.resolve()
    }


def score_rule(code: str, workdir: Path) -> tuple[Score, int]:
    score = Score()
    files = 0
    for path in sorted((CORPUS / code).iterdir()):
        if not path.name.startswith(("bad", "good")) or path.suffix not in (".sql", ".py"):
            continue
        files += 1
        expected = marked_lines(path, code)
        found = flagged_lines(path, code, workdir / code)
        score.true_positives += len(found & expected)
        score.false_positives += len(found - expected)
        score.false_negatives += len(expected - found)
    return score, files


def pg_version_of(path: Path) -> int:
    version = PG_VERSION.search(path.read_text())
    return int(version.group(1)) if version else 15


def squawk_lines(path: Path, code: str) -> set[int]:
    """1-based lines squawk flags with a counterpart rule of `code` (squawk reports 0-based lines)."""
    run = subprocess.run(
        ["squawk", "--reporter", "json", f"--pg-version={pg_version_of(path)}.0", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    return {
        violation["line"] + 1
        for violation in json.loads(run.stdout or "[]")
        if violation["rule_name"] in SQUAWK_RULES[code]
    }


def score_squawk(code: str, workdir: Path) -> tuple[Score, Score]:
    """(schemawise, squawk) on the rule's `.sql` cases."""
    ours, theirs = Score(), Score()
    for path in sorted((CORPUS / code).glob("*.sql")):
        if not path.name.startswith(("bad", "good")):
            continue
        expected = marked_lines(path, code)
        for score, found in (
            (ours, flagged_lines(path, code, workdir / code)),
            (theirs, squawk_lines(path, code)),
        ):
            score.true_positives += len(found & expected)
            score.false_positives += len(found - expected)
            score.false_negatives += len(expected - found)
    return ours, theirs


def compare_squawk() -> None:
    print("\n.sql cases of rules with a squawk counterpart: schemawise vs squawk")
    print(f"{'rule':<7}{'P ours':>8}{'R ours':>8}{'P squawk':>10}{'R squawk':>10}")
    pooled_ours, pooled_theirs = Score(), Score()
    with tempfile.TemporaryDirectory() as scratch:
        for code in sorted(SQUAWK_RULES):
            ours, theirs = score_squawk(code, Path(scratch))
            pooled_ours.add(ours)
            pooled_theirs.add(theirs)
            print(
                f"{code:<7}{ours.precision:>8.3f}{ours.recall:>8.3f}"
                f"{theirs.precision:>10.3f}{theirs.recall:>10.3f}"
            )
    print(
        f"{'all':<7}{pooled_ours.precision:>8.3f}{pooled_ours.recall:>8.3f}"
        f"{pooled_theirs.precision:>10.3f}{pooled_theirs.recall:>10.3f}"
    )


def main() -> int:
    codes = sorted(p.name for p in CORPUS.iterdir() if re.fullmatch(r"MG[0-2]\d\d", p.name))
    total = Score()
    print(f"{'rule':<7}{'files':>6}{'TP':>5}{'FP':>5}{'FN':>5}{'precision':>11}{'recall':>8}")
    with tempfile.TemporaryDirectory() as scratch:
        for code in codes:
            score, files = score_rule(code, Path(scratch))
            total.add(score)
            print(
                f"{code:<7}{files:>6}{score.true_positives:>5}{score.false_positives:>5}"
                f"{score.false_negatives:>5}{score.precision:>11.3f}{score.recall:>8.3f}"
            )
    print(
        f"{'all':<7}{'':>6}{total.true_positives:>5}{total.false_positives:>5}"
        f"{total.false_negatives:>5}{total.precision:>11.3f}{total.recall:>8.3f}"
    )
    if "--compare-squawk" in sys.argv[1:]:
        compare_squawk()
    return 0 if total.false_positives == total.false_negatives == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
