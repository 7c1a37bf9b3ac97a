"""Loosen a column of a table created in the same revision."""

from alembic import op

revision = "mg105good"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE TABLE renders (id bigint PRIMARY KEY, note text NOT NULL)")
    op.alter_column("renders", "note", nullable=True)


def downgrade() -> None:
    pass
