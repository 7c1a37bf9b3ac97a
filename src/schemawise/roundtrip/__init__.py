"""Migration tests on a real server: round trips, data in the tables, measured locks."""
