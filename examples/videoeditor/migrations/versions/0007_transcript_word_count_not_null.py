"""Make `transcripts.word_count` NOT NULL without a long exclusive lock.

`VALIDATE CONSTRAINT` scans the table under SHARE UPDATE EXCLUSIVE (reads and writes continue).
`SET NOT NULL` needs ACCESS EXCLUSIVE, but since PostgreSQL 12 it skips its scan when a validated
`CHECK (word_count IS NOT NULL)` already proves the column has no NULLs, so that lock is held for
a moment only. The helper check is then redundant and dropped. The range check added `NOT VALID`
in 0005 is validated here too.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 16:30:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute("ALTER TABLE transcripts VALIDATE CONSTRAINT ck_transcripts_word_count_not_null")
    op.execute("ALTER TABLE transcripts VALIDATE CONSTRAINT ck_transcripts_word_count_not_negative")
    op.alter_column("transcripts", "word_count", nullable=False)
    op.drop_constraint(op.f("ck_transcripts_word_count_not_null"), "transcripts", type_="check")


def downgrade() -> None:
    op.alter_column("transcripts", "word_count", nullable=True)
    # Back to the state 0006 left: both checks present and not yet validated.
    op.create_check_constraint(
        op.f("ck_transcripts_word_count_not_null"),
        "transcripts",
        "word_count IS NOT NULL",
        postgresql_not_valid=True,
    )
    op.drop_constraint(op.f("ck_transcripts_word_count_not_negative"), "transcripts", type_="check")
    op.create_check_constraint(
        op.f("ck_transcripts_word_count_not_negative"),
        "transcripts",
        "word_count >= 0",
        postgresql_not_valid=True,
    )
