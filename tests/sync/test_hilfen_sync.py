"""Hilfen and Hilfeplangespräche travel; the seeded kinds are the same everywhere."""

from __future__ import annotations

import datetime as dt

from asd_desktop.domain.hilfen import EndReason, HelpGroup
from asd_desktop.services.hilfen import HilfeInput, MeetingInput, Participant, TaskInput
from tests.sync.trio import TODAY, Trio


def test_a_help_and_hilfeplan_from_one_laptop_reach_the_others_without_conflict(
    trio: Trio,
) -> None:
    case_id = next(c for c in trio.a.case_ids() if trio.a.ov.hilfen.case_goals(c))
    goals = tuple(g.goal_id for g in trio.a.ov.hilfen.case_goals(case_id))[:1]
    hilfe = trio.a.ov.hilfen.add_hilfe(
        case_id,
        HilfeInput(
            kind="sgb8_31",
            start_on=TODAY - dt.timedelta(days=90),
            provider="Familienhilfe Nord e.V.",
            minutes_per_week=270,
            hourly_rate_cents=6230,
        ),
    )
    meeting = trio.a.ov.hilfen.record_meeting(
        case_id,
        MeetingInput(
            held_on=TODAY - dt.timedelta(days=30),
            hilfe_id=hilfe.id,
            participants=(Participant("Amal Al Zein", "Mutter"),),
            young_person_words="Ich will hierbleiben.",
            goal_ids=goals,
            tasks=(TaskInput("Mutter", "Kinderarzt anrufen", TODAY),),
            next_on=TODAY + dt.timedelta(days=150),
        ),
    )
    # The office adds its own kind; B ends the help once it has it.
    trio.o.ov.hilfen.save_kind("eigen_schulbegleitung", "Schulbegleitung", "", HelpGroup.AMBULANT)
    trio.full_exchange()
    trio.b.ov.hilfen.end_hilfe(hilfe.id, TODAY, EndReason.GOALS_REACHED)
    trio.full_exchange()

    for node in (trio.o, trio.a, trio.b):
        assert node.ov.sync.conflicts() == []
        h = next(x for x in node.ov.hilfen.hilfen(case_id) if x.id == hilfe.id)
        assert (h.end_on, h.ending, h.cost.per_month_cents) == (
            TODAY,
            EndReason.GOALS_REACHED,
            121485,
        )
        m = next(x for x in node.ov.hilfen.meetings(case_id) if x.id == meeting.id)
        assert m.young_person_words == "Ich will hierbleiben."
        assert tuple(g.goal_id for g in m.goals) == goals
        assert [t.what for t in m.tasks] == ["Kinderarzt anrufen"]
        codes = [k.code for k in node.ov.hilfen.kinds()]
        assert len(codes) == 14
        assert "eigen_schulbegleitung" in codes
    assert trio.a.dump() == trio.o.dump() == trio.b.dump()
