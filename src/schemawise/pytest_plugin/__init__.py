"""schemawise.pytest_plugin"""
