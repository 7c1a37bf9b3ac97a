"""Widen the duration to bigint."""

import sqlalchemy as sa
from alembic import op

revision = "mg011bad"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.alter_column(  # expect: MG011
        "videos", "duration", type_=sa.BigInteger(), existing_type=sa.Integer()
    )
    op.alter_column(  # expect: MG011
        "videos", "title", type_=sa.String(length=50), existing_type=sa.String(length=100)
    )


def downgrade() -> None:
    op.alter_column("videos", "title", type_=sa.String(100), existing_type=sa.String(50))
    op.alter_column("videos", "duration", type_=sa.Integer(), existing_type=sa.BigInteger())
