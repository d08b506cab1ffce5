"""Demo data: a dozen hand-written fictional families, or thousands generated for benchmarks.

Everything here is invented. The small demo lets a newcomer explore the program
(it goes through :class:`CaseService`, so every entry is validated and audited
like a caseworker's). The large demo (``cases=N``) is generated deterministically
from a seed and written through the ORM in batches, so the replication hook
stamps the versions and the search hook indexes the text, as for any edit.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from sqlalchemy.orm import Session, sessionmaker

from asd_desktop.models.case import AreaAssignment, Case, Contact, Person
from asd_desktop.models.enums import (
    AgreementKept,
    Area,
    CaseStatus,
    ContactKind,
    CouncilActivity,
    CouncilOutcome,
    FamilyInterest,
    Financing,
    GoalStatus,
    IdeaSource,
    Invitation,
    MandateKind,
    MandateStatus,
    ParticipantGroup,
    ProposalDecision,
    ResourceKind,
    RiskLevel,
    Role,
)
from asd_desktop.models.errors import ValidationError
from asd_desktop.models.ids import uuid7
from asd_desktop.services import audit
from asd_desktop.services.cases import (
    AreaInput,
    CaseInput,
    CaseService,
    ContactInput,
    PersonInput,
    area_problems,
    area_row,
    case_problems,
    check_problems,
    contact_problems,
    contact_row,
    fill_person,
    person_problems,
)
from asd_desktop.services.consultation import ConsultationService, IdeaInput
from asd_desktop.services.demo_sozialraum import write_sozialraum_demo
from asd_desktop.services.documents import DocumentService
from asd_desktop.services.familienrat import (
    AgreementInput,
    DecisionInput,
    FamilienratService,
    FamilyPhaseInput,
    FollowUpInput,
    HoursInput,
    InformationInput,
    ParticipantInput,
    PreparationInput,
    ProposalInput,
    ReviewItem,
)
from asd_desktop.services.familienrat import default_review_date as council_review_date
from asd_desktop.services.goals import (
    ActionGoalDraft,
    GoalDraft,
    GoalService,
    ResourceDraft,
    ReviewInput,
    StepDraft,
    default_review_date,
)
from asd_desktop.services.instruments import (
    AssessmentInput,
    EvidenceInput,
    InstrumentService,
    MandateInput,
    OutcomeInput,
)

#: Cases written per transaction by the generator.
BATCH_CASES = 100
#: The audit action recorded once per generated batch.
DEMO_FILLED = "demo_filled"

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class DemoSummary:
    """What a demo fill created."""

    cases: int
    persons: int
    contacts: int
    areas: int

    def __str__(self) -> str:
        return (
            f"{self.cases} Fälle, {self.persons} Personen, {self.contacts} Kontakte, "
            f"{self.areas} Falleinordnungen"
        )


@dataclass(frozen=True)
class CaseSpec:
    """One fictional case as plain input values, ready for the service or the bulk writer.

    ``areas`` and ``contacts`` are oldest first; ``corrections`` pairs the index of
    a contact in ``contacts`` with its corrected version. ``goals`` is a finished
    Zielerarbeitung (stored and printed when written through the services);
    ``goal_reviews`` pairs a Handlungsziel's position with a review of it.
    ``council`` is a Familienrat run through all its phases (services only).
    """

    case: CaseInput
    areas: tuple[AreaInput, ...]
    persons: tuple[PersonInput, ...]
    contacts: tuple[ContactInput, ...]
    corrections: tuple[tuple[int, ContactInput], ...] = ()
    closed_on: dt.date | None = None
    caseworker: str = ""
    goals: GoalDraft | None = None
    goal_reviews: tuple[tuple[int, ReviewInput], ...] = ()
    council: CouncilSpec | None = None
    consultations: tuple[ConsultationSpec, ...] = ()
    instruments: InstrumentSpec | None = None

    @property
    def contact_count(self) -> int:
        """Contacts including corrections."""
        return len(self.contacts) + len(self.corrections)


def fill_demo(
    session_factory: sessionmaker[Session],
    device_id: str,
    *,
    cases: int | None,
    contacts_per_case: int,
    seed: int,
    progress: Progress | None = None,
    today: dt.date | None = None,
) -> DemoSummary:
    """Fill an (empty) database with fictional cases.

    Args:
        session_factory: The open database's session factory (hooks installed).
        device_id: This database's device id, for the audit log.
        cases: None for the hand-written families, else the number of generated cases.
        contacts_per_case: Contacts per generated case (ignored for the families).
        seed: Seed of the generator; the same seed gives the same families.
        progress: Called with (cases done, cases total) after each batch.
        today: The day the data is anchored to (dates, overdue deadlines); default today.

    Returns:
        The counts of what was created.
    """
    day = today or dt.date.today()
    if cases is None:
        specs = family_specs(day)
        summary = write_with_service(session_factory, device_id, specs, progress)
        write_sozialraum_demo(session_factory, device_id, day)
        return summary
    if cases < 0 or contacts_per_case < 0:
        raise ValidationError(
            {"cases": "Die Anzahl der Fälle und Kontakte darf nicht negativ sein."}
        )
    return write_in_batches(
        session_factory,
        device_id,
        generate_specs(cases, contacts_per_case, seed, day),
        cases,
        progress,
    )


# --- writing ---------------------------------------------------------------------------


def write_with_service(
    session_factory: sessionmaker[Session],
    device_id: str,
    specs: Sequence[CaseSpec],
    progress: Progress | None = None,
) -> DemoSummary:
    """Store ``specs`` one call at a time through :class:`CaseService` (validated, audited)."""
    persons = contacts = areas = 0
    for done, spec in enumerate(specs, start=1):
        service = CaseService(session_factory, device_id, user=spec.caseworker)
        case_id = service.create_case(spec.case, spec.areas[0]).id
        for person in spec.persons:
            service.add_person(case_id, person)
        for area in spec.areas[1:]:
            service.change_area(case_id, area)
        contact_ids = [service.record_contact(case_id, c).id for c in spec.contacts]
        for index, corrected in spec.corrections:
            service.record_contact(case_id, corrected, corrects_id=contact_ids[index])
        if spec.goals is not None:
            _write_goals(session_factory, device_id, case_id, spec)
        if spec.council is not None:
            _write_council(session_factory, device_id, case_id, spec.council)
        for consultation in spec.consultations:
            _write_consultation(session_factory, device_id, case_id, consultation)
        if spec.instruments is not None:
            _write_instruments(session_factory, device_id, case_id, spec.instruments)
        if spec.closed_on is not None:
            service.set_status(case_id, CaseStatus.CLOSED, spec.closed_on)
        persons += len(spec.persons)
        contacts += spec.contact_count
        areas += len(spec.areas)
        if progress is not None:
            progress(done, len(specs))
    return DemoSummary(len(specs), persons, contacts, areas)


def _write_goals(
    session_factory: sessionmaker[Session], device_id: str, case_id: str, spec: CaseSpec
) -> None:
    """Finish the spec's Zielerarbeitung, print its Zielvereinbarung, record its reviews."""
    assert spec.goals is not None
    goals = GoalService(session_factory, device_id)
    agreement = goals.finish(case_id, spec.goals)
    DocumentService(session_factory, device_id).print_goal_agreement(agreement.id)
    for position, review in spec.goal_reviews:
        goals.review_goal(agreement.goals[position].id, review)


@dataclass(frozen=True)
class ConsultationSpec:
    """A Kollegiale Beratung, written step by step through the service and closed.

    ``family_goals`` replaces the copy of the newest Zielvereinbarung when set
    (for cases whose goals were only agreed orally); ``needs`` answer the
    Sozialraum question; with ``printed`` the protocol PDF is kept in the documents.
    """

    held_on: dt.date
    presenter: str
    participants: str
    ideas: tuple[tuple[IdeaSource, str, bool], ...]
    selection: str
    hze_kind: str = ""
    needs: tuple[str, ...] = ()
    family_goals: str = ""
    printed: bool = False


@dataclass(frozen=True)
class MandateSpec:
    """An Auftrag or Auflage with the evidence received and its outcome, if any."""

    value: MandateInput
    evidence: tuple[EvidenceInput, ...] = ()
    outcome: OutcomeInput | None = None
    #: Print the letter to the persons with custody.
    letter: bool = False


@dataclass(frozen=True)
class InstrumentSpec:
    """Aufträge given first, then a Gefährdungseinschätzung, then the Auflagen following it."""

    mandates: tuple[MandateSpec, ...] = ()
    assessment: AssessmentInput | None = None
    auflagen: tuple[MandateSpec, ...] = ()


def _write_instruments(
    session_factory: sessionmaker[Session], device_id: str, case_id: str, spec: InstrumentSpec
) -> None:
    """Give the Aufträge, assess, give the Auflagen; record evidence, outcomes, letters."""
    service = InstrumentService(session_factory, device_id)
    documents = DocumentService(session_factory, device_id)

    def give(m: MandateSpec, assessment_id: str | None = None) -> None:
        value = m.value
        if assessment_id is not None:
            value = replace(value, assessment_id=assessment_id)
        mandate_id = service.issue(case_id, value).id
        for evidence in m.evidence:
            service.record_evidence(mandate_id, evidence)
        if m.outcome is not None:
            service.record_outcome(mandate_id, m.outcome)
        if m.letter:
            documents.print_mandate_letter(mandate_id, letter_on=value.issued_on)

    for m in spec.mandates:
        give(m)
    assessment_id = service.assess(case_id, spec.assessment).id if spec.assessment else None
    for m in spec.auflagen:
        give(m, assessment_id)


def _write_consultation(
    session_factory: sessionmaker[Session], device_id: str, case_id: str, spec: ConsultationSpec
) -> str:
    """Start, fill and close a consultation protocol (and print it); returns its id."""
    service = ConsultationService(session_factory, device_id)
    view = service.start(case_id, spec.held_on, spec.presenter, spec.participants)
    for source, text, selected in spec.ideas:
        service.add_idea(view.id, IdeaInput(source, text, selected))
    service.save(
        view.id,
        replace(
            view.fields,
            family_goals=spec.family_goals or view.fields.family_goals,
            selection=spec.selection,
            hze_decided=bool(spec.hze_kind),
            hze_kind=spec.hze_kind,
        ),
    )
    for need in spec.needs:
        service.add_need(view.id, need)
    service.close(view.id)
    if spec.printed:
        DocumentService(session_factory, device_id).print_consultation_protocol(view.id)
    return view.id


@dataclass(frozen=True)
class ProposalSpec:
    """A proposal of the family; with ``improvement`` the ASD first asks for a better version.

    The family's better version (``improved``) is then accepted, with the
    improvement noted; without ``improvement`` the proposal is accepted as it is.
    """

    proposal: ProposalInput
    improvement: str = ""
    improved: ProposalInput | None = None
    accepted_note: str = ""


@dataclass(frozen=True)
class CouncilReviewSpec:
    """The Folge-Rat: how each agreement (in order) was kept, and what follows."""

    reviewed_on: dt.date
    items: tuple[tuple[AgreementKept, str], ...]
    outcome: CouncilOutcome
    notes: str = ""
    hze_kind: str = ""


@dataclass(frozen=True)
class CouncilSpec:
    """A Familienrat from preparation to Folge-Rat, written phase by phase through the service.

    ``participants`` carry whether they came (``attended``); ``agreements`` pair
    the index of the proposal they make exact with the agreement. ``follow_up``
    is the Vorbereitung of the Folge-Rat the review creates.
    """

    preparation: PreparationInput
    participants: tuple[ParticipantInput, ...]
    information: InformationInput
    family_phase: FamilyPhaseInput
    proposals: tuple[ProposalSpec, ...]
    decision: DecisionInput
    agreements: tuple[tuple[int, AgreementInput], ...]
    hours: tuple[HoursInput, ...]
    letter_on: dt.date
    review: CouncilReviewSpec
    follow_up: PreparationInput | None = None
    follow_up_participants: tuple[ParticipantInput, ...] = ()


def _write_council(
    session_factory: sessionmaker[Session], device_id: str, case_id: str, spec: CouncilSpec
) -> str:
    """Run a Familienrat through every phase and print its documents; returns its id.

    The documents are printed where a caseworker would print them: the
    invitations in the Vorbereitung, the plan and the protocols after the
    decision, the review summary after the Folge-Rat.
    """
    councils = FamilienratService(session_factory, device_id)
    documents = DocumentService(session_factory, device_id)
    council_id = councils.start(case_id).id
    # Vorbereitung
    councils.save_preparation(council_id, spec.preparation)
    people = [
        councils.add_participant(council_id, replace(p, attended=False)) for p in spec.participants
    ]
    documents.print_council_invitations(council_id)
    councils.advance(council_id)
    # Information
    attended = tuple(v.id for v, p in zip(people, spec.participants, strict=True) if p.attended)
    councils.save_information(council_id, replace(spec.information, attended_ids=attended))
    councils.advance(council_id)
    # Familienphase
    councils.save_family_phase(council_id, spec.family_phase)
    proposals = [councils.add_proposal(council_id, p.proposal) for p in spec.proposals]
    councils.advance(council_id)
    # Entscheidung
    for stored, p in zip(proposals, spec.proposals, strict=True):
        if p.improvement:
            councils.decide_proposal(stored.id, ProposalDecision.IMPROVE, p.improvement)
            councils.update_proposal(stored.id, p.improved or p.proposal)
        councils.decide_proposal(stored.id, ProposalDecision.ACCEPTED, p.accepted_note)
    councils.save_decision(council_id, spec.decision)
    agreements = [
        councils.add_agreement(council_id, replace(a, proposal_id=proposals[index].id))
        for index, a in spec.agreements
    ]
    councils.advance(council_id)
    documents.print_council_plan(council_id)
    documents.print_council_protocols(council_id, letter_on=spec.letter_on)
    for hours in spec.hours:
        councils.add_hours(council_id, hours)
    # Folge-Rat / Überprüfung
    review = spec.review
    view = councils.save_follow_up(
        council_id,
        FollowUpInput(
            reviewed_on=review.reviewed_on,
            items=tuple(
                ReviewItem(a.id, status, comment)
                for a, (status, comment) in zip(agreements, review.items, strict=True)
            ),
            outcome=review.outcome,
            hze_kind=review.hze_kind,
            notes=review.notes,
        ),
    )
    documents.print_council_review(council_id)
    councils.advance(council_id)
    if spec.follow_up is not None and view.follow_up_ids:
        follow_up_id = view.follow_up_ids[0]
        councils.save_preparation(follow_up_id, spec.follow_up)
        present = {p.name for p in councils.get(follow_up_id).participants}
        for person in spec.follow_up_participants:
            if person.name not in present:  # the service may carry them over already
                councils.add_participant(follow_up_id, person)
    return council_id


def write_in_batches(
    session_factory: sessionmaker[Session],
    device_id: str,
    specs: Iterator[CaseSpec],
    total: int,
    progress: Progress | None = None,
    batch_cases: int = BATCH_CASES,
) -> DemoSummary:
    """Store ``specs`` through the ORM, ``batch_cases`` cases per transaction.

    Version columns and the search index are left to the session hooks.
    """
    done = persons = contacts = areas = 0
    while done < total:
        batch = [spec for _, spec in zip(range(batch_cases), specs, strict=False)]
        if not batch:
            break
        with session_factory.begin() as s:
            # Parents first: the rows carry foreign keys but no relationship() that
            # would let the unit of work order the inserts.
            rows = [_case_row(spec) for spec in batch]
            s.add_all(rows)
            s.flush()
            corrections: list[Contact] = []
            for row, spec in zip(rows, batch, strict=True):
                s.add_all(_child_rows(row.id, spec, corrections))
            s.flush()
            s.add_all(corrections)
            s.flush()
            audit.append(s, device_id, DEMO_FILLED, None, f"{len(batch)} Demo-Fälle")
        done += len(batch)
        persons += sum(len(spec.persons) for spec in batch)
        contacts += sum(spec.contact_count for spec in batch)
        areas += sum(len(spec.areas) for spec in batch)
        if progress is not None:
            progress(done, total)
    return DemoSummary(done, persons, contacts, areas)


def _case_row(spec: CaseSpec) -> Case:
    check_problems(case_problems(spec.case))
    closed = spec.closed_on is not None
    return Case(
        id=uuid7(),
        file_number=spec.case.file_number,
        family_name=spec.case.family_name,
        status=(CaseStatus.CLOSED if closed else CaseStatus.OPEN).value,
        opened_on=spec.case.opened_on,
        closed_on=spec.closed_on,
        caseworker=spec.case.caseworker,
        description=spec.case.description,
    )


def _child_rows(
    case_id: str, spec: CaseSpec, corrections: list[Contact]
) -> list[Person | AreaAssignment | Contact]:
    rows: list[Person | AreaAssignment | Contact] = []
    for p in spec.persons:
        check_problems(person_problems(p))
        person = Person(case_id=case_id)
        fill_person(person, p)
        rows.append(person)
    for a in spec.areas:
        check_problems(area_problems(a))
        rows.append(area_row(case_id, a))
    contacts = [_contact_row(case_id, c, spec.caseworker) for c in spec.contacts]
    rows.extend(contacts)
    for index, corrected in spec.corrections:
        corrections.append(
            _contact_row(case_id, corrected, spec.caseworker, corrects_id=contacts[index].id)
        )
    return rows


def _contact_row(
    case_id: str, c: ContactInput, recorded_by: str, corrects_id: str | None = None
) -> Contact:
    check_problems(contact_problems(c))
    row = contact_row(case_id, c, recorded_by, corrects_id)
    row.id = uuid7()  # corrections point at it before the flush
    return row


# --- small helpers for writing families --------------------------------------------------


def born(today: dt.date, age: int, month: int, day: int) -> dt.date:
    """The birth date on ``month``/``day`` of someone who is ``age`` years old ``today``."""
    year = today.year - age - (1 if (month, day) > (today.month, today.day) else 0)
    return dt.date(year, month, day)


@dataclass
class _Family:
    """Builder for one hand-written case; dates are days before ``today``."""

    today: dt.date
    file_number: str
    family_name: str
    caseworker: str
    opened_days_ago: int
    description: str
    persons: list[PersonInput] = field(default_factory=list)
    areas: list[AreaInput] = field(default_factory=list)
    contacts: list[ContactInput] = field(default_factory=list)
    corrections: list[tuple[int, ContactInput]] = field(default_factory=list)
    closed_days_ago: int | None = None
    goals: GoalDraft | None = None
    goal_reviews: list[tuple[int, ReviewInput]] = field(default_factory=list)
    council: CouncilSpec | None = None

    def day(self, days_ago: int) -> dt.date:
        return self.today - dt.timedelta(days=days_ago)

    def person(
        self,
        first: str,
        last: str,
        roles: tuple[Role, ...],
        *,
        age: tuple[int, int, int] | None = None,
        address: str = "",
        phone: str = "",
        languages: str = "Deutsch",
        interpreter: bool = False,
        institution: str = "",
    ) -> None:
        self.persons.append(
            PersonInput(
                last_name=last,
                first_name=first,
                birth_date=born(self.today, *age) if age else None,
                address=address,
                phone=phone,
                languages=languages,
                interpreter_needed=interpreter,
                roles=roles,
                institution=institution,
            )
        )

    def area(self, area: Area, days_ago: int, reason: str, decided_by: str) -> None:
        self.areas.append(AreaInput(area, self.day(days_ago), reason, decided_by))

    def contact(
        self,
        days_ago: int,
        at: str,
        kind: ContactKind,
        minutes: int,
        present: str,
        place: str,
        note: str,
        next_step: str = "",
        due_in: int | None = None,
    ) -> None:
        self.contacts.append(
            self._contact(days_ago, at, kind, minutes, present, place, note, next_step, due_in)
        )

    def correct(
        self,
        index: int,
        days_ago: int,
        at: str,
        kind: ContactKind,
        minutes: int,
        present: str,
        place: str,
        note: str,
        next_step: str = "",
        due_in: int | None = None,
    ) -> None:
        value = self._contact(days_ago, at, kind, minutes, present, place, note, next_step, due_in)
        self.corrections.append((index, value))

    def _contact(
        self,
        days_ago: int,
        at: str,
        kind: ContactKind,
        minutes: int,
        present: str,
        place: str,
        note: str,
        next_step: str,
        due_in: int | None,
    ) -> ContactInput:
        hour, minute = (int(part) for part in at.split(":"))
        when = dt.datetime.combine(self.day(days_ago), dt.time(hour, minute))
        return ContactInput(
            occurred_at=when,
            kind=kind,
            duration_minutes=minutes,
            present=present,
            place=place,
            note=note,
            next_step=next_step,
            next_step_due=self.today + dt.timedelta(days=due_in) if due_in is not None else None,
        )

    def spec(self) -> CaseSpec:
        return CaseSpec(
            case=CaseInput(
                file_number=self.file_number,
                family_name=self.family_name,
                opened_on=self.day(self.opened_days_ago),
                caseworker=self.caseworker,
                description=self.description,
            ),
            areas=tuple(self.areas),
            persons=tuple(self.persons),
            contacts=tuple(self.contacts),
            corrections=tuple(self.corrections),
            closed_on=self.day(self.closed_days_ago) if self.closed_days_ago is not None else None,
            caseworker=self.caseworker,
            goals=self.goals,
            goal_reviews=tuple(self.goal_reviews),
            council=self.council,
            consultations=tuple(make(self) for make in _CONSULTATIONS.get(self.file_number, ())),
            instruments=(
                _INSTRUMENTS[self.file_number](self) if self.file_number in _INSTRUMENTS else None
            ),
        )


# --- the hand-written families -------------------------------------------------------------

_K, _M, _V, _S = Role.CHILD, Role.MOTHER, Role.FATHER, Role.CUSTODY
_R, _N, _P, _O = Role.RELATIVE, Role.NEIGHBOUR, Role.PROFESSIONAL, Role.OTHER
_HOME, _SURPRISE = ContactKind.HOME_VISIT_ANNOUNCED, ContactKind.HOME_VISIT_UNANNOUNCED
_OFFICE, _PHONE, _VIDEO = ContactKind.OFFICE, ContactKind.PHONE, ContactKind.VIDEO
_LETTER, _INST = ContactKind.LETTER, ContactKind.INSTITUTION

_PETERSEN, _AYDIN, _WOLFF = "Jana Petersen", "Murat Aydın", "Katharina Wolff"
_TEAMLEAD = "Claudia Krüger (Teamleitung)"
_OFFICE_ROOM = "ASD Mitte, Besprechungsraum 2.14"
_FLAT = "Wohnung der Familie"


def family_specs(today: dt.date) -> list[CaseSpec]:
    """The twelve hand-written fictional families, anchored to ``today``."""
    return [
        f(today).spec()
        for f in (
            _al_zein,
            _yilmaz,
            _wojcik,
            _dvorak,
            _schneider,
            _meier,
            _hoffmann,
            _demir,
            _popescu,
            _nguyen,
            _osei,
            _becker,
        )
    ]


def _al_zein(today: dt.date) -> _Family:
    f = _Family(
        today,
        "ASD-M-2024-0113",
        "Al Zein",
        _PETERSEN,
        75,
        "Die Eltern haben sich selbst gemeldet: Muharem (13) droht die Umschulung wegen vieler "
        "Fehltage, fehlender Hausaufgaben und Streit mit Mitschülern und Lehrkräften. Anliegen "
        "der Familie: Muharem soll an seiner jetzigen Schule bleiben.",
    )
    addr = "Veringstraße 41, 21107 Hamburg"
    f.person(
        "Muharem", "Al Zein", (_K,), age=(13, 11, 2), address=addr, languages="Deutsch, Arabisch"
    )
    f.person(
        "Nour",
        "Al Zein",
        (_K,),
        age=(17, 4, 19),
        address=addr,
        languages="Deutsch, Arabisch, Englisch",
    )
    f.person(
        "Rania",
        "Al Zein",
        (_M, _S),
        age=(41, 6, 8),
        address=addr,
        phone="0176 5550 1123",
        languages="Arabisch, etwas Deutsch",
        interpreter=True,
    )
    f.person(
        "Khaled",
        "Al Zein",
        (_V, _S),
        age=(45, 1, 23),
        address=addr,
        phone="0151 5550 8871",
        languages="Arabisch, Deutsch",
    )
    f.person(
        "Sabine",
        "Lorenz",
        (_P,),
        languages="Deutsch",
        institution="Stadtteilschule Wilhelmsburg (Klassenlehrerin)",
        phone="040 5550 3310",
    )
    f.area(
        Area.SERVICE,
        75,
        "Eltern bitten selbst um Beratung zum Schulverbleib ihres Sohnes; "
        "keine Hinweise auf eine Gefährdung.",
        _PETERSEN,
    )
    f.contact(
        75,
        "10:00",
        _OFFICE,
        60,
        "Rania und Khaled Al Zein, Dolmetscherin Frau Haddad, J. Petersen",
        _OFFICE_ROOM,
        "Erstgespräch. Die Eltern zeigen die Briefe der Schule wegen Fehlzeiten und "
        "fehlender Hausaufgaben; ein Schulwechsel steht im Raum. Anliegen der Eltern: "
        "Muharem soll an seiner Schule bleiben. Vater: „Er ist ein guter Junge, aber er "
        "hört nicht mehr auf uns.“",
        "Gespräch mit der Klassenlehrerin Frau Lorenz vereinbaren",
        -68,
    )
    f.contact(
        66,
        "13:30",
        _INST,
        45,
        "Frau Lorenz (Klassenlehrerin), J. Petersen",
        "Stadtteilschule Wilhelmsburg",
        "Seit den Herbstferien 14 Fehltage, davon 9 unentschuldigt; Hausaufgaben fehlen "
        "fast immer. Konflikte vor allem in der Pause. Stärken: Mathematik und der "
        "Fußball-Wahlpflichtkurs. Die Schule stellt die Umschulung zurück, wenn sich bis "
        "zu den Sommerferien etwas ändert.",
        "Hausbesuch mit Muharem und den Eltern",
        -58,
    )
    f.contact(
        59,
        "16:00",
        _HOME,
        90,
        "Muharem, Nour, Rania und Khaled Al Zein, Dolmetscherin Frau Haddad, J. Petersen",
        _FLAT,
        "Muharem zuerst still, im Gespräch allein in seinem Zimmer offen: er will an der "
        "Schule bleiben, „wegen meinen Freunden“. Gemeinsam Ideen gesammelt: Hausaufgaben "
        "direkt nach dem Mittagessen am Küchentisch, fertig bis 18:00 Uhr; Nour hilft bei "
        "Englisch; der Vater fragt abends nach. Die Mutter weckt ihn um 6:45 Uhr.",
        "Eltern und Muharem schreiben ihr Anliegen in eigenen Worten auf",
        -45,
    )
    f.contact(
        45,
        "09:30",
        _OFFICE,
        75,
        "Muharem, Rania und Khaled Al Zein, Dolmetscherin Frau Haddad, J. Petersen",
        _OFFICE_ROOM,
        "Die Familie hat aufgeschrieben, was bis zu den Sommerferien gelten soll: "
        "a) Muharem macht seine Hausaufgaben jeden Tag vollständig und selbstständig bis "
        "18:00 Uhr; b) er ist jeden Tag von Anfang bis Ende in der Schule, bei Krankheit "
        "entschuldigen die Eltern ihn am selben Tag; c) er verhält sich respektvoll und "
        "friedlich gegenüber Mitschülern und Lehrkräften, besonders wenn Lehrkräfte ihn "
        "zu etwas auffordern, und in der Pause.",
        "Rückmeldung der Schule zu Fehlzeiten und Hausaufgaben einholen",
        -20,
    )
    f.contact(
        21,
        "11:15",
        _PHONE,
        15,
        "Frau Lorenz (Klassenlehrerin)",
        "Telefon",
        "Seit drei Wochen keine Fehltage mehr. Zweimal Streit in der Pause, einmal hat "
        "Muharem sich danach von selbst entschuldigt.",
        "Hilfeplangespräch in der Schule vorbereiten",
        -7,
    )
    f.correct(
        4,
        21,
        "11:15",
        _PHONE,
        20,
        "Frau Lorenz (Klassenlehrerin)",
        "Telefon",
        "Korrektur der Notiz vom selben Tag: seit drei Wochen keine unentschuldigten "
        "Fehltage mehr, zwei Krankheitstage wurden am selben Tag entschuldigt. Zweimal "
        "Streit in der Pause, einmal hat Muharem sich danach von selbst entschuldigt.",
        "Hilfeplangespräch in der Schule vorbereiten",
        -7,
    )
    f.contact(
        6,
        "17:45",
        _PHONE,
        10,
        "Khaled Al Zein",
        "Telefon",
        "Vater berichtet stolz: Hausaufgaben an vier von fünf Tagen vor 18:00 Uhr fertig. "
        "Muharem möchte beim Hilfeplangespräch selbst sagen, was gut läuft.",
        "Hilfeplangespräch mit Familie und Frau Lorenz in der Schule",
        9,
    )
    _al_zein_goals(f)
    return f


def _summer_holidays(after: dt.date) -> dt.date:
    """The first day of the summer holidays at least two months after ``after``."""
    year = after.year if after < dt.date(after.year, 5, 1) else after.year + 1
    return dt.date(year, 7, 9)


def _al_zein_goals(f: _Family) -> None:
    """The domain document's example: Muharem stays at his school (agreed 45 days ago)."""
    agreed = f.day(45)
    summer = _summer_holidays(agreed)
    muharem, rania, khaled = "Muharem Al Zein", "Rania Al Zein", "Khaled Al Zein"
    f.goals = GoalDraft(
        concern="Muharem soll an seiner jetzigen Schule bleiben. Die Briefe der Schule wegen "
        "der Fehltage machen uns Sorgen.",
        concern_by="Khaled und Rania Al Zein (Eltern)",
        will="Muharem will an seiner Schule bleiben, „wegen meinen Freunden“. Die Eltern "
        "wollen, dass es zu Hause weniger Streit um die Schule gibt.",
        priority="Zuerst: Muharem ist jeden Tag in der Schule.",
        direction_goal=f"Wir Eltern und Muharem kennen und nutzen bis zu den Sommerferien "
        f"{summer.year} Wege, damit Muharem an seiner jetzigen Schule bleiben kann.",
        direction_people=f"{rania}, {khaled} und Muharem",
        action_goals=(
            ActionGoalDraft(
                text="Muharem macht seine Hausaufgaben jeden Tag vollständig und "
                "selbstständig bis 18:00 Uhr.",
                indicator="Das Hausaufgabenheft ist jeden Abend um 18:00 Uhr abgehakt; "
                "Frau Lorenz sagt freitags, ob etwas gefehlt hat.",
                due_on=summer,
                involved="Muharem; Nour hilft bei Englisch; der Vater fragt abends nach",
            ),
            ActionGoalDraft(
                text="Muharem ist jeden Tag von Anfang bis Ende in der Schule. Wenn er krank "
                "ist, entschuldigen ihn die Eltern am selben Tag.",
                indicator="Im Klassenbuch steht kein unentschuldigter Fehltag.",
                due_on=summer,
                involved="Muharem; die Mutter weckt ihn um 6:45 Uhr; die Eltern rufen bei "
                "Krankheit vor 8:00 Uhr im Sekretariat an",
            ),
            ActionGoalDraft(
                text="Muharem verhält sich respektvoll und friedlich gegenüber Mitschülern "
                "und Lehrkräften, besonders wenn Lehrkräfte ihn zu etwas auffordern, und in "
                "der Pause.",
                indicator="Frau Lorenz meldet keinen Streit und keine Beschwerde über "
                "Muharem; Muharem erzählt zu Hause, wie er einen Streit ohne Gewalt gelöst hat.",
                due_on=summer,
                involved="Muharem, Frau Lorenz (Klassenlehrerin)",
            ),
        ),
        resources=(
            ResourceDraft(
                ResourceKind.PERSONAL,
                "Muharem ist gut in Mathematik und spielt gern Fußball.",
                (0, 2),
            ),
            ResourceDraft(ResourceKind.SOCIAL, "Nour (17) hilft Muharem bei Englisch.", (0,)),
            ResourceDraft(
                ResourceKind.SOCIAL, "Der Vater fragt jeden Abend nach den Hausaufgaben.", (0,)
            ),
            ResourceDraft(
                ResourceKind.MATERIAL, "Ein fester Platz für die Hausaufgaben am Küchentisch.", (0,)
            ),
            ResourceDraft(ResourceKind.SOCIAL_SPACE, "Fußball-Wahlpflichtkurs der Schule.", (2,)),
            ResourceDraft(
                ResourceKind.SOCIAL_SPACE,
                "Hausaufgabenhilfe im Haus der Jugend Wilhelmsburg (montags und mittwochs).",
                (0,),
            ),
        ),
        steps=(
            StepDraft(rania, "weckt Muharem an jedem Schultag um 6:45 Uhr", agreed),
            StepDraft(
                khaled,
                "fragt Frau Lorenz nach einer kurzen Rückmeldung jeden Freitag",
                agreed + dt.timedelta(days=7),
            ),
            StepDraft(
                "Muharem",
                "schaut sich die Hausaufgabenhilfe im Haus der Jugend an",
                agreed + dt.timedelta(days=14),
            ),
        ),
        place=_OFFICE_ROOM,
        agreed_on=agreed,
        review_on=default_review_date(agreed),
        present=(muharem, rania, khaled),
        caseworker=f.caseworker,
    )
    f.goal_reviews.append(
        (
            1,
            ReviewInput(
                status=GoalStatus.PARTLY,
                reviewed_on=f.day(21),
                comment="Seit drei Wochen kein unentschuldigter Fehltag; zwei Krankheitstage "
                "wurden am selben Tag entschuldigt. Einmal kam Muharem zu spät.",
            ),
        )
    )


def _yilmaz(today: dt.date) -> _Family:
    f = _Family(
        today,
        "ASD-M-2023-0871",
        "Yılmaz",
        _AYDIN,
        240,
        "Familie mit zwei Kindern. Zunächst Beratung zur Kita-Eingewöhnung und zur "
        "Überforderung der Mutter; seit der Meldung der Grundschule Prüfung im Graubereich.",
    )
    addr = "Rotenhäuser Damm 12, 21107 Hamburg"
    f.person(
        "Şükrü",
        "Yılmaz",
        (_V, _S),
        age=(38, 9, 14),
        address=addr,
        phone="0176 5550 2290",
        languages="Türkisch, Deutsch",
    )
    f.person(
        "Ayşe",
        "Yılmaz",
        (_M, _S),
        age=(34, 2, 27),
        address=addr,
        phone="0157 5550 7712",
        languages="Türkisch",
        interpreter=True,
    )
    f.person("Doğan", "Yılmaz", (_K,), age=(9, 5, 30), address=addr, languages="Deutsch, Türkisch")
    f.person("Eylül", "Yılmaz", (_K,), age=(6, 10, 3), address=addr, languages="Türkisch, Deutsch")
    f.person(
        "Gül",
        "Arslan",
        (_P,),
        languages="Deutsch, Türkisch",
        institution="Kita Sonnenschein (Gruppenleitung)",
        phone="040 5550 4410",
    )
    f.person(
        "Thomas",
        "Berger",
        (_P,),
        institution="Grundschule am Park (Klassenlehrer)",
        phone="040 5550 6620",
    )
    f.person(
        "Hatice",
        "Kaya",
        (_R,),
        age=(61, 7, 7),
        languages="Türkisch",
        interpreter=True,
        address="Georg-Wilhelm-Straße 80, 21107 Hamburg",
    )
    f.area(
        Area.SERVICE,
        240,
        "Mutter wünscht Unterstützung bei der Eingewöhnung von Eylül in "
        "der Kita und im Alltag mit zwei Kindern.",
        _AYDIN,
    )
    f.area(
        Area.GREY,
        34,
        "Die Grundschule am Park meldet zweimal Hämatome an Doğans "
        "Oberarmen; der Vater räumt ein, ihn „fest gepackt“ zu haben. Prüfauftrag an die "
        "Eltern: Vorstellung beim Kinderarzt und Teilnahme am Elternkurs als Belege.",
        f"{_AYDIN} mit {_TEAMLEAD}",
    )
    f.contact(
        238,
        "10:00",
        _OFFICE,
        60,
        "Ayşe Yılmaz, Dolmetscher Herr Öztürk, M. Aydın",
        _OFFICE_ROOM,
        "Mutter erschöpft, Eylül weint bei jeder Trennung. Großmutter Hatice Kaya hilft "
        "vormittags. Wunsch: Eylül soll gern in die Kita gehen.",
        "Gespräch mit der Kita zur Eingewöhnung",
        -230,
    )
    f.contact(
        226,
        "08:30",
        _INST,
        30,
        "Frau Arslan (Kita Sonnenschein), Ayşe Yılmaz",
        "Kita Sonnenschein",
        "Verlängerte Eingewöhnung vereinbart: Großmutter bringt Eylül, die ersten zwei "
        "Wochen bleibt sie eine Stunde in der Gruppe.",
    )
    f.contact(
        150,
        "15:00",
        _HOME,
        60,
        "Ayşe und Şükrü Yılmaz, Eylül, Doğan, M. Aydın",
        _FLAT,
        "Eylül geht inzwischen gern in die Kita. Doğan zeigt stolz sein Zeugnis. Die "
        "Eltern streiten oft über Hausaufgaben; der Vater arbeitet im Schichtdienst.",
        "Nachfrage in drei Monaten",
        -60,
    )
    f.contact(
        35,
        "12:10",
        _PHONE,
        20,
        "Herr Berger (Grundschule am Park)",
        "Telefon",
        "Meldung: Doğan hatte zum zweiten Mal Hämatome an beiden Oberarmen; er sagt, der "
        "Papa habe ihn festgehalten, weil er nicht ins Bett wollte.",
        "Unangekündigter Hausbesuch noch heute",
        -35,
    )
    f.contact(
        35,
        "17:30",
        _SURPRISE,
        70,
        "Ayşe und Şükrü Yılmaz, Doğan, Eylül, M. Aydın, Kollegin K. Wolff",
        _FLAT,
        "Wohnung aufgeräumt, Kinder versorgt. Vater räumt ein, Doğan „fest gepackt“ zu "
        "haben, und ist selbst erschrocken. Doğan allein gesprochen: er fühlt sich zu "
        "Hause sicher, hat aber Angst, wenn der Vater laut wird.",
        "Kinderärztliche Untersuchung von Doğan nachweisen",
        -28,
    )
    f.contact(
        27,
        "10:00",
        _OFFICE,
        80,
        "Ayşe und Şükrü Yılmaz, Dolmetscher Herr Öztürk, M. Aydın",
        _OFFICE_ROOM,
        "Prüfauftrag besprochen und schriftlich ausgehändigt: Bescheinigung des "
        "Kinderarztes; Anmeldung zum Elternkurs „Starke Eltern – starke Kinder“ im KiFaZ. "
        "Der Vater will lernen, in Streitsituationen den Raum zu verlassen.",
        "Teilnahmebestätigung Elternkurs vorlegen",
        -5,
    )
    f.contact(
        12,
        "09:00",
        _LETTER,
        0,
        "",
        "Post",
        "Erinnerung an die Eltern: Teilnahmebestätigung des Elternkurses bitte bis zum "
        "vereinbarten Datum vorlegen; Kinderarztbescheinigung liegt vor, ohne Befund.",
        "Teilnahmebestätigung Elternkurs vorlegen",
        -5,
    )
    _yilmaz_council(f)
    return f


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute))


def _yilmaz_council(f: _Family) -> None:
    """A Familienrat about the evenings at home, 131 days ago, reviewed 40 days ago.

    The review finds the agreements partly kept and asks for another Folge-Rat,
    which is in its Vorbereitung now that the school's report has put the case
    into the Graubereich.
    """
    meeting = _at(f.day(131), 14)
    review_on = council_review_date(meeting)
    reviewed = review_on
    flat = "Rotenhäuser Damm 12, 21107 Hamburg"
    selin = "Selin Aksoy"
    org = "Stadtteilhilfe Wilhelmsburg e. V."
    contact = "Veringstraße 41, 21107 Hamburg\nTel. 040 5550 3170"
    place = "Bürgerhaus Wilhelmsburg, Mengestraße 20, 21107 Hamburg (Raum 3)"
    concern = (
        "Wir, das Jugendamt, machen uns Sorgen, weil es bei Familie Yılmaz abends oft laut "
        "wird, wenn es um Doğans Hausaufgaben geht, und Doğan Angst bekommt, wenn sein Vater "
        "schreit. Frau Yılmaz ist mit zwei Kindern und dem Schichtdienst ihres Mannes oft "
        "allein und erschöpft. Wir möchten, dass Doğan seine Nachmittage und Abende ruhig und "
        "ohne Angst verbringen kann."
    )
    preparation = PreparationInput(
        informed_on=f.day(150),
        family_interest=FamilyInterest.YES,
        moderator_name=selin,
        moderator_org=org,
        moderator_contact=contact,
        moderator_languages="Deutsch, Türkisch",
        concern=concern,
        minimum_requirements="Kein Kind wird geschlagen, geschubst oder fest gepackt – auch "
        "nicht im Streit.",
        consent_on=f.day(146),
        place=place,
        meeting_at=meeting,
        setting_food=True,
        setting_childcare=True,
        setting_interpreter=True,
        setting_notes="Oma Hatice kocht. Eylül und Doğan spielen nach der Information mit "
        "einer Betreuerin im Nebenraum. Herr Öztürk dolmetscht (Türkisch).",
        financing=Financing.SHA,
    )
    family, surroundings = ParticipantGroup.FAMILY, ParticipantGroup.SURROUNDINGS
    accepted = Invitation.ACCEPTED
    participants = (
        ParticipantInput(
            "Şükrü Yılmaz",
            family,
            "Vater",
            flat,
            "0176 5550 2290",
            "Türkisch, Deutsch",
            "Ayşe Yılmaz",
            accepted,
            attended=True,
        ),
        ParticipantInput(
            "Ayşe Yılmaz",
            family,
            "Mutter",
            flat,
            "0157 5550 7712",
            "Türkisch",
            "Şükrü Yılmaz",
            accepted,
            attended=True,
        ),
        ParticipantInput(
            "Hatice Kaya",
            family,
            "Großmutter, Mutter von Ayşe",
            "Georg-Wilhelm-Straße 80, 21107 Hamburg",
            "",
            "Türkisch",
            "Ayşe Yılmaz",
            accepted,
            attended=True,
        ),
        ParticipantInput(
            "Cem Yılmaz",
            family,
            "Onkel, Bruder von Şükrü",
            "Veringstraße 112, 21107 Hamburg",
            "0171 5550 8123",
            "Türkisch, Deutsch",
            "Şükrü Yılmaz",
            accepted,
            attended=True,
        ),
        ParticipantInput(
            "Renate Schüßler",
            surroundings,
            "Nachbarin",
            "Rotenhäuser Damm 14, 21107 Hamburg",
            "040 5550 1987",
            "Deutsch",
            "Ayşe Yılmaz",
            accepted,
            attended=True,
        ),
        ParticipantInput(
            "Thomas Berger",
            ParticipantGroup.PROFESSIONAL,
            "Klassenlehrer von Doğan",
            "Grundschule am Park, Am Park 3, 21107 Hamburg",
            "040 5550 6620",
            "Deutsch",
            "Koordination (Selin Aksoy)",
            accepted,
            attended=True,
        ),
    )
    homework = ProposalInput(
        what="Wenn Şükrü Spätschicht hat, macht Doğan seine Hausaufgaben dienstags und "
        "donnerstags von 15:00 bis 16:30 Uhr bei Oma Hatice.",
        who="Doğan, Hatice Kaya (Oma)",
        due_on=meeting.date() + dt.timedelta(days=3),
        how_checked="Oma Hatice hakt die Tage im Hausaufgabenheft ab; Herr Berger schaut "
        "freitags hinein.",
        fallback="Wenn Oma Hatice krank ist, geht Doğan zu Renate Schüßler nebenan.",
    )
    calm = ProposalInput(
        what="Wenn es laut wird, verlässt Şükrü den Raum und geht zehn Minuten hinaus, bevor "
        "er weiterredet.",
        who="Şükrü Yılmaz",
        due_on=meeting.date(),
        how_checked="Ayşe und Doğan sagen beim Folge-Rat, ob es geklappt hat; Cem fragt "
        "Şükrü jeden Sonntag danach.",
        fallback="Ayşe ruft Onkel Cem an; er kommt vorbei oder holt Doğan für den Abend zu sich.",
    )
    cafe = ProposalInput(
        what="Ayşe geht jeden Mittwoch um 9:30 Uhr ins Elterncafé im KiFaZ; Renate begleitet "
        "sie die ersten drei Male.",
        who="Ayşe Yılmaz, Renate Schüßler",
        due_on=meeting.date() + dt.timedelta(days=45),
        how_checked="Ayşe erzählt beim Folge-Rat, was sie dort erlebt hat.",
    )
    course = ProposalInput(
        what="Şükrü meldet sich zum Elternkurs „Starke Eltern – starke Kinder“ im KiFaZ an.",
        who="Şükrü Yılmaz; Cem hilft beim Anmeldebogen",
        due_on=meeting.date() + dt.timedelta(days=30),
        how_checked="Şükrü zeigt die Anmeldebestätigung beim Folge-Rat.",
    )
    proposals = (
        ProposalSpec(homework),
        ProposalSpec(
            ProposalInput(
                what="Şükrü bleibt ruhig, wenn es um die Hausaufgaben geht.",
                who="Şükrü Yılmaz",
                fallback=calm.fallback,
            ),
            improvement="Bitte genau sagen, was Şükrü tut, wenn es laut wird, und woran alle "
            "merken, dass es klappt.",
            improved=calm,
            accepted_note="Nachgebessert: was Şükrü genau tut, wenn es laut wird.",
        ),
        ProposalSpec(cafe),
        ProposalSpec(course),
    )

    def exact(p: ProposalInput, what: str = "") -> AgreementInput:
        return AgreementInput(
            what=what or p.what, who=p.who, due_on=p.due_on, how_checked=p.how_checked
        )

    f.council = CouncilSpec(
        preparation=preparation,
        participants=participants,
        information=InformationInput(
            concern_read=True,
            minimums_named=True,
            help_options="Elternkurs „Starke Eltern – starke Kinder“ im KiFaZ Wilhelmsburg "
            "(vorgestellt von Murat Aydın, ASD); Erziehungsberatung Wilhelmsburg; "
            "Hausaufgabenhilfe im Haus der Jugend (vorgestellt von Herrn Berger).",
            procedure_explained=True,
            info_started_at=meeting,
        ),
        family_phase=FamilyPhaseInput(
            start=_at(meeting.date(), 14, 50),
            end=_at(meeting.date(), 17, 20),
            no_professionals_present=True,
            proposals_source="moderator",
        ),
        proposals=proposals,
        decision=DecisionInput(
            approved=True,
            approved_by=_AYDIN,
            decision_notes="Alle Vorschläge angenommen, Vorschlag 2 nach Nachbesserung.",
            review_on=review_on,
        ),
        agreements=(
            (0, exact(homework)),
            (1, exact(calm, calm.what.replace("Şükrü", "Şükrü Yılmaz", 1))),
            (2, exact(cafe)),
            (3, exact(course)),
        ),
        hours=(
            HoursInput(CouncilActivity.PREPARATION, f.day(148), 2.5, "Erstgespräch"),
            HoursInput(CouncilActivity.PREPARATION, f.day(141), 4.0, "Gespräche mit dem Umfeld"),
            HoursInput(
                CouncilActivity.PREPARATION, f.day(136), 4.0, "Einladungen, Raum, Dolmetscher"
            ),
            HoursInput(CouncilActivity.MEETING, meeting.date(), 8.0, "Familienrat"),
            HoursInput(CouncilActivity.FOLLOW_UP, f.day(129), 3.0, "Protokoll"),
            HoursInput(CouncilActivity.FOLLOW_UP, reviewed, 5.0, "Folge-Rat"),
        ),
        letter_on=f.day(129),
        review=CouncilReviewSpec(
            reviewed_on=reviewed,
            items=(
                (
                    AgreementKept.KEPT,
                    "Klappt gut: Oma Hatice hat jeden Dienstag und Donnerstag abgehakt.",
                ),
                (
                    AgreementKept.PARTLY,
                    "Meist ja. Zweimal ist Şükrü geblieben und hat geschrien; danach hat er "
                    "sich bei Doğan entschuldigt.",
                ),
                (
                    AgreementKept.KEPT,
                    "Ayşe geht inzwischen allein hin und hat dort zwei Mütter kennengelernt.",
                ),
                (
                    AgreementKept.NOT_KEPT,
                    "Der Kurs im Sommer war voll; für den nächsten hat Şükrü sich noch nicht "
                    "angemeldet.",
                ),
            ),
            outcome=CouncilOutcome.ANOTHER,
            notes="Die Familie will die Abende weiter gemeinsam planen. Der nächste Folge-Rat "
            "klärt, wie Şükrü Hilfe bekommt, wenn er wütend wird, und wann er den Elternkurs "
            "macht.",
        ),
        follow_up=replace(
            preparation,
            informed_on=reviewed,
            consent_on=reviewed,
            concern=concern + " Seit der Meldung der Grundschule am Park (Hämatome an Doğans "
            "Oberarmen) prüfen wir außerdem, ob Doğan zu Hause sicher ist.",
            meeting_at=_at(f.today + dt.timedelta(days=12), 15),
        ),
        follow_up_participants=tuple(
            replace(p, invitation=Invitation.INVITED, attended=False) for p in participants[:5]
        ),
    )


def _wojcik(today: dt.date) -> _Family:
    f = _Family(
        today,
        "ASD-M-2024-0042",
        "Wójcik",
        _WOLFF,
        130,
        "Trennung der Eltern vor einem halben Jahr. Die Mutter wünscht Beratung zu Umgang und "
        "Betreuung von Kacper und zur Situation ihrer Tochter Zofia.",
    )
    addr = "Mannesallee 7, 21107 Hamburg"
    f.person(
        "Małgorzata",
        "Wójcik",
        (_M, _S),
        age=(32, 3, 3),
        address=addr,
        phone="0160 5550 3344",
        languages="Polnisch, Deutsch",
    )
    f.person(
        "Łukasz",
        "Wójcik",
        (_V, _S),
        age=(35, 12, 1),
        address="Fährstraße 22, 21107 Hamburg",
        phone="0162 5550 9012",
        languages="Polnisch",
        interpreter=True,
    )
    f.person("Kacper", "Wójcik", (_K,), age=(4, 8, 16), address=addr, languages="Polnisch, Deutsch")
    f.person(
        "Zofia", "Żak", (_K,), age=(15, 1, 9), address=addr, languages="Polnisch, Deutsch, Englisch"
    )
    f.person(
        "Heike", "Brandt", (_P,), institution="Kita Sonnenschein (Leitung)", phone="040 5550 4400"
    )
    f.area(
        Area.SERVICE,
        130,
        "Beratung bei Trennung und Scheidung (§ 17 SGB VIII), von der Mutter selbst angefragt.",
        _WOLFF,
    )
    f.contact(
        128,
        "14:00",
        _OFFICE,
        60,
        "Małgorzata Wójcik, K. Wolff",
        _OFFICE_ROOM,
        "Mutter berichtet von Streit um die Übergaben von Kacper. Zofia (15, Tochter aus "
        "erster Beziehung) zieht sich zurück und übernimmt oft die Betreuung ihres Bruders.",
        "Gespräch mit dem Vater mit Dolmetscher anbieten",
        -115,
    )
    f.contact(
        112,
        "18:00",
        _VIDEO,
        45,
        "Łukasz Wójcik, Dolmetscherin Frau Nowak, K. Wolff",
        "Videotermin",
        "Vater möchte Kacper jedes zweite Wochenende sehen; Übergaben an der Kita statt an "
        "der Wohnungstür könnten Streit vermeiden.",
        "Gemeinsames Elterngespräch",
        -95,
    )
    f.contact(
        96,
        "16:30",
        _OFFICE,
        90,
        "Małgorzata und Łukasz Wójcik, Dolmetscherin Frau Nowak, K. Wolff",
        _OFFICE_ROOM,
        "Umgangsregelung vereinbart: jedes zweite Wochenende Freitag bis Sonntag, Übergabe "
        "freitags an der Kita Sonnenschein. Beide unterschreiben.",
        "Nachfrage bei der Kita, ob die Übergaben klappen",
        -40,
    )
    f.contact(
        41,
        "09:15",
        _INST,
        20,
        "Frau Brandt (Kita Sonnenschein)",
        "Telefon",
        "Die Übergaben laufen ruhig. Kacper erzählt montags fröhlich vom Wochenende beim Papa.",
    )
    f.contact(
        15,
        "16:00",
        _HOME,
        60,
        "Małgorzata Wójcik, Zofia Żak, Kacper, K. Wolff",
        _FLAT,
        "Zofia allein gesprochen: sie wünscht sich mehr Zeit für sich und ihre Freundinnen "
        "und möchte nicht jeden Nachmittag auf Kacper aufpassen. Idee: Kacper zweimal pro "
        "Woche in den Spätdienst der Kita.",
        "Mit Mutter und Zofia Nachmittagsbetreuung klären",
        14,
    )
    return f


def _dvorak(today: dt.date) -> _Family:
    f = _Family(
        today,
        "ASD-M-2022-1290",
        "Dvořák",
        _PETERSEN,
        520,
        "Alleinerziehender Vater im Schichtdienst; Betreuung von Řehoř nach der Schule ungeklärt. "
        "Fall abgeschlossen, nachdem die Großmutter nach Hamburg gezogen ist.",
        closed_days_ago=300,
    )
    addr = "Vogelhüttendeich 3, 21107 Hamburg"
    f.person(
        "Jiří",
        "Dvořák",
        (_V, _S),
        age=(44, 4, 4),
        address=addr,
        phone="0171 5550 4477",
        languages="Tschechisch, Deutsch",
    )
    f.person(
        "Řehoř", "Dvořák", (_K,), age=(8, 6, 21), address=addr, languages="Deutsch, Tschechisch"
    )
    f.person(
        "Božena",
        "Dvořáková",
        (_R,),
        age=(70, 2, 11),
        address=addr,
        languages="Tschechisch",
        interpreter=True,
    )
    f.person(
        "Marek", "Hübner", (_P,), institution="Grundschule am Park (Ganztag)", phone="040 5550 6630"
    )
    f.area(
        Area.SERVICE, 520, "Vater bittet um Unterstützung bei der Nachmittagsbetreuung.", _PETERSEN
    )
    f.contact(
        518,
        "08:00",
        _OFFICE,
        45,
        "Jiří Dvořák, J. Petersen",
        _OFFICE_ROOM,
        "Vater arbeitet im Schichtdienst im Hafen, Řehoř ist nach der Schule oft allein. "
        "Die Großmutter in Plzeň könnte nach Hamburg kommen.",
        "Ganztagsplatz an der Grundschule am Park anfragen",
        -500,
    )
    f.contact(
        505,
        "12:00",
        _INST,
        30,
        "Herr Hübner (Ganztag), J. Petersen",
        "Grundschule am Park",
        "Ganztagsplatz bis 16:00 Uhr ab nächstem Monat zugesagt.",
    )
    f.contact(
        400,
        "17:00",
        _HOME,
        60,
        "Jiří Dvořák, Řehoř, Božena Dvořáková, J. Petersen",
        _FLAT,
        "Die Großmutter wohnt seit zwei Wochen mit in der Wohnung und holt Řehoř ab. "
        "Řehoř zeigt seine Lego-Stadt und erzählt von seinem Freund aus dem Ganztag.",
        "Abschlussgespräch",
        -310,
    )
    f.contact(
        302,
        "09:30",
        _OFFICE,
        30,
        "Jiří Dvořák, J. Petersen",
        _OFFICE_ROOM,
        "Abschlussgespräch: Betreuung gesichert, Vater zufrieden. Fall wird abgeschlossen; "
        "Vater weiß, dass er sich jederzeit wieder melden kann.",
    )
    return f


def _schneider(today: dt.date) -> _Family:
    f = _Family(
        today,
        "ASD-M-2024-0377",
        "Schneider",
        _PETERSEN,
        125,
        "Junge Mutter mit zwei kleinen Kindern, nach der Geburt von Mia überfordert. Nach "
        "Meldung der Nachbarin und unangekündigtem Hausbesuch Gefährdungsbereich; Schutzplan "
        "mit Auflagen.",
    )
    addr = "Neuhöfer Straße 19, 3. OG, 21107 Hamburg"
    f.person("Sandra", "Schneider", (_M, _S), age=(24, 8, 30), address=addr, phone="0152 5550 6161")
    f.person("Leon", "Schneider", (_K,), age=(3, 9, 9), address=addr)
    f.person("Mia", "Schneider", (_K,), age=(1, 2, 15), address=addr)
    f.person("Dennis", "Krause", (_O,), age=(27, 5, 5), address=addr, phone="0173 5550 2020")
    f.person(
        "Ingrid",
        "Paulsen",
        (_N,),
        age=(72, 10, 10),
        address="Neuhöfer Straße 19, 3. OG, 21107 Hamburg",
    )
    f.person("Anke", "Vogt", (_P,), institution="Kinderarztpraxis am Markt", phone="040 5550 7700")
    f.person(
        "Heike", "Brandt", (_P,), institution="Kita Sonnenschein (Leitung)", phone="040 5550 4400"
    )
    f.area(
        Area.SERVICE,
        125,
        "Mutter wünscht nach der Geburt Unterstützung; Familienhebamme vermittelt.",
        _PETERSEN,
    )
    f.area(
        Area.GREY,
        48,
        "Kita meldet: Leon mehrfach ohne Frühstück und ungewaschen, Mutter "
        "sagt Termine beim Kinderarzt ab. Prüfauftrag: U-Untersuchungen nachweisen.",
        f"{_PETERSEN} mit {_TEAMLEAD}",
    )
    # The Gefährdungsbereich follows from the Gefährdungseinschätzung (see _INSTRUMENTS).
    f.contact(
        123,
        "11:00",
        _HOME,
        60,
        "Sandra Schneider, Mia, Familienhebamme, J. Petersen",
        _FLAT,
        "Mutter müde, aber zugewandt zu Mia. Leon spielt ruhig. Familienhebamme kommt "
        "einmal pro Woche.",
        "Nachfrage bei der Familienhebamme",
        -90,
    )
    f.contact(
        50,
        "08:15",
        _INST,
        20,
        "Frau Brandt (Kita Sonnenschein)",
        "Telefon",
        "Leon kam in drei Wochen sechsmal ohne Frühstück und in nasser Kleidung. Mutter "
        "hat zwei Elterngespräche abgesagt.",
        "Gespräch mit der Mutter im Amt",
        -45,
    )
    f.contact(
        46,
        "10:00",
        _OFFICE,
        60,
        "Sandra Schneider, Dennis Krause, J. Petersen",
        _OFFICE_ROOM,
        "Prüfauftrag erklärt und ausgehändigt: U-Untersuchungen von Leon und Mia bis Ende "
        "des Monats nachweisen; Leon täglich gewaschen und mit Frühstück in die Kita.",
        "U-Hefte vorlegen",
        -16,
    )
    f.contact(
        13,
        "21:40",
        _SURPRISE,
        120,
        "Leon, Mia, Polizei (zwei Beamte), Frau Paulsen (Nachbarin), J. Petersen, Rufbereitschaft",
        _FLAT,
        "Kinder allein in der Wohnung, Mia schreiend im Gitterbett, Leon im Flur. Mutter "
        "nach 40 Minuten telefonisch erreicht, kam nach einer Stunde. Kinder unverletzt. "
        "Frau Paulsen übernimmt die Nacht mit in der Wohnung; Mutter sagt Kooperation zu.",
        "Schutzplan im Amt, morgen 9 Uhr",
        -12,
    )
    f.contact(
        12,
        "09:00",
        _OFFICE,
        90,
        "Sandra Schneider, Dennis Krause, J. Petersen, C. Krüger (Teamleitung)",
        _OFFICE_ROOM,
        "Schutzplan vereinbart (Auflagen): die Kinder werden nie allein gelassen; Leon geht "
        "täglich in die Kita; Mia wird in der Kinderarztpraxis vorgestellt; "
        "Sozialpädagogische Familienhilfe ab nächster Woche; bei Verstoß Inobhutnahme.",
        "Vorstellung Mia in der Kinderarztpraxis nachweisen",
        -4,
    )
    f.contact(
        5,
        "15:30",
        _PHONE,
        10,
        "Frau Dr. Vogt (Kinderarztpraxis am Markt)",
        "Telefon",
        "Mia vorgestellt, altersgerecht entwickelt, leichte Windeldermatitis.",
        "Kita-Anwesenheit der letzten Woche einholen",
        -2,
    )
    return f


def _meier(today: dt.date) -> _Family:
    f = _Family(
        today,
        "ASD-M-2023-0502",
        "Meier",
        _WOLFF,
        310,
        "Jonas (11) hat heftige Wutausbrüche, zu Hause und im Sportverein. Die Eltern möchten, "
        "dass es beim Abendessen wieder ruhig zugeht.",
    )
    addr = "Krieterstraße 5, 21109 Hamburg"
    f.person("Jonas", "Meier", (_K,), age=(11, 3, 12), address=addr)
    f.person("Emma", "Meier", (_K,), age=(7, 12, 24), address=addr)
    f.person("Petra", "Meier", (_M, _S), age=(39, 7, 1), address=addr, phone="040 5550 1212")
    f.person("Frank", "Meier", (_V, _S), age=(42, 11, 11), address=addr, phone="0170 5550 3434")
    f.person("Gisela", "Meier", (_R,), age=(68, 5, 17), address="Kirchdorfer Straße 90")
    f.person("Stefan", "Albers", (_P,), institution="Erziehungsberatungsstelle Mitte")
    f.area(
        Area.SERVICE, 310, "Eltern bitten um Beratung; Anliegen der Familie klar benannt.", _WOLFF
    )
    f.contact(
        308,
        "15:00",
        _OFFICE,
        60,
        "Petra und Frank Meier, K. Wolff",
        _OFFICE_ROOM,
        "Jonas wirft Gegenstände, wenn er beim Spielen verliert. Oma Gisela ist eine "
        "wichtige Bezugsperson; bei ihr ist Jonas ruhig.",
        "Hausbesuch mit Jonas und Emma",
        -290,
    )
    f.contact(
        294,
        "16:30",
        _HOME,
        75,
        "Familie Meier, Oma Gisela, K. Wolff",
        _FLAT,
        "Ideen der Familie gesammelt: feste „Auszeit-Ecke“, Fußballtraining zweimal pro "
        "Woche, samstags Zeit allein mit dem Vater. Emma wünscht sich, dass Jonas nicht "
        "mehr ihre Bilder zerreißt.",
        "Termin Erziehungsberatung vermitteln",
        -270,
    )
    f.contact(
        260,
        "10:00",
        _INST,
        30,
        "Herr Albers (Erziehungsberatungsstelle), K. Wolff",
        "Telefon",
        "Erstgespräch der Eltern bei der Erziehungsberatung ist vereinbart.",
    )
    f.contact(
        120,
        "16:00",
        _HOME,
        60,
        "Petra, Frank, Jonas und Emma Meier, K. Wolff",
        _FLAT,
        "Seit zwei Monaten kein Wutausbruch beim Abendessen. Jonas ist stolz auf seinen "
        "Stammplatz in der D-Jugend.",
        "Nachfrage vor den Sommerferien",
        -30,
    )
    f.contact(
        28,
        "19:00",
        _PHONE,
        15,
        "Petra Meier",
        "Telefon",
        "Mutter meldet sich: nach einem Streit in der Schule wieder zwei Ausbrüche. Sie "
        "überlegt, ob ein Familienrat mit Oma und Onkel helfen könnte.",
        "Familienrat erklären und Koordinatorin anfragen",
        5,
    )
    return f


def _hoffmann(today: dt.date) -> _Family:
    f = _Family(
        today,
        "ASD-M-2022-0716",
        "Hoffmann",
        _AYDIN,
        640,
        "Trennungs- und Umgangsberatung. Nach einer schriftlichen Umgangsvereinbarung "
        "abgeschlossen.",
        closed_days_ago=480,
    )
    f.person("Lena", "Hoffmann", (_K,), age=(7, 4, 28), address="Zeidlerstraße 14, 21107 Hamburg")
    f.person(
        "Katrin",
        "Hoffmann",
        (_M, _S),
        age=(33, 6, 2),
        address="Zeidlerstraße 14, 21107 Hamburg",
        phone="0176 5550 5656",
    )
    f.person(
        "Markus",
        "Hoffmann",
        (_V, _S),
        age=(36, 9, 19),
        address="Harburger Ring 3, 21073 Hamburg",
        phone="0160 5550 7878",
    )
    f.area(
        Area.SERVICE,
        640,
        "Beratung in Fragen von Trennung und Umgang (§§ 17, 18 SGB VIII).",
        _AYDIN,
    )
    f.contact(
        636,
        "09:00",
        _OFFICE,
        60,
        "Katrin Hoffmann, M. Aydın",
        _OFFICE_ROOM,
        "Mutter möchte, dass Lena ihren Vater regelmäßig sieht, aber ohne Streit bei der Übergabe.",
        "Einzelgespräch mit dem Vater",
        -620,
    )
    f.contact(
        615,
        "17:00",
        _OFFICE,
        45,
        "Markus Hoffmann, M. Aydın",
        _OFFICE_ROOM,
        "Vater wünscht Mittwochnachmittage und jedes zweite Wochenende.",
    )
    f.contact(
        560,
        "16:00",
        _OFFICE,
        90,
        "Katrin und Markus Hoffmann, M. Aydın",
        _OFFICE_ROOM,
        "Umgangsvereinbarung schriftlich festgehalten und von beiden unterschrieben.",
        "Nachfrage nach drei Monaten",
        -470,
    )
    f.contact(
        482,
        "10:30",
        _PHONE,
        15,
        "Katrin Hoffmann",
        "Telefon",
        "Umgang läuft verlässlich; Lena freut sich auf die Mittwoche. Fall wird abgeschlossen.",
    )
    return f


def _demir(today: dt.date) -> _Family:
    f = _Family(
        today,
        "ASD-M-2024-0215",
        "Demir",
        _AYDIN,
        90,
        "Elif (15) geht seit Wochen nicht zur Schule und zieht sich zurück. Die Mutter ist "
        "alleinerziehend und arbeitet in zwei Jobs.",
    )
    addr = "Thielenstraße 2, 21109 Hamburg"
    f.person(
        "Emine",
        "Demir",
        (_M, _S),
        age=(44, 3, 21),
        address=addr,
        phone="0151 5550 9494",
        languages="Türkisch, Deutsch",
    )
    f.person("Elif", "Demir", (_K,), age=(15, 7, 13), address=addr, languages="Deutsch, Türkisch")
    f.person(
        "Mehmet",
        "Demir",
        (_R,),
        age=(49, 1, 30),
        languages="Türkisch, Deutsch",
        address="Wilhelmsburger Reichsstraße 140",
    )
    f.person(
        "Nadine",
        "Şahin",
        (_P,),
        institution="Stadtteilschule am Hafen (Schulsozialarbeit)",
        phone="040 5550 8080",
        languages="Deutsch, Türkisch",
    )
    f.area(Area.SERVICE, 90, "Schulsozialarbeit vermittelt; Mutter wünscht Beratung.", _AYDIN)
    f.area(
        Area.GREY,
        30,
        "Elif seit acht Wochen nicht in der Schule, Hinweise auf Rückzug und "
        "depressive Stimmung. Auftrag an die Mutter: Vorstellung in der Kinder- und "
        "Jugendpsychiatrie und Kontakt zur Schule halten.",
        f"{_AYDIN} mit {_TEAMLEAD}",
    )
    f.contact(
        88,
        "14:00",
        _INST,
        40,
        "Frau Şahin (Schulsozialarbeit), M. Aydın",
        "Stadtteilschule am Hafen",
        "Elif seit den Ferien fast nie in der Schule; früher gute Noten. Eine Freundin "
        "berichtet, Elif schlafe tagsüber und sei nachts online.",
        "Hausbesuch anbieten",
        -80,
    )
    f.contact(
        79,
        "17:30",
        _HOME,
        60,
        "Emine Demir, Elif, M. Aydın",
        _FLAT,
        "Elif kommt erst nach 20 Minuten aus ihrem Zimmer, sagt kaum etwas. Mutter weint, "
        "fühlt sich allein gelassen. Onkel Mehmet könnte morgens Elif zur Schule bringen.",
        "Gespräch mit Elif allein, an einem Ort ihrer Wahl",
        -60,
    )
    f.contact(
        61,
        "16:00",
        _OFFICE,
        45,
        "Elif Demir, M. Aydın",
        "Café im Bürgerhaus Wilhelmsburg",
        "Elif erzählt von Mobbing in einer Klassen-Chatgruppe. Sie will „irgendwann“ "
        "wieder zur Schule, aber nicht in ihre alte Klasse.",
        "Klassenwechsel mit Schule besprechen",
        -45,
    )
    f.contact(
        31,
        "11:00",
        _OFFICE,
        60,
        "Emine Demir, Mehmet Demir, M. Aydın",
        _OFFICE_ROOM,
        "Auftrag besprochen: Termin in der Kinder- und Jugendpsychiatrie vereinbaren und "
        "Bestätigung vorlegen; Onkel Mehmet begleitet Elif morgens.",
        "Terminbestätigung Kinder- und Jugendpsychiatrie vorlegen",
        -3,
    )
    f.contact(
        9,
        "08:10",
        _PHONE,
        5,
        "Frau Şahin (Schulsozialarbeit)",
        "Telefon",
        "Elif war an drei Tagen in der neuen Klasse, jeweils bis zur vierten Stunde.",
        "Terminbestätigung Kinder- und Jugendpsychiatrie vorlegen",
        -3,
    )
    return f


def _popescu(today: dt.date) -> _Family:
    f = _Family(
        today,
        "ASD-M-2024-0630",
        "Popescu",
        _WOLFF,
        55,
        "Familie seit einem Jahr in Hamburg, wohnt beengt bei Bekannten. Sucht Wohnung und "
        "Kita-Platz für Ana.",
    )
    addr = "Weimarer Straße 60, bei Stan, 21107 Hamburg"
    f.person(
        "Ionuț",
        "Popescu",
        (_V, _S),
        age=(31, 10, 30),
        address=addr,
        phone="0157 5550 1919",
        languages="Rumänisch, etwas Deutsch",
        interpreter=True,
    )
    f.person(
        "Andreea",
        "Popescu",
        (_M, _S),
        age=(29, 2, 2),
        address=addr,
        languages="Rumänisch",
        interpreter=True,
    )
    f.person(
        "Ștefan", "Popescu", (_K,), age=(5, 12, 12), address=addr, languages="Rumänisch, Deutsch"
    )
    f.person("Ana", "Popescu", (_K,), age=(2, 6, 6), address=addr, languages="Rumänisch")
    f.area(Area.SERVICE, 55, "Familie fragt selbst nach Hilfe bei Wohnung und Kita-Platz.", _WOLFF)
    f.contact(
        54,
        "10:00",
        _OFFICE,
        75,
        "Ionuț und Andreea Popescu, Dolmetscherin Frau Stoica, K. Wolff",
        _OFFICE_ROOM,
        "Sechs Personen in zwei Zimmern. Ștefan geht in die Vorschule und spricht schon "
        "gut Deutsch. Wunsch: eigene Wohnung und Kita für Ana.",
        "Kita-Gutschein und Wohnungsvermittlung",
        -40,
    )
    f.contact(
        40,
        "09:00",
        _LETTER,
        0,
        "",
        "Post",
        "Einladung zum Beratungstermin bei der Fachstelle für Wohnungsnotfälle "
        "verschickt, mit rumänischer Übersetzung.",
    )
    f.contact(
        20,
        "15:00",
        _HOME,
        45,
        "Andreea Popescu, Ana, Ștefan, K. Wolff",
        "Wohnung Stan",
        "Kita-Gutschein liegt vor; die Kita Sonnenschein hat ab nächsten Monat einen "
        "Platz für Ana.",
        "Wohnungsbesichtigung begleiten",
        6,
    )
    return f


def _nguyen(today: dt.date) -> _Family:
    f = _Family(
        today,
        "ASD-M-2023-0988",
        "Nguyễn",
        _PETERSEN,
        200,
        "Mutter arbeitet nachts in der Gastronomie; Minh (10) versorgt abends seine kleine "
        "Schwester. Die Mutter möchte, dass Minh Zeit für sich und die Schule hat.",
    )
    addr = "Georg-Wilhelm-Straße 201, 21107 Hamburg"
    f.person(
        "Thị Lan",
        "Nguyễn",
        (_M, _S),
        age=(36, 8, 8),
        address=addr,
        phone="0176 5550 3030",
        languages="Vietnamesisch",
        interpreter=True,
    )
    f.person(
        "Minh", "Nguyễn", (_K,), age=(10, 1, 17), address=addr, languages="Deutsch, Vietnamesisch"
    )
    f.person(
        "Linh", "Nguyễn", (_K,), age=(4, 11, 28), address=addr, languages="Vietnamesisch, Deutsch"
    )
    f.person(
        "Bảo",
        "Trần",
        (_R,),
        age=(40, 3, 3),
        languages="Vietnamesisch, Deutsch",
        address="Veddeler Damm 4, 20539 Hamburg",
    )
    f.area(Area.SERVICE, 200, "Mutter wünscht Entlastung bei der Abendbetreuung.", _PETERSEN)
    f.contact(
        198,
        "11:00",
        _OFFICE,
        60,
        "Thị Lan Nguyễn, Dolmetscher Herr Phạm, J. Petersen",
        _OFFICE_ROOM,
        "Mutter arbeitet von 17 bis 1 Uhr. Minh bringt Linh ins Bett. Cousin Bảo Trần "
        "könnte zwei Abende übernehmen.",
        "Betreuung über den Cousin klären",
        -180,
    )
    f.contact(
        170,
        "18:30",
        _HOME,
        45,
        "Minh, Linh, Bảo Trần, J. Petersen",
        _FLAT,
        "Bảo ist dienstags und donnerstags da. Minh macht Hausaufgaben, Linh schläft um 19:30 Uhr.",
        "Nachfrage im Haus der Jugend (OKJA) für Minh",
        -120,
    )
    f.contact(
        110,
        "15:00",
        _INST,
        30,
        "Haus der Jugend Kirchdorf, J. Petersen",
        "Telefon",
        "Minh kann montags und mittwochs zur Hausaufgabenhilfe im Haus der Jugend kommen.",
    )
    f.contact(
        17,
        "10:30",
        _OFFICE,
        45,
        "Thị Lan Nguyễn, Dolmetscher Herr Phạm, J. Petersen",
        _OFFICE_ROOM,
        "Mutter hat eine Tagschicht in Aussicht. Minh geht gern in die Hausaufgabenhilfe.",
        "Rückmeldung zur Tagschicht",
        20,
    )
    return f


def _osei(today: dt.date) -> _Family:
    f = _Family(
        today,
        "ASD-M-2024-0154",
        "Osei",
        _WOLFF,
        160,
        "Kofi (12) ist neu an der Schule, spricht noch wenig Deutsch und hat keine Freunde. "
        "Die Eltern wünschen sich Anschluss für ihn im Stadtteil.",
    )
    addr = "Karl-Arnold-Ring 9, 21109 Hamburg"
    f.person(
        "Kwame",
        "Osei",
        (_V, _S),
        age=(40, 5, 20),
        address=addr,
        languages="Englisch, Twi",
        phone="0152 5550 4545",
    )
    f.person("Abena", "Osei", (_M, _S), age=(36, 9, 1), address=addr, languages="Englisch, Twi")
    f.person("Kofi", "Osei", (_K,), age=(12, 2, 14), address=addr, languages="Englisch, Deutsch")
    f.person("Ama", "Osei", (_K,), age=(5, 7, 25), address=addr, languages="Englisch, Twi")
    f.person(
        "Jan",
        "Möller",
        (_P,),
        institution="Haus der Jugend Kirchdorf (OKJA)",
        phone="040 5550 9191",
    )
    f.area(
        Area.SERVICE,
        160,
        "Eltern möchten Unterstützung bei der Eingliederung ihres Sohnes.",
        _WOLFF,
    )
    f.contact(
        158,
        "16:00",
        _OFFICE,
        60,
        "Kwame und Abena Osei, Kofi, K. Wolff",
        _OFFICE_ROOM,
        "Gespräch auf Englisch. Kofi spielt in Ghana Fußball im Verein und vermisst es.",
        "Fußballverein und Haus der Jugend anfragen",
        -140,
    )
    f.contact(
        140,
        "14:00",
        _INST,
        30,
        "Herr Möller (Haus der Jugend), K. Wolff",
        "Telefon",
        "Herr Möller lädt Kofi zum Fußball-Mittwoch ein; ein älterer Jugendlicher spricht "
        "Twi und kann ihn mitnehmen.",
    )
    f.contact(
        70,
        "17:00",
        _HOME,
        45,
        "Familie Osei, K. Wolff",
        _FLAT,
        "Kofi geht zweimal pro Woche ins Haus der Jugend und hat zwei Freunde. Ama fragt, "
        "ob sie auch mitdarf.",
        "Abschluss in drei Monaten prüfen",
        -8,
    )
    return f


def _becker(today: dt.date) -> _Family:
    f = _Family(
        today,
        "ASD-M-2021-0333",
        "Becker",
        _PETERSEN,
        1100,
        "Tim (9) lebt bei seinen Großeltern (Verwandtenpflege); die Mutter ist in Therapie und "
        "sieht Tim jeden Samstag.",
    )
    addr = "Kirchdorfer Damm 27, 21109 Hamburg"
    f.person("Tim", "Becker", (_K,), age=(9, 10, 19), address=addr)
    f.person("Heinz", "Becker", (_R, _S), age=(67, 1, 4), address=addr, phone="040 5550 2727")
    f.person("Ursula", "Becker", (_R, _S), age=(65, 8, 14), address=addr)
    f.person(
        "Jessica",
        "Becker",
        (_M,),
        age=(28, 3, 8),
        address="Reiherstieg 5, 21107 Hamburg",
        phone="0176 5550 0909",
    )
    f.area(
        Area.GREY,
        1100,
        "Mutter suchtkrank, Tim mehrfach unversorgt; Auftrag: Entzug und "
        "Betreuung durch die Großeltern.",
        f"{_PETERSEN} mit {_TEAMLEAD}",
    )
    f.area(
        Area.SERVICE,
        700,
        "Tim lebt stabil bei den Großeltern, die Mutter ist abstinent und "
        "in Therapie; Verwandtenpflege als Hilfe zur Erziehung (§ 33 SGB VIII).",
        _PETERSEN,
    )
    f.contact(
        1098,
        "10:00",
        _HOME,
        90,
        "Heinz und Ursula Becker, Tim, J. Petersen",
        _FLAT,
        "Tim hat ein eigenes Zimmer bei den Großeltern; sie möchten ihn dauerhaft aufnehmen.",
        "Antrag Vollzeitpflege bei Verwandten",
        -1080,
    )
    f.contact(
        720,
        "14:00",
        _OFFICE,
        60,
        "Jessica Becker, J. Petersen",
        _OFFICE_ROOM,
        "Mutter seit sechs Monaten abstinent, sieht Tim samstags bei den Großeltern.",
    )
    f.contact(
        380,
        "15:00",
        _HOME,
        60,
        "Familie Becker, Jessica Becker, J. Petersen",
        _FLAT,
        "Hilfeplangespräch vorbereitet: Tim wünscht sich, dass die Mama auch zu seinem "
        "Fußballturnier kommt.",
        "Hilfeplangespräch",
        -350,
    )
    f.contact(
        40,
        "16:00",
        _HOME,
        60,
        "Heinz und Ursula Becker, Tim, J. Petersen",
        _FLAT,
        "Großvater nach Knie-OP eingeschränkt; Nachbarn helfen beim Bringen zur Schule.",
        "Hilfeplan fortschreiben",
        -10,
    )
    return f


# --- the generator ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Origin:
    """Name pools and languages of one group of families."""

    weight: int
    family_names: tuple[str, ...]
    women: tuple[str, ...]
    men: tuple[str, ...]
    children: tuple[str, ...]
    languages: str
    interpreter_share: float = 0.0
    czech_female_surnames: bool = False

    def female_surname(self, name: str) -> str:
        """Czech women carry the feminine form of the family name (Dvořák → Dvořáková)."""
        if not self.czech_female_surnames:
            return name
        if name.endswith("ý"):
            return name[:-1] + "á"
        if name.endswith("a"):
            return name[:-1] + "ová"
        return name + "ová"


def _pool(names: str) -> tuple[str, ...]:
    """A name pool written as one comma-separated string."""
    return tuple(name.strip() for name in names.split(","))


_ORIGINS: tuple[_Origin, ...] = (
    _Origin(
        40,
        _pool(
            "Müller, Schmidt, Schneider, Fischer, Weber, Meyer, Wagner, Becker, Schulz, "
            "Hoffmann, Koch, Richter, Klein, Wolf, Schröder, Neumann, Schwarz, Braun, "
            "Zimmermann, Krüger, Hartmann, Lange, Werner, Krause, Lehmann, Köhler, Jäger, "
            "Böhm, Groß, Weiß, Jürgensen, Petersen, Hansen, Ehlers, Brüggemann, Lüders"
        ),
        _pool(
            "Anna, Julia, Sandra, Nicole, Katrin, Jessica, Melanie, Sabine, Jana, Stefanie, "
            "Christina, Maren, Doreen, Jennifer"
        ),
        _pool(
            "Thomas, Michael, Daniel, Dennis, Sven, Markus, Jan, Stefan, Kevin, Marco, "
            "Torben, Björn, René, Sascha"
        ),
        _pool(
            "Leon, Finn, Jonas, Paul, Ben, Noah, Emil, Mia, Emma, Hannah, Lina, Sophie, "
            "Marie, Lena, Ida, Mats, Jannik, Lotta, Jördis, Sören"
        ),
        "Deutsch",
        0.0,
    ),
    _Origin(
        16,
        _pool(
            "Yılmaz, Kaya, Demir, Şahin, Çelik, Yıldız, Yıldırım, Öztürk, Aydın, Özdemir, "
            "Arslan, Doğan, Kılıç, Aslan, Çetin, Koç, Kurt, Özkan, Şimşek, Polat, Güler, "
            "Erdoğan"
        ),
        _pool("Ayşe, Fatma, Emine, Hatice, Zeynep, Elif, Gülşen, Derya, Özlem, Şule, Büşra, Tuğba"),
        _pool(
            "Mehmet, Mustafa, Ahmet, Ali, Hüseyin, Hasan, İbrahim, Şükrü, Murat, Ömer, Uğur, Serkan"
        ),
        _pool(
            "Eylül, Doğan, Yağmur, Çağla, Ilgın, Arda, Emir, Kerem, Yusuf, Defne, Ecrin, "
            "Barış, Göktuğ, Irmak, Ilayda, Kaan"
        ),
        "Türkisch, Deutsch",
        0.3,
    ),
    _Origin(
        11,
        _pool(
            "Nowak, Wójcik, Kowalczyk, Woźniak, Mazur, Krawczyk, Kaczmarek, Zając, Król, "
            "Wieczorek, Żak, Pawlak, Michalak, Sikora, Walczak, Szewczyk, Łuczak, Gołąb"
        ),
        _pool("Małgorzata, Agnieszka, Katarzyna, Joanna, Łucja, Magdalena, Żaneta, Bożena, Dorota"),
        _pool("Łukasz, Paweł, Tomasz, Michał, Grzegorz, Krzysztof, Piotr, Bartłomiej, Wojciech"),
        _pool(
            "Zofia, Kacper, Jakub, Antoni, Zuzanna, Wiktoria, Szymon, Maja, Mikołaj, Jędrzej, "
            "Łucja, Oliwia"
        ),
        "Polnisch, Deutsch",
        0.3,
    ),
    _Origin(
        10,
        _pool(
            "Al Zein, Haddad, Khalil, Hamdan, Mansour, Nasser, Saleh, Darwish, Al Hussein, "
            "Ibrahim, Youssef, Al Masri, Hassan, Barakat"
        ),
        _pool("Rania, Amal, Fatima, Huda, Layla, Samira, Rasha, Dima"),
        _pool("Khaled, Ahmad, Mahmoud, Omar, Yousef, Bilal, Tarek, Samer"),
        _pool("Muharem, Nour, Lana, Jana, Adam, Karim, Sara, Rami, Hamza, Maya, Yara, Zain"),
        "Arabisch, Deutsch",
        0.5,
    ),
    _Origin(
        5,
        _pool(
            "Dvořák, Novák, Svoboda, Novotný, Černý, Procházka, Kučera, Veselý, Horák, Němec, "
            "Pokorný, Růžička, Křížek, Bartoš"
        ),
        _pool("Jana, Petra, Lucie, Kateřina, Tereza, Markéta, Zdeňka"),
        _pool("Jiří, Petr, Tomáš, Řehoř, Ondřej, Lukáš, Bořivoj"),
        _pool("Řehoř, Jiřina, Tereza, Vojtěch, Šimon, Eliška, Matěj, Anežka, Kryštof"),
        "Tschechisch, Deutsch",
        0.2,
        czech_female_surnames=True,
    ),
    _Origin(
        6,
        _pool(
            "Popescu, Ionescu, Popa, Stan, Dumitrescu, Constantin, Stoica, Munteanu, Țurcanu, "
            "Moldovan"
        ),
        _pool("Andreea, Ioana, Elena, Mihaela, Florentina, Roxana"),
        _pool("Ionuț, Ștefan, Mihai, Andrei, Răzvan, Costel"),
        _pool("Ștefan, Ana, Ilinca, Darius, Bianca, Luca, Sânziana, Matei"),
        "Rumänisch",
        0.6,
    ),
    _Origin(
        5,
        _pool("Osei, Mensah, Boateng, Okafor, Adeyemi, Asante, Owusu, Nwosu"),
        _pool("Abena, Akosua, Chiamaka, Adwoa, Ngozi"),
        _pool("Kwame, Kofi, Emeka, Yaw, Chinedu"),
        _pool("Ama, Kofi, Esi, Kwabena, Chidi, Adaeze, Kojo"),
        "Englisch",
        0.1,
    ),
    _Origin(
        4,
        _pool("Nguyễn, Trần, Lê, Phạm, Hoàng, Võ"),
        _pool("Thị Lan, Thị Hoa, Mai, Thu Hà"),
        _pool("Văn Minh, Quang, Đức, Tuấn"),
        _pool("Minh, Linh, Bảo, An, Khánh, Ngọc"),
        "Vietnamesisch, Deutsch",
        0.5,
    ),
    _Origin(
        3,
        _pool("Petrović, Jovanović, Kovačević, Horvat, Babić, Marić"),
        _pool("Jelena, Ivana, Snežana, Dragana"),
        _pool("Dragan, Goran, Željko, Miloš"),
        _pool("Luka, Ana, Đorđe, Mila, Nikola, Petra"),
        "Serbisch, Deutsch",
        0.2,
    ),
)

_CASEWORKERS = _pool(
    "Jana Petersen, Murat Aydın, Katharina Wolff, Sven Lüders, Agnieszka Król, Tobias Brandt, "
    "Miriam Schulte"
)
_TEAMLEADS = _pool("Claudia Krüger (Teamleitung), Rainer Jöns (Teamleitung)")
_DISTRICTS = _pool("M, W, H, A, K")
_STREETS = _pool(
    "Veringstraße, Rotenhäuser Damm, Mannesallee, Vogelhüttendeich, Neuhöfer Straße, "
    "Krieterstraße, Zeidlerstraße, Thielenstraße, Weimarer Straße, Karl-Arnold-Ring, "
    "Kirchdorfer Damm, Georg-Wilhelm-Straße, Fährstraße, Reiherstieg, Sanitasstraße, "
    "Otto-Brenner-Straße, Dahlgrünring, Korallusstraße"
)
_POSTCODES = _pool("21107 Hamburg, 21109 Hamburg, 20539 Hamburg")
_INSTITUTIONS = _pool(
    "Kita Sonnenschein, Kita Regenbogen, Grundschule am Park, Grundschule Fährstraße, "
    "Stadtteilschule Wilhelmsburg, Stadtteilschule am Hafen, Haus der Jugend Kirchdorf, "
    "Erziehungsberatungsstelle Mitte, KiFaZ Wilhelmsburg, Kinderarztpraxis am Markt, "
    "Elternschule Wilhelmsburg, Bürgerhaus Wilhelmsburg, Polizeikommissariat 44"
)
_PRO_FIRST = _pool("Heike, Sabine, Thomas, Gül, Marek, Nadine, Stefan, Ute, Jan")
_PRO_LAST = _pool("Brandt, Lorenz, Berger, Arslan, Hübner, Şahin, Albers, Möller, Vogt, Kowalczyk")

_DESCRIPTIONS = (
    "{child} fehlt häufig in der Schule; die Eltern wünschen Unterstützung, damit {child} "
    "die Schule schafft.",
    "Die Mutter fühlt sich mit {n} Kindern überfordert und bittet um Entlastung im Alltag.",
    "Trennung der Eltern; Streit um Umgang und Übergaben von {child}.",
    "Die Kita meldet, dass {child} oft ohne Frühstück und müde kommt.",
    "Wohnungsnot: die Familie lebt beengt bei Bekannten und sucht eine Wohnung.",
    "{child} hat Wutausbrüche zu Hause und in der Schule; die Eltern möchten wieder ruhige Abende.",
    "Die Familie ist neu im Stadtteil; {child} soll Anschluss finden (Sportverein, OKJA).",
    "{child} zieht sich zurück, ist nachts online und geht kaum noch zur Schule.",
)
_AREA_REASONS: dict[Area, tuple[str, ...]] = {
    Area.SERVICE: (
        "Die Familie bittet selbst um Beratung; keine Hinweise auf eine Gefährdung.",
        "Freiwillige Hilfe, Anliegen der Familie klar benannt.",
        "Nach Klärung keine Gefährdung mehr; weitere Unterstützung auf Wunsch der Familie.",
    ),
    Area.GREY: (
        "Meldung der Schule über wiederholte Fehlzeiten und Verletzungen; Prüfauftrag an die "
        "Sorgeberechtigten.",
        "Kita meldet mangelnde Versorgung; Belege (U-Untersuchungen) angefordert.",
        "Hinweise auf häusliche Gewalt zwischen den Eltern; Auftrag: Beratung wahrnehmen.",
    ),
    Area.DANGER: (
        "Kinder über Stunden allein angetroffen; Gefährdungseinschätzung nach § 8a SGB VIII "
        "im Vier-Augen-Prinzip; Schutzplan mit Auflagen.",
        "Akute Gefährdung durch Gewalt in der Familie; Inobhutnahme geprüft, Schutzplan "
        "vereinbart.",
    ),
}
_NOTE_SENTENCES: dict[ContactKind, tuple[str, ...]] = {
    ContactKind.HOME_VISIT_ANNOUNCED: (
        "Wohnung aufgeräumt, {child} zeigt stolz das eigene Zimmer.",
        "{mother} berichtet, dass die Hausaufgaben jetzt am Küchentisch gemacht werden.",
        "Gemeinsam Ideen gesammelt, wer aus Familie und Nachbarschaft helfen kann.",
        "{child} allein gesprochen; wünscht sich mehr Zeit mit {father}.",
        "Die Großmutter holt {child} dienstags und donnerstags von der Schule ab.",
        "Abendroutine besprochen: Essen um 18:30 Uhr, Schlafenszeit 20 Uhr.",
    ),
    ContactKind.HOME_VISIT_UNANNOUNCED: (
        "Nach Meldung unangekündigt vor Ort; {mother} öffnet nach mehrmaligem Klingeln.",
        "Kinder versorgt, Kühlschrank gefüllt, Wohnung sauber.",
        "Wohnung stark vermüllt, Schimmel im Kinderzimmer; Frist zur Beseitigung gesetzt.",
        "{child} wirkt verängstigt, spricht in Anwesenheit von {father} kaum.",
    ),
    ContactKind.OFFICE: (
        "{mother} und {father} schildern ihr Anliegen in eigenen Worten.",
        "Auftrag besprochen und schriftlich ausgehändigt; Belege bis zur Frist vorlegen.",
        "Hilfeplangespräch vorbereitet; {child} möchte selbst sagen, was gut läuft.",
        "Die Eltern haben aufgeschrieben, was bis zu den Ferien anders sein soll.",
        "Dolmetscherin anwesend; alle Vereinbarungen zweimal übersetzt.",
    ),
    ContactKind.PHONE: (
        "{mother} ruft an: die Woche lief gut, {child} war jeden Tag in der Schule.",
        "Rückfrage der Schule zu Fehlzeiten von {child}.",
        "Termin verschoben, {father} hat Spätschicht.",
        "Kita bestätigt die regelmäßige Anwesenheit von {child}.",
    ),
    ContactKind.VIDEO: (
        "Videotermin mit {father}, der in einer anderen Stadt arbeitet.",
        "Umgangsregelung per Video besprochen; Übergabe künftig an der Kita.",
    ),
    ContactKind.LETTER: (
        "Einladung zum Hilfeplangespräch verschickt.",
        "Erinnerung an die vereinbarte Frist verschickt, mit Übersetzung.",
    ),
    ContactKind.INSTITUTION: (
        "Gespräch mit der Schule: {child} fehlt seltener, Konflikte in der Pause.",
        "Kita berichtet: {child} ist gut angekommen und spielt mit anderen Kindern.",
        "Erziehungsberatung hat einen Termin für die Eltern frei.",
        "Haus der Jugend bietet Hausaufgabenhilfe montags und mittwochs an.",
    ),
}
_NEXT_STEPS = (
    "Gespräch mit der Schule vereinbaren",
    "Hausbesuch vereinbaren",
    "Belege (U-Untersuchungen) vorlegen",
    "Teilnahmebestätigung Elternkurs vorlegen",
    "Hilfeplangespräch vorbereiten",
    "Kita-Platz klären",
    "Rückmeldung der Familie einholen",
    "Termin bei der Erziehungsberatung wahrnehmen",
    "Familienrat erklären und Koordinatorin anfragen",
)
_KIND_WEIGHTS: tuple[tuple[ContactKind, int], ...] = (
    (ContactKind.HOME_VISIT_ANNOUNCED, 28),
    (ContactKind.HOME_VISIT_UNANNOUNCED, 6),
    (ContactKind.OFFICE, 20),
    (ContactKind.PHONE, 26),
    (ContactKind.VIDEO, 4),
    (ContactKind.LETTER, 6),
    (ContactKind.INSTITUTION, 10),
)
_PLACES: dict[ContactKind, str] = {
    ContactKind.HOME_VISIT_ANNOUNCED: _FLAT,
    ContactKind.HOME_VISIT_UNANNOUNCED: _FLAT,
    ContactKind.OFFICE: "ASD-Dienststelle",
    ContactKind.PHONE: "Telefon",
    ContactKind.VIDEO: "Videotermin",
    ContactKind.LETTER: "Post",
    ContactKind.INSTITUTION: "Institution",
}
_DURATIONS: dict[ContactKind, tuple[int, ...]] = {
    ContactKind.HOME_VISIT_ANNOUNCED: (45, 60, 75, 90),
    ContactKind.HOME_VISIT_UNANNOUNCED: (30, 45, 60, 120),
    ContactKind.OFFICE: (30, 45, 60, 90),
    ContactKind.PHONE: (5, 10, 15, 20),
    ContactKind.VIDEO: (30, 45),
    ContactKind.LETTER: (0,),
    ContactKind.INSTITUTION: (20, 30, 45),
}


# --- Kollegiale Beratungen of the hand-written families ------------------------------------

_P_, _U_, _S_, _F_ = (
    IdeaSource.PERSON,
    IdeaSource.SURROUNDINGS,
    IdeaSource.SOCIAL_SPACE,
    IdeaSource.PROFESSIONAL,
)
_TEAM = "Jana Petersen, Murat Aydın, Katharina Wolff, Claudia Krüger (Teamleitung)"


def _al_zein_consultation(f: _Family) -> ConsultationSpec:
    return ConsultationSpec(
        held_on=f.day(20),
        presenter=_PETERSEN,
        participants=_TEAM,
        ideas=(
            (_P_, "Muharem schreibt sich selbst einen Wochenplan für die Hausaufgaben.", True),
            (_U_, "Onkel Karim übt dienstags und donnerstags Mathe mit Muharem.", True),
            (_S_, "Hausaufgabenhilfe im KiFaZ Wilhelmsburg, montags bis donnerstags.", True),
            (_S_, "Fußball im Verein als Ausgleich, wenn die Hausaufgaben fertig sind.", False),
            (_F_, "Lernförderung über das Bildungs- und Teilhabepaket.", False),
        ),
        selection="Wochenplan, Onkel Karim und die Hausaufgabenhilfe im KiFaZ; keine "
        "Hilfe zur Erziehung.",
        needs=("Hausaufgabenhilfe am Nachmittag",),
    )


def _demir_consultation(f: _Family) -> ConsultationSpec:
    return ConsultationSpec(
        held_on=f.day(25),
        presenter=_AYDIN,
        participants=_TEAM,
        family_goals="Mündlich vereinbart: Elif geht nach den Herbstferien wieder jeden Tag "
        "zur Schule; Frau Demir und Elif reden jeden Abend zehn Minuten miteinander.",
        ideas=(
            (_P_, "Elif sucht sich aus, mit welchem Fach sie wieder anfängt.", True),
            (_U_, "Onkel Mehmet bringt Elif in der ersten Woche morgens zur Schule.", True),
            (_S_, "Mädchentreff im Haus der Jugend, dienstags am Abend.", True),
            (_F_, "Erziehungsbeistand für Elif, zunächst für sechs Monate.", True),
            (_F_, "Vorstellung in der Kinder- und Jugendpsychiatrie.", True),
        ),
        selection="Onkel Mehmet und der Mädchentreff zuerst; dazu ein Erziehungsbeistand "
        "und die Vorstellung in der Kinder- und Jugendpsychiatrie.",
        hze_kind="Erziehungsbeistand (§ 30 SGB VIII)",
        needs=(
            "Familiencafé im Stadtteil",
            "Offener Mädchentreff am Abend",
            "Hausaufgabenhilfe am Nachmittag",
        ),
        printed=True,
    )


def _schneider_consultation(f: _Family) -> ConsultationSpec:
    return ConsultationSpec(
        held_on=f.day(40),
        presenter=_PETERSEN,
        participants=_TEAM,
        family_goals="Noch keine Zielvereinbarung: Frau Schneider möchte, dass Leon und Mia "
        "gut versorgt sind und sie selbst wieder schlafen kann.",
        ideas=(
            (_P_, "Frau Schneider legt sich mittags mit Mia hin.", True),
            (_U_, "Nachbarin Frau Paulsen nimmt Leon zweimal die Woche für eine Stunde.", True),
            (_S_, "Krabbelgruppe im Elternschule-Café am Vormittag.", False),
            (_F_, "Sozialpädagogische Familienhilfe mit sechs Stunden pro Woche.", True),
        ),
        selection="Mittagsschlaf, Frau Paulsen und eine Sozialpädagogische Familienhilfe.",
        hze_kind="Sozialpädagogische Familienhilfe (§ 31 SGB VIII)",
        needs=(
            "familiencafé  im Stadtteil",
            "Krabbelgruppe am Vormittag",
            "Stundenweise Kinderbetreuung zur Entlastung",
        ),
    )


def _demir_instruments(f: _Family) -> InstrumentSpec:
    """Graubereich: an Überprüfung with Belege and an Abwenden-Auftrag (overdue)."""
    to = "Emine Demir"
    return InstrumentSpec(
        mandates=(
            MandateSpec(
                MandateInput(
                    MandateKind.CHECK,
                    f.day(30),
                    f.today + dt.timedelta(days=5),
                    "Elif wird in der Kinder- und Jugendpsychiatrie vorgestellt; Sie zeigen "
                    "uns, dass die Behandlung begonnen hat.",
                    evidence_required="Terminbestätigung und Bescheinigung der Kinder- und "
                    "Jugendpsychiatrie über das Erstgespräch",
                    risk="Elif ist seit acht Wochen nicht in der Schule, zieht sich zurück "
                    "und wirkt niedergeschlagen.",
                    consequence="Ohne Nachweis nehmen wir im Team eine Gefährdungseinschätzung "
                    "vor.",
                    how_checked="Bescheinigung; Gespräch mit Elif und Frau Demir im Büro",
                    addressed_to=to,
                ),
                evidence=(
                    EvidenceInput(f.day(9), "Terminbestätigung der KJP für das Erstgespräch"),
                ),
                letter=True,
            ),
            MandateSpec(
                MandateInput(
                    MandateKind.AVERT,
                    f.day(30),
                    f.day(3),
                    "Elif geht ab sofort an jedem Schultag zur Schule. Fehlt sie, ruft Frau "
                    "Demir bis 8 Uhr in der Schule an.",
                    risk="Elif verliert den Anschluss und droht die Schule abzubrechen.",
                    consequence="Verschlechtert sich die Lage, folgen verbindliche Auflagen.",
                    how_checked="Anwesenheitsliste der Schulsozialarbeit (Frau Şahin)",
                    addressed_to=to,
                ),
            ),
        )
    )


def _schneider_instruments(f: _Family) -> InstrumentSpec:
    """Graubereich Prüfauftrag not fulfilled, then § 8a assessment and two Auflagen."""
    to = "Sandra Schneider"
    return InstrumentSpec(
        mandates=(
            MandateSpec(
                MandateInput(
                    MandateKind.CHECK,
                    f.day(48),
                    f.day(20),
                    "Sie weisen nach, dass Leon und Mia zu den Vorsorgeuntersuchungen beim "
                    "Kinderarzt waren.",
                    evidence_required="Gelbe Untersuchungshefte (U7 für Leon, U6 für Mia)",
                    risk="Die Kita berichtet, Leon komme ohne Frühstück und ungewaschen.",
                    consequence="Ohne Nachweis Gefährdungseinschätzung im Team.",
                    addressed_to=to,
                ),
                outcome=OutcomeInput(
                    MandateStatus.NOT_FULFILLED,
                    f.day(19),
                    "Frau Schneider hat die Hefte nicht vorgelegt; Termine abgesagt.",
                    consequence_taken="Fallberatung mit der Teamleitung angesetzt.",
                ),
            ),
        ),
        assessment=AssessmentInput(
            f.day(12),
            f"{_PETERSEN}, {_TEAMLEAD}",
            "Nachbarin meldet, Leon (3) und Mia (1) seien abends über Stunden allein; beim "
            "unangekündigten Hausbesuch mit der Polizei die Kinder allein angetroffen, Mutter "
            "nicht erreichbar.",
            RiskLevel.ACUTE,
            "Akute Gefährdung durch fehlende Aufsicht (§ 8a SGB VIII, Vier-Augen-Prinzip); "
            "Schutzplan mit Auflagen.",
            Area.DANGER,
        ),
        auflagen=(
            MandateSpec(
                MandateInput(
                    MandateKind.REQUIREMENT,
                    f.day(12),
                    f.today + dt.timedelta(days=2),
                    "Leon und Mia sind nie ohne eine erwachsene Aufsichtsperson. Wenn Sie "
                    "abends weggehen, betreut Frau Paulsen die Kinder.",
                    risk="Leon (3) und Mia (1) waren abends über Stunden allein.",
                    consequence="Wir rufen das Familiengericht an und nehmen die Kinder "
                    "wenn nötig in Obhut.",
                    how_checked="Unangekündigte Hausbesuche am Abend; Rückmeldung von Frau Paulsen",
                    addressed_to=to,
                ),
                evidence=(EvidenceInput(f.day(5), "Hausbesuch 20 Uhr: Frau Paulsen betreut"),),
                letter=True,
            ),
            MandateSpec(
                MandateInput(
                    MandateKind.REQUIREMENT,
                    f.day(12),
                    f.day(1),
                    "Mia wird bei der Kinderärztin Frau Vogt zur U6 vorgestellt.",
                    risk="Mia ist seit Monaten ohne ärztliche Vorsorge.",
                    consequence="Anrufung des Familiengerichts.",
                    how_checked="Bescheinigung der Kinderarztpraxis am Markt",
                    addressed_to=to,
                ),
            ),
        ),
    )


#: Aufträge, Auflagen and assessments of the hand-written families, by Aktenzeichen.
_INSTRUMENTS: dict[str, Callable[[_Family], InstrumentSpec]] = {
    "ASD-M-2024-0215": _demir_instruments,
    "ASD-M-2024-0377": _schneider_instruments,
}


#: The consultations of the hand-written families, by Aktenzeichen.
_CONSULTATIONS: dict[str, tuple[Callable[[_Family], ConsultationSpec], ...]] = {
    "ASD-M-2024-0113": (_al_zein_consultation,),
    "ASD-M-2024-0215": (_demir_consultation,),
    "ASD-M-2024-0377": (_schneider_consultation,),
}


def generate_specs(
    cases: int, contacts_per_case: int, seed: int, today: dt.date
) -> Iterator[CaseSpec]:
    """``cases`` fictional cases, the same for the same seed (dates relative to ``today``).

    Each case gets 2–6 people, 1–3 area assignments and exactly ``contacts_per_case``
    contacts (every tenth case's newest contact is a correction of the one before).
    """
    rng = random.Random(seed)
    origins = [o for o in _ORIGINS for _ in range(o.weight)]
    kinds = [k for k, w in _KIND_WEIGHTS for _ in range(w)]
    for number in range(1, cases + 1):
        yield _generate_case(rng, number, contacts_per_case, today, origins, kinds)


def _generate_case(
    rng: random.Random,
    number: int,
    contacts_per_case: int,
    today: dt.date,
    origins: Sequence[_Origin],
    kinds: Sequence[ContactKind],
) -> CaseSpec:
    origin = rng.choice(origins)
    family = rng.choice(origin.family_names)
    caseworker = rng.choice(_CASEWORKERS)
    opened = today - dt.timedelta(days=rng.randint(20, 1500))
    closed = (
        opened + dt.timedelta(days=rng.randint(10, (today - opened).days))
        if rng.random() < 0.12
        else None
    )
    end = closed or today
    address = f"{rng.choice(_STREETS)} {rng.randint(1, 220)}, {rng.choice(_POSTCODES)}"
    interpreter = rng.random() < origin.interpreter_share

    mother = rng.choice(origin.women)
    father = rng.choice(origin.men)
    children = rng.sample(origin.children, k=min(len(origin.children), rng.randint(1, 3)))
    persons: list[PersonInput] = []
    for child in children:
        persons.append(
            PersonInput(
                last_name=family,
                first_name=child,
                birth_date=born(today, rng.randint(0, 17), rng.randint(1, 12), rng.randint(1, 28)),
                address=address,
                languages=origin.languages,
                roles=(Role.CHILD,),
            )
        )
    persons.append(
        PersonInput(
            last_name=origin.female_surname(family),
            first_name=mother,
            birth_date=born(today, rng.randint(20, 50), rng.randint(1, 12), rng.randint(1, 28)),
            address=address,
            phone=f"01{rng.randint(50, 79)} 5550 {rng.randint(1000, 9999)}",
            languages=origin.languages,
            interpreter_needed=interpreter,
            roles=(Role.MOTHER, Role.CUSTODY),
        )
    )
    extra = rng.randint(0, 6 - len(persons)) if len(persons) < 6 else 0
    others: list[PersonInput] = []
    if extra:
        others.append(
            PersonInput(
                last_name=family,
                first_name=father,
                birth_date=born(today, rng.randint(22, 58), rng.randint(1, 12), rng.randint(1, 28)),
                address=address if rng.random() < 0.6 else "",
                languages=origin.languages,
                roles=(Role.FATHER, Role.CUSTODY) if rng.random() < 0.8 else (Role.FATHER,),
            )
        )
    for _ in range(extra - 1):
        pick = rng.random()
        if pick < 0.4:
            others.append(
                PersonInput(
                    last_name=rng.choice(_PRO_LAST),
                    first_name=rng.choice(_PRO_FIRST),
                    roles=(Role.PROFESSIONAL,),
                    institution=rng.choice(_INSTITUTIONS),
                )
            )
        elif pick < 0.8:
            others.append(
                PersonInput(
                    last_name=family,
                    first_name=rng.choice(origin.women + origin.men),
                    languages=origin.languages,
                    roles=(Role.RELATIVE,),
                    address=f"{rng.choice(_STREETS)} {rng.randint(1, 220)}",
                )
            )
        else:
            others.append(
                PersonInput(
                    last_name=rng.choice(_ORIGINS[0].family_names),
                    first_name=rng.choice(_ORIGINS[0].women),
                    roles=(Role.NEIGHBOUR,),
                )
            )
    persons.extend(others)

    areas = _generate_areas(rng, opened, end, caseworker)
    first_child = children[0]
    words = {"child": first_child, "mother": mother, "father": father, "n": str(len(children))}
    description = rng.choice(_DESCRIPTIONS).format(**words)
    contacts = _generate_contacts(rng, contacts_per_case, opened, end, today, kinds, words)
    corrections: tuple[tuple[int, ContactInput], ...] = ()
    if number % 10 == 0 and len(contacts) >= 2:
        # The newest entry corrects the one before it: same time, the deadline or note fixed.
        wrong = contacts[-2]
        due = wrong.next_step_due
        fixed = ContactInput(
            occurred_at=wrong.occurred_at,
            kind=wrong.kind,
            duration_minutes=wrong.duration_minutes,
            present=wrong.present,
            place=wrong.place,
            note=f"Korrektur: {wrong.note} "
            + ("(Frist berichtigt.)" if due else "(Notiz ergänzt: Familie war informiert.)"),
            next_step=wrong.next_step,
            next_step_due=due + dt.timedelta(days=7) if due else None,
        )
        contacts = contacts[:-1]
        corrections = ((len(contacts) - 1, fixed),)
    district = rng.choice(_DISTRICTS)
    return CaseSpec(
        case=CaseInput(
            file_number=f"ASD-{district}-{opened.year}-{number:05d}",
            family_name=family,
            opened_on=opened,
            caseworker=caseworker,
            description=description,
        ),
        areas=areas,
        persons=tuple(persons),
        contacts=tuple(contacts),
        corrections=corrections,
        closed_on=closed,
        caseworker=caseworker,
    )


def _generate_areas(
    rng: random.Random, opened: dt.date, end: dt.date, caseworker: str
) -> tuple[AreaInput, ...]:
    count = rng.choices((1, 2, 3), weights=(70, 22, 8))[0]
    first = Area.SERVICE if rng.random() < 0.85 else Area.GREY
    path = [first]
    while len(path) < count:
        previous = path[-1]
        if previous is Area.SERVICE:
            path.append(Area.GREY)
        elif previous is Area.GREY:
            path.append(Area.DANGER if rng.random() < 0.3 else Area.SERVICE)
        else:
            path.append(Area.GREY)
    span = max((end - opened).days, 1)
    days = sorted(rng.randint(1, span) for _ in path[1:])
    dates = [opened, *(opened + dt.timedelta(days=d) for d in days)]
    return tuple(
        AreaInput(
            area=area,
            decided_on=day,
            reason=rng.choice(_AREA_REASONS[area]),
            decided_by=caseworker
            if area is Area.SERVICE
            else f"{caseworker} mit {rng.choice(_TEAMLEADS)}",
        )
        for area, day in zip(path, dates, strict=True)
    )


def _generate_contacts(
    rng: random.Random,
    count: int,
    opened: dt.date,
    end: dt.date,
    today: dt.date,
    kinds: Sequence[ContactKind],
    words: dict[str, str],
) -> list[ContactInput]:
    span = max((end - opened).days, 0)
    offsets = sorted(rng.randint(0, span) for _ in range(count))
    contacts: list[ContactInput] = []
    for offset in offsets:
        kind = rng.choice(kinds)
        day = opened + dt.timedelta(days=offset)
        when = dt.datetime.combine(day, dt.time(rng.randint(8, 18), rng.choice((0, 15, 30, 45))))
        pool = _NOTE_SENTENCES[kind]
        note = " ".join(
            s.format(**words) for s in rng.sample(pool, k=min(len(pool), rng.randint(1, 3)))
        )
        next_step, due = "", None
        if rng.random() < 0.5:
            next_step = rng.choice(_NEXT_STEPS)
            due = day + dt.timedelta(days=rng.randint(3, 35))
        present = words["mother"]
        if kind is ContactKind.LETTER:
            present = ""
        elif kind in (ContactKind.HOME_VISIT_ANNOUNCED, ContactKind.HOME_VISIT_UNANNOUNCED):
            present = f"{words['mother']}, {words['child']}"
        contacts.append(
            ContactInput(
                occurred_at=min(when, dt.datetime.combine(today, dt.time(8, 0))),
                kind=kind,
                duration_minutes=rng.choice(_DURATIONS[kind]),
                present=present,
                place=_PLACES[kind],
                note=note,
                next_step=next_step,
                next_step_due=due,
            )
        )
    return contacts
