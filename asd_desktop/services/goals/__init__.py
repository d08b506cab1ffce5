"""Wille, Ziele, Ressourcen: drafts, agreements, Handlungsziele, reviews, resources.

The wizard works on a :class:`GoalDraft`, saved into the encrypted database at
every page (:meth:`GoalService.save_draft`), so a visit that ends suddenly loses
at most the field being typed. :meth:`GoalService.finish` turns the draft into
records that travel, in one transaction.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

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
from asd_desktop.models.case import Case
from asd_desktop.models.enums import Area, GoalStatus, ResourceKind
from asd_desktop.models.errors import AsdError, NotFoundError, ValidationError
from asd_desktop.models.goals import (
    ActionGoal,
    FirstStep,
    GoalAgreement,
    GoalReview,
    Resource,
    WizardDraft,
)
from asd_desktop.services import audit

DRAFT_KIND = "zielerarbeitung"
DRAFT_VERSION = 1


class GoalAction:
    """Audit actions of this service."""

    AGREED = "goals_agreed"
    REVIEWED = "goal_reviewed"
    DRAFT_DISCARDED = "goal_draft_discarded"


def draft_to_json(draft: GoalDraft) -> str:
    """Serialise a draft for storage (dates as ISO text)."""
    return json.dumps(
        {"version": DRAFT_VERSION, "draft": asdict(draft)},
        default=lambda v: v.isoformat() if isinstance(v, dt.date) else str(v),
        ensure_ascii=False,
    )


def draft_from_json(text: str) -> GoalDraft:
    """Read back what :func:`draft_to_json` wrote; unknown keys are ignored."""
    try:
        raw = json.loads(text)["draft"]
        return GoalDraft(
            page=int(raw.get("page", 0)),
            concern=str(raw.get("concern", "")),
            concern_by=str(raw.get("concern_by", "")),
            will=str(raw.get("will", "")),
            priority=str(raw.get("priority", "")),
            direction_goal=str(raw.get("direction_goal", "")),
            direction_people=str(raw.get("direction_people", "")),
            action_goals=tuple(
                ActionGoalDraft(
                    text=str(g.get("text", "")),
                    indicator=str(g.get("indicator", "")),
                    due_on=_date(g.get("due_on")),
                    involved=str(g.get("involved", "")),
                    dismissed=tuple((str(c), str(r)) for c, r in g.get("dismissed", ())),
                )
                for g in raw.get("action_goals", ())
            ),
            resources=tuple(
                ResourceDraft(
                    kind=ResourceKind(r.get("kind", ResourceKind.PERSONAL.value)),
                    description=str(r.get("description", "")),
                    goal_indexes=tuple(int(i) for i in r.get("goal_indexes", ())),
                    existing_id=r.get("existing_id"),
                    catalog_entry_id=r.get("catalog_entry_id"),
                )
                for r in raw.get("resources", ())
            ),
            steps=tuple(
                StepDraft(
                    who=str(s.get("who", "")),
                    what=str(s.get("what", "")),
                    due_on=_date(s.get("due_on")),
                )
                for s in raw.get("steps", ())
            ),
            place=str(raw.get("place", "")),
            agreed_on=_date(raw.get("agreed_on")),
            review_on=_date(raw.get("review_on")),
            present=tuple(str(p) for p in raw.get("present", ())),
            caseworker=str(raw.get("caseworker", "")),
        )
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise AsdError(
            "Der gespeicherte Entwurf der Zielerarbeitung ist beschädigt und kann nicht "
            "fortgesetzt werden. Bitte die Zielerarbeitung neu beginnen."
        ) from exc


def _date(value: Any) -> dt.date | None:  # noqa: ANN401 - JSON value
    return dt.date.fromisoformat(value) if value else None


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


def review_problems(value: ReviewInput, today: dt.date | None = None) -> dict[str, str]:
    """Why a review cannot be stored."""
    today = today or dt.date.today()
    p: dict[str, str] = {}
    if value.reviewed_on > today:
        p["reviewed_on"] = "Das Datum der Überprüfung liegt in der Zukunft."
    if value.status is GoalStatus.CHANGED and not value.comment.strip():
        p["comment"] = "Bitte kurz beschreiben, wie sich das Ziel verändert hat."
    return p


class GoalService:
    """Drafts, agreements, reviews and resources of a case; every change is audited."""

    def __init__(self, session_factory: sessionmaker[Session], device_id: str) -> None:
        self._sf = session_factory
        self._device = device_id

    # drafts

    def save_draft(self, case_id: str, draft: GoalDraft) -> None:
        """Store the wizard's state (replaces the previous draft of this case)."""
        with self._sf.begin() as s:
            _case(s, case_id)
            row = s.get(WizardDraft, (case_id, DRAFT_KIND))
            now = dt.datetime.now().replace(microsecond=0)
            if row is None:
                s.add(
                    WizardDraft(
                        case_id=case_id,
                        kind=DRAFT_KIND,
                        page=draft.page,
                        data=draft_to_json(draft),
                        updated_at=now,
                    )
                )
            else:
                row.page = draft.page
                row.data = draft_to_json(draft)
                row.updated_at = now

    def load_draft(self, case_id: str) -> GoalDraft | None:
        """The saved draft of this case, if a Zielerarbeitung was interrupted."""
        with self._sf() as s:
            row = s.get(WizardDraft, (case_id, DRAFT_KIND))
            return draft_from_json(row.data) if row else None

    def draft_saved_at(self, case_id: str) -> dt.datetime | None:
        """When the interrupted draft of this case was last saved; None without a draft."""
        with self._sf() as s:
            row = s.get(WizardDraft, (case_id, DRAFT_KIND))
            return row.updated_at if row else None

    def discard_draft(self, case_id: str) -> None:
        """Throw the draft away (the caseworker chose to start afresh)."""
        with self._sf.begin() as s:
            s.execute(
                delete(WizardDraft).where(
                    WizardDraft.case_id == case_id, WizardDraft.kind == DRAFT_KIND
                )
            )
            audit.append(s, self._device, GoalAction.DRAFT_DISCARDED, case_id)

    def new_draft(self, case_id: str, caseworker: str = "") -> GoalDraft:
        """A fresh draft with today's date and the case's resources offered for reuse."""
        today = dt.date.today()
        return GoalDraft(
            agreed_on=today,
            review_on=default_review_date(today),
            caseworker=caseworker,
            resources=tuple(
                ResourceDraft(
                    kind=r.kind,
                    description=r.description,
                    existing_id=r.id,
                    catalog_entry_id=r.catalog_entry_id,
                )
                for r in self.case_resources(case_id)
            ),
        )

    # the agreement

    def finish(self, case_id: str, draft: GoalDraft) -> AgreementView:
        """Store the finished Zielvereinbarung and drop the draft, in one transaction."""
        problems = all_problems(draft)
        if problems:
            raise ValidationError(problems)
        assert draft.agreed_on is not None
        with self._sf.begin() as s:
            _case(s, case_id)
            agreement = GoalAgreement(
                case_id=case_id,
                agreed_on=draft.agreed_on,
                place=draft.place.strip(),
                concern=draft.concern.strip(),
                concern_by=draft.concern_by.strip(),
                will=draft.will.strip(),
                priority=draft.priority.strip(),
                direction_goal=draft.direction_goal.strip(),
                direction_people=draft.direction_people.strip(),
                review_on=draft.review_on,
                caseworker=draft.caseworker.strip(),
                present=[p.strip() for p in draft.present if p.strip()],
            )
            s.add(agreement)
            s.flush()
            goals: list[ActionGoal] = []
            for n, g in enumerate(draft.action_goals):
                goal = ActionGoal(
                    case_id=case_id,
                    agreement_id=agreement.id,
                    position=n,
                    text=g.text.strip(),
                    indicator=g.indicator.strip(),
                    due_on=g.due_on,
                    involved=g.involved.strip(),
                    dismissed_findings=dict(g.dismissed),
                )
                s.add(goal)
                goals.append(goal)
            s.flush()
            for r in draft.resources:
                helped = [goals[i].id for i in r.goal_indexes]
                if r.existing_id:
                    row = s.get(Resource, r.existing_id)
                    if row is None or row.case_id != case_id:
                        raise NotFoundError("Eine Ressource des Falls wurde nicht gefunden.")
                    merged = list(dict.fromkeys([*row.goal_ids, *helped]))
                    if merged != row.goal_ids or row.description != r.description.strip():
                        row.goal_ids = merged
                        row.description = r.description.strip() or row.description
                        row.kind = r.kind.value
                else:
                    s.add(
                        Resource(
                            case_id=case_id,
                            kind=r.kind.value,
                            description=r.description.strip(),
                            goal_ids=helped,
                            catalog_entry_id=r.catalog_entry_id,
                        )
                    )
            for n, st in enumerate(draft.steps):
                s.add(
                    FirstStep(
                        case_id=case_id,
                        agreement_id=agreement.id,
                        position=n,
                        who=st.who.strip(),
                        what=st.what.strip(),
                        due_on=st.due_on,
                    )
                )
            s.execute(
                delete(WizardDraft).where(
                    WizardDraft.case_id == case_id, WizardDraft.kind == DRAFT_KIND
                )
            )
            audit.append(s, self._device, GoalAction.AGREED, case_id, agreement.id)
            agreement_id = agreement.id
        return self.agreement(agreement_id)

    def agreement(self, agreement_id: str) -> AgreementView:
        """One stored agreement with its goals (and their reviews) and steps."""
        with self._sf() as s:
            row = s.get(GoalAgreement, agreement_id)
            if row is None or row.deleted:
                raise NotFoundError("Die Zielvereinbarung wurde nicht gefunden.")
            return _agreement_view(s, row)

    def overview(self, case_id: str) -> GoalsOverview:
        """Agreements (newest first), resources, whether a draft waits."""
        with self._sf() as s:
            _case(s, case_id)
            rows = s.scalars(
                select(GoalAgreement)
                .where(GoalAgreement.case_id == case_id, GoalAgreement.deleted.is_(False))
                .order_by(GoalAgreement.agreed_on.desc(), GoalAgreement.hlc.desc())
            ).all()
            has_draft = s.get(WizardDraft, (case_id, DRAFT_KIND)) is not None
            return GoalsOverview(
                agreements=tuple(_agreement_view(s, r) for r in rows),
                resources=tuple(_resources(s, case_id)),
                has_draft=has_draft,
            )

    def case_resources(self, case_id: str) -> list[ResourceView]:
        """The resources the case already has, for reuse."""
        with self._sf() as s:
            return _resources(s, case_id)

    def review_goal(self, goal_id: str, value: ReviewInput) -> ReviewView:
        """Record a Handlungsziel's status at a review; the history is kept."""
        problems = review_problems(value)
        if problems:
            raise ValidationError(problems)
        with self._sf.begin() as s:
            goal = s.get(ActionGoal, goal_id)
            if goal is None or goal.deleted:
                raise NotFoundError("Das Handlungsziel wurde nicht gefunden.")
            row = GoalReview(
                case_id=goal.case_id,
                goal_id=goal_id,
                reviewed_on=value.reviewed_on,
                status=value.status.value,
                comment=value.comment.strip(),
            )
            s.add(row)
            s.flush()
            audit.append(s, self._device, GoalAction.REVIEWED, goal.case_id, goal_id)
            return ReviewView(
                id=row.id, status=value.status, reviewed_on=row.reviewed_on, comment=row.comment
            )


# --- helpers --------------------------------------------------------------------------


def _case(s: Session, case_id: str) -> Case:
    case = s.get(Case, case_id)
    if case is None or case.deleted:
        raise NotFoundError("Der Fall wurde nicht gefunden.")
    return case


def _resources(s: Session, case_id: str) -> list[ResourceView]:
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


def _agreement_view(s: Session, row: GoalAgreement) -> AgreementView:
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


__all__ = [
    "PAGE_TITLES",
    "ActionGoalDraft",
    "ActionGoalView",
    "AgreementView",
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

#: The draft and its page rules live in :mod:`asd_desktop.domain.goal_process`;
#: they are re-exported here for the callers of this service.
__all__ = [
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
    "GoalDraft",
    "ResourceDraft",
    "StepDraft",
    "all_problems",
    "area_notice",
    "default_review_date",
    "page_problems",
    "page_warnings",
]
