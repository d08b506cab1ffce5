"""What the Familienrat service returns: its summaries and the council read back whole."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from asd_desktop.domain.enums import (
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
from asd_desktop.domain.familienrat import (
    AgreementReviewView,
    AgreementView,
    CouncilView,
    DecisionInput,
    FamilyPhaseInput,
    HoursView,
    InformationInput,
    ParticipantView,
    PreparationInput,
    ProposalView,
)
from asd_desktop.models.familienrat import (
    AgreementReview,
    CouncilAgreement,
    CouncilHours,
    CouncilParticipant,
    CouncilProposal,
    FamilyCouncil,
)
from asd_desktop.services.familienrat.store import children


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


def participant_view(r: CouncilParticipant) -> ParticipantView:
    """A participant row as the service returns it."""
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


def proposal_view(r: CouncilProposal) -> ProposalView:
    """A proposal row as the service returns it."""
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


def agreement_view(
    r: CouncilAgreement, reviews: tuple[AgreementReviewView, ...] = ()
) -> AgreementView:
    """An agreement row with its reviews, newest first."""
    return AgreementView(
        id=r.id,
        what=r.what,
        who=r.who,
        due_on=r.due_on,
        how_checked=r.how_checked,
        proposal_id=r.proposal_id,
        reviews=reviews,
    )


def council_view(s: Session, c: FamilyCouncil) -> CouncilView:
    """Everything recorded for council ``c``: phases, rows, reviews, hours, follow-ups."""
    participants = children(s, CouncilParticipant, c.id)
    agreements = children(s, CouncilAgreement, c.id)
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
        participants=tuple(participant_view(p) for p in participants),
        proposals=tuple(proposal_view(p) for p in children(s, CouncilProposal, c.id)),
        agreements=tuple(agreement_view(a, tuple(reviews.get(a.id, ()))) for a in agreements),
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
