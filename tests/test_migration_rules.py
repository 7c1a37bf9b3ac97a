"""Every MG statement rule against its corpus in `tests/corpus/migrations/<CODE>/`.

- `bad.sql` / `bad_revision.py` (and variants such as `bad_pg10.sql`): the lines marked `-- expect: CODE` / `# expect: CODE` (the statement's
  first line, or the `op.*` call's line) are exactly the lines the rule flags;
- `good.sql` / `good_revision.py`: the safe rewrite of the same change, where the rule flags nothing;
- `schema.sql` (optional): linted first as an earlier file, so its tables are existing ones whose column
  types are known;
- `-- corpus: pg_version=N` (or `# corpus: ...`) anywhere in a file lints it for that PostgreSQL version.

Each case runs through `lint_migrations` with only the rule's code selected, as a user would run it.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from schemawise.config import Config
from schemawise.diagnostics import Diagnostic
from schemawise.migrations.lint import lint_migrations

CORPUS = Path(__file__).parent / "corpus" / "migrations"
STATEMENT_RULES = sorted(
    path.name
    for path in CORPUS.iterdir()
    if path.is_dir() and re.fullmatch(r"MG[0-2]\d\d", path.name)
)
_EXPECT = re.compile(r"(?:--|#)\s*expect:\s*([A-Z0-9, ]+)")
_PG_VERSION = re.compile(r"(?:--|#)\s*corpus:\s*pg_version=(\d+)")


def expected_lines(path: Path, code: str) -> set[int]:
    found = set()
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        match = _EXPECT.search(line)
        if match and code in {c.strip() for c in match.group(1).split(",")}:
            found.add(number)
    return found


def config_for(path: Path, code: str) -> Config:
    config = Config(select=[code])
    version = _PG_VERSION.search(path.read_text())
    if version:
        config.migrations.pg_version = int(version.group(1))
    return config


def lint_case(path: Path, code: str, workdir: Path) -> list[Diagnostic]:
    """Diagnostics of `code` located in the case file (a copy of it, for revisions)."""
    if path.suffix == ".py":
        versions = workdir / "versions"
        versions.mkdir(parents=True, exist_ok=True)
        target = versions / path.name
        shutil.copy(path, target)
        inputs = [versions]
    else:
        schema = path.parent / "schema.sql"
        target = path
        inputs = [schema, path] if schema.is_file() else [path]
    diagnostics = lint_migrations(inputs, config_for(path, code))
    return [
        d
        for d in diagnostics
        if d.code == code and d.path and Path(d.path).resolve() == target.resolve()
    ]


def describe(diagnostics: list[Diagnostic]) -> list[str]:
    return [f"{d.line}: {d.message}" for d in diagnostics]


def test_every_statement_rule_has_a_corpus() -> None:
    from schemawise.registry import rules_of_family

    codes = {r.code for r in rules_of_family("migrations") if not r.code.startswith("MG3")}
    missing = sorted(
        code
        for code in codes
        if not (CORPUS / code / "bad.sql").is_file() or not (CORPUS / code / "good.sql").is_file()
    )
    assert missing == []


def case_files(kind: str) -> list[tuple[str, str]]:
    """`(code, file name)` of every `bad*` or `good*` case (`bad.sql`, `bad_pg10.sql`, `bad_revision.py`)."""
    return [
        (code, path.name)
        for code in STATEMENT_RULES
        for path in sorted((CORPUS / code).iterdir())
        if path.name.startswith(kind) and path.suffix in (".sql", ".py")
    ]


@pytest.mark.parametrize(("code", "name"), case_files("bad"))
def test_rule_flags_exactly_the_marked_statements_of_bad_cases(
    code: str, name: str, tmp_path: Path
) -> None:
    bad = CORPUS / code / name
    expected = expected_lines(bad, code)
    assert expected, f"{bad} marks no statement with `expect: {code}`"
    found = lint_case(bad, code, tmp_path)
    assert {d.line for d in found} == expected, describe(found)


@pytest.mark.parametrize(("code", "name"), case_files("good"))
def test_rule_is_silent_on_the_safe_rewrite_in_good_cases(
    code: str, name: str, tmp_path: Path
) -> None:
    assert describe(lint_case(CORPUS / code / name, code, tmp_path)) == []


def test_flagged_statements_carry_the_documented_fields(tmp_path: Path) -> None:
    found = lint_case(CORPUS / "MG001" / "bad.sql", "MG001", tmp_path)
    first = found[0]
    assert first.name == "non-concurrent-index-creation"
    assert first.table == "videos"
    assert first.message.startswith("`CREATE INDEX`") and not first.message.endswith(".")
    assert "CONCURRENTLY" in (first.help or "")


# --- The rewrite rules against a real server: flagged exactly when PostgreSQL rewrites the table. ---

# Tables the corpus statements alter, created before each file runs (relfilenode changes on rewrite).
REWRITE_SETUP = {
    "MG010": "CREATE TABLE videos (id bigint PRIMARY KEY); CREATE TABLE clips (id bigint PRIMARY KEY);",
    "MG011": (CORPUS / "MG011" / "schema.sql").read_text(),
    "MG012": "CREATE TABLE videos (id bigint PRIMARY KEY, owner_id bigint);"
    " CREATE INDEX idx_videos_owner_id ON videos (owner_id);"
    " CREATE TABLE clips (id bigint PRIMARY KEY, n bigint NOT NULL, ends_at numeric,"
    " starts_at numeric);",
}


def statement_table(node: object) -> str | None:
    from pglast import ast

    if isinstance(node, ast.AlterTableStmt | ast.ClusterStmt) and node.relation is not None:
        return node.relation.relname
    if isinstance(node, ast.VacuumStmt) and node.rels:
        return node.rels[0].relation.relname
    return None


def real_rewrites(url: str, code: str, path: Path) -> dict[int, bool]:
    """Line -> did PostgreSQL rewrite the statement's table, for statements on the set-up tables."""
    import psycopg

    from schemawise.migrations.sqltext import parse_statements
    from schemawise.pg.connect import connection

    verdicts: dict[int, bool] = {}
    with connection(url, read_only=False) as conn:
        conn.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
        conn.execute(REWRITE_SETUP[code])
        conn.execute("SET TimeZone = 'Europe/Paris'")  # not UTC, unless the file says so
        existing = {
            row[0] for row in conn.execute("SELECT relname FROM pg_class WHERE relkind = 'r'")
        }
        for statement in parse_statements(path.read_text()):
            table = statement_table(statement.node)
            query = "SELECT relfilenode FROM pg_class WHERE relname = %s AND relkind = 'r'"
            before = conn.execute(query, (table,)).fetchone() if table in existing else None
            try:
                conn.execute(statement.sql)
            except psycopg.Error:
                continue  # e.g. a table the corpus assumes but this set-up lacks
            if before is not None:
                after = conn.execute(query, (table,)).fetchone()
                verdicts[statement.line] = before != after
    return verdicts


@pytest.mark.parametrize("code", sorted(REWRITE_SETUP))
@pytest.mark.parametrize("kind", ["bad", "good"])
def test_rewrite_rule_flags_exactly_the_statements_postgresql_rewrites(
    code: str, kind: str, scratch_database_url: str, tmp_path: Path
) -> None:
    path = CORPUS / code / f"{kind}.sql"
    rewrites = real_rewrites(scratch_database_url, code, path)
    assert len(rewrites) >= 2, rewrites  # the check must cover real statements
    flagged = {d.line for d in lint_case(path, code, tmp_path)}
    verdicts = {line: line in flagged for line in rewrites}
    assert verdicts == rewrites


# --- Facts that span revisions: what an earlier revision created is "existing" in a later one. ---

REVISION_TEMPLATE = """
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "{revision}"
down_revision = {down_revision!r}
branch_labels = None
depends_on = None


def upgrade() -> None:
{body}


def downgrade() -> None:
    pass
"""


def write_history(versions: Path, bodies: list[str]) -> list[Path]:
    versions.mkdir(parents=True)
    paths = []
    for number, body in enumerate(bodies, start=1):
        path = versions / f"{number:04d}_step.py"
        down = f"{number - 1:04d}" if number > 1 else None
        indented = "\n".join("    " + line for line in body.strip().splitlines())
        path.write_text(
            REVISION_TEMPLATE.format(revision=f"{number:04d}", down_revision=down, body=indented)
        )
        paths.append(path)
    return paths


def test_table_created_in_an_earlier_revision_is_existing_in_a_later_one(tmp_path: Path) -> None:
    _, second = write_history(
        tmp_path / "versions",
        [
            'op.create_table("renders", sa.Column("id", sa.BigInteger(), primary_key=True),'
            ' sa.Column("video_id", sa.BigInteger()))\n'
            'op.create_index("idx_renders_video_id", "renders", ["video_id"])',
            'op.create_index("idx_renders_video_id_id", "renders", ["video_id", "id"])',
        ],
    )
    found = lint_migrations([tmp_path / "versions"], Config(select=["MG001"]))
    op_line = (
        second.read_text()
        .splitlines()
        .index('    op.create_index("idx_renders_video_id_id", "renders", ["video_id", "id"])')
        + 1
    )
    assert [(Path(d.path).name, d.line) for d in found] == [(second.name, op_line)]


def test_old_column_type_comes_from_an_earlier_revision_without_existing_type(
    tmp_path: Path,
) -> None:
    write_history(
        tmp_path / "versions",
        [
            'op.create_table("renders", sa.Column("id", sa.BigInteger(), primary_key=True),'
            ' sa.Column("label", sa.String(50)), sa.Column("frames", sa.Integer()))',
            'op.alter_column("renders", "label", type_=sa.String(80))\n'
            'op.alter_column("renders", "frames", type_=sa.BigInteger())',
        ],
    )
    found = lint_migrations([tmp_path / "versions"], Config(select=["MG011"]))
    assert [d.message for d in found] == [
        "Changing `renders`.`frames` from `integer` to `bigint` rewrites the table under an "
        "`ACCESS EXCLUSIVE` lock"
    ]


def test_autogenerate_style_existing_type_tells_a_widening_from_a_rewrite(tmp_path: Path) -> None:
    write_history(
        tmp_path / "versions",
        [
            'op.alter_column("videos", "title", existing_type=postgresql.VARCHAR(length=100),'
            " type_=sa.Text(), existing_nullable=True)\n"
            'op.alter_column("videos", "price", existing_type=sa.NUMERIC(precision=10, scale=2),'
            " type_=sa.Numeric(precision=10, scale=4))",
        ],
    )
    found = lint_migrations([tmp_path / "versions"], Config(select=["MG011"]))
    assert [d.column for d in found] == ["price"]
    assert "from `numeric(10, 2)` to `numeric(10, 4)`" in found[0].message


# (old type, new type, session in UTC) for the binary-coercion verdict, checked on a real server.
TYPE_CHANGES = [
    ("varchar(10)", "varchar(20)", False),
    ("varchar(20)", "varchar(10)", False),
    ("varchar(10)", "varchar", False),
    ("varchar(10)", "text", False),
    ("text", "varchar", False),
    ("text", "varchar(5)", False),
    ("numeric(10, 2)", "numeric(12, 2)", False),
    ("numeric(10, 2)", "numeric(12, 3)", False),
    ("numeric(10, 2)", "numeric", False),
    ("numeric", "numeric(10, 2)", False),
    ("cidr", "inet", False),
    ("inet", "cidr", False),
    ("integer", "bigint", False),
    ("bigint", "integer", False),
    ("timestamp", "timestamptz", False),
    ("timestamp", "timestamptz", True),
    ("timestamptz", "timestamp", True),
    ("timestamp(3)", "timestamp(6)", False),
    ("timestamp(6)", "timestamp(3)", False),
    ("time(2)", "time", False),
    ("bit(8)", "varbit", False),
    ("varbit(8)", "varbit(16)", False),
    ("char(4)", "char(8)", False),
    ("char(4)", "text", False),
    ("json", "jsonb", False),
    ("text[]", "text[]", False),
    ("varchar(10)[]", "text[]", False),
]


def test_type_change_verdicts_match_postgresql_rewrites(scratch_database_url: str) -> None:
    from schemawise.migrations.rules._column_types import type_from_sql
    from schemawise.migrations.rules._type_changes import needs_rewrite
    from schemawise.pg.connect import connection

    mismatches = []
    with connection(scratch_database_url, read_only=False) as conn:
        for old, new, utc in TYPE_CHANGES:
            conn.execute("BEGIN")
            conn.execute(f"SET LOCAL TimeZone = '{'UTC' if utc else 'Europe/Paris'}'")
            conn.execute(f"CREATE TABLE type_change (value {old})")
            query = "SELECT relfilenode FROM pg_class WHERE relname = 'type_change'"
            before = conn.execute(query).fetchone()
            conn.execute(f"ALTER TABLE type_change ALTER COLUMN value TYPE {new}")
            rewritten = conn.execute(query).fetchone() != before
            conn.execute("ROLLBACK")
            old_type, new_type = type_from_sql(old), type_from_sql(new)
            assert old_type is not None and new_type is not None
            if needs_rewrite(old_type, new_type, 15, utc) != rewritten:
                mismatches.append((old, new, utc, rewritten))
    assert mismatches == []


def test_help_speaks_op_keywords_for_op_calls_and_sql_for_op_execute(tmp_path: Path) -> None:
    write_history(
        tmp_path / "versions",
        [
            'op.execute("CREATE INDEX idx_videos_a ON videos (a)")\n'
            'op.create_index("idx_videos_b", "videos", ["b"])'
        ],
    )
    found = lint_migrations([tmp_path / "versions"], Config(select=["MG001"]))
    assert [d.help.split(" ")[:3] for d in found if d.help] == [
        ["Write", "`CREATE", "INDEX"],
        ["Pass", "`postgresql_concurrently=True`", "to"],
    ]
