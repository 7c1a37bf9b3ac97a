"""`--format sarif`: SARIF 2.1.0, as GitHub code scanning uploads it.

Every rule that produced a result is listed in `tool.driver.rules` with its doc as help text; results
point at the file and line, or, for live-database findings with no file, at the table as a logical location.
"""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import Any, TextIO

from schemawise import __version__
from schemawise.diagnostics import Diagnostic, Severity
from schemawise.output.paths import display_path
from schemawise.registry import load_rules

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _rule_descriptor(code: str) -> dict[str, Any]:
    rule = load_rules().get(code)
    if rule is None:
        return {"id": code}
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary or rule.name},
        "fullDescription": {"text": rule.summary or rule.name},
        "help": {"text": rule.doc, "markdown": rule.doc},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {"tags": [rule.family]},
    }


def _location(diagnostic: Diagnostic, root: str | None) -> dict[str, Any]:
    path = display_path(diagnostic.path, root)
    if path:
        physical: dict[str, Any] = {"artifactLocation": {"uri": PurePath(path).as_posix()}}
        if diagnostic.line:
            physical["region"] = {"startLine": diagnostic.line}
        return {"physicalLocation": physical}
    name = diagnostic.table or diagnostic.object or "database"
    if diagnostic.column:
        name += f".{diagnostic.column}"
    return {"logicalLocations": [{"name": name, "kind": "object"}]}


def document(diagnostics: list[Diagnostic], root: str | None = None) -> dict[str, Any]:
    codes = sorted({d.code for d in diagnostics})
    index = {code: i for i, code in enumerate(codes)}
    results = []
    for diagnostic in diagnostics:
        text = diagnostic.message + (f"\nhelp: {diagnostic.help}" if diagnostic.help else "")
        results.append(
            {
                "ruleId": diagnostic.code,
                "ruleIndex": index[diagnostic.code],
                "level": _LEVEL[diagnostic.severity],
                "message": {"text": text},
                "locations": [_location(diagnostic, root)],
            }
        )
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "schemawise",
                        "version": __version__,
                        "informationUri": "https://github.com/schemawise/schemawise",
                        "rules": [_rule_descriptor(code) for code in codes],
                    }
                },
                "results": results,
            }
        ],
    }


def write(diagnostics: list[Diagnostic], stream: TextIO, *, root: str | None = None) -> None:
    json.dump(document(diagnostics, root), stream, indent=2)
    stream.write("\n")
