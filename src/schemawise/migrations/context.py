"""What an MG rule is given: every statement of the migrations, parsed, located and in context.

For rule authors. A migration rule receives one `LintContext` and yields `Finding`s:

    @rule("MG001", "non-concurrent-index-creation", severity="warning")
    def non_concurrent_index_creation(context: LintContext) -> Iterator[Finding]:
        for statement in context.statements:
            node = statement.node                      # a pglast.ast node, e.g. ast.IndexStmt
            if not isinstance(node, ast.IndexStmt) or node.concurrent:
                continue
            table = table_key(node.relation)
            if statement.table_created_earlier(table):
                continue                               # new table: nobody else is using it yet
            yield Finding(
                message=f"`CREATE INDEX` on `{table}` blocks writes while it builds"
                + statement.size_note(table),
                help=...,
                path=statement.path, line=statement.line, table=table,
                severity=statement.graded_severity(table),
            )

`context.statements` holds every parsed statement of the linted revisions (Alembic) or files (.sql), in
the order they run, excluding `BEGIN`/`COMMIT`/`ROLLBACK` (the transaction model consumes those; its
result is on each statement). SQL that pglast cannot parse is not in the list: the loader reports it.

Facts on a `StatementContext` describe the state *before* the statement runs:

- `node`, `sql`: the pglast statement node (`RawStmt.stmt`) and its SQL text.
- `path`, `line`: where the user fixes it: the `op.*` call in the revision file, or the statement's first
  line in a `.sql` file. `revision` is the Alembic revision id (None for .sql files); `op` is the name of
  the `op.*` function that emitted it (`"create_index"`, `"execute"`, ...; None for .sql files), so help
  can be phrased in Alembic terms where `statement.from_alembic`.
- `in_transaction`: inside a transaction block (Alembic's per-revision transaction, or an explicit
  `BEGIN` in SQL). False inside `autocommit_block()` and for statements of .sql files outside `BEGIN`.
- `table_created_earlier(name)`: the table was created earlier in the same revision (or .sql file), so
  it is new and empty, not "existing".
- `lock_timeout_in_force`: a non-zero `lock_timeout` applies (a `SET` earlier in the revision/file, the
  env.py connection options, or `[tool.schemawise.migrations] lock-timeout`).
- `locks`: table -> `LockMode` this statement itself takes (see `schemawise.migrations.locks`).
- `tables_locked_in_transaction`: table -> strongest `LockMode` the current transaction already holds;
  `transaction_holds_access_exclusive` is True when any of them is `ACCESS EXCLUSIVE`. Both include
  tables created in this transaction (nobody else can wait on those: filter with
  `table_created_earlier`).
- `constraints_added_not_valid_in_transaction`: `(table, constraint)` pairs added `NOT VALID` in the
  current transaction (for validation-in-same-transaction).
- `validated_not_null_checks`: table -> columns that have a validated `CHECK (col IS NOT NULL)`,
  earlier in the linted history (for set-not-null-scan on PostgreSQL 12+).
- `pg_version`: the target PostgreSQL major version (int, e.g. 15).
- `table_size(name)`: `TableSize(rows, bytes)` from the live database when `--database-url` was given,
  else None. `graded_severity(name)` turns it into a severity (None = the rule's own severity) and
  `size_note(name)` into a message suffix such as "; `videos` has ~2.1M rows" ("" when unknown).
- `expression_is_volatile(node)`: True when an expression calls a volatile function (`random()`,
  `gen_random_uuid()`, `clock_timestamp()`, `nextval()`), decided from `pg_proc.provolatile`;
  `now()`/`CURRENT_TIMESTAMP` are stable, so not volatile.

Table names throughout are `table_key(range_var)`: the bare lowercase name for `public` (or unqualified)
tables, `schema.table` otherwise. Graph rules (MG30x) read `context.graph` instead of the statements.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from schemawise.diagnostics import Severity

if TYPE_CHECKING:
    from schemawise.migrations.graph import RevisionGraph


class LockMode(IntEnum):
    """PostgreSQL table lock modes, weakest to strongest (manual: "Explicit Locking", table 13.2)."""

    ACCESS_SHARE = 1
    ROW_SHARE = 2
    ROW_EXCLUSIVE = 3
    SHARE_UPDATE_EXCLUSIVE = 4
    SHARE = 5
    SHARE_ROW_EXCLUSIVE = 6
    EXCLUSIVE = 7
    ACCESS_EXCLUSIVE = 8

    @property
    def label(self) -> str:
        return self.name.replace("_", " ")

    @property
    def blocks_writes(self) -> bool:
        """Conflicts with `ROW EXCLUSIVE` (INSERT/UPDATE/DELETE)."""
        return self >= LockMode.SHARE

    @property
    def blocks_reads(self) -> bool:
        """Conflicts with `ACCESS SHARE` (plain SELECT)."""
        return self is LockMode.ACCESS_EXCLUSIVE


def table_key(range_var: Any) -> str:
    """The name rules and facts use for a pglast `RangeVar`: `videos`, or `media.videos` off `public`."""
    schema = getattr(range_var, "schemaname", None)
    name = range_var.relname
    return name if schema in (None, "", "public") else f"{schema}.{name}"


@dataclass(frozen=True, slots=True)
class TableSize:
    """A live table's size, from `pg_class.reltuples` and `pg_total_relation_size`."""

    rows: int
    bytes: int

    @property
    def rows_text(self) -> str:
        """`~2.1M rows`, `~45k rows`, `12 rows`."""
        rows = max(self.rows, 0)
        if rows >= 1_000_000_000:
            return f"~{rows / 1_000_000_000:.1f}B rows"
        if rows >= 1_000_000:
            return f"~{rows / 1_000_000:.1f}M rows"
        if rows >= 10_000:
            return f"~{rows // 1000}k rows"
        return f"{rows} row" if rows == 1 else f"{rows} rows"


@dataclass(frozen=True)
class SizeGrading:
    """How table size changes a lock rule's severity (`[tool.schemawise.migrations]` thresholds)."""

    small_table_rows: int = 10_000
    large_table_rows: int = 1_000_000

    def severity(self, size: TableSize | None) -> Severity | None:
        if size is None:
            return None
        if size.rows < self.small_table_rows:
            return Severity.INFO
        if size.rows >= self.large_table_rows:
            return Severity.ERROR
        return Severity.WARNING


@dataclass
class StatementContext:
    node: Any  # pglast.ast.Node: the statement itself (RawStmt.stmt)
    sql: str
    path: str | None
    line: int | None
    revision: str | None = None
    op: str | None = None
    in_transaction: bool = False
    lock_timeout_in_force: bool = False
    locks: dict[str, LockMode] = field(default_factory=dict)
    tables_locked_in_transaction: dict[str, LockMode] = field(default_factory=dict)
    tables_created_before: frozenset[str] = frozenset()
    constraints_added_not_valid_in_transaction: frozenset[tuple[str, str]] = frozenset()
    validated_not_null_checks: Mapping[str, frozenset[str]] = field(default_factory=dict)
    pg_version: int = 15
    # Set by the loader: shared, run-wide facts (sizes, volatility).
    lint: LintContext | None = field(default=None, repr=False)

    @property
    def from_alembic(self) -> bool:
        return self.revision is not None

    def table_created_earlier(self, name: str) -> bool:
        return name in self.tables_created_before

    @property
    def transaction_holds_access_exclusive(self) -> bool:
        return any(
            mode is LockMode.ACCESS_EXCLUSIVE for mode in self.tables_locked_in_transaction.values()
        )

    def has_validated_not_null_check(self, table: str, column: str) -> bool:
        return column in self.validated_not_null_checks.get(table, frozenset())

    def table_size(self, name: str) -> TableSize | None:
        return self.lint.table_size(name) if self.lint else None

    def graded_severity(self, name: str) -> Severity | None:
        """Severity by the table's live size; None (use the rule's own) when the size is unknown."""
        return self.lint.graded_severity(name) if self.lint else None

    def size_note(self, name: str) -> str:
        """ "; `videos` has ~2.1M rows" for a message, or "" when the size is unknown."""
        size = self.table_size(name)
        return f"; `{name}` has {size.rows_text}" if size else ""

    def expression_is_volatile(self, node: Any) -> bool:
        return self.lint.expression_is_volatile(node) if self.lint else False


@dataclass
class LintContext:
    statements: list[StatementContext] = field(default_factory=list)
    pg_version: int = 15
    # Live sizes of the tables the statements touch (empty without `--database-url`).
    table_sizes: dict[str, TableSize] = field(default_factory=dict)
    grading: SizeGrading = field(default_factory=SizeGrading)
    # The Alembic revision graph (None when linting .sql files).
    graph: RevisionGraph | None = None
    # The project's model modules (`models` in [tool.schemawise]): revisions must not import them.
    application_modules: frozenset[str] = frozenset()
    # function name -> provolatile ('i', 's', 'v'); see `schemawise.migrations.volatility`.
    volatility: Callable[[str], str | None] | None = field(default=None, repr=False)

    def table_size(self, name: str) -> TableSize | None:
        return self.table_sizes.get(name)

    def graded_severity(self, name: str) -> Severity | None:
        return self.grading.severity(self.table_size(name))

    def expression_is_volatile(self, node: Any) -> bool:
        from schemawise.migrations.volatility import expression_is_volatile

        return expression_is_volatile(node, self.volatility)
