"""Hilfen and the Hilfeplan: the service and its values (re-exported here)."""

from asd_desktop.services.hilfen.service import (
    HilfeAction,
    HilfeService,
    match_kind,
    meeting_problems,
)
from asd_desktop.services.hilfen.views import (
    AdoptedGoal,
    CasePlace,
    GoalChoice,
    GoalReviewLine,
    HelpKindView,
    HilfeInput,
    HilfeView,
    MeetingInput,
    MeetingView,
    Participant,
    PreparedHilfe,
    TaskInput,
    TaskView,
)

__all__ = [
    "AdoptedGoal",
    "CasePlace",
    "GoalChoice",
    "GoalReviewLine",
    "HelpKindView",
    "HilfeAction",
    "HilfeInput",
    "HilfeService",
    "HilfeView",
    "MeetingInput",
    "MeetingView",
    "Participant",
    "PreparedHilfe",
    "TaskInput",
    "TaskView",
    "match_kind",
    "meeting_problems",
]
