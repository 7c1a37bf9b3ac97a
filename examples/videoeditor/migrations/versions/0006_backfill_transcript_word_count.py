"""Backfill `transcripts.word_count` in batches, then add `CHECK (word_count IS NOT NULL) NOT VALID`.

One `UPDATE` over the whole table would lock every row it touches until it commits, bloat the table
with a full set of dead tuples at once and, on a big table, run into `statement_timeout`. Instead,
batches of `BATCH_SIZE` rows in primary-key order each commit on their own (`autocommit_block()`),
so row locks are short and autovacuum can keep up. Rows that already have a value (written by the
new application code) are left alone, so the backfill can be re-run after an interruption.

The NOT NULL check is added `NOT VALID` (no scan, brief lock); 0007 validates it and uses it to make
`SET NOT NULL` skip its own full-table scan.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03 16:25:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH_SIZE = 5000
_SMALLEST_UUID = "00000000-0000-0000-0000-000000000000"

# One batch: the next BATCH_SIZE ids after the previous batch (keyset over the primary key, so each
# batch is an index range scan, not a rescan from the start), updated where still NULL.
_BACKFILL_BATCH = sa.text(
    """
    WITH batch AS (
        SELECT id FROM transcripts WHERE id > CAST(:after AS uuid) ORDER BY id LIMIT :batch_size
    ), updated AS (
        UPDATE transcripts AS t
        SET word_count = CASE
            WHEN btrim(t.full_text) = '' THEN 0
            ELSE array_length(regexp_split_to_array(btrim(t.full_text), '\\s+'), 1)
        END
        FROM batch
        WHERE t.id = batch.id AND t.word_count IS NULL
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
        op.f("ck_transcripts_word_count_not_null"),
        "transcripts",
        "word_count IS NOT NULL",
        postgresql_not_valid=True,
    )


def downgrade() -> None:
    # The backfilled values are kept: they are correct, and 0005's downgrade drops the column.
    op.drop_constraint(op.f("ck_transcripts_word_count_not_null"), "transcripts", type_="check")
