"""Archive videos."""

import sqlalchemy as sa
from alembic import op

revision = "mg014bad"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("renders", sa.Column("id", sa.BigInteger(), primary_key=True))
    op.add_column("videos", sa.Column("archived_at", sa.DateTime(timezone=True)))  # expect: MG014
    op.add_column("clips", sa.Column("note", sa.Text()))


def downgrade() -> None:
    op.drop_column("clips", "note")
    op.drop_column("videos", "archived_at")
    op.drop_table("renders")
