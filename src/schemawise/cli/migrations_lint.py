"""`schemawise migrations lint`: MG rules on Alembic revisions and .sql files."""

from __future__ import annotations

from typing import Annotated

import typer

from schemawise import api
from schemawise.cli import common
from schemawise.cli.app import migrations_app


@migrations_app.command("lint")
def lint(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="alembic.ini, a directory holding one, an Alembic script directory, or .sql files "
            "(default: [tool.schemawise.migrations] paths)",
            show_default=False,
        ),
    ] = None,
    pg_version: Annotated[
        int | None,
        typer.Option(
            "--pg-version",
            help="PostgreSQL major version the migrations run on (default: the server's with "
            "--database-url, else 15)",
            show_default=False,
        ),
    ] = None,
    database_url: Annotated[
        str | None,
        typer.Option(
            "--database-url",
            help="A database to read table sizes from (read-only), grading findings by size",
            show_default=False,
        ),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            help="Lint only revisions after this one (a baseline for existing histories)",
            show_default=False,
        ),
    ] = None,
    format: common.FormatOption = None,
    select: common.SelectOption = None,
    extend_select: common.ExtendSelectOption = None,
    ignore: common.IgnoreOption = None,
    config_file: common.ConfigOption = None,
    fail_on: common.FailOnOption = None,
) -> None:
    """Lint migrations for locks, table rewrites and changes that break running code."""
    config = common.build_config(
        format=format,
        select=select,
        extend_select=extend_select,
        ignore=ignore,
        config_file=config_file,
        fail_on=fail_on,
        sections={"migrations": {"pg_version": pg_version, "lint_from": since}},
    )
    # Only an explicit --database-url grades by size: a DATABASE_URL pointing at a small development
    # database would otherwise turn every lock finding into info.
    diagnostics = api.lint_migrations(paths, database_url=database_url, config=config)
    common.report(diagnostics, config)
