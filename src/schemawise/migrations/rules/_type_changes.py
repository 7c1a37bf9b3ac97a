"""Does `ALTER COLUMN ... TYPE` rewrite the table? Decided from the old and the new type.

PostgreSQL keeps the stored bytes when the cast between the types is binary (`pg_cast.castmethod = 'b'`)
and the new type modifier accepts every value the old one did (the types' length/precision "support"
functions); anything else rewrites every row. `tests/test_migration_rules.py` checks these verdicts
against a real server's `relfilenode`.
"""

from __future__ import annotations

from pglast import ast

from schemawise.migrations.rules._statements import is_array, type_modifiers, type_name

# Types whose typmod only limits values: a larger limit (or none) keeps the stored bytes valid.
LENGTH_LIMITED = {"varchar", "varbit"}
# Precision-limited types where raising (or dropping) the precision needs no rewrite.
PRECISION_LIMITED = {"timestamp", "timestamptz", "time", "timetz", "interval"}
# Casts without a function (`pg_cast.castmethod = 'b'`), old type -> new types.
BINARY_COERCIBLE = {
    "varchar": {"text"},
    "text": {"varchar"},  # only to unbounded varchar: a length limit needs a check of every value
    "cidr": {"inet"},
    "bit": {"varbit"},
}
# From PostgreSQL 12 timestamp <-> timestamptz skips the rewrite when the session TimeZone is UTC
# (release notes 12, "Allow ALTER TABLE ... SET DATA TYPE changing between timestamp and timestamptz
# to avoid a table rewrite when the session time zone is UTC").
TIMEZONE_SKIP_SINCE = 12


def modifiers_allow(old: tuple[int, ...] | None, new: tuple[int, ...] | None) -> bool:
    """`new` limits no more than `old`: no limit, or each limit at least as large."""
    if old is None or new is None:
        return False
    if not new:
        return True
    if not old or len(old) != len(new):
        return False
    return all(n >= o for o, n in zip(old, new, strict=True))


def needs_rewrite(old: ast.TypeName, new: ast.TypeName, pg_version: int, session_utc: bool) -> bool:
    """Does `ALTER COLUMN ... TYPE new` (no USING) rewrite a column of type `old`?"""
    if is_array(old) != is_array(new):
        return True
    old_name, new_name = type_name(old), type_name(new)
    old_mods, new_mods = type_modifiers(old), type_modifiers(new)
    if is_array(old) and (old_name, old_mods) != (new_name, new_mods):
        return True  # element coercion of arrays is not judged here
    if old_name == new_name:
        if old_mods == new_mods:
            return False
        if old_name in LENGTH_LIMITED | PRECISION_LIMITED:
            return not modifiers_allow(old_mods, new_mods)
        if old_name == "numeric":
            # More precision with the same scale, or no limit at all, is binary compatible.
            if not new_mods:
                return False
            return not (
                old_mods
                and new_mods
                and len(old_mods) == len(new_mods)
                and new_mods[0] >= old_mods[0]
                and new_mods[1:] == old_mods[1:]
            )
        return True
    if {old_name, new_name} == {"timestamp", "timestamptz"}:
        return not (pg_version >= TIMEZONE_SKIP_SINCE and session_utc)
    if new_name in BINARY_COERCIBLE.get(old_name, set()):
        return new_name == "varchar" and bool(new_mods)
    return True
