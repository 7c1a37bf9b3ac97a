"""`schemawise review`: SM rules on models or on a live database's schema."""

from __future__ import annotations

from typing import Annotated

import typer

from schemawise import api
from schemawise.cli import common


def review(
    targets: Annotated[
        list[str] | None,
        typer.Argument(
            help="pkg.module, pkg.module:metadata, path/to/models.py or a package directory",
            show_default=False,
        ),
    ] = None,
    database_url: common.DatabaseUrlOption = None,
    format: common.FormatOption = None,
    select: common.SelectOption = None,
    extend_select: common.ExtendSelectOption = None,
    ignore: common.IgnoreOption = None,
    config_file: common.ConfigOption = None,
    fail_on: common.FailOnOption = None,
) -> None:
    """Review models (or, with --database-url, a live database) against the SM rules."""
    config = common.build_config(
        format=format,
        select=select,
        extend_select=extend_select,
        ignore=ignore,
        config_file=config_file,
        fail_on=fail_on,
    )
    # Only an explicit --database-url switches to the live schema: DATABASE_URL in the environment
    # is common in app shells and must not silently change what `review app.models` reviews.
    diagnostics = api.review(targets, database_url=database_url, config=config)
    common.report(diagnostics, config)
