"""The few `env.py` settings that change how revisions run, read from its source and never executed.

env.py files often need application settings, secrets or a live database, so schemawise does not run
them. It reads, from `context.configure(...)` keywords, `transaction_per_migration`, `transactional_ddl`
and `target_metadata`; and a `lock_timeout` set anywhere in the file: in `connect_args`
(`options="-c lock_timeout=5s"`, asyncpg `server_settings={"lock_timeout": "5s"}`) or in a `SET
lock_timeout` the file executes. Values that are not literals are ignored; `[tool.schemawise.migrations]`
can declare them instead.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

_LOCK_TIMEOUT_IN_TEXT = re.compile(
    r"lock_timeout\s*(?:=|\s+to\s+)\s*['\"]?(\d+\s*[a-z]*)", re.IGNORECASE
)


@dataclass(frozen=True)
class EnvSettings:
    path: str | None = None
    transaction_per_migration: bool | None = None
    transactional_ddl: bool | None = None
    lock_timeout: str | None = None
    target_metadata: str | None = None


def _configure_keywords(tree: ast.Module) -> dict[str, ast.expr]:
    keywords: dict[str, ast.expr] = {}
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "configure"
        ):
            for keyword in node.keywords:
                if keyword.arg:
                    keywords.setdefault(keyword.arg, keyword.value)
    return keywords


def _lock_timeout(tree: ast.Module) -> str | None:
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            match = _LOCK_TIMEOUT_IN_TEXT.search(node.value)
            if match:
                return match.group(1).strip()
        if isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values, strict=True):
                if (
                    isinstance(key, ast.Constant)
                    and key.value == "lock_timeout"
                    and isinstance(value, ast.Constant)
                ):
                    return str(value.value)
    return None


def _module_assignment(tree: ast.Module, name: str) -> ast.expr | None:
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            return node.value
    return None


def read_env_settings(path: Path) -> EnvSettings:
    """Settings from `env.py` at `path`; defaults when it is missing or does not parse."""
    try:
        tree = ast.parse(path.read_bytes().decode("utf-8"), filename=str(path))
    except (OSError, SyntaxError, UnicodeDecodeError):
        return EnvSettings()
    keywords = _configure_keywords(tree)

    def flag(name: str) -> bool | None:
        value = keywords.get(name)
        if isinstance(value, ast.Constant) and isinstance(value.value, bool):
            return value.value
        return None

    metadata = keywords.get("target_metadata")
    if isinstance(metadata, ast.Name):
        metadata = _module_assignment(tree, metadata.id) or metadata
    target_metadata = ast.unparse(metadata) if metadata is not None else None
    if target_metadata == "None":
        target_metadata = None
    return EnvSettings(
        path=str(path),
        transaction_per_migration=flag("transaction_per_migration"),
        transactional_ddl=flag("transactional_ddl"),
        lock_timeout=_lock_timeout(tree),
        target_metadata=target_metadata,
    )
