"""What the printed Hilfeplan shows, from the stored Hilfeplangespräch and its help."""

from __future__ import annotations

import datetime as dt

from asd_desktop.domain.enums import GoalStatus
from asd_desktop.domain.hilfen import format_euros, format_hours
from asd_desktop.reports.hilfeplan import (
    HilfeplanPrint,
    PlanGoalPrint,
    PlanParticipant,
    PlanTaskPrint,
    ReviewPrint,
)
from asd_desktop.services.hilfen.views import HilfeView, MeetingView

_STATUS = {s.value: s.label for s in GoalStatus}


def _date(value: dt.date) -> str:
    return value.strftime("%d.%m.%Y")


def help_period(hilfe: HilfeView) -> str:
    """The period in words: seit 02.03.2026, geplant bis 01.03.2027 (or from … bis …)."""
    if hilfe.end_on is not None:
        return f"{_date(hilfe.start_on)} bis {_date(hilfe.end_on)}"
    text = f"seit {_date(hilfe.start_on)}"
    if hilfe.planned_end_on is not None:
        text += f", geplant bis {_date(hilfe.planned_end_on)}"
    return text


def help_amount(hilfe: HilfeView) -> str:
    """Hours per week in words (the printed scope names time, not money)."""
    if hilfe.minutes_per_week is None:
        return ""
    return f"{format_hours(hilfe.minutes_per_week)} Fachleistungsstunden pro Woche"


def help_cost_line(hilfe: HilfeView) -> str:
    """Costs per month and per year in words (for the screen, not the print)."""
    cost = hilfe.cost
    if cost.per_month_cents is None:
        return ""
    return (
        f"{format_euros(cost.per_month_cents)} im Monat · "
        f"{format_euros(cost.per_year_cents)} im Jahr"
    )


def hilfeplan_print(
    meeting: MeetingView, hilfe: HilfeView | None, file_number: str, family_name: str
) -> HilfeplanPrint:
    """What the printed Hilfeplan shows."""
    return HilfeplanPrint(
        file_number=file_number,
        family_name=family_name,
        held_on=meeting.held_on,
        participants=tuple(PlanParticipant(p.name, p.role) for p in meeting.participants),
        place=meeting.place,
        caseworker=meeting.caseworker,
        young_person_name=meeting.young_person_name,
        young_person_words=meeting.young_person_words,
        help_kind=hilfe.kind_display if hilfe else "",
        provider=hilfe.provider if hilfe else "",
        help_period=help_period(hilfe) if hilfe else "",
        help_hours=help_amount(hilfe) if hilfe else "",
        agreed_help_scope=meeting.agreed_help_scope,
        goals=tuple(
            PlanGoalPrint(
                text=g.text,
                indicator=g.indicator,
                due_on=g.due_on,
                involved=g.involved,
                reviews=tuple(
                    ReviewPrint(r.reviewed_on, _STATUS.get(r.status, r.status), r.comment)
                    for r in g.reviews
                ),
            )
            for g in meeting.goals
        ),
        tasks=tuple(PlanTaskPrint(t.who, t.what, t.due_on) for t in meeting.tasks),
        next_on=meeting.next_on,
        previous_held_on=meeting.previous_held_on,
        notes=meeting.notes,
    )
