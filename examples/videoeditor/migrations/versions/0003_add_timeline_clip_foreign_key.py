"""Add the `timeline_items.clip_id` foreign key `NOT VALID`; 0004 validates it.

Adding a foreign key normally checks every existing row while holding a SHARE ROW EXCLUSIVE lock on
both tables, blocking writes for the whole scan. `NOT VALID` skips the scan: the constraint is
enforced for new and updated rows at once, and the old rows are checked by `VALIDATE CONSTRAINT` in
the next revision, which only takes a SHARE UPDATE EXCLUSIVE lock (reads and writes go on).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03 16:10:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_foreign_key(
        op.f("fk_timeline_items_clip_id_clips"),
        "timeline_items",
        "clips",
        ["clip_id"],
        ["id"],
        ondelete="CASCADE",
        postgresql_not_valid=True,
    )


def downgrade() -> None:
    op.drop_constraint(
        op.f("fk_timeline_items_clip_id_clips"), "timeline_items", type_="foreignkey"
    )
