"""What the goal service returns: agreements, Handlungsziele, reviews, steps, resources."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from asd_desktop.domain.enums import Area, GoalStatus, ResourceKind
from asd_desktop.models.goals import ActionGoal, FirstStep, GoalAgreement, GoalReview, Resource


@dataclass(frozen=True)
class ReviewInput:
    """A Handlungsziel's status at a review."""

    status: GoalStatus
    reviewed_on: dt.date
    comment: str = ""


@dataclass(frozen=True)
class ReviewView(ReviewInput):
    """A stored review."""

    id: str = ""


@dataclass(frozen=True)
class ActionGoalView:
    """A stored Handlungsziel with its review history (newest first)."""

    id: str
    position: int
    text: str
    indicator: str
    due_on: dt.date | None
    involved: str
    dismissed: tuple[tuple[str, str], ...] = ()
    reviews: tuple[ReviewView, ...] = ()

    @property
    def status(self) -> GoalStatus | None:
        """The status at the newest review, None if never reviewed."""
        return self.reviews[0].status if self.reviews else None


@dataclass(frozen=True)
class StepView:
    """A stored first step."""

    id: str
    who: str
    what: str
    due_on: dt.date | None


@dataclass(frozen=True)
class ResourceView:
    """A stored resource of the case."""

    id: str
    kind: ResourceKind
    description: str
    goal_ids: tuple[str, ...] = ()
    catalog_entry_id: str | None = None


@dataclass(frozen=True)
class AgreementView:
    """A finished Zielvereinbarung with its goals and steps."""

    id: str
    case_id: str
    agreed_on: dt.date
    place: str
    concern: str
    concern_by: str
    will: str
    priority: str
    direction_goal: str
    direction_people: str
    review_on: dt.date | None
    caseworker: str
    present: tuple[str, ...] = ()
    goals: tuple[ActionGoalView, ...] = ()
    steps: tuple[StepView, ...] = ()


@dataclass(frozen=True)
class GoalsOverview:
    """What the "Wille & Ziele" tab shows: agreements newest first, and the resources."""

    agreements: tuple[AgreementView, ...] = ()
    resources: tuple[ResourceView, ...] = ()
    has_draft: bool = False
    area: Area | None = field(default=None)


def resources(s: Session, case_id: str) -> list[ResourceView]:
    """The case's live resources, by kind."""
    rows = s.scalars(
        select(Resource)
        .where(Resource.case_id == case_id, Resource.deleted.is_(False))
        .order_by(Resource.kind, Resource.hlc)
    ).all()
    return [
        ResourceView(
            id=r.id,
            kind=ResourceKind(r.kind),
            description=r.description,
            goal_ids=tuple(r.goal_ids),
            catalog_entry_id=r.catalog_entry_id,
        )
        for r in rows
    ]


def agreement_view(s: Session, row: GoalAgreement) -> AgreementView:
    """A stored agreement with its goals (each with its reviews, newest first) and steps."""
    goals = s.scalars(
        select(ActionGoal)
        .where(ActionGoal.agreement_id == row.id, ActionGoal.deleted.is_(False))
        .order_by(ActionGoal.position)
    ).all()
    reviews: dict[str, list[ReviewView]] = {}
    if goals:
        for r in s.scalars(
            select(GoalReview)
            .where(GoalReview.goal_id.in_([g.id for g in goals]), GoalReview.deleted.is_(False))
            .order_by(GoalReview.reviewed_on.desc(), GoalReview.hlc.desc())
        ):
            reviews.setdefault(r.goal_id, []).append(
                ReviewView(
                    id=r.id,
                    status=GoalStatus(r.status),
                    reviewed_on=r.reviewed_on,
                    comment=r.comment,
                )
            )
    steps = s.scalars(
        select(FirstStep)
        .where(FirstStep.agreement_id == row.id, FirstStep.deleted.is_(False))
        .order_by(FirstStep.position)
    ).all()
    return AgreementView(
        id=row.id,
        case_id=row.case_id,
        agreed_on=row.agreed_on,
        place=row.place,
        concern=row.concern,
        concern_by=row.concern_by,
        will=row.will,
        priority=row.priority,
        direction_goal=row.direction_goal,
        direction_people=row.direction_people,
        review_on=row.review_on,
        caseworker=row.caseworker,
        present=tuple(row.present),
        goals=tuple(
            ActionGoalView(
                id=g.id,
                position=g.position,
                text=g.text,
                indicator=g.indicator,
                due_on=g.due_on,
                involved=g.involved,
                dismissed=tuple(g.dismissed_findings.items()),
                reviews=tuple(reviews.get(g.id, ())),
            )
            for g in goals
        ),
        steps=tuple(StepView(id=st.id, who=st.who, what=st.what, due_on=st.due_on) for st in steps),
    )
