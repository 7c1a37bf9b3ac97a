"""Rule selection by code, prefix and name; opt-in rules need an explicit selection."""

from __future__ import annotations

import pytest

from schemawise.errors import ConfigError
from schemawise.registry import load_rules
from schemawise.selection import Selection

RULES = load_rules()


def enabled(selection: Selection) -> set[str]:
    return {code for code, rule in RULES.items() if selection.enabled(rule)}


def test_default_runs_every_rule_except_opt_in() -> None:
    chosen = enabled(Selection.build())
    assert "SM201" in chosen
    assert {c for c, r in RULES.items() if r.opt_in} & chosen == set()


def test_prefix_selects_a_group_but_not_its_opt_in_rules() -> None:
    chosen = enabled(Selection.build(select=["SM1"]))
    assert chosen and all(code.startswith("SM1") for code in chosen)
    assert "SM108" not in chosen  # opt-in


def test_exact_code_or_name_enables_an_opt_in_rule() -> None:
    assert "SM108" in enabled(Selection.build(extend_select=["SM108"]))
    assert "SM109" in enabled(Selection.build(select=[RULES["SM109"].name]))


def test_ignore_by_name_and_exact_select_beats_broader_ignore() -> None:
    assert "SM201" not in enabled(Selection.build(ignore=["foreign-key-without-index"]))
    assert "SM201" in enabled(Selection.build(select=["SM201"], ignore=["SM2"]))
    assert "SM202" not in enabled(Selection.build(select=["SM201"], ignore=["SM2"]))


def test_lower_case_codes_are_accepted() -> None:
    assert "SM201" in enabled(Selection.build(select=["sm201"]))


def test_unknown_selector_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="`XY12` matches no rule"):
        Selection.build(select=["XY12"])
