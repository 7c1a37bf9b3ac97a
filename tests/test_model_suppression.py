"""Suppression comments and table-level ignores, and SW001 for the ones that suppress nothing."""

from __future__ import annotations

from pathlib import Path

from schemawise import api
from schemawise.config import Config

MODELS = """\
import uuid

from sqlalchemy.orm import registry
from sqlmodel import Field, SQLModel

reg = registry()


class Base(SQLModel, registry=reg):
    pass


class Owner(Base, table=True):
    __tablename__ = "owners"
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)


class Pet(Base, table=True):
    __tablename__ = "pets"
    __table_args__ = {"info": {"schemawise": {"ignore": ["SM208"]}}}
    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    owner_id: uuid.UUID = Field(foreign_key="owners.id")  # schemawise: ignore[SM201]
    # schemawise: ignore[foreign-key-without-index]
    vet_id: uuid.UUID = Field(foreign_key="owners.id")
    name: str  # schemawise: ignore[SM201]
"""


def review(tmp_path: Path, select: list[str]) -> list[tuple[str, int | None]]:
    path = tmp_path / "pets_models.py"
    path.write_text(MODELS)
    return [(d.code, d.line) for d in api.review([str(path)], config=Config(select=select))]


def test_line_comment_and_comment_above_suppress_their_lines(tmp_path: Path) -> None:
    found = review(tmp_path, ["SM201"])
    assert ("SM201", 22) not in found
    assert ("SM201", 24) not in found


def test_table_info_ignore_suppresses_the_code_for_the_table(tmp_path: Path) -> None:
    assert [f for f in review(tmp_path, ["SM208"]) if f[0] == "SM208"] == []


def test_unused_suppression_is_reported_as_sw001_when_its_rule_ran(tmp_path: Path) -> None:
    found = review(tmp_path, ["SM201", "SM208", "SW001"])
    assert ("SW001", 25) in found
    assert [f for f in found if f[0] == "SW001"] == [("SW001", 25)]


def test_suppression_of_a_rule_that_did_not_run_is_not_judged(tmp_path: Path) -> None:
    found = review(tmp_path, ["SM101", "SW001"])
    assert [f for f in found if f[0] == "SW001"] == []
