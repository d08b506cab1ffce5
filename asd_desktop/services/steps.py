"""Open steps (Wiedervorlage): a next step from a contact or one entered by hand.

A step stays open until a person says it is done; a later contact never closes or
hides it. Correcting a contact replaces that contact's still-open steps with the
correction's (the old ones become tombstones); steps already done stay as they are.
Marking done and reopening go through :class:`~asd_desktop.services.deadlines.DeadlineService`,
which handles every kind of dated item alike.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from asd_desktop.domain.enums import StepActor
from asd_desktop.models.case import Case, Contact
from asd_desktop.models.errors import NotFoundError, ValidationError
from asd_desktop.models.steps import Step
from asd_desktop.services import audit


class StepAction:
    """Names of audited step actions (stored; not shown raw)."""

    ADDED = "step_added"
    DONE = "step_done"
    REOPENED = "step_reopened"


@dataclass(frozen=True)
class StepInput:
    """A step entered by hand: what, who, by when."""

    text: str
    due_on: dt.date | None = None
    actor: StepActor = StepActor.CASEWORKER
    #: Who exactly, in the caseworker's words ("Mutter", "Kita Sonnenblume"); may be empty.
    actor_name: str = ""


@dataclass(frozen=True)
class StepView:
    """A stored step."""

    id: str
    case_id: str
    contact_id: str | None
    text: str
    actor: StepActor
    actor_name: str
    due_on: dt.date | None
    done_on: dt.date | None
    done_by: str

    @property
    def done(self) -> bool:
        """True once a person said it is done."""
        return self.done_on is not None


def step_problems(value: StepInput) -> dict[str, str]:
    """Why a step cannot be stored, by field (the dialog calls it too)."""
    problems: dict[str, str] = {}
    if not value.text.strip():
        problems["text"] = "Bitte beschreiben, was zu tun ist."
    if len(value.actor_name) > 200:
        problems["actor_name"] = "Bitte den Namen kürzer fassen (höchstens 200 Zeichen)."
    return problems


_ACTORS = {a.value: a for a in StepActor}


def step_view(row: Step) -> StepView:
    """A step row as the service returns it."""
    return StepView(
        id=row.id,
        case_id=row.case_id,
        contact_id=row.contact_id,
        text=row.text,
        actor=_ACTORS.get(row.actor, StepActor.CASEWORKER),
        actor_name=row.actor_name,
        due_on=row.due_on,
        done_on=row.done_on,
        done_by=row.done_by,
    )


def step_from_contact(
    contact: Contact, actor: StepActor = StepActor.CASEWORKER, actor_name: str = ""
) -> Step | None:
    """The step a freshly recorded contact agreed (not yet added), or None without one."""
    if not contact.next_step:
        return None
    return Step(
        case_id=contact.case_id,
        contact_id=contact.id,
        text=contact.next_step,
        actor=actor.value,
        actor_name=actor_name.strip(),
        due_on=contact.next_step_due,
        done_on=None,
        done_by="",
    )


def retire_open_steps(s: Session, contact_id: str) -> int:
    """Tombstone the still-open steps of a corrected contact; done steps stay. Returns the count."""
    count = 0
    for row in s.scalars(
        select(Step).where(
            Step.contact_id == contact_id, Step.deleted.is_(False), Step.done_on.is_(None)
        )
    ):
        row.deleted = True
        count += 1
    return count


class StepService:
    """Add steps by hand and list a case's steps; marking done is in DeadlineService."""

    def __init__(
        self, session_factory: sessionmaker[Session], device_id: str, user: str = ""
    ) -> None:
        self._sf = session_factory
        self._device = device_id
        self.user = user

    def add_step(self, case_id: str, value: StepInput) -> StepView:
        """Store a step entered by hand (no contact)."""
        problems = step_problems(value)
        if problems:
            raise ValidationError(problems)
        with self._sf.begin() as s:
            case = s.get(Case, case_id)
            if case is None or case.deleted:
                raise NotFoundError("Der Fall wurde nicht gefunden.")
            row = Step(
                case_id=case_id,
                contact_id=None,
                text=value.text.strip(),
                actor=value.actor.value,
                actor_name=value.actor_name.strip(),
                due_on=value.due_on,
                done_on=None,
                done_by="",
            )
            s.add(row)
            s.flush()
            audit.append(s, self._device, StepAction.ADDED, case_id, row.id)
            return step_view(row)

    def steps(self, case_id: str, include_done: bool = False) -> list[StepView]:
        """The case's steps: open ones by due date (undated last), then done ones if asked."""
        with self._sf() as s:
            stmt = select(Step).where(Step.case_id == case_id, Step.deleted.is_(False))
            if not include_done:
                stmt = stmt.where(Step.done_on.is_(None))
            rows = [step_view(r) for r in s.scalars(stmt)]
        return sorted(
            rows,
            key=lambda v: (v.done, v.due_on is None, v.due_on or dt.date.min, v.text),
        )
