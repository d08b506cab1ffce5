"""Familienrat: the five phases as a resumable process over the council's records.

Every wizard page stores what it has through this service at once, so a
Familienrat can be stopped and resumed at any point; :meth:`FamilienratService.advance`
moves to the next phase only when the current one is complete
(:func:`phase_problems`, also called by the wizards).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from asd_desktop.domain.familienrat import (
    PHASE_ORDER,
    REVIEW_AFTER,
    AgreementInput,
    AgreementReviewView,
    AgreementView,
    CouncilView,
    DecisionInput,
    FamilyPhaseInput,
    FollowUpInput,
    HoursInput,
    HoursView,
    InformationInput,
    ParticipantInput,
    ParticipantView,
    PreparationInput,
    ProposalInput,
    ProposalView,
    ReviewItem,
    agreement_problems,
    default_review_date,
    hours_problems,
    next_phase,
    participant_problems,
    phase_problems,
    proposal_problems,
)
from asd_desktop.models.case import Case
from asd_desktop.models.enums import (
    AgreementKept,
    CouncilActivity,
    CouncilOutcome,
    CouncilPhase,
    FamilyInterest,
    Financing,
    Invitation,
    ParticipantGroup,
    ProposalDecision,
)
from asd_desktop.models.errors import NotFoundError, ValidationError
from asd_desktop.models.familienrat import (
    AgreementReview,
    CouncilAgreement,
    CouncilHours,
    CouncilParticipant,
    CouncilProposal,
    FamilyCouncil,
)
from asd_desktop.services import audit

#: What a Familienrat usually costs, in hours (the method's figure).
USUAL_HOURS = (25.0, 30.0)

#: What the method asks of each phase, shown on the phase's pages.
PHASE_GUIDANCE: dict[CouncilPhase, str] = {
    CouncilPhase.PREPARATION: (
        "Das Jugendamt formuliert seine Sorge genau (Sorgeformulierung), wenn nötig mit "
        "Mindestanforderungen. Die Familie entscheidet, wer teilnimmt, wer wen einlädt, und "
        "wählt Ort, Zeit und Rahmen. Die Koordination ist neutral und kann die Sprache der "
        "Familie sprechen."
    ),
    CouncilPhase.INFORMATION: (
        "Die Koordination eröffnet. Das Jugendamt benennt seine Sorge klar, gegebenenfalls mit "
        "Mindestanforderungen; mögliche fachliche Hilfen werden vorgestellt, und der weitere "
        "Ablauf wird erklärt."
    ),
    CouncilPhase.FAMILY_PHASE: (
        "Die Familie berät allein, ohne Fachkräfte und ohne Zeitbegrenzung. Koordination und "
        "ASD bleiben erreichbar in der Nähe. Die Ergebnisse und Vorschläge der Familie werden "
        "festgehalten – auch was passiert, wenn etwas nicht klappt (Notfallplan)."
    ),
    CouncilPhase.DECISION: (
        "Die Familie stellt ihre Vorschläge vor. Die Fachkraft des ASD stimmt zu oder bittet "
        "um Nachbesserung. Die Vereinbarungen werden genau gefasst; das Protokoll geht an alle "
        "Teilnehmenden, und ein Termin zur Überprüfung wird vereinbart (etwa drei Monate)."
    ),
    CouncilPhase.FOLLOW_UP: (
        "Die Vereinbarungen werden gemeinsam überprüft. Danach: keine weiteren Maßnahmen, weil "
        "die Familie ihre Probleme gelöst hat, ein weiterer Folge-Rat, oder der Übergang in "
        "eine Hilfe zur Erziehung."
    ),
    CouncilPhase.CLOSED: "Dieser Familienrat ist abgeschlossen.",
}


class CouncilAction:
    """Audit actions of this service."""

    STARTED = "council_started"
    CHANGED = "council_changed"
    ADVANCED = "council_advanced"
    FOLLOW_UP = "council_followup_created"


@dataclass(frozen=True)
class CouncilSummary:
    """One line of a case's Familienrat history."""

    id: str
    origin_id: str | None
    phase: CouncilPhase
    meeting_at: dt.datetime | None
    review_on: dt.date | None


@dataclass(frozen=True)
class UpcomingReview:
    """A review date across all cases, for the main window's overview."""

    council_id: str
    case_id: str
    file_number: str
    family_name: str
    review_on: dt.date
    overdue: bool


# --- the service --------------------------------------------------------------------------

_Row = TypeVar("_Row", bound=Any)


class FamilienratService:
    """Start, fill, advance and follow up Familienräte; every change is audited."""

    def __init__(self, session_factory: sessionmaker[Session], device_id: str) -> None:
        self._sf = session_factory
        self._device = device_id

    # councils

    def start(self, case_id: str, origin_id: str | None = None) -> CouncilView:
        """A new Familienrat (or, with ``origin_id``, a Folge-Rat) in the Vorbereitung."""
        with self._sf.begin() as s:
            _case(s, case_id)
            council = FamilyCouncil(case_id=case_id, origin_id=origin_id)
            if origin_id:
                origin = _get(s, FamilyCouncil, origin_id)
                _copy_preparation(origin, council)
            s.add(council)
            s.flush()
            if origin_id:
                _copy_participants(s, origin_id, council)
            audit.append(s, self._device, CouncilAction.STARTED, case_id, council.id)
            council_id = council.id
        return self.get(council_id)

    def list_for_case(self, case_id: str) -> list[CouncilSummary]:
        """The case's Familienräte, newest first."""
        with self._sf() as s:
            rows = s.scalars(
                select(FamilyCouncil)
                .where(FamilyCouncil.case_id == case_id, FamilyCouncil.deleted.is_(False))
                # Newest first by creation: ids are UUIDv7 (time-ordered); the hlc
                # changes with every edit and would put the last edited council first.
                .order_by(FamilyCouncil.id.desc())
            ).all()
            return [
                CouncilSummary(
                    id=r.id,
                    origin_id=r.origin_id,
                    phase=CouncilPhase(r.phase),
                    meeting_at=r.meeting_at,
                    review_on=r.review_on,
                )
                for r in rows
            ]

    def get(self, council_id: str) -> CouncilView:
        """Everything recorded for one council."""
        with self._sf() as s:
            return _view(s, _get(s, FamilyCouncil, council_id))

    def advance(self, council_id: str) -> CouncilView:
        """Move to the next phase once the current one is complete."""
        view = self.get(council_id)
        problems = phase_problems(view)
        if problems:
            raise ValidationError(problems)
        with self._sf.begin() as s:
            council = _get(s, FamilyCouncil, council_id)
            council.phase = next_phase(view.phase).value
            audit.append(s, self._device, CouncilAction.ADVANCED, council.case_id, council.phase)
        return self.get(council_id)

    # phase fields (partial saves are allowed; completeness is checked by advance)

    def save_preparation(self, council_id: str, value: PreparationInput) -> None:
        """Store the Vorbereitung's fields."""
        with self._sf.begin() as s:
            council = _get(s, FamilyCouncil, council_id)
            for f in fields(PreparationInput):
                if f.name == "financing":
                    continue
                setattr(council, f.name, _stored(getattr(value, f.name)))
            council.financing = value.financing.value if value.financing else ""
            self._changed(s, council, "vorbereitung")

    def save_information(self, council_id: str, value: InformationInput) -> None:
        """Store the information phase's checklist and who attended."""
        with self._sf.begin() as s:
            council = _get(s, FamilyCouncil, council_id)
            council.concern_read = value.concern_read
            council.minimums_named = value.minimums_named
            council.help_options = value.help_options.strip()
            council.procedure_explained = value.procedure_explained
            council.info_started_at = value.info_started_at
            for person in _children(s, CouncilParticipant, council_id):
                attended = person.id in value.attended_ids
                if person.attended != attended:
                    person.attended = attended
            self._changed(s, council, "information")

    def save_family_phase(self, council_id: str, value: FamilyPhaseInput) -> None:
        """Store the family phase's times and how its results were recorded."""
        with self._sf.begin() as s:
            council = _get(s, FamilyCouncil, council_id)
            council.family_phase_start = value.start
            council.family_phase_end = value.end
            council.no_professionals_present = value.no_professionals_present
            council.family_moderator = value.family_moderator.strip()
            council.proposals_source = value.proposals_source.strip()
            self._changed(s, council, "familienphase")

    def save_decision(self, council_id: str, value: DecisionInput) -> None:
        """Store the ASD worker's approval and the review date."""
        with self._sf.begin() as s:
            council = _get(s, FamilyCouncil, council_id)
            council.approved = value.approved
            council.approved_by = value.approved_by.strip()
            council.decision_notes = value.decision_notes.strip()
            council.review_on = value.review_on
            self._changed(s, council, "entscheidung")

    # participants, proposals, agreements (rows of their own)

    def add_participant(self, council_id: str, value: ParticipantInput) -> ParticipantView:
        """Add a participant the family chose."""
        _check(participant_problems(value))
        with self._sf.begin() as s:
            council = _get(s, FamilyCouncil, council_id)
            row = CouncilParticipant(
                case_id=council.case_id,
                council_id=council_id,
                position=_next_position(s, CouncilParticipant, council_id),
            )
            _fill(row, value)
            s.add(row)
            s.flush()
            self._changed(s, council, "teilnehmende")
            return _participant_view(row)

    def update_participant(self, participant_id: str, value: ParticipantInput) -> None:
        """Change a participant (e.g. the invitation state)."""
        _check(participant_problems(value))
        self._update(CouncilParticipant, participant_id, value)

    def remove_participant(self, participant_id: str) -> None:
        """Take a participant off the list (kept as a tombstone)."""
        self._remove(CouncilParticipant, participant_id)

    def add_proposal(self, council_id: str, value: ProposalInput) -> ProposalView:
        """Record a proposal of the family."""
        _check(proposal_problems(value))
        with self._sf.begin() as s:
            council = _get(s, FamilyCouncil, council_id)
            row = CouncilProposal(
                case_id=council.case_id,
                council_id=council_id,
                position=_next_position(s, CouncilProposal, council_id),
            )
            _fill(row, value)
            s.add(row)
            s.flush()
            self._changed(s, council, "vorschlag")
            return _proposal_view(row)

    def update_proposal(self, proposal_id: str, value: ProposalInput) -> None:
        """Change a proposal's text."""
        _check(proposal_problems(value))
        self._update(CouncilProposal, proposal_id, value)

    def remove_proposal(self, proposal_id: str) -> None:
        """Take a proposal back (kept as a tombstone)."""
        self._remove(CouncilProposal, proposal_id)

    def decide_proposal(
        self, proposal_id: str, decision: ProposalDecision, improvement: str = ""
    ) -> None:
        """Accept a proposal or ask for an improvement (with what changed)."""
        if decision is ProposalDecision.IMPROVE and not improvement.strip():
            raise ValidationError(
                {"improvement": "Bitte eintragen, was nachgebessert werden soll."}
            )
        with self._sf.begin() as s:
            row = _get(s, CouncilProposal, proposal_id)
            row.decision = decision.value
            row.improvement = improvement.strip()
            audit.append(s, self._device, CouncilAction.CHANGED, row.case_id, proposal_id)

    def add_agreement(self, council_id: str, value: AgreementInput) -> AgreementView:
        """Record an agreement made exact."""
        _check(agreement_problems(value))
        with self._sf.begin() as s:
            council = _get(s, FamilyCouncil, council_id)
            row = CouncilAgreement(
                case_id=council.case_id,
                council_id=council_id,
                position=_next_position(s, CouncilAgreement, council_id),
            )
            _fill(row, value)
            s.add(row)
            s.flush()
            self._changed(s, council, "vereinbarung")
            return _agreement_view(row, ())

    def update_agreement(self, agreement_id: str, value: AgreementInput) -> None:
        """Change an agreement."""
        _check(agreement_problems(value))
        self._update(CouncilAgreement, agreement_id, value)

    def remove_agreement(self, agreement_id: str) -> None:
        """Take an agreement back (kept as a tombstone)."""
        self._remove(CouncilAgreement, agreement_id)

    # follow-up

    def save_follow_up(self, council_id: str, value: FollowUpInput) -> CouncilView:
        """Review every agreement and record what follows.

        With the outcome "another Folge-Rat" a new council linked to this one is
        created (once), carrying over the Sorgeformulierung, moderator and participants.
        """
        with self._sf.begin() as s:
            council = _get(s, FamilyCouncil, council_id)
            known = {a.id for a in _children(s, CouncilAgreement, council_id)}
            # Saving again (each wizard page, the idle timer) replaces this council's
            # review of an agreement instead of piling up copies.
            stored: dict[str, AgreementReview] = {}
            for r in s.scalars(
                select(AgreementReview)
                .where(AgreementReview.council_id == council_id, AgreementReview.deleted.is_(False))
                .order_by(AgreementReview.reviewed_on, AgreementReview.hlc)
            ):
                stored[r.agreement_id] = r
            for item in value.items:
                if item.agreement_id not in known:
                    raise NotFoundError("Eine Vereinbarung wurde nicht gefunden.")
                if item.status is not AgreementKept.KEPT and not item.comment.strip():
                    raise ValidationError(
                        {
                            f"review.{item.agreement_id}": (
                                "Bitte kurz festhalten, was nicht eingehalten wurde."
                            )
                        }
                    )
                review = stored.get(item.agreement_id)
                if review is None:
                    review = AgreementReview(
                        case_id=council.case_id,
                        council_id=council_id,
                        agreement_id=item.agreement_id,
                    )
                    s.add(review)
                    stored[item.agreement_id] = review
                review.reviewed_on = value.reviewed_on
                review.status = item.status.value
                review.comment = item.comment.strip()
            council.outcome = value.outcome.value if value.outcome else ""
            council.hze_kind = value.hze_kind.strip()
            council.outcome_notes = value.notes.strip()
            self._changed(s, council, "folgerat")
            wants_follow_up = value.outcome is CouncilOutcome.ANOTHER
            has_follow_up = (
                s.scalar(
                    select(FamilyCouncil.id).where(
                        FamilyCouncil.origin_id == council_id, FamilyCouncil.deleted.is_(False)
                    )
                )
                is not None
            )
            case_id = council.case_id
        if wants_follow_up and not has_follow_up:
            created = self.start(case_id, origin_id=council_id)
            with self._sf.begin() as s:
                audit.append(s, self._device, CouncilAction.FOLLOW_UP, case_id, created.id)
        return self.get(council_id)

    # hours

    def add_hours(self, council_id: str, value: HoursInput) -> HoursView:
        """Record time spent on an activity."""
        _check(hours_problems(value))
        with self._sf.begin() as s:
            council = _get(s, FamilyCouncil, council_id)
            row = CouncilHours(
                case_id=council.case_id,
                council_id=council_id,
                activity=value.activity.value,
                worked_on=value.worked_on,
                hours=value.hours,
                note=value.note.strip(),
            )
            s.add(row)
            s.flush()
            self._changed(s, council, "stunden")
            return HoursView(
                id=row.id,
                activity=value.activity,
                worked_on=value.worked_on,
                hours=value.hours,
                note=row.note,
            )

    # overview

    def upcoming_reviews(self, today: dt.date | None = None) -> list[UpcomingReview]:
        """Review dates of decided Familienräte across all cases, soonest first."""
        today = today or dt.date.today()
        with self._sf() as s:
            rows = s.execute(
                select(
                    FamilyCouncil.id,
                    Case.id,
                    Case.file_number,
                    Case.family_name,
                    FamilyCouncil.review_on,
                )
                .join(Case, Case.id == FamilyCouncil.case_id)
                .where(
                    FamilyCouncil.deleted.is_(False),
                    Case.deleted.is_(False),
                    FamilyCouncil.phase == CouncilPhase.FOLLOW_UP.value,
                    FamilyCouncil.review_on.is_not(None),
                )
                .order_by(FamilyCouncil.review_on, Case.family_name)
            ).all()
            return [
                UpcomingReview(
                    council_id=r[0],
                    case_id=r[1],
                    file_number=r[2],
                    family_name=r[3],
                    review_on=r[4],
                    overdue=r[4] < today,
                )
                for r in rows
            ]

    # helpers

    def _changed(self, s: Session, council: FamilyCouncil, what: str) -> None:
        audit.append(s, self._device, CouncilAction.CHANGED, council.case_id, what)

    def _update(self, model: type[_Row], row_id: str, value: object) -> None:
        with self._sf.begin() as s:
            row = _get(s, model, row_id)
            _fill(row, value)
            audit.append(s, self._device, CouncilAction.CHANGED, row.case_id, row_id)

    def _remove(self, model: type[_Row], row_id: str) -> None:
        with self._sf.begin() as s:
            row = _get(s, model, row_id)
            row.deleted = True
            audit.append(s, self._device, CouncilAction.CHANGED, row.case_id, row_id)


# --- row helpers --------------------------------------------------------------------------


def _check(problems: dict[str, str]) -> None:
    if problems:
        raise ValidationError(problems)


def _case(s: Session, case_id: str) -> Case:
    return _get(s, Case, case_id)


def _get(s: Session, model: type[_Row], row_id: str) -> _Row:
    row = s.get(model, row_id)
    if row is None or row.deleted:
        raise NotFoundError("Der Eintrag wurde nicht gefunden (vielleicht inzwischen entfernt).")
    return row


def _stored(value: object) -> object:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, FamilyInterest):
        return value.value
    return value


def _fill(row: object, value: object) -> None:
    for f in fields(value):  # type: ignore[arg-type]
        v = getattr(value, f.name)
        setattr(
            row,
            f.name,
            v.value if hasattr(v, "value") and not isinstance(v, str | bool) else _stored(v),
        )


def _children(s: Session, model: type[_Row], council_id: str) -> list[_Row]:
    return list(
        s.scalars(
            select(model)
            .where(model.council_id == council_id, model.deleted.is_(False))
            .order_by(getattr(model, "position", model.hlc), model.hlc)
        )
    )


def _next_position(s: Session, model: type[_Row], council_id: str) -> int:
    rows = s.scalars(select(model.position).where(model.council_id == council_id)).all()
    return max(rows, default=-1) + 1


def _copy_preparation(origin: FamilyCouncil, council: FamilyCouncil) -> None:
    for name in (
        "informed_on",
        "family_interest",
        "moderator_name",
        "moderator_org",
        "moderator_contact",
        "moderator_languages",
        "concern",
        "minimum_requirements",
        "consent_on",
        "financing",
    ):
        setattr(council, name, getattr(origin, name))


def _copy_participants(s: Session, origin_id: str, council: FamilyCouncil) -> None:
    # The Folge-Rat starts with the same people; their invitation starts afresh.
    for n, p in enumerate(_children(s, CouncilParticipant, origin_id)):
        s.add(
            CouncilParticipant(
                case_id=council.case_id,
                council_id=council.id,
                position=n,
                name=p.name,
                group=p.group,
                relation=p.relation,
                address=p.address,
                contact=p.contact,
                language=p.language,
                invited_by=p.invited_by,
                invitation=Invitation.INVITED.value,
                attended=False,
            )
        )


def _participant_view(r: CouncilParticipant) -> ParticipantView:
    return ParticipantView(
        id=r.id,
        name=r.name,
        group=ParticipantGroup(r.group),
        relation=r.relation,
        address=r.address,
        contact=r.contact,
        language=r.language,
        invited_by=r.invited_by,
        invitation=Invitation(r.invitation),
        attended=r.attended,
    )


def _proposal_view(r: CouncilProposal) -> ProposalView:
    return ProposalView(
        id=r.id,
        what=r.what,
        who=r.who,
        due_on=r.due_on,
        how_checked=r.how_checked,
        fallback=r.fallback,
        decision=ProposalDecision(r.decision),
        improvement=r.improvement,
    )


def _agreement_view(r: CouncilAgreement, reviews: tuple[AgreementReviewView, ...]) -> AgreementView:
    return AgreementView(
        id=r.id,
        what=r.what,
        who=r.who,
        due_on=r.due_on,
        how_checked=r.how_checked,
        proposal_id=r.proposal_id,
        reviews=reviews,
    )


def _view(s: Session, c: FamilyCouncil) -> CouncilView:
    participants = _children(s, CouncilParticipant, c.id)
    agreements = _children(s, CouncilAgreement, c.id)
    reviews: dict[str, list[AgreementReviewView]] = {}
    if agreements:
        for r in s.scalars(
            select(AgreementReview)
            .where(
                AgreementReview.agreement_id.in_([a.id for a in agreements]),
                AgreementReview.deleted.is_(False),
            )
            .order_by(AgreementReview.reviewed_on.desc(), AgreementReview.hlc.desc())
        ):
            reviews.setdefault(r.agreement_id, []).append(
                AgreementReviewView(r.id, r.reviewed_on, AgreementKept(r.status), r.comment)
            )
    hours = list(
        s.scalars(
            select(CouncilHours)
            .where(CouncilHours.council_id == c.id, CouncilHours.deleted.is_(False))
            .order_by(CouncilHours.worked_on, CouncilHours.hlc)
        )
    )
    follow_ups = s.scalars(
        select(FamilyCouncil.id).where(
            FamilyCouncil.origin_id == c.id, FamilyCouncil.deleted.is_(False)
        )
    ).all()
    return CouncilView(
        id=c.id,
        case_id=c.case_id,
        origin_id=c.origin_id,
        phase=CouncilPhase(c.phase),
        preparation=PreparationInput(
            informed_on=c.informed_on,
            family_interest=FamilyInterest(c.family_interest),
            moderator_name=c.moderator_name,
            moderator_org=c.moderator_org,
            moderator_contact=c.moderator_contact,
            moderator_languages=c.moderator_languages,
            concern=c.concern,
            minimum_requirements=c.minimum_requirements,
            consent_on=c.consent_on,
            place=c.place,
            meeting_at=c.meeting_at,
            setting_food=c.setting_food,
            setting_childcare=c.setting_childcare,
            setting_interpreter=c.setting_interpreter,
            setting_notes=c.setting_notes,
            financing=Financing(c.financing) if c.financing else None,
        ),
        information=InformationInput(
            concern_read=c.concern_read,
            minimums_named=c.minimums_named,
            help_options=c.help_options,
            procedure_explained=c.procedure_explained,
            info_started_at=c.info_started_at,
            attended_ids=tuple(p.id for p in participants if p.attended),
        ),
        family_phase=FamilyPhaseInput(
            start=c.family_phase_start,
            end=c.family_phase_end,
            no_professionals_present=c.no_professionals_present,
            family_moderator=c.family_moderator,
            proposals_source=c.proposals_source,
        ),
        decision=DecisionInput(
            approved=c.approved,
            approved_by=c.approved_by,
            decision_notes=c.decision_notes,
            review_on=c.review_on,
        ),
        outcome=CouncilOutcome(c.outcome) if c.outcome else None,
        hze_kind=c.hze_kind,
        outcome_notes=c.outcome_notes,
        participants=tuple(_participant_view(p) for p in participants),
        proposals=tuple(_proposal_view(p) for p in _children(s, CouncilProposal, c.id)),
        agreements=tuple(_agreement_view(a, tuple(reviews.get(a.id, ()))) for a in agreements),
        hours=tuple(
            HoursView(
                id=h.id,
                activity=CouncilActivity(h.activity),
                worked_on=h.worked_on,
                hours=h.hours,
                note=h.note,
            )
            for h in hours
        ),
        follow_up_ids=tuple(follow_ups),
    )


#: The council's records and phase rules live in :mod:`asd_desktop.domain.familienrat`;
#: they are re-exported here for the callers of this service.
__all__ = [
    "PHASE_ORDER",
    "REVIEW_AFTER",
    "AgreementInput",
    "AgreementReviewView",
    "AgreementView",
    "CouncilView",
    "DecisionInput",
    "FamilyPhaseInput",
    "FollowUpInput",
    "HoursInput",
    "HoursView",
    "InformationInput",
    "ParticipantInput",
    "ParticipantView",
    "PreparationInput",
    "ProposalInput",
    "ProposalView",
    "ReviewItem",
    "agreement_problems",
    "default_review_date",
    "hours_problems",
    "next_phase",
    "participant_problems",
    "phase_problems",
    "proposal_problems",
]
