"""Running one Alembic revision at a time on a scratch database, through the project's own env.py.

Each step runs `env.py` with a migration function that returns exactly one `MigrationStep` (this
revision's upgrade or downgrade), so merges and branches step exactly as Alembic would walk them. The
scratch database is handed to env.py three ways, because env.py files differ in where they look: the
`connection` attribute (Alembic's "sharing a connection" recipe), `sqlalchemy.url`, and `DATABASE_URL`
for the length of the step. The last also means an env.py that reads `DATABASE_URL` can never reach the
user's own database during a test.
"""

from __future__ import annotations

import os
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic.config import Config as AlembicConfig
from alembic.runtime.environment import EnvironmentContext
from alembic.runtime.migration import MigrationContext, MigrationStep
from alembic.script import Script, ScriptDirectory
from sqlalchemy import MetaData, create_engine, exc
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.pool import StaticPool

from schemawise.errors import MigrationParseError
from schemawise.pg.urls import to_sqlalchemy


@dataclass(frozen=True)
class StepFailure:
    """A step that raised: where, what SQL, and PostgreSQL's own words."""

    revision: str
    path: str | None
    line: int | None
    statement: str | None
    error: str
    # Set when the step failed only on its second run, after the revision's own downgrade.
    after_downgrade: bool = False


class StepFailed(Exception):
    def __init__(self, failure: StepFailure) -> None:
        super().__init__(failure.error)
        self.failure = failure


def load_project(alembic_ini: Path) -> tuple[AlembicConfig, ScriptDirectory]:
    """The Alembic config and script directory of `alembic_ini`, or `MigrationParseError`."""
    if not alembic_ini.is_file():
        raise MigrationParseError(f"{alembic_ini}: no such Alembic configuration file")
    config = AlembicConfig(str(alembic_ini))
    try:
        script = ScriptDirectory.from_config(config)
        script.revision_map.heads  # noqa: B018 - forces every revision file to load
    except Exception as error:
        raise MigrationParseError(
            f"{alembic_ini}: cannot load the Alembic scripts: {error}"
        ) from None
    return config, script


def revisions_base_first(script: ScriptDirectory) -> list[Script]:
    """Every revision, each after all of its down revisions (Alembic walks heads-first)."""
    return list(reversed(list(script.walk_revisions("base", "heads"))))


def _failure(error: BaseException, script: Script | None) -> StepFailure:
    statement, message = None, f"{type(error).__name__}: {error}".strip()
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, exc.StatementError):
            statement = str(cause.statement).strip() if cause.statement else None
            orig = getattr(cause, "orig", None)
            if orig is not None:
                message = str(orig).strip().splitlines()[0]
            break
        cause = cause.__cause__ or cause.__context__
    line = None
    revision_file = os.path.realpath(script.path) if script and script.path else None
    for frame in traceback.extract_tb(error.__traceback__):
        if revision_file and os.path.realpath(frame.filename) == revision_file:
            line = frame.lineno  # the innermost frame in the revision file: the op that failed
    if script is None:
        return StepFailure("heads", None, None, statement, message)
    return StepFailure(script.revision, script.path, line, statement, message)


@contextmanager
def _database_url_environment(url: str) -> Iterator[None]:
    previous = os.environ.get("DATABASE_URL")
    os.environ["DATABASE_URL"] = url
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("DATABASE_URL", None)
        else:
            os.environ["DATABASE_URL"] = previous


class AlembicRunner:
    """Steps one revision up or down on one scratch database, through env.py."""

    def __init__(self, alembic_ini: Path, database_url: str) -> None:
        self.config, self.script = load_project(alembic_ini)
        self.database_url = database_url
        self.engine: Engine = create_engine(to_sqlalchemy(database_url), poolclass=StaticPool)
        self.connection: Connection | None = self.engine.connect()
        self._sharing_decided = False
        # ConfigParser interpolates `%`: a password with `%` must be doubled.
        self.config.set_main_option(
            "sqlalchemy.url", to_sqlalchemy(database_url).replace("%", "%%")
        )
        self.config.attributes["connection"] = self.connection

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
        self.engine.dispose()

    def _share_engine_instead(self, error: Exception) -> bool:
        """env.py files written for pytest-alembic call `.connect()` on the shared object, which
        must then be an Engine; the Alembic recipe wants a Connection. Switch once, on first use."""
        if self._sharing_decided or self.connection is None:
            return False
        text = str(error)
        if "has no attribute 'connect'" not in text and "'Connection' object" not in text:
            return False
        self.connection.close()
        self.connection = None
        self.config.attributes["connection"] = self.engine
        return True

    def __enter__(self) -> AlembicRunner:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _run_env(
        self, fn: Callable[[Any, MigrationContext], list[Any]], script: Script | None
    ) -> None:
        """Run env.py with `fn` as its migration function. A failure before env.py reaches
        `run_migrations()` is the environment's (`MigrationParseError`); after it, the step's."""
        connection = self.connection
        if connection is not None and connection.in_transaction():
            connection.rollback()
        reached_migrations = False

        def step(heads: Any, context: MigrationContext) -> list[Any]:
            nonlocal reached_migrations
            reached_migrations = True
            return fn(heads, context)

        try:
            with (
                _database_url_environment(self.database_url),
                EnvironmentContext(self.config, self.script, fn=step),
            ):
                self.script.run_env()
            if connection is not None and connection.in_transaction():
                connection.commit()
            self._sharing_decided = True
        except Exception as error:
            if connection is not None and (connection.in_transaction() or connection.invalidated):
                connection.rollback()
            if self._share_engine_instead(error):
                self._run_env(fn, script)
                return
            if not reached_migrations:
                env_py = Path(self.script.dir) / "env.py"
                message = " ".join(f"{type(error).__name__}: {error}".split())
                raise MigrationParseError(
                    f"{env_py}: the Alembic environment fails: {message}"
                ) from None
            raise StepFailed(_failure(error, script)) from error

    def upgrade(self, script: Script) -> None:
        revision_map = self.script.revision_map
        self._run_env(
            lambda heads, ctx: [MigrationStep.upgrade_from_script(revision_map, script)], script
        )

    def downgrade(self, script: Script) -> None:
        revision_map = self.script.revision_map
        self._run_env(
            lambda heads, ctx: [MigrationStep.downgrade_from_script(revision_map, script)], script
        )

    def model_differences(self, fallback: MetaData | None) -> tuple[list[Any], bool]:
        """Alembic's `compare_metadata` at the current revision against env.py's `target_metadata`
        (or `fallback` when env.py sets none); the flag says whether any metadata was compared."""
        from alembic.autogenerate import compare_metadata

        found: dict[str, Any] = {"diffs": [], "compared": False}

        def compare(heads: Any, context: MigrationContext) -> list[Any]:
            metadata = context.opts.get("target_metadata") or fallback
            if metadata is not None:
                found["diffs"] = compare_metadata(context, metadata)
                found["compared"] = True
            return []

        self._run_env(compare, None)
        return found["diffs"], found["compared"]
