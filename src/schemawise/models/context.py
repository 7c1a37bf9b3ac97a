"""What an SM rule is given: the schema under review and the conventions it is held to."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from schemawise.naming import NamingSettings
from schemawise.schema.model import Relationship, Schema


@dataclass
class ReviewContext:
    schema: Schema
    naming: NamingSettings = field(default_factory=NamingSettings)

    @property
    def from_models(self) -> bool:
        return self.schema.source == "models"

    def declared_relationships(self) -> Iterator[Relationship]:
        """Every relationship once, on the class that declares it.

        Subclass mappers list their base's relationships again; a finding belongs on the line the user
        wrote, so inherited copies are passed over.
        """
        for table in self.schema.tables.values():
            for relationship in table.relationships:
                if not relationship.inherited_from:
                    yield relationship
