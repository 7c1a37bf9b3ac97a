"""The reference example's migrations pass the whole migration test."""

from __future__ import annotations

from pathlib import Path

from roundtrip_helpers import run_project

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "videoeditor"


def test_videoeditor_migrations_pass_with_no_findings(server_url: str) -> None:
    assert run_project(EXAMPLE, server_url) == []
