"""The Wirkungsbericht's arithmetic without a database: days, costs, the "< 3" rule, CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io

from asd_desktop.domain.wirkung import (
    CASES_KEY,
    MEASURES_KEY,
    SUPPRESSED,
    GroupInfo,
    HelpRow,
    KindInfo,
    ProjectCosts,
    Share,
    Side,
    Tally,
    aggregate,
    build_report,
    change,
    change_bars,
    cost_in_year,
    count_bars,
    count_text,
    csv_rows,
    csv_text,
    group_key,
    percent_text,
    share_text,
    table_lines,
)

B, U = dt.date(2011, 1, 1), dt.date(2012, 12, 31)
GROUPS = (
    GroupInfo("beratung", "Beratung", counts_as_measure=False),
    GroupInfo("ambulant", "ambulant"),
    GroupInfo("stationaer", "stationär"),
)
KINDS = (
    KindInfo("beratung", "beratung", "Beratung"),
    KindInfo("sgb8_30", "ambulant", "Erziehungsbeistand (§ 30)"),
    KindInfo("sgb8_31", "ambulant", "Sozialpädagogische Familienhilfe (§ 31)"),
    KindInfo("sgb8_33", "stationaer", "Vollzeitpflege (§ 33)"),
    KindInfo("sgb8_34", "stationaer", "Heimerziehung (§ 34)"),
)


def help_row(kind: str, case: str, side: Side, start: dt.date, end: dt.date | None, cost=0.0):
    group = next(k.group for k in KINDS if k.code == kind)
    return HelpRow(group, kind, case, side, start, end, cost)


def report_of(helps, costs=None):
    data = aggregate(helps, B, U, ("ambulant", "stationaer"))
    return build_report(
        data,
        kinds=KINDS,
        groups=GROUPS,
        pilot_label="Bezirk Walle",
        comparison_label="Rest der Datenbank",
        baseline=B,
        until=U,
        costs=costs,
    )


def test_a_help_counts_on_the_days_it_runs_and_as_begun_after_the_baseline():
    old = dt.date(2010, 5, 1)
    helps = [
        help_row("sgb8_31", "a", Side.PILOT, old, None),  # both days
        help_row("sgb8_31", "b", Side.PILOT, old, B),  # its last day is the baseline
        help_row("sgb8_31", "c", Side.PILOT, B, U),  # begins on the baseline: not "new"
        help_row("sgb8_31", "d", Side.PILOT, dt.date(2011, 1, 2), dt.date(2011, 3, 1)),
        help_row("sgb8_31", "e", Side.PILOT, U, None),  # begins on the last day
        help_row("sgb8_31", "f", Side.PILOT, dt.date(2013, 1, 1), None),  # after: not counted
    ]
    row = report_of(helps).row("sgb8_31")
    assert row.pilot == Tally(baseline=3, until=3, begun=2)
    assert row.comparison == Tally()


def test_cost_days_within_a_calendar_year_at_a_365th_of_the_yearly_cost():
    # 1,000 € a month for the whole of 2011 is 12,000 €; 2012 has 366 days.
    assert cost_in_year(1000, dt.date(2010, 1, 1), None, 2011) == 12000
    assert round(cost_in_year(1000, dt.date(2010, 1, 1), None, 2012), 2) == 12032.88
    assert round(cost_in_year(1000, dt.date(2011, 7, 1), dt.date(2011, 7, 31), 2011), 2) == 1019.18
    assert cost_in_year(1000, dt.date(2012, 1, 1), None, 2011) == 0


def test_spending_counts_measures_only_and_the_adjusted_effect_less_project_costs():
    old = dt.date(2010, 1, 1)
    helps = [
        # Pilot: 2011 10 × 12,000 €; 2012 only 9 of them (one ends on 31.12.2011).
        *(help_row("sgb8_34", f"p{i}", Side.PILOT, old, None, 1000) for i in range(9)),
        help_row("sgb8_34", "p9", Side.PILOT, old, dt.date(2011, 12, 31), 1000),
        # Counselling costs nothing in the sum even with a cost.
        help_row("beratung", "pb", Side.PILOT, old, None, 5000),
        *(help_row("sgb8_30", f"c{i}", Side.COMPARISON, old, None, 500) for i in range(4)),
    ]
    report = report_of(helps, ProjectCosts(staff=5000, training=1000, evaluation=500))
    pilot = report.pilot_spending
    assert pilot.euros[0] == 120_000
    assert round(pilot.change, 2) == round(100 * (9 * 12000 * 366 / 365 / 120000 - 1), 2)
    comparison = report.comparison_spending
    assert round(comparison.change, 4) == round(100 * (366 / 365 - 1), 4)
    effect = report.effect
    assert round(effect.adjusted_points, 6) == round(pilot.change - comparison.change, 6)
    assert round(effect.saved_gross, 2) == round(-effect.adjusted_points / 100 * 120_000, 2)
    assert round(effect.saved_net, 2) == round(effect.saved_gross - 6500, 2)


def test_fewer_than_three_cases_show_as_less_than_three_and_hide_the_change():
    old = dt.date(2010, 1, 1)
    helps = [
        help_row("sgb8_34", "a", Side.PILOT, old, None),
        help_row("sgb8_34", "b", Side.PILOT, old, None),
        *(help_row("sgb8_30", f"x{i}", Side.PILOT, old, None) for i in range(5)),
    ]
    report = report_of(helps)
    home = report.row("sgb8_34")
    assert count_text(home.pilot.baseline) == SUPPRESSED
    assert change(home.pilot) is None
    assert count_text(home.comparison.baseline) == "0"  # nobody, nothing to protect
    assert count_text(report.row("sgb8_30").pilot.baseline) == "5"
    # The CSV, the terminal table and the charts show no 2 for it either.
    rows = {(r[1], r[2]): r for r in csv_rows(report)}
    assert rows[("Heimerziehung (§ 34)", "Bezirk Walle")][3:5] == (SUPPRESSED, SUPPRESSED)
    line = next(x for x in table_lines(report) if "Heimerziehung" in x)
    assert SUPPRESSED in line
    assert " 2 " not in line
    bars = change_bars(report)
    assert not [b for b in bars if "Heimerziehung" in b.label and b.pilot is not None]
    assert next(b for b in bars if b.label == "stationär").pilot is None
    # Spending resting on fewer than three cases is hidden too.
    assert report.pilot_spending.cases == 7
    tiny = report_of(helps[:2])
    assert tiny.pilot_spending.suppressed
    assert tiny.pilot_spending.change is None
    assert tiny.effect.adjusted_points is None


def test_an_indicator_with_one_or_two_cases_is_not_shown():
    assert share_text(Share(2, 2)) == SUPPRESSED
    assert share_text(Share(1, 9)) == "< 3 von 9"
    assert share_text(Share(7, 9)) == "7 von 9 (77,8 %)"
    assert share_text(Share(0, 0)) == "–"
    assert Share(1, 9).percent is None


def test_totals_group_rows_and_distinct_cases():
    old = dt.date(2010, 1, 1)
    helps = [
        help_row("sgb8_30", "a", Side.PILOT, old, None),
        help_row("sgb8_31", "a", Side.PILOT, old, None),  # same case, two helps
        help_row("sgb8_34", "b", Side.PILOT, old, None),
        help_row("beratung", "c", Side.PILOT, old, None),
    ]
    report = report_of(helps)
    assert report.row(group_key("ambulant")).pilot.baseline == 2
    assert report.row(MEASURES_KEY).pilot.baseline == 3  # counselling is no measure
    assert report.row(CASES_KEY).pilot.baseline == 3  # cases a, b, c
    assert [b.label for b in count_bars(report, Side.PILOT)] == [
        "Beratung",
        "ambulant",
        "stationär",
        "Maßnahmen insgesamt",
    ]


def test_percentages_read_as_in_german_with_a_real_minus():
    assert percent_text(-52.1739) == "\u221252,2 %"
    assert percent_text(120.0) == "+120,0 %"
    assert percent_text(-5.0401, 2) == "\u22125,04 %"
    assert percent_text(None) == "–"


def test_the_csv_reads_back_with_a_spreadsheet_s_dialect():
    old = dt.date(2010, 1, 1)
    helps = [
        *(
            help_row("sgb8_31", f"p{i}", Side.PILOT, old, dt.date(2011, 6, 30), 900)
            for i in range(4)
        ),
        *(
            help_row("sgb8_31", f"q{i}", Side.PILOT, dt.date(2011, 3, 1), None, 900)
            for i in range(3)
        ),
    ]
    report = report_of(helps)
    parsed = list(csv.reader(io.StringIO(csv_text(report)), delimiter=";"))
    assert tuple(parsed[0]) == csv_rows(report)[0]
    spfh = next(
        r for r in parsed if r[1].startswith("Sozialpädagogische") and r[2] == "Bezirk Walle"
    )
    assert spfh[3:] == ["4", "3", "-25,0", "3"]
    spending = next(r for r in parsed if r[0] == "Ausgaben" and r[2] == "Bezirk Walle")
    assert float(spending[3].replace(",", ".")) == round(report.pilot_spending.euros[0], 2)
