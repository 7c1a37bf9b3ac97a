"""The house naming conventions, as settings for the rules and as a SQLAlchemy `naming_convention`.

    from sqlmodel import SQLModel
    from schemawise.naming import NAMING_CONVENTION

    SQLModel.metadata.naming_convention = NAMING_CONVENTION

before the first model class is defined makes SQLAlchemy (and so Alembic autogenerate) name every
index and constraint the way the SM005-SM007 rules expect. SQLAlchemy names a constraint when it is
attached to its table, so a convention assigned after the models names nothing (SM008 says so).
Name check constraints with their condition only (`CheckConstraint("end_ms > start_ms",
name="end_after_start")`); the convention adds `ck_<table>_`.
"""

from __future__ import annotations

import functools
import re
import string
from dataclasses import dataclass

NAMING_CONVENTION: dict[str, str] = {
    "ix": "idx_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


@dataclass
class NamingSettings:
    """`[tool.schemawise.naming]`: the patterns SM001 and SM004-SM007 check names against.

    Placeholders: `{table}`, `{columns}` (column names joined by `_`), `{column}` (the first column),
    `{referred_table}`, `{referred_singular}`, `{referred_column}`, `{condition}` (any non-empty
    snake_case text).
    """

    # SM001: table names are lowercase plural (`users`, not `user`).
    plural_tables: bool = True
    # SM004: a foreign-key column is named after the singular of the table it refers to.
    foreign_key_column: str = "{referred_singular}_id"
    # SM005
    index: str = "idx_{table}_{columns}"
    # SM006
    check: str = "ck_{table}_{condition}"
    # SM007
    unique: str = "uq_{table}_{columns}"
    foreign_key: str = "fk_{table}_{column}_{referred_table}"
    primary_key: str = "pk_{table}"


# Words that are their own plural, or whose plural is a table name in its own right.
UNCOUNTABLE = frozenset(
    {
        "data", "metadata", "media", "news", "series", "species", "information", "equipment",
        "feedback", "software", "hardware", "firmware", "staff", "audio", "analytics", "inventory",
        "sheep", "fish", "deer", "aircraft", "music", "traffic", "progress", "research", "evidence",
        "knowledge", "luggage", "baggage", "furniture", "mail", "money", "history", "auth",
        # Mass nouns that name a whole area of an application rather than one row.
        "content", "usage", "storage", "billing", "pricing", "shipping", "tracking", "telemetry",
        "weather", "lineage",
    }
)  # fmt: skip

IRREGULAR = {
    "person": "people", "child": "children", "man": "men", "woman": "women", "mouse": "mice",
    "goose": "geese", "foot": "feet", "tooth": "teeth", "ox": "oxen", "criterion": "criteria",
    "phenomenon": "phenomena", "matrix": "matrices", "vertex": "vertices", "index": "indexes",
    "analysis": "analyses", "basis": "bases", "crisis": "crises", "thesis": "theses",
    "diagnosis": "diagnoses", "hypothesis": "hypotheses", "synopsis": "synopses",
    "datum": "data", "medium": "media", "leaf": "leaves", "life": "lives", "knife": "knives",
    "wife": "wives", "half": "halves", "shelf": "shelves", "wolf": "wolves", "calf": "calves",
    "quiz": "quizzes", "cache": "caches", "niche": "niches", "movie": "movies", "cookie": "cookies",
    "zombie": "zombies", "tie": "ties", "pie": "pies", "menu": "menus", "guru": "gurus",
    "emu": "emus", "tofu": "tofus", "alumnus": "alumni", "cactus": "cacti", "focus": "foci",
    "radius": "radii", "stimulus": "stimuli", "syllabus": "syllabi", "appendix": "appendices",
    "axis": "axes", "die": "dice", "louse": "lice", "genus": "genera", "corpus": "corpora",
    "schema": "schemas", "lens": "lenses", "canvas": "canvases", "alias": "aliases",
    "atlas": "atlases", "bus": "buses", "gas": "gases", "bonus": "bonuses", "virus": "viruses",
    "status": "statuses", "campus": "campuses", "census": "censuses", "chorus": "choruses",
    "process": "processes", "address": "addresses", "access": "accesses", "class": "classes",
    "thumbnail": "thumbnails", "photo": "photos", "video": "videos", "audio_file": "audio_files",
    "hero": "heroes", "potato": "potatoes", "tomato": "tomatoes", "echo": "echoes",
    # Plurals ending in `-us` that are not Latin singulars like `status` or `campus`.
    "sku": "skus", "gpu": "gpus", "cpu": "cpus", "tpu": "tpus", "haiku": "haikus",
    "bureau": "bureaus", "plateau": "plateaus", "tableau": "tableaus",
    "bacterium": "bacteria", "curriculum": "curricula", "millennium": "millennia",
    "stratum": "strata", "memorandum": "memoranda",
}  # fmt: skip
_SINGULAR_OF = {plural: singular for singular, plural in IRREGULAR.items()}


def _last_word(name: str) -> tuple[str, str]:
    """Split `transcript_segments` into (`transcript_`, `segments`)."""
    head, _, last = name.rpartition("_")
    return (head + "_" if head else ""), last


def pluralize(name: str) -> str:
    """English plural of the last word of a snake_case name (`transcript_segment` -> `..._segments`)."""
    head, word = _last_word(name)
    lower = word.lower()
    if lower in UNCOUNTABLE or lower in _SINGULAR_OF:
        return name
    if lower in IRREGULAR:
        return head + IRREGULAR[lower]
    if re.search(r"[^aeiou]y$", lower):
        return head + word[:-1] + "ies"
    if re.search(r"(s|x|z|ch|sh)$", lower):
        return head + word + "es"
    return head + word + "s"


def singularize_candidates(name: str) -> set[str]:
    """Every plausible singular of a snake_case name; naming rules accept any of them.

    English plural endings are ambiguous (`movies`/`categories`, `caches`/`matches`), so rules that
    compare against a singular accept all readings rather than guess one.
    """
    if not is_plural(name):
        return {name}
    head, word = _last_word(name)
    lower = word.lower()
    found = {name}
    if lower in UNCOUNTABLE:
        return found
    if lower in _SINGULAR_OF:
        return {head + _SINGULAR_OF[lower]}
    if lower.endswith("ies") and len(lower) > 3:
        found.add(head + word[:-3] + "y")
    if lower.endswith("es") and len(lower) > 2:
        found.add(head + word[:-2])
    if lower.endswith("s") and not lower.endswith("ss"):
        found.add(head + word[:-1])
    if len(found) > 1:
        found.discard(name)
    return found


def singularize(name: str) -> str:
    """The most likely singular, for messages and help text."""
    if not is_plural(name):
        return name
    head, word = _last_word(name)
    lower = word.lower()
    if lower in UNCOUNTABLE:
        return name
    if lower in _SINGULAR_OF:
        return head + _SINGULAR_OF[lower]
    if re.search(r"[^aeiou]ies$", lower):
        return head + word[:-3] + "y"
    if re.search(r"(ss|x|z|ch|sh)es$", lower):
        return head + word[:-2]
    if lower.endswith("s") and not lower.endswith("ss"):
        return head + word[:-1]
    return name


def is_plural(name: str) -> bool:
    """Whether the last word of a snake_case name reads as an English plural."""
    _, word = _last_word(name)
    lower = word.lower()
    if lower in UNCOUNTABLE or lower in _SINGULAR_OF:
        return True
    if lower in IRREGULAR:
        return False
    if lower.endswith(("ss", "us", "is")):
        return False
    return lower.endswith("s")


@functools.lru_cache(maxsize=4096)
def render_pattern(pattern: str, **values: str) -> re.Pattern[str]:
    """Turn a naming pattern into an anchored regex; `{condition}` matches any snake_case text."""
    regex = ""
    for literal, field_name, _, _ in string.Formatter().parse(pattern):
        regex += re.escape(literal)
        if field_name is None:
            continue
        if field_name in values:
            regex += re.escape(values[field_name])
        else:
            regex += r"[a-z0-9_]+"
    return re.compile(rf"^{regex}$")


# PostgreSQL's NAMEDATALEN - 1: longer identifiers are truncated (src/include/pg_config_manual.h).
MAX_IDENTIFIER_BYTES = 63


def name_matches(name: str, pattern: str, **values: str) -> bool:
    """Whether `name` follows `pattern`, also after PostgreSQL or SQLAlchemy shortened it.

    A conforming name over 63 bytes never reaches the catalog as written: SQLAlchemy shortens names
    made by a `naming_convention` to 55 characters, `_` and a 4-hex-digit hash, and PostgreSQL cuts
    any other name at 63 bytes. Both shortened forms count as following the pattern.
    """
    try:
        expected = pattern.format(**values)
    except KeyError:  # a free-text placeholder such as {condition}: no single full name
        return render_pattern(pattern, **values).match(name) is not None
    if name == expected:
        return True
    if len(expected.encode()) <= MAX_IDENTIFIER_BYTES:
        return False
    if name == expected.encode()[:MAX_IDENTIFIER_BYTES].decode(errors="ignore"):
        return True
    hashed = re.fullmatch(r"(.+)_[0-9a-f]{4}", name)
    return hashed is not None and expected.startswith(hashed.group(1))
