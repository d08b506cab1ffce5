"""Wille, Ziele, Ressourcen: drafts, agreements, Handlungsziele, reviews, resources.

The wizard works on a :class:`GoalDraft`, saved into the encrypted database at
every page (:meth:`GoalService.save_draft`), so a visit that ends suddenly loses
at most the field being typed. :meth:`GoalService.finish` turns the draft into
records that travel, in one transaction.
"""

from __future__ import annotations

import datetime as dt

from asd_desktop.domain.goal_process import (
    PAGE_CONCERN,
    PAGE_DIRECTION,
    PAGE_GOALS,
    PAGE_RESOURCES,
    PAGE_STEPS,
    PAGE_SUMMARY,
    PAGE_TITLES,
    PAGE_WILL,
    REVIEW_AFTER,
    ActionGoalDraft,
    GoalDraft,
    ResourceDraft,
    StepDraft,
    all_problems,
    area_notice,
    default_review_date,
    page_problems,
    page_warnings,
)
from asd_desktop.domain.working_days import DEFAULT_STATE, DateProposal, propose
from asd_desktop.services.goals.agreements import GoalAgreements, review_problems
from asd_desktop.services.goals.drafts import (
    DRAFT_KIND,
    DRAFT_VERSION,
    GoalDrafts,
    draft_from_json,
    draft_to_json,
)
from asd_desktop.services.goals.store import GoalAction
from asd_desktop.services.goals.views import (
    ActionGoalView,
    AgreementView,
    GoalsOverview,
    ResourceView,
    ReviewInput,
    ReviewView,
    StepView,
)


class GoalService(GoalDrafts, GoalAgreements):
    """Drafts, agreements, reviews and resources of a case; every change is audited.

    One facade over the parts: the wizard's draft (:mod:`.drafts`) and the stored
    agreements with their reviews (:mod:`.agreements`).
    """

    #: The office's federal state (settings); its public holidays move proposed dates.
    federal_state: str = DEFAULT_STATE

    def propose_review_date(self, agreed_on: dt.date) -> DateProposal:
        """The usual review about three months later, moved to a working day (with why)."""
        return propose(default_review_date(agreed_on), self.federal_state)


#: The service and its parts' public names, and the draft and its page rules (from
#: :mod:`asd_desktop.domain.goal_process`), for the callers of this service.
__all__ = [
    "DRAFT_KIND",
    "DRAFT_VERSION",
    "PAGE_CONCERN",
    "PAGE_DIRECTION",
    "PAGE_GOALS",
    "PAGE_RESOURCES",
    "PAGE_STEPS",
    "PAGE_SUMMARY",
    "PAGE_TITLES",
    "PAGE_WILL",
    "REVIEW_AFTER",
    "ActionGoalDraft",
    "ActionGoalView",
    "AgreementView",
    "GoalAction",
    "GoalDraft",
    "GoalService",
    "GoalsOverview",
    "ResourceDraft",
    "ResourceView",
    "ReviewInput",
    "ReviewView",
    "StepDraft",
    "StepView",
    "all_problems",
    "area_notice",
    "default_review_date",
    "draft_from_json",
    "draft_to_json",
    "page_problems",
    "page_warnings",
    "review_problems",
]
