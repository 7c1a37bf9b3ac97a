"""`[tool.schemawise.roundtrip]`: how `schemawise migrations test` runs."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class RoundtripSettings:
    # Revisions whose downgrade is knowingly irreversible: stepped over with a note.
    irreversible: list[str] = field(default_factory=list)
    # Per-statement timeout on the scratch database, in milliseconds.
    statement_timeout_ms: int = 60_000
