"""Proposed dates on working days: weekends and the federal state's public holidays move on.

Pure rules over the ``holidays`` package (pure Python, no data from outside): a review
or Folge-Rat proposed "in three months" that falls on a Saturday, a Sunday or a public
holiday of the office's federal state moves to the next working day, and the reason is
said in German.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from asd_desktop.domain.german import MONTHS, WEEKDAYS

#: The German federal states by their official two-letter codes (ISO 3166-2:DE).
FEDERAL_STATES: dict[str, str] = {
    "BW": "Baden-Württemberg",
    "BY": "Bayern",
    "BE": "Berlin",
    "BB": "Brandenburg",
    "HB": "Bremen",
    "HH": "Hamburg",
    "HE": "Hessen",
    "MV": "Mecklenburg-Vorpommern",
    "NI": "Niedersachsen",
    "NW": "Nordrhein-Westfalen",
    "RP": "Rheinland-Pfalz",
    "SL": "Saarland",
    "SN": "Sachsen",
    "ST": "Sachsen-Anhalt",
    "SH": "Schleswig-Holstein",
    "TH": "Thüringen",
}
DEFAULT_STATE = "HH"


@dataclass(frozen=True)
class DateProposal:
    """A proposed date and, when it was moved, why (German, for the wizard)."""

    day: dt.date
    reason: str | None = None


def state_problem(state: str) -> str | None:
    """Why ``state`` is not a federal state code, or None."""
    if state in FEDERAL_STATES:
        return None
    codes = ", ".join(sorted(FEDERAL_STATES))
    return f"»{state}« ist kein Bundesland-Kürzel. Bitte eines davon angeben: {codes}."


@lru_cache(maxsize=64)
def _holidays(state: str, year: int) -> dict[dt.date, str]:
    # Imported on first use: loading the package's calendars costs a tenth of a second at start.
    import holidays

    found = holidays.country_holidays("DE", subdiv=state, years=year, language="de")
    return dict(found.items())


def holiday_name(day: dt.date, state: str = DEFAULT_STATE) -> str | None:
    """The public holiday on ``day`` in ``state`` (German name), or None."""
    if state not in FEDERAL_STATES:
        state = DEFAULT_STATE
    return _holidays(state, day.year).get(day)


def is_working_day(day: dt.date, state: str = DEFAULT_STATE) -> bool:
    """Monday to Friday and no public holiday of ``state``."""
    return day.weekday() < 5 and holiday_name(day, state) is None


def german_day(day: dt.date) -> str:
    """``3. Oktober`` (the year is clear from the proposal)."""
    return f"{day.day}. {MONTHS[day.month - 1]}"


def next_working_day(day: dt.date, state: str = DEFAULT_STATE) -> tuple[dt.date, str | None]:
    """``day`` itself if it is a working day, else the next one and the German reason.

    The reason names why ``day`` itself is not one: "Der 3. Oktober ist ein Feiertag
    (Tag der Deutschen Einheit); vorgeschlagen ist der nächste Werktag."
    """
    if is_working_day(day, state):
        return day, None
    holiday = holiday_name(day, state)
    if holiday is not None:
        why = f"Der {german_day(day)} ist ein Feiertag ({holiday})"
    else:
        why = f"Der {german_day(day)} ist ein {WEEKDAYS[day.weekday()]}"
    moved = day + dt.timedelta(days=1)
    while not is_working_day(moved, state):
        moved += dt.timedelta(days=1)
    return moved, f"{why}; vorgeschlagen ist der nächste Werktag."


def propose(day: dt.date, state: str = DEFAULT_STATE) -> DateProposal:
    """``day`` moved to a working day, with the reason when it moved."""
    moved, reason = next_working_day(day, state)
    return DateProposal(moved, reason)
