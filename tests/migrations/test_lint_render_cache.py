"""The render cache: an unchanged history lints the same from the cache, a changed file is rendered
again, and revisions whose output could change without the file changing are never cached."""

from __future__ import annotations

import json
from pathlib import Path

from lint_helpers import lint, revision_source

from schemawise.migrations.render_cache import CACHE_FILE

INDEX = revision_source(
    "0001",
    None,
    upgrade="""
    op.create_index(
        "idx_videos_owner_id", "videos", ["owner_id"]
    )
    """,
    downgrade='op.drop_index("idx_videos_owner_id")',
)


def cache_document(script: Path) -> dict:
    return json.loads((script / "versions" / "__pycache__" / CACHE_FILE).read_text())


def summary(diagnostics) -> list[tuple[str, str | None, int | None, str]]:
    return [(d.code, Path(d.path or "").name, d.line, d.message) for d in diagnostics]


def test_second_run_from_the_cache_gives_the_same_findings(history):
    script = history({"0001.py": INDEX})
    first = summary(lint([script]))
    assert len(cache_document(script)["entries"]) == 1
    (script / "versions" / "0001.py").write_text(INDEX)  # same bytes: still a cache hit
    assert summary(lint([script])) == first
    assert summary(lint([script], cache=False)) == first


def test_a_changed_revision_is_rendered_again(history):
    script = history({"0001.py": INDEX})
    assert {d.code for d in lint([script], select=["MG001"])} == {"MG001"}
    concurrent = INDEX.replace(
        '["owner_id"]', '["owner_id"], postgresql_concurrently=True'
    ).replace(
        "    op.create_index(",
        "    with op.get_context().autocommit_block():\n        op.create_index(",
    )
    (script / "versions" / "0001.py").write_text(concurrent)
    assert lint([script], select=["MG001"]) == []


def test_revision_importing_project_code_is_not_cached(history, tmp_path):
    (tmp_path / "mg_cache_helpers.py").write_text(
        "from alembic import op\n\n\ndef add_index():\n"
        '    op.create_index("idx_videos_owner_id", "videos", ["owner_id"])\n'
    )
    script = history(
        {
            "0001.py": revision_source(
                "0001",
                None,
                upgrade="add_index()",
                header="from mg_cache_helpers import add_index",
            )
        }
    )
    assert {d.code for d in lint([script], select=["MG001"])} == {"MG001"}
    assert cache_document(script)["entries"] == {}


def test_cache_can_be_turned_off(history):
    script = history({"0001.py": INDEX})
    lint([script], cache=False)
    assert not (script / "versions" / "__pycache__" / CACHE_FILE).exists()
