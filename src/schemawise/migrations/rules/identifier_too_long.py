"""MG205: an identifier over 63 bytes in DDL."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pglast import ast
from pglast.parser import scan

from schemawise.migrations.context import LintContext
from schemawise.migrations.rules._statements import alembic_or_sql, finding
from schemawise.registry import Finding, rule

# NAMEDATALEN - 1: PostgreSQL truncates longer identifiers (with only a NOTICE).
MAX_IDENTIFIER_BYTES = 63
# Data statements name existing objects; only definitions create names.
DATA_STATEMENTS = (ast.SelectStmt, ast.InsertStmt, ast.UpdateStmt, ast.DeleteStmt)


# Any run of characters that could be one identifier; only SQL with a long one is scanned properly.
WORD = re.compile(r'"(?:[^"]|"")*"|[^\s,;()=."]+')


def may_hold_long_identifier(sql: str) -> bool:
    return any(len(word.encode()) > MAX_IDENTIFIER_BYTES for word in WORD.findall(sql))


def long_identifiers(sql: str) -> list[str]:
    """Identifiers in `sql` longer than 63 bytes, as written (the parser has already truncated them)."""
    if not may_hold_long_identifier(sql):
        return []
    encoded = sql.encode()
    found: list[str] = []
    for token in scan(sql):
        if token.name != "IDENT":
            continue
        text = encoded[token.start : token.end + 1].decode(errors="replace")
        name = text[1:-1].replace('""', '"') if text.startswith('"') else text.lower()
        if len(name.encode()) > MAX_IDENTIFIER_BYTES and name not in found:
            found.append(name)
    return found


@rule("MG205", "identifier-too-long", severity="warning")
def identifier_too_long(context: LintContext) -> Iterator[Finding]:
    """## What it does
    Flags table, column, index, constraint and other names longer than 63 bytes in DDL.

    ## Why is this bad?
    PostgreSQL silently truncates identifiers to 63 bytes. The object is created under a different
    name than the migration and the models use, so later `op.drop_index(...)` or
    `op.drop_constraint(...)` calls fail, autogenerate sees a difference on every run, and two long
    names sharing their first 63 bytes collide.

    ## Example
    ```python
    def upgrade() -> None:
        op.create_index(
            "idx_video_render_jobs_requested_by_user_id_and_started_at_and_finished_at",
            "video_render_jobs",
            ["requested_by_user_id", "started_at", "finished_at"],
        )
    ```

    ## Use instead
    ```python
    def upgrade() -> None:
        op.create_index(
            "idx_video_render_jobs_requester_started_finished",
            "video_render_jobs",
            ["requested_by_user_id", "started_at", "finished_at"],
        )
    ```
    """
    for statement in context.statements:
        if isinstance(statement.node, DATA_STATEMENTS):
            continue
        for name in long_identifiers(statement.sql):
            size = len(name.encode())
            yield finding(
                statement,
                f"`{name}` is {size} bytes; PostgreSQL truncates it to "
                f"`{name.encode()[:MAX_IDENTIFIER_BYTES].decode(errors='ignore')}`",
                alembic_or_sql(
                    statement,
                    "Pass a name of at most 63 bytes (or shorten the naming convention's pattern)",
                    "Use a name of at most 63 bytes",
                ),
                object=name,
            )
