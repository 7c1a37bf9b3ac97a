"""Index the owner foreign key concurrently, but inside the revision's transaction."""

from alembic import op

revision = "mg004bad"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(  # expect: MG004
        "idx_videos_owner_id", "videos", ["owner_id"], postgresql_concurrently=True
    )


def downgrade() -> None:
    op.drop_index("idx_videos_owner_id", table_name="videos", postgresql_concurrently=True)
