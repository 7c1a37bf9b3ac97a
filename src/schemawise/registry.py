"""The rule registry: every rule declares its code, name, severity and doc next to its body.

A rule is a plain function decorated with `@rule(...)`. Its docstring is its documentation (printed by
`schemawise rule CODE`) in four sections: What it does / Why is this bad? / Example / Use instead.
The function receives the context of its family (a `ReviewContext` for SM rules, a migration context for
MG rules, ...) and yields `Finding`s; the runner turns them into `Diagnostic`s with the rule's code,
name and severity, so a rule body never repeats them.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from schemawise.diagnostics import Diagnostic, Severity

# Packages whose modules hold rules; `load_rules()` imports every module below them.
RULE_PACKAGES = (
    "schemawise.models.rules",
    "schemawise.migrations.rules",
    "schemawise.roundtrip.rules",
    "schemawise.queries.rules",
    "schemawise.indexes.rules",
    "schemawise.tool_rules",
)

# Which command family a code prefix belongs to.
FAMILIES = {
    "SM": "models",
    "MG": "migrations",
    "RT": "roundtrip",
    "NQ": "queries",
    "EX": "plans",
    "IX": "indexes",
    "SW": "tool",
}


@dataclass(frozen=True, slots=True)
class Finding:
    """What a rule yields: one instance of the flagged pattern."""

    message: str
    help: str | None = None
    path: str | None = None
    line: int | None = None
    table: str | None = None
    column: str | None = None
    object: str | None = None
    # Set only when a rule grades an instance itself (e.g. by table size); else the rule's severity.
    severity: Severity | None = None


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    check: Callable[..., Iterable[Finding]]
    doc: str
    opt_in: bool = False
    # Where an SM rule applies: "models" (ORM/MetaData), "database" (live pg_catalog), or both.
    sources: frozenset[str] = field(default_factory=lambda: frozenset({"models", "database"}))

    @property
    def family(self) -> str:
        return FAMILIES[self.code[:2]]

    @property
    def summary(self) -> str:
        """First sentence of "What it does", for the catalog table."""
        body = self.doc.split("## What it does", 1)[-1].strip()
        first = body.split("\n\n", 1)[0].replace("\n", " ").strip()
        return first

    def diagnostic(self, finding: Finding) -> Diagnostic:
        return Diagnostic(
            code=self.code,
            name=self.name,
            severity=finding.severity or self.severity,
            message=finding.message,
            help=finding.help,
            path=finding.path,
            line=finding.line,
            table=finding.table,
            column=finding.column,
            object=finding.object,
        )

    def run(self, context: object) -> list[Diagnostic]:
        return [self.diagnostic(finding) for finding in self.check(context)]


RULES: dict[str, Rule] = {}


def rule(
    code: str,
    name: str,
    *,
    severity: Severity | str = Severity.WARNING,
    opt_in: bool = False,
    sources: Iterable[str] = ("models", "database"),
) -> Callable[[Callable[..., Iterable[Finding]]], Callable[..., Iterable[Finding]]]:
    """Register the decorated function as rule `code`."""

    def register(check: Callable[..., Iterable[Finding]]) -> Callable[..., Iterable[Finding]]:
        if code in RULES and RULES[code].check.__qualname__ != check.__qualname__:
            raise RuntimeError(f"rule code {code} registered twice")
        doc = inspect.cleandoc(check.__doc__ or "")
        for section in ("## What it does", "## Why is this bad?", "## Example", "## Use instead"):
            if section not in doc:
                raise RuntimeError(f"rule {code} doc lacks the section {section!r}")
        RULES[code] = Rule(
            code=code,
            name=name,
            severity=Severity(severity),
            check=check,
            doc=doc,
            opt_in=opt_in,
            sources=frozenset(sources),
        )
        return check

    return register


_loaded = False


def load_rules() -> dict[str, Rule]:
    """Import every rule module once; return the registry sorted by code."""
    global _loaded
    if not _loaded:
        for package_name in RULE_PACKAGES:
            try:
                package = importlib.import_module(package_name)
            except ModuleNotFoundError as error:
                if error.name == package_name:
                    continue  # that family has no rules yet
                raise
            for module in pkgutil.iter_modules(package.__path__, package_name + "."):
                importlib.import_module(module.name)
        _loaded = True
    return dict(sorted(RULES.items()))


def rules_of_family(family: str) -> list[Rule]:
    return [r for r in load_rules().values() if r.family == family]
