"""`[tool.schemawise.migrations]`: where the migrations are and how they run."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class MigrationsSettings:
    # An alembic.ini, a directory holding one, an Alembic script directory, or .sql files.
    paths: list[str] = field(default_factory=list)
    # The PostgreSQL major version the migrations run on; decides what is safe (e.g. defaults on 11+).
    pg_version: int = 15
