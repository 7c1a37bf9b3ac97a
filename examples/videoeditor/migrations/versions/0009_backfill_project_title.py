"""Rename step 2: backfill `projects.title` in batches; add `CHECK (title IS NOT NULL) NOT VALID`.

Same batching as 0006: keyset over the primary key, one short transaction per batch, only rows still
missing a title, so it can be interrupted and re-run. The 0008 trigger keeps rows written meanwhile
in sync, so no row can be missed once the last batch commits.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03 16:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH_SIZE = 5000
_SMALLEST_UUID = "00000000-0000-0000-0000-000000000000"

_BACKFILL_BATCH = sa.text(
    """
    WITH batch AS (
        SELECT id FROM projects WHERE id > CAST(:after AS uuid) ORDER BY id LIMIT :batch_size
    ), updated AS (
        UPDATE projects AS p SET title = p.name
        FROM batch
        WHERE p.id = batch.id AND p.title IS NULL
    )
    SELECT id FROM batch ORDER BY id DESC LIMIT 1
    """
)


_OFFLINE_BACKFILL = f"""
DO $$
DECLARE
    last_id uuid := '{_SMALLEST_UUID}';
BEGIN
    LOOP
        {
    _BACKFILL_BATCH.text.strip()
    .replace("CAST(:after AS uuid)", "last_id")
    .replace(":batch_size", str(BATCH_SIZE))
    .replace("SELECT id FROM batch ORDER", "SELECT id INTO last_id FROM batch ORDER")
};
        EXIT WHEN last_id IS NULL;
        COMMIT;
    END LOOP;
END
$$
"""


def upgrade() -> None:
    with op.get_context().autocommit_block():
        if op.get_context().as_sql:
            # `alembic upgrade --sql`: the same batches as a DO block that commits after each one
            # (allowed since PostgreSQL 11 outside a transaction block, which autocommit_block is).
            op.execute(_OFFLINE_BACKFILL)
        else:
            connection = op.get_bind()
            after = _SMALLEST_UUID
            while True:
                last_id = connection.execute(
                    _BACKFILL_BATCH, {"after": after, "batch_size": BATCH_SIZE}
                ).scalar()
                if last_id is None:
                    break
                after = str(last_id)
    op.create_check_constraint(
        op.f("ck_projects_title_not_null"),
        "projects",
        "title IS NOT NULL",
        postgresql_not_valid=True,
    )


def downgrade() -> None:
    # Backfilled titles stay: 0008's downgrade drops the column.
    op.drop_constraint(op.f("ck_projects_title_not_null"), "projects", type_="check")
