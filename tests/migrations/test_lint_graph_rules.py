"""MG301-MG306 on small histories: each bad history flagged where the user fixes it, the good one clean."""

from __future__ import annotations

from pathlib import Path

from lint_helpers import lint, revision_source

GRAPH_RULES = ["MG301", "MG302", "MG303", "MG304", "MG305", "MG306"]


def graph_findings(script: Path, **config: object) -> set[tuple[str, str, int | None]]:
    """(code, file name, line) of graph rule findings only."""
    diagnostics = lint([script], select=GRAPH_RULES, **config)
    return {(d.code, Path(d.path or "").name, d.line) for d in diagnostics}


def line_of(script: Path, filename: str, needle: str) -> int:
    text = (script / "versions" / filename).read_text().splitlines()
    return next(number for number, line in enumerate(text, 1) if needle in line)


ADD_DURATION = 'op.add_column("videos", sa.Column("duration_ms", sa.BigInteger()))'
DROP_DURATION = 'op.drop_column("videos", "duration_ms")'


def test_linear_history_with_downgrades_is_clean(history):
    script = history(
        {
            "0001.py": revision_source("0001", None, ADD_DURATION, DROP_DURATION),
            "0002.py": revision_source(
                "0002",
                "0001",
                'op.add_column("videos", sa.Column("codec", sa.Text()))',
                'op.drop_column("videos", "codec")',
            ),
        }
    )
    assert graph_findings(script) == set()


def test_missing_downgrade_flags_the_empty_downgrade(history):
    script = history({"0001.py": revision_source("0001", None, ADD_DURATION, "pass")})
    assert graph_findings(script) == {
        ("MG301", "0001.py", line_of(script, "0001.py", "def downgrade"))
    }


def test_irreversible_downgrade_and_empty_merge_are_not_missing_downgrades(history):
    script = history(
        {
            "0001.py": revision_source(
                "0001", None, ADD_DURATION, 'raise NotImplementedError("irreversible")'
            ),
            "0002.py": revision_source("0002", "0001"),
        }
    )
    assert graph_findings(script) == set()


def application(root: Path, package: str, module: str) -> None:
    """An importable application package next to the script directory (as in a real project)."""
    (root / package).mkdir()
    (root / package / "__init__.py").write_text("")
    (root / package / f"{module}.py").write_text("class Video:\n    pass\n")


def test_migration_imports_app_models_flags_the_import_line(history, tmp_path):
    application(tmp_path, "mg302_app", "models")
    bad = revision_source(
        "0001", None, ADD_DURATION, DROP_DURATION, header="from mg302_app.models import Video"
    )
    script = history({"0001.py": bad})
    assert graph_findings(script) == {
        ("MG302", "0001.py", line_of(script, "0001.py", "from mg302_app.models"))
    }


def test_imports_of_configured_model_modules_are_flagged(history, tmp_path):
    application(tmp_path, "mg302_videoapp", "db")
    bad = revision_source(
        "0001", None, ADD_DURATION, DROP_DURATION, header="import mg302_videoapp.db"
    )
    script = history({"0001.py": bad})
    assert graph_findings(script) == set()
    assert {c for c, *_ in graph_findings(script, models=["mg302_videoapp.db"])} == {"MG302"}


def test_library_imports_are_not_app_models(history):
    good = revision_source(
        "0001",
        None,
        ADD_DURATION,
        DROP_DURATION,
        header="from sqlalchemy.dialects import postgresql\nimport sqlmodel",
    )
    assert graph_findings(history({"0001.py": good})) == set()


def test_two_heads_are_flagged_once_at_the_latest_head(history):
    script = history(
        {
            "0001.py": revision_source("0001", None),
            "0002a.py": revision_source("0002a", "0001"),
            "0002b.py": revision_source("0002b", "0001"),
        }
    )
    assert graph_findings(script) == {
        ("MG303", "0002b.py", line_of(script, "0002b.py", "revision = "))
    }


def test_merge_revision_joins_heads(history):
    script = history(
        {
            "0001.py": revision_source("0001", None),
            "0002a.py": revision_source("0002a", "0001"),
            "0002b.py": revision_source("0002b", "0001"),
            "0003.py": revision_source("0003", ("0002a", "0002b")),
        }
    )
    assert graph_findings(script) == set()


def test_heads_of_separately_labelled_branches_with_multiple_bases_are_intended(history):
    script = history(
        {
            "app1.py": revision_source("app1", None, extra='branch_labels = ("app",)'),
            "app2.py": revision_source("app2", "app1"),
            "audit1.py": revision_source("audit1", None, extra='branch_labels = ("audit",)'),
            "audit2.py": revision_source("audit2", "audit1"),
        }
    )
    assert graph_findings(script) == set()


def test_dangling_down_revision_is_flagged_at_its_line(history):
    script = history(
        {
            "0001.py": revision_source("0001", None),
            "0002.py": revision_source("0002", "does-not-exist"),
        }
    )
    found = graph_findings(script)
    assert ("MG304", "0002.py", line_of(script, "0002.py", "down_revision = ")) in found


def test_duplicate_revision_id_is_flagged_on_the_second_file(history):
    script = history(
        {
            "0001_a.py": revision_source("0001", None),
            "0001_b.py": revision_source("0001", None),
        }
    )
    assert ("MG305", "0001_b.py", line_of(script, "0001_b.py", "revision = ")) in graph_findings(
        script
    )


def test_drop_and_add_of_same_type_looks_like_rename(history):
    bad = revision_source(
        "0001",
        None,
        upgrade="""
        op.add_column("videos", sa.Column("title", sa.String(length=200), nullable=True))
        op.drop_column("videos", "name")
        """,
        downgrade="""
        op.add_column("videos", sa.Column("name", sa.String(200), nullable=True))
        op.drop_column("videos", "title")
        """,
    )
    script = history({"0001.py": bad})
    assert graph_findings(script) == {
        ("MG306", "0001.py", line_of(script, "0001.py", 'op.drop_column("videos", "name")'))
    }


def test_rename_and_drop_add_of_different_types_are_not_renames(history):
    good = revision_source(
        "0001",
        None,
        upgrade="""
        op.alter_column("videos", "name", new_column_name="title")
        op.add_column("videos", sa.Column("duration_ms", sa.BigInteger()))
        op.drop_column("videos", "duration_s")
        """,
        downgrade="""
        op.add_column("videos", sa.Column("duration_s", sa.Integer()))
        op.drop_column("videos", "duration_ms")
        op.alter_column("videos", "title", new_column_name="name")
        """,
    )
    assert graph_findings(history({"0001.py": good})) == set()


def test_batch_drop_and_add_of_same_type_looks_like_rename(history):
    bad = revision_source(
        "0001",
        None,
        upgrade="""
        with op.batch_alter_table("videos") as batch_op:
            batch_op.add_column(sa.Column("title", sa.Text()))
            batch_op.drop_column("name")
        """,
        downgrade="""
        with op.batch_alter_table("videos") as batch_op:
            batch_op.add_column(sa.Column("name", sa.Text()))
            batch_op.drop_column("title")
        """,
    )
    assert {code for code, *_ in graph_findings(history({"0001.py": bad}))} == {"MG306"}


def test_cycle_is_reported_and_its_revisions_still_linted(history):
    script = history(
        {
            "0001.py": revision_source("0001", "0002", ADD_DURATION, "pass"),
            "0002.py": revision_source("0002", "0001", ADD_DURATION, DROP_DURATION),
        }
    )
    diagnostics = lint([script], select=["SW002", "MG301"])
    codes = sorted(d.code for d in diagnostics)
    assert codes == ["MG301", "SW002"]
    assert "cycle" in next(d.message for d in diagnostics if d.code == "SW002")


def test_since_lints_only_revisions_after_the_baseline(history):
    script = history(
        {
            "0001.py": revision_source("0001", None, ADD_DURATION, "pass"),
            "0002.py": revision_source("0002", "0001", ADD_DURATION, "pass"),
            "0003.py": revision_source("0003", "0002", ADD_DURATION, "pass"),
        }
    )
    flagged = {name for _, name, _ in graph_findings(script, lint_from="0002")}
    assert flagged == {"0003.py"}
