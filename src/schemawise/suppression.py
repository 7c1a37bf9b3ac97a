"""Suppressions: comments in source files and table-level ignores, applied to any family's diagnostics.

Forms (DESIGN.md section 2):
- `# schemawise: ignore[SM201]` at the end of a Python line suppresses those codes on that line; on a
  line of its own it applies to the next code line (so it can sit above a long `op.*` call);
- `-- schemawise: ignore[MG001]` in SQL: on a line of its own before a statement, or at the end of a line;
- `# schemawise: ignore` / `-- schemawise: ignore` without codes suppresses every code on that line;
- `__table_args__ = (..., {"info": {"schemawise": {"ignore": ["SM001"]}}})` suppresses codes for the table.
Codes may be rule codes or rule names. A suppression that suppresses nothing is reported as SW001, but only
when the rules it names actually ran (a model-file comment for an MG rule is not "unused" in a review).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from schemawise.diagnostics import Diagnostic
from schemawise.registry import Finding, Rule, load_rules

_COMMENT = re.compile(r"(?:#|--)\s*schemawise:\s*ignore(?:\[([^\]]*)\])?", re.IGNORECASE)


@dataclass
class Suppression:
    path: str
    comment_line: int
    applies_to: int
    codes: tuple[str, ...]  # empty: every code
    table: str | None = None  # set for table-level ignores
    used: set[str] = field(default_factory=set)

    def matches(self, diagnostic: Diagnostic) -> bool:
        return not self.codes or diagnostic.code in self.codes or diagnostic.name in self.codes


def _normalize(code: str) -> str:
    code = code.strip()
    return code if "-" in code else code.upper()


def _is_code_line(text: str) -> bool:
    stripped = text.strip()
    return bool(stripped) and not stripped.startswith(("#", "--"))


def scan_file(path: str) -> list[Suppression]:
    """Every suppression comment in one Python or SQL file."""
    try:
        lines = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
    if not any("schemawise" in line for line in lines):
        return []
    found = []
    for number, text in enumerate(lines, start=1):
        match = _COMMENT.search(text)
        if not match:
            continue
        codes = tuple(_normalize(c) for c in (match.group(1) or "").split(",") if c.strip())
        target = number
        if not _is_code_line(text[: match.start()]):
            # A comment on a line of its own covers the next code line.
            for following in range(number, len(lines)):
                if _is_code_line(lines[following]):
                    target = following + 1
                    break
        found.append(Suppression(path, number, target, codes))
    return found


@dataclass
class SuppressionSet:
    by_line: dict[tuple[str, int], list[Suppression]] = field(default_factory=dict)
    by_table: dict[str, list[Suppression]] = field(default_factory=dict)

    @classmethod
    def collect(
        cls,
        files: Iterable[str],
        table_ignores: dict[str, tuple[tuple[str, ...], str | None, int | None]] | None = None,
    ) -> SuppressionSet:
        """`table_ignores`: table -> (codes, path, line) from `__table_args__` info."""
        result = cls()
        for path in sorted(set(files)):
            for suppression in scan_file(path):
                result.by_line.setdefault((path, suppression.applies_to), []).append(suppression)
        for table, (codes, path, line) in (table_ignores or {}).items():
            suppression = Suppression(
                path or "", line or 0, line or 0, tuple(_normalize(c) for c in codes), table=table
            )
            result.by_table.setdefault(table, []).append(suppression)
        return result

    def apply(self, diagnostics: list[Diagnostic], ran: list[Rule]) -> list[Diagnostic]:
        """Drop suppressed diagnostics; add SW001 for suppressions of rules that ran and hit nothing."""
        kept = []
        for diagnostic in diagnostics:
            candidates = []
            if diagnostic.path and diagnostic.line:
                candidates += self.by_line.get((diagnostic.path, diagnostic.line), [])
            if diagnostic.table:
                candidates += self.by_table.get(diagnostic.table, [])
            hit = [s for s in candidates if s.matches(diagnostic)]
            for suppression in hit:
                suppression.used.add(diagnostic.code)
            if not hit:
                kept.append(diagnostic)
        return kept + self._unused(ran)

    def _unused(self, ran: list[Rule]) -> list[Diagnostic]:
        registry = load_rules()
        sw001 = registry.get("SW001")
        if sw001 is None or sw001 not in ran:
            return []
        ran_keys = {r.code for r in ran} | {r.name for r in ran}
        findings = []
        everything = [s for group in self.by_line.values() for s in group]
        everything += [s for group in self.by_table.values() for s in group]
        for suppression in everything:
            codes = suppression.codes
            if codes and not all(code in ran_keys for code in codes):
                continue  # names a rule that did not run in this command: cannot judge it
            unused = [c for c in codes if not _used(c, suppression.used, registry)] if codes else []
            if suppression.used and not unused:
                continue
            label = ", ".join(unused or codes) or "every rule"
            where = f"table `{suppression.table}`" if suppression.table else "this line"
            findings.append(
                Finding(
                    message=f"Suppression of {label} on {where} suppresses nothing",
                    help="Remove the unused code from the `schemawise: ignore[...]` list",
                    path=suppression.path or None,
                    line=suppression.comment_line or None,
                    table=suppression.table,
                    object=label,
                )
            )
        return sw001.run(findings)


def _used(code: str, used_codes: set[str], registry: dict[str, Rule]) -> bool:
    if code in used_codes:
        return True
    return any(registry[c].name == code for c in used_codes if c in registry)
