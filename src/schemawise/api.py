"""The library API: everything the CLI does is one call here.

from schemawise import api

diagnostics = api.review(["app.models"])                 # models
diagnostics = api.review(database_url="postgresql://...")  # a live database's schema
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from schemawise.config import Config, load_config
from schemawise.diagnostics import Diagnostic
from schemawise.engine import finish, run_rules, selection_for
from schemawise.errors import ConfigError, ModelImportError
from schemawise.models.context import ReviewContext
from schemawise.schema.model import Schema


def load_schema(
    targets: Sequence[str] | None = None,
    *,
    database_url: str | None = None,
    config: Config | None = None,
) -> Schema:
    """The neutral schema of the models named by `targets` (or config `models`), or of a live database."""
    config = config or load_config()
    if database_url and targets:
        raise ConfigError(
            "review either models (TARGET) or a live database (--database-url), not both at once"
        )
    if database_url:
        from schemawise.schema.from_database import schema_from_database

        return schema_from_database(database_url)
    from schemawise.models.loader import load_models, paused_gc
    from schemawise.schema.from_metadata import schema_from_metadata

    if not targets and not config.models:
        raise ModelImportError(
            "no models to review: pass a TARGET or set `models` in [tool.schemawise]"
        )
    with paused_gc():
        if targets:
            loaded = load_models(list(targets), Path.cwd())
        else:
            loaded = load_models(list(config.models), config.root)
        return schema_from_metadata(loaded)


def review(
    targets: Sequence[str] | None = None,
    *,
    database_url: str | None = None,
    config: Config | None = None,
) -> list[Diagnostic]:
    """Run the selected SM rules on models (default) or on a live database's schema."""
    config = config or load_config()
    selection = selection_for(config)
    schema = load_schema(targets, database_url=database_url, config=config)
    context = ReviewContext(schema=schema, naming=config.naming)
    rules = [r for r in selection.rules("models") if schema.source in r.sources]
    diagnostics = run_rules(rules, context)
    files = {
        location.path
        for table in schema.tables.values()
        for location in (table.location, *(c.location for c in table.columns.values()))
        if location.path
    }
    ignores = {
        name: (table.ignore, table.location.path, table.location.line)
        for name, table in schema.tables.items()
        if table.ignore
    }
    return finish(diagnostics, ran=rules, selection=selection, files=files, table_ignores=ignores)


def lint_migrations(
    paths: Sequence[str | Path] | None = None,
    *,
    database_url: str | None = None,
    config: Config | None = None,
) -> list[Diagnostic]:
    """MG rules on Alembic revisions and .sql files (default: `[tool.schemawise.migrations] paths`).

    `database_url` (read-only) grades lock findings by real table sizes.
    """
    from schemawise.migrations.lint import lint_migrations as lint

    return lint(paths, config or load_config(), database_url=database_url)


def test_migrations(
    alembic_ini: str | Path | None = None,
    *,
    database_url: str | None = None,
    config: Config | None = None,
    trace_locks: bool = False,
    progress: Callable[..., None] | None = None,
) -> list[Diagnostic]:
    """Round-trip every revision on a scratch database (RT rules); see `schemawise.roundtrip.run`."""
    from schemawise.roundtrip.run import test_migrations as run_test

    config = config or load_config()
    ini = Path(alembic_ini) if alembic_ini else alembic_ini_for(config)
    return run_test(
        ini, database_url=database_url, config=config, trace_locks=trace_locks, progress=progress
    )


test_migrations.__test__ = False  # type: ignore[attr-defined]  # a library call, not a pytest test


def alembic_ini_for(config: Config) -> Path:
    """The `alembic.ini` in `[tool.schemawise.migrations] paths` (or in a directory named there),
    else `./alembic.ini`, else one next to the configuration file."""
    for entry in config.migrations.paths:
        path = config.resolve(entry)
        if path.suffix == ".ini" and path.is_file():
            return path
        if path.is_dir() and (path / "alembic.ini").is_file():
            return path / "alembic.ini"
    for candidate in (Path.cwd() / "alembic.ini", config.root / "alembic.ini"):
        if candidate.is_file():
            return candidate
    raise ConfigError(
        "no alembic.ini found: pass --alembic-ini or set `[tool.schemawise.migrations] paths`"
    )


def check(
    *,
    config: Config | None = None,
    progress: Callable[[str], None] | None = None,
) -> list[Diagnostic]:
    """Everything configured in `[tool.schemawise]`: model review, migration lint, migration test.

    A part runs when its configuration names something to check (`models`, `migrations.paths`);
    `check` with nothing configured is an input error rather than a silent success.
    """
    config = config or load_config()
    say = progress or (lambda _message: None)
    diagnostics: list[Diagnostic] = []
    ran_any = False
    if config.models:
        say(f"reviewing models: {', '.join(config.models)}")
        diagnostics += review(config=config)
        ran_any = True
    if config.migrations.paths:
        say(f"linting migrations: {', '.join(config.migrations.paths)}")
        # No size grading here: the server `check` tests on is a scratch server, not production.
        diagnostics += lint_migrations(config=config)
        ran_any = True
        if _has_alembic_ini(config):
            say(
                "testing migrations on a scratch database (upgrade, downgrade, rows, models vs head)"
            )
            diagnostics += test_migrations(database_url=config.database_url, config=config)
    if not ran_any:
        where = config.source or "pyproject.toml `[tool.schemawise]`"
        raise ConfigError(
            f"nothing to check: set `models` or `[tool.schemawise.migrations] paths` in {where}"
        )
    return sorted(diagnostics, key=lambda d: d.sort_key)


def _has_alembic_ini(config: Config) -> bool:
    """Whether `paths` name an Alembic project (`.sql`-only projects have nothing to round-trip)."""
    try:
        alembic_ini_for(config)
    except ConfigError:
        return False
    return True
