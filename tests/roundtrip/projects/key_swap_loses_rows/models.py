"""Models of this fixture project (env.py target_metadata)."""

import sqlalchemy as sa

metadata = sa.MetaData()

clips = sa.Table(
    "clips",
    metadata,
    sa.Column("id", sa.Uuid(), primary_key=True, server_default=sa.text("gen_random_uuid()")),
    sa.Column("name", sa.Text(), nullable=False),
)
