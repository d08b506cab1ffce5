"""What both parts of the goal service share: the session, the audit actions, the case."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from asd_desktop.models.case import Case
from asd_desktop.models.errors import NotFoundError


class GoalAction:
    """Audit actions of this service."""

    AGREED = "goals_agreed"
    REVIEWED = "goal_reviewed"
    DRAFT_DISCARDED = "goal_draft_discarded"


class GoalStore:
    """The session factory and device every part of the service writes with."""

    def __init__(self, session_factory: sessionmaker[Session], device_id: str) -> None:
        self._sf = session_factory
        self._device = device_id


def case_row(s: Session, case_id: str) -> Case:
    """The live case ``case_id``."""
    case = s.get(Case, case_id)
    if case is None or case.deleted:
        raise NotFoundError("Der Fall wurde nicht gefunden.")
    return case
