"""schemawise.indexes"""
