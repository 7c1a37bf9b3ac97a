"""Index the owner foreign key concurrently, outside the revision's transaction."""

from alembic import op

revision = "mg004good"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("SET lock_timeout = '5s'")
    with op.get_context().autocommit_block():
        op.create_index(
            "idx_videos_owner_id", "videos", ["owner_id"], postgresql_concurrently=True
        )


def downgrade() -> None:
    with op.get_context().autocommit_block():
        op.drop_index("idx_videos_owner_id", table_name="videos", postgresql_concurrently=True)
