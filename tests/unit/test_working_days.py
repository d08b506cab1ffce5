"""Proposed dates move off weekends and the federal state's public holidays."""

import datetime as dt

import pytest

from asd_desktop.domain.working_days import (
    FEDERAL_STATES,
    next_working_day,
    propose,
    state_problem,
)


def test_german_unity_day_moves_on_in_hamburg_with_the_reason():
    # 3 October 2025 is a Friday; the weekend follows.
    day, reason = next_working_day(dt.date(2025, 10, 3), "HH")
    assert day == dt.date(2025, 10, 6)
    assert reason == (
        "Der 3. Oktober ist ein Feiertag (Tag der Deutschen Einheit); "
        "vorgeschlagen ist der nächste Werktag."
    )


@pytest.mark.parametrize("state", ["HH", "BY", "BE"])
def test_ascension_moves_every_year_in_every_state(state):
    # Christi Himmelfahrt moves with Easter: 29 May 2025, 14 May 2026, 6 May 2027.
    for ascension in (dt.date(2025, 5, 29), dt.date(2026, 5, 14), dt.date(2027, 5, 6)):
        day, reason = next_working_day(ascension, state)
        assert day == ascension + dt.timedelta(days=1)
        assert reason is not None
        assert "Christi Himmelfahrt" in reason


def test_a_working_day_stays_without_a_reason():
    assert next_working_day(dt.date(2026, 5, 13), "HH") == (dt.date(2026, 5, 13), None)


def test_weekends_move_to_monday():
    day, reason = next_working_day(dt.date(2026, 3, 14), "HH")  # a Saturday
    assert day == dt.date(2026, 3, 16)
    assert reason == "Der 14. März ist ein Samstag; vorgeschlagen ist der nächste Werktag."
    assert next_working_day(dt.date(2026, 3, 15), "BY")[0] == dt.date(2026, 3, 16)


def test_state_holidays_differ():
    epiphany = dt.date(2026, 1, 6)  # Heilige Drei Könige: Bavaria, not Hamburg or Berlin
    assert next_working_day(epiphany, "BY")[0] == dt.date(2026, 1, 7)
    assert next_working_day(epiphany, "HH") == (epiphany, None)
    womens_day = dt.date(2027, 3, 8)  # Internationaler Frauentag: Berlin only (a Monday)
    day, reason = next_working_day(womens_day, "BE")
    assert day == dt.date(2027, 3, 9)
    assert reason is not None
    assert "Frauentag" in reason
    assert next_working_day(womens_day, "HH") == (womens_day, None)
    reformation = dt.date(2025, 10, 31)  # Reformationstag: Hamburg, not Bavaria (a Friday)
    assert next_working_day(reformation, "HH")[0] == dt.date(2025, 11, 3)
    assert next_working_day(reformation, "BY") == (reformation, None)


def test_a_holiday_before_a_weekend_names_the_holiday_and_skips_both():
    # Karfreitag 2026 (3 April) and Ostermontag (6 April): the next working day is Tuesday.
    proposal = propose(dt.date(2026, 4, 3), "BE")
    assert proposal.day == dt.date(2026, 4, 7)
    assert proposal.reason is not None
    assert proposal.reason.startswith("Der 3. April ist ein Feiertag (Karfreitag)")


def test_state_codes_are_checked_in_german():
    assert state_problem("HH") is None
    assert len(FEDERAL_STATES) == 16
    problem = state_problem("XX")
    assert problem is not None
    assert "kein Bundesland" in problem


def test_the_services_propose_review_dates_for_the_offices_state(opened, data_dir):
    from asd_desktop.services.settings import Settings, load_settings, save_settings
    from asd_desktop.services.vault import unlock_vault
    from tests.conftest import PASSPHRASE

    unity = dt.date(2026, 10, 3)  # a Saturday and a holiday: the holiday is named
    proposal = opened.goals.propose_review_date(unity - dt.timedelta(days=91))
    assert proposal.day == dt.date(2026, 10, 5)
    assert proposal.reason is not None
    assert "Tag der Deutschen Einheit" in proposal.reason
    meeting = dt.datetime.combine(dt.date(2026, 1, 6) - dt.timedelta(days=91), dt.time(17))
    assert opened.familienrat.propose_review_date(meeting).day == dt.date(2026, 1, 6)

    save_settings(data_dir, Settings(federal_state="BY"))
    assert load_settings(data_dir).federal_state == "BY"
    opened.close()
    reopened = unlock_vault(data_dir, PASSPHRASE)
    try:
        moved = reopened.familienrat.propose_review_date(meeting)
        assert moved.day == dt.date(2026, 1, 7)
        assert moved.reason is not None
        assert "Heilige Drei Könige" in moved.reason
    finally:
        reopened.close()


def test_an_unknown_state_in_the_settings_falls_back_to_hamburg(data_dir):
    from asd_desktop.services.settings import load_settings

    data_dir.mkdir(parents=True)
    (data_dir / "settings.json").write_text('{"federal_state": "XX"}', encoding="utf-8")
    assert load_settings(data_dir).federal_state == "HH"
