"""Running rules: selection, suppression and ordering, shared by every command family."""

from __future__ import annotations

from collections.abc import Iterable

from schemawise.config import Config
from schemawise.diagnostics import Diagnostic
from schemawise.registry import Rule, load_rules
from schemawise.selection import Selection
from schemawise.suppression import SuppressionSet


def selection_for(config: Config) -> Selection:
    return Selection.build(config.select, config.extend_select, config.ignore)


def run_rules(rules: Iterable[Rule], context: object) -> list[Diagnostic]:
    diagnostics: list[Diagnostic] = []
    for rule in rules:
        diagnostics.extend(rule.run(context))
    return diagnostics


def finish(
    diagnostics: list[Diagnostic],
    *,
    ran: list[Rule],
    selection: Selection,
    files: Iterable[str] = (),
    table_ignores: dict[str, tuple[tuple[str, ...], str | None, int | None]] | None = None,
) -> list[Diagnostic]:
    """Apply suppressions (reporting unused ones as SW001 when selected) and sort by location."""
    sw001 = load_rules().get("SW001")
    ran_all = list(ran) + ([sw001] if sw001 is not None and selection.enabled(sw001) else [])
    suppressions = SuppressionSet.collect(files, table_ignores)
    kept = suppressions.apply(diagnostics, ran_all)
    return sorted(kept, key=lambda d: d.sort_key)
