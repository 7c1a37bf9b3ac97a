"""The naming helpers the convention rules lean on: inflection, patterns, shortened names."""

from __future__ import annotations

import pytest

from schemawise.naming import (
    NAMING_CONVENTION,
    is_plural,
    name_matches,
    pluralize,
    singularize,
    singularize_candidates,
)


@pytest.mark.parametrize(
    "name",
    [
        "users",
        "videos",
        "transcript_segments",
        "categories",
        "people",
        "metadata",
        "analyses",
        "statuses",
    ],
)
def test_plural_table_names_read_as_plural(name: str) -> None:
    assert is_plural(name)


@pytest.mark.parametrize(
    "name", ["user", "video", "status", "analysis", "person", "address", "render_job"]
)
def test_singular_table_names_do_not_read_as_plural(name: str) -> None:
    assert not is_plural(name)


@pytest.mark.parametrize(
    ("singular", "plural"),
    [
        ("user", "users"),
        ("category", "categories"),
        ("address", "addresses"),
        ("transcript_segment", "transcript_segments"),
        ("person", "people"),
        ("status", "statuses"),
        ("box", "boxes"),
    ],
)
def test_pluralize_and_singularize_are_inverse_on_common_words(singular: str, plural: str) -> None:
    assert pluralize(singular) == plural
    assert singularize(plural) == singular
    assert singular in singularize_candidates(plural)


def test_ambiguous_endings_offer_every_reading() -> None:
    assert {"movie"} <= singularize_candidates("movies")
    assert {"match"} <= singularize_candidates("matches")
    assert singularize_candidates("user") == {"user"}


def test_pattern_with_free_text_placeholder_matches_any_snake_case_condition() -> None:
    assert name_matches("ck_clips_end_after_start", "ck_{table}_{condition}", table="clips")
    assert not name_matches("clips_end_check", "ck_{table}_{condition}", table="clips")


def test_long_names_shortened_by_postgresql_or_sqlalchemy_still_match() -> None:
    table = "transcript_segment_speaker_assignments"
    columns = "transcript_segment_id_speaker_profile_id"
    expected = f"idx_{table}_{columns}"
    assert len(expected) > 63
    truncated = expected[:63]
    hashed = expected[:55] + "_1a2b"
    assert name_matches(truncated, "idx_{table}_{columns}", table=table, columns=columns)
    assert name_matches(hashed, "idx_{table}_{columns}", table=table, columns=columns)
    assert not name_matches("idx_other", "idx_{table}_{columns}", table=table, columns=columns)


def test_naming_convention_is_the_house_convention() -> None:
    assert NAMING_CONVENTION["ix"] == "idx_%(table_name)s_%(column_0_N_name)s"
    assert NAMING_CONVENTION["ck"] == "ck_%(table_name)s_%(constraint_name)s"
    assert NAMING_CONVENTION["pk"] == "pk_%(table_name)s"
