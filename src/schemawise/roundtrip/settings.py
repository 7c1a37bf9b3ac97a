"""`[tool.schemawise.roundtrip]`: how `schemawise migrations test` runs."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class RoundtripSettings:
    # Revisions whose downgrade is knowingly irreversible: stepped over with a note.
    irreversible: list[str] = field(default_factory=list)
    # Per-statement timeout on the scratch database, in milliseconds.
    statement_timeout_ms: int = 60_000
    # Rows generated into every existing table before each upgrade (0 turns RT005/RT006 off).
    seed_rows: int = 2
    # Rows per table on the lock-trace database (`--trace-locks`): enough to make rewrites visible.
    lock_trace_rows: int = 200
    # How long the second connection waits for a lock before calling a table blocked, in milliseconds.
    lock_probe_timeout_ms: int = 50
    # Scratch databases older than this, left by killed runs, are dropped at the start of a run.
    stale_scratch_minutes: int = 60
    # Models for RT004 when the Alembic env has no `target_metadata` (`pkg.module`, `path/models.py`).
    models: list[str] = field(default_factory=list)
