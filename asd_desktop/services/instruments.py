"""Aufträge (Graubereich), Auflagen (Gefährdungsbereich) and the Gefährdungseinschätzung.

Where each instrument may be used (decided here, shown to the caseworker):

* an **Auftrag** (Überprüfung or Abwenden) needs a case in the Graubereich or the
  Gefährdungsbereich; in the Leistungsbereich the family's own goals apply;
* an **Auflage** needs a case in the Gefährdungsbereich. In the Leistungsbereich it is
  refused with the reason; in the Graubereich the caseworker is told to place the case
  through a Gefährdungseinschätzung first.

A Gefährdungseinschätzung stores its record and places the case in the decided area
through the existing area history, in one transaction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from asd_desktop.domain.enums import (
    Area,
    DueKind,
    MandateKind,
    MandateStatus,
    RiskLevel,
    Role,
    Salutation,
)
from asd_desktop.domain.german import Addressee, salutation_line
from asd_desktop.models.case import AreaAssignment, Case, Person
from asd_desktop.models.errors import NotFoundError, ValidationError
from asd_desktop.models.instruments import Mandate, MandateEvidence, RiskAssessment
from asd_desktop.reports.mandate_letter import MandateLetterPrint
from asd_desktop.services import audit
from asd_desktop.services.deadlines import DeadlineService, DueItem
from asd_desktop.storage.case_summaries import current_area


class InstrumentAction:
    """Audit actions of this service."""

    MANDATE_ISSUED = "mandate_issued"
    MANDATE_CHANGED = "mandate_changed"
    EVIDENCE_RECORDED = "mandate_evidence"
    OUTCOME_RECORDED = "mandate_outcome"
    RISK_ASSESSED = "risk_assessed"


#: Why an Auflage is refused in the Leistungsbereich (shown as is).
AUFLAGE_IN_SERVICE_AREA = (
    "Auflagen gehören in den Gefährdungsbereich: Sie wenden eine gegenwärtige Gefährdung "
    "des Kindeswohls ab. Dieser Fall ist im Leistungsbereich eingeordnet – dort gelten "
    "die Ziele der Familie, nicht Vorgaben des Jugendamts. Wenn sich die Lage geändert "
    "hat, bitte zuerst eine Gefährdungseinschätzung vornehmen."
)
#: Why an Auflage is refused in the Graubereich.
AUFLAGE_IN_GREY_AREA = (
    "Auflagen gehören in den Gefährdungsbereich. Dieser Fall ist im Graubereich "
    "eingeordnet – dort werden Aufträge erteilt. Wenn eine Gefährdung vorliegt, bitte "
    "zuerst eine Gefährdungseinschätzung vornehmen, die den Fall in den "
    "Gefährdungsbereich einordnet."
)
#: Why an Auftrag is refused in the Leistungsbereich.
AUFTRAG_IN_SERVICE_AREA = (
    "Aufträge gehören in den Graubereich (oder den Gefährdungsbereich). Dieser Fall ist "
    "im Leistungsbereich eingeordnet – dort gelten die Ziele der Familie. Bitte zuerst "
    "die Falleinordnung ändern, wenn ein Verdacht auf Gefährdung besteht."
)


@dataclass(frozen=True)
class MandateInput:
    """What is entered for an Auftrag or an Auflage."""

    kind: MandateKind
    issued_on: dt.date
    due_on: dt.date | None
    #: Überprüfung: what must be shown; Abwenden: the future state; Auflage: the requirement.
    requirement: str
    #: The Belege the family brings (Überprüfung).
    evidence_required: str = ""
    #: The concrete risk an Auflage averts, or the threatening danger an Auftrag counters.
    risk: str = ""
    consequence: str = ""
    how_checked: str = ""
    addressed_to: str = ""
    assessment_id: str | None = None


@dataclass(frozen=True)
class EvidenceInput:
    """Evidence received: when, and what."""

    received_on: dt.date
    what: str


@dataclass(frozen=True)
class OutcomeInput:
    """Whether the Auftrag or Auflage was fulfilled, and the consequence taken."""

    status: MandateStatus
    outcome_on: dt.date
    note: str = ""
    consequence_taken: str = ""


@dataclass(frozen=True)
class AssessmentInput:
    """A Gefährdungseinschätzung as entered."""

    assessed_on: dt.date
    professionals: str
    observations: str
    result: RiskLevel | None
    decision: str
    area: Area | None


@dataclass(frozen=True)
class EvidenceView:
    """One piece of evidence received."""

    id: str
    received_on: dt.date
    what: str


@dataclass(frozen=True)
class MandateView:
    """An Auftrag or Auflage with the evidence received so far."""

    id: str
    case_id: str
    kind: MandateKind
    issued_on: dt.date
    due_on: dt.date
    requirement: str
    evidence_required: str
    risk: str
    consequence: str
    how_checked: str
    addressed_to: str
    status: MandateStatus
    outcome_on: dt.date | None
    outcome_note: str
    consequence_taken: str
    assessment_id: str | None
    evidence: tuple[EvidenceView, ...] = ()

    def overdue(self, today: dt.date) -> bool:
        """Still open after its deadline."""
        return self.status is MandateStatus.OPEN and self.due_on < today


@dataclass(frozen=True)
class DeadlineRow:
    """An open dated item in "Überfällige Fristen" across all cases."""

    #: The record's id (the Auftrag's for an Auftrag or Auflage).
    mandate_id: str
    case_id: str
    file_number: str
    family_name: str
    #: The Auftrag's own kind, or the kind of any other dated item.
    kind: MandateKind | DueKind
    #: The requirement of an Auftrag, else the item's short text.
    requirement: str
    due_on: dt.date
    #: The item's key in DeadlineService ("kind:record_id").
    key: str = ""


def deadline_row(item: DueItem) -> DeadlineRow:
    """A dated item as a row of "Überfällige Fristen"."""
    kind: MandateKind | DueKind = item.kind
    if item.kind is DueKind.MANDATE and item.subkind in _MANDATE_KINDS:
        kind = _MANDATE_KINDS[item.subkind]
    return DeadlineRow(
        mandate_id=item.record_id,
        case_id=item.case_id,
        file_number=item.file_number,
        family_name=item.family_name,
        kind=kind,
        requirement=item.title,
        due_on=item.due_on,
        key=item.key,
    )


_MANDATE_KINDS = {k.value: k for k in MandateKind}


@dataclass(frozen=True)
class AssessmentView:
    """A stored Gefährdungseinschätzung."""

    id: str
    case_id: str
    assessed_on: dt.date
    professionals: str
    observations: str
    result: RiskLevel
    decision: str
    area: Area
    area_assignment_id: str | None


# --- pure validators ------------------------------------------------------------------


def area_refusal(kind: MandateKind, area: Area | None) -> str | None:
    """Why this kind of instrument cannot be used in a case of that area; None if it can."""
    if kind is MandateKind.REQUIREMENT:
        if area is Area.DANGER:
            return None
        return AUFLAGE_IN_GREY_AREA if area is Area.GREY else AUFLAGE_IN_SERVICE_AREA
    return AUFTRAG_IN_SERVICE_AREA if area in (Area.SERVICE, None) else None


def mandate_problems(value: MandateInput, area: Area | None) -> dict[str, str]:
    """Why an Auftrag or Auflage cannot be stored, by field (``area`` is the case's area)."""
    problems: dict[str, str] = {}
    refusal = area_refusal(value.kind, area)
    if refusal:
        problems["area"] = refusal
    if value.due_on is None:
        problems["due_on"] = "Bitte die Frist angeben: bis wann muss es erfüllt sein?"
    elif value.due_on < value.issued_on:
        problems["due_on"] = "Die Frist liegt vor dem Tag, an dem erteilt wird."
    if value.issued_on > dt.date.today():
        problems["issued_on"] = "Das Datum der Erteilung liegt in der Zukunft."
    if not value.requirement.strip():
        problems["requirement"] = {
            MandateKind.CHECK: "Bitte angeben, was die Sorgeberechtigten zeigen müssen.",
            MandateKind.AVERT: "Bitte den Zustand beschreiben, den die Familie sichert.",
            MandateKind.REQUIREMENT: "Bitte die verbindliche Auflage beschreiben.",
        }[value.kind]
    if value.kind is MandateKind.CHECK and not value.evidence_required.strip():
        problems["evidence_required"] = (
            "Bitte die Belege angeben, die die Sorgeberechtigten vorlegen."
        )
    if value.kind is MandateKind.AVERT and not value.consequence.strip():
        problems["consequence"] = (
            "Bitte angeben, was folgt, wenn sich die Lage verschlechtert (Auflagen)."
        )
    if value.kind is MandateKind.REQUIREMENT:
        if not value.risk.strip():
            problems["risk"] = "Bitte die konkrete Gefahr nennen, die die Auflage abwendet."
        if not value.how_checked.strip():
            problems["how_checked"] = "Bitte angeben, wie die Erfüllung überprüft wird."
    return problems


def evidence_problems(value: EvidenceInput) -> dict[str, str]:
    """Why a piece of evidence cannot be recorded."""
    problems: dict[str, str] = {}
    if not value.what.strip():
        problems["what"] = "Bitte angeben, was vorgelegt wurde."
    if value.received_on > dt.date.today():
        problems["received_on"] = "Das Eingangsdatum liegt in der Zukunft."
    return problems


def outcome_problems(value: OutcomeInput) -> dict[str, str]:
    """Why an outcome cannot be recorded."""
    problems: dict[str, str] = {}
    if value.status is MandateStatus.OPEN:
        problems["status"] = "Bitte wählen: erfüllt oder nicht erfüllt."
    if value.outcome_on > dt.date.today():
        problems["outcome_on"] = "Das Datum liegt in der Zukunft."
    if value.status is MandateStatus.NOT_FULFILLED and not value.consequence_taken.strip():
        problems["consequence_taken"] = "Bitte angeben, welche Konsequenz gezogen wurde."
    return problems


def assessment_problems(value: AssessmentInput) -> dict[str, str]:
    """Why a Gefährdungseinschätzung cannot be stored, by field."""
    problems: dict[str, str] = {}
    if value.result is None:
        problems["result"] = (
            "Bitte das Ergebnis wählen: keine, latente oder akute Gefährdung. "
            "Ohne Ergebnis ist die Einschätzung nicht abgeschlossen."
        )
    if not value.professionals.strip():
        problems["professionals"] = "Bitte die Fachkräfte nennen, die gemeinsam eingeschätzt haben."
    if not value.observations.strip():
        problems["observations"] = "Bitte die Beobachtungen festhalten."
    if not value.decision.strip():
        problems["decision"] = "Bitte die Entscheidung festhalten."
    if value.area is None:
        problems["area"] = "Bitte den Bereich wählen, in den der Fall eingeordnet wird."
    if value.assessed_on > dt.date.today():
        problems["assessed_on"] = "Das Datum der Einschätzung liegt in der Zukunft."
    return problems


def _raise(problems: dict[str, str]) -> None:
    if problems:
        raise ValidationError(problems)


# --- the service ----------------------------------------------------------------------


class InstrumentService:
    """Aufträge, Auflagen, their follow-up, and Gefährdungseinschätzungen; all audited."""

    def __init__(self, session_factory: sessionmaker[Session], device_id: str) -> None:
        self._sf = session_factory
        self._device = device_id

    def case_area(self, case_id: str) -> Area | None:
        """The case's current area (None if it has none)."""
        with self._sf() as s:
            return _area(s, case_id)

    def issue(self, case_id: str, value: MandateInput) -> MandateView:
        """Record a new Auftrag or Auflage; refused with the reason where it does not belong."""
        with self._sf.begin() as s:
            _raise(mandate_problems(value, _area(s, case_id)))
            assert value.due_on is not None
            row = Mandate(case_id=case_id, kind=value.kind.value, status=MandateStatus.OPEN.value)
            _fill(row, value)
            s.add(row)
            s.flush()
            audit.append(s, self._device, InstrumentAction.MANDATE_ISSUED, case_id, row.id)
            return _view(s, row)

    def update(self, mandate_id: str, value: MandateInput) -> MandateView:
        """Correct an Auftrag or Auflage (its kind stays)."""
        with self._sf.begin() as s:
            row = _mandate(s, mandate_id)
            value = MandateInput(**{**value.__dict__, "kind": MandateKind(row.kind)})
            _raise(mandate_problems(value, _area(s, row.case_id)))
            _fill(row, value)
            s.flush()
            audit.append(s, self._device, InstrumentAction.MANDATE_CHANGED, row.case_id, row.id)
            return _view(s, row)

    def record_evidence(self, mandate_id: str, value: EvidenceInput) -> MandateView:
        """Append evidence received (date and what)."""
        _raise(evidence_problems(value))
        with self._sf.begin() as s:
            row = _mandate(s, mandate_id)
            s.add(
                MandateEvidence(
                    case_id=row.case_id,
                    mandate_id=row.id,
                    received_on=value.received_on,
                    what=value.what.strip(),
                )
            )
            s.flush()
            audit.append(s, self._device, InstrumentAction.EVIDENCE_RECORDED, row.case_id, row.id)
            return _view(s, row)

    def record_outcome(self, mandate_id: str, value: OutcomeInput) -> MandateView:
        """Mark fulfilled or not fulfilled, with date, note and the consequence taken."""
        _raise(outcome_problems(value))
        with self._sf.begin() as s:
            row = _mandate(s, mandate_id)
            row.status = value.status.value
            row.outcome_on = value.outcome_on
            row.outcome_note = value.note.strip()
            row.consequence_taken = value.consequence_taken.strip()
            s.flush()
            audit.append(
                s, self._device, InstrumentAction.OUTCOME_RECORDED, row.case_id, value.status.value
            )
            return _view(s, row)

    def mandate(self, mandate_id: str) -> MandateView:
        """One Auftrag or Auflage."""
        with self._sf() as s:
            return _view(s, _mandate(s, mandate_id))

    def list_for_case(self, case_id: str) -> list[MandateView]:
        """The case's Aufträge and Auflagen, open ones first, then by deadline."""
        with self._sf() as s:
            rows = s.scalars(
                select(Mandate)
                .where(Mandate.case_id == case_id, Mandate.deleted.is_(False))
                .order_by(Mandate.due_on, Mandate.hlc)
            ).all()
            views = [_view(s, r) for r in rows]
        return sorted(views, key=lambda v: v.status is not MandateStatus.OPEN)

    def overdue(self, today: dt.date) -> list[DeadlineRow]:
        """Every open dated item past its date, across all cases, oldest first.

        A view of :class:`~asd_desktop.services.deadlines.DeadlineService` (not only
        Aufträge and Auflagen), so "Überfällige Fristen" agrees with the case list.
        """
        return self._deadline_rows(end=today - dt.timedelta(days=1))

    def upcoming(self, today: dt.date, days: int = 14) -> list[DeadlineRow]:
        """Every open dated item due from today within ``days`` days."""
        return self._deadline_rows(start=today, end=today + dt.timedelta(days=days))

    def _deadline_rows(
        self, start: dt.date | None = None, end: dt.date | None = None
    ) -> list[DeadlineRow]:
        return [
            deadline_row(i)
            for i in DeadlineService(self._sf, self._device).items(start=start, end=end)
        ]

    def custody_names(self, case_id: str) -> str:
        """The persons with custody of the case, as the letter addresses them."""
        with self._sf() as s:
            return ", ".join(_name(p) for p in _custody(s, case_id))

    def letter_print(self, mandate_id: str, letter_on: dt.date) -> MandateLetterPrint:
        """What the letter to the persons with custody shows."""
        with self._sf() as s:
            row = _mandate(s, mandate_id)
            case = _case(s, row.case_id)
            custody = _custody(s, row.case_id)
            recipient = row.addressed_to.strip() or "\n".join(_name(p) for p in custody)
            named = [p for p in custody if _name(p) in recipient]
            addressed = [p for p in named if p.address.strip()]
            with_address = addressed or [p for p in custody if p.address.strip()]
            return MandateLetterPrint(
                file_number=case.file_number,
                family_name=case.family_name,
                letter_on=letter_on,
                recipient=recipient,
                recipient_address=with_address[0].address if with_address else "",
                sender=case.caseworker,
                kind=row.kind,
                issued_on=row.issued_on,
                due_on=row.due_on,
                requirement=row.requirement,
                evidence_required=row.evidence_required,
                risk=row.risk,
                consequence=row.consequence,
                how_checked=row.how_checked,
                salutation=salutation_line(
                    [_addressee(p) for p in (named if row.addressed_to.strip() else custody)],
                    fallback=row.addressed_to.strip().replace("\n", ", "),
                ),
                children=_children(s, row.case_id),
            )

    # Gefährdungseinschätzung

    def assess(self, case_id: str, value: AssessmentInput) -> AssessmentView:
        """Store the assessment and place the case in the decided area, in one transaction."""
        _raise(assessment_problems(value))
        assert value.result is not None
        assert value.area is not None
        with self._sf.begin() as s:
            _case(s, case_id)
            decision = value.decision.strip()
            assignment = AreaAssignment(
                case_id=case_id,
                area=value.area.value,
                decided_on=value.assessed_on,
                reason=f"Gefährdungseinschätzung vom {value.assessed_on:%d.%m.%Y}: {decision}",
                decided_by=value.professionals.strip()[:200],
            )
            s.add(assignment)
            s.flush()
            row = RiskAssessment(
                case_id=case_id,
                assessed_on=value.assessed_on,
                professionals=value.professionals.strip(),
                observations=value.observations.strip(),
                result=value.result.value,
                decision=decision,
                area=value.area.value,
                area_assignment_id=assignment.id,
            )
            s.add(row)
            s.flush()
            audit.append(s, self._device, InstrumentAction.RISK_ASSESSED, case_id, row.id)
            return _assessment_view(row)

    def assessments(self, case_id: str) -> list[AssessmentView]:
        """The case's Gefährdungseinschätzungen, newest first."""
        with self._sf() as s:
            rows = s.scalars(
                select(RiskAssessment)
                .where(RiskAssessment.case_id == case_id, RiskAssessment.deleted.is_(False))
                .order_by(RiskAssessment.assessed_on.desc(), RiskAssessment.hlc.desc())
            ).all()
            return [_assessment_view(r) for r in rows]


# --- helpers --------------------------------------------------------------------------


def _case(s: Session, case_id: str) -> Case:
    case = s.get(Case, case_id)
    if case is None or case.deleted:
        raise NotFoundError("Der Fall wurde nicht gefunden.")
    return case


def _area(s: Session, case_id: str) -> Area | None:
    _case(s, case_id)
    value = s.scalar(select(current_area()).where(Case.id == case_id))
    return Area(value) if value else None


def _name(p: Person) -> str:
    return f"{p.first_name} {p.last_name}".strip()


def _addressee(p: Person) -> Addressee:
    try:
        salutation = Salutation(p.salutation or "")
    except ValueError:
        salutation = Salutation.NONE
    return Addressee(salutation, p.first_name, p.last_name)


def _children(s: Session, case_id: str) -> int:
    """How many children the case concerns (at least one: a letter is about a child)."""
    rows = s.scalars(
        select(Person).where(Person.case_id == case_id, Person.deleted.is_(False))
    ).all()
    return max(1, sum(Role.CHILD.value in (p.roles or []) for p in rows))


def _custody(s: Session, case_id: str) -> list[Person]:
    rows = s.scalars(
        select(Person)
        .where(Person.case_id == case_id, Person.deleted.is_(False))
        .order_by(Person.hlc)
    ).all()
    return [p for p in rows if Role.CUSTODY.value in (p.roles or [])]


def _mandate(s: Session, mandate_id: str) -> Mandate:
    row = s.get(Mandate, mandate_id)
    if row is None or row.deleted:
        raise NotFoundError("Der Auftrag bzw. die Auflage wurde nicht gefunden.")
    return row


def _fill(row: Mandate, value: MandateInput) -> None:
    assert value.due_on is not None
    row.issued_on = value.issued_on
    row.due_on = value.due_on
    row.requirement = value.requirement.strip()
    row.evidence_required = value.evidence_required.strip()
    row.risk = value.risk.strip()
    row.consequence = value.consequence.strip()
    row.how_checked = value.how_checked.strip()
    row.addressed_to = value.addressed_to.strip()
    row.assessment_id = value.assessment_id


def _view(s: Session, row: Mandate) -> MandateView:
    evidence = s.scalars(
        select(MandateEvidence)
        .where(MandateEvidence.mandate_id == row.id, MandateEvidence.deleted.is_(False))
        .order_by(MandateEvidence.received_on, MandateEvidence.hlc)
    ).all()
    return MandateView(
        id=row.id,
        case_id=row.case_id,
        kind=MandateKind(row.kind),
        issued_on=row.issued_on,
        due_on=row.due_on,
        requirement=row.requirement,
        evidence_required=row.evidence_required,
        risk=row.risk,
        consequence=row.consequence,
        how_checked=row.how_checked,
        addressed_to=row.addressed_to,
        status=MandateStatus(row.status),
        outcome_on=row.outcome_on,
        outcome_note=row.outcome_note,
        consequence_taken=row.consequence_taken,
        assessment_id=row.assessment_id,
        evidence=tuple(
            EvidenceView(id=e.id, received_on=e.received_on, what=e.what) for e in evidence
        ),
    )


def _assessment_view(row: RiskAssessment) -> AssessmentView:
    return AssessmentView(
        id=row.id,
        case_id=row.case_id,
        assessed_on=row.assessed_on,
        professionals=row.professionals,
        observations=row.observations,
        result=RiskLevel(row.result),
        decision=row.decision,
        area=Area(row.area),
        area_assignment_id=row.area_assignment_id,
    )


__all__ = [
    "AUFLAGE_IN_GREY_AREA",
    "AUFLAGE_IN_SERVICE_AREA",
    "AUFTRAG_IN_SERVICE_AREA",
    "AssessmentInput",
    "AssessmentView",
    "DeadlineRow",
    "EvidenceInput",
    "EvidenceView",
    "InstrumentService",
    "MandateInput",
    "MandateView",
    "OutcomeInput",
    "area_refusal",
    "assessment_problems",
    "evidence_problems",
    "mandate_problems",
    "outcome_problems",
]
