"""Unique user emails, from an index built concurrently."""

from alembic import op

revision = "mg007good"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.get_context().autocommit_block():
        op.create_index(
            "uq_users_email", "users", ["email"], unique=True, postgresql_concurrently=True
        )
    op.execute("ALTER TABLE users ADD CONSTRAINT uq_users_email UNIQUE USING INDEX uq_users_email")


def downgrade() -> None:
    op.drop_constraint("uq_users_email", "users", type_="unique")
