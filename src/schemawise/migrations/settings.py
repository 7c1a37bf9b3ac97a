"""`[tool.schemawise.migrations]`: where the migrations are and how they run."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class MigrationsSettings:
    # An alembic.ini, a directory holding one, an Alembic script directory, or .sql files.
    paths: list[str] = field(default_factory=list)
    # The PostgreSQL major version the migrations run on; decides what is safe (e.g. defaults on 11+).
    # Unset: the server's version when a database URL is given, else 15.
    pg_version: int | None = None
    # Baseline: lint only revisions after this one (as `alembic upgrade REV:head`); `--since` on the CLI.
    lint_from: str | None = None
    # Overrides for what env.py declares (read from its source; None = as env.py says, or Alembic's
    # default). `transactional_ddl = false` means revisions do not run inside a transaction.
    transactional_ddl: bool | None = None
    transaction_per_migration: bool | None = None
    # A lock_timeout your deploy sets outside the migrations (e.g. "5s" in the role or connect options);
    # "0" declares that none is set, even if env.py seems to set one.
    lock_timeout: str | None = None
    # Plain .sql files: assume they run inside one transaction (`psql --single-transaction`).
    sql_in_transaction: bool = False
    # Reuse rendered SQL of unchanged revisions between runs (see `schemawise.migrations.render_cache`).
    cache: bool = True
    # Size-aware severity with a database URL: below `small_table_rows` a lock finding is info, from
    # `large_table_rows` on it is an error, in between a warning.
    small_table_rows: int = 10_000
    large_table_rows: int = 1_000_000
