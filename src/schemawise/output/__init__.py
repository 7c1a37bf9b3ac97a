"""schemawise.output"""
