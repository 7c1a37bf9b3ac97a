"""SQL text to parsed statements, each with its line, keeping going past statements that do not parse.

The whole text is parsed in one go when it can be (the common case). When it cannot, it is split at
top-level semicolons with PostgreSQL's own scanner (so quotes, comments and dollar quoting are respected)
and every piece is parsed alone: one bad statement is reported, the others are still linted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pglast
from pglast.parser import ParseError, scan


@dataclass(frozen=True, slots=True)
class SqlStatement:
    sql: str
    # 1-based line of the statement's first token within the text.
    line: int
    node: Any = None  # the pglast statement node; None when it does not parse
    error: str | None = None


def _line_at(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _first_token_offset(text: str, start: int, end: int) -> int:
    """Offset of the first character after whitespace and comments in `text[start:end]`."""
    position = start
    while position < end:
        if text[position].isspace():
            position += 1
        elif text.startswith("--", position):
            newline = text.find("\n", position)
            position = end if newline == -1 else newline + 1
        elif text.startswith("/*", position):
            close = text.find("*/", position + 2)
            position = end if close == -1 else close + 2
        else:
            return position
    return start


def _error_text(error: Exception) -> str:
    return str(error).splitlines()[0] if str(error) else type(error).__name__


def _split_with_scanner(text: str) -> list[tuple[int, int]]:
    """(start, end) of each top-level statement; the scanner marks `;` as token `ASCII_59`."""
    try:
        tokens = scan(text)
    except ParseError:
        return [(0, len(text))]  # unterminated quote or comment: one unparsable piece
    pieces: list[tuple[int, int]] = []
    start: int | None = None
    for token in tokens:
        if token.name == "SQL_COMMENT" or token.name == "C_COMMENT":
            continue
        if token.name == "ASCII_59":
            if start is not None:
                pieces.append((start, token.end + 1))
            start = None
        elif start is None:
            start = token.start
    if start is not None:
        pieces.append((start, len(text)))
    return pieces


def _strip_terminator(sql: str) -> str:
    sql = sql.strip()
    return sql[:-1].rstrip() if sql.endswith(";") else sql


def parse_statements(text: str) -> list[SqlStatement]:
    """Every statement of `text`, parsed where possible, in order."""
    try:
        raw_statements = pglast.parse_sql(text)
    except ParseError:
        raw_statements = None
    if raw_statements is not None:
        result = []
        for raw in raw_statements:
            end = raw.stmt_location + raw.stmt_len if raw.stmt_len else len(text)
            start = _first_token_offset(text, raw.stmt_location, end)
            result.append(
                SqlStatement(
                    sql=_strip_terminator(text[start:end]),
                    line=_line_at(text, start),
                    node=raw.stmt,
                )
            )
        return result
    result = []
    for start, end in _split_with_scanner(text):
        piece = _strip_terminator(text[start:end])
        if not piece:
            continue
        try:
            parsed = pglast.parse_sql(piece)
        except ParseError as error:
            result.append(
                SqlStatement(sql=piece, line=_line_at(text, start), error=_error_text(error))
            )
            continue
        for raw in parsed:
            result.append(SqlStatement(sql=piece, line=_line_at(text, start), node=raw.stmt))
    return result
