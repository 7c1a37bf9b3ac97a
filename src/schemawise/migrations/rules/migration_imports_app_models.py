"""MG302: a revision that imports the application's models."""

from __future__ import annotations

from collections.abc import Iterator

from schemawise.migrations.context import LintContext
from schemawise.registry import Finding, rule

# Libraries whose own `models`-like modules are fine to import in a revision.
LIBRARIES = ("alembic", "sqlalchemy", "sqlmodel", "geoalchemy2", "sqlalchemy_utils", "pgvector")
MODEL_MODULE_NAMES = {"models", "model"}


def _is_application_model(module: str, application_modules: frozenset[str]) -> bool:
    if module.split(".")[0] in LIBRARIES:
        return False
    if any(module == m or module.startswith(m + ".") for m in application_modules):
        return True
    return bool(MODEL_MODULE_NAMES & set(module.split(".")))


@rule("MG302", "migration-imports-app-models", severity="warning")
def migration_imports_app_models(context: LintContext) -> Iterator[Finding]:
    """## What it does
    Flags a revision that imports the application's models: a module named `models`/`model`, or one
    of the modules configured as `models` in `[tool.schemawise]`.

    ## Why is this bad?
    A revision is a snapshot of one moment of the schema, but the models keep changing. Once a column
    is renamed or a model deleted, the old revision fails to import or silently does something else, so
    a fresh database can no longer be built from the history.

    ## Example
    ```python
    from app.models import Video


    def upgrade() -> None:
        op.create_table(Video.__tablename__, *Video.__table__.columns)
    ```

    ## Use instead
    ```python
    def upgrade() -> None:
        op.create_table(
            "videos",
            sa.Column("id", sa.BigInteger(), sa.Identity(), primary_key=True),
        )
    ```
    """
    graph = context.graph
    if graph is None:
        return
    for revision in graph.by_id.values():
        if revision.revision not in graph.in_scope:
            continue
        reported: set[int] = set()
        for module, line in revision.imports:
            if line in reported or not _is_application_model(module, context.application_modules):
                continue
            reported.add(line)
            yield Finding(
                message=f"Revision `{revision.revision}` imports application models from `{module}`",
                help="Write table and column names and `sa.*` types into the revision instead of "
                "importing models",
                path=revision.path,
                line=line,
                object=revision.revision,
            )
