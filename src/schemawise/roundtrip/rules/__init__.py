"""RT rules: reporters that turn what a migration test measured into findings.

Each module holds one rule whose docstring is its documentation; its body reads the
`RoundtripResults` of a run and yields one `Finding` per measured problem.
"""
