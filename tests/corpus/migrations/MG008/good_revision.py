"""Require a title, proving it with a validated CHECK first."""

import sqlalchemy as sa
from alembic import op

revision = "mg008good"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_check_constraint(
        "ck_videos_title_not_null", "videos", "title IS NOT NULL", postgresql_not_valid=True
    )
    with op.get_context().autocommit_block():
        op.execute("ALTER TABLE videos VALIDATE CONSTRAINT ck_videos_title_not_null")
    op.alter_column("videos", "title", existing_type=sa.Text(), nullable=False)
    op.drop_constraint("ck_videos_title_not_null", "videos", type_="check")


def downgrade() -> None:
    op.alter_column("videos", "title", existing_type=sa.Text(), nullable=True)
