"""Mark videos ready in batches, each committed on its own."""

from alembic import op

revision = "mg016good"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.get_context().autocommit_block():
        for low in range(0, 100_000, 10_000):
            op.execute(
                f"UPDATE videos SET status = 'ready' WHERE id >= {low} AND id < {low + 10_000}"
            )


def downgrade() -> None:
    pass
