"""Drop the legacy render table."""

import sqlalchemy as sa
from alembic import op

revision = "mg102bad"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_table("legacy_renders")  # expect: MG102


def downgrade() -> None:
    op.create_table("legacy_renders", sa.Column("id", sa.BigInteger(), primary_key=True))
