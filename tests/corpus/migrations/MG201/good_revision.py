"""Renders with time-zone-aware timestamps."""

import sqlalchemy as sa
from alembic import op

revision = "mg201good"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "renders",
        sa.Column("id", sa.BigInteger(), primary_key=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.add_column("videos", sa.Column("published_at", sa.DateTime(timezone=True)))


def downgrade() -> None:
    op.drop_column("videos", "published_at")
    op.drop_table("renders")
