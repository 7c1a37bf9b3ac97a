"""Migration tests on a real server: round trips, data in the tables, measured locks.

- `run`: `test_migrations()` / `run_migration_test()`, the whole test as one library call.
- `scratch`: scratch databases (created per run, always dropped, stale ones swept).
- `alembic_project`: one revision up or down through the project's own env.py.
- `snapshot`: the catalog as comparable text, and readable differences (RT003).
- `seeding`, `rows`: generated rows from the catalog, and proof they survive (RT005, RT006).
- `model_diff`: Alembic's `compare_metadata` output in schemawise terms (RT004).
- `locktrace`: per-statement locks, scans, rewrites and blocked probes (RT101-RT103).
- `results`: what was measured; `rules/`: the reporters that turn it into findings.
"""
