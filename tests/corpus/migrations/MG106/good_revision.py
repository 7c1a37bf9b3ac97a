"""Reset the render presets and the jobs that use them, named."""

from alembic import op

revision = "mg106good"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("TRUNCATE render_presets, render_jobs")


def downgrade() -> None:
    pass
