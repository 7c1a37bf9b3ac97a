"""merge the two branches"""

revision = "0003"
down_revision = ("0002a", "0002b")


def upgrade():
    pass


def downgrade():
    pass
