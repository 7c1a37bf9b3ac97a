"""Drop the owner index."""

from alembic import op

revision = "mg002good"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.get_context().autocommit_block():
        op.drop_index("idx_videos_owner_id", table_name="videos", postgresql_concurrently=True)


def downgrade() -> None:
    with op.get_context().autocommit_block():
        op.create_index(
            "idx_videos_owner_id", "videos", ["owner_id"], postgresql_concurrently=True
        )
