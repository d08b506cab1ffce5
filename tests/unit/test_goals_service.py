import datetime as dt

import pytest

from asd_desktop.domain.enums import Area, GoalStatus, ResourceKind
from asd_desktop.models.errors import ValidationError
from asd_desktop.services.audit import verify
from asd_desktop.services.cases import AreaInput, CaseInput
from asd_desktop.services.goals import (
    PAGE_CONCERN,
    PAGE_GOALS,
    PAGE_SUMMARY,
    ActionGoalDraft,
    GoalDraft,
    ResourceDraft,
    ReviewInput,
    StepDraft,
    area_notice,
    draft_from_json,
    draft_to_json,
    page_problems,
    page_warnings,
)

TODAY = dt.date.today()
MUHAREM = (
    "Wir Eltern und Muharem (13) kennen und nutzen bis zu den Sommerferien Wege, "
    "damit Muharem auf seiner jetzigen Schule bleiben kann."
)


def make_case(opened, area=Area.SERVICE):
    return opened.cases.create_case(
        CaseInput("2026/0100", "Al Zein", TODAY),
        AreaInput(area, TODAY, "Erstaufnahme", "Frau Krüger"),
    )


def full_draft(**changes) -> GoalDraft:
    draft = GoalDraft(
        page=PAGE_SUMMARY,
        concern="Muharem soll nicht von der Schule fliegen.",
        concern_by="Frau Al Zein",
        will="Dass Muharem an seiner Schule bleibt.",
        priority="Die Hausaufgaben zuerst.",
        direction_goal=MUHAREM,
        direction_people="Eltern Al Zein und Muharem",
        action_goals=(
            ActionGoalDraft(
                text="Muharems Hausaufgaben sind jeden Tag bis 18:00 Uhr vollständig erledigt.",
                indicator="Das Hausaufgabenheft ist abgezeichnet.",
                due_on=TODAY + dt.timedelta(days=60),
                involved="Muharem, Mutter",
                dismissed=(("no_date", "Datum steht im Feld »bis wann«"),),
            ),
            ActionGoalDraft(
                text="Muharem ist jeden Tag von Anfang bis Ende in der Schule.",
                indicator="Keine unentschuldigten Fehlzeiten im Zeugnis.",
                due_on=TODAY + dt.timedelta(days=90),
                involved="Muharem, Vater",
            ),
        ),
        resources=(
            ResourceDraft(ResourceKind.SOCIAL, "Onkel Karim hilft bei Mathe", (0,)),
            ResourceDraft(ResourceKind.SOCIAL_SPACE, "Hausaufgabenhilfe im KiFaZ", (0, 1)),
        ),
        steps=(StepDraft("Frau Al Zein", "Termin mit der Klassenlehrerin", TODAY),),
        place="Wohnung der Familie",
        agreed_on=TODAY,
        review_on=TODAY + dt.timedelta(days=91),
        present=("Amal Al Zein", "Muharem Al Zein"),
        caseworker="Frau Krüger",
    )
    return GoalDraft(**{**draft.__dict__, **changes})


def test_draft_survives_json_round_trip_with_non_ascii_and_dates():
    draft = full_draft(concern="Şükrü möchte, dass Doğan …")
    assert draft_from_json(draft_to_json(draft)) == draft


def test_pages_block_on_empty_mandatory_fields_with_german_reasons():
    empty = GoalDraft()
    assert set(page_problems(empty, PAGE_CONCERN)) == {"concern", "concern_by"}
    assert "mindestens ein Handlungsziel" in page_problems(empty, PAGE_GOALS)["action_goals"]
    bad_goal = GoalDraft(action_goals=(ActionGoalDraft(text="x"),))
    assert set(page_problems(bad_goal, PAGE_GOALS)) == {"goal1.indicator", "goal1.due_on"}
    assert page_problems(full_draft(), PAGE_SUMMARY) == {}
    late = full_draft(review_on=TODAY)
    assert "nach dem Tag" in page_problems(late, PAGE_SUMMARY)["review_on"]


def test_a_past_date_for_a_new_goal_is_questioned_not_blocked():
    past = full_draft(
        action_goals=(ActionGoalDraft("Text", "Zeichen", TODAY - dt.timedelta(days=1)),)
    )
    assert page_problems(past, PAGE_GOALS) == {}
    assert "Vergangenheit" in page_warnings(past, PAGE_GOALS)["goal1.due_on"]


def test_area_notice_only_outside_the_service_area():
    assert area_notice(Area.SERVICE) is None
    assert area_notice(None) is None
    grey = area_notice(Area.GREY)
    assert grey is not None
    assert "Graubereich" in grey
    assert "Auflagen" in grey


def test_draft_is_saved_replaced_and_dropped_when_finished(opened):
    case = make_case(opened)
    goals = opened.goals
    assert goals.load_draft(case.id) is None
    goals.save_draft(case.id, GoalDraft(page=1, concern="erst"))
    goals.save_draft(case.id, GoalDraft(page=2, concern="dann"))
    loaded = goals.load_draft(case.id)
    assert loaded is not None
    assert (loaded.page, loaded.concern) == (2, "dann")
    assert goals.overview(case.id).has_draft
    agreement = goals.finish(case.id, full_draft())
    assert goals.load_draft(case.id) is None
    overview = goals.overview(case.id)
    assert not overview.has_draft
    assert [a.id for a in overview.agreements] == [agreement.id]


def test_finish_stores_goals_resources_steps_and_people_present(opened):
    case = make_case(opened)
    agreement = opened.goals.finish(case.id, full_draft())
    assert agreement.direction_goal == MUHAREM
    assert [g.position for g in agreement.goals] == [0, 1]
    assert agreement.goals[0].dismissed == (("no_date", "Datum steht im Feld »bis wann«"),)
    assert agreement.goals[0].status is None
    assert agreement.present == ("Amal Al Zein", "Muharem Al Zein")
    assert [s.what for s in agreement.steps] == ["Termin mit der Klassenlehrerin"]
    resources = {r.description: r for r in opened.goals.case_resources(case.id)}
    kifaz = resources["Hausaufgabenhilfe im KiFaZ"]
    assert kifaz.kind is ResourceKind.SOCIAL_SPACE
    assert set(kifaz.goal_ids) == {g.id for g in agreement.goals}
    assert verify(opened.database.session_factory).ok


def test_resources_are_reused_by_later_goal_work(opened):
    case = make_case(opened)
    first = opened.goals.finish(case.id, full_draft())
    fresh = opened.goals.new_draft(case.id)
    reused = [r for r in fresh.resources if r.existing_id]
    assert {r.description for r in reused} == {
        "Onkel Karim hilft bei Mathe",
        "Hausaufgabenhilfe im KiFaZ",
    }
    karim = next(r for r in reused if r.description.startswith("Onkel"))
    second = opened.goals.finish(
        case.id,
        full_draft(
            resources=(ResourceDraft(karim.kind, karim.description, (1,), karim.existing_id),)
        ),
    )
    resources = opened.goals.case_resources(case.id)
    assert len(resources) == 2  # reused, not duplicated
    karim_after = next(r for r in resources if r.id == karim.existing_id)
    assert karim_after.goal_ids == (first.goals[0].id, second.goals[1].id)


def test_incomplete_draft_cannot_be_finished_and_nothing_is_stored(opened):
    case = make_case(opened)
    with pytest.raises(ValidationError) as err:
        opened.goals.finish(case.id, full_draft(direction_goal=" "))
    assert "direction_goal" in err.value.problems
    assert opened.goals.overview(case.id).agreements == ()


def test_reviews_keep_history_newest_first(opened):
    case = make_case(opened)
    goal = opened.goals.finish(case.id, full_draft()).goals[0]
    opened.goals.review_goal(
        goal.id, ReviewInput(GoalStatus.PARTLY, TODAY - dt.timedelta(days=30), "Montags fehlt es")
    )
    opened.goals.review_goal(goal.id, ReviewInput(GoalStatus.REACHED, TODAY))
    [agreement] = opened.goals.overview(case.id).agreements
    reviewed = agreement.goals[0]
    assert reviewed.status is GoalStatus.REACHED
    assert [r.status for r in reviewed.reviews] == [GoalStatus.REACHED, GoalStatus.PARTLY]
    with pytest.raises(ValidationError) as err:
        opened.goals.review_goal(goal.id, ReviewInput(GoalStatus.CHANGED, TODAY))
    assert "comment" in err.value.problems
