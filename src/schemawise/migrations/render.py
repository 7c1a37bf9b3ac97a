"""Alembic revisions to located SQL, in-process, without the project's env.py.

Each revision's `upgrade()` runs against one offline `MigrationContext` that schemawise configures itself
(`as_sql=True`, PostgreSQL dialect), exactly what `alembic upgrade prev:rev --sql` renders. The output
buffer is a capture: when Alembic writes a statement, the capture walks the Python stack to the frame
executing in the revision file, whose line is the `op.*` call that produced the statement (Python reports
the first line of a multi-line call). `autocommit_block()` shows up in the output as `COMMIT` ... `BEGIN`,
which the transaction model reads like any other SQL.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType, TracebackType

from alembic.operations import Operations
from alembic.runtime.migration import MigrationContext

from schemawise.migrations.revisions import RevisionFile
from schemawise.migrations.units import Problem, Rendering


class StatementCapture:
    """A file-like output buffer that records each write with the revision-file line emitting it."""

    def __init__(self) -> None:
        self.path = ""
        self.chunks: list[tuple[str, int | None, str | None]] = []

    def start(self, path: str) -> None:
        self.path = path
        self.chunks = []

    def write(self, text: str) -> int:
        if text.strip():
            self.chunks.append((text, *self._revision_call()))
        return len(text)

    def flush(self) -> None:
        pass

    def _revision_call(self) -> tuple[int | None, str | None]:
        """(line in the revision file, name of the function it called there) for this write.

        The function is the outermost named call below the revision's frame: `create_index` for
        `op.create_index(...)`, `autocommit_block` for the COMMIT/BEGIN its `with` emits.
        """
        frame = sys._getframe(2)
        called: str | None = None
        while frame is not None:
            if frame.f_code.co_filename == self.path:
                return frame.f_lineno, called
            name = frame.f_code.co_name
            if not name.startswith(("_", "<")):
                called = name
            frame = frame.f_back  # type: ignore[assignment]
        return None, None


def _line_in(path: str, trace: TracebackType | None) -> int | None:
    """The last line of `path` in a traceback: where the revision itself went wrong."""
    line = None
    for frame, lineno in traceback.walk_tb(trace):
        if frame.f_code.co_filename == path:
            line = lineno
    return line


def _describe(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0]}" if text else type(error).__name__


@contextmanager
def _revision_environment(paths: list[Path], variables: dict[str, str]) -> Iterator[None]:
    """sys.path and environment variables the project's code expects, for the render only."""
    added = [str(p) for p in paths if str(p) not in sys.path]
    sys.path[:0] = added
    missing = {name: value for name, value in variables.items() if name not in os.environ}
    os.environ.update(missing)
    try:
        yield
    finally:
        for path in added:
            if path in sys.path:
                sys.path.remove(path)
        for name in missing:
            os.environ.pop(name, None)


class RevisionRenderer:
    """Renders revisions one by one through a single offline migration context."""

    def __init__(
        self,
        *,
        transactional_ddl: bool,
        sys_paths: list[Path],
        environment: dict[str, str] | None = None,
    ) -> None:
        self.capture = StatementCapture()
        self.transactional_ddl = transactional_ddl
        self.sys_paths = sys_paths
        # e.g. DATABASE_URL from --database-url, for settings modules revisions import
        self.environment = environment or {}
        self.context = MigrationContext.configure(
            dialect_name="postgresql",
            opts={
                "as_sql": True,
                "output_buffer": self.capture,
                "transactional_ddl": transactional_ddl,
                "literal_binds": True,
            },
        )
        # MigrationContext wraps the buffer; point the DDL implementation at the capture itself.
        self.context.impl.output_buffer = self.capture  # type: ignore[assignment]

    def _load(self, revision: RevisionFile, problems: list[Problem]) -> ModuleType | None:
        name = f"schemawise_revision_{abs(hash(revision.path))}"
        spec = importlib.util.spec_from_file_location(name, revision.path)
        if spec is None or spec.loader is None:
            problems.append(Problem("cannot load revision module", revision.path))
            return None
        module = importlib.util.module_from_spec(spec)
        try:
            with _revision_environment(self.sys_paths, self.environment):
                if revision.parsed is not None:  # already parsed for its facts: compile that
                    exec(compile(revision.parsed, revision.path, "exec"), module.__dict__)
                else:
                    spec.loader.exec_module(module)
        except (Exception, SystemExit) as error:
            line = _line_in(revision.path, error.__traceback__)
            hint = ""
            if isinstance(error, ModuleNotFoundError):
                hint = (
                    "; run from the project root or list its directory in alembic.ini "
                    "`prepend_sys_path`"
                )
            elif isinstance(error, KeyError) and error.args:
                hint = f"; set `{error.args[0]}` in the environment (DATABASE_URL: --database-url)"
            problems.append(
                Problem(
                    f"revision cannot be imported ({_describe(error)}{hint})", revision.path, line
                )
            )
            return None
        if not callable(getattr(module, "upgrade", None)):
            problems.append(Problem("revision has no `upgrade()` function", revision.path))
            return None
        return module

    def render_chunks(self, revision: RevisionFile) -> Rendering:
        """What `upgrade()` writes, each write with its revision-file line; problems on the way."""
        rendering = Rendering()
        if revision.problem is not None:
            rendering.problems.append(revision.problem)
            return rendering
        module = self._load(revision, rendering.problems)
        if module is None:
            return rendering
        self.capture.start(revision.path)
        try:
            with (
                _revision_environment(self.sys_paths, self.environment),
                Operations.context(self.context),
            ):
                module.upgrade()
        except (Exception, SystemExit) as error:
            line = _line_in(revision.path, error.__traceback__)
            hint = ""
            if isinstance(error, AttributeError) and "NoneType" in str(error):
                hint = " (offline there is no database: `op.get_bind().execute(...)` returns None)"
            rendering.problems.append(
                Problem(
                    f"upgrade() raised while rendering offline ({_describe(error)}){hint}; "
                    "statements after this point are not linted",
                    revision.path,
                    line,
                )
            )
        rendering.chunks = list(self.capture.chunks)
        return rendering
