"""`python -m schemawise`: the same as the `schemawise` command."""

from schemawise.cli.app import run

run()
