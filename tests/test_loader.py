"""Model loading: every TARGET form, and every way it can fail with one clear error."""

from __future__ import annotations

from pathlib import Path

import pytest

from schemawise.errors import ModelImportError
from schemawise.models.loader import load_models
from schemawise.schema.from_metadata import schema_from_metadata

HERE = Path(__file__).parent / "fixtures" / "loader"


def table_names(targets: list[str], root: Path = HERE) -> set[str]:
    return {t.name for t in load_models(targets, root).tables}


def test_package_directory_imports_submodules_never_imported_by_init() -> None:
    assert table_names([str(HERE / "shop" / "models")]) == {"customers", "orders"}


def test_dotted_module_name_resolves_from_the_root() -> None:
    assert table_names(["shop.models.orders"]) == {"customers", "orders"}


def test_attr_target_names_a_declarative_base() -> None:
    assert table_names(["shop.models.orders:Base"]) == {"customers", "orders"}


def test_attr_target_names_a_metadata_in_a_file() -> None:
    assert table_names(["loose/models.py:metadata"]) == {"notes"}


def test_attr_naming_an_empty_metadata_is_an_error() -> None:
    with pytest.raises(ModelImportError, match="defines no tables"):
        load_models(["loose/models.py:other_metadata"], HERE)


def test_attr_naming_something_else_is_an_error() -> None:
    with pytest.raises(ModelImportError, match="not a MetaData"):
        load_models(["loose/empty.py:VALUE"], HERE)


def test_missing_attribute_is_an_error() -> None:
    with pytest.raises(ModelImportError, match="has no attribute `nope`"):
        load_models(["loose/models.py:nope"], HERE)


def test_module_raising_on_import_names_module_exception_and_line() -> None:
    with pytest.raises(ModelImportError) as error:
        load_models(["broken_pkg.models"], HERE)
    message = str(error.value)
    assert "broken_pkg.models" in message
    assert "RuntimeError: DATABASE_HOST is not set" in message
    assert "models.py:8" in message
    assert "\n" not in message


def test_syntax_error_names_file_and_line() -> None:
    with pytest.raises(ModelImportError, match=r"SyntaxError.*syntax_error\.py:1"):
        load_models(["loose/syntax_error.py"], HERE)


def test_unknown_module_is_an_error() -> None:
    with pytest.raises(ModelImportError, match="no module named `no_such_module`"):
        load_models(["no_such_module.models"], HERE)


def test_missing_path_is_an_error() -> None:
    with pytest.raises(ModelImportError, match="does not exist"):
        load_models(["nowhere/models.py"], HERE)


def test_module_without_tables_is_an_error() -> None:
    with pytest.raises(ModelImportError, match="defines no tables"):
        load_models(["loose/empty.py"], HERE)


def test_no_target_is_an_error() -> None:
    with pytest.raises(ModelImportError, match="no models to review"):
        load_models([], HERE)


def test_core_table_columns_point_at_their_column_call_lines() -> None:
    schema = schema_from_metadata(load_models(["loose/models.py"], HERE))
    notes = schema.tables["notes"]
    assert notes.location.line == 6
    assert notes.columns["id"].location.line == 9
    assert notes.columns["body"].location.line == 10


def test_declarative_columns_point_at_their_attribute_lines() -> None:
    schema = schema_from_metadata(load_models(["shop.models.orders"], HERE))
    orders = schema.tables["orders"]
    assert orders.location.line == 14
    assert orders.columns["customer_id"].location.line == 18
    assert orders.foreign_keys[0].location.line == 18
    assert orders.foreign_keys[0].ondelete == "CASCADE"
