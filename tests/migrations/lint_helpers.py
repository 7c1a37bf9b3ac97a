"""Helpers for migration lint tests: revision sources, linting with overrides, finding summaries."""

from __future__ import annotations

import textwrap
from pathlib import Path

from schemawise.config import Config
from schemawise.diagnostics import Diagnostic
from schemawise.migrations.lint import lint_migrations


def revision_source(
    revision: str,
    down_revision: str | tuple[str, ...] | None,
    upgrade: str = "pass",
    downgrade: str = "pass",
    header: str = "",
    extra: str = "",
) -> str:
    """A revision module like `alembic revision` writes, with the given function bodies."""
    body = textwrap.dedent(upgrade).strip("\n")
    down = textwrap.dedent(downgrade).strip("\n")
    return (
        f'"""revision {revision}"""\n'
        "from alembic import op\n"
        "import sqlalchemy as sa\n"
        f"{textwrap.dedent(header)}\n"
        f"revision = {revision!r}\n"
        f"down_revision = {down_revision!r}\n"
        f"{textwrap.dedent(extra)}\n\n"
        "def upgrade() -> None:\n" + textwrap.indent(body, "    ") + "\n\n\n"
        "def downgrade() -> None:\n" + textwrap.indent(down, "    ") + "\n"
    )


def lint(paths: list[Path], **config: object) -> list[Diagnostic]:
    """`lint_migrations` with a default configuration plus `config` overrides."""
    settings = Config()
    for key, value in config.items():
        if hasattr(settings.migrations, key):
            setattr(settings.migrations, key, value)
        else:
            setattr(settings, key, value)
    return lint_migrations(paths, settings)


def codes_at(diagnostics: list[Diagnostic]) -> set[tuple[str, int | None]]:
    return {(d.code, d.line) for d in diagnostics}
