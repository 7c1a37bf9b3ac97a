"""Drop the legacy URL."""

import sqlalchemy as sa
from alembic import op

revision = "mg101bad"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_column("videos", "legacy_url")  # expect: MG101


def downgrade() -> None:
    op.add_column("videos", sa.Column("legacy_url", sa.Text()))
