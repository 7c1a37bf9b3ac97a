"""Longer titles and more precise prices: binary-coercible changes."""

import sqlalchemy as sa
from alembic import op

revision = "mg011good"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.alter_column(
        "videos", "title", type_=sa.String(length=200), existing_type=sa.String(length=100)
    )
    op.alter_column("videos", "summary", type_=sa.Text(), existing_type=sa.String(200))
    op.alter_column(
        "videos", "price", type_=sa.Numeric(14, 2), existing_type=sa.Numeric(10, 2)
    )


def downgrade() -> None:
    op.alter_column("videos", "price", type_=sa.Numeric(10, 2), existing_type=sa.Numeric(14, 2))
    op.alter_column("videos", "summary", type_=sa.String(200), existing_type=sa.Text())
    op.alter_column("videos", "title", type_=sa.String(100), existing_type=sa.String(200))
