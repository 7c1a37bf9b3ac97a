"""Reset the render presets."""

from alembic import op

revision = "mg106bad"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("TRUNCATE render_presets CASCADE")  # expect: MG106


def downgrade() -> None:
    pass
