"""A generated Alembic history for the migrations-test benchmark: N revisions, models matching head.

Every fifth revision creates a table (with a foreign key to the previous one and its index); the
others add a nullable column, index it, add a NOT NULL column with a server default, and add a CHECK.
Every downgrade is the exact inverse, so both tools should find nothing and do all their work.
The env.py takes `config.attributes["connection"]` when given (a Connection from schemawise, as in
Alembic's "sharing a connection" recipe; an Engine from pytest-alembic), else `sqlalchemy.url`.
"""

from __future__ import annotations

from pathlib import Path

ENV = """
import sys
from pathlib import Path

from alembic import context
from sqlalchemy import Connection, engine_from_config, pool

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from models import metadata  # noqa: E402

config = context.config


def run(connection):
    context.configure(connection=connection, target_metadata=metadata)
    with context.begin_transaction():
        context.run_migrations()


# schemawise shares a Connection (Alembic's recipe), pytest-alembic an Engine: take either.
connectable = config.attributes.get("connection")
if connectable is None:
    connectable = engine_from_config(
        config.get_section(config.config_ini_section), poolclass=pool.NullPool
    )
if isinstance(connectable, Connection):
    run(connectable)
else:
    with connectable.connect() as connection:
        run(connection)
"""

CONFTEST = '''
import os
import uuid

import psycopg
import pytest
import sqlalchemy as sa


@pytest.fixture
def alembic_config():
    return {"file": "alembic.ini"}


@pytest.fixture
def alembic_engine():
    """A fresh database per test on the benchmark's server, with the settings schemawise uses."""
    server = os.environ["BENCHMARK_DATABASE_URL"]
    name = f"bench_pytest_alembic_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        admin.execute(f'ALTER DATABASE "{name}" SET synchronous_commit = off')
    base, _, _ = server.rpartition("/")
    engine = sa.create_engine(f"{base}/{name}".replace("postgresql://", "postgresql+psycopg://", 1))
    try:
        yield engine
    finally:
        engine.dispose()
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
'''

REVISION = '''"""revision {number}"""

import sqlalchemy as sa
from alembic import op

revision = "{revision}"
down_revision = {down}


def upgrade():
{upgrade}


def downgrade():
{downgrade}
'''


def _indent(lines: list[str]) -> str:
    return "\n".join("    " + line for line in lines)


def generate(directory: Path, revisions: int) -> Path:
    """Write the project into `directory`; return its alembic.ini."""
    versions = directory / "migrations" / "versions"
    versions.mkdir(parents=True, exist_ok=True)
    (directory / "alembic.ini").write_text(
        "[alembic]\nscript_location = %(here)s/migrations\n"
        "sqlalchemy.url = postgresql+psycopg://unused@127.0.0.1:1/unused\n"
    )
    (directory / "migrations" / "env.py").write_text(ENV)
    # pytest-alembic binds its built-in tests to `tests/conftest.py` by default.
    (directory / "tests").mkdir(exist_ok=True)
    (directory / "tests" / "conftest.py").write_text(CONFTEST)
    (directory / "pytest.ini").write_text("[pytest]\naddopts = -p no:cacheprovider\n")
    tables: dict[str, list[str]] = {}  # table -> model lines
    current = ""
    for number in range(1, revisions + 1):
        step = (number - 1) % 5
        up: list[str]
        down: list[str]
        if step == 0:
            previous, current = current, f"t{number:03d}"
            columns = [
                'sa.Column("id", sa.BigInteger(), sa.Identity(), primary_key=True)',
                'sa.Column("name", sa.Text(), nullable=False)',
            ]
            if previous:
                columns.append(
                    f'sa.Column("parent_id", sa.BigInteger(), sa.ForeignKey("{previous}.id"), nullable=True)'
                )
            up = [f'op.create_table("{current}", ' + ", ".join(columns) + ")"]
            down = [f'op.drop_table("{current}")']
            tables[current] = list(columns)
            if previous:
                up.append(f'op.create_index("idx_{current}_parent_id", "{current}", ["parent_id"])')
                down.insert(0, f'op.drop_index("idx_{current}_parent_id", table_name="{current}")')
                tables[current].append(f'sa.Index("idx_{current}_parent_id", "parent_id")')
        elif step == 1:
            column = f"c{number:03d}"
            up = [f'op.add_column("{current}", sa.Column("{column}", sa.Integer(), nullable=True))']
            down = [f'op.drop_column("{current}", "{column}")']
            tables[current].append(f'sa.Column("{column}", sa.Integer(), nullable=True)')
        elif step == 2:
            column = f"c{number - 1:03d}"
            index = f"idx_{current}_{column}"
            up = [f'op.create_index("{index}", "{current}", ["{column}"])']
            down = [f'op.drop_index("{index}", table_name="{current}")']
            tables[current].append(f'sa.Index("{index}", "{column}")')
        elif step == 3:
            column = f"s{number:03d}"
            definition = f'sa.Column("{column}", sa.Text(), nullable=False, server_default="x")'
            up = [f'op.add_column("{current}", {definition})']
            down = [f'op.drop_column("{current}", "{column}")']
            tables[current].append(definition)
        else:
            column = f"c{number - 3:03d}"
            name = f"ck_{current}_{column}_positive"
            up = [f'op.create_check_constraint("{name}", "{current}", "{column} >= 0")']
            down = [f'op.drop_constraint("{name}", "{current}", type_="check")']
            tables[current].append(f'sa.CheckConstraint("{column} >= 0", name="{name}")')
        revision = f"r{number:03d}"
        down_revision = f'"r{number - 1:03d}"' if number > 1 else "None"
        (versions / f"{revision}.py").write_text(
            REVISION.format(
                number=number,
                revision=revision,
                down=down_revision,
                upgrade=_indent(up),
                downgrade=_indent(down),
            )
        )
    models = ["import sqlalchemy as sa", "", "metadata = sa.MetaData()", ""]
    for table, lines in tables.items():
        models.append(f'sa.Table("{table}", metadata,')
        models.extend(f"    {line}," for line in lines)
        models.append(")")
    (directory / "models.py").write_text("\n".join(models) + "\n")
    return directory / "alembic.ini"
