"""Migration lint: Alembic revisions and SQL files, rendered, parsed and checked statement by statement."""
