"""Give every video a public id; the volatile default is set after the column exists."""

import sqlalchemy as sa
from alembic import op

revision = "mg010good"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("videos", sa.Column("public_id", sa.Uuid()))
    op.alter_column("videos", "public_id", server_default=sa.text("gen_random_uuid()"))
    op.add_column(
        "videos", sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now())
    )


def downgrade() -> None:
    op.drop_column("videos", "created_at")
    op.drop_column("videos", "public_id")
