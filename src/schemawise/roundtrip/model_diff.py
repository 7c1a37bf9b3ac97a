"""Alembic autogenerate differences, said in schemawise terms (RT004) instead of raw tuples."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ForeignKeyConstraint, Index, Table, UniqueConstraint

from schemawise.roundtrip.results import ModelDifference

_AUTOGENERATE = (
    "Run `alembic revision --autogenerate`, review the operations, and commit the revision"
)


def _columns(constraint: Any) -> str:
    names = [getattr(c, "name", str(c)) for c in getattr(constraint, "columns", [])]
    return ", ".join(names)


def _table_of(item: Any) -> str | None:
    table = getattr(item, "table", None)
    return getattr(table, "name", None)


def _describe_one(diff: tuple[Any, ...]) -> ModelDifference:
    kind = diff[0]
    if kind in ("add_table", "remove_table"):
        table: Table = diff[1]
        if kind == "add_table":
            return ModelDifference(
                f"table `{table.name}` is in the models but missing at head",
                _AUTOGENERATE,
                table.name,
            )
        return ModelDifference(
            f"table `{table.name}` exists at head but not in the models",
            "Add the model, or a revision that drops the table",
            table.name,
        )
    if kind in ("add_column", "remove_column"):
        _schema, table_name, column = diff[1], diff[2], diff[3]
        where = f"`{table_name}.{column.name}`"
        if kind == "add_column":
            return ModelDifference(
                f"column {where} ({column.type}) is in the models but missing at head",
                _AUTOGENERATE,
                table_name,
                column.name,
            )
        return ModelDifference(
            f"column {where} exists at head but not in the models",
            "Add the field to the model, or a revision that drops the column",
            table_name,
            column.name,
        )
    if kind in ("add_index", "remove_index"):
        index: Index = diff[1]
        table_name = _table_of(index)
        state = (
            "in the models but missing at head"
            if kind == "add_index"
            else "at head but not in the models"
        )
        return ModelDifference(
            f"index `{index.name}` on `{table_name}` ({_columns(index)}) is {state}",
            _AUTOGENERATE,
            table_name,
            object=index.name,
        )
    if kind in ("add_constraint", "remove_constraint", "add_fk", "remove_fk"):
        constraint = diff[1]
        label = (
            "foreign key"
            if isinstance(constraint, ForeignKeyConstraint)
            else "unique constraint"
            if isinstance(constraint, UniqueConstraint)
            else "constraint"
        )
        table_name = _table_of(constraint)
        state = (
            "in the models but missing at head"
            if kind.startswith("add")
            else "at head but not in the models"
        )
        name = constraint.name or "(unnamed)"
        return ModelDifference(
            f"{label} `{name}` on `{table_name}` ({_columns(constraint)}) is {state}",
            _AUTOGENERATE,
            table_name,
            object=constraint.name,
        )
    if kind.startswith("modify_") or kind in ("add_table_comment", "remove_table_comment"):
        return _describe_modify(diff)
    return ModelDifference(f"autogenerate reports `{kind}`: {diff[1:]!r}", _AUTOGENERATE)


def _describe_modify(diff: tuple[Any, ...]) -> ModelDifference:
    kind = diff[0]
    if kind in ("add_table_comment", "remove_table_comment"):
        table = diff[1]
        return ModelDifference(
            f"comment of table `{table.name}` differs", _AUTOGENERATE, table.name
        )
    _schema, table_name, column_name = diff[1], diff[2], diff[3]
    existing, wanted = diff[5], diff[6]
    where = f"`{table_name}.{column_name}`"
    what = {
        "modify_type": "type",
        "modify_nullable": "nullability",
        "modify_default": "server default",
        "modify_comment": "comment",
    }.get(kind, kind.removeprefix("modify_"))
    if kind == "modify_nullable":
        existing = "NULL" if existing else "NOT NULL"
        wanted = "NULL" if wanted else "NOT NULL"
    if kind == "modify_default":
        existing = getattr(getattr(existing, "arg", existing), "text", existing)
        wanted = getattr(getattr(wanted, "arg", wanted), "text", wanted)
    return ModelDifference(
        f"{what} of column {where} differs: `{existing}` at head, `{wanted}` in the models",
        _AUTOGENERATE,
        table_name,
        column_name,
    )


def describe(diffs: list[Any]) -> list[ModelDifference]:
    """`compare_metadata` output (tuples, and lists of modify tuples per column) as differences."""
    described = []
    for diff in diffs:
        if isinstance(diff, list):
            described.extend(_describe_modify(item) for item in diff)
        else:
            described.append(_describe_one(diff))
    return described
