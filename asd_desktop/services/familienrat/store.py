"""What every part of the Familienrat service shares: the session, the audit and row helpers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from asd_desktop.domain.enums import FamilyInterest
from asd_desktop.models.errors import NotFoundError, ValidationError
from asd_desktop.models.familienrat import FamilyCouncil
from asd_desktop.services import audit


class CouncilAction:
    """Audit actions of this service."""

    STARTED = "council_started"
    CHANGED = "council_changed"
    ADVANCED = "council_advanced"
    FOLLOW_UP = "council_followup_created"


Row = TypeVar("Row", bound=Any)
V = TypeVar("V")


class CouncilStore:
    """The session factory and device every part of the service writes with."""

    def __init__(self, session_factory: sessionmaker[Session], device_id: str) -> None:
        self._sf = session_factory
        self._device = device_id

    def _changed(self, s: Session, council: FamilyCouncil, what: str) -> None:
        audit.append(s, self._device, CouncilAction.CHANGED, council.case_id, what)

    def _update(self, model: type[Row], row_id: str, value: object) -> None:
        with self._sf.begin() as s:
            row = get_live(s, model, row_id)
            fill(row, value)
            audit.append(s, self._device, CouncilAction.CHANGED, row.case_id, row_id)

    def _add(
        self, council_id: str, model: type[Row], value: object, what: str, view: Callable[[Row], V]
    ) -> V:
        """Append a row of ``model`` filled from ``value`` to the council's list."""
        with self._sf.begin() as s:
            council = get_live(s, FamilyCouncil, council_id)
            row = model(
                case_id=council.case_id,
                council_id=council_id,
                position=next_position(s, model, council_id),
            )
            fill(row, value)
            s.add(row)
            s.flush()
            self._changed(s, council, what)
            return view(row)

    def _remove(self, model: type[Row], row_id: str) -> None:
        with self._sf.begin() as s:
            row = get_live(s, model, row_id)
            row.deleted = True
            audit.append(s, self._device, CouncilAction.CHANGED, row.case_id, row_id)


def check(problems: dict[str, str]) -> None:
    """Raise the problems a pure validation found, if any."""
    if problems:
        raise ValidationError(problems)


def get_live(s: Session, model: type[Row], row_id: str) -> Row:
    """The row with ``row_id``, unless it is missing or a tombstone."""
    row = s.get(model, row_id)
    if row is None or row.deleted:
        raise NotFoundError("Der Eintrag wurde nicht gefunden (vielleicht inzwischen entfernt).")
    return row


def stored(value: object) -> object:
    """A field's value as stored: text stripped, enums as their value."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, FamilyInterest):
        return value.value
    return value


def fill(row: object, value: object) -> None:
    """Copy every field of the input dataclass ``value`` onto ``row``."""
    for f in fields(value):  # type: ignore[arg-type]
        v = getattr(value, f.name)
        setattr(
            row,
            f.name,
            v.value if hasattr(v, "value") and not isinstance(v, str | bool) else stored(v),
        )


def children(s: Session, model: type[Row], council_id: str) -> list[Row]:
    """The council's live rows of ``model``, in their order."""
    return list(
        s.scalars(
            select(model)
            .where(model.council_id == council_id, model.deleted.is_(False))
            .order_by(getattr(model, "position", model.hlc), model.hlc)
        )
    )


def next_position(s: Session, model: type[Row], council_id: str) -> int:
    """The position after the council's last row of ``model`` (tombstones count)."""
    rows = s.scalars(select(model.position).where(model.council_id == council_id)).all()
    return max(rows, default=-1) + 1
