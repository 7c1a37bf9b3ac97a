"""Allow videos without a title."""

import sqlalchemy as sa
from alembic import op

revision = "mg105bad"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.alter_column("videos", "title", existing_type=sa.Text(), nullable=True)  # expect: MG105


def downgrade() -> None:
    op.alter_column("videos", "title", existing_type=sa.Text(), nullable=False)
