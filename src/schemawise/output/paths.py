"""Paths in output are shown relative to the project root when they lie inside it."""

from __future__ import annotations

import os


def display_path(path: str | None, root: str | None) -> str | None:
    if not path:
        return None
    base = root or os.getcwd()
    try:
        relative = os.path.relpath(path, base)
    except ValueError:  # another drive on Windows
        return path
    return path if relative.startswith("..") else relative


def location_text(path: str | None, line: int | None, root: str | None) -> str:
    shown = display_path(path, root)
    if not shown:
        return ""
    return f"{shown}:{line}" if line else shown
