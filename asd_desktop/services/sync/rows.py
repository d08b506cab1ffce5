"""Rows as travelling field maps: JSON-safe, with unknown fields passed through unchanged."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import Column, Table
from sqlalchemy.sql.schema import ScalarElementColumnDefault

from asd_desktop.storage.bundle_file import BundleDamagedError

_ENCODERS: dict[str, Callable[[Sequence[Any]], dict[str, Any]]] = {}


def encode(table: Table, row: Mapping[Any, Any]) -> dict[str, Any]:
    """A stored row as the field map that travels (unknown fields at the top level)."""
    return row_encoder(table)([row[c.name] for c in table.columns])


def row_encoder(table: Table) -> Callable[[Sequence[Any]], dict[str, Any]]:
    """:func:`encode` for plain result tuples of ``select(table)`` (export streams)."""
    known = _ENCODERS.get(table.name)
    if known is not None:
        return known
    names = [c.name for c in table.columns]
    special = [
        (c.name, c.type.python_type)
        for c in table.columns
        if c.type.python_type in (bytes, dt.date, dt.datetime)
    ]

    def encode_tuple(row: Sequence[Any]) -> dict[str, Any]:
        out = dict(zip(names, row, strict=True))
        unknown = out.pop("unknown_fields")
        for name, kind in special:
            value = out[name]
            if value is not None:
                out[name] = (
                    base64.b64encode(value).decode("ascii") if kind is bytes else value.isoformat()
                )
        if unknown:
            return {**unknown, **out}
        return out

    _ENCODERS[table.name] = encode_tuple
    return encode_tuple


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


_MISSING: Any = object()


def _none(_value: object) -> None:
    return None


class TableCodec:
    """Fast, validated conversion of travelling field maps into driver parameters of a table."""

    def __init__(self, table: Table, dialect: Any) -> None:  # noqa: ANN401 - SQLAlchemy dialect
        self.table = table
        self.names = [c.name for c in table.columns]
        self._columns = {c.name: c for c in table.columns if c.name != "unknown_fields"}
        self._binders = {c.name: c.type.bind_processor(dialect) for c in table.columns}
        self._known = set(self._columns)
        self._bag_index = self.names.index("unknown_fields")
        bag_binder = self._binders["unknown_fields"]
        self._bag_binder: Callable[[Any], Any] = bag_binder or (lambda v: v)
        self._converters = [(name, self._converter(name)) for name in self.names]
        quoted = ", ".join(f'"{n}"' for n in self.names)
        marks = ", ".join("?" for _ in self.names)
        self.insert_sql = f'INSERT INTO "{table.name}" ({quoted}) VALUES ({marks})'
        sets = ", ".join(f'"{n}" = ?' for n in self.names)
        self.update_sql = f'UPDATE "{table.name}" SET {sets} WHERE "id" = ?'

    def _converter(self, name: str) -> Callable[[Any], Any]:
        if name == "unknown_fields":
            return _none
        table = self.table
        column = table.columns[name]
        binder = self._binders[name]
        kind = column.type.python_type
        default = _MISSING

        def fallback() -> Any:  # noqa: ANN401
            nonlocal default
            if default is _MISSING:
                default = _default(table, column)
            return default

        if kind is str and binder is None:

            def text(value: Any) -> Any:  # noqa: ANN401
                if type(value) is str:
                    return value
                if value is _MISSING:
                    return fallback()
                return _decode_value(table, column, value)

            return text

        exact = {int: int, bool: bool}.get(kind)
        if exact is not None:
            # Integers and flags: the common case is checked without any lookup.
            def number(value: Any) -> Any:  # noqa: ANN401
                if type(value) is exact:
                    return binder(value) if binder is not None else value
                value = fallback() if value is _MISSING else _decode_value(table, column, value)
                return binder(value) if binder is not None and value is not None else value

            return number
        if kind in (dict, list) and binder is not None:

            def structure(value: Any) -> Any:  # noqa: ANN401
                if isinstance(value, (dict, list)):
                    return binder(value)
                value = fallback() if value is _MISSING else _decode_value(table, column, value)
                return binder(value) if value is not None else value

            return structure

        def general(value: Any) -> Any:  # noqa: ANN401
            value = fallback() if value is _MISSING else _decode_value(table, column, value)
            return binder(value) if binder is not None and value is not None else value

        return general

    def params(self, data: Mapping[str, Any]) -> list[Any]:
        """The row's values in column order, ready for the driver; validated like decode()."""
        out: list[Any] = []
        missing = _MISSING
        for name, convert in self._converters:
            value = data.get(name, missing)
            out.append(convert(value))
        extra = data.keys() - self._known
        out[self._bag_index] = self._bag_binder({k: data[k] for k in extra})
        return out
