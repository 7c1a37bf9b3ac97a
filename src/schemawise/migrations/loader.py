"""Sources to lint units: Alembic revisions rendered in graph order, .sql files parsed as they are."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from schemawise.errors import MigrationParseError
from schemawise.migrations.envfile import EnvSettings, read_env_settings
from schemawise.migrations.graph import RevisionGraph
from schemawise.migrations.inputs import AlembicSource, SqlSource
from schemawise.migrations.render_cache import RenderCache
from schemawise.migrations.rendered_units import unit_from_rendering
from schemawise.migrations.revisions import find_revision_files, read_revision_file
from schemawise.migrations.settings import MigrationsSettings
from schemawise.migrations.sqltext import parse_statements
from schemawise.migrations.transactions import lock_timeout_value_enables
from schemawise.migrations.units import EmittedStatement, LintUnit, Problem


@dataclass
class Loaded:
    units: list[LintUnit] = field(default_factory=list)
    graph: RevisionGraph | None = None
    env: EnvSettings | None = None
    problems: list[Problem] = field(default_factory=list)


def _lock_timeout_in_force(settings: MigrationsSettings, env: EnvSettings | None) -> bool:
    declared = settings.lock_timeout or (env.lock_timeout if env else None)
    return bool(declared) and lock_timeout_value_enables(str(declared))


def load_alembic(
    source: AlembicSource, settings: MigrationsSettings, database_url: str | None = None
) -> Loaded:
    """Render every revision; `database_url` is offered as DATABASE_URL to code revisions import."""
    env = read_env_settings(source.env_path) if source.env_path else EnvSettings()
    loaded = Loaded(env=env)
    if not source.version_directories:
        loaded.problems.append(Problem("no versions directory", str(source.script_directory)))
        return loaded
    transactional = settings.transactional_ddl
    if transactional is None:
        transactional = env.transactional_ddl if env.transactional_ddl is not None else True
    cache = RenderCache.for_versions(source.version_directories, transactional, settings.cache)
    files = [
        read_revision_file(path, cache.known_facts)
        for path in find_revision_files(source.version_directories)
    ]
    for revision in files:
        cache.remember_facts(revision)
    if not files:
        where = ", ".join(str(d) for d in source.version_directories)
        loaded.problems.append(Problem("no revision files", where))
        return loaded
    loaded.problems.extend(f.problem for f in files if f.problem and f.revision is None)
    graph = RevisionGraph.build(files)
    loaded.graph = graph
    cycle = graph.cycle_members()
    if cycle:
        first = graph.by_id[cycle[0]]
        loaded.problems.append(
            Problem(
                "revision graph has a cycle through " + ", ".join(f"`{r}`" for r in cycle),
                first.path,
                first.down_revision_line,
            )
        )
    baseline = settings.lint_from
    if baseline:
        resolved = graph.resolve(baseline)
        if resolved is None:
            raise MigrationParseError(
                f"{source.name}: baseline revision `{baseline}` (--since / lint-from) does not exist"
            )
        graph.in_scope = graph.descendants(resolved)
    sys_paths = list(dict.fromkeys([*source.sys_paths, Path.cwd()]))
    renderer = None  # created on the first cache miss: importing Alembic is a good part of a run
    lock_timeout = _lock_timeout_in_force(settings, env)
    for revision in graph.order():
        rendering = cache.get(revision)
        if rendering is None:
            if renderer is None:
                from schemawise.migrations.render import RevisionRenderer

                renderer = RevisionRenderer(
                    transactional_ddl=transactional,
                    sys_paths=sys_paths,
                    environment={"DATABASE_URL": database_url} if database_url else None,
                )
            rendering = renderer.render_chunks(revision)
            cache.put(revision, rendering)
        unit = unit_from_rendering(revision, rendering, transactional)
        unit.lock_timeout_in_force = lock_timeout
        unit.in_scope = revision.revision in graph.in_scope
        loaded.units.append(unit)
    cache.save()
    return loaded


def load_sql(source: SqlSource, settings: MigrationsSettings) -> Loaded:
    loaded = Loaded()
    lock_timeout = _lock_timeout_in_force(settings, None)
    for path in source.files:
        unit = LintUnit(
            path=str(path),
            starts_in_transaction=settings.sql_in_transaction,
            lock_timeout_in_force=lock_timeout,
        )
        loaded.units.append(unit)
        try:
            text = Path(path).read_bytes().decode("utf-8")
        except UnicodeDecodeError as error:
            unit.problems.append(
                Problem(
                    f"not UTF-8: byte 0x{error.object[error.start]:02x} at offset {error.start}",
                    str(path),
                )
            )
            continue
        except OSError as error:
            unit.problems.append(Problem(f"cannot read ({error.strerror})", str(path)))
            continue
        for statement in parse_statements(text):
            if statement.error:
                unit.problems.append(
                    Problem(f"SQL does not parse ({statement.error})", str(path), statement.line)
                )
            unit.statements.append(
                EmittedStatement(
                    sql=statement.sql,
                    path=str(path),
                    line=statement.line,
                    node=statement.node,
                    error=statement.error,
                )
            )
    return loaded
