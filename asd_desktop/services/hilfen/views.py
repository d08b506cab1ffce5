"""What the Hilfen service takes and returns: plain frozen values, no ORM rows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from asd_desktop.domain.hilfen import (
    EndReason,
    HelpCost,
    HelpGroup,
    end_reason,
    running_on,
)


@dataclass(frozen=True)
class HelpKindView:
    """A kind of help of the office's list."""

    code: str
    label: str
    paragraph: str
    group: HelpGroup
    active: bool
    position: int

    @property
    def display(self) -> str:
        """The name with its paragraph: Sozialpädagogische Familienhilfe (§ 31)."""
        return f"{self.label} ({self.paragraph})" if self.paragraph else self.label


@dataclass(frozen=True)
class HilfeInput:
    """A help as the caseworker enters it (money in cents, time in minutes per week)."""

    kind: str
    start_on: dt.date | None
    provider: str = ""
    catalog_entry_id: str | None = None
    planned_end_on: dt.date | None = None
    end_on: dt.date | None = None
    end_reason: str = ""
    minutes_per_week: int | None = None
    hourly_rate_cents: int | None = None
    monthly_cost_cents: int | None = None
    consultation_id: str | None = None
    notes: str = ""

    @property
    def cost(self) -> HelpCost:
        """Its cost figures."""
        return HelpCost(self.minutes_per_week, self.hourly_rate_cents, self.monthly_cost_cents)


@dataclass(frozen=True)
class HilfeView:
    """A stored help with what follows from it."""

    id: str
    case_id: str
    kind: str
    kind_label: str
    paragraph: str
    group: HelpGroup | None
    provider: str
    catalog_entry_id: str | None
    start_on: dt.date
    planned_end_on: dt.date | None
    end_on: dt.date | None
    end_reason: str
    minutes_per_week: int | None
    hourly_rate_cents: int | None
    monthly_cost_cents: int | None
    consultation_id: str | None
    notes: str

    @property
    def cost(self) -> HelpCost:
        """Its cost figures (per month and per year follow)."""
        return HelpCost(self.minutes_per_week, self.hourly_rate_cents, self.monthly_cost_cents)

    @property
    def kind_display(self) -> str:
        """The name with its paragraph: Sozialpädagogische Familienhilfe (§ 31)."""
        return f"{self.kind_label} ({self.paragraph})" if self.paragraph else self.kind_label

    @property
    def ending(self) -> EndReason | None:
        """Why it ended, or None while it runs."""
        return end_reason(self.end_reason)

    def running_on(self, day: dt.date) -> bool:
        """True when it runs on that day."""
        return running_on(self.start_on, self.end_on, day)

    def as_input(self) -> HilfeInput:
        """The values to edit it."""
        return HilfeInput(
            kind=self.kind,
            start_on=self.start_on,
            provider=self.provider,
            catalog_entry_id=self.catalog_entry_id,
            planned_end_on=self.planned_end_on,
            end_on=self.end_on,
            end_reason=self.end_reason,
            minutes_per_week=self.minutes_per_week,
            hourly_rate_cents=self.hourly_rate_cents,
            monthly_cost_cents=self.monthly_cost_cents,
            consultation_id=self.consultation_id,
            notes=self.notes,
        )


@dataclass(frozen=True)
class Participant:
    """Someone who took part in a Hilfeplangespräch (and signs it)."""

    name: str
    role: str = ""


@dataclass(frozen=True)
class TaskInput:
    """Who does what by when."""

    who: str
    what: str
    due_on: dt.date | None = None


@dataclass(frozen=True)
class TaskView:
    """A stored task of a Hilfeplangespräch."""

    id: str
    meeting_id: str
    position: int
    who: str
    what: str
    due_on: dt.date | None
    done_on: dt.date | None
    done_by: str


@dataclass(frozen=True)
class MeetingInput:
    """A Hilfeplangespräch as the caseworker records it."""

    held_on: dt.date | None
    hilfe_id: str | None = None
    participants: tuple[Participant, ...] = ()
    young_person_name: str = ""
    young_person_words: str = ""
    agreed_help_scope: str = ""
    #: Ids of the Handlungsziele it adopts (from the case's Zielvereinbarung), in order.
    goal_ids: tuple[str, ...] = ()
    tasks: tuple[TaskInput, ...] = ()
    next_on: dt.date | None = None
    previous_id: str | None = None
    place: str = ""
    caseworker: str = ""
    notes: str = ""


@dataclass(frozen=True)
class GoalReviewLine:
    """One review of a Handlungsziel: when, what status, what was said."""

    reviewed_on: dt.date
    status: str
    comment: str


@dataclass(frozen=True)
class AdoptedGoal:
    """A Handlungsziel adopted by a Hilfeplangespräch, read from the goal itself."""

    goal_id: str
    text: str
    indicator: str
    due_on: dt.date | None
    involved: str
    #: Its reviews since the previous Hilfeplangespräch (up to this one), oldest first.
    reviews: tuple[GoalReviewLine, ...] = ()
    #: The newest status overall ("" when never reviewed).
    status: str = ""


@dataclass(frozen=True)
class MeetingView:
    """A stored Hilfeplangespräch with its goals and tasks."""

    id: str
    case_id: str
    hilfe_id: str | None
    held_on: dt.date
    place: str
    caseworker: str
    participants: tuple[Participant, ...]
    young_person_name: str
    young_person_words: str
    agreed_help_scope: str
    notes: str
    next_on: dt.date | None
    previous_id: str | None
    goals: tuple[AdoptedGoal, ...] = ()
    tasks: tuple[TaskView, ...] = ()
    #: The held_on of the previous Hilfeplangespräch, if any.
    previous_held_on: dt.date | None = None

    def as_input(self) -> MeetingInput:
        """The values to edit it."""
        return MeetingInput(
            held_on=self.held_on,
            hilfe_id=self.hilfe_id,
            participants=self.participants,
            young_person_name=self.young_person_name,
            young_person_words=self.young_person_words,
            agreed_help_scope=self.agreed_help_scope,
            goal_ids=tuple(g.goal_id for g in self.goals),
            tasks=tuple(TaskInput(t.who, t.what, t.due_on) for t in self.tasks),
            next_on=self.next_on,
            previous_id=self.previous_id,
            place=self.place,
            caseworker=self.caseworker,
            notes=self.notes,
        )


@dataclass(frozen=True)
class GoalChoice:
    """A Handlungsziel a Hilfeplangespräch may adopt."""

    goal_id: str
    text: str
    agreed_on: dt.date
    #: Its newest review status ("" when never reviewed).
    status: str


@dataclass(frozen=True)
class CasePlace:
    """Where a case belongs, by name (the Wirkungsbericht groups by them)."""

    team: str = ""
    sozialraum: str = ""
    district: str = ""


@dataclass(frozen=True)
class PreparedHilfe:
    """What a Kollegiale Beratung that decided a HzE prepares: a help and a first Hilfeplan."""

    hilfe: HilfeInput
    meeting: MeetingInput
    consultation_id: str
    #: Kind codes that matched the consultation's words ("" when none did).
    matched_kind: str = ""
    notes: list[str] = field(default_factory=list)
