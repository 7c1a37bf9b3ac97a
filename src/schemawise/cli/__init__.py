"""schemawise.cli"""
