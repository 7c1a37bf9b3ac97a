"""The command line: a thin typer layer over `schemawise.api`."""
