"""MG rules: one module per rule, each a function of a `LintContext` (see `schemawise.migrations.context`).

Statement rules (MG0xx, MG1xx, MG2xx) walk `context.statements`; revision graph rules (MG30x) read
`context.graph`. Modules starting with `_` hold shared helpers and register nothing.
"""
