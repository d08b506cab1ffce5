"""The Wirkungsbericht service on helps entered as a caseworker enters them (SQLite and PostgreSQL).

Small groups, by hand: the days, the costs by hours and by month, a deleted help,
a case without a place in the rest of the database, and the SQL against the
plain-Python reference.
"""

from __future__ import annotations

import datetime as dt

import pytest

from asd_desktop.domain.enums import Area, IdeaSource
from asd_desktop.domain.wirkung import (
    CASES_KEY,
    MEASURES_KEY,
    Side,
    aggregate,
    count_text,
    group_key,
)
from asd_desktop.services.cases import AreaInput, CaseInput
from asd_desktop.services.consultation import IdeaInput
from asd_desktop.services.hilfen import CasePlace, HilfeInput
from asd_desktop.services.wirkung import REST, CaseGroup, GroupKind, WirkungService

B, U = dt.date(2024, 1, 1), dt.date(2025, 12, 31)
NORD = CaseGroup(GroupKind.DISTRICT, "Nord")


def _case(opened, number: str, district: str | None):
    case = opened.cases.create_case(
        CaseInput(number, "Muster", dt.date(2023, 5, 2)),
        AreaInput(Area.SERVICE, dt.date(2023, 5, 2), "Erstaufnahme", "Frau Berger"),
    )
    if district is not None:
        opened.hilfen.set_case_place(case.id, CasePlace("Team " + district, "", district))
    return case.id


def _help(
    opened,
    case_id: str,
    kind: str,
    start: dt.date,
    end: dt.date | None = None,
    cost: dict[str, int] | None = None,
):
    return opened.hilfen.add_hilfe(
        case_id,
        HilfeInput(
            kind=kind,
            start_on=start,
            end_on=end,
            end_reason="ziele_erreicht" if end else "",
            minutes_per_week=(cost or {}).get("minutes_per_week"),
            hourly_rate_cents=(cost or {}).get("hourly_rate_cents"),
            monthly_cost_cents=(cost or {}).get("monthly_cost_cents"),
        ),
    )


@pytest.fixture
def filled(opened):
    """Nord: four SPFH (one ended in 2024, one new in 2025), one Beratung; the rest: three."""
    nord = [_case(opened, f"N-{i}", "Nord") for i in range(5)]
    old = dt.date(2023, 6, 1)
    spfh = {"minutes_per_week": 360, "hourly_rate_cents": 6000}  # 6 h × 60 € = 1,560 € a month
    _help(opened, nord[0], "sgb8_31", old, cost=spfh)
    _help(opened, nord[1], "sgb8_31", old, cost=spfh)
    _help(opened, nord[2], "sgb8_31", old, dt.date(2024, 6, 30), cost=spfh)
    _help(opened, nord[3], "sgb8_31", dt.date(2025, 3, 1), cost=spfh)
    _help(opened, nord[4], "beratung", old)
    gone = _help(opened, nord[4], "sgb8_34", old, cost={"monthly_cost_cents": 600_000})
    opened.hilfen.remove_hilfe(gone.id)  # a deleted help counts nowhere
    rest = [_case(opened, "S-1", "Süd"), _case(opened, "S-2", "Süd"), _case(opened, "X-1", None)]
    for case_id in rest:
        _help(opened, case_id, "sgb8_34", old, cost={"monthly_cost_cents": 500_000})
    consultation = opened.consultations.start(nord[3], dt.date(2025, 2, 10))
    opened.consultations.add_idea(
        consultation.id, IdeaInput(IdeaSource.SOCIAL_SPACE, "Elterncafé im Stadtteil")
    )
    return WirkungService(opened.database.session_factory)


def test_days_costs_and_groups_from_entered_helps(filled: WirkungService):
    report = filled.report(NORD, REST, B, U)
    spfh = report.row("sgb8_31")
    assert (spfh.pilot.baseline, spfh.pilot.until, spfh.pilot.begun) == (3, 3, 1)
    assert report.row(MEASURES_KEY).pilot.baseline == 3  # counselling is no measure
    assert report.row(CASES_KEY).pilot.baseline == 4
    assert report.row(group_key("stationaer")).pilot.baseline == 0  # the deleted one
    # The rest: the Süd cases and the case without any place.
    assert report.row(group_key("stationaer")).comparison.baseline == 3
    # 2024 (366 days at a 365th of the yearly cost each): two SPFH all year, one until
    # 30 June (182 days); 6 hours × 60 € × 52/12 = 1,560 € a month each.
    monthly = 360 / 60 * 60 * 52 / 12
    first = monthly * 12 * (2 * 366 + 182) / 365
    assert report.pilot_spending.euros[0] == pytest.approx(first, abs=0.05)
    second = monthly * 12 * (2 * 365 + 306) / 365  # the new one from 1 March: 306 days
    assert report.pilot_spending.euros[1] == pytest.approx(second, abs=0.05)
    assert report.comparison_spending.euros[0] == pytest.approx(3 * 5000 * 12 * 366 / 365, abs=0.05)
    decisions = report.indicators[0]
    assert (decisions.pilot.hits, decisions.pilot.total) == (1, 1)
    assert count_text(report.row(group_key("beratung")).pilot.baseline) == "< 3"


def test_the_sql_equals_the_plain_rows(filled: WirkungService):
    report = filled.report(NORD, REST, B, U)
    plain = aggregate(
        filled.help_rows(NORD, REST), B, U, ("ambulant", "teilstationaer", "stationaer")
    )
    for side in Side:
        assert report.row(CASES_KEY).tally(side) == plain.cases[side]
        for index, year in enumerate((2024, 2025)):
            assert report.spending(side).euros[index] == pytest.approx(
                plain.spending[(side, year)], abs=0.01
            )
    other = filled.report(NORD, CaseGroup(GroupKind.DISTRICT, "Süd"), B, U)
    assert other.row(group_key("stationaer")).comparison.baseline == 2
