"""The example's models: their own metadata, and the conventions schemawise reviews them against."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, Index
from sqlmodel import SQLModel

from examples.videoeditor import models
from schemawise.naming import NAMING_CONVENTION


def test_importing_the_example_leaves_sqlmodel_metadata_alone() -> None:
    assert "videos" not in SQLModel.metadata.tables
    assert SQLModel.metadata.naming_convention != NAMING_CONVENTION
    assert models.metadata.naming_convention == NAMING_CONVENTION
    assert models.Video.metadata is models.metadata


def test_every_foreign_key_leads_some_index() -> None:
    for table in models.metadata.tables.values():
        leading = {index.expressions[0].name for index in table.indexes}
        leading |= {
            constraint.columns[0].name for constraint in table.constraints if constraint.columns
        }
        for key in table.foreign_keys:
            assert key.parent.name in leading, f"{table.name}.{key.parent.name} has no index"
            assert key.ondelete == "CASCADE"


def test_constraint_and_index_names_follow_the_house_convention() -> None:
    clips = models.metadata.tables["clips"]
    checks = {c.name for c in clips.constraints if isinstance(c, CheckConstraint)}
    assert "ck_clips_end_after_start" in checks
    for table in models.metadata.tables.values():
        assert table.primary_key.name == f"pk_{table.name}"
        for index in table.indexes:
            assert isinstance(index, Index)
            assert index.name and index.name.startswith(f"idx_{table.name}_")
        for key in table.foreign_key_constraints:
            referred = key.referred_table.name
            assert key.name == f"fk_{table.name}_{key.column_keys[0]}_{referred}"


def test_every_timestamp_is_timestamptz() -> None:
    for table in models.metadata.tables.values():
        for column in table.columns:
            if column.name.endswith("_at"):
                assert column.type.timezone, f"{table.name}.{column.name}"
