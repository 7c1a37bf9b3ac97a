"""Where each schema object was defined, so diagnostics point at the line a user edits.

Two sources, used together:
- a creation tracker, active only while schemawise imports the user's models: it wraps the constructors of
  `Table`, `Column`, `Index`, `Constraint` and `MetaData` and records the first stack frame outside the
  libraries (SQLAlchemy, SQLModel, pydantic, ...), which is the user's `Index(...)` or `Column(...)` call;
- the class body's AST, for declarative attributes (`video_id: UUID = Field(...)`), whose columns are
  created later by a metaclass and so carry no useful frame.
"""

from __future__ import annotations

import ast
import inspect
import os
import sys
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import Column, Index, MetaData, Table
from sqlalchemy.sql.schema import Constraint

from schemawise.schema.model import NOWHERE, Location

# Frames in these directories are library code; the first frame outside them is the user's definition.
_LIBRARY_DIRS = tuple(
    os.path.dirname(path) + os.sep
    for path in (
        __import__("sqlalchemy").__file__,
        __import__("sqlmodel").__file__,
        __import__("pydantic").__file__,
        __import__("importlib").__file__,
        __import__("schemawise").__file__,
        inspect.__file__,
    )
    if path
)

_created_at: weakref.WeakKeyDictionary[Any, Location] = weakref.WeakKeyDictionary()


def creation_location(obj: Any) -> Location:
    """The user frame that constructed `obj`, when it was built while tracking was on."""
    try:
        return _created_at.get(obj, NOWHERE)
    except TypeError:  # not weak-referenceable
        return NOWHERE


# co_filename -> whether it is library code; models import creates thousands of objects per file.
_library_file: dict[str, bool] = {}


def _user_frame() -> Location:
    frame = sys._getframe(2)
    while frame is not None:
        filename = frame.f_code.co_filename
        is_library = _library_file.get(filename)
        if is_library is None:
            is_library = filename.startswith(_LIBRARY_DIRS) or filename.startswith("<")
            _library_file[filename] = is_library
        if not is_library:
            return Location(filename, frame.f_lineno)
        frame = frame.f_back  # type: ignore[assignment]
    return NOWHERE


@contextmanager
def tracking_definitions() -> Iterator[None]:
    """Record creation lines of schema objects built inside this block (user models being imported)."""
    originals: dict[type, Any] = {}

    def wrap(cls: type) -> None:
        original = cls.__init__
        originals[cls] = original

        def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
            original(self, *args, **kwargs)
            if self not in _created_at:
                _created_at[self] = _user_frame()

        __init__.__wrapped__ = original  # type: ignore[attr-defined]
        cls.__init__ = __init__  # type: ignore[misc]

    for cls in (Table, Column, Index, Constraint, MetaData):
        wrap(cls)
    try:
        yield
    finally:
        for cls, original in originals.items():
            cls.__init__ = original  # type: ignore[misc]


@dataclass
class ClassSource:
    """Lines of a class statement and of the attributes assigned in its body."""

    path: str | None
    line: int | None
    attributes: dict[str, int] = field(default_factory=dict)
    # Keyword names passed in each attribute's call, flattening `sa_relationship_kwargs={...}`
    # and `sa_column_kwargs={...}`, so rules can tell an explicit `lazy="select"` from the default.
    keywords: dict[str, frozenset[str]] = field(default_factory=dict)


@cache
def _classes_in(path: str) -> dict[str, ast.ClassDef]:
    """Every class statement of a file by name, parsed once per file (the first of a name wins)."""
    try:
        tree = ast.parse(Path(path).read_text(encoding="utf-8"), filename=path)
    except (OSError, SyntaxError, UnicodeDecodeError):
        return {}
    classes: dict[str, ast.ClassDef] = {}
    # Walk statement bodies only (classes live in module, class, function, if/try/with bodies):
    # `ast.walk` would visit every expression node, which dominates on a large models file.
    pending: list[ast.stmt] = list(tree.body)
    while pending:
        node = pending.pop()
        if isinstance(node, ast.ClassDef) and (
            node.name not in classes or classes[node.name].lineno > node.lineno
        ):
            classes[node.name] = node
        for field_name in ("body", "orelse", "finalbody", "handlers"):
            pending.extend(getattr(node, field_name, ()))
    return classes


def _call_keywords(node: ast.expr | None) -> frozenset[str]:
    names: set[str] = set()
    if isinstance(node, ast.Call):
        for keyword in node.keywords:
            if keyword.arg is None:
                continue
            names.add(keyword.arg)
            if keyword.arg.endswith("_kwargs") and isinstance(keyword.value, ast.Dict):
                names.update(k.value for k in keyword.value.keys if isinstance(k, ast.Constant))
    return frozenset(names)


@cache
def class_source(cls: type) -> ClassSource:
    """Find `class Name` in the file that defines `cls` and read its body."""
    module = sys.modules.get(cls.__module__)
    path = getattr(module, "__file__", None)
    if not path:
        return ClassSource(None, None)
    # Two classes of one name in one module are rare; the first definition is taken.
    node = _classes_in(path).get(cls.__name__)
    if node is None:
        return ClassSource(path, None)
    source = ClassSource(path, node.lineno)
    for statement in node.body:
        if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
            name, value = statement.target.id, statement.value
        elif (
            isinstance(statement, ast.Assign)
            and len(statement.targets) == 1
            and isinstance(statement.targets[0], ast.Name)
        ):
            name, value = statement.targets[0].id, statement.value
        else:
            continue
        source.attributes[name] = statement.lineno
        source.keywords[name] = _call_keywords(value)
    return source


def mro_sources(cls: type) -> list[ClassSource]:
    """Sources of `cls` and its user-defined bases (mixins), nearest first."""
    sources = []
    for klass in cls.__mro__:
        module = sys.modules.get(klass.__module__)
        path = getattr(module, "__file__", "") or ""
        if klass is object or path.startswith(_LIBRARY_DIRS):
            continue
        sources.append(class_source(klass))
    return sources
