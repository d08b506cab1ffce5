"""Which heading a date falls under in "Termine und Fristen"; pure Python, no Qt."""

from __future__ import annotations

import datetime as dt
import enum


class DueGroup(enum.Enum):
    """The headings of the list, in the order they are shown."""

    OVERDUE = "Überfällig"
    TODAY = "Heute"
    THIS_WEEK = "Diese Woche"
    LATER = "Später"

    @property
    def label(self) -> str:
        """The heading as the list shows it."""
        return str(self.value)


def week_start(day: dt.date) -> dt.date:
    """The Monday of the week ``day`` lies in."""
    return day - dt.timedelta(days=day.weekday())


def group_of(due_on: dt.date, today: dt.date) -> DueGroup:
    """The heading of an open item due on ``due_on``; the week ends on Sunday."""
    if due_on < today:
        return DueGroup.OVERDUE
    if due_on == today:
        return DueGroup.TODAY
    if due_on < week_start(today) + dt.timedelta(days=7):
        return DueGroup.THIS_WEEK
    return DueGroup.LATER


def count_text(n: int, one: str, many: str) -> str:
    """``n`` with the noun in singular or plural ("1 Termin", "3 Termine")."""
    return f"{n} {one if n == 1 else many}"


def due_status_text(due_today: int, overdue: int) -> str:
    """What the main window's status bar says about the day after unlocking."""
    return (
        f"Heute fällig: {due_today} · Überfällig: {overdue} — Strg+T zeigt die Termine und Fristen"
    )
