"""SQLAlchemy types rendered as PostgreSQL names the way `format_type()` prints them.

Rules compare type names from models and from a live database, so both sides must speak one dialect:
`character varying(255)`, `timestamp without time zone`, `integer`, `jsonb`, `text[]`.
"""

from __future__ import annotations

import re

from sqlalchemy.dialects import postgresql
from sqlalchemy.types import TypeEngine

DIALECT = postgresql.dialect()

_ALIASES = {
    "varchar": "character varying",
    "char": "character",
    "timestamp": "timestamp without time zone",
    "time": "time without time zone",
    "int": "integer",
    "int4": "integer",
    "int8": "bigint",
    "int2": "smallint",
    "float": "double precision",
    "float8": "double precision",
    "float4": "real",
    "bool": "boolean",
    "decimal": "numeric",
    "serial": "integer",
    "bigserial": "bigint",
    "smallserial": "smallint",
    "timestamptz": "timestamp with time zone",
}


def normalize_type_name(name: str) -> str:
    """`VARCHAR(255)` -> `character varying(255)`, `NUMERIC(10, 2)` -> `numeric(10,2)`, `TEXT[]` -> `text[]`."""
    text = name.strip().lower()
    array = ""
    while text.endswith("[]"):
        array += "[]"
        text = text[:-2].strip()
    match = re.fullmatch(r"([a-z0-9_ .\"]+?)\s*(\(([^)]*)\))?(\s+with(out)? time zone)?", text)
    if not match:
        return text + array
    base, _, args, zone = match.group(1), match.group(2), match.group(3), match.group(4)
    base = _ALIASES.get(base, base)
    if base == "double precision" and args:
        # FLOAT(p): PostgreSQL picks real for p <= 24, double precision above.
        base, args = ("real" if int(args) <= 24 else "double precision"), None
    if base in {"timestamp", "time"}:
        base = f"{base} without time zone"
    if zone:
        base = base.split(" with")[0] + zone
    suffix = f"({args.replace(' ', '')})" if args else ""
    if suffix and " with" in base:
        # `timestamp(3) with time zone`: precision goes after the base word.
        head, _, tail = base.partition(" ")
        return f"{head}{suffix} {tail}{array}"
    return f"{base}{suffix}{array}"


def pg_type_name(type_: TypeEngine) -> str:
    """The PostgreSQL name of a SQLAlchemy type (through its TypeDecorator impl when there is one)."""
    try:
        compiled = type_.compile(dialect=DIALECT)
    except Exception:  # user-defined types without a PostgreSQL compilation
        return str(type(type_).__name__).lower()
    return normalize_type_name(compiled)
