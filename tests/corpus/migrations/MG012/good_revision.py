"""Number clips: a plain column now, backfilled in batches later."""

import sqlalchemy as sa
from alembic import op

revision = "mg012good"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("clips", sa.Column("seq", sa.BigInteger()))
    op.execute("CREATE SEQUENCE clips_seq_seq OWNED BY clips.seq")
    op.alter_column("clips", "seq", server_default=sa.text("nextval('clips_seq_seq')"))


def downgrade() -> None:
    op.drop_column("clips", "seq")
