"""Writing demo cases: one call at a time through the services, or in batches through the ORM.

The hand-written families go through the services, so every entry is validated
and audited like a caseworker's. Generated cases are written through the ORM in
batches, so the replication hook stamps the versions and the search hook indexes
the text, as for any edit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace

from sqlalchemy.orm import Session, sessionmaker

from asd_desktop.demo.specs import (
    CaseSpec,
    ConsultationSpec,
    CouncilSpec,
    DemoSummary,
    InstrumentSpec,
    MandateSpec,
)
from asd_desktop.domain.enums import (
    CaseStatus,
    DueKind,
    ProposalDecision,
)
from asd_desktop.models.case import AreaAssignment, Case, Contact, Person
from asd_desktop.models.ids import uuid7
from asd_desktop.models.steps import Step
from asd_desktop.services import audit
from asd_desktop.services.cases import (
    CaseService,
    ContactInput,
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
from asd_desktop.services.deadlines import DeadlineService, item_key
from asd_desktop.services.documents import DocumentService
from asd_desktop.services.familienrat import (
    FamilienratService,
    FollowUpInput,
    ReviewItem,
)
from asd_desktop.services.goals import (
    GoalService,
)
from asd_desktop.services.instruments import (
    InstrumentService,
)
from asd_desktop.services.steps import StepService, step_from_contact, step_problems

#: Cases written per transaction by the generator.
BATCH_CASES = 100
#: The audit action recorded once per generated batch.
DEMO_FILLED = "demo_filled"

Progress = Callable[[int, int], None]


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
            contact_ids[index] = service.record_contact(
                case_id, corrected, corrects_id=contact_ids[index]
            ).id
        _write_steps(session_factory, device_id, case_id, spec, contact_ids)
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


def _write_steps(
    session_factory: sessionmaker[Session],
    device_id: str,
    case_id: str,
    spec: CaseSpec,
    contact_ids: Sequence[str],
) -> None:
    """Steps by hand, and done marks, through the services (validated, audited)."""
    steps = StepService(session_factory, device_id, user=spec.caseworker)
    deadlines = DeadlineService(session_factory, device_id, user=spec.caseworker)
    by_contact = {s.contact_id: s for s in steps.steps(case_id)}
    done = list(spec.done_contact_steps)
    if not done:
        # The hand-written families: steps long past were done on their day.
        old = dt.date.today() - dt.timedelta(days=14)
        done = [
            (index, step.due_on)
            for index, contact_id in enumerate(contact_ids)
            if (step := by_contact.get(contact_id)) is not None
            and step.due_on is not None
            and step.due_on < old
        ]
    for index, done_on in done:
        step = by_contact.get(contact_ids[index])
        if step is not None:
            deadlines.mark_done(item_key(DueKind.STEP, step.id), done_on, spec.caseworker)
    for hand in spec.steps:
        stored = steps.add_step(case_id, hand.step)
        if hand.done_on is not None:
            deadlines.mark_done(item_key(DueKind.STEP, stored.id), hand.done_on, spec.caseworker)


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
            steps: list[Step] = []
            for row, spec in zip(rows, batch, strict=True):
                s.add_all(_child_rows(row.id, spec, corrections, steps))
            s.flush()
            s.add_all(corrections)
            s.flush()
            s.add_all(steps)
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
    case_id: str, spec: CaseSpec, corrections: list[Contact], steps: list[Step]
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
    # The steps as recording the contacts makes them: a corrected contact's step is
    # its correction's; then who marked which done, and the steps entered by hand.
    agreed = list(contacts)
    for index, corrected in spec.corrections:
        row = _contact_row(case_id, corrected, spec.caseworker, corrects_id=contacts[index].id)
        corrections.append(row)
        agreed[index] = row
    done = dict(spec.done_contact_steps)
    for index, contact in enumerate(agreed):
        step = step_from_contact(contact)
        if step is not None:
            step.id = uuid7()
            step.done_on = done.get(index)
            step.done_by = spec.caseworker if step.done_on else ""
            steps.append(step)
    for hand in spec.steps:
        check_problems(step_problems(hand.step))
        steps.append(
            Step(
                id=uuid7(),
                case_id=case_id,
                contact_id=None,
                text=hand.step.text,
                actor=hand.step.actor.value,
                actor_name=hand.step.actor_name,
                due_on=hand.step.due_on,
                done_on=hand.done_on,
                done_by=spec.caseworker if hand.done_on else "",
            )
        )
    return rows


def _contact_row(
    case_id: str, c: ContactInput, recorded_by: str, corrects_id: str | None = None
) -> Contact:
    check_problems(contact_problems(c))
    row = contact_row(case_id, c, recorded_by, corrects_id)
    row.id = uuid7()  # corrections point at it before the flush
    return row
