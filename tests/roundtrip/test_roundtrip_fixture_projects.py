"""Each fixture project carries one defect; the migration test reports exactly that defect."""

from __future__ import annotations

from roundtrip_helpers import PROJECTS, codes, run_project


def test_clean_project_has_no_findings(server_url: str) -> None:
    assert run_project("clean", server_url) == []


def test_downgrade_that_forgets_a_column_is_rt003_with_readable_diff(server_url: str) -> None:
    diagnostics = run_project("downgrade_not_inverse", server_url)
    rt003 = [d for d in diagnostics if d.code == "RT003"]
    assert len(rt003) == 1
    assert rt003[0].object == "0002"
    assert "column `videos.fps` is left after the downgrade: `integer`" in rt003[0].message
    assert rt003[0].path.endswith("0002_fps.py") and rt003[0].line == 15
    # Upgrading again after that downgrade fails too, and says so.
    rt001 = [d for d in diagnostics if d.code == "RT001"]
    assert rt001 and "run again after its downgrade" in rt001[0].message


def test_models_that_differ_from_head_are_rt004_in_schemawise_terms(server_url: str) -> None:
    diagnostics = run_project("models_differ", server_url)
    assert codes(diagnostics) == ["RT004", "RT004"]
    messages = sorted(d.message for d in diagnostics)
    assert messages[0].startswith("column `videos.description` (TEXT) is in the models")
    assert (
        messages[1]
        == "index `idx_videos_title` on `videos` (title) is in the models but missing at head"
    )


def test_not_null_column_without_default_passes_empty_and_fails_populated(server_url: str) -> None:
    diagnostics = run_project("not_null_without_default", server_url)
    assert codes(diagnostics) == ["RT005"]
    (finding,) = diagnostics
    assert "ADD COLUMN fps INTEGER NOT NULL" in finding.message
    assert 'column "fps" of relation "videos" contains null values' in finding.message
    assert finding.line == 11


def test_not_null_column_without_default_passes_when_seeding_is_off(server_url: str) -> None:
    assert run_project("not_null_without_default", server_url, seed_rows=0) == []


def test_int_to_uuid_key_swap_that_loses_rows_is_rt006(server_url: str) -> None:
    diagnostics = run_project("key_swap_loses_rows", server_url)
    assert set(codes(diagnostics)) == {"RT006"}
    upgrade = [d for d in diagnostics if d.message.startswith("upgrade")]
    assert upgrade and upgrade[0].table == "clips" and "loses 2 of 2 rows" in upgrade[0].message


def test_non_concurrent_index_is_measured_blocking_writes_but_not_reads(server_url: str) -> None:
    diagnostics = run_project("non_concurrent_index", server_url, trace_locks=True)
    assert codes(diagnostics) == ["RT102"]
    assert "ShareLock" in diagnostics[0].message and diagnostics[0].table == "videos"


def test_non_concurrent_index_has_no_lock_findings_without_trace_locks(server_url: str) -> None:
    assert run_project("non_concurrent_index", server_url) == []


def test_rewriting_type_change_is_measured_as_rt103(server_url: str) -> None:
    diagnostics = run_project("rewriting_type_change", server_url, trace_locks=True)
    rewritten = [d for d in diagnostics if d.code == "RT103"]
    assert len(rewritten) == 1 and "rewrote `videos`" in rewritten[0].message
    assert {"RT101", "RT102"} <= set(codes(diagnostics))


def test_irreversible_revision_is_stepped_over_with_a_note(server_url: str) -> None:
    diagnostics = run_project("downgrade_not_inverse", server_url, irreversible=["0002"])
    assert [(d.code, d.severity.value) for d in diagnostics] == [("RT002", "info")]
    assert "configured as irreversible" in diagnostics[0].message


def test_branches_and_a_merge_are_each_round_tripped_without_findings(server_url: str) -> None:
    from schemawise.config import Config
    from schemawise.roundtrip.run import run_migration_test

    results, diagnostics = run_migration_test(
        PROJECTS / "branches_and_merge" / "alembic.ini", database_url=server_url, config=Config()
    )
    assert diagnostics == []
    assert results.revisions == 5
    assert results.revision_paths[0].endswith("0001_videos.py")
    assert results.revision_paths[-1].endswith("0004_index.py")


def test_brief_add_column_is_traced_as_blocking_but_not_reported(server_url: str) -> None:
    from schemawise.config import Config
    from schemawise.roundtrip.run import run_migration_test

    results, diagnostics = run_migration_test(
        PROJECTS / "clean" / "alembic.ini",
        database_url=server_url,
        config=Config(),
        trace_locks=True,
    )
    assert diagnostics == []
    (add_column,) = [
        t for t in results.statements if t.statement.startswith("ALTER TABLE videos ADD")
    ]
    assert add_column.locks == {"videos": ["AccessExclusiveLock"]}
    assert add_column.blocks_reads == ["videos"] and add_column.blocks_writes == ["videos"]
    assert add_column.scanned == [] and add_column.rewritten == []
