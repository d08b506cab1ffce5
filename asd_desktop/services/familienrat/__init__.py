"""Familienrat: the five phases as a resumable process over the council's records.

Every wizard page stores what it has through this service at once, so a
Familienrat can be stopped and resumed at any point; :meth:`FamilienratService.advance`
moves to the next phase only when the current one is complete
(:func:`phase_problems`, also called by the wizards).
"""

from __future__ import annotations

import datetime as dt

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
from asd_desktop.domain.working_days import DEFAULT_STATE, DateProposal, propose
from asd_desktop.services.familienrat.councils import PHASE_GUIDANCE
from asd_desktop.services.familienrat.hours import USUAL_HOURS, Hours
from asd_desktop.services.familienrat.overview import Overview
from asd_desktop.services.familienrat.participants import Participants
from asd_desktop.services.familienrat.plan import FamilyPlan
from asd_desktop.services.familienrat.reviews import Reviews
from asd_desktop.services.familienrat.store import CouncilAction
from asd_desktop.services.familienrat.views import CouncilSummary, UpcomingReview


class FamilienratService(Reviews, Participants, FamilyPlan, Hours, Overview):
    """Start, fill, advance and follow up Familienräte; every change is audited.

    One facade over the parts, each in its own module: councils and phases
    (:mod:`.councils`), participants, the family's plan, the Folge-Rat's review,
    hours, and the overview across cases.
    """

    #: The office's federal state (settings); its public holidays move proposed dates.
    federal_state: str = DEFAULT_STATE

    def propose_review_date(
        self, meeting_at: dt.datetime | None, today: dt.date | None = None
    ) -> DateProposal:
        """The review (Folge-Rat) about three months after the meeting, on a working day."""
        return propose(default_review_date(meeting_at, today), self.federal_state)


#: The service, its parts' public names, and the council's records and phase rules (from
#: :mod:`asd_desktop.domain.familienrat`), for the callers of this service.
__all__ = [
    "PHASE_GUIDANCE",
    "PHASE_ORDER",
    "REVIEW_AFTER",
    "USUAL_HOURS",
    "AgreementInput",
    "AgreementReviewView",
    "AgreementView",
    "CouncilAction",
    "CouncilSummary",
    "CouncilView",
    "DecisionInput",
    "FamilienratService",
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
    "UpcomingReview",
    "agreement_problems",
    "default_review_date",
    "hours_problems",
    "next_phase",
    "participant_problems",
    "phase_problems",
    "proposal_problems",
]
