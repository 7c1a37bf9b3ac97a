"""Suppression comments work on the `op.*` line of a revision and before a statement in SQL."""

from __future__ import annotations

from lint_helpers import lint, revision_source


def test_ignore_comment_on_the_op_line_suppresses_that_finding(history):
    script = history(
        {
            "0001.py": revision_source(
                "0001",
                None,
                upgrade="""
                op.create_index(  # schemawise: ignore[MG001]
                    "idx_videos_a", "videos", ["a"]
                )
                op.create_index("idx_videos_b", "videos", ["b"])
                """,
                downgrade='op.drop_index("idx_videos_a")\nop.drop_index("idx_videos_b")',
            )
        }
    )
    found = lint([script], select=["MG001", "SW001"])
    assert [(d.code, d.object) for d in found] == [("MG001", "idx_videos_b")]


def test_sql_comment_before_a_statement_suppresses_it(tmp_path):
    path = tmp_path / "m.sql"
    path.write_text(
        "-- schemawise: ignore[MG001]\n"
        "CREATE INDEX idx_videos_a ON videos (a);\n"
        "CREATE INDEX idx_videos_b ON videos (b);\n"
    )
    found = lint([path], select=["MG001", "SW001"])
    assert [(d.code, d.line) for d in found] == [("MG001", 3)]


def test_unused_suppression_in_a_revision_is_reported(history):
    script = history(
        {
            "0001.py": revision_source(
                "0001",
                None,
                upgrade='op.drop_table("clips")  # schemawise: ignore[MG001]',
                downgrade="pass",
            )
        }
    )
    assert "SW001" in {d.code for d in lint([script], select=["MG001", "SW001"])}
