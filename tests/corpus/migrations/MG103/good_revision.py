"""Add title next to name (expand); name is dropped in a later release."""

import sqlalchemy as sa
from alembic import op

revision = "mg103good"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("videos", sa.Column("title", sa.Text()))


def downgrade() -> None:
    op.drop_column("videos", "title")
