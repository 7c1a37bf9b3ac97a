"""swap the integer key for a uuid by rebuilding the table (empty)"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade():
    op.create_table(
        "clips_new",
        sa.Column("id", sa.Uuid(), primary_key=True, server_default=sa.text("gen_random_uuid()")),
        sa.Column("name", sa.Text(), nullable=False),
    )
    op.drop_table("clips")
    op.rename_table("clips_new", "clips")
    op.execute("ALTER INDEX clips_new_pkey RENAME TO clips_pkey")


def downgrade():
    op.drop_table("clips")
    op.create_table(
        "clips",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.Text(), nullable=False),
    )
