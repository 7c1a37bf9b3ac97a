"""`lint_migrations`: the library entry point of `schemawise migrations lint`.

Pipeline: resolve inputs -> load units (render revisions / parse .sql) -> transaction model -> live sizes
(optional) -> MG rules -> SW002 for what could not be linted -> suppressions (`engine.finish`).
Each Alembic source is linted with its own context (its own revision graph); all .sql files share one.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from schemawise.config import Config
from schemawise.diagnostics import Diagnostic
from schemawise.engine import finish, run_rules, selection_for
from schemawise.errors import MigrationParseError
from schemawise.migrations.context import LintContext, SizeGrading
from schemawise.migrations.inputs import AlembicSource, SqlSource, resolve_input
from schemawise.migrations.loader import Loaded, load_alembic, load_sql
from schemawise.migrations.transactions import build_statement_contexts
from schemawise.migrations.units import LintUnit, Problem
from schemawise.migrations.volatility import function_volatility
from schemawise.registry import Finding, load_rules
from schemawise.selection import Selection

DEFAULT_PG_VERSION = 15


def _inputs(paths: Sequence[str | Path] | None, config: Config) -> list[Path]:
    if paths:
        return [Path(p) for p in paths]
    if config.migrations.paths:
        return [config.resolve(p) for p in config.migrations.paths]
    # Like `alembic` itself, an `alembic.ini` in the working directory is the project by default.
    for candidate in (Path.cwd() / "alembic.ini", config.root / "alembic.ini"):
        if candidate.is_file():
            return [candidate]
    raise MigrationParseError(
        "no migrations to lint: pass a PATH (alembic.ini, script directory or .sql files), "
        "set `paths` in [tool.schemawise.migrations], or run where alembic.ini is"
    )


def _load(
    paths: list[Path], config: Config, database_url: str | None = None
) -> tuple[list[Loaded], list[Problem]]:
    loaded: list[Loaded] = []
    problems: list[Problem] = []
    sql_files: list[Path] = []
    for path in paths:
        source = resolve_input(path)
        if isinstance(source, Problem):
            problems.append(source)
        elif isinstance(source, SqlSource):
            sql_files.extend(source.files)
        elif isinstance(source, AlembicSource):
            loaded.append(load_alembic(source, config.migrations, database_url))
    if sql_files:
        loaded.append(load_sql(SqlSource(list(dict.fromkeys(sql_files))), config.migrations))
    return loaded, problems


def _application_modules(config: Config) -> frozenset[str]:
    """Dotted module names among the configured `models` targets (files and directories skipped)."""
    return frozenset(
        target.split(":")[0]
        for target in config.models
        if "/" not in target and not target.endswith(".py")
    )


def _linted(unit: LintUnit) -> bool:
    """Whether a unit gave the rules anything: a parsed statement, or a clean (even empty) upgrade."""
    if any(statement.error is None for statement in unit.statements):
        return True
    return not unit.problems and not unit.statements


def _problem_diagnostics(problems: list[Problem]) -> list[Diagnostic]:
    rule = load_rules()["SW002"]
    return rule.run([Finding(message=p.message, path=p.path, line=p.line) for p in problems])


def _lint_one(
    loaded: Loaded, config: Config, pg_version: int, database_url: str | None
) -> tuple[list[Diagnostic], list[Problem], set[str]]:
    """(diagnostics, problems in scope, files in scope) for one source."""
    statements = build_statement_contexts(loaded.units, pg_version)
    scope = {unit.path for unit in loaded.units if unit.in_scope}
    statements = [s for s in statements if s.path in scope]
    context = LintContext(
        statements=statements,
        pg_version=pg_version,
        graph=loaded.graph,
        grading=SizeGrading(config.migrations.small_table_rows, config.migrations.large_table_rows),
        volatility=function_volatility,
        application_modules=_application_modules(config),
    )
    if database_url:
        from schemawise.migrations.table_sizes import fetch_table_sizes

        touched = {table for statement in statements for table in statement.locks}
        context.table_sizes, _ = fetch_table_sizes(database_url, touched)
    for statement in statements:
        statement.lint = context
    rules = selection_for(config).rules("migrations")
    diagnostics = run_rules(rules, context)
    problems = loaded.problems + [p for u in loaded.units if u.in_scope for p in u.problems]
    return diagnostics, problems, scope


def _pg_version(config: Config, database_url: str | None) -> int:
    if config.migrations.pg_version is not None:
        return config.migrations.pg_version
    if database_url:
        from schemawise.pg.connect import connection, server_version

        with connection(database_url, read_only=True) as conn:
            return server_version(conn) // 10000
    return DEFAULT_PG_VERSION


def lint_migrations(
    paths: Sequence[str | Path] | None,
    config: Config,
    *,
    database_url: str | None = None,
) -> list[Diagnostic]:
    """Lint Alembic revisions and .sql files (default: `[tool.schemawise.migrations] paths`).

    `database_url` (read-only) grades lock findings by live table size and, unless `pg_version` is
    configured, sets the PostgreSQL version. Raises `MigrationParseError` when nothing could be linted;
    anything that could not be linted next to things that could is reported as SW002.
    """
    loaded_sources, problems = _load(_inputs(paths, config), config, database_url)
    pg_version = _pg_version(config, database_url)
    diagnostics: list[Diagnostic] = []
    files: set[str] = set()
    linted_anything = False
    for loaded in loaded_sources:
        found, source_problems, scope = _lint_one(loaded, config, pg_version, database_url)
        diagnostics += found
        problems += source_problems
        files |= scope
        linted_anything |= any(_linted(unit) for unit in loaded.units)
    if problems and not linted_anything:
        first = str(problems[0])
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        raise MigrationParseError(f"{first}{more}")
    sw002 = load_rules()["SW002"]
    selection = selection_for(config)
    ran = selection.rules("migrations")
    # Like a syntax error in ruff, what could not be linted is reported whatever `--select` says;
    # only an explicit `--ignore SW002` (or a suppression) silences it.
    if Selection(ignore=selection.ignore).enabled(sw002):
        diagnostics += _problem_diagnostics(problems)
        ran = [*ran, sw002]
    return finish(diagnostics, ran=ran, selection=selection, files=files)
