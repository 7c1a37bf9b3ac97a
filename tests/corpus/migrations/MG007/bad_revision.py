"""Unique user emails."""

from alembic import op

revision = "mg007bad"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_unique_constraint("uq_users_email", "users", ["email"])  # expect: MG007


def downgrade() -> None:
    op.drop_constraint("uq_users_email", "users", type_="unique")
