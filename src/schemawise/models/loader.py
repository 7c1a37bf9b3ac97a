"""Loading the user's models: TARGET strings -> imported modules -> SQLAlchemy `MetaData` objects.

TARGET forms (DESIGN.md section 2): `pkg.module`, `pkg.module:attr` (a MetaData, a declarative base, a
SQLModel class or a registry), `path/to/models.py`, or a package directory (every submodule is imported, so
models defined but never imported still count). Files are imported under their package name with the
package root on `sys.path`, the way pytest's `prepend` import mode does, so relative imports work.
Importing runs user code: any exception becomes one `ModelImportError` line naming the module.
"""

from __future__ import annotations

import gc
import importlib
import importlib.util
import pkgutil
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from sqlalchemy import MetaData, Table

from schemawise.errors import ModelImportError
from schemawise.models.locations import tracking_definitions


@dataclass
class LoadedModels:
    metadatas: list[MetaData] = field(default_factory=list)
    modules: list[ModuleType] = field(default_factory=list)

    @property
    def tables(self) -> list[Table]:
        return [t for metadata in self.metadatas for t in metadata.tables.values()]


def _package_root(path: Path) -> tuple[Path, str]:
    """For `/src/app/db/models.py` inside packages `app.db`: (`/src`, `app.db.models`)."""
    path = path.resolve()
    parts = [] if path.name == "__init__.py" else [path.stem]
    directory = path.parent
    while (directory / "__init__.py").is_file():
        parts.insert(0, directory.name)
        directory = directory.parent
    return directory, ".".join(parts)


def _describe(error: BaseException, module: str) -> str:
    """One line: the module, the exception, and the user's file:line where it was raised."""
    frames = traceback.extract_tb(error.__traceback__)
    user_frames = [f for f in frames if "importlib" not in f.filename]
    where = f" ({user_frames[-1].filename}:{user_frames[-1].lineno})" if user_frames else ""
    if isinstance(error, SyntaxError) and error.filename:
        where = f" ({error.filename}:{error.lineno})"
    message = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return f"cannot import `{module}`: {type(error).__name__}: {message}{where}"


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause cyclic garbage collection: importing and reading a large models module allocates
    hundreds of thousands of long-lived objects, and each full collection walks all of them."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@contextmanager
def _importing_models() -> Iterator[None]:
    """Record definition lines, and make a large models import cheaper while it runs.

    SQLModel builds pydantic validators lazily (`defer_build`) meanwhile: schemawise never validates
    instances, and a deferred model builds on first use all the same. The setting is restored after.
    """
    sqlmodel_config = _sqlmodel_config()
    deferred = sqlmodel_config.get("defer_build") if sqlmodel_config is not None else None
    if sqlmodel_config is not None:
        sqlmodel_config["defer_build"] = True
    try:
        with paused_gc(), tracking_definitions():
            yield
    finally:
        if sqlmodel_config is not None:
            if deferred is None:
                sqlmodel_config.pop("defer_build", None)
            else:
                sqlmodel_config["defer_build"] = deferred


def _sqlmodel_config() -> dict[str, Any] | None:
    module = sys.modules.get("sqlmodel")
    if module is None:
        try:
            import sqlmodel as module
        except ImportError:  # plain SQLAlchemy projects need not have SQLModel
            return None
    config = getattr(module.SQLModel, "model_config", None)
    return config if isinstance(config, dict) else None


def _import(name: str, search_root: Path) -> ModuleType:
    root = str(search_root)
    if root not in sys.path:
        sys.path.insert(0, root)
    try:
        with _importing_models():
            return importlib.import_module(name)
    except ModuleNotFoundError as error:
        if error.name and (name == error.name or name.startswith(error.name + ".")):
            raise ModelImportError(
                f"cannot import `{name}`: no module named `{error.name}` (searched from {root})"
            ) from None
        raise ModelImportError(_describe(error, name)) from None
    except (Exception, SystemExit) as error:
        raise ModelImportError(_describe(error, name)) from None


def _import_file(path: Path) -> ModuleType:
    """Import a `.py` file under its package name; a loose file whose name is taken loads on its own.

    Two loose files called `models.py` in different folders would both be module `models`; the second
    gets a private module name instead of silently reusing the first one from `sys.modules`.
    """
    search_root, name = _package_root(path)
    existing = sys.modules.get(name)
    existing_file = getattr(existing, "__file__", None)
    if existing is None or existing_file is None or Path(existing_file).resolve() == path.resolve():
        return _import(name, search_root)
    if "." in name:
        raise ModelImportError(
            f"cannot import `{path}`: module `{name}` is already loaded from {existing_file}"
        )
    unique = f"_schemawise_models_{abs(hash(str(path.resolve())))}_{name}"
    if unique in sys.modules:
        return sys.modules[unique]
    spec = importlib.util.spec_from_file_location(unique, path)
    if spec is None or spec.loader is None:
        raise ModelImportError(f"cannot import `{path}`: not a loadable Python file")
    module = importlib.util.module_from_spec(spec)
    sys.modules[unique] = module
    try:
        with _importing_models():
            spec.loader.exec_module(module)
    except (Exception, SystemExit) as error:
        del sys.modules[unique]
        raise ModelImportError(_describe(error, str(path))) from None
    return module


def _import_submodules(package: ModuleType, search_root: Path) -> list[ModuleType]:
    modules = [package]
    if not hasattr(package, "__path__"):
        return modules
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        if info.name.rsplit(".", 1)[-1] in {"tests", "conftest", "migrations", "alembic"}:
            continue  # test suites and migration scripts are not models
        modules.append(_import(info.name, search_root))
    return modules


def _metadatas_in(value: Any) -> list[MetaData]:
    """MetaData reachable from one module global or `:attr` value."""
    if isinstance(value, MetaData):
        return [value]
    if isinstance(value, Table):
        return [value.metadata]
    metadata = getattr(value, "metadata", None)
    if isinstance(metadata, MetaData) and (
        isinstance(value, type) or type(value).__name__ == "registry"
    ):
        return [metadata]
    return []


def _resolve(target: str, root: Path) -> tuple[list[ModuleType], Any]:
    """Import what a TARGET names; return the modules and the `:attr` object (or None)."""
    spec, _, attribute = target.partition(":")
    path = Path(spec) if Path(spec).is_absolute() else root / spec
    looks_like_path = spec.endswith(".py") or "/" in spec or spec in {".", ".."}
    if looks_like_path or path.is_dir():
        if not path.exists():
            raise ModelImportError(f"`{spec}` does not exist")
        if path.is_dir():
            if (path / "__init__.py").is_file():
                search_root, name = _package_root(path / "__init__.py")
                package = _import(name, search_root)
                modules = _import_submodules(package, search_root)
            else:
                files = sorted(p for p in path.rglob("*.py") if "migrations" not in p.parts)
                if not files:
                    raise ModelImportError(f"`{spec}` holds no Python files")
                modules = [_import_file(file) for file in files]
        else:
            if path.suffix != ".py":
                raise ModelImportError(f"`{spec}` is not a Python file")
            modules = [_import_file(path)]
    else:
        module = _import(spec, root)
        modules = _import_submodules(module, root) if hasattr(module, "__path__") else [module]
    if not attribute:
        return modules, None
    value: Any = modules[0]
    for part in attribute.split("."):
        try:
            value = getattr(value, part)
        except AttributeError:
            raise ModelImportError(f"`{spec}` has no attribute `{attribute}`") from None
    return modules, value


def load_models(targets: list[str], root: Path | None = None) -> LoadedModels:
    """Import every target and collect the MetaData objects that hold its tables."""
    if not targets:
        raise ModelImportError(
            "no models to review: pass a TARGET or set `models` in [tool.schemawise]"
        )
    root = (root or Path.cwd()).resolve()
    loaded = LoadedModels()
    seen: set[int] = set()
    for target in targets:
        modules, attribute = _resolve(target, root)
        loaded.modules.extend(modules)
        if attribute is not None:
            found = _metadatas_in(attribute)
            if not found:
                raise ModelImportError(
                    f"`{target}` is a {type(attribute).__name__}, not a MetaData, declarative base, "
                    "SQLModel class or registry"
                )
        else:
            found = [
                m
                for module in modules
                for value in vars(module).values()
                for m in _metadatas_in(value)
            ]
        for metadata in found:
            if id(metadata) not in seen and metadata.tables:
                seen.add(id(metadata))
                loaded.metadatas.append(metadata)
        if not any(m.tables for m in found):
            raise ModelImportError(f"`{target}` defines no tables")
    return loaded
