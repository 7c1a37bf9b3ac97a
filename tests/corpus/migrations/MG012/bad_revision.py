"""Number clips with an identity column."""

import sqlalchemy as sa
from alembic import op

revision = "mg012bad"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("clips", sa.Column("seq", sa.BigInteger(), sa.Identity()))  # expect: MG012


def downgrade() -> None:
    op.drop_column("clips", "seq")
