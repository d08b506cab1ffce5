"""Termine und Fristen: every dated item of every case from one source (Wiedervorlage).

The items come from :mod:`asd_desktop.storage.due_items`, the same SQL the case list's
next deadline is computed from, so the list of dates, the case list, "Überfällige
Fristen" and "Anstehende Überprüfungen" can never disagree.

Kinds and when an item counts as done:

- steps, first steps, Familienrat agreements: a person marked them done
  (:meth:`DeadlineService.mark_done`; :meth:`DeadlineService.reopen` undoes it);
- Aufträge and Auflagen: the outcome was recorded (fulfilled or not);
- Handlungsziele: the newest review says reached or changed;
- the review of a Zielvereinbarung: a goal of it was reviewed after the agreement day;
- a Familienrat's or Folge-Rat's meeting: the council reached the decision phase;
- the review date set at the decision (Folge-Rat / Überprüfung): its outcome is recorded.

Only the first three can be marked done here; the others are done where they are
recorded (the mandate, the goal review, the council's phases).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, type_coerce
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.types import NullType

from asd_desktop.domain.enums import DUE_KIND_LABELS, DueKind, StepActor
from asd_desktop.models.case import Case
from asd_desktop.models.errors import NotFoundError, ValidationError
from asd_desktop.models.familienrat import CouncilAgreement
from asd_desktop.models.goals import FirstStep
from asd_desktop.models.hilfen import HilfeplanTask
from asd_desktop.models.steps import Step
from asd_desktop.services import audit
from asd_desktop.services.steps import StepAction
from asd_desktop.storage.due_items import (
    FOLLOW_UP_MEETING,
    due_source,
    open_counts,
    open_due_by_case,
)

#: The case tab that shows each kind (the window opens the case there).
DUE_KIND_TABS: dict[DueKind, str] = {
    DueKind.STEP: "kontakte",
    DueKind.FIRST_STEP: "ziele",
    DueKind.COUNCIL_AGREEMENT: "familienrat",
    DueKind.MANDATE: "auftraege",
    DueKind.GOAL: "ziele",
    DueKind.AGREEMENT_REVIEW: "ziele",
    DueKind.COUNCIL: "familienrat",
    DueKind.FOLLOW_UP: "familienrat",
    DueKind.HILFEPLAN: "hilfen",
    DueKind.HILFEPLAN_TASK: "hilfen",
    DueKind.ACCESS_REQUEST: "ueberblick",
}
#: Kinds a person marks done from the list; the others are done where they are recorded.
_Markable = type[Step] | type[FirstStep] | type[CouncilAgreement] | type[HilfeplanTask]
MARKABLE: dict[DueKind, _Markable] = {
    DueKind.STEP: Step,
    DueKind.FIRST_STEP: FirstStep,
    DueKind.COUNCIL_AGREEMENT: CouncilAgreement,
    DueKind.HILFEPLAN_TASK: HilfeplanTask,
}
_ACTOR_LABELS = {
    StepActor.CASEWORKER.value: "Fachkraft",
    StepActor.FAMILY.value: "Familie",
    StepActor.PROFESSIONAL.value: "Fachperson",
}
_KINDS = {k.value: k for k in DueKind}
_TITLE_LENGTH = 120


@dataclass(frozen=True)
class DueItem:
    """One dated item of one case, as the list, the calendar and the export show it."""

    #: ``"kind:record_id"``; stable, used for marking done and as the calendar UID.
    key: str
    kind: DueKind
    record_id: str
    case_id: str
    file_number: str
    family_name: str
    due_on: dt.date
    #: Short German text (the step, the requirement, "Familienrat" …); personal data.
    title: str
    #: Who does it, in the caseworker's words; may be empty.
    who: str
    done: bool
    #: Steps, first steps and Familienrat agreements; the others are done elsewhere.
    can_mark_done: bool
    #: The case tab that shows it: "kontakte", "ziele", "familienrat" or "auftraege".
    tab: str
    #: The record's own kind where it has one: the MandateKind value of an Auftrag or
    #: Auflage, "folge_rat" for the meeting of a Folge-Rat; else empty.
    subkind: str = ""

    @property
    def kind_label(self) -> str:
        """The kind in German ("Überprüfung Zielvereinbarung")."""
        return DUE_KIND_LABELS[self.kind]

    @property
    def is_review(self) -> bool:
        """A review date of a Familienrat or the meeting of a Folge-Rat."""
        return self.kind is DueKind.FOLLOW_UP or self.subkind == FOLLOW_UP_MEETING


@dataclass(frozen=True)
class DueSummary:
    """What the main window says after unlocking."""

    overdue: int
    due_today: int


def item_key(kind: DueKind, record_id: str) -> str:
    """The key of an item: ``"kind:record_id"``."""
    return f"{kind.value}:{record_id}"


def parse_key(key: str) -> tuple[DueKind, str]:
    """The kind and record id of a key (raises NotFoundError for a malformed one)."""
    kind, _, record_id = key.partition(":")
    if kind not in _KINDS or not record_id:
        raise NotFoundError("Der Termin wurde nicht gefunden. Bitte die Liste neu laden.")
    return _KINDS[kind], record_id


class DeadlineService:
    """Read every dated item; mark steps, first steps and agreements done or open again."""

    def __init__(
        self, session_factory: sessionmaker[Session], device_id: str, user: str = ""
    ) -> None:
        self._sf = session_factory
        self._device = device_id
        self.user = user

    def items(
        self,
        *,
        case_id: str | None = None,
        kinds: Iterable[DueKind] | None = None,
        start: dt.date | None = None,
        end: dt.date | None = None,
        include_done: bool = False,
    ) -> list[DueItem]:
        """Dated items sorted by due date, then Aktenzeichen.

        Args:
            case_id: only this case's items.
            kinds: only these kinds (default: all).
            start: only items due on or after this day.
            end: only items due on or before this day.
            include_done: also items already done (for the calendar view's history).
        """
        return self._items(kinds, case_id, start, end, include_done)

    def _items(
        self,
        kinds: Iterable[DueKind] | None,
        case_id: str | None,
        start: dt.date | None,
        end: dt.date | None,
        include_done: bool,
        record_id: str | None = None,
    ) -> list[DueItem]:
        source = due_source(
            kinds,
            case_ids=None if case_id is None else [case_id],
            open_only=not include_done,
            start=start,
            end=end,
            record_id=record_id,
        )
        cases_stmt = select(Case.id, Case.file_number, Case.family_name).where(
            Case.deleted.is_(False)
        )
        if case_id is not None:
            cases_stmt = cases_stmt.where(Case.id == case_id)
        # Untyped columns: SQLAlchemy's per-value date parsing would cost more than the
        # query; _item reads the ISO dates itself.
        plain = source.subquery()
        raw = select(*(type_coerce(c, NullType()).label(c.name) for c in plain.c))
        with self._sf() as s:
            conn = s.connection()
            rows = conn.execute(raw).all()
            # The cases joined here, not in SQL: one read of 5000 short rows is cheaper
            # than 15,000 lookups into the cases table.
            cases = {r[0]: (r[1], r[2]) for r in conn.execute(cases_stmt)}
        items = [_item(r, cases[r[1]]) for r in rows if r[1] in cases]
        items.sort(key=_order)
        return items

    def item(self, key: str) -> DueItem:
        """One item by key, done or not (raises NotFoundError)."""
        kind, record_id = parse_key(key)
        for found in self._items([kind], None, None, None, True, record_id):
            return found
        raise NotFoundError("Der Termin wurde nicht gefunden. Bitte die Liste neu laden.")

    def mark_done(self, key: str, done_on: dt.date, done_by: str) -> None:
        """Mark a step, first step or Familienrat agreement done (audited).

        Raises:
            ValidationError: the kind is done where it is recorded, or no name was given.
            NotFoundError: the item no longer exists.
        """
        kind, record_id = parse_key(key)
        model = _markable(kind)
        if not done_by.strip():
            raise ValidationError({"done_by": "Bitte angeben, wer es als erledigt meldet."})
        if done_on > dt.date.today() + dt.timedelta(days=1):
            raise ValidationError(
                {"done_on": "Das Erledigt-Datum liegt in der Zukunft; bitte das Datum prüfen."}
            )
        with self._sf.begin() as s:
            row = _load(s, model, record_id)
            row.done_on = done_on
            row.done_by = done_by.strip()[:200]
            audit.append(s, self._device, StepAction.DONE, row.case_id, key)

    def reopen(self, key: str) -> None:
        """Mark a done step, first step or Familienrat agreement open again (audited)."""
        kind, record_id = parse_key(key)
        model = _markable(kind)
        with self._sf.begin() as s:
            row = _load(s, model, record_id)
            row.done_on = None
            row.done_by = ""
            audit.append(s, self._device, StepAction.REOPENED, row.case_id, key)

    def summary(self, today: dt.date) -> DueSummary:
        """How many open items are overdue and how many are due today."""
        with self._sf() as s:
            overdue, due_today = s.connection().execute(open_counts(today)).one()
        return DueSummary(overdue=int(overdue), due_today=int(due_today))

    def next_due(self, case_ids: Collection[str]) -> dict[str, dt.date]:
        """The earliest open item's date per case (cases without one are left out)."""
        ids = list(dict.fromkeys(case_ids))
        found: dict[str, dt.date] = {}
        with self._sf() as s:
            for start in range(0, len(ids), 400):
                for case_id, due in s.connection().execute(
                    open_due_by_case(ids[start : start + 400])
                ):
                    found[case_id] = _as_date(due)
        return found


def _markable(kind: DueKind) -> _Markable:
    model = MARKABLE.get(kind)
    if model is None:
        raise ValidationError(
            {
                "kind": f"»{DUE_KIND_LABELS[kind]}« wird nicht in dieser Liste als erledigt "
                "markiert, sondern dort, wo es festgehalten wird (im Fall unter "
                f"»{_TAB_LABELS[DUE_KIND_TABS[kind]]}«)."
            }
        )
    return model


def _load(
    s: Session, model: _Markable, record_id: str
) -> Step | FirstStep | CouncilAgreement | HilfeplanTask:
    row: Step | FirstStep | CouncilAgreement | HilfeplanTask | None
    if model is Step:
        row = s.get(Step, record_id)
    elif model is FirstStep:
        row = s.get(FirstStep, record_id)
    elif model is HilfeplanTask:
        row = s.get(HilfeplanTask, record_id)
    else:
        row = s.get(CouncilAgreement, record_id)
    if row is None or row.deleted:
        raise NotFoundError("Der Termin wurde nicht gefunden. Bitte die Liste neu laden.")
    return row


_TAB_LABELS = {
    "kontakte": "Kontakte",
    "ziele": "Ziele",
    "familienrat": "Familienrat",
    "auftraege": "Aufträge und Auflagen",
    "hilfen": "Hilfen",
}


def _as_date(value: Any) -> dt.date:  # noqa: ANN401
    # SQLite returns ISO text ("2026-12-06"); other databases return dates.
    if type(value) is str:
        return dt.date.fromisoformat(value[:10])
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _order(item: DueItem) -> tuple[dt.date, str, str]:
    return item.due_on, item.file_number, item.key


#: Per kind: the enum, whether it can be marked done here, its tab.
_KIND_FACTS = {k.value: (k, k in MARKABLE, DUE_KIND_TABS[k]) for k in DueKind}
_new_item = object.__new__
_set = object.__setattr__


def _item(r: Any, case: tuple[str, str]) -> DueItem:  # noqa: ANN401
    # r: the columns of storage.due_items (record_id, case_id, due_on, done, title,
    # who, subkind, kind); case: (Aktenzeichen, family name).
    record_id, case_id, due, done, title, who, subkind, kind_value = r
    kind, markable, tab = _KIND_FACTS[kind_value]
    title = title or ""
    if len(title) > _TITLE_LENGTH or "\n" in title:
        title = " ".join(title.split())
        if len(title) > _TITLE_LENGTH:
            title = title[: _TITLE_LENGTH - 1] + "…"
    who = who or ""
    subkind = subkind or ""
    if kind is DueKind.STEP:
        # A step's subkind column carries its actor; shown when no name was given.
        who = who or _ACTOR_LABELS.get(subkind, "")
        subkind = ""
    # A frozen dataclass filled directly: its __init__ (one object.__setattr__ per
    # field) is most of the time of a 15,000-item list.
    item = _new_item(DueItem)
    _set(
        item,
        "__dict__",
        {
            "key": f"{kind_value}:{record_id}",
            "kind": kind,
            "record_id": record_id,
            "case_id": case_id,
            "file_number": case[0],
            "family_name": case[1],
            "due_on": dt.date.fromisoformat(due) if type(due) is str else _as_date(due),
            "title": title,
            "who": who,
            "done": bool(done),
            "can_mark_done": markable,
            "tab": tab,
            "subkind": subkind,
        },
    )
    return item
