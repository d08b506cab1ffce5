"""Rows as travelling field maps: JSON-safe, with unknown fields passed through unchanged."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import Column, Table
from sqlalchemy.sql.schema import ScalarElementColumnDefault

from asd_desktop.storage.bundle_file import BundleDamagedError


def encode(table: Table, row: Mapping[Any, Any]) -> dict[str, Any]:
    """A stored row as the field map that travels (unknown fields at the top level)."""
    out: dict[str, Any] = dict(row.get("unknown_fields") or {})
    for column in table.columns:
        if column.name == "unknown_fields":
            continue
        out[column.name] = _encode_value(row[column.name])
    return out


def _encode_value(value: object) -> object:
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def decode(table: Table, data: Mapping[str, Any]) -> dict[str, Any]:
    """Column values for storing a travelling field map; unknown keys go to the bag.

    Raises:
        BundleDamagedError: a field has a value its column cannot hold.
    """
    values: dict[str, Any] = {}
    unknown: dict[str, Any] = {}
    for key, value in data.items():
        column = table.columns.get(key)
        if column is None or key == "unknown_fields":
            unknown[key] = value
        else:
            values[key] = _decode_value(table, column, value)
    for column in table.columns:
        if column.name not in values and column.name != "unknown_fields":
            values[column.name] = _default(table, column)
    values["unknown_fields"] = unknown
    return values


def _default(table: Table, column: Column[Any]) -> object:
    default = column.default
    if isinstance(default, ScalarElementColumnDefault):
        return default.arg
    if column.nullable:
        return None
    raise _bad(table, column.name)


def _decode_value(table: Table, column: Column[Any], value: object) -> object:
    if value is None:
        if column.nullable or column.name == "unknown_fields":
            return None
        raise _bad(table, column.name)
    kind = column.type.python_type
    try:
        parsed = _PARSERS[kind](value) if kind in _PARSERS else _NOT_PARSED
    except (ValueError, TypeError, binascii.Error):
        parsed = _NOT_PARSED
    if parsed is not _NOT_PARSED:
        return parsed
    raise _bad(table, column.name)


_NOT_PARSED = object()


def _exact(kind: type) -> Callable[[object], object]:
    def parse(value: object) -> object:
        return value if type(value) is kind else _NOT_PARSED

    return parse


def _text_then(parse: Callable[[str], object]) -> Callable[[object], object]:
    def parse_text(value: object) -> object:
        return parse(value) if isinstance(value, str) else _NOT_PARSED

    return parse_text


def _number(value: object) -> object:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    return _NOT_PARSED


def _structure(value: object) -> object:
    return value if isinstance(value, (dict, list)) else _NOT_PARSED


_PARSERS: dict[type, Callable[[object], object]] = {
    bool: _exact(bool),
    int: _exact(int),
    str: _exact(str),
    float: _number,
    bytes: _text_then(lambda v: base64.b64decode(v, validate=True)),
    dt.datetime: _text_then(dt.datetime.fromisoformat),
    dt.date: _text_then(dt.date.fromisoformat),
    dict: _structure,
    list: _structure,
}


def _bad(table: Table, field: str) -> BundleDamagedError:
    return BundleDamagedError(
        f"Die Paketdatei enthält einen ungültigen Wert (Tabelle »{table.name}«, Feld »{field}«). "
        "Bitte die Datei erneut vom Absender exportieren lassen. Es wurde nichts verändert."
    )
