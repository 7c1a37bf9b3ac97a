"""Add a required status."""

import sqlalchemy as sa
from alembic import op

revision = "mg009bad"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("videos", sa.Column("status", sa.Text(), nullable=False))  # expect: MG009


def downgrade() -> None:
    op.drop_column("videos", "status")
