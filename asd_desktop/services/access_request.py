"""The right of access (Art. 15 GDPR, limited by § 83 SGB X and § 65 SGB VIII).

A request is recorded for a person with the day it arrived; it is due one month later
(Art. 12 Abs. 3 GDPR) and shows in "Termine und Fristen" until answered. Preparing the
answer gathers every record of the person's case(s) (the same person recorded in more
than one case is found by name and birth date) and proposes, per record, whether it
goes into the answer: the person's own record and the records about the family go in;
other people's records, records naming other people (third parties, Art. 15 Abs. 4
GDPR, § 83 Abs. 1 SGB X) and entrusted items without a consent (§ 65 SGB VIII) are held
back by default, each with its reason written down. The caseworker reviews every line;
a record held back needs a reason. The answer is a letter (PDF, stored with the case's
documents) and a machine-readable file (JSON); what was held back is recorded, with why.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session, sessionmaker

from asd_desktop.domain.entrusted import Exit
from asd_desktop.domain.enums import (
    Area,
    CaseStatus,
    ContactKind,
    DocumentKind,
    Role,
    StepActor,
)
from asd_desktop.domain.office import Office
from asd_desktop.domain.retention import Retention, RetentionRules, deletion_date
from asd_desktop.models.case import Case, Person
from asd_desktop.models.errors import AsdError, NotFoundError, ValidationError
from asd_desktop.models.privacy import AccessRequest
from asd_desktop.reports.access_letter import AccessLetter, LetterRecord, render_access_letter
from asd_desktop.services import audit, entrusted
from asd_desktop.services.documents import DocumentService
from asd_desktop.services.retention import case_dates
from asd_desktop.services.sync.tables import (
    case_column,
    field_label,
    record_label,
    replicated_tables,
)
from asd_desktop.storage.atomic import atomic_write

REQUEST_RECORDED = "access_request_recorded"
REQUEST_ANSWERED = "access_request_answered"

#: Columns that are bookkeeping or links, never shown in an answer.
_HIDDEN = frozenset(
    {
        "id",
        "case_id",
        "version_vector",
        "origin_device",
        "origin_counter",
        "hlc",
        "deleted",
        "unknown_fields",
        "sha256",
        "content",
        "roles",
        "entrusted_by",
        "legal_hold_by",
        "proof",
        "proof_code",
    }
)
#: Records that describe the request machinery itself, not the person.
_SKIPPED_TABLES = frozenset({"access_requests", "entrusted_consents"})

#: The reasons as the letter prints them: they name no one (not even who entrusted it).
THIRD_PARTY = "Angaben über Dritte (Art. 15 Abs. 4 DSGVO, § 83 Abs. 1 Nr. 3 SGB X)"
ENTRUSTED = "im Vertrauen mitgeteilt (§ 65 SGB VIII); ohne Einwilligung keine Weitergabe"


def one_month_later(day: dt.date) -> dt.date:
    """The same day one month later (the last day of a shorter month), Art. 12 Abs. 3 GDPR."""
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    for last in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, last)
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


@dataclass(frozen=True)
class AccessRequestView:
    """A recorded request."""

    id: str
    case_id: str
    person_id: str
    person_name: str
    received_on: dt.date
    due_on: dt.date
    answered_on: dt.date | None
    withheld: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class AccessItem:
    """One record of the answer, with the proposal whether it goes in and why not."""

    key: str
    label: str
    fields: tuple[tuple[str, str], ...]
    include: bool
    reason: str = ""
    #: "person", "family", "third", "entrusted": why it was proposed as it is.
    category: str = "family"
    #: For the reviewer only, never printed: who entrusted it, whom it names.
    note: str = ""


@dataclass(frozen=True)
class AccessDraft:
    """What the review step shows."""

    request: AccessRequestView
    file_numbers: tuple[str, ...]
    items: tuple[AccessItem, ...]


@dataclass(frozen=True)
class Decision:
    """The caseworker's decision on one item."""

    key: str
    include: bool
    reason: str = ""


@dataclass(frozen=True)
class AccessAnswer:
    """The answer: the letter and the machine-readable file, both to be handed over."""

    pdf: bytes
    json_bytes: bytes
    included: int
    withheld: tuple[tuple[str, str], ...]
    document_id: str

    @property
    def json_name(self) -> str:
        """A file name without personal data."""
        return f"auskunft-art15-{self.document_id[-8:]}.json"

    @property
    def pdf_name(self) -> str:
        """A file name without personal data."""
        return f"auskunft-art15-{self.document_id[-8:]}.pdf"


def _full_name(p: Person) -> str:
    return " ".join(x for x in (p.first_name.strip(), p.last_name.strip()) if x)


def _same_person(a: Person, b: Person) -> bool:
    if a.last_name.strip().casefold() != b.last_name.strip().casefold():
        return False
    if a.first_name.strip().casefold() != b.first_name.strip().casefold():
        return False
    return a.birth_date is None or b.birth_date is None or a.birth_date == b.birth_date


def _shown(value: object) -> str:
    if value is None or value == "" or value == [] or value == {}:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, dt.datetime):
        return f"{value:%d.%m.%Y %H:%M}"
    if isinstance(value, dt.date):
        return f"{value:%d.%m.%Y}"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value if str(v).strip())
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    return str(value).strip()


#: Stored codes shown with their German label.
_LABELLED: dict[tuple[str, str], type[enum.StrEnum]] = {
    ("cases", "status"): CaseStatus,
    ("area_assignments", "area"): Area,
    ("contacts", "kind"): ContactKind,
    ("steps", "actor"): StepActor,
}


def _labelled(table: str, column: str, value: object) -> str:
    kind = _LABELLED.get((table, column))
    if kind is not None and isinstance(value, str) and value in kind._value2member_map_:
        return str(getattr(kind(value), "label", value.capitalize()))
    return _shown(value)


def _retention_text(rules: RetentionRules, retention: Retention) -> str:
    """How long the data are kept, as the letter says it (never the hold's own reason)."""
    if retention.held:
        return (
            "Die Daten werden derzeit weiter aufbewahrt, weil sie noch benötigt werden "
            "(§ 84 Abs. 3 SGB X)."
        )
    if retention.due_on is None:
        return (
            f"Solange der Fall bearbeitet wird; danach {rules.years} Jahre "
            f"({rules.clock.label}), dann werden sie gelöscht (§ 84 SGB X)."
        )
    return f"Voraussichtlich bis {retention.due_on:%d.%m.%Y} ({retention.explanation})."


def _record_date(row: Any) -> str:  # noqa: ANN401 - a result row of any travelling table
    for name in ("occurred_at", "decided_on", "agreed_on", "issued_on", "created_at", "held_on"):
        value = getattr(row, name, None)
        if isinstance(value, dt.date):
            return f" vom {value:%d.%m.%Y}"
    return ""


def _names_in(text: str, names: dict[str, str]) -> list[str]:
    """Which of the other people (first name or full name, whole words) ``text`` names."""
    found = []
    for word, person in names.items():
        if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE):
            found.append(person)
    return sorted(set(found))


class AccessRequestService:
    """Record requests for access, prepare the answer with its review, write it."""

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        device_id: str,
        office: Callable[[], Office] = Office,
        rules: Callable[[], RetentionRules] = RetentionRules,
    ) -> None:
        self._factory = session_factory
        self._device = device_id
        self._office = office
        self._rules = rules

    def record(self, person_id: str, received_on: dt.date, note: str = "") -> AccessRequestView:
        """A request arrived: it is due one month after ``received_on``."""
        with self._factory.begin() as s:
            person = s.get(Person, person_id)
            if person is None or person.deleted:
                raise NotFoundError("Die Person wurde nicht gefunden.")
            row = AccessRequest(
                case_id=person.case_id,
                person_id=person_id,
                received_on=received_on,
                due_on=one_month_later(received_on),
                note=note.strip(),
                withheld=[],
            )
            s.add(row)
            s.flush()
            audit.append(s, self._device, REQUEST_RECORDED, person.case_id, row.id)
            return self._view(s, row)

    def requests(self, case_id: str) -> list[AccessRequestView]:
        """The case's requests, newest first."""
        with self._factory() as s:
            rows = s.scalars(
                select(AccessRequest)
                .where(AccessRequest.case_id == case_id, AccessRequest.deleted.is_(False))
                .order_by(AccessRequest.received_on.desc())
            )
            return [self._view(s, r) for r in rows]

    def prepare(self, request_id: str) -> AccessDraft:
        """Every record about the person, each with the proposal and its reason."""
        with self._factory() as s:
            request = self._request(s, request_id)
            person = s.get(Person, request.person_id)
            assert person is not None
            same = [
                p
                for p in s.scalars(select(Person).where(Person.deleted.is_(False)))
                if _same_person(p, person)
            ]
            own_ids = {p.id for p in same}
            case_ids = sorted({p.case_id for p in same})
            cases = list(s.scalars(select(Case).where(Case.id.in_(case_ids))))
            items = self._items(s, case_ids, own_ids)
            return AccessDraft(
                request=self._view(s, request),
                file_numbers=tuple(c.file_number for c in cases),
                items=tuple(items),
            )

    def _items(self, s: Session, case_ids: list[str], own_ids: set[str]) -> list[AccessItem]:
        others = [
            p
            for p in s.scalars(
                select(Person).where(Person.case_id.in_(case_ids), Person.deleted.is_(False))
            )
            if p.id not in own_ids
        ]
        own_names = {
            n.casefold()
            for p in s.scalars(select(Person).where(Person.id.in_(sorted(own_ids))))
            for n in (p.first_name.strip(), _full_name(p))
        }
        names: dict[str, str] = {}
        for p in others:
            for word in (p.first_name.strip(), _full_name(p)):
                if len(word) >= 3 and word.casefold() not in own_names:
                    names[word] = _full_name(p)
        held_entrusted = entrusted.held_closure(
            s, replicated_tables(), Exit.ACCESS, case_ids=case_ids
        )
        items: list[AccessItem] = []
        for table in replicated_tables():
            key = case_column(table)
            if key is None or table.name in _SKIPPED_TABLES:
                continue
            rows = s.execute(
                select(table).where(table.c[key].in_(case_ids), table.c.deleted.is_(False))
            )
            for row in rows:
                items.append(self._item(table, row, own_ids, names, held_entrusted))
        return items

    @staticmethod
    def _item(
        table: Table,
        row: Any,  # noqa: ANN401 - a result row
        own_ids: set[str],
        names: dict[str, str],
        held_entrusted: dict[str, set[str]],
    ) -> AccessItem:
        fields = tuple(
            (field_label(c.name), _labelled(table.name, c.name, getattr(row, c.name)))
            for c in table.columns
            if c.name not in _HIDDEN and not c.name.endswith("_id") and _shown(getattr(row, c.name))
        )
        label = record_label(table.name) + _record_date(row)
        item_key = f"{table.name}:{row.id}"
        if table.name == "persons":
            if row.id in own_ids:
                return AccessItem(item_key, "Ihre Angaben zur Person", fields, True, "", "person")
            role_names = ", ".join(
                Role(r).label for r in (row.roles or []) if r in Role._value2member_map_
            )
            label = f"Person ({role_names})" if role_names else "Person"
            return AccessItem(item_key, label, fields, False, THIRD_PARTY, "third")
        if row.id in held_entrusted.get(table.name, set()):
            by = getattr(row, "entrusted_by", "") or ""
            note = f"anvertraut von {by}" if by else "stammt aus einem anvertrauten Eintrag"
            return AccessItem(
                item_key,
                label,
                fields,
                False,
                ENTRUSTED,
                "entrusted",
                f"{note}; keine Einwilligung zur Auskunft erfasst",
            )
        mentioned = _names_in(" ".join(v for _k, v in fields), names)
        if mentioned:
            return AccessItem(
                item_key,
                label,
                fields,
                False,
                THIRD_PARTY,
                "third",
                f"nennt {', '.join(mentioned)}",
            )
        return AccessItem(item_key, label, fields, True)

    def answer(
        self,
        request_id: str,
        decisions: Sequence[Decision],
        answered_by: str,
        today: dt.date,
    ) -> AccessAnswer:
        """Write the answer as decided; every item held back needs its reason.

        Items without a decision keep the proposal. The letter is stored with the case's
        documents; the request is marked answered and keeps what was held back and why.
        """
        draft = self.prepare(request_id)
        by_key = {d.key: d for d in decisions}
        unknown = set(by_key) - {i.key for i in draft.items}
        if unknown:
            raise AsdError("Die Auswahl passt nicht mehr zu den Daten. Bitte neu vorbereiten.")
        final: list[AccessItem] = []
        for item in draft.items:
            decision = by_key.get(item.key)
            if decision is not None:
                item = replace(
                    item,
                    include=decision.include,
                    reason="" if decision.include else decision.reason.strip(),
                )
            final.append(item)
        missing = [i.label for i in final if not i.include and not i.reason.strip()]
        if missing:
            raise ValidationError(
                {
                    "reason": "Bitte für jeden zurückgehaltenen Eintrag den Grund angeben "
                    f"(fehlt bei: {', '.join(missing[:5])}). Es wurde nichts geschrieben."
                }
            )
        if not answered_by.strip():
            raise ValidationError({"answered_by": "Bitte angeben, wer die Auskunft erteilt."})
        included = [i for i in final if i.include]
        withheld = tuple((i.label, i.reason) for i in final if not i.include)
        with self._factory() as s:
            request = self._request(s, request_id)
            person = s.get(Person, request.person_id)
            case = s.get(Case, request.case_id)
            assert person is not None
            assert case is not None
            case_id = case.id
            retention = deletion_date(self._rules(), case_dates(s, [case.id])[case.id])
            letter = AccessLetter(
                office=self._office(),
                file_number=case.file_number,
                family_name=case.family_name,
                recipient=_full_name(person),
                recipient_address=person.address,
                salutation=person.salutation,
                last_name=person.last_name.strip(),
                received_on=request.received_on,
                letter_on=today,
                records=tuple(LetterRecord(i.label, i.fields) for i in included),
                withheld=withheld,
                retention=_retention_text(self._rules(), retention),
                sender=answered_by.strip(),
            )
            payload = {
                "format": "asd-auskunft-art15",
                "format_version": 1,
                "rechtsgrundlage": "Art. 15 DSGVO; § 83 SGB X; § 65 SGB VIII",
                "stelle": letter.office.printed_name,
                "aktenzeichen": list(draft.file_numbers),
                "antrag_eingegangen_am": request.received_on.isoformat(),
                "beantwortet_am": today.isoformat(),
                "beantwortet_von": answered_by.strip(),
                "person": _full_name(person),
                "speicherdauer": letter.retention,
                "daten": [{"eintrag": i.label, "felder": dict(i.fields)} for i in included],
                "zurueckgehalten": [{"eintrag": k, "grund": r} for k, r in withheld],
            }
        json_bytes = json.dumps(payload, ensure_ascii=False, indent=2).encode("utf-8")
        documents = DocumentService(self._factory, self._device, self._office)
        stored = documents.store(
            case_id,
            DocumentKind.ACCESS_ANSWER,
            f"Auskunft nach Art. 15 DSGVO vom {today:%d.%m.%Y}",
            render_access_letter(letter),
            source_id=request_id,
            document_date=today,
        )
        with self._factory.begin() as s:
            request = self._request(s, request_id)
            request.answered_on = today
            request.answered_by = answered_by.strip()
            request.withheld = [{"record": k, "reason": r} for k, r in withheld]
            audit.append(
                s,
                self._device,
                REQUEST_ANSWERED,
                case_id,
                f"{request_id}: {len(included)} Einträge, {len(withheld)} zurückgehalten",
            )
        pdf = documents.content(stored.id)
        document_id = stored.id
        return AccessAnswer(pdf, json_bytes, len(included), withheld, document_id)

    @staticmethod
    def _request(s: Session, request_id: str) -> AccessRequest:
        row = s.get(AccessRequest, request_id)
        if row is None or row.deleted:
            raise NotFoundError("Das Auskunftsersuchen wurde nicht gefunden.")
        return row

    @staticmethod
    def _view(s: Session, row: AccessRequest) -> AccessRequestView:
        person = s.get(Person, row.person_id)
        return AccessRequestView(
            id=row.id,
            case_id=row.case_id,
            person_id=row.person_id,
            person_name=_full_name(person) if person is not None else "",
            received_on=row.received_on,
            due_on=row.due_on,
            answered_on=row.answered_on,
            withheld=tuple((w.get("record", ""), w.get("reason", "")) for w in row.withheld or []),
        )


def write_answer(answer: AccessAnswer, folder: Path) -> list[Path]:
    """Write the letter and the JSON file into ``folder`` (atomically; names carry no names)."""
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise AsdError(
            f"Der Ordner »{folder}« kann nicht angelegt werden ({exc.strerror}). Bitte einen "
            "anderen Ordner wählen."
        ) from exc
    paths = [folder / answer.pdf_name, folder / answer.json_name]
    atomic_write(paths[0], answer.pdf)
    atomic_write(paths[1], answer.json_bytes)
    return paths
