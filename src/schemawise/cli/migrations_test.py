"""`schemawise migrations test`: the round trip on a scratch database, with progress and lock trace."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from schemawise.api import alembic_ini_for
from schemawise.cli import common
from schemawise.cli.app import migrations_app

if TYPE_CHECKING:
    # The round-trip machinery (alembic, rich progress) loads only when this command runs.
    from rich.console import Console

    from schemawise.roundtrip.results import RoundtripResults
    from schemawise.roundtrip.run import ProgressCallback, ProgressEvent


@contextmanager
def _progress(console: Console) -> Iterator[ProgressCallback]:
    """Revision n of N and the current step, on stderr, only when stderr is a terminal."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    with Progress(
        TextColumn("[bold]migrations test[/]"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[revision]} {task.fields[step]}"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    ) as progress:
        task = progress.add_task("revisions", total=None, revision="", step="starting")

        def update(event: ProgressEvent) -> None:
            progress.update(
                task,
                total=event.total or None,
                completed=max(event.position - 1, 0),
                revision=f"revision {event.revision}" if event.revision else "",
                step=event.step,
            )

        yield update


def _print_lock_trace(results: RoundtripResults, console: Console) -> None:
    from rich.table import Table

    from schemawise.roundtrip.results import short

    table = Table(title="lock trace", title_justify="left")
    for column in (
        "revision", "statement", "locks", "scans", "rewrite", "blocks reads", "blocks writes"
    ):  # fmt: skip
        table.add_column(column)
    table.add_column("ms", justify="right")
    for trace in results.statements:
        locks = "; ".join(
            f"{name}: {', '.join(mode.removesuffix('Lock') for mode in modes)}"
            for name, modes in trace.locks.items()
        )
        table.add_row(
            trace.revision.revision,
            short(trace.statement, 60),
            locks,
            ", ".join(trace.scanned) or "no",
            ", ".join(trace.rewritten) or "no",
            ", ".join(trace.blocks_reads) or "no",
            ", ".join(trace.blocks_writes) or "no",
            f"{trace.duration_ms:.1f}",
        )
    console.print(table)


@migrations_app.command("test")
def test(
    alembic_ini: Annotated[
        Path | None,
        typer.Option(
            "--alembic-ini",
            help="The project's alembic.ini (default: [tool.schemawise.migrations] paths, ./alembic.ini)",
            show_default=False,
        ),
    ] = None,
    database_url: common.DatabaseUrlOption = None,
    trace_locks: Annotated[
        bool,
        typer.Option(
            "--trace-locks",
            help="Replay the upgrades on tables holding rows and measure each statement's locks",
        ),
    ] = False,
    format: common.FormatOption = None,
    select: common.SelectOption = None,
    extend_select: common.ExtendSelectOption = None,
    ignore: common.IgnoreOption = None,
    config_file: common.ConfigOption = None,
    fail_on: common.FailOnOption = None,
) -> None:
    """Upgrade, downgrade and upgrade every revision on a scratch database, with rows in the tables."""
    config = common.build_config(
        format=format,
        select=select,
        extend_select=extend_select,
        ignore=ignore,
        config_file=config_file,
        fail_on=fail_on,
        database_url=database_url,
    )
    from rich.console import Console

    from schemawise.roundtrip.run import run_migration_test

    ini = alembic_ini or alembic_ini_for(config)
    console = Console(stderr=True)
    if not console.is_terminal:  # CI logs: wide enough that the trace table does not wrap
        console = Console(stderr=True, width=160)
    with _progress(console) as progress:
        results, diagnostics = run_migration_test(
            ini, config=config, trace_locks=trace_locks, progress=progress
        )
    if trace_locks:
        _print_lock_trace(results, console)
    common.note(f"tested {results.revisions} revisions of {ini}")
    sys.stderr.flush()
    common.report(diagnostics, config)
