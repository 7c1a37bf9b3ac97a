"""Revisions rendered offline in-process: each statement located at the `op.*` call that emitted it."""

from __future__ import annotations

from pathlib import Path

from lint_helpers import lint, revision_source
from pglast import ast

from schemawise.migrations.inputs import resolve_input
from schemawise.migrations.loader import load_alembic
from schemawise.migrations.settings import MigrationsSettings
from schemawise.migrations.transactions import build_statement_contexts


def statements_of(script: Path, **settings: object):
    source = resolve_input(script)
    loaded = load_alembic(source, MigrationsSettings(**settings))  # type: ignore[arg-type]
    return loaded, build_statement_contexts(loaded.units, 15)


def line_of(path: Path, needle: str) -> int:
    return next(n for n, text in enumerate(path.read_text().splitlines(), 1) if needle in text)


def test_each_statement_maps_to_the_first_line_of_its_op_call(history):
    script = history(
        {
            "0001_videos.py": revision_source(
                "0001",
                None,
                upgrade="""
                op.create_table(
                    "videos",
                    sa.Column("id", sa.BigInteger(), primary_key=True),
                    sa.Column("title", sa.Text(), nullable=False),
                )
                op.create_index(
                    "idx_videos_title",
                    "videos",
                    ["title"],
                )
                """,
            )
        }
    )
    path = script / "versions" / "0001_videos.py"
    _, statements = statements_of(script)
    located = [(type(s.node).__name__, s.line, s.op) for s in statements]
    assert located == [
        ("CreateStmt", line_of(path, "op.create_table("), "create_table"),
        ("IndexStmt", line_of(path, "op.create_index("), "create_index"),
    ]
    assert all(s.path == str(path) and s.revision == "0001" for s in statements)


def test_raw_sql_in_op_execute_is_parsed_statement_by_statement(history):
    script = history(
        {
            "0001_raw.py": revision_source(
                "0001",
                None,
                upgrade="""
                op.execute("SET lock_timeout = '2s'; CREATE INDEX idx_a ON videos (a)")
                """,
            )
        }
    )
    _, statements = statements_of(script)
    assert [type(s.node) for s in statements] == [ast.VariableSetStmt, ast.IndexStmt]
    assert {s.op for s in statements} == {"execute"}
    assert statements[1].lock_timeout_in_force


def test_ops_called_from_a_helper_in_the_revision_map_to_the_helper_line(history):
    script = history(
        {
            "0001_helper.py": revision_source(
                "0001",
                None,
                upgrade="""
                _index("a")
                _index("b")
                """,
                extra="""
                def _index(column):
                    op.create_index(f"idx_videos_{column}", "videos", [column])
                """,
            )
        }
    )
    path = script / "versions" / "0001_helper.py"
    _, statements = statements_of(script)
    assert [s.line for s in statements] == [line_of(path, "op.create_index(")] * 2


def test_unparsable_sql_is_reported_at_its_op_line_and_the_rest_is_linted(history):
    script = history(
        {
            "0001_bad_sql.py": revision_source(
                "0001",
                None,
                upgrade="""
                op.execute("ALTER TABLE videos ADD COLUM duration integer")
                op.create_index("idx_videos_owner_id", "videos", ["owner_id"])
                """,
                downgrade='op.drop_index("idx_videos_owner_id")',
            )
        }
    )
    path = script / "versions" / "0001_bad_sql.py"
    found = {(d.code, d.line) for d in lint([script])}
    assert ("SW002", line_of(path, "ADD COLUM")) in found
    assert ("MG001", line_of(path, "op.create_index(")) in found


def test_revision_raising_while_rendering_keeps_the_statements_emitted_before(history):
    script = history(
        {
            "0001_raises.py": revision_source(
                "0001",
                None,
                upgrade="""
                op.create_index("idx_videos_owner_id", "videos", ["owner_id"])
                raise RuntimeError("needs the application settings")
                """,
                downgrade='op.drop_index("idx_videos_owner_id")',
            )
        }
    )
    path = script / "versions" / "0001_raises.py"
    diagnostics = lint([script])
    problem = next(d for d in diagnostics if d.code == "SW002")
    assert problem.line == line_of(path, "raise RuntimeError")
    assert "RuntimeError: needs the application settings" in problem.message
    assert any(d.code == "MG001" for d in diagnostics)


def test_revisions_render_in_graph_order_not_file_order(history):
    script = history(
        {
            "a_second.py": revision_source("0002", "0001", upgrade='op.drop_table("clips")'),
            "b_first.py": revision_source(
                "0001", None, upgrade='op.create_table("clips", sa.Column("id", sa.Integer()))'
            ),
        }
    )
    loaded, _ = statements_of(script)
    assert [unit.revision for unit in loaded.units] == ["0001", "0002"]


def test_env_py_is_never_executed(history):
    env = """
    raise RuntimeError("env.py needs SECRET_KEY")
    """
    script = history(
        {"0001.py": revision_source("0001", None, upgrade='op.drop_table("clips")')}, env=env
    )
    loaded, statements = statements_of(script)
    assert [type(s.node) for s in statements] == [ast.DropStmt]
    assert not loaded.problems and not loaded.units[0].problems
