"""The guided-process core and the three processes' rules, without a display or database."""

from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess
import sys
from dataclasses import dataclass

import pytest

from asd_desktop.domain.consultation import (
    CONSULTATION,
    PAGE_IDEAS,
    PAGE_PRESENTATION,
    PAGE_QUESTION,
    PAGE_SELECTION,
    PAGE_SOZIALRAUM,
    PAGE_SUMMARY,
    SOURCE_ORDER,
    ConsultationInput,
    ConsultationView,
    IdeaView,
    NeedView,
)
from asd_desktop.domain.enums import CouncilPhase, FamilyInterest, IdeaSource
from asd_desktop.domain.familienrat import (
    PHASE_PAGES,
    CouncilView,
    DecisionInput,
    FamilyPhaseInput,
    InformationInput,
    ParticipantView,
    PhaseProcess,
    PreparationInput,
    completes_phase,
    phase_problems,
)
from asd_desktop.domain.goal_process import (
    GOAL_PROCESS,
    PAGE_CONCERN,
    PAGE_DIRECTION,
    PAGE_GOALS,
    PAGE_RESOURCES,
    PAGE_STEPS,
    PAGE_TITLES,
    PAGE_WILL,
    ActionGoalDraft,
    GoalDraft,
    GoalProcess,
    ResourceDraft,
    StepDraft,
    page_problems,
)
from asd_desktop.domain.guided import (
    FINISHED,
    AutosavePolicy,
    GuidedProcess,
    Page,
    Problem,
    problems_by_key,
)

# --- the core, on a small branching process (as electrum's wizard tests do) ---------------


@dataclass(frozen=True)
class Trip:
    """A made-up state: a trip that needs a destination, and a ticket only when travelling."""

    destination: str = ""
    by_train: bool = False
    ticket: str = ""


class TripProcess(GuidedProcess[Trip]):
    name = "Reise"
    pages = (
        Page(0, "Ziel", ("destination", "by_train")),
        Page(1, "Fahrkarte", ("ticket",)),
        Page(2, "Fertig"),
    )

    def next_page(self, page_id: int, state: Trip) -> int:
        if page_id == 0 and not state.by_train:
            return 2
        return super().next_page(page_id, state)

    def page_problems(self, page_id: int, state: Trip) -> tuple[Problem, ...]:
        if page_id == 0 and not state.destination:
            return (Problem(0, "destination", "Wohin?"),)
        if page_id == 1 and not state.ticket:
            return (Problem(1, "ticket", "Welche Fahrkarte?"),)
        return ()

    def closing_problems(self, state: Trip) -> tuple[Problem, ...]:
        if state.destination == "Mond":
            return (Problem(FINISHED, "destination", "Zu weit."),)
        return ()


def test_branching_is_a_pure_function_of_the_state():
    trip = TripProcess()
    assert trip.next_page(0, Trip()) == 2
    assert trip.next_page(0, Trip(by_train=True)) == 1
    assert trip.next_page(2, Trip()) == FINISHED
    assert trip.next_page(7, Trip()) == FINISHED
    assert trip.path(Trip()) == (0, 2)
    assert trip.path(Trip(by_train=True)) == (0, 1, 2)
    assert trip.is_last(2, Trip())
    assert not trip.is_last(0, Trip())


def test_missing_follows_the_path_and_adds_the_closing_rules():
    trip = TripProcess()
    assert [p.field for p in trip.missing(Trip())] == ["destination"]
    # The ticket page is only missing when it is on the way.
    assert [p.field for p in trip.missing(Trip("Bonn", by_train=True))] == ["ticket"]
    assert trip.missing(Trip("Bonn")) == ()
    assert trip.can_close(Trip("Bonn"))
    assert trip.missing(Trip("Mond")) == (Problem(FINISHED, "destination", "Zu weit."),)


def test_resume_at_the_saved_page_but_never_past_an_incomplete_one():
    trip = TripProcess()
    assert trip.resume_page(Trip("Bonn", by_train=True, ticket="BC")) == 0
    assert trip.resume_page(Trip("Bonn", by_train=True, ticket="BC"), 2) == 2
    assert trip.resume_page(Trip("Bonn", by_train=True), 2) == 1
    assert trip.resume_page(Trip(), 2) == 0
    # A saved page that is no longer on the path: the next page that is.
    assert trip.resume_page(Trip("Bonn"), 1) == 2
    assert trip.resume_page(Trip("Bonn"), 9) == 2


def test_pages_titles_and_fields():
    trip = TripProcess()
    assert trip.first_page() == 0
    assert trip.title(1) == "Fahrkarte"
    assert trip.title(FINISHED) == ""
    assert trip.page_of("ticket") == 1
    assert trip.page_of("nothing") == FINISHED
    with pytest.raises(KeyError):
        trip.page(5)


def test_problems_are_typed_values_with_a_key_per_row():
    assert Problem(3, "goal.indicator", "x", row=1).key == "goal2.indicator"
    assert Problem(4, "resource", "x", row=0).key == "resource1"
    assert Problem(0, "concern", "x").key == "concern"
    assert problems_by_key([Problem(0, "a", "A"), Problem(1, "b.c", "B", 2)]) == {
        "a": "A",
        "b3.c": "B",
    }
    with pytest.raises(dataclasses.FrozenInstanceError):
        Problem(0, "a", "A").message = "B"  # type: ignore[misc]


def test_every_process_saves_itself_the_same_way():
    policy = AutosavePolicy()
    assert (policy.idle_ms, policy.on_page_change, policy.on_leave) == (2000, True, True)
    processes: list[GuidedProcess[object]] = [
        GOAL_PROCESS,  # type: ignore[list-item]
        PhaseProcess(CouncilPhase.PREPARATION),  # type: ignore[list-item]
        CONSULTATION,  # type: ignore[list-item]
    ]
    assert {p.autosave for p in processes} == {policy}


def test_the_domain_imports_no_qt_and_no_reportlab():
    code = (
        "import sys\n"
        "import asd_desktop.domain.guided, asd_desktop.domain.goal_process\n"
        "import asd_desktop.domain.familienrat, asd_desktop.domain.consultation\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6', 'reportlab')]\n"
        "assert not bad, bad\n"
        "import asd_desktop.domain.guided as g\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# --- Zielerarbeitung ---------------------------------------------------------------------


def _full_goal_draft(**changes: object) -> GoalDraft:
    draft = GoalDraft(
        concern="Wir streiten zu viel.",
        concern_by="Frau Yılmaz",
        will="Wieder ruhig miteinander reden.",
        direction_goal="Wir reden ruhig miteinander.",
        direction_people="Familie Yılmaz",
        action_goals=(ActionGoalDraft("Abendessen zusammen", "3x pro Woche", dt.date(2030, 1, 1)),),
        agreed_on=dt.date(2029, 10, 1),
        review_on=dt.date(2030, 1, 1),
        present=("Frau Yılmaz",),
    )
    return dataclasses.replace(draft, **changes)  # type: ignore[arg-type]


def test_goal_process_runs_straight_through_seven_pages():
    draft = GoalDraft()
    assert [p.title for p in GOAL_PROCESS.pages] == list(PAGE_TITLES)
    assert GOAL_PROCESS.path(draft) == tuple(range(7))
    assert [GOAL_PROCESS.next_page(p, draft) for p in range(7)] == [1, 2, 3, 4, 5, 6, FINISHED]


def test_goal_pages_name_the_row_of_a_problem_without_parsing_keys():
    draft = _full_goal_draft(
        action_goals=(
            ActionGoalDraft("Abendessen", "3x", dt.date(2030, 1, 1)),
            ActionGoalDraft("Schule", "", None),
        ),
        resources=(ResourceDraft(description="", goal_indexes=(5,)),),
        steps=(StepDraft(who="", what="Anrufen"),),
    )
    goals = GOAL_PROCESS.page_problems(PAGE_GOALS, draft)
    assert [(p.page, p.field, p.row) for p in goals] == [
        (PAGE_GOALS, "goal.indicator", 1),
        (PAGE_GOALS, "goal.due_on", 1),
    ]
    resources = GOAL_PROCESS.page_problems(PAGE_RESOURCES, draft)
    assert [(p.field, p.row) for p in resources] == [("resource", 0), ("resource.goals", 0)]
    steps = GOAL_PROCESS.page_problems(PAGE_STEPS, draft)
    assert [(p.field, p.row, p.message) for p in steps] == [
        ("step.who", 0, "Schritt 1: bitte eintragen, wer es tut.")
    ]
    # The keys the pages and the service used before stay the same.
    assert set(page_problems(draft, PAGE_GOALS)) == {"goal2.indicator", "goal2.due_on"}


def test_goal_missing_list_names_every_page_in_order():
    missing = GOAL_PROCESS.missing(GoalDraft())
    assert [p.page for p in missing] == sorted(p.page for p in missing)
    assert {p.page for p in missing} == {
        PAGE_CONCERN,
        PAGE_WILL,
        PAGE_DIRECTION,
        PAGE_GOALS,
        6,
    }
    assert GOAL_PROCESS.missing(_full_goal_draft()) == ()


def test_goal_warnings_question_dates_in_the_past():
    process = GoalProcess(today=lambda: dt.date(2030, 6, 1))
    draft = _full_goal_draft(steps=(StepDraft("Frau Yılmaz", "Anrufen", dt.date(2030, 5, 1)),))
    assert [(w.field, w.row) for w in process.page_warnings(PAGE_GOALS, draft)] == [
        ("goal.due_on", 0)
    ]
    assert [w.key for w in process.page_warnings(PAGE_STEPS, draft)] == ["step1.due_on"]
    assert process.page_problems(PAGE_GOALS, draft) == ()


def test_goal_draft_resumes_at_its_page_unless_an_earlier_page_lost_its_input():
    assert GOAL_PROCESS.resume_page(_full_goal_draft(), PAGE_GOALS) == PAGE_GOALS
    assert GOAL_PROCESS.resume_page(_full_goal_draft(will=""), PAGE_GOALS) == PAGE_WILL
    assert GOAL_PROCESS.resume_page(GoalDraft(), None) == PAGE_CONCERN


# --- Familienrat phases -------------------------------------------------------------------


def _council(phase: CouncilPhase = CouncilPhase.PREPARATION, **changes: object) -> CouncilView:
    view = CouncilView(
        id="c1",
        case_id="f1",
        origin_id=None,
        phase=phase,
        preparation=PreparationInput(),
        information=InformationInput(),
        family_phase=FamilyPhaseInput(),
        decision=DecisionInput(),
        outcome=None,
        hze_kind="",
        outcome_notes="",
    )
    return dataclasses.replace(view, **changes)  # type: ignore[arg-type]


def test_each_phase_has_its_pages_straight_through():
    for phase, pages in PHASE_PAGES.items():
        process = PhaseProcess(phase)
        assert process.path(_council(phase)) == tuple(range(len(pages)))
        assert process.is_last(len(pages) - 1, _council(phase))
    assert PhaseProcess(CouncilPhase.CLOSED).path(_council()) == ()


def test_phase_pages_never_block_but_the_phase_lists_what_is_missing_by_page():
    process = PhaseProcess(CouncilPhase.PREPARATION)
    view = _council(
        preparation=PreparationInput(
            informed_on=dt.date(2030, 1, 1),
            family_interest=FamilyInterest.YES,
            moderator_name="Herr Adeyemi",
        )
    )
    assert all(process.page_problems(p, view) == () for p in range(5))
    missing = process.missing(view)
    assert [(p.field, process.title(p.page)) for p in missing] == [
        ("concern", "Sorgeformulierung"),
        ("consent_on", "Sorgeformulierung"),
        ("participants", "Teilnehmende"),
        ("place", "Ort und Zeit"),
        ("meeting_at", "Ort und Zeit"),
    ]
    assert problems_by_key(missing) == phase_problems(view)


def test_information_phase_missing_items_sit_on_their_pages():
    process = PhaseProcess(CouncilPhase.INFORMATION)
    view = _council(
        CouncilPhase.INFORMATION,
        participants=(ParticipantView(name="Oma", id="p1"),),
        information=InformationInput(concern_read=True, procedure_explained=True),
    )
    assert [(p.field, p.page) for p in process.missing(view)] == [
        ("info_started_at", 0),
        ("attended", 1),
    ]


def test_a_problem_no_page_holds_has_no_page():
    view = _council(CouncilPhase.DECISION)
    missing = PhaseProcess(CouncilPhase.DECISION).missing(view)
    assert {p.field for p in missing} >= {"accepted", "approved", "agreements", "review_on"}
    assert {p.page for p in missing} == {FINISHED}


def test_a_wizard_completes_only_the_phase_the_council_stands_in():
    assert completes_phase(_council(CouncilPhase.INFORMATION), CouncilPhase.INFORMATION)
    assert not completes_phase(_council(CouncilPhase.DECISION), CouncilPhase.INFORMATION)


# --- Kollegiale Beratung ------------------------------------------------------------------


def _consultation(**changes: object) -> ConsultationView:
    view = ConsultationView(
        id="k1",
        case_id="f1",
        file_number="2030-001",
        family_name="Yılmaz",
        fields=ConsultationInput(held_on=dt.date(2030, 1, 1)),
        closed=False,
    )
    return dataclasses.replace(view, **changes)  # type: ignore[arg-type]


def test_consultation_pages_follow_the_methods_order():
    view = _consultation()
    assert CONSULTATION.path(view) == tuple(range(9))
    assert [PAGE_IDEAS[s] for s in SOURCE_ORDER] == [2, 3, 4, 5]
    assert CONSULTATION.title(PAGE_IDEAS[IdeaSource.PERSON]).startswith("Ideen 1 von 4")
    assert CONSULTATION.is_last(PAGE_SUMMARY, view)
    assert CONSULTATION.resume_page(view) == PAGE_PRESENTATION


def test_consultation_missing_list_points_to_the_pages():
    missing = CONSULTATION.missing(_consultation())
    assert [(p.field, p.page) for p in missing] == [
        ("presenter", PAGE_PRESENTATION),
        ("question", PAGE_QUESTION),
        ("ideas", PAGE_IDEAS[IdeaSource.PERSON]),
        ("selection", PAGE_SELECTION),
    ]


def test_consultation_with_a_hze_needs_the_sozialraum_answer():
    fields = ConsultationInput(
        held_on=dt.date(2030, 1, 1),
        presenter="Frau Berger",
        question="Welche Ideen?",
        hze_decided=True,
    )
    idea = IdeaView(IdeaSource.PERSON, "Oma fragen", selected=True, id="i1")
    view = _consultation(fields=fields, ideas=(idea,))
    assert [(p.field, p.page) for p in CONSULTATION.missing(view)] == [
        ("hze_kind", PAGE_SELECTION),
        ("needs", PAGE_SOZIALRAUM),
    ]
    done = _consultation(
        fields=dataclasses.replace(fields, hze_kind="SPFH"),
        ideas=(idea,),
        needs=(NeedView("n1", "Elterncafé"),),
    )
    assert CONSULTATION.can_close(done)
