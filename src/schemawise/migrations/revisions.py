"""Alembic revision files read as source (AST): identifiers, graph links, functions and `op.*` calls.

Reading the source instead of importing it means a broken revision (syntax error, missing import) costs
only itself: the graph rules and the other revisions still work, and the problem is reported where it is.
"""

from __future__ import annotations

import ast
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from schemawise.migrations.units import Problem


@dataclass
class RevisionFile:
    path: str
    revision: str | None = None
    revision_line: int | None = None
    down_revisions: tuple[str, ...] = ()
    down_revision_line: int | None = None
    branch_labels: tuple[str, ...] = ()
    depends_on: tuple[str, ...] = ()
    problem: Problem | None = None
    source: str = ""
    # (module, line) of every import anywhere in the file; `from a import b` gives `a` and `a.b`.
    imports: list[tuple[str, int]] = field(default_factory=list)
    # sha256 of the file's bytes (the render cache key)
    digest: str = ""
    # name -> (line, body is empty) of the module-level `upgrade` and `downgrade` functions
    functions: dict[str, tuple[int, bool]] = field(default_factory=dict)
    # Names of the methods `upgrade()` calls (`create_index`, `drop_column`, ...), for quick checks.
    upgrade_calls: tuple[str, ...] = ()
    _tree: ast.Module | None = field(default=None, repr=False)

    @property
    def tree(self) -> ast.Module | None:
        """The parsed module, parsed on first use when the facts came from the cache."""
        if self._tree is None and self.source and self.problem is None:
            self._tree = ast.parse(self.source, filename=self.path)
        return self._tree

    @property
    def parsed(self) -> ast.Module | None:
        """The tree if this run parsed the file already (None when its facts came from the cache)."""
        return self._tree

    def function(self, name: str) -> ast.FunctionDef | None:
        if name not in self.functions or self.tree is None:
            return None
        for node in self.tree.body:
            if isinstance(node, ast.FunctionDef) and node.name == name:
                return node
        return None

    def function_line(self, name: str) -> int | None:
        return self.functions[name][0] if name in self.functions else None

    def function_is_empty(self, name: str) -> bool:
        """No such function, or a body of only `pass`, `...` and docstrings."""
        return self.functions.get(name, (0, True))[1]

    def facts(self) -> dict[str, object]:
        """What the source says, as JSON-able data (cached by digest, see `render_cache`)."""
        return {name: getattr(self, name) for name in FACT_FIELDS}

    def restore(self, facts: dict[str, object]) -> None:
        for name in FACT_FIELDS:
            value = facts[name]
            if name == "imports":
                value = [tuple(item) for item in value]  # type: ignore[union-attr]
            elif name == "functions":
                value = {k: tuple(v) for k, v in value.items()}  # type: ignore[union-attr]
            elif isinstance(value, list):
                value = tuple(value)
            setattr(self, name, value)

    @property
    def is_merge(self) -> bool:
        return len(self.down_revisions) > 1

    @property
    def label(self) -> str:
        return self.revision or Path(self.path).name


_METHOD_CALL = re.compile(r"\.(\w+)\s*\(")

FACT_FIELDS = (
    "revision",
    "revision_line",
    "down_revisions",
    "down_revision_line",
    "branch_labels",
    "depends_on",
    "imports",
    "functions",
    "upgrade_calls",
)


def _strings(value: ast.expr) -> tuple[str, ...] | None:
    """A string, a tuple/list of strings, or None literal -> tuple; anything else -> None."""
    if isinstance(value, ast.Constant) and value.value is None:
        return ()
    if isinstance(value, ast.Constant) and isinstance(value.value, str):
        return (value.value,)
    if isinstance(value, ast.Tuple | ast.List):
        items = [_strings(element) for element in value.elts]
        if all(item is not None and len(item) == 1 for item in items):
            return tuple(item[0] for item in items if item)
    return None


def _assignments(tree: ast.Module) -> dict[str, tuple[ast.expr, int]]:
    found: dict[str, tuple[ast.expr, int]] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    found[target.id] = (node.value, node.lineno)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value:
            found[node.target.id] = (node.value, node.lineno)
    return found


def _imports(statements: list[ast.stmt], found: list[tuple[str, int]]) -> None:
    """Imports among statements, at any nesting of statements (expressions cannot import)."""
    for node in statements:
        if isinstance(node, ast.Import):
            found.extend((alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.module and node.level == 0:
                found.append((node.module, node.lineno))
                found.extend((f"{node.module}.{alias.name}", node.lineno) for alias in node.names)
        else:
            for attribute in ("body", "orelse", "finalbody", "handlers", "cases"):
                inner = getattr(node, attribute, None)
                if isinstance(inner, list):
                    _imports(inner, found)


_IDENTIFIER = re.compile(
    r"^(revision|down_revision)\s*(?::[^=]*)?=\s*(None|['\"]([^'\"]+)['\"])", re.MULTILINE
)


def _recover_identifiers(revision: RevisionFile, source: str) -> None:
    """Keep a file with a syntax error in the graph (so its children do not look dangling)."""
    for match in _IDENTIFIER.finditer(source):
        line = source.count("\n", 0, match.start()) + 1
        if match.group(1) == "revision" and match.group(3):
            revision.revision, revision.revision_line = match.group(3), line
        elif match.group(1) == "down_revision":
            revision.down_revisions = (match.group(3),) if match.group(3) else ()
            revision.down_revision_line = line


def read_revision_file(
    path: Path, known_facts: Callable[[str], dict[str, object] | None] | None = None
) -> RevisionFile:
    """Read one revision file; `known_facts(digest)` may supply what an earlier run parsed."""
    revision = RevisionFile(path=str(path))
    try:
        data = path.read_bytes()
        revision.digest = hashlib.sha256(data).hexdigest()
        source = data.decode("utf-8")
        revision.source = source
        facts = known_facts(revision.digest) if known_facts else None
        if facts is not None:
            revision.restore(facts)
            return revision
    except UnicodeDecodeError as error:
        revision.problem = Problem(f"revision file is not UTF-8 ({error.reason})", str(path))
        return revision
    except OSError as error:
        revision.problem = Problem(f"cannot read revision file ({error.strerror})", str(path))
        return revision
    try:
        tree = ast.parse(source, filename=str(path))
    except SyntaxError as error:
        revision.problem = Problem(
            f"syntax error in revision: {error.msg}", str(path), error.lineno
        )
        _recover_identifiers(revision, source)
        return revision
    revision._tree = tree
    _imports(tree.body, revision.imports)
    revision.functions = {
        node.name: (node.lineno, is_empty_function(node))
        for node in tree.body
        if isinstance(node, ast.FunctionDef) and node.name in ("upgrade", "downgrade")
    }
    upgrade = revision.function("upgrade")
    if upgrade is not None:
        # A regex over the function's lines: a full AST walk per file is slow on long histories.
        lines = source.splitlines()[upgrade.lineno - 1 : upgrade.end_lineno]
        revision.upgrade_calls = tuple(sorted(set(_METHOD_CALL.findall("\n".join(lines)))))
    values = _assignments(tree)
    if "revision" in values:
        value, line = values["revision"]
        ids = _strings(value)
        revision.revision = ids[0] if ids else None
        revision.revision_line = line
    if revision.revision is None:
        revision.problem = Problem(
            'not an Alembic revision: no `revision = "..."` string', str(path)
        )
        return revision
    for name, attribute in (
        ("down_revision", "down_revisions"),
        ("branch_labels", "branch_labels"),
        ("depends_on", "depends_on"),
    ):
        if name in values:
            value, line = values[name]
            setattr(revision, attribute, _strings(value) or ())
            if name == "down_revision":
                revision.down_revision_line = line
    return revision


def find_revision_files(directories: list[Path]) -> list[Path]:
    """Revision modules in Alembic version locations (recursively, as `recursive_version_locations`)."""
    files: list[Path] = []
    for directory in directories:
        files.extend(
            path
            for path in sorted(directory.rglob("*.py"))
            if path.name != "__init__.py" and "__pycache__" not in path.parts
        )
    return files


@dataclass(frozen=True)
class OpCall:
    """One `op.<name>(...)` (or `batch_op.<name>(...)`) call in a revision function."""

    name: str
    args: tuple[ast.expr, ...]
    keywords: dict[str, ast.expr]
    line: int
    # The table of the enclosing `with op.batch_alter_table("t") as batch_op:`, for batch calls.
    batch_table: str | None = None

    def argument(self, position: int, keyword: str) -> ast.expr | None:
        """A call argument given positionally or by keyword."""
        if keyword in self.keywords:
            return self.keywords[keyword]
        return self.args[position] if len(self.args) > position else None

    def string(self, position: int, keyword: str) -> str | None:
        value = self.argument(position, keyword)
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            return value.value
        return None


def _batch_tables(function: ast.FunctionDef) -> dict[str, str]:
    """`batch_op` name -> table for `with op.batch_alter_table("t") as batch_op:` blocks."""
    tables: dict[str, str] = {}
    for node in ast.walk(function):
        if not isinstance(node, ast.With):
            continue
        for item in node.items:
            call = item.context_expr
            if (
                isinstance(call, ast.Call)
                and isinstance(call.func, ast.Attribute)
                and call.func.attr == "batch_alter_table"
                and call.args
                and isinstance(call.args[0], ast.Constant)
                and isinstance(item.optional_vars, ast.Name)
            ):
                tables[item.optional_vars.id] = str(call.args[0].value)
    return tables


def op_calls(function: ast.FunctionDef | None) -> list[OpCall]:
    """Calls on `op` (and on batch operation objects) in source order."""
    if function is None:
        return []
    batch = _batch_tables(function)
    calls = []
    for node in ast.walk(function):
        if not (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and (node.func.value.id == "op" or node.func.value.id in batch)
        ):
            continue
        calls.append(
            OpCall(
                name=node.func.attr,
                args=tuple(node.args),
                keywords={k.arg: k.value for k in node.keywords if k.arg},
                line=node.lineno,
                batch_table=batch.get(node.func.value.id),
            )
        )
    return sorted(calls, key=lambda call: call.line)


def is_empty_function(function: ast.FunctionDef | None) -> bool:
    """No function, or a body of only `pass`, `...` and docstrings/comments."""
    if function is None:
        return True
    return all(
        isinstance(statement, ast.Pass)
        or (isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant))
        for statement in function.body
    )
