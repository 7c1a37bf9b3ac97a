"""Alembic environment for a schemawise round-trip fixture project."""

import importlib.util
from pathlib import Path

from alembic import context
from sqlalchemy import engine_from_config, pool

config = context.config
_models_path = Path(__file__).resolve().parent.parent / "models.py"
_spec = importlib.util.spec_from_file_location(
    f"rt_models_{_models_path.parent.name}", _models_path
)
_models = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_models)
target_metadata = _models.metadata


def run_migrations(connection):
    context.configure(connection=connection, target_metadata=target_metadata, compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    run_migrations(connection)
else:
    engine = engine_from_config(
        config.get_section(config.config_ini_section), poolclass=pool.NullPool
    )
    with engine.connect() as new_connection:
        run_migrations(new_connection)
