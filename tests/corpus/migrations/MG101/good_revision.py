"""Stage a render table; its scratch column goes before anyone uses it."""

import sqlalchemy as sa
from alembic import op

revision = "mg101good"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "renders",
        sa.Column("id", sa.BigInteger(), primary_key=True),
        sa.Column("scratch", sa.Text()),
    )
    op.drop_column("renders", "scratch")


def downgrade() -> None:
    op.drop_table("renders")
