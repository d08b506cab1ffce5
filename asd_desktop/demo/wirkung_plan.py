"""The Bremen-Walle demo of the Wirkungsbericht, planned as plain data (no database).

A pilot district, Walle, and a city around it. For each kind of help the plan
fixes how many helps run on 1 January 2011 and on 31 December 2012 on each side;
the generator spreads their starts and ends over the years and draws their costs.
Two helps per side get their monthly cost fitted so that the spending of 2012
against 2011 changes as in the source (−5,04 % and +4,51 %). Nothing here stores a
percentage: the report computes every figure from the helps' dates and costs.

The counts reproduce the source's table (ESPQ Zweijahresbericht 2011–2012):

======================  ===========  ===========
                        Walle        Bremen
======================  ===========  ===========
ambulant                100 → 71     228 → 246
  davon SPFH (§ 31)      46 → 22      63 → 66
stationär                63 → 59      78 → 84
Maßnahmen insgesamt     176 → 144    319 → 344
Beratung                 21 → 36      80 → 88
Alternative EFH          10 → 22      37 → 76
Fälle insgesamt         208 → 210    450 → 525
======================  ===========  ===========
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass, replace
from fractions import Fraction

from asd_desktop.domain.wirkung import HelpRow, Side, aggregate

BASELINE = dt.date(2011, 1, 1)
UNTIL = dt.date(2012, 12, 31)
PILOT_DISTRICT = "Walle"
PILOT_TEAM = "Junge Menschen Walle"
#: The city's other districts (the comparison: the rest of the database).
CITY_DISTRICTS = ("Gröpelingen", "Findorff", "Mitte", "Neustadt", "Vegesack", "Obervieland")
CITY = "Bremen"
#: The spending change 2011 → 2012 the source reports, as ratios.
PILOT_RATIO = 1 - 0.0504
CITY_RATIO = 1 + 0.0451
#: Walle's spending in 2011, so that −9,55 % are about 600.000 euros.
PILOT_LEVEL = 6_270_000.0
#: What the project itself cost (staff, training, evaluation), for the net effect.
PROJECT_COSTS = (240_000.0, 50_000.0, 30_000.0)
MEASURE_GROUPS = ("ambulant", "teilstationaer", "stationaer")
GROUP_OF = {
    "beratung": "beratung",
    "sha": "sozialraum",
    "alternative": "sozialraum",
    "familienrat": "sozialraum",
    "sgb8_29": "ambulant",
    "sgb8_30": "ambulant",
    "sgb8_31": "ambulant",
    "sgb8_35": "ambulant",
    "sgb8_35a": "ambulant",
    "sgb8_32": "teilstationaer",
    "sgb8_33": "stationaer",
    "sgb8_34": "stationaer",
    "sgb8_41": "stationaer",
}


@dataclass(frozen=True)
class KindPlan:
    """How many helps of one kind run on each reference day, and what one costs."""

    kind: str
    baseline: int
    until: int
    #: Monthly cost range in euros (a placement), or None when paid by the hour.
    monthly: tuple[int, int] | None = None
    #: Hours per week range (Fachleistungsstunden) and the hourly rate in cents.
    hours: tuple[int, int] | None = None
    rate_cents: int = 0


#: Walle: fewer ambulant measures, far more counselling and alternative help.
PILOT_PLAN: tuple[KindPlan, ...] = (
    KindPlan("beratung", 21, 36),
    KindPlan("sha", 1, 5, monthly=(150, 400)),
    KindPlan("alternative", 10, 22, monthly=(350, 900)),
    KindPlan("familienrat", 0, 3, monthly=(900, 1400)),
    KindPlan("sgb8_29", 10, 8, hours=(2, 4), rate_cents=5200),
    KindPlan("sgb8_30", 30, 28, hours=(3, 6), rate_cents=5600),
    KindPlan("sgb8_31", 46, 22, hours=(5, 10), rate_cents=5800),
    KindPlan("sgb8_35a", 14, 13, hours=(3, 8), rate_cents=6000),
    KindPlan("sgb8_32", 13, 14, monthly=(2600, 3400)),
    KindPlan("sgb8_33", 18, 17, monthly=(1000, 1600)),
    KindPlan("sgb8_34", 45, 42, monthly=(5200, 7600)),
)
#: The city: a little more of everything.
CITY_PLAN: tuple[KindPlan, ...] = (
    KindPlan("beratung", 80, 88),
    KindPlan("sha", 10, 12, monthly=(150, 400)),
    KindPlan("alternative", 37, 76, monthly=(350, 900)),
    KindPlan("familienrat", 4, 5, monthly=(900, 1400)),
    KindPlan("sgb8_29", 20, 23, hours=(2, 4), rate_cents=5200),
    KindPlan("sgb8_30", 90, 97, hours=(3, 6), rate_cents=5600),
    KindPlan("sgb8_31", 63, 66, hours=(5, 10), rate_cents=5800),
    KindPlan("sgb8_35", 10, 10, hours=(8, 14), rate_cents=6200),
    KindPlan("sgb8_35a", 45, 50, hours=(3, 8), rate_cents=6000),
    KindPlan("sgb8_32", 13, 14, monthly=(2600, 3400)),
    KindPlan("sgb8_33", 20, 22, monthly=(1000, 1600)),
    KindPlan("sgb8_34", 50, 54, monthly=(5200, 7600)),
    KindPlan("sgb8_41", 8, 8, monthly=(3800, 5200)),
)


@dataclass(frozen=True)
class PlannedHelp:
    """One help of the demo, before it is written: its case by number, never by name."""

    side: Side
    case_number: int
    district: str
    kind: str
    start: dt.date
    end: dt.date | None
    monthly_cost_cents: int | None = None
    minutes_per_week: int | None = None
    hourly_rate_cents: int | None = None

    @property
    def monthly_euros(self) -> float:
        """Euros a month: the monthly cost, or hours x rate x 52/12."""
        if self.monthly_cost_cents is not None:
            return self.monthly_cost_cents / 100
        if self.minutes_per_week is None or self.hourly_rate_cents is None:
            return 0.0
        return float(
            Fraction(self.minutes_per_week, 60) * self.hourly_rate_cents * Fraction(52, 12) / 100
        )

    def row(self) -> HelpRow:
        """The help as the report counts it."""
        return HelpRow(
            GROUP_OF[self.kind],
            self.kind,
            f"{self.side.value}-{self.case_number}",
            self.side,
            self.start,
            self.end,
            self.monthly_euros,
        )


def _day(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randint(0, (last - first).days))


class _Planner:
    """Spreads each kind's helps over the years and numbers their cases."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.helps: list[PlannedHelp] = []
        self.number = 0

    def side(
        self,
        side: Side,
        plan: Sequence[KindPlan],
        districts: Sequence[str],
        ends_from: dt.date,
        starts_until: dt.date,
    ) -> None:
        self.ends_from, self.starts_until = ends_from, starts_until
        for kind in plan:
            self._kind(side, kind, districts)

    def _kind(self, side: Side, plan: KindPlan, districts: Sequence[str]) -> None:
        rng = self.rng
        ended = min(plan.baseline, max(plan.baseline - plan.until, round(0.35 * plan.baseline)))
        kept = plan.baseline - ended
        new_running = plan.until - kept
        new_ended = round(0.2 * new_running)
        spans: list[tuple[dt.date, dt.date | None]] = []
        for index in range(plan.baseline):
            start = _day(rng, dt.date(2007, 3, 1), dt.date(2010, 12, 20))
            if index < ended:
                end: dt.date | None = _day(rng, self.ends_from, dt.date(2012, 12, 10))
            else:
                end = _day(rng, dt.date(2013, 1, 15), dt.date(2015, 6, 30))
            spans.append((start, end))
        for _ in range(new_running):
            start = _day(rng, dt.date(2011, 1, 10), self.starts_until)
            spans.append((start, _day(rng, dt.date(2013, 2, 1), dt.date(2016, 6, 30))))
        for _ in range(new_ended):
            start = _day(rng, dt.date(2011, 1, 10), dt.date(2012, 6, 30))
            spans.append((start, start + dt.timedelta(days=rng.randint(60, 170))))
        for start, end in spans:
            self.number += 1
            self.helps.append(
                PlannedHelp(
                    side=side,
                    case_number=self.number,
                    district=rng.choice(districts),
                    kind=plan.kind,
                    start=start,
                    end=end,
                    **self._cost(plan),
                )
            )

    def _cost(self, plan: KindPlan) -> dict[str, int | None]:
        rng = self.rng
        if plan.monthly is not None:
            low, high = plan.monthly
            return {"monthly_cost_cents": rng.randint(low, high) * 100}
        if plan.hours is not None:
            low, high = plan.hours
            # Half hours, as Fachleistungsstunden are granted.
            return {
                "minutes_per_week": rng.randint(low * 2, high * 2) * 30,
                "hourly_rate_cents": plan.rate_cents,
            }
        return {}


def _spending(helps: Sequence[PlannedHelp], side: Side) -> tuple[float, float]:
    data = aggregate([h.row() for h in helps if h.side is side], BASELINE, UNTIL, MEASURE_GROUPS)
    return data.spending[(side, 2011)], data.spending[(side, 2012)]


def _scaled(h: PlannedHelp, factor: float) -> PlannedHelp:
    if h.monthly_cost_cents is not None:
        return replace(h, monthly_cost_cents=round(h.monthly_cost_cents * factor))
    if h.hourly_rate_cents is not None:
        return replace(h, hourly_rate_cents=round(h.hourly_rate_cents * factor))
    return h


def _fit(helps: list[PlannedHelp], side: Side, ratio: float, level: float | None) -> None:
    """Fit the side's costs so that 2012 against 2011 changes by ``ratio``.

    The helps begun in between are priced by one factor (new contracts at new
    rates), then, when ``level`` is given, every help by another so that 2011 spends
    about ``level`` euros; last one placement begun in 2012 takes the rounding.
    """
    mine = [i for i, h in enumerate(helps) if h.side is side]
    new = [i for i in mine if helps[i].start > BASELINE]
    old_2011, old_2012 = _spending([h for i, h in enumerate(helps) if i not in new], side)
    new_2011, new_2012 = _spending([helps[i] for i in new], side)
    factor = (ratio * old_2011 - old_2012) / (new_2012 - ratio * new_2011)
    for i in new:
        helps[i] = _scaled(helps[i], factor)
    if level is not None:
        first, _ = _spending(helps, side)
        for i in mine:
            helps[i] = _scaled(helps[i], level / first)
    last = next(i for i in new if helps[i].kind == "sgb8_34" and helps[i].start.year == 2012)
    b = helps[last]
    ends = b.end if b.end is not None and b.end.year == 2012 else dt.date(2012, 12, 31)
    per_euro = 12 * ((ends - b.start).days + 1) / 365
    first, second = _spending(helps, side)
    wanted = b.monthly_euros + (ratio * first - second) / per_euro
    helps[last] = replace(b, monthly_cost_cents=round(wanted * 100))


def plan_helps(seed: int = 2011) -> tuple[PlannedHelp, ...]:
    """Every help of the Walle demo, the same for the same seed."""
    planner = _Planner(seed)
    # In Walle the old helps ended over both years while new ones began mostly in
    # the first; in the city both spread evenly.
    planner.side(
        Side.PILOT, PILOT_PLAN, (PILOT_DISTRICT,), dt.date(2011, 9, 1), dt.date(2012, 3, 31)
    )
    planner.side(
        Side.COMPARISON, CITY_PLAN, CITY_DISTRICTS, dt.date(2011, 1, 20), dt.date(2012, 12, 10)
    )
    helps = planner.helps
    _fit(helps, Side.PILOT, PILOT_RATIO, PILOT_LEVEL)
    _fit(helps, Side.COMPARISON, CITY_RATIO, None)
    return tuple(helps)
