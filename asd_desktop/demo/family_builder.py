"""A small builder in which the hand-written demo families are written."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from asd_desktop.demo.specs import CaseSpec, ConsultationSpec, CouncilSpec, InstrumentSpec
from asd_desktop.domain.enums import (
    Area,
    ContactKind,
    Role,
    Salutation,
)
from asd_desktop.services.cases import (
    AreaInput,
    CaseInput,
    ContactInput,
    PersonInput,
)
from asd_desktop.services.goals import (
    GoalDraft,
    ReviewInput,
)


def parent_salutation(roles: tuple[Role, ...]) -> Salutation:
    """Frau for a mother, Herr for a father; no salutation for anyone else."""
    if Role.MOTHER in roles:
        return Salutation.MS
    if Role.FATHER in roles:
        return Salutation.MR
    return Salutation.NONE


def born(today: dt.date, age: int, month: int, day: int) -> dt.date:
    """The birth date on ``month``/``day`` of someone who is ``age`` years old ``today``."""
    year = today.year - age - (1 if (month, day) > (today.month, today.day) else 0)
    return dt.date(year, month, day)


@dataclass
class FamilyBuilder:
    """Builder for one hand-written case; dates are days before ``today``."""

    today: dt.date
    file_number: str
    family_name: str
    caseworker: str
    opened_days_ago: int
    description: str
    persons: list[PersonInput] = field(default_factory=list)
    areas: list[AreaInput] = field(default_factory=list)
    contacts: list[ContactInput] = field(default_factory=list)
    corrections: list[tuple[int, ContactInput]] = field(default_factory=list)
    closed_days_ago: int | None = None
    goals: GoalDraft | None = None
    goal_reviews: list[tuple[int, ReviewInput]] = field(default_factory=list)
    council: CouncilSpec | None = None

    def day(self, days_ago: int) -> dt.date:
        """The date ``days_ago`` days before ``today``."""
        return self.today - dt.timedelta(days=days_ago)

    def person(
        self,
        first: str,
        last: str,
        roles: tuple[Role, ...],
        *,
        age: tuple[int, int, int] | None = None,
        address: str = "",
        phone: str = "",
        languages: str = "Deutsch",
        interpreter: bool = False,
        institution: str = "",
        salutation: Salutation | None = None,
    ) -> None:
        """Add a person of the family or its surroundings.

        Mothers are addressed as Frau, fathers as Herr, unless ``salutation`` says otherwise.
        """
        self.persons.append(
            PersonInput(
                last_name=last,
                first_name=first,
                birth_date=born(self.today, *age) if age else None,
                address=address,
                phone=phone,
                languages=languages,
                interpreter_needed=interpreter,
                roles=roles,
                institution=institution,
                salutation=salutation if salutation is not None else parent_salutation(roles),
            )
        )

    def area(self, area: Area, days_ago: int, reason: str, decided_by: str) -> None:
        """Add an area assignment (Leistungs-, Grau- or Gefährdungsbereich)."""
        self.areas.append(AreaInput(area, self.day(days_ago), reason, decided_by))

    def contact(
        self,
        days_ago: int,
        at: str,
        kind: ContactKind,
        minutes: int,
        present: str,
        place: str,
        note: str,
        next_step: str = "",
        due_in: int | None = None,
    ) -> None:
        """Add a contact entry, ``days_ago`` days ago at ``at`` (HH:MM)."""
        self.contacts.append(
            self._contact(days_ago, at, kind, minutes, present, place, note, next_step, due_in)
        )

    def correct(
        self,
        index: int,
        days_ago: int,
        at: str,
        kind: ContactKind,
        minutes: int,
        present: str,
        place: str,
        note: str,
        next_step: str = "",
        due_in: int | None = None,
    ) -> None:
        """Add a correction of the contact at ``index``."""
        value = self._contact(days_ago, at, kind, minutes, present, place, note, next_step, due_in)
        self.corrections.append((index, value))

    def _contact(
        self,
        days_ago: int,
        at: str,
        kind: ContactKind,
        minutes: int,
        present: str,
        place: str,
        note: str,
        next_step: str,
        due_in: int | None,
    ) -> ContactInput:
        hour, minute = (int(part) for part in at.split(":"))
        when = dt.datetime.combine(self.day(days_ago), dt.time(hour, minute))
        return ContactInput(
            occurred_at=when,
            kind=kind,
            duration_minutes=minutes,
            present=present,
            place=place,
            note=note,
            next_step=next_step,
            next_step_due=self.today + dt.timedelta(days=due_in) if due_in is not None else None,
        )

    def spec(
        self,
        consultations: tuple[ConsultationSpec, ...] = (),
        instruments: InstrumentSpec | None = None,
    ) -> CaseSpec:
        """The finished case, with the consultations and instruments written for it."""
        return CaseSpec(
            case=CaseInput(
                file_number=self.file_number,
                family_name=self.family_name,
                opened_on=self.day(self.opened_days_ago),
                caseworker=self.caseworker,
                description=self.description,
            ),
            areas=tuple(self.areas),
            persons=tuple(self.persons),
            contacts=tuple(self.contacts),
            corrections=tuple(self.corrections),
            closed_on=self.day(self.closed_days_ago) if self.closed_days_ago is not None else None,
            caseworker=self.caseworker,
            goals=self.goals,
            goal_reviews=tuple(self.goal_reviews),
            council=self.council,
            consultations=consultations,
            instruments=instruments,
        )
