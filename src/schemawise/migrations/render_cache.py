"""A cache of rendered revisions, so an unchanged history is not rendered again on every run.

Rendering a revision runs its `upgrade()` through Alembic, which dominates a lint of a long history;
the result depends only on the file's bytes, the Alembic and SQLAlchemy versions, schemawise's version and
the transaction mode, all part of the key. A revision that imports anything beyond Alembic, SQLAlchemy,
SQLModel and the standard library (project helpers whose code could change under an unchanged revision)
or that reads the environment is never cached, nor is one that raised.

The cache is one JSON file in the versions directory's `__pycache__/`, next to the bytecode Python
already writes there when Alembic imports the revisions (so it is ignored by the usual `.gitignore` and
goes away with the project). Turn it off with `[tool.schemawise.migrations] cache = false` or
`SCHEMAWISE_MIGRATIONS_CACHE=false`.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from importlib import metadata
from pathlib import Path

from schemawise.migrations.revisions import RevisionFile
from schemawise.migrations.units import Rendering

STABLE_PACKAGES = {"alembic", "sqlalchemy", "sqlmodel", "__future__"}
# Standard library modules whose use can make rendering depend on more than the file.
ENVIRONMENT_MODULES = {
    "os",
    "sys",
    "subprocess",
    "importlib",
    "socket",
    "pathlib",
    "io",
    "builtins",
}
FORMAT = 3
CACHE_FILE = "schemawise-rendered.json"


def _code_digest() -> str:
    """The modules whose behaviour the cached data captures: an editable install changes them."""
    digest = hashlib.sha256()
    for module in ("render.py", "revisions.py"):
        digest.update((Path(__file__).parent / module).read_bytes())
    return digest.hexdigest()[:16]


def _versions() -> str:
    parts = [f"format={FORMAT}", f"code={_code_digest()}"]
    for package in ("schemawise", "alembic", "sqlalchemy"):
        try:
            parts.append(f"{package}={metadata.version(package)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{package}=?")
    return ";".join(parts)


def is_cacheable(revision: RevisionFile) -> bool:
    for module, _ in revision.imports:
        top = module.split(".")[0]
        if top in ENVIRONMENT_MODULES:
            return False
        if top not in STABLE_PACKAGES and top not in sys.stdlib_module_names:
            return False
    return bool(revision.digest)


class RenderCache:
    def __init__(self, path: Path | None, salt: str) -> None:
        self.path = path
        self.salt = salt
        self.entries: dict[str, dict[str, list]] = {}
        self.facts: dict[str, dict[str, object]] = {}
        self.used_facts: set[str] = set()
        self.used: set[str] = set()
        self.changed = False
        if path is not None:
            try:
                document = json.loads(path.read_text(encoding="utf-8"))
                if document.get("versions") == _versions():
                    self.entries = document.get("entries", {})
                    self.facts = document.get("facts", {})
            except (OSError, ValueError, AttributeError):
                self.entries = {}

    @classmethod
    def for_versions(
        cls, version_directories: list[Path], transactional_ddl: bool, enabled: bool
    ) -> RenderCache:
        if not enabled or not version_directories:
            return cls(None, "")
        path = version_directories[0] / "__pycache__" / CACHE_FILE
        return cls(path, f"tx={transactional_ddl}")

    def known_facts(self, digest: str) -> dict[str, object] | None:
        """Facts parsed from a file with these bytes in an earlier run."""
        found = self.facts.get(digest)
        if found is not None:
            self.used_facts.add(digest)
        return found

    def remember_facts(self, revision: RevisionFile) -> None:
        if self.path is None or revision.problem is not None or not revision.digest:
            return
        if revision.digest not in self.facts:
            self.facts[revision.digest] = revision.facts()
            self.changed = True
        self.used_facts.add(revision.digest)

    def _key(self, revision: RevisionFile) -> str:
        return f"{revision.digest}:{self.salt}"

    def get(self, revision: RevisionFile) -> Rendering | None:
        if self.path is None or not is_cacheable(revision):
            return None
        entry = self.entries.get(self._key(revision))
        if entry is None:
            return None
        self.used.add(self._key(revision))
        return Rendering(chunks=[(text, line, op) for text, line, op in entry["chunks"]])

    def put(self, revision: RevisionFile, rendering: Rendering) -> None:
        if self.path is None or rendering.problems or not is_cacheable(revision):
            return
        key = self._key(revision)
        self.entries[key] = {"chunks": [list(chunk) for chunk in rendering.chunks]}
        self.used.add(key)
        self.changed = True

    def save(self) -> None:
        """Write the entries this run used (so deleted revisions drop out); never fail the lint."""
        stale = self.used != set(self.entries) or self.used_facts != set(self.facts)
        if self.path is None or not (self.changed or stale):
            return
        document = {
            "versions": _versions(),
            "entries": {key: self.entries[key] for key in sorted(self.used)},
            "facts": {key: self.facts[key] for key in sorted(self.used_facts)},
        }
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_text(json.dumps(document), encoding="utf-8")
            temporary.replace(self.path)
        except OSError:
            pass
