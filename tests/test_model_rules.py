"""Every SM rule against its fixtures: `bad.py` lines marked `# expect: CODE` are exactly the lines
flagged, `good.py` is clean; rules that also read live databases give the same verdict on the tables
created from the fixture."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from schemawise import api
from schemawise.config import Config
from schemawise.models.loader import load_models
from schemawise.pg.urls import to_sqlalchemy
from schemawise.registry import load_rules

FIXTURES = Path(__file__).parent / "fixtures" / "models"
SM_RULES = [r for r in load_rules().values() if r.family == "models"]
_EXPECT = re.compile(r"#\s*expect:\s*([A-Z0-9, ]+)")


def expected_lines(path: Path, code: str) -> set[int]:
    found = set()
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        match = _EXPECT.search(line)
        if match and code in {c.strip() for c in match.group(1).split(",")}:
            found.add(number)
    return found


def only(code: str) -> Config:
    # Selecting the exact code also enables opt-in rules.
    return Config(select=[code])


def test_every_sm_rule_has_bad_and_good_fixtures() -> None:
    missing = [
        r.code
        for r in SM_RULES
        if not (FIXTURES / r.code / "bad.py").is_file()
        or not (FIXTURES / r.code / "good.py").is_file()
    ]
    assert missing == []


@pytest.mark.parametrize("code", [r.code for r in SM_RULES])
def test_rule_flags_exactly_the_marked_lines_of_bad_fixture(code: str) -> None:
    bad = FIXTURES / code / "bad.py"
    expected = expected_lines(bad, code)
    assert expected, f"{bad} marks no line with `# expect: {code}`"
    diagnostics = api.review([str(bad)], config=only(code))
    flagged = {d.line for d in diagnostics if d.code == code and d.path == str(bad)}
    assert flagged == expected, [d.message for d in diagnostics]
    assert all(d.path == str(bad) for d in diagnostics if d.code == code)


@pytest.mark.parametrize("code", [r.code for r in SM_RULES])
def test_rule_is_silent_on_good_fixture(code: str) -> None:
    good = FIXTURES / code / "good.py"
    diagnostics = api.review([str(good)], config=only(code))
    assert [d.message for d in diagnostics if d.code == code] == []


def _create_tables(path: Path, url: str) -> None:
    loaded = load_models([str(path)])
    engine = create_engine(to_sqlalchemy(url))
    try:
        with engine.begin() as connection:
            schemas = {t.schema for t in loaded.tables if t.schema}
            for name in sorted(schemas):
                connection.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{name}"'))
            for metadata in loaded.metadatas:
                metadata.create_all(connection)
    finally:
        engine.dispose()


DATABASE_RULES = [r.code for r in SM_RULES if "database" in r.sources]


@pytest.mark.parametrize("code", DATABASE_RULES)
def test_rule_gives_the_same_verdict_on_a_live_database(
    code: str, scratch_database_url: str
) -> None:
    bad = FIXTURES / code / "bad.py"
    from_models = {
        (d.table, d.column) for d in api.review([str(bad)], config=only(code)) if d.code == code
    }
    _create_tables(bad, scratch_database_url)
    live = api.review(database_url=scratch_database_url, config=only(code))
    from_database = {(d.table, d.column) for d in live if d.code == code}
    assert from_database, f"{code} finds nothing on the live tables of {bad}"
    assert from_database <= from_models, [d.message for d in live]


@pytest.mark.parametrize("code", DATABASE_RULES)
def test_rule_is_silent_on_live_tables_of_good_fixture(
    code: str, scratch_database_url: str
) -> None:
    good = FIXTURES / code / "good.py"
    _create_tables(good, scratch_database_url)
    live = api.review(database_url=scratch_database_url, config=only(code))
    assert [d.message for d in live if d.code == code] == []
