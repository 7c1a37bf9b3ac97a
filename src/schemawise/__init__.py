"""schemawise: a PostgreSQL + SQLModel database design specialist, as a program."""

from schemawise.diagnostics import Diagnostic, Severity

__all__ = ["Diagnostic", "Severity", "__version__"]
__version__ = "0.1.0"
