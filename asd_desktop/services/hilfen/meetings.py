"""Hilfeplangespräche: record, change, read with the adopted goals' history; start from the last."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from asd_desktop.domain.hilfen import next_meeting_on
from asd_desktop.models.errors import NotFoundError, ValidationError
from asd_desktop.models.goals import ActionGoal, GoalAgreement, GoalReview
from asd_desktop.models.hilfen import (
    Hilfe,
    HilfeplanGoal,
    HilfeplanMeeting,
    HilfeplanTask,
)
from asd_desktop.services import audit
from asd_desktop.services.hilfen.common import HilfeAction, HilfeBase
from asd_desktop.services.hilfen.views import (
    AdoptedGoal,
    GoalChoice,
    GoalReviewLine,
    MeetingInput,
    MeetingView,
    Participant,
    TaskInput,
    TaskView,
)


def _participants(value: Iterable[Any]) -> tuple[Participant, ...]:
    out = []
    for item in value or ():
        if isinstance(item, dict):
            out.append(Participant(str(item.get("name", "")), str(item.get("role", ""))))
    return tuple(out)


def meeting_problems(value: MeetingInput) -> dict[str, str]:
    """Why a Hilfeplangespräch cannot be stored, by field (the dialog calls it too)."""
    problems: dict[str, str] = {}
    if value.held_on is None:
        problems["held_on"] = "Bitte das Datum des Hilfeplangesprächs eintragen."
    elif value.next_on is not None and value.next_on <= value.held_on:
        problems["next_on"] = (
            "Das nächste Hilfeplangespräch muss nach diesem liegen. "
            "Bitte ein späteres Datum wählen."
        )
    if not any(p.name.strip() for p in value.participants):
        problems["participants"] = (
            "Bitte mindestens eine Person eintragen, die teilgenommen hat "
            "(sie unterschreibt den Hilfeplan)."
        )
    for task in value.tasks:
        if not task.what.strip():
            problems["tasks"] = "Bitte bei jeder Aufgabe eintragen, was zu tun ist."
            break
    if len(set(value.goal_ids)) != len(value.goal_ids):
        problems["goal_ids"] = "Ein Handlungsziel ist doppelt gewählt. Bitte nur einmal wählen."
    return problems


class MeetingsPart(HilfeBase):
    """Hilfeplangespräche and the goals they may adopt."""

    # --- Hilfeplangespräche --------------------------------------------------------

    def _check_meeting(self, s: Session, case_id: str, value: MeetingInput) -> None:
        problems = meeting_problems(value)
        if value.hilfe_id is not None:
            hilfe = s.get(Hilfe, value.hilfe_id)
            if hilfe is None or hilfe.deleted or hilfe.case_id != case_id:
                problems["hilfe_id"] = "Diese Hilfe gehört nicht zum Fall. Bitte neu wählen."
        for goal_id in value.goal_ids:
            goal = s.get(ActionGoal, goal_id)
            if goal is None or goal.deleted or goal.case_id != case_id:
                problems["goal_ids"] = (
                    "Ein gewähltes Handlungsziel gehört nicht (mehr) zum Fall. Bitte neu wählen."
                )
                break
        if value.previous_id is not None:
            prev = s.get(HilfeplanMeeting, value.previous_id)
            if prev is None or prev.deleted or prev.case_id != case_id:
                problems["previous_id"] = "Das vorige Hilfeplangespräch wurde nicht gefunden."
        if problems:
            raise ValidationError(problems)

    def _write_meeting(self, s: Session, row: HilfeplanMeeting, value: MeetingInput) -> None:
        assert value.held_on is not None
        row.hilfe_id = value.hilfe_id
        row.held_on = value.held_on
        row.place = value.place.strip()
        row.caseworker = value.caseworker.strip()
        row.participants = [
            {"name": p.name.strip(), "role": p.role.strip()}
            for p in value.participants
            if p.name.strip()
        ]
        row.young_person_name = value.young_person_name.strip()
        row.young_person_words = value.young_person_words.strip()
        row.agreed_help_scope = value.agreed_help_scope.strip()
        row.notes = value.notes.strip()
        row.next_on = value.next_on
        row.previous_id = value.previous_id
        s.flush()
        # Goals: keep the links that stay (their ids travel), tombstone the others.
        links = {
            g.goal_id: g
            for g in s.scalars(
                select(HilfeplanGoal).where(
                    HilfeplanGoal.meeting_id == row.id, HilfeplanGoal.deleted.is_(False)
                )
            )
        }
        for position, goal_id in enumerate(value.goal_ids):
            link = links.pop(goal_id, None)
            if link is None:
                s.add(
                    HilfeplanGoal(
                        case_id=row.case_id, meeting_id=row.id, goal_id=goal_id, position=position
                    )
                )
            elif link.position != position:
                link.position = position
        for link in links.values():
            link.deleted = True
        # Tasks: matched by position; done ones keep their done state when unchanged.
        old = list(
            s.scalars(
                select(HilfeplanTask)
                .where(HilfeplanTask.meeting_id == row.id, HilfeplanTask.deleted.is_(False))
                .order_by(HilfeplanTask.position)
            )
        )
        tasks = [t for t in value.tasks if t.what.strip()]
        for position, task in enumerate(tasks):
            if position < len(old):
                t = old[position]
                if (t.who, t.what, t.due_on) != (task.who.strip(), task.what.strip(), task.due_on):
                    t.who, t.what, t.due_on = task.who.strip(), task.what.strip(), task.due_on
                    t.done_on, t.done_by = None, ""
            else:
                s.add(
                    HilfeplanTask(
                        case_id=row.case_id,
                        meeting_id=row.id,
                        position=position,
                        who=task.who.strip(),
                        what=task.what.strip(),
                        due_on=task.due_on,
                        done_on=None,
                        done_by="",
                    )
                )
        for t in old[len(tasks) :]:
            t.deleted = True

    def record_meeting(self, case_id: str, value: MeetingInput) -> MeetingView:
        """Store a Hilfeplangespräch with the goals it adopts and its tasks."""
        with self._sf.begin() as s:
            self._live_case(s, case_id)
            self._check_meeting(s, case_id, value)
            row = HilfeplanMeeting(case_id=case_id)
            s.add(row)
            self._write_meeting(s, row, value)
            s.flush()
            audit.append(s, self._device, HilfeAction.MEETING_RECORDED, case_id, row.id)
            meeting_id = row.id
        return self.meeting(meeting_id)

    def update_meeting(self, meeting_id: str, value: MeetingInput) -> MeetingView:
        """Change a stored Hilfeplangespräch."""
        with self._sf.begin() as s:
            row = s.get(HilfeplanMeeting, meeting_id)
            if row is None or row.deleted:
                raise NotFoundError("Das Hilfeplangespräch wurde nicht gefunden.")
            self._check_meeting(s, row.case_id, value)
            if value.previous_id == meeting_id:
                raise ValidationError({"previous_id": "Ein Gespräch kann nicht auf sich folgen."})
            self._write_meeting(s, row, value)
            audit.append(s, self._device, HilfeAction.MEETING_CHANGED, row.case_id, row.id)
        return self.meeting(meeting_id)

    def meeting(self, meeting_id: str) -> MeetingView:
        """One Hilfeplangespräch with its adopted goals (and their review history) and tasks."""
        with self._sf() as s:
            row = s.get(HilfeplanMeeting, meeting_id)
            if row is None or row.deleted:
                raise NotFoundError("Das Hilfeplangespräch wurde nicht gefunden.")
            return self._meeting_view(s, row)

    def meetings(self, case_id: str) -> list[MeetingView]:
        """A case's Hilfeplangespräche, newest first."""
        with self._sf() as s:
            rows = s.scalars(
                select(HilfeplanMeeting)
                .where(HilfeplanMeeting.case_id == case_id, HilfeplanMeeting.deleted.is_(False))
                .order_by(HilfeplanMeeting.held_on.desc(), HilfeplanMeeting.id.desc())
            ).all()
            return [self._meeting_view(s, r) for r in rows]

    def _meeting_view(self, s: Session, row: HilfeplanMeeting) -> MeetingView:
        previous_held = None
        if row.previous_id is not None:
            prev = s.get(HilfeplanMeeting, row.previous_id)
            if prev is not None and not prev.deleted:
                previous_held = prev.held_on
        links = s.scalars(
            select(HilfeplanGoal)
            .where(HilfeplanGoal.meeting_id == row.id, HilfeplanGoal.deleted.is_(False))
            .order_by(HilfeplanGoal.position)
        ).all()
        goals = []
        for link in links:
            goal = s.get(ActionGoal, link.goal_id)
            if goal is None or goal.deleted:
                continue
            reviews = s.scalars(
                select(GoalReview)
                .where(GoalReview.goal_id == goal.id, GoalReview.deleted.is_(False))
                .order_by(GoalReview.reviewed_on, GoalReview.id)
            ).all()
            since = [
                GoalReviewLine(r.reviewed_on, r.status, r.comment)
                for r in reviews
                if (previous_held is None or r.reviewed_on > previous_held)
                and r.reviewed_on <= row.held_on
            ]
            goals.append(
                AdoptedGoal(
                    goal_id=goal.id,
                    text=goal.text,
                    indicator=goal.indicator,
                    due_on=goal.due_on,
                    involved=goal.involved,
                    reviews=tuple(since) if previous_held is not None else (),
                    status=reviews[-1].status if reviews else "",
                )
            )
        tasks = tuple(
            TaskView(t.id, t.meeting_id, t.position, t.who, t.what, t.due_on, t.done_on, t.done_by)
            for t in s.scalars(
                select(HilfeplanTask)
                .where(HilfeplanTask.meeting_id == row.id, HilfeplanTask.deleted.is_(False))
                .order_by(HilfeplanTask.position)
            )
        )
        return MeetingView(
            id=row.id,
            case_id=row.case_id,
            hilfe_id=row.hilfe_id,
            held_on=row.held_on,
            place=row.place,
            caseworker=row.caseworker,
            participants=_participants(row.participants),
            young_person_name=row.young_person_name,
            young_person_words=row.young_person_words,
            agreed_help_scope=row.agreed_help_scope,
            notes=row.notes,
            next_on=row.next_on,
            previous_id=row.previous_id,
            goals=tuple(goals),
            tasks=tasks,
            previous_held_on=previous_held,
        )

    def next_meeting_input(self, case_id: str, today: dt.date) -> MeetingInput:
        """A new Hilfeplangespräch that starts from the last one (or an empty one).

        It takes the last one's help, participants, young person, goals and still-open
        tasks; the date is today and the next one six months later.
        """
        with self._sf() as s:
            self._live_case(s, case_id)
            last = s.scalars(
                select(HilfeplanMeeting)
                .where(HilfeplanMeeting.case_id == case_id, HilfeplanMeeting.deleted.is_(False))
                .order_by(HilfeplanMeeting.held_on.desc(), HilfeplanMeeting.id.desc())
                .limit(1)
            ).first()
            if last is None:
                running = s.scalars(
                    select(Hilfe)
                    .where(
                        Hilfe.case_id == case_id,
                        Hilfe.deleted.is_(False),
                        Hilfe.end_on.is_(None),
                    )
                    .order_by(Hilfe.start_on.desc())
                    .limit(1)
                ).first()
                return MeetingInput(
                    held_on=today,
                    hilfe_id=running.id if running is not None else None,
                    next_on=next_meeting_on(today),
                )
            view = self._meeting_view(s, last)
        return MeetingInput(
            held_on=today,
            hilfe_id=view.hilfe_id,
            participants=view.participants,
            young_person_name=view.young_person_name,
            young_person_words="",
            agreed_help_scope=view.agreed_help_scope,
            goal_ids=tuple(g.goal_id for g in view.goals),
            # Still-open tasks travel on to the next Hilfeplan.
            tasks=tuple(
                TaskInput(t.who, t.what, t.due_on) for t in view.tasks if t.done_on is None
            ),
            next_on=next_meeting_on(today),
            previous_id=view.id,
            place=view.place,
            caseworker=view.caseworker,
        )

    def meeting_count(self, case_id: str) -> int:
        """How many Hilfeplangespräche the case has."""
        with self._sf() as s:
            return int(
                s.scalar(
                    select(func.count())
                    .select_from(HilfeplanMeeting)
                    .where(HilfeplanMeeting.case_id == case_id, HilfeplanMeeting.deleted.is_(False))
                )
                or 0
            )

    def case_goals(self, case_id: str) -> list[GoalChoice]:
        """The case's Handlungsziele to adopt, newest Zielvereinbarung first."""
        with self._sf() as s:
            rows = s.execute(
                select(ActionGoal, GoalAgreement.agreed_on)
                .join(GoalAgreement, GoalAgreement.id == ActionGoal.agreement_id)
                .where(
                    ActionGoal.case_id == case_id,
                    ActionGoal.deleted.is_(False),
                    GoalAgreement.deleted.is_(False),
                )
                .order_by(GoalAgreement.agreed_on.desc(), ActionGoal.position)
            ).all()
            out = []
            for goal, agreed_on in rows:
                newest = s.scalars(
                    select(GoalReview.status)
                    .where(GoalReview.goal_id == goal.id, GoalReview.deleted.is_(False))
                    .order_by(GoalReview.reviewed_on.desc(), GoalReview.hlc.desc())
                    .limit(1)
                ).first()
                out.append(GoalChoice(goal.id, goal.text, agreed_on, newest or ""))
        return out

    def goal_history(
        self, goal_ids: Iterable[str], since: dt.date | None, until: dt.date
    ) -> dict[str, tuple[GoalReviewLine, ...]]:
        """Each goal's reviews after ``since`` (all without one) up to ``until``, oldest first."""
        ids = list(goal_ids)
        out: dict[str, list[GoalReviewLine]] = {i: [] for i in ids}
        if not ids:
            return {}
        with self._sf() as s:
            stmt = (
                select(GoalReview)
                .where(
                    GoalReview.goal_id.in_(ids),
                    GoalReview.deleted.is_(False),
                    GoalReview.reviewed_on <= until,
                )
                .order_by(GoalReview.reviewed_on, GoalReview.hlc)
            )
            if since is not None:
                stmt = stmt.where(GoalReview.reviewed_on > since)
            for r in s.scalars(stmt):
                out[r.goal_id].append(GoalReviewLine(r.reviewed_on, r.status, r.comment))
        return {k: tuple(v) for k, v in out.items()}
