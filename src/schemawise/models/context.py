"""What an SM rule is given: the schema under review and the conventions it is held to."""

from __future__ import annotations

from dataclasses import dataclass, field

from schemawise.naming import NamingSettings
from schemawise.schema.model import Schema


@dataclass
class ReviewContext:
    schema: Schema
    naming: NamingSettings = field(default_factory=NamingSettings)

    @property
    def from_models(self) -> bool:
        return self.schema.source == "models"
