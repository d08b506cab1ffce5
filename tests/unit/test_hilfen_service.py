"""Hilfen and Hilfeplangespräche through the service, on a real SQLCipher database."""

from __future__ import annotations

import datetime as dt

import pytest

from asd_desktop.domain.enums import Area, DueKind
from asd_desktop.domain.hilfen import EndReason, HelpGroup
from asd_desktop.models.errors import ValidationError
from asd_desktop.services.audit import verify
from asd_desktop.services.cases import AreaInput, CaseInput
from asd_desktop.services.hilfen import (
    CasePlace,
    HilfeInput,
    MeetingInput,
    Participant,
    TaskInput,
)
from tests.unit.test_goals_service import full_draft

TODAY = dt.date.today()
START = dt.date(2026, 3, 2)


def make_case(opened, number="2026/0150"):
    return opened.cases.create_case(
        CaseInput(number, "Al Zein", TODAY),
        AreaInput(Area.SERVICE, TODAY, "Erstaufnahme", "Frau Krüger"),
    )


def spfh(**changes) -> HilfeInput:
    value = HilfeInput(
        kind="sgb8_31",
        start_on=START,
        provider="Familienhilfe Nord e.V.",
        planned_end_on=START + dt.timedelta(days=365),
        minutes_per_week=270,
        hourly_rate_cents=6230,
    )
    return HilfeInput(**{**value.__dict__, **changes})


def test_the_law_s_kinds_are_there_grouped_and_an_office_adds_its_own(opened):
    kinds = opened.hilfen.kinds()
    codes = [k.code for k in kinds]
    assert len(codes) == 13
    assert codes[0] == "beratung"
    spfh_kind = next(k for k in kinds if k.code == "sgb8_31")
    assert spfh_kind.display == "Sozialpädagogische Familienhilfe (§ 31)"
    assert spfh_kind.group is HelpGroup.AMBULANT
    assert next(k for k in kinds if k.code == "sgb8_34").group is HelpGroup.RESIDENTIAL
    assert next(k for k in kinds if k.code == "sgb8_32").group is HelpGroup.DAY_CARE
    own = opened.hilfen.save_kind(
        "eigen_schulbegleitung", "Schulbegleitung", "§ 35a", HelpGroup.AMBULANT
    )
    assert own.code in [k.code for k in opened.hilfen.kinds()]
    opened.hilfen.save_kind("sgb8_29", "Soziale Gruppenarbeit", "§ 29", HelpGroup.AMBULANT, False)
    assert "sgb8_29" not in [k.code for k in opened.hilfen.kinds()]
    assert "sgb8_29" in [k.code for k in opened.hilfen.kinds(include_inactive=True)]


def test_a_help_is_stored_with_its_costs_and_ended_with_a_reason(opened):
    case = make_case(opened)
    hilfe = opened.hilfen.add_hilfe(case.id, spfh())
    # 4.5 h x 62.30 EUR x 52 / 12 = 1,214.85 EUR a month; x 52 = 14,578.20 EUR a year.
    assert hilfe.cost.per_month_cents == 121485
    assert hilfe.cost.per_year_cents == 1457820
    assert hilfe.kind_display == "Sozialpädagogische Familienhilfe (§ 31)"
    assert hilfe.running_on(START)
    assert not hilfe.running_on(START - dt.timedelta(days=1))
    ended = opened.hilfen.end_hilfe(hilfe.id, dt.date(2026, 9, 30), EndReason.GOALS_REACHED)
    assert ended.ending is EndReason.GOALS_REACHED
    assert not ended.running_on(dt.date(2026, 10, 1))
    assert ended.running_on(dt.date(2026, 9, 30))
    assert [h.id for h in opened.hilfen.hilfen(case.id)] == [hilfe.id]
    assert verify(opened.database.session_factory).ok


def test_bad_input_names_the_field_and_changes_nothing(opened):
    case = make_case(opened)
    with pytest.raises(ValidationError) as err:
        opened.hilfen.add_hilfe(case.id, spfh(end_on=START - dt.timedelta(days=1)))
    assert set(err.value.problems) == {"end_on", "end_reason"}
    with pytest.raises(ValidationError) as err:
        opened.hilfen.add_hilfe(case.id, spfh(kind="gibt_es_nicht"))
    assert "kind" in err.value.problems
    with pytest.raises(ValidationError) as err:
        opened.hilfen.add_hilfe(case.id, spfh(end_reason=EndReason.MOVED.value))
    assert "Enddatum" in err.value.problems["end_reason"]
    assert opened.hilfen.hilfen(case.id) == []


def test_a_monthly_cost_counts_instead_of_hours(opened):
    case = make_case(opened)
    hilfe = opened.hilfen.add_hilfe(
        case.id,
        HilfeInput(kind="sgb8_34", start_on=START, monthly_cost_cents=520000),
    )
    assert hilfe.cost.per_month_cents == 520000
    assert hilfe.cost.per_year_cents == 6240000


def test_a_case_knows_its_team_sozialraum_and_district(opened):
    case = make_case(opened)
    assert opened.hilfen.case_place(case.id) == CasePlace()
    opened.hilfen.set_case_place(case.id, CasePlace("Team West", "Walle", "Bremen-West"))
    assert opened.hilfen.case_place(case.id) == CasePlace("Team West", "Walle", "Bremen-West")
    assert opened.hilfen.place_names().district == "Bremen-West"


def test_a_hilfeplan_adopts_goals_and_the_next_one_starts_from_it(opened):
    from asd_desktop.domain.enums import GoalStatus
    from asd_desktop.services.goals import ReviewInput

    case = make_case(opened)
    agreement = opened.goals.finish(case.id, full_draft())
    goal_ids = tuple(g.id for g in agreement.goals)
    hilfe = opened.hilfen.add_hilfe(case.id, spfh())
    first_day = TODAY - dt.timedelta(days=40)
    first = opened.hilfen.record_meeting(
        case.id,
        MeetingInput(
            held_on=first_day,
            hilfe_id=hilfe.id,
            participants=(Participant("Amal Al Zein", "Mutter"), Participant("Muharem", "Sohn")),
            young_person_name="Muharem",
            young_person_words="Ich will auf meiner Schule bleiben.",
            agreed_help_scope="SPFH, 4,5 Stunden pro Woche",
            goal_ids=goal_ids,
            tasks=(TaskInput("Mutter", "Termin mit der Klassenlehrerin", first_day),),
            next_on=first_day + dt.timedelta(days=182),
        ),
    )
    assert [g.goal_id for g in first.goals] == list(goal_ids)
    assert first.goals[0].text.startswith("Muharems Hausaufgaben")
    opened.goals.review_goal(
        goal_ids[0], ReviewInput(GoalStatus.PARTLY, TODAY - dt.timedelta(days=10), "besser")
    )
    proposal = opened.hilfen.next_meeting_input(case.id, TODAY)
    assert proposal.previous_id == first.id
    assert proposal.goal_ids == goal_ids
    assert proposal.participants == first.participants
    assert proposal.young_person_words == ""
    assert [t.what for t in proposal.tasks] == ["Termin mit der Klassenlehrerin"]
    second = opened.hilfen.record_meeting(
        case.id,
        MeetingInput(
            **{
                **proposal.__dict__,
                "young_person_words": "Es ist besser geworden.",
            }
        ),
    )
    assert second.previous_held_on == first_day
    history = second.goals[0].reviews
    assert [(r.status, r.comment) for r in history] == [(GoalStatus.PARTLY.value, "besser")]
    assert [m.id for m in opened.hilfen.meetings(case.id)] == [second.id, first.id]


def test_the_next_hilfeplan_and_its_tasks_are_dated_items(opened, tmp_path):
    from asd_desktop.domain.enums import DueKind

    case = make_case(opened)
    hilfe = opened.hilfen.add_hilfe(case.id, spfh())
    held = TODAY - dt.timedelta(days=3)
    meeting = opened.hilfen.record_meeting(
        case.id,
        MeetingInput(
            held_on=held,
            hilfe_id=hilfe.id,
            participants=(Participant("Amal Al Zein", "Mutter"),),
            tasks=(TaskInput("Familienhilfe", "Kita-Platz klären", TODAY + dt.timedelta(7)),),
            next_on=TODAY + dt.timedelta(days=180),
        ),
    )
    items = opened.deadlines.items(case_id=case.id)
    kinds = {i.kind: i for i in items}
    assert kinds[DueKind.HILFEPLAN].due_on == TODAY + dt.timedelta(days=180)
    assert kinds[DueKind.HILFEPLAN].tab == "hilfen"
    task = kinds[DueKind.HILFEPLAN_TASK]
    assert task.title == "Kita-Platz klären"
    assert task.can_mark_done
    assert opened.deadlines.next_due([case.id])[case.id] == TODAY + dt.timedelta(7)
    # The office calendar gets both (Aktenzeichen and kind, no names).
    ics = tmp_path / "termine.ics"
    opened.calendar.export(ics)
    text = ics.read_text(encoding="utf-8").replace("\r\n ", "")
    assert f"SUMMARY:{case.file_number} · Hilfeplangespräch" in text
    assert f"SUMMARY:{case.file_number} · Aufgabe aus dem Hilfeplan" in text
    assert "Kita-Platz" not in text
    opened.deadlines.mark_done(task.key, TODAY, "Frau Krüger")
    # A later Hilfeplangespräch holds the planned one.
    opened.hilfen.record_meeting(
        case.id,
        MeetingInput(
            held_on=TODAY,
            participants=(Participant("Amal Al Zein"),),
            previous_id=meeting.id,
        ),
    )
    assert opened.deadlines.items(case_id=case.id) == []


def test_a_hze_decided_in_a_kollegiale_beratung_leads_to_a_prepared_hilfe_and_hilfeplan(opened):
    import dataclasses

    from tests.unit.test_consultation_service import complete

    case = make_case(opened)
    agreement = opened.goals.finish(case.id, full_draft())
    c = complete(opened, case.id)
    opened.consultations.save(
        c.id, dataclasses.replace(c.fields, hze_decided=True, hze_kind="SPFH, 4 Std./Woche")
    )
    opened.consultations.add_need(c.id, "Elterncafé am Nachmittag")
    opened.consultations.close(c.id)
    assert [d[0] for d in opened.hilfen.decided_without_hilfe(case.id)] == [c.id]

    prepared = opened.hilfen.prepare_from_consultation(c.id)
    assert prepared.hilfe.kind == "sgb8_31"
    assert prepared.hilfe.consultation_id == c.id
    assert prepared.hilfe.start_on == c.fields.held_on
    assert prepared.meeting.goal_ids == tuple(g.id for g in agreement.goals)
    assert prepared.meeting.next_on is not None
    hilfe = opened.hilfen.add_hilfe(case.id, prepared.hilfe)
    assert opened.hilfen.decided_without_hilfe(case.id) == []
    meeting = opened.hilfen.record_meeting(
        case.id,
        dataclasses.replace(
            prepared.meeting,
            hilfe_id=hilfe.id,
            participants=(Participant("Ayşe Yılmaz", "Mutter"),),
        ),
    )
    assert [g.goal_id for g in meeting.goals] == list(prepared.meeting.goal_ids)
    assert meeting.hilfe_id == hilfe.id


def test_the_kind_is_read_from_the_consultation_s_words(opened):
    from asd_desktop.services.hilfen import match_kind

    kinds = opened.hilfen.kinds()
    assert match_kind("Sozialpädagogische Familienhilfe (§ 31 SGB VIII)", kinds) == "sgb8_31"
    assert match_kind("Eingliederungshilfe nach § 35a", kinds) == "sgb8_35a"
    assert match_kind("Tagesgruppe", kinds) == "sgb8_32"
    assert match_kind("Unterbringung in einer Wohngruppe", kinds) == "sgb8_34"
    assert match_kind("noch offen", kinds) == ""


def test_changing_a_hilfeplan_keeps_links_and_removing_a_help_keeps_its_plans(opened):
    import dataclasses

    case = make_case(opened)
    agreement = opened.goals.finish(case.id, full_draft())
    first, second = (g.id for g in agreement.goals)
    hilfe = opened.hilfen.add_hilfe(case.id, spfh())
    meeting = opened.hilfen.record_meeting(
        case.id,
        MeetingInput(
            held_on=TODAY,
            hilfe_id=hilfe.id,
            participants=(Participant("Amal Al Zein"),),
            goal_ids=(first, second),
            tasks=(TaskInput("Mutter", "Kita anrufen", TODAY), TaskInput("Vater", "Arzt", None)),
        ),
    )
    task = meeting.tasks[0]
    opened.deadlines.mark_done(f"{DueKind.HILFEPLAN_TASK.value}:{task.id}", TODAY, "Frau Krüger")
    changed = opened.hilfen.update_meeting(
        meeting.id,
        dataclasses.replace(
            opened.hilfen.meeting(meeting.id).as_input(),
            goal_ids=(second,),
            tasks=(TaskInput("Mutter", "Kita anrufen", TODAY),),
        ),
    )
    assert [g.goal_id for g in changed.goals] == [second]
    # The unchanged task keeps its id and its done state; the dropped one is gone.
    assert [(t.id, t.done_on) for t in changed.tasks] == [(task.id, TODAY)]
    with pytest.raises(ValidationError) as err:
        opened.hilfen.update_meeting(
            meeting.id, dataclasses.replace(changed.as_input(), participants=())
        )
    assert "participants" in err.value.problems
    opened.hilfen.remove_hilfe(hilfe.id)
    assert opened.hilfen.hilfen(case.id) == []
    [kept] = opened.hilfen.meetings(case.id)
    assert kept.hilfe_id is None
    assert verify(opened.database.session_factory).ok
