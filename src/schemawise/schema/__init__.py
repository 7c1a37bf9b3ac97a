"""schemawise.schema"""
