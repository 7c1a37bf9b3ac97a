"""schemawise.queries"""
