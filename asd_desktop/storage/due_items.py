"""Every dated item of every case as one SQL source (Wiedervorlage).

One SELECT per kind of item, all with the same columns, so that the list of dates
(``services.deadlines``), the case list's next deadline (``case_summaries``), the
overdue list and the reviews overview read the same rules and can never disagree.

Columns of every branch: ``record_id``, ``case_id``, ``due_on`` (a date), ``done``
(true once done, fulfilled, held or reviewed), ``title``, ``who`` and ``subkind`` (the
record's own kind where it has one: the MandateKind of an Auftrag, "folge_rat" for
the meeting of a Folge-Rat).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Date,
    Select,
    String,
    case,
    exists,
    false,
    func,
    literal,
    or_,
    select,
    type_coerce,
    union_all,
)
from sqlalchemy.orm import aliased

from asd_desktop.domain.enums import CouncilPhase, DueKind, GoalStatus, MandateStatus
from asd_desktop.models.case import Case
from asd_desktop.models.familienrat import CouncilAgreement, FamilyCouncil
from asd_desktop.models.goals import ActionGoal, FirstStep, GoalAgreement, GoalReview
from asd_desktop.models.hilfen import HilfeplanMeeting, HilfeplanTask
from asd_desktop.models.instruments import Mandate
from asd_desktop.models.privacy import AccessRequest
from asd_desktop.models.steps import Step

COLUMNS = ("record_id", "case_id", "due_on", "done", "title", "who", "subkind")

#: Once a council stands in one of these phases, its meeting has taken place.
MEETING_HELD = (
    CouncilPhase.DECISION.value,
    CouncilPhase.FOLLOW_UP.value,
    CouncilPhase.CLOSED.value,
)
#: A Handlungsziel whose newest review says this needs no date any more.
GOAL_SETTLED = (GoalStatus.REACHED.value, GoalStatus.CHANGED.value)
FOLLOW_UP_MEETING = "folge_rat"


def _text(value: Any) -> ColumnElement[Any]:  # noqa: ANN401
    return type_coerce(value, String)


def _steps() -> Select[Any]:
    # Read from the covering index ix_steps_open alone; a step is a record of its own,
    # so it is not checked against its contact (contacts are corrected, never deleted).
    return select(
        Step.id,
        Step.case_id,
        Step.due_on,
        Step.done_on.is_not(None),
        Step.text,
        Step.actor_name,
        Step.actor,
    ).where(Step.deleted.is_(False), Step.due_on.is_not(None))


def _first_steps() -> Select[Any]:
    return (
        select(
            FirstStep.id,
            FirstStep.case_id,
            FirstStep.due_on,
            FirstStep.done_on.is_not(None),
            FirstStep.what,
            FirstStep.who,
            _text(literal("")),
        )
        .join(GoalAgreement, GoalAgreement.id == FirstStep.agreement_id)
        .where(
            FirstStep.deleted.is_(False),
            GoalAgreement.deleted.is_(False),
            FirstStep.due_on.is_not(None),
        )
    )


def _council_agreements() -> Select[Any]:
    return (
        select(
            CouncilAgreement.id,
            CouncilAgreement.case_id,
            CouncilAgreement.due_on,
            CouncilAgreement.done_on.is_not(None),
            CouncilAgreement.what,
            CouncilAgreement.who,
            _text(literal("")),
        )
        .join(FamilyCouncil, FamilyCouncil.id == CouncilAgreement.council_id)
        .where(
            CouncilAgreement.deleted.is_(False),
            FamilyCouncil.deleted.is_(False),
            CouncilAgreement.due_on.is_not(None),
        )
    )


def _mandates() -> Select[Any]:
    return select(
        Mandate.id,
        Mandate.case_id,
        Mandate.due_on,
        Mandate.status != MandateStatus.OPEN.value,
        Mandate.requirement,
        Mandate.addressed_to,
        Mandate.kind,
    ).where(Mandate.deleted.is_(False))


def _goals() -> Select[Any]:
    review = aliased(GoalReview)
    newest = (
        select(review.status)
        .where(review.goal_id == ActionGoal.id, review.deleted.is_(False))
        .order_by(review.reviewed_on.desc(), review.hlc.desc())
        .limit(1)
        .correlate(ActionGoal)
        .scalar_subquery()
    )
    return (
        select(
            ActionGoal.id,
            ActionGoal.case_id,
            ActionGoal.due_on,
            func.coalesce(newest.in_(GOAL_SETTLED), false()),
            ActionGoal.text,
            ActionGoal.involved,
            _text(literal("")),
        )
        .join(GoalAgreement, GoalAgreement.id == ActionGoal.agreement_id)
        .where(
            ActionGoal.deleted.is_(False),
            GoalAgreement.deleted.is_(False),
            ActionGoal.due_on.is_not(None),
        )
    )


def _agreement_reviews() -> Select[Any]:
    # Reviewed once a review of one of its Handlungsziele was recorded after the day
    # it was agreed (the goal wizard's reviews belong to the agreement's goals).
    goal = aliased(ActionGoal)
    review = aliased(GoalReview)
    reviewed = (
        exists()
        .where(
            goal.agreement_id == GoalAgreement.id,
            goal.deleted.is_(False),
            review.goal_id == goal.id,
            review.deleted.is_(False),
            review.reviewed_on > GoalAgreement.agreed_on,
        )
        .correlate(GoalAgreement)
    )
    return select(
        GoalAgreement.id,
        GoalAgreement.case_id,
        GoalAgreement.review_on,
        reviewed,
        _text(literal("Überprüfung der Zielvereinbarung")),
        GoalAgreement.caseworker,
        _text(literal("")),
    ).where(GoalAgreement.deleted.is_(False), GoalAgreement.review_on.is_not(None))


def _councils() -> Select[Any]:
    follow_up = FamilyCouncil.origin_id.is_not(None)
    return select(
        FamilyCouncil.id,
        FamilyCouncil.case_id,
        type_coerce(func.date(FamilyCouncil.meeting_at), Date),
        FamilyCouncil.phase.in_(MEETING_HELD),
        _text(case((follow_up, literal("Folge-Rat")), else_=literal("Familienrat"))),
        FamilyCouncil.moderator_name,
        _text(case((follow_up, literal(FOLLOW_UP_MEETING)), else_=literal(""))),
    ).where(FamilyCouncil.deleted.is_(False), FamilyCouncil.meeting_at.is_not(None))


def _follow_ups() -> Select[Any]:
    return select(
        FamilyCouncil.id,
        FamilyCouncil.case_id,
        FamilyCouncil.review_on,
        or_(FamilyCouncil.outcome != "", FamilyCouncil.phase == CouncilPhase.CLOSED.value),
        _text(literal("Überprüfung der Vereinbarungen (Folge-Rat)")),
        FamilyCouncil.moderator_name,
        _text(literal("")),
    ).where(FamilyCouncil.deleted.is_(False), FamilyCouncil.review_on.is_not(None))


def _hilfeplan_meetings() -> Select[Any]:
    # The next Hilfeplangespräch a meeting set; held once a later one was recorded.
    later = aliased(HilfeplanMeeting)
    held = (
        exists()
        .where(
            later.case_id == HilfeplanMeeting.case_id,
            later.deleted.is_(False),
            later.held_on > HilfeplanMeeting.held_on,
        )
        .correlate(HilfeplanMeeting)
    )
    return select(
        HilfeplanMeeting.id,
        HilfeplanMeeting.case_id,
        HilfeplanMeeting.next_on,
        held,
        _text(literal("Nächstes Hilfeplangespräch")),
        HilfeplanMeeting.caseworker,
        _text(literal("")),
    ).where(HilfeplanMeeting.deleted.is_(False), HilfeplanMeeting.next_on.is_not(None))


def _hilfeplan_tasks() -> Select[Any]:
    return (
        select(
            HilfeplanTask.id,
            HilfeplanTask.case_id,
            HilfeplanTask.due_on,
            HilfeplanTask.done_on.is_not(None),
            HilfeplanTask.what,
            HilfeplanTask.who,
            _text(literal("")),
        )
        .join(HilfeplanMeeting, HilfeplanMeeting.id == HilfeplanTask.meeting_id)
        .where(
            HilfeplanTask.deleted.is_(False),
            HilfeplanMeeting.deleted.is_(False),
            HilfeplanTask.due_on.is_not(None),
        )
    )


def _access_requests() -> Select[Any]:
    # Art. 15 GDPR: answer within one month (Art. 12 Abs. 3); done once answered.
    return select(
        AccessRequest.id,
        AccessRequest.case_id,
        AccessRequest.due_on,
        AccessRequest.answered_on.is_not(None),
        _text(literal("Auskunft nach Art. 15 DSGVO beantworten")),
        _text(literal("")),
        _text(literal("")),
    ).where(AccessRequest.deleted.is_(False))


_BRANCHES = {
    DueKind.STEP: _steps,
    DueKind.FIRST_STEP: _first_steps,
    DueKind.COUNCIL_AGREEMENT: _council_agreements,
    DueKind.MANDATE: _mandates,
    DueKind.GOAL: _goals,
    DueKind.AGREEMENT_REVIEW: _agreement_reviews,
    DueKind.COUNCIL: _councils,
    DueKind.FOLLOW_UP: _follow_ups,
    DueKind.HILFEPLAN: _hilfeplan_meetings,
    DueKind.HILFEPLAN_TASK: _hilfeplan_tasks,
    DueKind.ACCESS_REQUEST: _access_requests,
}


#: Open-item conditions the indexes can use (``done_on IS NULL`` rather than NOT done).
_OPEN: dict[DueKind, Callable[[], ColumnElement[bool]]] = {
    DueKind.STEP: lambda: Step.done_on.is_(None),
    DueKind.FIRST_STEP: lambda: FirstStep.done_on.is_(None),
    DueKind.COUNCIL_AGREEMENT: lambda: CouncilAgreement.done_on.is_(None),
    DueKind.MANDATE: lambda: Mandate.status == MandateStatus.OPEN.value,
    DueKind.HILFEPLAN_TASK: lambda: HilfeplanTask.done_on.is_(None),
    DueKind.ACCESS_REQUEST: lambda: AccessRequest.answered_on.is_(None),
}


def branch(kind: DueKind) -> Select[Any]:
    """The SELECT of one kind of item, columns as in :data:`COLUMNS`."""
    return _BRANCHES[kind]()


def due_source(
    kinds: Iterable[DueKind] | None = None,
    *,
    case_ids: Collection[str] | None = None,
    open_only: bool = False,
    start: dt.date | None = None,
    end: dt.date | None = None,
    record_id: str | None = None,
) -> Select[Any]:
    """All items of ``kinds`` (default: every kind) as one UNION ALL with a ``kind`` column.

    Filters go into every branch, so each can use its indexes.
    """
    selects = []
    for kind in kinds or list(DueKind):
        stmt = branch(kind)
        due = stmt.selected_columns[2]
        if record_id is not None:
            stmt = stmt.where(stmt.selected_columns[0] == record_id)
        if case_ids is not None:
            stmt = stmt.where(stmt.selected_columns[1].in_(case_ids))
        if open_only:
            opened = _OPEN.get(kind)
            stmt = stmt.where(opened() if opened else ~stmt.selected_columns[3])
        if start is not None:
            stmt = stmt.where(due >= start)
        if end is not None:
            stmt = stmt.where(due <= end)
        cols = [c.label(name) for c, name in zip(stmt.selected_columns, COLUMNS, strict=True)]
        selects.append(stmt.with_only_columns(*cols, literal(kind.value, String).label("kind")))
    return select(union_all(*selects).subquery())


def open_due_by_case(case_ids: Collection[str]) -> Select[Any]:
    """``(case_id, earliest open due date)`` for the given cases that have an open item."""
    source = due_source(case_ids=case_ids, open_only=True).subquery()
    return (
        select(source.c.case_id, func.min(source.c.due_on).label("due_on"))
        .where(source.c.due_on.is_not(None))
        .group_by(source.c.case_id)
    )


def open_counts(today: dt.date) -> Select[Any]:
    """``(overdue, due today)``: open items of cases not deleted, counted in SQL.

    The status line after unlocking asks this; with years of migrated next steps a case
    file holds tens of thousands of open items, too many to build as objects for a count.
    Deleted cases are few, so they are left out with a short ``NOT IN``.
    """
    deleted = select(Case.id).where(Case.deleted.is_(True))

    def count(start: dt.date | None, end: dt.date) -> Any:  # noqa: ANN401 - a scalar subquery
        source = due_source(open_only=True, start=start, end=end).subquery()
        return (
            select(func.count())
            .select_from(source)
            .where(source.c.case_id.not_in(deleted))
            .scalar_subquery()
        )

    return select(count(None, today - dt.timedelta(days=1)), count(today, today))
