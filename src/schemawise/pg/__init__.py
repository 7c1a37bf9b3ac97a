"""Everything that talks to PostgreSQL: connections, the embedded server, catalog queries."""
