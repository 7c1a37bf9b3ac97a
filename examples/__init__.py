"""Worked examples that schemawise reviews, lints and measures; importable from the repository root."""
