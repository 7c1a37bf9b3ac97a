"""What a PATH can be: alembic.ini (with several version locations), its directory, a script directory,
a versions directory, .sql files or a directory of them."""

from __future__ import annotations

from pathlib import Path

from lint_helpers import lint, revision_source

from schemawise.migrations.inputs import AlembicSource, SqlSource, resolve_input

UNDONE = 'op.drop_table("clips")'


def test_alembic_ini_with_several_version_locations_lints_all(tmp_path):
    script = tmp_path / "migrations"
    script.mkdir()
    (script / "env.py").write_text("")
    for name, revision, parent in (("core", "c1", None), ("audit", "a1", "c1")):
        directory = tmp_path / name
        directory.mkdir()
        (directory / f"{revision}.py").write_text(revision_source(revision, parent, UNDONE))
    (tmp_path / "alembic.ini").write_text(
        "[alembic]\nscript_location = %(here)s/migrations\npath_separator = os\n"
        "version_locations = %(here)s/core:%(here)s/audit\n"
    )
    flagged = {Path(d.path or "").name for d in lint([tmp_path], select=["MG301"])}
    assert flagged == {"c1.py", "a1.py"}


def test_script_and_versions_directories_resolve_to_the_same_history(history):
    script = history({"0001.py": revision_source("0001", None, UNDONE)})
    from_script = resolve_input(script)
    from_versions = resolve_input(script / "versions")
    assert isinstance(from_script, AlembicSource) and isinstance(from_versions, AlembicSource)
    assert from_script.version_directories == from_versions.version_directories
    assert from_versions.env_path == script / "env.py"


def test_directory_of_sql_files_lints_them_in_name_order(tmp_path):
    (tmp_path / "002_index.sql").write_text("CREATE INDEX idx_clips_a ON clips (a);\n")
    (tmp_path / "001_table.sql").write_text("CREATE TABLE clips (a int);\n")
    source = resolve_input(tmp_path)
    assert isinstance(source, SqlSource)
    assert [p.name for p in source.files] == ["001_table.sql", "002_index.sql"]
    # Created in an earlier file, so the index is on an existing table.
    assert {d.code for d in lint([tmp_path], select=["MG001"])} == {"MG001"}
