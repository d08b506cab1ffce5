"""Hilfen (§§ 16, 27 ff., 41 SGB VIII) and the Hilfeplan (§ 36): the pure rules.

The catalogue of kinds an office starts with, their groups, why a help ended, the
cost arithmetic and the periods. Money is held in whole cents (int) and time per week
in minutes (int), so that every figure is exact, portable to any database and the
same on every machine; the arithmetic rounds once, at the end, half up.

Costs: from hours per week and an hourly rate, a month has 52/12 weeks
(``hours x rate x 52 / 12``) and a year 52 weeks; a monthly cost (a flat rate, a
stationary placement) is taken as it is and a year is twelve months. When both are
given, the monthly cost counts (it is what the office pays).
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import re
from dataclasses import dataclass
from fractions import Fraction

#: Weeks in a month for the hourly arithmetic (52 weeks / 12 months).
WEEKS_PER_MONTH = Fraction(52, 12)
WEEKS_PER_YEAR = 52
#: Days of a year for spending over a period (a help costs its yearly cost / 365 a day).
DAYS_PER_YEAR = 365
#: The next Hilfeplangespräch, normally (§ 36 Abs. 2: "regelmäßig"; in practice six months).
NEXT_MEETING_MONTHS = 6


class HelpGroup(enum.StrEnum):
    """Groups of kinds of help, as the Wirkungsbericht counts them.

    Beratung and the Sozialraum's own helps (SHA, Alternative Einzelfallhilfe,
    Familienrat) are no Hilfe zur Erziehung; ambulant, teilstationär and stationär
    are the "Maßnahmen" (measures) of the source's evaluation.
    """

    COUNSELLING = "beratung"
    SOZIALRAUM = "sozialraum"
    AMBULANT = "ambulant"
    DAY_CARE = "teilstationaer"
    RESIDENTIAL = "stationaer"

    @property
    def label(self) -> str:
        """German label for the UI and the reports."""
        return HELP_GROUP_LABELS[self]

    @property
    def is_measure(self) -> bool:
        """True for a Hilfe zur Erziehung (ambulant, teilstationär, stationär)."""
        return self in MEASURE_GROUPS


HELP_GROUP_LABELS: dict[HelpGroup, str] = {
    HelpGroup.COUNSELLING: "Beratung",
    HelpGroup.SOZIALRAUM: "Sozialräumlich / alternativ",
    HelpGroup.AMBULANT: "ambulant",
    HelpGroup.DAY_CARE: "teilstationär",
    HelpGroup.RESIDENTIAL: "stationär",
}
MEASURE_GROUPS = frozenset({HelpGroup.AMBULANT, HelpGroup.DAY_CARE, HelpGroup.RESIDENTIAL})


@dataclass(frozen=True)
class HelpKindSpec:
    """A kind of help: stable code, German name, legal basis and group."""

    code: str
    label: str
    paragraph: str
    group: HelpGroup

    @property
    def display(self) -> str:
        """The name with its paragraph: Sozialpädagogische Familienhilfe (§ 31)."""
        return f"{self.label} ({self.paragraph})" if self.paragraph else self.label


#: The kinds every office starts with (the migration seeds them; an office adds its own).
DEFAULT_HELP_KINDS: tuple[HelpKindSpec, ...] = (
    HelpKindSpec("beratung", "Beratung", "§ 16, § 28", HelpGroup.COUNSELLING),
    HelpKindSpec("sha", "Sozialräumliche Hilfe/Angebot (SHA)", "", HelpGroup.SOZIALRAUM),
    HelpKindSpec("alternative", "Alternative Einzelfallhilfe", "", HelpGroup.SOZIALRAUM),
    HelpKindSpec("familienrat", "Familienrat", "", HelpGroup.SOZIALRAUM),
    HelpKindSpec("sgb8_29", "Soziale Gruppenarbeit", "§ 29", HelpGroup.AMBULANT),
    HelpKindSpec("sgb8_30", "Erziehungsbeistand", "§ 30", HelpGroup.AMBULANT),
    HelpKindSpec("sgb8_31", "Sozialpädagogische Familienhilfe", "§ 31", HelpGroup.AMBULANT),
    HelpKindSpec("sgb8_32", "Tagesgruppe", "§ 32", HelpGroup.DAY_CARE),
    HelpKindSpec("sgb8_33", "Vollzeitpflege", "§ 33", HelpGroup.RESIDENTIAL),
    HelpKindSpec("sgb8_34", "Heimerziehung", "§ 34", HelpGroup.RESIDENTIAL),
    HelpKindSpec(
        "sgb8_35", "Intensive sozialpädagogische Einzelbetreuung", "§ 35", HelpGroup.AMBULANT
    ),
    HelpKindSpec("sgb8_35a", "Eingliederungshilfe", "§ 35a", HelpGroup.AMBULANT),
    HelpKindSpec("sgb8_41", "Hilfe für junge Volljährige", "§ 41", HelpGroup.RESIDENTIAL),
)
DEFAULT_HELP_KIND_CODES = frozenset(k.code for k in DEFAULT_HELP_KINDS)


class EndReason(enum.StrEnum):
    """Why a help ended."""

    GOALS_REACHED = "ziele_erreicht"
    ENDED_BY_FAMILY = "beendet_familie"
    ENDED_BY_OFFICE = "beendet_jugendamt"
    CHANGED = "wechsel"
    MOVED = "umzug"
    OTHER = "sonstiges"

    @property
    def label(self) -> str:
        """German label for the UI and the reports."""
        return END_REASON_LABELS[self]


END_REASON_LABELS: dict[EndReason, str] = {
    EndReason.GOALS_REACHED: "Ziele erreicht",
    EndReason.ENDED_BY_FAMILY: "von der Familie / dem jungen Menschen beendet",
    EndReason.ENDED_BY_OFFICE: "vom Jugendamt beendet",
    EndReason.CHANGED: "Wechsel in eine andere Hilfe",
    EndReason.MOVED: "Umzug / Zuständigkeitswechsel",
    EndReason.OTHER: "anderer Grund",
}


def end_reason(code: str) -> EndReason | None:
    """The ending reason of a stored code, or None for an empty or unknown one."""
    try:
        return EndReason(code)
    except ValueError:
        return None


# --- costs -----------------------------------------------------------------------------


def _round_half_up(value: Fraction) -> int:
    return int((value + Fraction(1, 2)).__floor__()) if value >= 0 else -_round_half_up(-value)


@dataclass(frozen=True)
class HelpCost:
    """What a help costs: minutes per week x hourly rate, or a monthly cost (cents)."""

    minutes_per_week: int | None = None
    hourly_rate_cents: int | None = None
    monthly_cost_cents: int | None = None

    @property
    def _monthly_exact(self) -> Fraction | None:
        if self.monthly_cost_cents is not None:
            return Fraction(self.monthly_cost_cents)
        if self.minutes_per_week is None or self.hourly_rate_cents is None:
            return None
        return Fraction(self.minutes_per_week, 60) * self.hourly_rate_cents * WEEKS_PER_MONTH

    @property
    def per_month_cents(self) -> int | None:
        """Cost per month in cents, or None when not enough is known."""
        exact = self._monthly_exact
        return None if exact is None else _round_half_up(exact)

    @property
    def per_year_cents(self) -> int | None:
        """Cost per year in cents (52 weeks, or twelve monthly costs)."""
        exact = self._monthly_exact
        return None if exact is None else _round_half_up(exact * 12)

    @property
    def by_hours(self) -> bool:
        """True when the cost follows from hours and rate (no monthly cost given)."""
        return self.monthly_cost_cents is None and self._monthly_exact is not None


def spending_cents(
    cost: HelpCost,
    start_on: dt.date,
    end_on: dt.date | None,
    period_from: dt.date,
    period_until: dt.date,
) -> int:
    """What a help cost within a period (both ends included): yearly cost / 365 a day."""
    yearly = cost._monthly_exact
    if yearly is None:
        return 0
    days = overlap_days(start_on, end_on, period_from, period_until)
    return _round_half_up(yearly * 12 * days / DAYS_PER_YEAR)


# --- periods ---------------------------------------------------------------------------


def running_on(start_on: dt.date, end_on: dt.date | None, day: dt.date) -> bool:
    """True when a help is running on that day (started, and not ended before it)."""
    return start_on <= day and (end_on is None or end_on >= day)


def began_between(start_on: dt.date, after: dt.date, until: dt.date) -> bool:
    """True when a help began after the first reference day and up to the second."""
    return after < start_on <= until


def overlap_days(
    start_on: dt.date, end_on: dt.date | None, period_from: dt.date, period_until: dt.date
) -> int:
    """Days a help ran within a period, both ends included (0 when it did not)."""
    first = max(start_on, period_from)
    last = period_until if end_on is None else min(end_on, period_until)
    return max(0, (last - first).days + 1)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day some months later (the month's last day where it has fewer)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def next_meeting_on(held_on: dt.date) -> dt.date:
    """The date a Hilfeplangespräch proposes for the next one: six months later."""
    return add_months(held_on, NEXT_MEETING_MONTHS)


def duration_text(start_on: dt.date, end_on: dt.date | None, today: dt.date) -> str:
    """How long a help ran or runs so far: "7 Monate", "1 Jahr 2 Monate", "3 Wochen"."""
    last = end_on or today
    if last < start_on:
        return "beginnt am " + start_on.strftime("%d.%m.%Y")
    months = (last.year - start_on.year) * 12 + last.month - start_on.month
    if last.day < start_on.day:
        months -= 1
    if months <= 0:
        weeks = (last - start_on).days // 7
        return "1 Woche" if weeks == 1 else f"{weeks} Wochen"
    years, rest = divmod(months, 12)
    parts = []
    if years:
        parts.append("1 Jahr" if years == 1 else f"{years} Jahre")
    if rest:
        parts.append("1 Monat" if rest == 1 else f"{rest} Monate")
    return " ".join(parts)


# --- input and output in German notation ---------------------------------------------

_NUMBER = re.compile(r"^\d{1,7}(?:[.,]\d{1,2})?$")
_GROUPED = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?$")


def _hundredths(text: str) -> int | None:
    value = text.strip().replace("€", "").replace("EUR", "").replace("\u00a0", "").strip()
    value = value.replace(" ", "")
    if not value:
        return None
    if _GROUPED.match(value):
        value = value.replace(".", "")
    elif not _NUMBER.match(value):
        raise ValueError(text)
    whole, _, frac = value.replace(",", ".").partition(".")
    return int(whole) * 100 + int((frac + "00")[:2])


def parse_euros(text: str) -> int | None:
    """Cents of "52,30", "52.30", "1.234,50 €" or "60"; None for empty; ValueError otherwise."""
    return _hundredths(text)


def parse_hours(text: str) -> int | None:
    """Minutes of "4,5", "4.5" or "6" hours; None for empty; ValueError otherwise."""
    hundredths = _hundredths(text)
    if hundredths is None:
        return None
    return _round_half_up(Fraction(hundredths * 60, 100))


def format_euros(cents: int | None) -> str:
    """Cents as 1.234,56 €; empty for None."""
    if cents is None:
        return ""
    sign = "-" if cents < 0 else ""
    whole, rest = divmod(abs(cents), 100)
    return f"{sign}{whole:,}".replace(",", ".") + f",{rest:02d} €"


def format_hours(minutes: int | None) -> str:
    """Minutes as hours: 4,5 for 270 minutes, 6 for 360; empty for None."""
    if minutes is None:
        return ""
    hundredths = _round_half_up(Fraction(minutes * 100, 60))
    whole, rest = divmod(hundredths, 100)
    if rest == 0:
        return str(whole)
    return f"{whole},{rest:02d}".rstrip("0")


def hilfe_problems(
    kind: str,
    start_on: dt.date | None,
    planned_end_on: dt.date | None,
    end_on: dt.date | None,
    end_reason_code: str,
    cost: HelpCost,
) -> dict[str, str]:
    """Why a help cannot be stored, by field, in German that says what to do."""
    problems: dict[str, str] = {}
    if not kind.strip():
        problems["kind"] = "Bitte die Art der Hilfe wählen."
    if start_on is None:
        problems["start_on"] = "Bitte angeben, seit wann die Hilfe läuft (Beginn)."
    else:
        if planned_end_on is not None and planned_end_on < start_on:
            problems["planned_end_on"] = (
                "Das geplante Ende liegt vor dem Beginn. Bitte ein späteres Datum wählen."
            )
        if end_on is not None and end_on < start_on:
            problems["end_on"] = "Das Ende liegt vor dem Beginn. Bitte ein späteres Datum wählen."
    if end_on is not None and end_reason(end_reason_code) is None:
        problems["end_reason"] = "Bitte angeben, warum die Hilfe geendet hat."
    if end_on is None and end_reason_code:
        problems["end_reason"] = (
            "Ein Grund für das Ende braucht ein Enddatum. Bitte das Ende eintragen "
            "oder den Grund leeren."
        )
    for name, value in (
        ("minutes_per_week", cost.minutes_per_week),
        ("hourly_rate_cents", cost.hourly_rate_cents),
        ("monthly_cost_cents", cost.monthly_cost_cents),
    ):
        if value is not None and value < 0:
            problems[name] = "Bitte keine negativen Werte eintragen."
    if cost.minutes_per_week is not None and cost.minutes_per_week > 168 * 60:
        problems["minutes_per_week"] = "Eine Woche hat 168 Stunden. Bitte die Stunden prüfen."
    return problems
