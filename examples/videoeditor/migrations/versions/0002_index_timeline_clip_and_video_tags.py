"""Index `timeline_items.clip_id` and `videos.tags` without blocking writes.

`CREATE INDEX` takes a SHARE lock that blocks every INSERT, UPDATE and DELETE for the whole build;
`CONCURRENTLY` builds without it, but cannot run inside a transaction, hence `autocommit_block()`.
The clip index comes before the foreign key that needs it (0003): with it, deleting a clip finds its
timeline items by index instead of scanning `timeline_items`.

A failed concurrent build leaves an INVALID index behind; dropping it first (`IF EXISTS`, also
concurrently) makes the revision safe to re-run.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-03 16:05:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.get_context().autocommit_block():
        op.drop_index(
            "idx_timeline_items_clip_id",
            table_name="timeline_items",
            postgresql_concurrently=True,
            if_exists=True,
        )
        op.create_index(
            "idx_timeline_items_clip_id",
            "timeline_items",
            ["clip_id"],
            postgresql_concurrently=True,
        )
        op.drop_index(
            "idx_videos_tags", table_name="videos", postgresql_concurrently=True, if_exists=True
        )
        op.create_index(
            "idx_videos_tags",
            "videos",
            ["tags"],
            postgresql_using="gin",
            postgresql_concurrently=True,
        )


def downgrade() -> None:
    with op.get_context().autocommit_block():
        op.drop_index("idx_videos_tags", table_name="videos", postgresql_concurrently=True)
        op.drop_index(
            "idx_timeline_items_clip_id",
            table_name="timeline_items",
            postgresql_concurrently=True,
        )
