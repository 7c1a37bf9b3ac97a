"""`--format json`: the stable object of DESIGN.md section 2 (version, diagnostics, summary)."""

from __future__ import annotations

import json
from typing import Any, TextIO

from schemawise.diagnostics import Diagnostic, summarize

JSON_VERSION = 1


def document(diagnostics: list[Diagnostic]) -> dict[str, Any]:
    return {
        "version": JSON_VERSION,
        "diagnostics": [d.to_dict() for d in diagnostics],
        "summary": summarize(diagnostics),
    }


def write(diagnostics: list[Diagnostic], stream: TextIO) -> None:
    json.dump(document(diagnostics), stream, indent=2, default=str)
    stream.write("\n")
