"""Errors a user can cause. The CLI turns each into one line on stderr and exit code 2.

Messages are complete sentences about the user's input; they never contain a password
(use `schemawise.pg.urls.redact` before putting a URL in one).
"""

from __future__ import annotations


class SchemawiseError(Exception):
    """Base of every user-facing error: `str(error)` is the one line the CLI prints."""


class ConfigError(SchemawiseError):
    """Malformed `[tool.schemawise]`, unknown option, unknown rule selector."""


class ModelImportError(SchemawiseError):
    """A models target could not be imported or names nothing usable."""


class MigrationParseError(SchemawiseError):
    """A revision or SQL file could not be read, parsed or rendered."""


class DatabaseUnavailable(SchemawiseError):
    """The server could not be reached, refused the login, or lacks a needed privilege."""


class MissingExtension(SchemawiseError):
    """A feature needs a PostgreSQL extension the server does not have."""
