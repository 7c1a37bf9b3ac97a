"""Validate the `timeline_items.clip_id` foreign key added `NOT VALID` by 0003.

A revision of its own, so it runs in its own transaction (env.py sets `transaction_per_migration`):
the validating scan holds only SHARE UPDATE EXCLUSIVE, which does not block reads or writes.
If rows written before 0003 may point at clips that no longer exist, VALIDATE fails on them: find
them first (`WHERE NOT EXISTS (SELECT FROM clips ...)`) and repair or delete them in batches. Here
the application always deleted timeline items with their clip, so there are none.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03 16:15:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute("ALTER TABLE timeline_items VALIDATE CONSTRAINT fk_timeline_items_clip_id_clips")


def downgrade() -> None:
    # PostgreSQL cannot mark a constraint unvalidated again; re-creating it NOT VALID restores the
    # exact state 0003 left (enforced for new rows, old rows unchecked) without a scan.
    op.drop_constraint(
        op.f("fk_timeline_items_clip_id_clips"), "timeline_items", type_="foreignkey"
    )
    op.create_foreign_key(
        op.f("fk_timeline_items_clip_id_clips"),
        "timeline_items",
        "clips",
        ["clip_id"],
        ["id"],
        ondelete="CASCADE",
        postgresql_not_valid=True,
    )
