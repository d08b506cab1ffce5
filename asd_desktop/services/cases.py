"""Cases, their people, their area history and their contact log."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Row, Select, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from asd_desktop.domain.enums import (
    Area,
    CaseStatus,
    ContactKind,
    Role,
    Salutation,
    StepActor,
)
from asd_desktop.models.case import AreaAssignment, Case, Contact, Person
from asd_desktop.models.case_summary import CaseSummary
from asd_desktop.models.errors import NotFoundError, ValidationError
from asd_desktop.models.ids import Hlc
from asd_desktop.models.sync import Sibling
from asd_desktop.services import audit
from asd_desktop.services.audit import AuditAction
from asd_desktop.services.steps import retire_open_steps, step_from_contact
from asd_desktop.storage import search

# --- values going in ------------------------------------------------------------------


@dataclass(frozen=True)
class CaseInput:
    """What a caseworker enters for a Fall."""

    file_number: str
    family_name: str
    opened_on: dt.date
    caseworker: str = ""
    description: str = ""


@dataclass(frozen=True)
class PersonInput:
    """What a caseworker enters for a person in a case."""

    last_name: str
    first_name: str = ""
    birth_date: dt.date | None = None
    address: str = ""
    phone: str = ""
    languages: str = ""
    interpreter_needed: bool = False
    roles: tuple[Role, ...] = ()
    institution: str = ""
    #: How letters address the person: "Sehr geehrte Frau …", or without one "Guten Tag …".
    salutation: Salutation = Salutation.NONE


@dataclass(frozen=True)
class AreaInput:
    """A new Falleinordnung."""

    area: Area
    decided_on: dt.date
    reason: str
    decided_by: str


@dataclass(frozen=True)
class ContactInput:
    """A contact to record (or the corrected version of one)."""

    occurred_at: dt.datetime
    kind: ContactKind
    duration_minutes: int = 0
    present: str = ""
    place: str = ""
    note: str = ""
    next_step: str = ""
    next_step_due: dt.date | None = None
    #: Who does the next step; it becomes an open step of its own (Wiedervorlage).
    next_step_actor: StepActor = StepActor.CASEWORKER
    next_step_actor_name: str = ""
    #: Who entrusted it in confidence (§ 65 SGB VIII, "anvertraut"); "" = not entrusted.
    entrusted_by: str = ""


@dataclass(frozen=True)
class CaseQuery:
    """Filters of the case list; empty text means no text filter."""

    text: str = ""
    status: CaseStatus | None = CaseStatus.OPEN
    area: Area | None = None


# --- values coming out ----------------------------------------------------------------


@dataclass(frozen=True)
class CaseRow:
    """One line of the case list."""

    id: str
    file_number: str
    family_name: str
    status: CaseStatus
    area: Area | None
    last_contact: dt.datetime | None
    next_deadline: dt.date | None
    #: Records of this case with concurrent versions waiting in the conflict inbox.
    open_conflicts: int = 0


@dataclass(frozen=True)
class PersonView(PersonInput):
    """A stored person."""

    id: str = ""


@dataclass(frozen=True)
class AreaView(AreaInput):
    """A stored Falleinordnung."""

    id: str = ""


@dataclass(frozen=True)
class ContactView(ContactInput):
    """A stored contact; ``corrected_by`` is set when a later entry replaces it."""

    id: str = ""
    recorded_by: str = ""
    recorded_at: dt.datetime | None = None  # local time the entry was made
    corrects_id: str | None = None
    corrected_by: str | None = None
    corrected_at: dt.datetime | None = None  # local time of the correcting entry
    #: More than one: corrections made on different devices at the same time, all shown.
    correction_count: int = 0


@dataclass(frozen=True)
class CaseDetail:
    """Everything the case view shows."""

    id: str
    file_number: str
    family_name: str
    status: CaseStatus
    opened_on: dt.date
    closed_on: dt.date | None
    caseworker: str
    description: str
    persons: tuple[PersonView, ...] = ()
    area_history: tuple[AreaView, ...] = ()  # newest first
    contacts: tuple[ContactView, ...] = ()  # newest first
    area: Area | None = field(default=None)
    #: Records of this case with concurrent versions waiting in the conflict inbox.
    open_conflicts: int = 0


# --- validation (pure; the dialogs call it too) -----------------------------------------


def case_problems(value: CaseInput) -> dict[str, str]:
    """Why a case cannot be stored, by field."""
    problems: dict[str, str] = {}
    if not value.file_number.strip():
        problems["file_number"] = "Bitte ein Aktenzeichen eingeben."
    if not value.family_name.strip():
        problems["family_name"] = "Bitte den Familiennamen eingeben."
    if value.opened_on > dt.date.today() + dt.timedelta(days=1):
        problems["opened_on"] = "Das Eröffnungsdatum liegt in der Zukunft."
    return problems


def person_problems(value: PersonInput) -> dict[str, str]:
    """Why a person cannot be stored, by field."""
    problems: dict[str, str] = {}
    if not value.last_name.strip():
        problems["last_name"] = "Bitte den Namen der Person eingeben."
    if value.birth_date and value.birth_date > dt.date.today():
        problems["birth_date"] = "Das Geburtsdatum liegt in der Zukunft."
    if Role.PROFESSIONAL in value.roles and not value.institution.strip():
        problems["institution"] = "Bei einer Fachkraft bitte die Institution angeben."
    return problems


def area_problems(value: AreaInput) -> dict[str, str]:
    """Why a Falleinordnung cannot be stored, by field."""
    problems: dict[str, str] = {}
    if not value.reason.strip():
        problems["reason"] = "Bitte die Begründung der Einordnung eingeben."
    if not value.decided_by.strip():
        problems["decided_by"] = "Bitte angeben, wer die Einordnung entschieden hat."
    if value.decided_on > dt.date.today():
        problems["decided_on"] = "Das Datum der Einordnung liegt in der Zukunft."
    return problems


def contact_problems(value: ContactInput) -> dict[str, str]:
    """Why a contact cannot be stored, by field."""
    problems: dict[str, str] = {}
    if value.duration_minutes < 0 or value.duration_minutes > 24 * 60:
        problems["duration_minutes"] = "Die Dauer muss zwischen 0 und 1440 Minuten liegen."
    if value.occurred_at > dt.datetime.now() + dt.timedelta(days=1):
        problems["occurred_at"] = "Der Kontakt liegt in der Zukunft; bitte das Datum prüfen."
    if value.next_step_due and not value.next_step.strip():
        problems["next_step"] = "Zur Frist bitte auch den nächsten Schritt angeben."
    return problems


def check_problems(problems: dict[str, str]) -> None:
    """Raise :class:`ValidationError` if there are any problems."""
    if problems:
        raise ValidationError(problems)


# --- the service ----------------------------------------------------------------------


class CaseService:
    """Create, find, open and change cases; every change is audited."""

    def __init__(
        self, session_factory: sessionmaker[Session], device_id: str, user: str = ""
    ) -> None:
        self._sf = session_factory
        self._device = device_id
        self.user = user

    def create_case(self, value: CaseInput, first_area: AreaInput) -> CaseRow:
        """A new open case with its first Falleinordnung."""
        check_problems(case_problems(value) | area_problems(first_area))
        number = value.file_number.strip()
        try:
            with self._sf.begin() as s:
                if s.scalar(select(Case.id).where(Case.file_number == number)) is not None:
                    raise _duplicate(number)
                case = Case(
                    file_number=number,
                    family_name=value.family_name.strip(),
                    opened_on=value.opened_on,
                    status=CaseStatus.OPEN.value,
                    caseworker=value.caseworker.strip(),
                    description=value.description.strip(),
                )
                s.add(case)
                s.flush()
                s.add(area_row(case.id, first_area))
                audit.append(s, self._device, AuditAction.CASE_CREATED, case.id)
                case_id = case.id
        except IntegrityError as exc:
            raise _duplicate(number) from exc
        return self._row(case_id)

    def update_case(self, case_id: str, value: CaseInput) -> None:
        """Change a case's master data."""
        check_problems(case_problems(value))
        number = value.file_number.strip()
        with self._sf.begin() as s:
            case = _get_case(s, case_id)
            clash = s.scalar(select(Case.id).where(Case.file_number == number, Case.id != case_id))
            if clash is not None:
                raise _duplicate(number)
            case.file_number = number
            case.family_name = value.family_name.strip()
            case.opened_on = value.opened_on
            case.caseworker = value.caseworker.strip()
            case.description = value.description.strip()
            audit.append(s, self._device, AuditAction.CASE_CHANGED, case_id, "stammdaten")

    def set_status(self, case_id: str, status: CaseStatus, on: dt.date) -> None:
        """Close (with date) or reopen a case."""
        with self._sf.begin() as s:
            case = _get_case(s, case_id)
            case.status = status.value
            case.closed_on = on if status is CaseStatus.CLOSED else None
            audit.append(s, self._device, AuditAction.CASE_CHANGED, case_id, f"status={status}")

    def list_cases(self, query: CaseQuery = CaseQuery()) -> list[CaseRow]:
        """The case list, filtered and sorted by family name."""
        with self._sf() as s:
            matching = search.matching_case_ids(s, query.text)
            stmt = _list_statement()
            if query.status is not None:
                stmt = stmt.where(Case.status == query.status.value)
            if query.area is not None:
                stmt = stmt.where(CaseSummary.area == query.area.value)
            if matching is not None:
                stmt = stmt.where(Case.id.in_(matching))
            # Core execution: plain rows, no ORM loading step for thousands of lines.
            return [_to_row(r) for r in s.connection().execute(stmt).all()]

    def _row(self, case_id: str) -> CaseRow:
        with self._sf() as s:
            row = s.execute(_list_statement().where(Case.id == case_id)).one()
            return _to_row(row)

    def get_case(self, case_id: str, *, audit_opening: bool = True) -> CaseDetail:
        """Open a case: all it holds; the opening is audited unless it is a reload.

        Args:
            case_id: the case to open.
            audit_opening: False when the view only reloads a case it already shows
                after storing a change (the change itself is audited).
        """
        with self._sf.begin() as s:
            case = _get_case(s, case_id)
            persons = s.scalars(
                select(Person)
                .where(Person.case_id == case_id, Person.deleted.is_(False))
                .order_by(Person.last_name, Person.first_name)
            ).all()
            areas = s.scalars(
                select(AreaAssignment)
                .where(AreaAssignment.case_id == case_id, AreaAssignment.deleted.is_(False))
                .order_by(AreaAssignment.decided_on.desc(), AreaAssignment.hlc.desc())
            ).all()
            contacts = s.scalars(
                select(Contact)
                .where(Contact.case_id == case_id, Contact.deleted.is_(False))
                .order_by(Contact.occurred_at.desc(), Contact.hlc.desc())
            ).all()
            if audit_opening:
                audit.append(s, self._device, AuditAction.CASE_OPENED, case_id)
            corrections: dict[str, list[Contact]] = {}
            for c in contacts:
                if c.corrects_id:
                    corrections.setdefault(c.corrects_id, []).append(c)
            history = tuple(_area_view(a) for a in areas)
            return CaseDetail(
                id=case.id,
                file_number=case.file_number,
                family_name=case.family_name,
                status=CaseStatus(case.status),
                opened_on=case.opened_on,
                closed_on=case.closed_on,
                caseworker=case.caseworker,
                description=case.description,
                persons=tuple(_person_view(p) for p in persons),
                area_history=history,
                contacts=tuple(_contact_view(c, corrections.get(c.id, [])) for c in contacts),
                area=history[0].area if history else None,
                open_conflicts=int(
                    s.scalar(
                        select(func.count(func.distinct(Sibling.row_id))).where(
                            Sibling.case_id == case.id
                        )
                    )
                    or 0
                ),
            )

    def add_person(self, case_id: str, value: PersonInput) -> PersonView:
        """Add a person with their roles to a case."""
        check_problems(person_problems(value))
        with self._sf.begin() as s:
            _get_case(s, case_id)
            person = Person(case_id=case_id)
            fill_person(person, value)
            s.add(person)
            s.flush()
            audit.append(s, self._device, AuditAction.PERSON_ADDED, case_id, person.id)
            return _person_view(person)

    def update_person(self, person_id: str, value: PersonInput) -> PersonView:
        """Change a person's data or roles."""
        check_problems(person_problems(value))
        with self._sf.begin() as s:
            person = s.get(Person, person_id)
            if person is None or person.deleted:
                raise NotFoundError("Die Person wurde nicht gefunden.")
            fill_person(person, value)
            audit.append(s, self._device, AuditAction.PERSON_CHANGED, person.case_id, person_id)
            s.flush()
            return _person_view(person)

    def change_area(self, case_id: str, value: AreaInput) -> AreaView:
        """Place the case in an area; the history keeps every earlier placement."""
        check_problems(area_problems(value))
        with self._sf.begin() as s:
            _get_case(s, case_id)
            row = area_row(case_id, value)
            s.add(row)
            s.flush()
            audit.append(s, self._device, AuditAction.AREA_CHANGED, case_id, value.area.value)
            return _area_view(row)

    def record_contact(
        self, case_id: str, value: ContactInput, corrects_id: str | None = None
    ) -> ContactView:
        """Append a contact; with ``corrects_id`` it replaces that earlier entry in views."""
        check_problems(contact_problems(value))
        with self._sf.begin() as s:
            _get_case(s, case_id)
            if corrects_id is not None:
                old = s.get(Contact, corrects_id)
                if old is None or old.case_id != case_id:
                    raise NotFoundError("Der zu korrigierende Kontakt wurde nicht gefunden.")
                if s.scalar(select(Contact.id).where(Contact.corrects_id == corrects_id)):
                    raise ValidationError(
                        {
                            "corrects_id": "Dieser Kontakt wurde bereits korrigiert; bitte die "
                            "neueste Fassung korrigieren."
                        }
                    )
            contact = contact_row(case_id, value, self.user, corrects_id)
            s.add(contact)
            s.flush()
            # A new contact never closes earlier steps; a correction replaces the
            # corrected contact's still-open steps with its own (done ones stay).
            if corrects_id is not None:
                retire_open_steps(s, corrects_id)
            step = step_from_contact(contact, value.next_step_actor, value.next_step_actor_name)
            if step is not None:
                s.add(step)
            action = AuditAction.CONTACT_CORRECTED if corrects_id else AuditAction.CONTACT_RECORDED
            audit.append(s, self._device, action, case_id, contact.id)
            return _contact_view(contact, [])


# --- helpers --------------------------------------------------------------------------


def _duplicate(number: str) -> ValidationError:
    return ValidationError(
        {
            "file_number": f"Das Aktenzeichen »{number}« ist bereits vergeben. "
            "Bitte das Aktenzeichen prüfen oder den vorhandenen Fall öffnen."
        }
    )


def _get_case(s: Session, case_id: str) -> Case:
    case = s.get(Case, case_id)
    if case is None or case.deleted:
        raise NotFoundError("Der Fall wurde nicht gefunden.")
    return case


def _list_statement() -> Select[Any]:
    # Area, last contact and next deadline come precomputed from the case summaries
    # (kept current by the storage hooks): no per-case subqueries over the contacts.
    return (
        select(
            Case.id,
            Case.file_number,
            Case.family_name,
            Case.status,
            CaseSummary.area,
            CaseSummary.last_contact,
            CaseSummary.next_due,
            select(func.count(func.distinct(Sibling.row_id)))
            .where(Sibling.case_id == Case.id)
            .scalar_subquery(),
        )
        .outerjoin(CaseSummary, CaseSummary.case_id == Case.id)
        .where(Case.deleted.is_(False))
        .order_by(func.lower(Case.family_name), Case.file_number)
    )


#: Plain dict lookups: ``Enum(value)`` is slow enough to show on a 5000-line list.
_STATUS = {s.value: s for s in CaseStatus}
_AREAS = {a.value: a for a in Area}


def _to_row(r: Row[Any]) -> CaseRow:
    case_id, file_number, family_name, status, area, last_contact, next_due, conflicts = r
    return CaseRow(
        id=case_id,
        file_number=file_number,
        family_name=family_name,
        status=_STATUS[status],
        area=_AREAS[area] if area else None,
        last_contact=last_contact if isinstance(last_contact, dt.datetime) else None,
        next_deadline=next_due if isinstance(next_due, dt.date) else None,
        open_conflicts=conflicts or 0,
    )


def contact_row(
    case_id: str, value: ContactInput, recorded_by: str, corrects_id: str | None = None
) -> Contact:
    """A new contact row (not yet added to a session); times are kept to the minute."""
    return Contact(
        case_id=case_id,
        occurred_at=value.occurred_at.replace(second=0, microsecond=0),
        duration_minutes=value.duration_minutes,
        kind=value.kind.value,
        present=value.present.strip(),
        place=value.place.strip(),
        note=value.note.strip(),
        next_step=value.next_step.strip(),
        next_step_due=value.next_step_due,
        corrects_id=corrects_id,
        recorded_by=recorded_by,
        entrusted_by=value.entrusted_by.strip(),
    )


def area_row(case_id: str, value: AreaInput) -> AreaAssignment:
    """A new Falleinordnung row (not yet added to a session)."""
    return AreaAssignment(
        case_id=case_id,
        area=value.area.value,
        decided_on=value.decided_on,
        reason=value.reason.strip(),
        decided_by=value.decided_by.strip(),
    )


def _area_view(a: AreaAssignment) -> AreaView:
    return AreaView(
        id=a.id,
        area=Area(a.area),
        decided_on=a.decided_on,
        reason=a.reason,
        decided_by=a.decided_by,
    )


def fill_person(person: Person, value: PersonInput) -> None:
    """Copy what was entered for a person onto its row."""
    person.last_name = value.last_name.strip()
    person.first_name = value.first_name.strip()
    person.birth_date = value.birth_date
    person.address = value.address.strip()
    person.phone = value.phone.strip()
    person.languages = value.languages.strip()
    person.interpreter_needed = value.interpreter_needed
    person.roles = [r.value for r in value.roles]
    person.institution = value.institution.strip()
    person.salutation = value.salutation.value


def _person_view(p: Person) -> PersonView:
    return PersonView(
        id=p.id,
        last_name=p.last_name,
        first_name=p.first_name,
        birth_date=p.birth_date,
        address=p.address,
        phone=p.phone,
        languages=p.languages,
        interpreter_needed=p.interpreter_needed,
        roles=tuple(Role(r) for r in p.roles),
        institution=p.institution,
        salutation=_salutation(p.salutation),
    )


def _salutation(value: str | None) -> Salutation:
    try:
        return Salutation(value or "")
    except ValueError:  # a value of a newer version: no salutation rather than a wrong one
        return Salutation.NONE


def _recorded_at(row: Contact) -> dt.datetime | None:
    """When the entry was made on its device, from its hybrid logical clock (local time)."""
    if not row.hlc:
        return None
    return dt.datetime.fromtimestamp(Hlc.decode(row.hlc).wall_ms / 1000).replace(microsecond=0)


def _contact_view(c: Contact, corrections: list[Contact]) -> ContactView:
    # Newest first (the query's order); concurrent corrections from two devices all count.
    correction = corrections[0] if corrections else None
    return ContactView(
        id=c.id,
        occurred_at=c.occurred_at,
        kind=ContactKind(c.kind),
        duration_minutes=c.duration_minutes,
        present=c.present,
        place=c.place,
        note=c.note,
        next_step=c.next_step,
        next_step_due=c.next_step_due,
        recorded_by=c.recorded_by,
        recorded_at=_recorded_at(c),
        corrects_id=c.corrects_id,
        corrected_by=correction.id if correction else None,
        corrected_at=_recorded_at(correction) if correction else None,
        correction_count=len(corrections),
        entrusted_by=c.entrusted_by or "",
    )
