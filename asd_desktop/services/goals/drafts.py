"""The Zielerarbeitung's draft: kept in the encrypted database at every page, resumed later."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict
from typing import Any

from sqlalchemy import delete

from asd_desktop.domain.enums import ResourceKind
from asd_desktop.domain.goal_process import (
    ActionGoalDraft,
    GoalDraft,
    ResourceDraft,
    StepDraft,
    default_review_date,
)
from asd_desktop.models.errors import AsdError
from asd_desktop.models.goals import WizardDraft
from asd_desktop.services import audit
from asd_desktop.services.goals.store import GoalAction, GoalStore, case_row
from asd_desktop.services.goals.views import resources

DRAFT_KIND = "zielerarbeitung"
DRAFT_VERSION = 1


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


class GoalDrafts(GoalStore):
    """Save, resume, discard and start the wizard's draft of a case."""

    def save_draft(self, case_id: str, draft: GoalDraft) -> None:
        """Store the wizard's state (replaces the previous draft of this case)."""
        with self._sf.begin() as s:
            case_row(s, case_id)
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
        with self._sf() as s:
            existing = resources(s, case_id)
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
                for r in existing
            ),
        )
