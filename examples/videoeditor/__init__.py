"""The reference AI video editor data layer: models, migrations, async queries, seed data, workload.

Importing this package has no side effects on `SQLModel.metadata`: the models live on their own
registry (see `models.Base`).
"""
