"""Mark every video ready."""

import sqlalchemy as sa
from alembic import op

revision = "mg016bad"
down_revision = None
branch_labels = None
depends_on = None

videos = sa.table("videos", sa.column("status", sa.Text()))


def upgrade() -> None:
    op.execute("UPDATE videos SET status = 'ready'")  # expect: MG016
    op.execute(videos.update().values(status="ready"))  # expect: MG016
    op.add_column("videos", sa.Column("state", sa.Text()))
    op.execute("UPDATE videos SET state = 'ready' WHERE state IS NULL")  # expect: MG016


def downgrade() -> None:
    pass
