"""Add `transcripts.word_count`, step 1 of a new NOT NULL column: add it nullable.

`ADD COLUMN ... NOT NULL` without a default fails on a table with rows, and a computed value cannot be
a default. So the column is added nullable (a catalog-only change), the application starts writing it
for new rows, 0006 backfills old rows in batches, and 0007 makes it NOT NULL without a table scan
under an exclusive lock. Its range check is added `NOT VALID` here (no scan) and validated in 0007.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03 16:20:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("transcripts", sa.Column("word_count", sa.Integer(), nullable=True))
    op.create_check_constraint(
        op.f("ck_transcripts_word_count_not_negative"),
        "transcripts",
        "word_count >= 0",
        postgresql_not_valid=True,
    )


def downgrade() -> None:
    op.drop_constraint(op.f("ck_transcripts_word_count_not_negative"), "transcripts", type_="check")
    op.drop_column("transcripts", "word_count")
