"""The before_flush hook that stamps every replicated row with its version."""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session, UOWTransaction

from asd_desktop.models.base import LocalDevice, Replicated
from asd_desktop.models.errors import AsdError
from asd_desktop.models.ids import Hlc, uuid7

#: Set ``session.info[MERGING] = True`` while importing versions made elsewhere.
MERGING = "asd_merging"


def clock_ms() -> int:
    """The wall clock in milliseconds; the only place versions read the time."""
    return int(time.time() * 1000)


def ensure_local_device(session: Session) -> LocalDevice:
    """This database's device row, created with a new device id on first use."""
    device = session.get(LocalDevice, 1)
    if device is None:
        device = LocalDevice(
            id=1,
            device_id=uuid7(),
            counter=0,
            hlc="",
            created_at=dt.datetime.now(dt.UTC).replace(tzinfo=None),
        )
        session.add(device)
        session.flush()
    return device


def stamp_versions(session: Session, _ctx: UOWTransaction | None, _instances: Any) -> None:  # noqa: ANN401
    """Give every new or changed replicated row a new dot, version vector entry and HLC."""
    if session.info.get(MERGING):
        return
    for obj in session.deleted:
        if isinstance(obj, Replicated):
            raise AsdError(
                "Interner Fehler: Datensätze werden nicht gelöscht, sondern als gelöscht "
                "markiert. Es wurde nichts verändert."
            )
    changed = [o for o in session.new if isinstance(o, Replicated)]
    changed += [
        o
        for o in session.dirty
        if isinstance(o, Replicated) and session.is_modified(o, include_collections=False)
    ]
    if not changed:
        return
    device = session.get(LocalDevice, 1)
    if device is None:
        raise AsdError("Interner Fehler: die Geräte-Kennung fehlt in der Datenbank.")
    clock = Hlc.decode(device.hlc) if device.hlc else Hlc(0, 0)
    now_ms = clock_ms()
    counter = device.counter
    for obj in changed:
        if obj.deleted:
            _empty_personal_fields(obj)
        counter += 1
        clock = clock.tick(now_ms)
        vector = dict(obj.version_vector or {})
        vector[device.device_id] = counter
        obj.version_vector = vector
        obj.origin_device = device.device_id
        obj.origin_counter = counter
        obj.hlc = clock.encode()
        if obj.unknown_fields is None:
            obj.unknown_fields = {}
    device.counter = counter
    device.hlc = clock.encode()


def _empty_personal_fields(obj: Replicated) -> None:
    columns = inspect(type(obj)).columns  # type: ignore[union-attr]
    for name in obj.personal_fields:
        column = columns[name]
        setattr(obj, name, None if column.nullable else _empty_value(column.type.python_type))


def _empty_value(kind: type) -> object:
    """The empty value of a non-nullable column's Python type."""
    empties: dict[type, object] = {bytes: b"", list: [], dict: {}}
    return empties.get(kind, "")


def install_hooks(session_class: type[Session] | Any) -> None:  # noqa: ANN401
    """Register the version stamping on a Session class or sessionmaker."""
    event.listen(session_class, "before_flush", stamp_versions)
