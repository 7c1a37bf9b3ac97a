"""schemawise.models"""
