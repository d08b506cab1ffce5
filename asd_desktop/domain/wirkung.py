"""The Wirkungsbericht's arithmetic: running measures, their change, spending, the adjusted effect.

Pure Python, as the ESPQ evaluation of Bremen-Walle (2011-2012) counted: the
measures running on two reference days in a pilot group and a comparison group,
by kind and by group of kinds; the change in percent; the measures begun in
between; the spending per calendar year (cost-days within the year) and its
change; the "adjusted" effect (the pilot's change minus the comparison's, in
percentage points and in euros of the pilot's first year, less the project's own
costs); and the method's indicators. Any cell counting fewer than three cases is
shown as ``< 3`` (:data:`SUPPRESSED`), so the report never points at a family.

The service aggregates in SQL (:class:`Aggregates`); :func:`aggregate` computes
the same from plain help tuples and is the reference the tests hold it to.
"""

from __future__ import annotations

import csv
import datetime as dt
import enum
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

#: Cells counting fewer than this many cases are not shown.
MIN_CELL = 3
#: What a suppressed cell shows.
SUPPRESSED = "< 3"
#: A help costs its yearly cost / 365 a day (domain.hilfen.spending_cents counts the same).
DAYS_PER_YEAR = 365
#: What a change that cannot be computed (no baseline, a suppressed cell) shows.
NO_VALUE = "–"


class Side(enum.StrEnum):
    """Which of the two compared groups a case belongs to."""

    PILOT = "pilot"
    COMPARISON = "vergleich"


class RowLevel(enum.StrEnum):
    """How a measure row is built: one kind, one group of kinds, or a total."""

    KIND = "art"
    GROUP = "gruppe"
    TOTAL = "summe"


class HelpRow(NamedTuple):
    """One help as the report sees it: no names, only what it counts."""

    group: str
    kind: str
    case_id: str
    side: Side
    start: dt.date
    #: The last day of the help; None while it runs.
    end: dt.date | None
    #: Euros per month.
    monthly_cost: float


@dataclass(frozen=True)
class KindInfo:
    """A kind of help with its group and German label, in the order the report lists them."""

    code: str
    group: str
    label: str


@dataclass(frozen=True)
class GroupInfo:
    """A group of kinds (Beratung, ambulant, teilstationär, stationär) with its label."""

    code: str
    label: str
    #: Counselling cases are cases, not measures (Kostenfälle): left out of "Maßnahmen".
    counts_as_measure: bool = True


@dataclass(frozen=True)
class Tally:
    """Counts of one row on one side: running on each reference day, begun in between."""

    baseline: int = 0
    until: int = 0
    begun: int = 0

    def __add__(self, other: Tally) -> Tally:
        """The counts of both (for rows that sum kinds)."""
        return Tally(
            self.baseline + other.baseline, self.until + other.until, self.begun + other.begun
        )


@dataclass(frozen=True)
class Aggregates:
    """What the database gives the report, per side: counted, never listed."""

    #: (side, group, kind) → tally of helps.
    by_kind: Mapping[tuple[Side, str, str], Tally]
    #: side → tally of distinct cases with any help (all cases, counselling included).
    cases: Mapping[Side, Tally]
    #: (side, year) → euros spent on measures in that calendar year.
    spending: Mapping[tuple[Side, int], float]
    #: side → distinct cases with measure costs in the compared years.
    spending_cases: Mapping[Side, int]


@dataclass(frozen=True)
class ProjectCosts:
    """What the project itself cost, entered by the office (euros over the whole period)."""

    staff: float = 0.0
    training: float = 0.0
    evaluation: float = 0.0

    @property
    def total(self) -> float:
        """All three together."""
        return self.staff + self.training + self.evaluation


@dataclass(frozen=True)
class Share:
    """How many of a number of events had a property (an indicator on one side)."""

    hits: int = 0
    total: int = 0

    @property
    def suppressed(self) -> bool:
        """Whether too few cases stand behind it (or behind its hits) to show it."""
        return 0 < self.total < MIN_CELL or 0 < self.hits < MIN_CELL

    @property
    def percent(self) -> float | None:
        """The share in percent; None without events or when suppressed."""
        if self.total == 0 or self.suppressed:
            return None
        return 100.0 * self.hits / self.total


@dataclass(frozen=True)
class IndicatorRow:
    """One of the method's own indicators on both sides."""

    key: str
    label: str
    pilot: Share
    comparison: Share


@dataclass(frozen=True)
class MeasureRow:
    """One line of the table: a kind, a group or a total, on both sides."""

    key: str
    label: str
    level: RowLevel
    pilot: Tally
    comparison: Tally

    def tally(self, side: Side) -> Tally:
        """The counts of ``side``."""
        return self.pilot if side is Side.PILOT else self.comparison


@dataclass(frozen=True)
class Spending:
    """One side's spending on measures per calendar year."""

    years: tuple[int, ...]
    euros: tuple[float, ...]
    cases: int

    @property
    def suppressed(self) -> bool:
        """Whether the sums rest on fewer than three cases."""
        return 0 < self.cases < MIN_CELL

    @property
    def change(self) -> float | None:
        """The change from the first to the last year, in percent."""
        if self.suppressed or len(self.euros) < 2 or self.euros[0] <= 0:
            return None
        return 100.0 * (self.euros[-1] - self.euros[0]) / self.euros[0]


@dataclass(frozen=True)
class Effect:
    """The source's "adjusted" effect: the pilot's change against the comparison's trend."""

    #: Pilot change minus comparison change, in percentage points (negative: less spent).
    adjusted_points: float | None
    #: What those points are of the pilot's first-year spending (negative: less spent).
    adjusted_euros: float | None
    project_costs: ProjectCosts

    @property
    def saved_gross(self) -> float | None:
        """Euros saved against the comparison's trend (positive: less spent)."""
        return None if self.adjusted_euros is None else -self.adjusted_euros

    @property
    def saved_net(self) -> float | None:
        """Euros saved after the project's own costs."""
        gross = self.saved_gross
        return None if gross is None else gross - self.project_costs.total


@dataclass(frozen=True)
class WirkungReport:
    """The whole Wirkungsbericht: what the window, the PDF, the CSV and the command show."""

    pilot_label: str
    comparison_label: str
    baseline: dt.date
    until: dt.date
    rows: tuple[MeasureRow, ...]
    pilot_spending: Spending
    comparison_spending: Spending
    effect: Effect
    indicators: tuple[IndicatorRow, ...] = field(default=())

    def row(self, key: str) -> MeasureRow:
        """The row with ``key`` (a kind code, ``gruppe:<code>``, or a total's key)."""
        for row in self.rows:
            if row.key == key:
                return row
        raise KeyError(key)

    def spending(self, side: Side) -> Spending:
        """The spending of ``side``."""
        return self.pilot_spending if side is Side.PILOT else self.comparison_spending


#: Keys of the two total rows.
MEASURES_KEY = "summe:massnahmen"
CASES_KEY = "summe:faelle"


def group_key(code: str) -> str:
    """The row key of a group of kinds."""
    return f"gruppe:{code}"


# --- the reference days and the years -------------------------------------------------------


def running_on(start: dt.date, end: dt.date | None, day: dt.date) -> bool:
    """Whether a help from ``start`` to ``end`` (last day; None: open) runs on ``day``."""
    return start <= day and (end is None or end >= day)


def begun_between(start: dt.date, baseline: dt.date, until: dt.date) -> bool:
    """Whether a help began after the baseline day, up to and including the last day."""
    return baseline < start <= until


def spending_years(baseline: dt.date, until: dt.date) -> tuple[int, ...]:
    """The calendar years compared: the baseline's year to the last day's year."""
    return tuple(range(baseline.year, until.year + 1))


def cost_in_year(monthly: float, start: dt.date, end: dt.date | None, year: int) -> float:
    """Euros a help costs within ``year``: twelve months' cost / 365 a day (as domain.hilfen)."""
    first = max(start, dt.date(year, 1, 1))
    last = min(end or dt.date(year, 12, 31), dt.date(year, 12, 31))
    if last < first:
        return 0.0
    days = (last - first).days + 1
    return monthly * 12.0 * days / DAYS_PER_YEAR


def period_problem(baseline: dt.date, until: dt.date) -> str | None:
    """What is wrong with two reference days, in German; None when they fit."""
    if until <= baseline:
        return (
            "Der zweite Stichtag muss nach dem ersten liegen "
            f"(erster Stichtag {baseline:%d.%m.%Y}, zweiter {until:%d.%m.%Y})."
        )
    return None


# --- counting from plain tuples (the reference) -------------------------------------------


def aggregate(
    helps: Iterable[HelpRow],
    baseline: dt.date,
    until: dt.date,
    measure_groups: Iterable[str],
) -> Aggregates:
    """Count ``helps`` as the service's SQL does: the reference for it and for small groups."""
    measure = set(measure_groups)
    years = spending_years(baseline, until)
    by_kind: dict[tuple[Side, str, str], Tally] = {}
    case_sets: dict[Side, tuple[set[str], set[str], set[str]]] = {
        side: (set(), set(), set()) for side in Side
    }
    spending: dict[tuple[Side, int], float] = {(s, y): 0.0 for s in Side for y in years}
    spending_cases: dict[Side, set[str]] = {side: set() for side in Side}
    for h in helps:
        at_start = running_on(h.start, h.end, baseline)
        at_end = running_on(h.start, h.end, until)
        begun = begun_between(h.start, baseline, until)
        key = (h.side, h.group, h.kind)
        by_kind[key] = by_kind.get(key, Tally()) + Tally(int(at_start), int(at_end), int(begun))
        sets = case_sets[h.side]
        for flag, cases in zip((at_start, at_end, begun), sets, strict=True):
            if flag:
                cases.add(h.case_id)
        if h.group in measure:
            for year in years:
                spending[(h.side, year)] += cost_in_year(h.monthly_cost, h.start, h.end, year)
            if h.start <= dt.date(years[-1], 12, 31) and (
                h.end is None or h.end >= dt.date(years[0], 1, 1)
            ):
                spending_cases[h.side].add(h.case_id)
    return Aggregates(
        by_kind=by_kind,
        cases={side: Tally(*(len(s) for s in sets)) for side, sets in case_sets.items()},
        spending=spending,
        spending_cases={side: len(cases) for side, cases in spending_cases.items()},
    )


# --- the report ------------------------------------------------------------------------------


def build_report(
    data: Aggregates,
    *,
    kinds: Sequence[KindInfo],
    groups: Sequence[GroupInfo],
    pilot_label: str,
    comparison_label: str,
    baseline: dt.date,
    until: dt.date,
    costs: ProjectCosts | None = None,
    indicators: Sequence[IndicatorRow] = (),
) -> WirkungReport:
    """The table from the counts: kinds under their groups, then the two totals.

    Kinds the catalogue does not know (an office's own, removed since) are listed
    under their group with their code, so no help drops out of the sums.
    """
    known = {k.code for k in kinds}
    extra = sorted({(g, k) for (_, g, k) in data.by_kind if k not in known})
    all_kinds = [*kinds, *(KindInfo(k, g, k) for g, k in extra)]
    group_codes = [g.code for g in groups]
    for _, g in extra:
        if g not in group_codes:
            group_codes.append(g)
    group_infos = {g.code: g for g in groups}

    def kind_tally(side: Side, kind: KindInfo) -> Tally:
        return data.by_kind.get((side, kind.group, kind.code), Tally())

    rows: list[MeasureRow] = []
    measures = {side: Tally() for side in Side}
    for code in group_codes:
        info = group_infos.get(code, GroupInfo(code, code))
        members = [k for k in all_kinds if k.group == code]
        totals = {side: Tally() for side in Side}
        kind_rows = []
        for kind in members:
            pilot, comparison = kind_tally(Side.PILOT, kind), kind_tally(Side.COMPARISON, kind)
            totals[Side.PILOT] += pilot
            totals[Side.COMPARISON] += comparison
            # A group of one kind is that kind; a kind no one had is left out.
            if len(members) > 1 and (pilot, comparison) != (Tally(), Tally()):
                kind_rows.append(
                    MeasureRow(kind.code, kind.label, RowLevel.KIND, pilot, comparison)
                )
        rows.append(
            MeasureRow(
                group_key(code),
                info.label,
                RowLevel.GROUP,
                totals[Side.PILOT],
                totals[Side.COMPARISON],
            )
        )
        rows.extend(kind_rows)
        if info.counts_as_measure:
            for side in Side:
                measures[side] += totals[side]
    rows.append(
        MeasureRow(
            MEASURES_KEY,
            "Maßnahmen insgesamt",
            RowLevel.TOTAL,
            measures[Side.PILOT],
            measures[Side.COMPARISON],
        )
    )
    rows.append(
        MeasureRow(
            CASES_KEY,
            "Fälle insgesamt (mit Beratung)",
            RowLevel.TOTAL,
            data.cases.get(Side.PILOT, Tally()),
            data.cases.get(Side.COMPARISON, Tally()),
        )
    )
    years = spending_years(baseline, until)
    spend = {
        side: Spending(
            years,
            tuple(data.spending.get((side, y), 0.0) for y in years),
            data.spending_cases.get(side, 0),
        )
        for side in Side
    }
    return WirkungReport(
        pilot_label=pilot_label,
        comparison_label=comparison_label,
        baseline=baseline,
        until=until,
        rows=tuple(rows),
        pilot_spending=spend[Side.PILOT],
        comparison_spending=spend[Side.COMPARISON],
        effect=effect(spend[Side.PILOT], spend[Side.COMPARISON], costs or ProjectCosts()),
        indicators=tuple(indicators),
    )


def effect(pilot: Spending, comparison: Spending, costs: ProjectCosts) -> Effect:
    """The adjusted effect: pilot change minus comparison change, and in euros."""
    p, c = pilot.change, comparison.change
    if p is None or c is None:
        return Effect(None, None, costs)
    points = p - c
    return Effect(points, points / 100.0 * pilot.euros[0], costs)


def share(flags: Iterable[bool]) -> Share:
    """How many of ``flags`` are true, of how many."""
    values = list(flags)
    return Share(sum(values), len(values))


# --- showing cells ---------------------------------------------------------------------------


def suppressed(count: int) -> bool:
    """Whether a count of cases is too small to show (1 or 2; none at all shows 0)."""
    return 0 < count < MIN_CELL


def count_text(count: int) -> str:
    """A count as a cell shows it: the number, or ``< 3``."""
    return SUPPRESSED if suppressed(count) else str(count)


def change(tally: Tally) -> float | None:
    """The change from the baseline to the last day in percent; None if not to be shown."""
    if tally.baseline == 0 or suppressed(tally.baseline) or suppressed(tally.until):
        return None
    return 100.0 * (tally.until - tally.baseline) / tally.baseline


def percent_text(value: float | None, decimals: int = 1) -> str:
    """``−52,2 %`` (German decimal comma, sign always, real minus sign); ``–`` for None."""
    if value is None:
        return NO_VALUE
    text = f"{value:+.{decimals}f}".replace(".", ",").replace("-", "\u2212")
    return f"{text} %"


def euro_text(value: float | None) -> str:
    """``6.283.112 €`` (whole euros, German thousands dots); ``–`` for None."""
    if value is None:
        return NO_VALUE
    text = f"{round(value):,}".replace(",", ".").replace("-", "\u2212")
    return f"{text} €"


def share_text(value: Share) -> str:
    """``7 von 9 (77,8 %)``, ``< 3`` when too few, ``–`` without events."""
    if value.total == 0:
        return NO_VALUE
    if 0 < value.total < MIN_CELL:
        return SUPPRESSED
    if value.suppressed:
        return f"{SUPPRESSED} von {value.total}"
    percent = percent_text(value.percent).lstrip("+")
    return f"{value.hits} von {value.total} ({percent})"


# --- what the charts draw (the window and the PDF draw the same) ---------------------------


@dataclass(frozen=True)
class ChangeBar:
    """One pair of bars: a row's change in percent in the pilot and in the comparison."""

    label: str
    pilot: float | None
    comparison: float | None
    #: Whether the row is a total (drawn bold) rather than a kind or group.
    total: bool = False
    #: Decimals the value is written with (spending, like the source, with two).
    decimals: int = 1


@dataclass(frozen=True)
class CountBar:
    """One pair of bars on one side: running measures on the two reference days."""

    label: str
    baseline: int
    until: int

    @property
    def short(self) -> str:
        """The label under a bar: its first words, at most twelve characters."""
        words = self.label.split(" /")[0].split(" ")
        text = words[0]
        for word in words[1:]:
            if len(text) + 1 + len(word) > 12:
                break
            text = f"{text} {word}"
        return text if len(text) <= 12 else text[:10] + "."


#: The spending line of the change chart.
SPENDING_LABEL = "Ausgaben (Jahr zu Jahr)"


def change_bars(report: WirkungReport) -> tuple[ChangeBar, ...]:
    """The change chart: every group, every kind with a change to show, the totals, spending."""
    bars: list[ChangeBar] = []
    for row in report.rows:
        pilot, comparison = change(row.pilot), change(row.comparison)
        if row.level is RowLevel.KIND and pilot is None and comparison is None:
            continue
        if row.level is RowLevel.GROUP and row.pilot == row.comparison == Tally():
            continue
        label = row.label if row.level is not RowLevel.KIND else f"  {row.label}"
        bars.append(ChangeBar(label, pilot, comparison, row.level is RowLevel.TOTAL))
    bars.append(
        ChangeBar(
            SPENDING_LABEL,
            report.pilot_spending.change,
            report.comparison_spending.change,
            total=True,
            decimals=2,
        )
    )
    return tuple(bars)


def count_bars(report: WirkungReport, side: Side) -> tuple[CountBar, ...]:
    """The count chart of one side: each group of kinds and all measures, on both days."""
    return tuple(
        CountBar(row.label, row.tally(side).baseline, row.tally(side).until)
        for row in report.rows
        if row.level is RowLevel.GROUP or row.key == MEASURES_KEY
    )


def key_figures(report: WirkungReport) -> list[tuple[str, str]]:
    """The lines of the summary box: measures, spending, the adjusted effect."""
    measures = report.row(MEASURES_KEY)
    effect = report.effect
    years = report.pilot_spending.years
    lines = [
        (
            "Maßnahmen insgesamt",
            f"{percent_text(change(measures.pilot))} im Pilot, "
            f"{percent_text(change(measures.comparison))} im Vergleich",
        ),
        (
            f"Ausgaben {years[0]} → {years[-1]}",
            f"{percent_text(report.pilot_spending.change, 2)} im Pilot, "
            f"{percent_text(report.comparison_spending.change, 2)} im Vergleich",
        ),
        (
            "Bereinigter Effekt",
            NO_VALUE
            if effect.adjusted_points is None
            else f"{percent_text(effect.adjusted_points, 2)} (Prozentpunkte), "
            f"das sind {euro_text(effect.saved_gross)} weniger Ausgaben",
        ),
        (
            "Nach Projektkosten",
            f"{euro_text(effect.saved_net)} (Projektkosten {euro_text(effect.project_costs.total)}:"
            f" Personal {euro_text(effect.project_costs.staff)}, Fortbildung "
            f"{euro_text(effect.project_costs.training)}, Evaluation "
            f"{euro_text(effect.project_costs.evaluation)})",
        ),
    ]
    return lines


# --- the table as text: the command line's output and the CSV export -----------------------

#: The CSV's columns (semicolons and decimal commas, as a German spreadsheet reads them).
CSV_HEADER = (
    "Abschnitt",
    "Merkmal",
    "Gruppe",
    "Anfang",
    "Ende",
    "Veränderung in %",
    "neu begonnen",
)


def _decimal(value: float | None, decimals: int) -> str:
    return "" if value is None else f"{value:.{decimals}f}".replace(".", ",")


def csv_rows(report: WirkungReport) -> list[tuple[str, ...]]:
    """The report as CSV rows (header first): counts, spending, effect, indicators.

    For the counts "Anfang" and "Ende" are the two reference days, for the
    spending the first and the last calendar year; suppressed cells read ``< 3``.
    """
    rows: list[tuple[str, ...]] = [CSV_HEADER]
    first, second = f"{report.baseline:%d.%m.%Y}", f"{report.until:%d.%m.%Y}"
    rows.append(("Stichtage", "laufende Hilfen am", "", first, second, "", ""))
    years = report.pilot_spending.years
    rows.append(("Stichtage", "Ausgaben im Jahr", "", str(years[0]), str(years[-1]), "", ""))
    for row in report.rows:
        for side, label in (
            (Side.PILOT, report.pilot_label),
            (Side.COMPARISON, report.comparison_label),
        ):
            tally = row.tally(side)
            rows.append(
                (
                    "Hilfen" if row.level is RowLevel.KIND else "Summe",
                    row.label,
                    label,
                    count_text(tally.baseline),
                    count_text(tally.until),
                    _decimal(change(tally), 1),
                    count_text(tally.begun),
                )
            )
    for side, label in (
        (Side.PILOT, report.pilot_label),
        (Side.COMPARISON, report.comparison_label),
    ):
        spending = report.spending(side)
        hidden = spending.suppressed
        rows.append(
            (
                "Ausgaben",
                "Ausgaben für Maßnahmen (EUR)",
                label,
                SUPPRESSED if hidden else _decimal(spending.euros[0], 2),
                SUPPRESSED if hidden else _decimal(spending.euros[-1], 2),
                _decimal(spending.change, 2),
                "",
            )
        )
    e = report.effect
    rows += [
        (
            "Effekt",
            "bereinigte Veränderung (Prozentpunkte)",
            report.pilot_label,
            "",
            "",
            _decimal(e.adjusted_points, 2),
            "",
        ),
        (
            "Effekt",
            "weniger Ausgaben als im Trend (EUR)",
            report.pilot_label,
            "",
            "",
            _decimal(e.saved_gross, 2),
            "",
        ),
        (
            "Effekt",
            "Projektkosten (EUR)",
            report.pilot_label,
            "",
            "",
            _decimal(e.project_costs.total, 2),
            "",
        ),
        (
            "Effekt",
            "nach Projektkosten (EUR)",
            report.pilot_label,
            "",
            "",
            _decimal(e.saved_net, 2),
            "",
        ),
    ]
    for indicator in report.indicators:
        for value, label in (
            (indicator.pilot, report.pilot_label),
            (indicator.comparison, report.comparison_label),
        ):
            hidden = value.suppressed
            rows.append(
                (
                    "Methode",
                    indicator.label,
                    label,
                    SUPPRESSED if hidden and value.hits < MIN_CELL else str(value.hits),
                    SUPPRESSED if 0 < value.total < MIN_CELL else str(value.total),
                    _decimal(value.percent, 1),
                    "",
                )
            )
    return rows


def csv_text(report: WirkungReport) -> str:
    """The CSV file's text (semicolons, CRLF line ends, as spreadsheets expect)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerows(csv_rows(report))
    return buffer.getvalue()


def table_lines(report: WirkungReport) -> list[str]:
    """The report as plain text lines for a terminal (the command line prints them)."""
    first, second = f"{report.baseline:%d.%m.%Y}", f"{report.until:%d.%m.%Y}"
    width = max(len(r.label) for r in report.rows) + 2
    lines = [
        f"Wirkungsbericht: {report.pilot_label} im Vergleich mit {report.comparison_label}",
        f"Laufende Hilfen am {first} und am {second}",
        "",
        f"{'':{width}}{'Pilot':>30}   {'Vergleich':>30}",
        (f"{'Hilfeart':{width}}" + f"{first:>10}{second:>11}{'Veränd.':>9}   " * 2).rstrip(),
    ]
    for row in report.rows:
        label = row.label if row.level is not RowLevel.KIND else f"  {row.label}"
        cells = ""
        for side in Side:
            tally = row.tally(side)
            cells += (
                f"{count_text(tally.baseline):>10}{count_text(tally.until):>11}"
                f"{percent_text(change(tally)):>9}   "
            )
        lines.append(f"{label:{width}}{cells}".rstrip())
    p, c = report.pilot_spending, report.comparison_spending
    lines += ["", f"Ausgaben für Maßnahmen {p.years[0]} → {p.years[-1]}:"]
    for spending, label in ((p, report.pilot_label), (c, report.comparison_label)):
        amounts = (
            SUPPRESSED
            if spending.suppressed
            else " → ".join(euro_text(v) for v in (spending.euros[0], spending.euros[-1]))
        )
        lines.append(f"  {label}: {amounts} ({percent_text(spending.change, 2)})")
    e = report.effect
    lines += [
        "",
        f"Bereinigter Effekt: {percent_text(e.adjusted_points, 2)} (Prozentpunkte) = "
        f"{euro_text(e.saved_gross)} weniger Ausgaben als im Trend des Vergleichs",
        f"Nach Projektkosten ({euro_text(e.project_costs.total)}): {euro_text(e.saved_net)}",
    ]
    if report.indicators:
        lines += ["", "Arbeit mit dem Sozialraum:"]
        for indicator in report.indicators:
            lines.append(f"  {indicator.label}:")
            lines.append(
                f"    {report.pilot_label}: {share_text(indicator.pilot)}; "
                f"{report.comparison_label}: {share_text(indicator.comparison)}"
            )
    lines += ["", "Felder mit weniger als drei Fällen stehen als »< 3«."]
    return lines
