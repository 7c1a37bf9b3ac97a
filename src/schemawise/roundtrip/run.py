"""`test_migrations`: the whole migration test, as one library call returning diagnostics.

For each revision, base first: seed rows into every table, upgrade (retrying on emptied tables when
it fails, to tell RT005 from RT001), check the rows survived, downgrade, compare the catalog with the
snapshot taken before the upgrade (RT003) and the rows with the capture (RT006), upgrade again. At
head, compare with the models (RT004). With `trace_locks`, replay the upgrades on a second scratch
database whose tables hold rows, tracing each statement (RT101-RT103).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import psycopg
from alembic.script import Script
from psycopg import sql

from schemawise.config import Config, load_config
from schemawise.diagnostics import Diagnostic
from schemawise.pg.connect import connect
from schemawise.pg.server import server_url
from schemawise.registry import Rule
from schemawise.roundtrip import rows as row_checks
from schemawise.roundtrip.alembic_project import AlembicRunner, StepFailed, revisions_base_first
from schemawise.roundtrip.locktrace import LockTracer
from schemawise.roundtrip.model_diff import describe
from schemawise.roundtrip.results import DataLoss, NotInverse, RevisionRef, RoundtripResults
from schemawise.roundtrip.scratch import scratch_database
from schemawise.roundtrip.seeding import Seeder
from schemawise.roundtrip.settings import RoundtripSettings
from schemawise.roundtrip.snapshot import Snapshot, changed_tables, diff, take_snapshot
from schemawise.selection import Selection
from schemawise.suppression import SuppressionSet


@dataclass(frozen=True)
class ProgressEvent:
    position: int  # 1-based revision number
    total: int
    revision: str
    step: str  # "seed", "upgrade", "downgrade", "compare models", "trace locks", ...


ProgressCallback = Callable[[ProgressEvent], None]


def _truncate_all(conn: psycopg.Connection, skip: set[str]) -> None:
    tables = row_checks.capture(conn, skip)  # cheap at these sizes, and lists every table
    names = [
        sql.Identifier(*name.split(".", 1)) if "." in name else sql.Identifier(name)
        for name in tables
    ]
    if names:
        conn.execute(sql.SQL("TRUNCATE {} CASCADE").format(sql.SQL(", ").join(names)))


class RoundTrip:
    """One run of the step-wise round trip on one scratch database."""

    def __init__(
        self,
        alembic_ini: Path,
        database_url: str,
        settings: RoundtripSettings,
        results: RoundtripResults,
        progress: ProgressCallback | None,
    ) -> None:
        self.runner = AlembicRunner(alembic_ini, database_url)
        self.conn = connect(database_url, read_only=False, autocommit=True)
        self.settings = settings
        self.results = results
        self.progress = progress or (lambda event: None)
        version_table = self.runner.config.get_main_option("version_table") or "alembic_version"
        self.skip = {version_table}
        self.seeder = Seeder(version_table)

    def close(self) -> None:
        self.runner.close()
        self.conn.close()

    def _capture(self) -> dict[str, row_checks.TableRows]:
        return row_checks.capture(self.conn, self.skip) if self.settings.seed_rows else {}

    def walk(self, check_models: bool, models_fallback: object | None) -> bool:
        """Round-trip every revision, then compare models at head; True when head was reached."""
        try:
            reached_head = self._walk_revisions()
        finally:
            self.results.unseedable.update(self.seeder.unseedable)
        if reached_head and check_models:
            self._compare_models(models_fallback)
        return reached_head

    def _walk_revisions(self) -> bool:
        revisions = revisions_base_first(self.runner.script)
        self.results.revisions = len(revisions)
        self.results.revision_paths = [script.path for script in revisions if script.path]
        irreversible = set(self.settings.irreversible)
        before_schema = take_snapshot(self.conn, self.skip)
        # Tables keep their rows from step to step; only new or changed tables get new rows.
        seeded_schema: Snapshot | None = None
        for position, script in enumerate(revisions, start=1):
            ref = RevisionRef(script.revision, script.path)

            def step(name: str, script_id: str = script.revision, at: int = position) -> None:
                self.progress(ProgressEvent(at, len(revisions), script_id, name))

            if self.settings.seed_rows:
                step("seed rows")
                changed = changed_tables(seeded_schema, before_schema)
                if changed:
                    self.seeder.seed(self.conn, self.settings.seed_rows, only=changed)
                seeded_schema = before_schema
            rows_before = self._capture()
            step("upgrade")
            outcome = self._upgrade_populated(script, rows_before)
            if outcome == "failed":
                return False
            if outcome == "passed on emptied tables":
                rows_before = {}  # the rows were removed to retry; nothing left to compare
                seeded_schema = None  # so every table gets rows again
            for loss in row_checks.lost_rows(rows_before, self._capture()):
                self.results.data_losses.append(DataLoss(ref, "upgrade", loss))
            if script.revision in irreversible:
                self.results.irreversible_skipped.append(ref)
                before_schema = take_snapshot(self.conn, self.skip)
                continue
            step("downgrade")
            try:
                self.runner.downgrade(script)
            except StepFailed as failed:
                self.results.downgrade_failures.append(failed.failure)
                before_schema = take_snapshot(self.conn, self.skip)
                continue
            changes = diff(before_schema, take_snapshot(self.conn, self.skip))
            if changes:
                self.results.not_inverse.append(NotInverse(ref, changes))
            rows_after = self._capture()
            losses = row_checks.lost_rows(rows_before, rows_after)
            losses += row_checks.changed_values(rows_before, rows_after)
            self.results.data_losses.extend(DataLoss(ref, "downgrade", loss) for loss in losses)
            step("upgrade again")
            try:
                self.runner.upgrade(script)
            except StepFailed as failed:
                self.results.upgrade_failures.append(replace(failed.failure, after_downgrade=True))
                return False
            before_schema = take_snapshot(self.conn, self.skip)
        return True

    def _compare_models(self, models_fallback: object | None) -> None:
        total = self.results.revisions
        self.progress(ProgressEvent(total, total, "heads", "compare models"))
        try:
            differences, compared = self.runner.model_differences(models_fallback)  # type: ignore[arg-type]
        except StepFailed as failed:
            self.results.upgrade_failures.append(failed.failure)
            return
        self.results.models_compared = compared
        self.results.model_differences.extend(describe(differences))

    def _upgrade_populated(
        self, script: Script, rows_before: dict[str, row_checks.TableRows]
    ) -> str:
        """Upgrade with rows in place; on failure retry on emptied tables to tell RT005 from RT001."""
        try:
            self.runner.upgrade(script)
            return "passed"
        except StepFailed as failed:
            populated = any(table.count for table in rows_before.values())
            if not populated:
                self.results.upgrade_failures.append(failed.failure)
                return "failed"
            _truncate_all(self.conn, self.skip)
            try:
                self.runner.upgrade(script)
            except StepFailed as again:
                self.results.upgrade_failures.append(again.failure)
                return "failed"
            self.results.populated_failures.append(failed.failure)
            return "passed on emptied tables"

    def trace_locks(self, tracer: LockTracer) -> None:
        revisions = revisions_base_first(self.runner.script)
        for position, script in enumerate(revisions, start=1):
            self.progress(ProgressEvent(position, len(revisions), script.revision, "trace locks"))
            self.seeder.seed(self.conn, self.settings.lock_trace_rows, top_up=True)
            tracer.revision = RevisionRef(script.revision, script.path)
            try:
                with tracer:
                    self.runner.upgrade(script)
            except StepFailed:
                return  # the round trip reports upgrade failures; the trace stops here


def _models_fallback(config: Config) -> object | None:
    targets = config.roundtrip.models or config.models
    if not targets:
        return None
    from schemawise.models.loader import load_models

    loaded = load_models(list(targets), config.root)
    if len(loaded.metadatas) == 1:
        return loaded.metadatas[0]
    return loaded.metadatas or None


def measure(
    alembic_ini: Path,
    server: str,
    settings: RoundtripSettings,
    *,
    check_models: bool = True,
    models_fallback: object | None = None,
    trace_locks: bool = False,
    progress: ProgressCallback | None = None,
) -> RoundtripResults:
    """Run the migration test on scratch databases on `server`; return what was measured."""
    results = RoundtripResults()
    if progress is not None:
        progress(ProgressEvent(0, 0, "", "creating the scratch database"))
    with scratch_database(
        server,
        statement_timeout_ms=settings.statement_timeout_ms,
        stale_after_minutes=settings.stale_scratch_minutes,
    ) as scratch_url:
        round_trip = RoundTrip(alembic_ini, scratch_url, settings, results, progress)
        try:
            reached_head = round_trip.walk(check_models, models_fallback)
        finally:
            round_trip.close()
    if trace_locks and reached_head:
        with scratch_database(
            server,
            statement_timeout_ms=settings.statement_timeout_ms,
            stale_after_minutes=settings.stale_scratch_minutes,
        ) as trace_url:
            replay = RoundTrip(alembic_ini, trace_url, settings, RoundtripResults(), progress)
            tracer = LockTracer(trace_url, settings.lock_probe_timeout_ms, replay.skip)
            try:
                replay.trace_locks(tracer)
            finally:
                replay.close()
                tracer.close()
            results.statements = tracer.traces
    return results


def report(results: RoundtripResults, rules: list[Rule]) -> list[Diagnostic]:
    """Findings of the selected rules, minus those a `# schemawise: ignore[RT...]` comment on the
    reported revision line suppresses (e.g. on `def downgrade():`)."""
    diagnostics = [d for rule in rules for d in rule.run(results)]
    suppressions = SuppressionSet.collect(results.revision_paths)
    return suppressions.apply(diagnostics, rules)


def run_migration_test(
    alembic_ini: str | Path = "alembic.ini",
    *,
    database_url: str | None = None,
    config: Config | None = None,
    trace_locks: bool = False,
    progress: ProgressCallback | None = None,
) -> tuple[RoundtripResults, list[Diagnostic]]:
    """`test_migrations`, also returning the measurements (the lock trace table, the diffs)."""
    config = config or load_config()
    selection = Selection.build(config.select, config.extend_select, config.ignore)
    rules = selection.rules("roundtrip")
    codes = {rule.code for rule in rules}
    check_models = "RT004" in codes
    fallback = _models_fallback(config) if check_models else None
    settings = config.roundtrip
    if not codes & {"RT005", "RT006"}:
        settings = dataclasses.replace(settings, seed_rows=0)
    with server_url(database_url or config.database_url) as server:
        results = measure(
            Path(alembic_ini),
            server,
            settings,
            check_models=check_models,
            models_fallback=fallback,
            trace_locks=trace_locks,
            progress=progress,
        )
    return results, report(results, rules)


def test_migrations(
    alembic_ini: str | Path = "alembic.ini",
    *,
    database_url: str | None = None,
    config: Config | None = None,
    trace_locks: bool = False,
    progress: ProgressCallback | None = None,
) -> list[Diagnostic]:
    """Round-trip every revision of `alembic_ini` on a scratch database and report RT findings.

    `database_url` names the server (its own database is never changed); `None` uses the config's
    URL, then `DATABASE_URL`, then an embedded throwaway server. `trace_locks` adds the measured
    lock trace (RT101-RT103). Findings are filtered by the config's `select`/`ignore`.
    """
    _results, diagnostics = run_migration_test(
        alembic_ini,
        database_url=database_url,
        config=config,
        trace_locks=trace_locks,
        progress=progress,
    )
    return diagnostics


test_migrations.__test__ = False  # type: ignore[attr-defined]  # not a pytest test despite its name
