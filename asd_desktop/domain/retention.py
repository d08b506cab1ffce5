"""Retention rules: when a closed case is due for deletion (§ 84 SGB X).

Pure rules, no storage: the service gathers the dates of a case (closed, the last help
ended, the children's birthdays, a legal hold) and asks :func:`deletion_date`.

Defaults and their basis (the office changes them under Einstellungen → Aufbewahrung):

* § 84 Abs. 2 SGB X: social data are deleted once they are no longer needed for the
  task they were collected for and no protected interest of the person is harmed.
  § 84 Abs. 3 SGB X: where deletion would harm such interests or a legal duty to keep
  applies, processing is restricted instead: this is the legal hold (Löschsperre),
  which stops the clock with a written reason.
* The Jugendamt's retention rules (Aktenordnung / Aufbewahrungsbestimmungen of the
  municipality, following the KGSt recommendations): ASD case files are kept ten years,
  counted from the end of the year in which the case was closed or the last help
  ended, whichever is later.
* A young person may ask for their own file when of age (Art. 15 GDPR, § 25 SGB X;
  § 9b AdVermiG is the extreme case for adoption files, not covered here): by default
  the file is kept at least until the youngest child of the case has been of age for
  three years (21st birthday, end of that year).

Open cases never fall due. These are defaults; they must be checked against the office's
own Aktenordnung, and an office may set its own clock and years.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from dataclasses import dataclass

#: The age of majority (§ 2 BGB).
MAJORITY_AGE = 18
MIN_YEARS, MAX_YEARS = 1, 30


class RetentionClock(enum.StrEnum):
    """What starts the retention clock."""

    CASE_CLOSED = "fall_abgeschlossen"
    LAST_HELP_ENDED = "hilfe_beendet"
    LATER_OF_BOTH = "spaeteres"
    CHILD_MAJORITY = "volljaehrigkeit"

    @property
    def label(self) -> str:
        """German label for the settings and the case."""
        return CLOCK_LABELS[self]


CLOCK_LABELS: dict[RetentionClock, str] = {
    RetentionClock.CASE_CLOSED: "Abschluss des Falls",
    RetentionClock.LAST_HELP_ENDED: "Ende der letzten Hilfe (sonst Abschluss des Falls)",
    RetentionClock.LATER_OF_BOTH: "Abschluss des Falls oder Ende der letzten Hilfe, je nachdem, "
    "was später ist",
    RetentionClock.CHILD_MAJORITY: "Volljährigkeit des jüngsten Kindes (frühestens Abschluss)",
}


@dataclass(frozen=True)
class RetentionRules:
    """An office's retention rules; the defaults are documented in the module docstring."""

    clock: RetentionClock = RetentionClock.LATER_OF_BOTH
    years: int = 10
    #: Count from the end of the year the clock started in (usual for files).
    to_year_end: bool = True
    #: Keep at least until the youngest child has been of age this many years (None: off).
    after_majority_years: int | None = 3


@dataclass(frozen=True)
class CaseDates:
    """What the rules need to know of one case."""

    closed_on: dt.date | None
    #: The end of the last help; None when no help ended (or none was recorded).
    last_help_end: dt.date | None = None
    #: True while a help of the case still runs: the clock has not started.
    help_running: bool = False
    child_birthdays: tuple[dt.date, ...] = ()
    legal_hold_reason: str = ""


@dataclass(frozen=True)
class Retention:
    """The deletion date of a case, or why it has none, and how it was found."""

    due_on: dt.date | None
    #: One German line for the case and the list: "Löschen ab 31.12.2036 (…)".
    explanation: str
    held: bool = False

    def is_due(self, today: dt.date) -> bool:
        """Whether the case may be deleted now (a held case never is)."""
        return not self.held and self.due_on is not None and self.due_on <= today


def _plus_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _year_end(day: dt.date) -> dt.date:
    return dt.date(day.year, 12, 31)


def majority_of(birthdays: Iterable[dt.date]) -> dt.date | None:
    """The day the youngest child comes of age, or None without children's birthdays."""
    youngest = max(birthdays, default=None)
    return _plus_years(youngest, MAJORITY_AGE) if youngest else None


def clock_start(rules: RetentionRules, dates: CaseDates) -> tuple[dt.date | None, str]:
    """The day the clock starts and its German name, or (None, why not)."""
    if dates.closed_on is None:
        return None, "Fall ist offen"
    if dates.help_running and rules.clock is not RetentionClock.CASE_CLOSED:
        return None, "eine Hilfe läuft noch"
    help_end = dates.last_help_end
    if rules.clock is RetentionClock.CASE_CLOSED:
        return dates.closed_on, "Abschluss des Falls"
    if rules.clock is RetentionClock.LAST_HELP_ENDED:
        if help_end is None:
            return dates.closed_on, "Abschluss des Falls (keine beendete Hilfe erfasst)"
        return help_end, "Ende der letzten Hilfe"
    if rules.clock is RetentionClock.LATER_OF_BOTH:
        if help_end is not None and help_end > dates.closed_on:
            return help_end, "Ende der letzten Hilfe"
        return dates.closed_on, "Abschluss des Falls"
    majority = majority_of(dates.child_birthdays)
    if majority is None:
        return dates.closed_on, "Abschluss des Falls (kein Geburtsdatum eines Kindes erfasst)"
    if majority < dates.closed_on:
        return dates.closed_on, "Abschluss des Falls"
    return majority, "Volljährigkeit des jüngsten Kindes"


def deletion_date(rules: RetentionRules, dates: CaseDates) -> Retention:
    """When a case is due for deletion under ``rules``, with a German explanation."""
    if dates.legal_hold_reason.strip():
        return Retention(None, f"Löschsperre: {dates.legal_hold_reason.strip()}", held=True)
    start, what = clock_start(rules, dates)
    if start is None:
        return Retention(None, f"Keine Löschfrist: {what}")
    base = _year_end(start) if rules.to_year_end else start
    due = _plus_years(base, rules.years)
    why = f"{rules.years} Jahre nach {what} ({start:%d.%m.%Y})"
    if rules.to_year_end:
        why += ", ab Jahresende"
    if rules.after_majority_years is not None:
        majority = majority_of(dates.child_birthdays)
        if majority is not None:
            floor = _plus_years(majority, rules.after_majority_years)
            floor = _year_end(floor) if rules.to_year_end else floor
            if floor > due:
                due = floor
                why = (
                    f"jüngstes Kind {MAJORITY_AGE + rules.after_majority_years} Jahre alt "
                    f"({floor:%d.%m.%Y}); sonst {why}"
                )
    return Retention(due + dt.timedelta(days=1) if rules.to_year_end else due, why)


def validate_rules(rules: RetentionRules) -> list[str]:
    """German messages for rules that cannot be used (empty when fine)."""
    problems = []
    if not MIN_YEARS <= rules.years <= MAX_YEARS:
        problems.append(
            f"Die Aufbewahrungsfrist muss zwischen {MIN_YEARS} und {MAX_YEARS} Jahren liegen."
        )
    extra = rules.after_majority_years
    if extra is not None and not 0 <= extra <= MAX_YEARS:
        problems.append(
            f"Die Jahre nach der Volljährigkeit müssen zwischen 0 und {MAX_YEARS} liegen."
        )
    return problems


def rules_from_mapping(raw: object) -> RetentionRules:
    """Rules from stored JSON; anything unreadable falls back to the default."""
    default = RetentionRules()
    if not isinstance(raw, dict):
        return default
    try:
        clock = RetentionClock(raw.get("clock", default.clock))
    except ValueError:
        clock = default.clock
    years = raw.get("years")
    extra = raw.get("after_majority_years", default.after_majority_years)
    rules = RetentionRules(
        clock=clock,
        years=years if type(years) is int else default.years,
        to_year_end=raw.get("to_year_end") is not False,
        after_majority_years=extra if extra is None or type(extra) is int else 3,
    )
    return rules if not validate_rules(rules) else default


__all__ = [
    "CLOCK_LABELS",
    "CaseDates",
    "Retention",
    "RetentionClock",
    "RetentionRules",
    "clock_start",
    "deletion_date",
    "majority_of",
    "rules_from_mapping",
    "validate_rules",
]
