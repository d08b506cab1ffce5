"""The pure rules of Hilfen: costs, periods, ending reasons, German number input."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from asd_desktop.domain.hilfen import (
    DEFAULT_HELP_KINDS,
    EndReason,
    HelpCost,
    HelpGroup,
    add_months,
    began_between,
    duration_text,
    end_reason,
    format_euros,
    format_hours,
    hilfe_problems,
    next_meeting_on,
    overlap_days,
    parse_euros,
    parse_hours,
    running_on,
    spending_cents,
)

D = dt.date


def test_hours_and_rate_give_a_month_of_52_12_weeks_and_a_year_of_52():
    cost = HelpCost(minutes_per_week=270, hourly_rate_cents=6230)
    # 4.5 h x 62.30 EUR = 280.35 EUR a week; x 52/12 = 1,214.85 EUR; x 52 = 14,578.20 EUR.
    assert cost.per_month_cents == 121485
    assert cost.per_year_cents == 1457820
    assert cost.by_hours
    # Rounded once, half up: 1 h x 0.01 EUR x 52/12 = 0.0433 ct ... a cent's share.
    assert HelpCost(60, 1).per_month_cents == 4
    assert HelpCost(60, 1).per_year_cents == 52


def test_a_monthly_cost_counts_instead_and_nothing_known_is_none():
    assert HelpCost(270, 6230, 520000).per_month_cents == 520000
    assert HelpCost(270, 6230, 520000).per_year_cents == 6240000
    assert not HelpCost(270, 6230, 520000).by_hours
    assert HelpCost(270, None).per_month_cents is None
    assert HelpCost().per_year_cents is None


def test_running_on_a_reference_day_and_begun_between_two():
    assert running_on(D(2011, 1, 1), None, D(2011, 1, 1))
    assert running_on(D(2010, 5, 1), D(2011, 1, 1), D(2011, 1, 1))  # its last day counts
    assert not running_on(D(2010, 5, 1), D(2010, 12, 31), D(2011, 1, 1))
    assert not running_on(D(2011, 1, 2), None, D(2011, 1, 1))
    assert began_between(D(2012, 12, 31), D(2011, 1, 1), D(2012, 12, 31))
    assert not began_between(D(2011, 1, 1), D(2011, 1, 1), D(2012, 12, 31))


def test_spending_in_a_period_is_the_yearly_cost_by_days():
    cost = HelpCost(monthly_cost_cents=365_00)  # 4,380 EUR a year: 12 EUR a day
    year = (D(2011, 1, 1), D(2011, 12, 31))
    assert overlap_days(D(2010, 1, 1), None, *year) == 365
    assert spending_cents(cost, D(2010, 1, 1), None, *year) == 438000
    assert spending_cents(cost, D(2011, 12, 1), None, *year) == 31 * 1200
    assert spending_cents(cost, D(2011, 3, 1), D(2011, 3, 10), *year) == 10 * 1200
    assert spending_cents(cost, D(2012, 1, 1), None, *year) == 0
    assert spending_cents(HelpCost(), D(2010, 1, 1), None, *year) == 0


def test_six_months_on_keeps_the_day_or_takes_the_month_s_last():
    assert next_meeting_on(D(2026, 3, 2)) == D(2026, 9, 2)
    assert next_meeting_on(D(2026, 8, 31)) == D(2027, 2, 28)
    assert add_months(D(2027, 11, 30), 3) == D(2028, 2, 29)


def test_duration_in_words():
    assert duration_text(D(2026, 1, 15), D(2027, 3, 20), D(2030, 1, 1)) == "1 Jahr 2 Monate"
    assert duration_text(D(2026, 1, 15), None, D(2026, 2, 5)) == "3 Wochen"
    assert duration_text(D(2026, 1, 15), None, D(2026, 7, 15)) == "6 Monate"


def test_ending_reasons_have_german_labels_and_unknown_codes_are_none():
    assert {r.label for r in EndReason} >= {"Ziele erreicht", "Wechsel in eine andere Hilfe"}
    assert end_reason("ziele_erreicht") is EndReason.GOALS_REACHED
    assert end_reason("") is None
    assert end_reason("quatsch") is None


def test_problems_name_the_field_and_say_what_to_do():
    ok = hilfe_problems("sgb8_31", D(2026, 1, 1), None, None, "", HelpCost(270, 6230))
    assert ok == {}
    p = hilfe_problems("", None, None, None, "", HelpCost())
    assert set(p) == {"kind", "start_on"}
    p = hilfe_problems(
        "sgb8_31", D(2026, 5, 1), D(2026, 4, 1), D(2026, 4, 30), "", HelpCost(-60, 100)
    )
    assert set(p) == {"planned_end_on", "end_on", "end_reason", "minutes_per_week"}
    p = hilfe_problems("sgb8_31", D(2026, 5, 1), None, None, "umzug", HelpCost(169 * 60, 1))
    assert set(p) == {"end_reason", "minutes_per_week"}


@pytest.mark.parametrize(
    ("text", "cents"),
    [
        ("62,30", 6230),
        ("62.30", 6230),
        ("60", 6000),
        ("1.234,5", 123450),
        (" 5.200,00 € ", 520000),
        ("", None),
    ],
)
def test_euros_in_german_notation(text, cents):
    assert parse_euros(text) == cents


@pytest.mark.parametrize("text", ["vier", "4,555", "1,2,3", "-5"])
def test_unreadable_money_is_refused(text):
    with pytest.raises(ValueError, match=re.escape(text)):
        parse_euros(text)


def test_hours_are_minutes_and_print_back():
    assert parse_hours("4,5") == 270
    assert parse_hours("0,25") == 15
    assert parse_hours("6") == 360
    assert format_hours(270) == "4,5"
    assert format_hours(360) == "6"
    assert format_hours(None) == ""
    assert format_euros(121485) == "1.214,85 €"
    assert format_euros(5) == "0,05 €"


def test_the_catalogue_has_the_issue_s_kinds_in_five_groups():
    by_code = {k.code: k for k in DEFAULT_HELP_KINDS}
    assert len(by_code) == 13
    assert by_code["sgb8_31"].display == "Sozialpädagogische Familienhilfe (§ 31)"
    assert by_code["beratung"].paragraph == "§ 16, § 28"
    assert {k.group for k in DEFAULT_HELP_KINDS} == set(HelpGroup)
    measures = {k.code for k in DEFAULT_HELP_KINDS if k.group.is_measure}
    assert "sha" not in measures
    assert "alternative" not in measures
    assert {"sgb8_29", "sgb8_31", "sgb8_32", "sgb8_34"} <= measures
