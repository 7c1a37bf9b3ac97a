"""env.py files differ in where they find the database; each style runs on the scratch database."""

from __future__ import annotations

from pathlib import Path

from roundtrip_helpers import run_project

from schemawise.pg.connect import connect
from schemawise.roundtrip.snapshot import take_snapshot

ENGINE_RECIPE = """
import importlib.util
from pathlib import Path

from alembic import context
from sqlalchemy import engine_from_config, pool

config = context.config
_path = Path(__file__).resolve().parent.parent / "models.py"
_spec = importlib.util.spec_from_file_location("rt_models_engine_recipe", _path)
_models = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_models)

# pytest-alembic's recipe: the shared object is used as an Engine.
connectable = config.attributes.get("connection") or engine_from_config(
    config.get_section(config.config_ini_section), poolclass=pool.NullPool
)
with connectable.connect() as connection:
    context.configure(connection=connection, target_metadata=_models.metadata)
    with context.begin_transaction():
        context.run_migrations()
"""

DATABASE_URL_ONLY = """
import importlib.util
import os
from pathlib import Path

from alembic import context
from sqlalchemy import create_engine, pool

_path = Path(__file__).resolve().parent.parent / "models.py"
_spec = importlib.util.spec_from_file_location("rt_models_env_url", _path)
_models = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_models)

# An application-style env.py: only DATABASE_URL counts.
url = os.environ["DATABASE_URL"].replace("postgresql://", "postgresql+psycopg://", 1)
engine = create_engine(url, poolclass=pool.NullPool)
with engine.connect() as connection:
    context.configure(connection=connection, target_metadata=_models.metadata)
    with context.begin_transaction():
        context.run_migrations()
"""


def _with_env(project: Path, env_source: str) -> Path:
    (project / "migrations/env.py").write_text(env_source)
    return project


def test_env_that_uses_the_shared_object_as_an_engine_runs_clean(
    server_url: str, project_copy
) -> None:
    project = _with_env(project_copy("clean"), ENGINE_RECIPE)
    assert run_project(project, server_url) == []


def test_env_that_reads_only_database_url_migrates_the_scratch_database_not_the_urls(
    scratch_database_url: str, project_copy, monkeypatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", scratch_database_url)
    project = _with_env(project_copy("clean"), DATABASE_URL_ONLY)
    with connect(scratch_database_url, read_only=False) as conn:
        before = take_snapshot(conn)
    assert run_project(project, scratch_database_url) == []
    with connect(scratch_database_url, read_only=False) as conn:
        assert take_snapshot(conn) == before


def _without_target_metadata(project: Path) -> Path:
    env = project / "migrations/env.py"
    env.write_text(
        env.read_text().replace("target_metadata = _models.metadata", "target_metadata = None")
    )
    (project / "models.py").rename(project / "app_models.py")
    env.write_text(env.read_text().replace('"models.py"', '"app_models.py"'))
    return project


def test_env_without_target_metadata_is_a_note_not_a_failure(server_url: str, project_copy) -> None:
    project = _without_target_metadata(project_copy("models_differ"))
    diagnostics = run_project(project, server_url)
    assert [(d.code, d.severity.value) for d in diagnostics] == [("RT004", "info")]
    assert "models not compared" in diagnostics[0].message


def test_configured_models_are_compared_when_env_has_no_target_metadata(
    server_url: str, project_copy
) -> None:
    project = _without_target_metadata(project_copy("models_differ"))
    diagnostics = run_project(project, server_url, models=[str(project / "app_models.py")])
    assert sorted(d.code for d in diagnostics) == ["RT004", "RT004"]
    assert any("`videos.description`" in d.message for d in diagnostics)
