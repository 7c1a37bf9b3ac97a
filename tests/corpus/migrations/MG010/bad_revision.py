"""Give every video a public id."""

import sqlalchemy as sa
from alembic import op

revision = "mg010bad"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(  # expect: MG010
        "videos",
        sa.Column("public_id", sa.Uuid(), server_default=sa.text("gen_random_uuid()")),
    )


def downgrade() -> None:
    op.drop_column("videos", "public_id")
