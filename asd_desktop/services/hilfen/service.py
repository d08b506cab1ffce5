"""Record the helps a case receives and its Hilfeplangespräche.

Every change is one transaction with its audit entry. A help is never deleted by an
edit: ending it records the end date and the reason; removing a help entered by
mistake makes it a tombstone (it travels as such), as everywhere in the application.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from asd_desktop.domain.enums import DocumentKind
from asd_desktop.domain.hilfen import (
    DEFAULT_HELP_KINDS,
    HelpGroup,
    hilfe_problems,
    next_meeting_on,
)
from asd_desktop.domain.office import Office
from asd_desktop.models.case import Case
from asd_desktop.models.consultation import Consultation
from asd_desktop.models.errors import NotFoundError, ValidationError
from asd_desktop.models.goals import ActionGoal, GoalAgreement, GoalReview
from asd_desktop.models.hilfen import (
    HelpKind,
    Hilfe,
    HilfeplanGoal,
    HilfeplanMeeting,
    HilfeplanTask,
)
from asd_desktop.models.sozialraum import CatalogEntry
from asd_desktop.reports.hilfeplan import render_hilfeplan
from asd_desktop.services import audit
from asd_desktop.services.documents import DocumentService, DocumentView
from asd_desktop.services.hilfen.documents import hilfeplan_print
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


class HilfeAction:
    """Names of audited actions (stored; not shown raw)."""

    ADDED = "hilfe_added"
    CHANGED = "hilfe_changed"
    REMOVED = "hilfe_removed"
    MEETING_RECORDED = "hilfeplan_recorded"
    MEETING_CHANGED = "hilfeplan_changed"
    KIND_SAVED = "help_kind_saved"
    CASE_PLACE = "case_place_changed"


_GROUPS = {g.value: g for g in HelpGroup}
_FALLBACK_KINDS = {k.code: k for k in DEFAULT_HELP_KINDS}


def _group(code: str) -> HelpGroup | None:
    return _GROUPS.get(code)


def kind_view(row: HelpKind) -> HelpKindView:
    """A kind row as the service returns it."""
    return HelpKindView(
        code=row.code,
        label=row.label,
        paragraph=row.paragraph,
        group=_GROUPS.get(row.group, HelpGroup.AMBULANT),
        active=row.active,
        position=row.position,
    )


def _kinds_by_code(s: Session) -> dict[str, HelpKind]:
    rows = s.scalars(select(HelpKind).where(HelpKind.deleted.is_(False)))
    return {r.code: r for r in rows}


def hilfe_view(row: Hilfe, kinds: dict[str, HelpKind]) -> HilfeView:
    """A help row as the service returns it, with its kind's name."""
    kind = kinds.get(row.kind)
    if kind is not None:
        label, paragraph, group = kind.label, kind.paragraph, _group(kind.group)
    elif row.kind in _FALLBACK_KINDS:
        spec = _FALLBACK_KINDS[row.kind]
        label, paragraph, group = spec.label, spec.paragraph, spec.group
    else:
        label, paragraph, group = row.kind, "", None
    return HilfeView(
        id=row.id,
        case_id=row.case_id,
        kind=row.kind,
        kind_label=label,
        paragraph=paragraph,
        group=group,
        provider=row.provider,
        catalog_entry_id=row.catalog_entry_id,
        start_on=row.start_on,
        planned_end_on=row.planned_end_on,
        end_on=row.end_on,
        end_reason=row.end_reason,
        minutes_per_week=row.minutes_per_week,
        hourly_rate_cents=row.hourly_rate_cents,
        monthly_cost_cents=row.monthly_cost_cents,
        consultation_id=row.consultation_id,
        notes=row.notes,
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


class HilfeService:
    """Hilfen, their kinds, the Hilfeplangespräche, and where a case belongs."""

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        device_id: str,
        user: str = "",
        office: Callable[[], Office] = Office,
    ) -> None:
        self._sf = session_factory
        self._device = device_id
        self.user = user
        self._office = office

    # --- kinds ---------------------------------------------------------------------

    def kinds(self, include_inactive: bool = False) -> list[HelpKindView]:
        """The office's kinds of help, by group and position."""
        order = list(HelpGroup)
        with self._sf() as s:
            rows = [kind_view(r) for r in _kinds_by_code(s).values()]
        if not include_inactive:
            rows = [r for r in rows if r.active]
        return sorted(rows, key=lambda k: (order.index(k.group), k.position, k.label))

    def save_kind(
        self, code: str, label: str, paragraph: str, group: HelpGroup, active: bool = True
    ) -> HelpKindView:
        """Add an office's own kind of help, or change one (its code stays)."""
        code, label = code.strip(), label.strip()
        problems: dict[str, str] = {}
        if not code:
            problems["code"] = "Bitte ein Kürzel eintragen (etwa »eigen_schulbegleitung«)."
        elif len(code) > 40:
            problems["code"] = "Bitte das Kürzel kürzer fassen (höchstens 40 Zeichen)."
        if not label:
            problems["label"] = "Bitte die Bezeichnung der Hilfe eintragen."
        if problems:
            raise ValidationError(problems)
        with self._sf.begin() as s:
            kinds = _kinds_by_code(s)
            row = kinds.get(code)
            if row is None:
                position = max((k.position for k in kinds.values()), default=0) + 10
                row = HelpKind(code=code, position=position)
                s.add(row)
            row.label, row.paragraph = label, paragraph.strip()
            row.group, row.active = group.value, active
            s.flush()
            audit.append(s, self._device, HilfeAction.KIND_SAVED, None, code)
            return kind_view(row)

    # --- helps ---------------------------------------------------------------------

    def _check(self, s: Session, value: HilfeInput) -> None:
        problems = hilfe_problems(
            value.kind,
            value.start_on,
            value.planned_end_on,
            value.end_on,
            value.end_reason,
            value.cost,
        )
        if "kind" not in problems and value.kind not in _kinds_by_code(s):
            problems["kind"] = "Diese Art der Hilfe gibt es nicht. Bitte aus der Liste wählen."
        if len(value.provider) > 300:
            problems["provider"] = "Bitte den Träger kürzer fassen (höchstens 300 Zeichen)."
        if problems:
            raise ValidationError(problems)

    @staticmethod
    def _live_case(s: Session, case_id: str) -> Case:
        case = s.get(Case, case_id)
        if case is None or case.deleted:
            raise NotFoundError("Der Fall wurde nicht gefunden.")
        return case

    @staticmethod
    def _fill(row: Hilfe, value: HilfeInput) -> None:
        assert value.start_on is not None
        row.kind = value.kind
        row.provider = value.provider.strip()
        row.catalog_entry_id = value.catalog_entry_id
        row.start_on = value.start_on
        row.planned_end_on = value.planned_end_on
        row.end_on = value.end_on
        row.end_reason = value.end_reason if value.end_on is not None else ""
        row.minutes_per_week = value.minutes_per_week
        row.hourly_rate_cents = value.hourly_rate_cents
        row.monthly_cost_cents = value.monthly_cost_cents
        row.consultation_id = value.consultation_id
        row.notes = value.notes.strip()

    def add_hilfe(self, case_id: str, value: HilfeInput) -> HilfeView:
        """Store a new help of a case."""
        with self._sf.begin() as s:
            self._live_case(s, case_id)
            self._check(s, value)
            if value.consultation_id is not None:
                c = s.get(Consultation, value.consultation_id)
                if c is None or c.case_id != case_id:
                    raise NotFoundError("Die Kollegiale Beratung wurde nicht gefunden.")
            row = Hilfe(case_id=case_id)
            self._fill(row, value)
            s.add(row)
            s.flush()
            audit.append(s, self._device, HilfeAction.ADDED, case_id, row.id)
            return hilfe_view(row, _kinds_by_code(s))

    def update_hilfe(self, hilfe_id: str, value: HilfeInput) -> HilfeView:
        """Change a help (also to end it: end date and reason)."""
        with self._sf.begin() as s:
            row = s.get(Hilfe, hilfe_id)
            if row is None or row.deleted:
                raise NotFoundError("Die Hilfe wurde nicht gefunden.")
            self._check(s, value)
            self._fill(row, value)
            s.flush()
            audit.append(s, self._device, HilfeAction.CHANGED, row.case_id, row.id)
            return hilfe_view(row, _kinds_by_code(s))

    def end_hilfe(self, hilfe_id: str, end_on: dt.date, reason: str) -> HilfeView:
        """End a running help on a day, for a reason."""
        current = self.hilfe(hilfe_id)
        value = current.as_input()
        return self.update_hilfe(
            hilfe_id,
            HilfeInput(**{**value.__dict__, "end_on": end_on, "end_reason": reason}),
        )

    def remove_hilfe(self, hilfe_id: str) -> None:
        """Remove a help entered by mistake (a tombstone; its Hilfeplangespräche stay)."""
        with self._sf.begin() as s:
            row = s.get(Hilfe, hilfe_id)
            if row is None or row.deleted:
                raise NotFoundError("Die Hilfe wurde nicht gefunden.")
            for meeting in s.scalars(
                select(HilfeplanMeeting).where(
                    HilfeplanMeeting.hilfe_id == hilfe_id, HilfeplanMeeting.deleted.is_(False)
                )
            ):
                meeting.hilfe_id = None
            row.deleted = True
            audit.append(s, self._device, HilfeAction.REMOVED, row.case_id, row.id)

    def hilfe(self, hilfe_id: str) -> HilfeView:
        """One help."""
        with self._sf() as s:
            row = s.get(Hilfe, hilfe_id)
            if row is None or row.deleted:
                raise NotFoundError("Die Hilfe wurde nicht gefunden.")
            return hilfe_view(row, _kinds_by_code(s))

    def hilfen(self, case_id: str) -> list[HilfeView]:
        """A case's helps: running ones first, then by start, newest first."""
        with self._sf() as s:
            kinds = _kinds_by_code(s)
            rows = [
                hilfe_view(r, kinds)
                for r in s.scalars(
                    select(Hilfe).where(Hilfe.case_id == case_id, Hilfe.deleted.is_(False))
                )
            ]
        return sorted(rows, key=lambda h: (h.end_on is not None, -h.start_on.toordinal(), h.id))

    # --- where a case belongs ------------------------------------------------------

    def case_place(self, case_id: str) -> CasePlace:
        """The case's team, Sozialraum and district."""
        with self._sf() as s:
            case = self._live_case(s, case_id)
            return CasePlace(case.team or "", case.sozialraum or "", case.district or "")

    def set_case_place(self, case_id: str, place: CasePlace) -> CasePlace:
        """Set the case's team, Sozialraum and district (empty clears)."""
        with self._sf.begin() as s:
            case = self._live_case(s, case_id)
            case.team = place.team.strip() or None
            case.sozialraum = place.sozialraum.strip() or None
            case.district = place.district.strip() or None
            audit.append(s, self._device, HilfeAction.CASE_PLACE, case_id)
            return CasePlace(case.team or "", case.sozialraum or "", case.district or "")

    def place_names(self) -> CasePlace:
        """Not used for one case: every known name, joined by newlines, for completers."""
        with self._sf() as s:
            names = []
            for column in (Case.team, Case.sozialraum, Case.district):
                values = s.scalars(
                    select(column).where(column.is_not(None), Case.deleted.is_(False)).distinct()
                )
                names.append("\n".join(sorted(v for v in values if v)))
        return CasePlace(*names)

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

    # --- the printed Hilfeplan -----------------------------------------------------

    def print_hilfeplan(self, meeting_id: str) -> DocumentView:
        """Render the Hilfeplan of a stored Hilfeplangespräch and keep it with its hash."""
        meeting = self.meeting(meeting_id)
        hilfe = self.hilfe(meeting.hilfe_id) if meeting.hilfe_id else None
        with self._sf() as s:
            case = self._live_case(s, meeting.case_id)
            file_number, family_name = case.file_number, case.family_name
        data = hilfeplan_print(meeting, hilfe, file_number, family_name)
        content = render_hilfeplan(replace(data, office=self._office()))
        return DocumentService(self._sf, self._device, office=self._office).store(
            meeting.case_id,
            DocumentKind.HILFEPLAN,
            f"Hilfeplan vom {meeting.held_on:%d.%m.%Y}",
            content,
            source_id=meeting.id,
            document_date=meeting.held_on,
        )

    # --- what the dialogs offer ----------------------------------------------------

    def providers(self) -> list[tuple[str, str | None]]:
        """Providers to choose from, each name once, sorted.

        The Sozialraum catalogue's entries (name, id), then the names already used for
        helps (name, None).
        """
        with self._sf() as s:
            found: dict[str, str | None] = {}
            for entry_id, name in s.execute(
                select(CatalogEntry.id, CatalogEntry.name).where(CatalogEntry.deleted.is_(False))
            ):
                found.setdefault(str(name), str(entry_id))
            for (name,) in s.execute(
                select(Hilfe.provider)
                .where(Hilfe.deleted.is_(False), Hilfe.provider != "")
                .distinct()
            ):
                found.setdefault(str(name), None)
        return sorted(found.items(), key=lambda kv: kv[0].casefold())

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

    # --- from the Kollegiale Beratung ----------------------------------------------

    def decided_without_hilfe(self, case_id: str) -> list[tuple[str, dt.date, str]]:
        """Closed consultations that decided a HzE with no help yet: (id, held_on, kind text)."""
        with self._sf() as s:
            linked = select(Hilfe.consultation_id).where(
                Hilfe.consultation_id.is_not(None), Hilfe.deleted.is_(False)
            )
            rows = s.execute(
                select(Consultation.id, Consultation.held_on, Consultation.hze_kind)
                .where(
                    Consultation.case_id == case_id,
                    Consultation.deleted.is_(False),
                    Consultation.hze_decided.is_(True),
                    Consultation.closed.is_(True),
                    Consultation.id.not_in(linked),
                )
                .order_by(Consultation.held_on.desc())
            ).all()
        return [(str(r[0]), r[1], str(r[2] or "")) for r in rows]

    def prepare_from_consultation(self, consultation_id: str) -> PreparedHilfe:
        """The help and the first Hilfeplan a consultation's HzE decision prepares.

        The kind is read from the consultation's words ("SPFH", "§ 31", "Tagesgruppe");
        the help starts on the day of the consultation; the Hilfeplan adopts the
        Handlungsziele of the case's newest Zielvereinbarung and meets again in six
        months. Nothing is stored: the caseworker checks and saves.
        """
        with self._sf() as s:
            c = s.get(Consultation, consultation_id)
            if c is None or c.deleted:
                raise NotFoundError("Die Kollegiale Beratung wurde nicht gefunden.")
            kinds = [kind_view(k) for k in _kinds_by_code(s).values() if k.active]
            code = match_kind(c.hze_kind, kinds)
            newest = s.scalars(
                select(GoalAgreement)
                .where(GoalAgreement.case_id == c.case_id, GoalAgreement.deleted.is_(False))
                .order_by(GoalAgreement.agreed_on.desc(), GoalAgreement.id.desc())
                .limit(1)
            ).first()
            goal_ids: tuple[str, ...] = ()
            if newest is not None:
                goal_ids = tuple(
                    s.scalars(
                        select(ActionGoal.id)
                        .where(ActionGoal.agreement_id == newest.id, ActionGoal.deleted.is_(False))
                        .order_by(ActionGoal.position)
                    )
                )
            held_on, hze_kind = c.held_on, c.hze_kind
            presenter = c.presenter
        hilfe = HilfeInput(
            kind=code,
            start_on=held_on,
            consultation_id=consultation_id,
            notes=f"Beschlossen in der Kollegialen Beratung vom {held_on:%d.%m.%Y}"
            + (f": {hze_kind.strip()}" if hze_kind.strip() else ""),
        )
        meeting = MeetingInput(
            held_on=held_on,
            goal_ids=goal_ids,
            agreed_help_scope=hze_kind.strip(),
            next_on=next_meeting_on(held_on),
            caseworker=presenter,
        )
        return PreparedHilfe(hilfe, meeting, consultation_id, matched_kind=code)

    def case_of_consultation(self, consultation_id: str) -> str:
        """The case a consultation belongs to."""
        with self._sf() as s:
            c = s.get(Consultation, consultation_id)
            if c is None or c.deleted:
                raise NotFoundError("Die Kollegiale Beratung wurde nicht gefunden.")
            return c.case_id


#: Everyday words for the kinds of help (lower case) and the code they mean.
_KIND_WORDS = (
    ("spfh", "sgb8_31"),
    ("familienhilfe", "sgb8_31"),
    ("erziehungsbeist", "sgb8_30"),
    ("betreuungshelf", "sgb8_30"),
    ("gruppenarbeit", "sgb8_29"),
    ("tagesgruppe", "sgb8_32"),
    ("pflegefamilie", "sgb8_33"),
    ("vollzeitpflege", "sgb8_33"),
    ("heim", "sgb8_34"),
    ("wohngruppe", "sgb8_34"),
    ("einzelbetreuung", "sgb8_35"),
    ("eingliederung", "sgb8_35a"),
    ("volljährig", "sgb8_41"),
    ("alternative", "alternative"),
    ("familienrat", "familienrat"),
    ("erziehungsberatung", "beratung"),
)
_PARAGRAPH = re.compile(r"§\s*(\d+\s*a?)", re.IGNORECASE)


def match_kind(words: str, kinds: Iterable[HelpKindView]) -> str:
    """The code of the kind a consultation's words name ("" when none matches)."""
    known = list(kinds)
    codes = {k.code for k in known}
    text = words.casefold()
    for found in _PARAGRAPH.findall(words):
        number = found.replace(" ", "").lower()
        for k in known:
            numbers = {p.replace(" ", "").lower() for p in _PARAGRAPH.findall(k.paragraph)}
            if number in numbers and k.group.is_measure:
                return k.code
    for k in known:
        if k.label.casefold() in text:
            return k.code
    for word, code in _KIND_WORDS:
        if word in text and code in codes:
            return code
    return ""
