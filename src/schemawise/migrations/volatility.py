"""Is a default expression volatile? Decided from `pg_proc.provolatile`, not guessed.

`data/volatility.txt` lists every built-in function with its volatility; its header holds the catalog
query that generated it. A few common extension functions are added below by hand (their extensions are
not installed on the server the list came from). A function the list does not know counts as volatile,
which is also what PostgreSQL assumes for `CREATE FUNCTION` without a volatility clause.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache
from importlib import resources
from typing import Any

from pglast import ast

# From the extensions' own SQL scripts: uuid-ossp and pgcrypto.
EXTENSION_FUNCTIONS = {
    "uuid_generate_v1": "v",
    "uuid_generate_v1mc": "v",
    "uuid_generate_v3": "i",
    "uuid_generate_v4": "v",
    "uuid_generate_v5": "i",
    "uuid_nil": "i",
    "gen_random_bytes": "v",
}


@cache
def builtin_volatility() -> dict[str, str]:
    text = resources.files("schemawise.migrations").joinpath("data/volatility.txt").read_text()
    table: dict[str, str] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, volatility = line.split()
            table[name] = volatility
    table.update(EXTENSION_FUNCTIONS)
    return table


def function_volatility(name: str) -> str | None:
    """'i', 's' or 'v' for a function name (last part of a qualified name), None when unknown."""
    return builtin_volatility().get(name) or builtin_volatility().get(name.lower())


def walk(node: Any) -> Iterator[ast.Node]:
    """Every pglast node below `node` (inclusive), depth first."""
    if isinstance(node, ast.Node):
        yield node
        for attribute in node.__slots__:
            yield from walk(getattr(node, attribute, None))
    elif isinstance(node, list | tuple):
        for item in node:
            yield from walk(item)


def expression_is_volatile(node: Any, lookup: Callable[[str], str | None] | None = None) -> bool:
    """True when the expression calls a volatile (or unknown) function.

    `CURRENT_TIMESTAMP` and friends parse as `SQLValueFunction`, which are all stable.
    """
    lookup = lookup or function_volatility
    for inner in walk(node):
        if isinstance(inner, ast.FuncCall):
            name = inner.funcname[-1].sval
            if lookup(name) in (None, "v"):
                return True
    return False
