"""Rules about schemawise itself (SW codes)."""
