"""`schemawise check`: everything configured in `[tool.schemawise]`, the CI entry point."""

from __future__ import annotations

from schemawise import api
from schemawise.cli import common


def check(
    database_url: common.DatabaseUrlOption = None,
    format: common.FormatOption = None,
    select: common.SelectOption = None,
    extend_select: common.ExtendSelectOption = None,
    ignore: common.IgnoreOption = None,
    config_file: common.ConfigOption = None,
    fail_on: common.FailOnOption = None,
) -> None:
    """Run every configured check: model review, migration lint and migration test."""
    config = common.build_config(
        format=format,
        select=select,
        extend_select=extend_select,
        ignore=ignore,
        config_file=config_file,
        fail_on=fail_on,
        database_url=database_url,
    )
    diagnostics = api.check(config=config, progress=common.note)
    common.report(diagnostics, config)
