"""The Zielvereinbarung: stored from the finished draft, read back, its goals reviewed."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, select

from asd_desktop.domain.enums import GoalStatus
from asd_desktop.domain.goal_process import GoalDraft, all_problems
from asd_desktop.models.errors import NotFoundError, ValidationError
from asd_desktop.models.goals import (
    ActionGoal,
    FirstStep,
    GoalAgreement,
    GoalReview,
    Resource,
    WizardDraft,
)
from asd_desktop.services import audit
from asd_desktop.services.goals.drafts import DRAFT_KIND
from asd_desktop.services.goals.store import GoalAction, GoalStore, case_row
from asd_desktop.services.goals.views import (
    AgreementView,
    GoalsOverview,
    ResourceView,
    ReviewInput,
    ReviewView,
    agreement_view,
    resources,
)


def review_problems(value: ReviewInput, today: dt.date | None = None) -> dict[str, str]:
    """Why a review cannot be stored."""
    today = today or dt.date.today()
    p: dict[str, str] = {}
    if value.reviewed_on > today:
        p["reviewed_on"] = "Das Datum der Überprüfung liegt in der Zukunft."
    if value.status is GoalStatus.CHANGED and not value.comment.strip():
        p["comment"] = "Bitte kurz beschreiben, wie sich das Ziel verändert hat."
    return p


class GoalAgreements(GoalStore):
    """Store a finished Zielvereinbarung, read agreements and resources, review goals."""

    def finish(self, case_id: str, draft: GoalDraft) -> AgreementView:
        """Store the finished Zielvereinbarung and drop the draft, in one transaction."""
        problems = all_problems(draft)
        if problems:
            raise ValidationError(problems)
        assert draft.agreed_on is not None
        with self._sf.begin() as s:
            case_row(s, case_id)
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
            return agreement_view(s, row)

    def overview(self, case_id: str) -> GoalsOverview:
        """Agreements (newest first), resources, whether a draft waits."""
        with self._sf() as s:
            case_row(s, case_id)
            rows = s.scalars(
                select(GoalAgreement)
                .where(GoalAgreement.case_id == case_id, GoalAgreement.deleted.is_(False))
                .order_by(GoalAgreement.agreed_on.desc(), GoalAgreement.hlc.desc())
            ).all()
            has_draft = s.get(WizardDraft, (case_id, DRAFT_KIND)) is not None
            return GoalsOverview(
                agreements=tuple(agreement_view(s, r) for r in rows),
                resources=tuple(resources(s, case_id)),
                has_draft=has_draft,
            )

    def case_resources(self, case_id: str) -> list[ResourceView]:
        """The resources the case already has, for reuse."""
        with self._sf() as s:
            return resources(s, case_id)

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
