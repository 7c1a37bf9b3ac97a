"""Rendered revision output to a lint unit: SQL parsed into statements located at their `op.*` line."""

from __future__ import annotations

from schemawise.migrations.revisions import RevisionFile
from schemawise.migrations.sqltext import parse_statements
from schemawise.migrations.units import EmittedStatement, LintUnit, Problem, Rendering


def unit_from_rendering(
    revision: RevisionFile, rendering: Rendering, transactional_ddl: bool
) -> LintUnit:
    """Parse the rendered SQL into located statements (unparsable SQL becomes a problem)."""
    unit = LintUnit(
        path=revision.path,
        revision=revision.revision,
        starts_in_transaction=transactional_ddl,
        problems=list(rendering.problems),
    )
    for text, line, op in rendering.chunks:
        where = line or revision.function_line("upgrade") or 1
        for statement in parse_statements(text):
            if statement.error:
                unit.problems.append(
                    Problem(f"SQL does not parse ({statement.error})", revision.path, where)
                )
            unit.statements.append(
                EmittedStatement(
                    sql=statement.sql,
                    path=revision.path,
                    line=where,
                    node=statement.node,
                    error=statement.error,
                    op=op,
                )
            )
    return unit
