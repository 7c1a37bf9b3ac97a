"""Which rules run: `--select`, `--extend-select` and `--ignore` by code, code prefix or name.

Selectors follow ruff's reading: `SM` selects the family, `SM2` the SM2xx rules, `SM201` one rule,
`foreign-key-without-index` the same rule by name, `ALL` everything. Opt-in rules (taste rules) run
only when selected by their exact code or name (or `ALL`), never through a prefix.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from schemawise.errors import ConfigError
from schemawise.registry import Rule, load_rules


def _matches(selector: str, rule: Rule, *, exact_only: bool) -> bool:
    if selector == "ALL":
        return True
    if selector == rule.code or selector == rule.name:
        return True
    return not exact_only and rule.code.startswith(selector)


def validate_selectors(selectors: Iterable[str], option: str) -> list[str]:
    rules = load_rules().values()
    cleaned: list[str] = []
    for raw in selectors:
        selector = raw.strip()
        if not selector:
            continue
        normalized = selector if "-" in selector else selector.upper()
        if not any(_matches(normalized, r, exact_only=False) for r in rules):
            raise ConfigError(
                f"{option}: `{selector}` matches no rule code, code prefix or rule name"
            )
        cleaned.append(normalized)
    return cleaned


@dataclass(frozen=True)
class Selection:
    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    @classmethod
    def build(
        cls,
        select: Iterable[str] = (),
        extend_select: Iterable[str] = (),
        ignore: Iterable[str] = (),
    ) -> Selection:
        return cls(
            select=tuple(validate_selectors(select, "select")),
            extend_select=tuple(validate_selectors(extend_select, "extend-select")),
            ignore=tuple(validate_selectors(ignore, "ignore")),
        )

    def enabled(self, rule: Rule) -> bool:
        wanted = (*self.select, *self.extend_select)
        named = any(s != "ALL" and _matches(s, rule, exact_only=True) for s in wanted)
        if any(s != "ALL" and _matches(s, rule, exact_only=True) for s in self.ignore):
            return False
        # An exact selection beats a broader ignore (`--ignore SM2 --select SM201`).
        if any(_matches(s, rule, exact_only=False) for s in self.ignore) and not named:
            return False
        if rule.opt_in:
            return named or "ALL" in wanted
        if not self.select:
            return True
        return any(_matches(s, rule, exact_only=False) for s in wanted)

    def rules(self, family: str) -> list[Rule]:
        return [r for r in load_rules().values() if r.family == family and self.enabled(r)]
