"""The transaction model: what each statement knows about the transaction and the revision around it."""

from __future__ import annotations

from pathlib import Path

from lint_helpers import revision_source
from pglast import ast

from schemawise.migrations.context import LockMode, StatementContext
from schemawise.migrations.inputs import SqlSource, resolve_input
from schemawise.migrations.loader import load_alembic, load_sql
from schemawise.migrations.settings import MigrationsSettings
from schemawise.migrations.transactions import build_statement_contexts


def sql_statements(tmp_path: Path, sql: str, **settings: object) -> list[StatementContext]:
    path = tmp_path / "migration.sql"
    path.write_text(sql)
    loaded = load_sql(SqlSource([path]), MigrationsSettings(**settings))  # type: ignore[arg-type]
    return build_statement_contexts(loaded.units, 15)


def alembic_statements(script: Path, **settings: object) -> list[StatementContext]:
    loaded = load_alembic(resolve_input(script), MigrationsSettings(**settings))  # type: ignore[arg-type]
    return build_statement_contexts(loaded.units, 15)


def test_alembic_revision_runs_in_a_transaction_except_inside_autocommit_block(history):
    script = history(
        {
            "0001.py": revision_source(
                "0001",
                None,
                upgrade="""
                op.add_column("videos", sa.Column("owner_id", sa.BigInteger()))
                with op.get_context().autocommit_block():
                    op.create_index(
                        "idx_videos_owner_id", "videos", ["owner_id"], postgresql_concurrently=True
                    )
                op.drop_column("videos", "legacy")
                """,
            )
        }
    )
    statements = alembic_statements(script)
    assert [s.in_transaction for s in statements] == [True, False, True]
    # COMMIT released the ALTER TABLE's lock; the transaction after BEGIN starts with none.
    assert statements[2].tables_locked_in_transaction == {}


def test_transactional_ddl_false_in_env_py_means_no_transaction(history):
    env = """
    from alembic import context

    context.configure(url="postgresql://", transactional_ddl=False)
    """
    script = history({"0001.py": revision_source("0001", None, upgrade='op.drop_table("a")')}, env)
    assert [s.in_transaction for s in alembic_statements(script)] == [False]


def test_config_overrides_env_py_transaction_mode(history):
    env = """
    from alembic import context

    context.configure(url="postgresql://", transactional_ddl=False)
    """
    script = history({"0001.py": revision_source("0001", None, upgrade='op.drop_table("a")')}, env)
    statements = alembic_statements(script, transactional_ddl=True)
    assert [s.in_transaction for s in statements] == [True]


def test_lock_timeout_from_env_py_connect_args_is_in_force(history):
    env = """
    from sqlalchemy import create_engine

    engine = create_engine("postgresql://", connect_args={"options": "-c lock_timeout=3s"})
    """
    script = history({"0001.py": revision_source("0001", None, upgrade='op.drop_table("a")')}, env)
    assert alembic_statements(script)[0].lock_timeout_in_force
    # "0" declared in config means none is set, whatever env.py seems to say.
    assert not alembic_statements(script, lock_timeout="0")[0].lock_timeout_in_force


def test_sql_file_statements_run_outside_a_transaction_unless_begin(tmp_path):
    statements = sql_statements(
        tmp_path,
        """
        ALTER TABLE videos ADD COLUMN a int;
        CREATE INDEX idx_videos_a ON videos (a);
        BEGIN;
        ALTER TABLE videos ADD COLUMN b int;
        CREATE INDEX idx_videos_b ON videos (b);
        COMMIT;
        """,
    )
    assert [s.in_transaction for s in statements] == [False, False, True, True]
    assert statements[1].tables_locked_in_transaction == {}
    assert statements[3].tables_locked_in_transaction == {"videos": LockMode.ACCESS_EXCLUSIVE}
    assert statements[3].transaction_holds_access_exclusive


def test_sql_in_transaction_setting_wraps_a_file_in_one_transaction(tmp_path):
    statements = sql_statements(tmp_path, "DROP TABLE a; DROP TABLE b;", sql_in_transaction=True)
    assert [s.in_transaction for s in statements] == [True, True]
    assert statements[1].tables_locked_in_transaction == {"a": LockMode.ACCESS_EXCLUSIVE}


def test_tables_created_earlier_in_the_same_file_are_not_existing(tmp_path):
    statements = sql_statements(
        tmp_path,
        "CREATE TABLE clips (id int); CREATE INDEX idx_clips_id ON clips (id); "
        "CREATE INDEX idx_videos_id ON videos (id);",
    )
    assert statements[1].table_created_earlier("clips")
    assert not statements[2].table_created_earlier("videos")
    assert not statements[0].table_created_earlier("clips")


def test_tables_created_in_an_earlier_revision_count_as_existing(history):
    script = history(
        {
            "0001.py": revision_source(
                "0001", None, upgrade='op.create_table("clips", sa.Column("id", sa.Integer()))'
            ),
            "0002.py": revision_source(
                "0002", "0001", upgrade='op.create_index("idx_clips_id", "clips", ["id"])'
            ),
        }
    )
    index = alembic_statements(script)[1]
    assert isinstance(index.node, ast.IndexStmt)
    assert not index.table_created_earlier("clips")


def test_set_local_lock_timeout_ends_with_the_transaction(tmp_path):
    statements = sql_statements(
        tmp_path,
        """
        BEGIN;
        SET LOCAL lock_timeout = '2s';
        ALTER TABLE videos ADD COLUMN a int;
        COMMIT;
        ALTER TABLE videos ADD COLUMN b int;
        SET lock_timeout = '2s';
        ALTER TABLE videos ADD COLUMN c int;
        SET lock_timeout = 0;
        ALTER TABLE videos ADD COLUMN d int;
        """,
    )
    alters = [s for s in statements if isinstance(s.node, ast.AlterTableStmt)]
    assert [s.lock_timeout_in_force for s in alters] == [True, False, True, False]


def test_not_valid_constraints_are_tracked_per_transaction(tmp_path):
    statements = sql_statements(
        tmp_path,
        """
        BEGIN;
        ALTER TABLE clips ADD CONSTRAINT fk_clips_video_id_videos
            FOREIGN KEY (video_id) REFERENCES videos (id) NOT VALID;
        ALTER TABLE clips VALIDATE CONSTRAINT fk_clips_video_id_videos;
        COMMIT;
        ALTER TABLE clips VALIDATE CONSTRAINT fk_clips_video_id_videos;
        """,
    )
    same_transaction, separate = statements[1], statements[2]
    assert ("clips", "fk_clips_video_id_videos") in (
        same_transaction.constraints_added_not_valid_in_transaction
    )
    assert separate.constraints_added_not_valid_in_transaction == frozenset()


def test_validated_not_null_check_is_known_once_validated(tmp_path):
    statements = sql_statements(
        tmp_path,
        """
        ALTER TABLE videos ADD CONSTRAINT ck_videos_title_not_null
            CHECK (title IS NOT NULL) NOT VALID;
        ALTER TABLE videos ALTER COLUMN title SET NOT NULL;
        ALTER TABLE videos VALIDATE CONSTRAINT ck_videos_title_not_null;
        ALTER TABLE videos ALTER COLUMN title SET NOT NULL;
        """,
    )
    assert not statements[1].has_validated_not_null_check("videos", "title")
    assert statements[3].has_validated_not_null_check("videos", "title")


def test_drop_index_locks_the_table_the_history_created_it_on(tmp_path):
    statements = sql_statements(
        tmp_path, "CREATE INDEX idx_clips_a ON clips (a); DROP INDEX idx_clips_a;"
    )
    assert statements[1].locks == {"clips": LockMode.ACCESS_EXCLUSIVE}
