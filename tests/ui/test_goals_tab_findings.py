"""The "Wille & Ziele" tab shows the goal checker's open findings on agreed goals (issue 14)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from asd_desktop.domain.enums import ResourceKind
from asd_desktop.language import analyser_if_ready, check_goal_now
from asd_desktop.services.goals import ActionGoalDraft, GoalDraft, ResourceDraft, StepDraft
from asd_desktop.ui import goal_findings
from asd_desktop.ui.case_view import CONTACTS_TAB, GOALS_TAB, CaseView
from asd_desktop.ui.goal_findings import HINTS_TOOLTIP, NO_HINTS
from asd_desktop.ui.goal_wizard.checker_panel import CODE_TITLES, finding_text
from asd_desktop.ui.goals_tab import ActionGoalsModel, AgreementsModel, GoalsTab
from tests.ui.test_goals_tab import GOAL_2, _make_case

TODAY = dt.date.today()
#: Vague and undated: the word lists alone find both.
VAGUE = "Emre geht regelmäßig zur Schule."
#: Dated, but vague; the caseworker dismissed the finding in the wizard.
DISMISSED = "Bis zu den Herbstferien geht Emre regelmäßig zur Schule."
REASON = "So hat Emre es gesagt, die Familie versteht es."
#: A measure, not a goal: the Richtungsziel gets a count as well.
MEASURE = "Familie nimmt an einer Erziehungsberatung teil."
#: Vague in a way no word list holds: only the German model finds it.
INNER_STATE = "Frau Wagner ist bis zum Sommer psychisch belastbar."


def _agree(opened, case_id: str, direction: str, goals: tuple[ActionGoalDraft, ...]):
    draft = GoalDraft(
        concern="Emre soll wieder gern zur Schule gehen.",
        concern_by="Mutter",
        will="Emre möchte an seiner Schule bleiben.",
        direction_goal=direction,
        direction_people="Eltern und Emre",
        action_goals=goals,
        resources=(ResourceDraft(ResourceKind.SOCIAL, "Oma holt Elif dienstags ab", (0,)),),
        steps=(StepDraft("Mutter", "ruft die Klassenlehrerin an", TODAY),),
        place="Wohnung der Familie",
        agreed_on=TODAY - dt.timedelta(days=10),
        review_on=TODAY + dt.timedelta(days=80),
        present=("Mutter",),
        caseworker="Frau Berger",
    )
    return opened.goals.finish(case_id, draft)


def _goal(text: str, dismissed: tuple[tuple[str, str], ...] = ()) -> ActionGoalDraft:
    return ActionGoalDraft(text, "Zeichen", TODAY + dt.timedelta(days=60), "Emre", dismissed)


@pytest.fixture
def view(qtbot, opened):
    view = CaseView(opened.cases, goals=opened.goals, documents=opened.documents)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    qtbot.waitExposed(view)
    yield view
    view.clear()


def _tab(view: CaseView) -> GoalsTab:
    assert view.goals_tab is not None
    return view.goals_tab


def _hints(tab: GoalsTab) -> list[str]:
    model = tab.goals_model
    return [model.index(r, ActionGoalsModel.HINTS).data() for r in range(model.rowCount())]


def _select_goal(tab: GoalsTab, row: int) -> None:
    tab.goals_table.setCurrentIndex(tab.goals_model.index(row, 0))


def test_open_findings_are_counted_listed_and_dismissed_ones_show_their_reason(qtbot, opened, view):
    case_id = _make_case(opened)
    _agree(
        opened,
        case_id,
        MEASURE,
        (_goal(VAGUE), _goal(DISMISSED, (("vague", REASON),)), _goal(GOAL_2)),
    )
    view.show_case(case_id)
    view.set_current_tab(GOALS_TAB)
    tab = _tab(view)
    # Settled: checked again with the German model once it loaded (same findings here).
    qtbot.waitUntil(lambda: not tab.findings_cache.waiting(), timeout=60_000)

    # The count column: two open on the vague goal, none on the dismissed and the good one.
    assert tab.goals_model.HEADERS[ActionGoalsModel.HINTS] == "Hinweise"
    assert _hints(tab) == ["2", NO_HINTS, NO_HINTS]
    header = tab.goals_model.headerData(
        ActionGoalsModel.HINTS, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
    )
    assert header == HINTS_TOOLTIP
    cell = tab.goals_model.index(0, ActionGoalsModel.HINTS)
    tip = cell.data(Qt.ItemDataRole.ToolTipRole)
    assert "»regelmäßig«" in tip
    assert "bis wann" in tip
    # The Richtungsziel, where the tab shows it: the agreements table.
    direction = tab.agreements_model.index(0, AgreementsModel.HINTS)
    assert direction.data() == "2"
    assert "Erziehungsberatung" in direction.data(Qt.ItemDataRole.ToolTipRole)

    # The list of the chosen goal: the wizard's texts, then the Richtungsziel's.
    panel = tab.findings_panel
    vague_goal = tab.selected_goal()
    assert vague_goal is not None
    assert vague_goal.text == VAGUE
    assert panel.isVisible()
    assert panel.title() == "Hinweise der Zielprüfung zu Handlungsziel 1"
    lines = panel.messages()
    # The very texts of the wizard's checker panel.
    assert lines == [
        "Handlungsziel 1: 2 offene Hinweise",
        *(finding_text(f) for f in check_goal_now(VAGUE)),
        "Richtungsziel: 2 offene Hinweise",
        *(finding_text(f) for f in check_goal_now(MEASURE)),
    ]
    assert lines[1].startswith(f"{CODE_TITLES['vague']}:\n")
    assert "»regelmäßig«" in lines[1]
    assert lines[2].startswith(f"{CODE_TITLES['no_date']}:\n")
    assert lines[4].startswith(f"{CODE_TITLES['measure']}:\n")
    # Where dismissing happens is said beside the list.
    assert "Zielerarbeitung" in panel.where_label.text()
    assert panel.where_label.isVisible()

    # The dismissed finding is not counted; it is listed with its reason, as verworfen.
    _select_goal(tab, 1)
    lines = panel.messages()
    assert lines[0] == "Handlungsziel 2: keine offenen Hinweise"
    assert lines[1] == f"{CODE_TITLES['vague']} – verworfen.\nBegründung: {REASON}"
    assert panel.list.item(1).font().italic()
    assert "verworfen" in tab.goals_model.index(1, ActionGoalsModel.HINTS).data(
        Qt.ItemDataRole.ToolTipRole
    )

    # A good goal: nothing.
    _select_goal(tab, 2)
    assert panel.messages()[:2] == [
        "Handlungsziel 3: keine offenen Hinweise",
        "Richtungsziel: 2 offene Hinweise",
    ]

    # Keyboard: Tab from the goals reaches the list.
    tab.goals_table.setFocus()
    for _ in range(8):
        if panel.list.hasFocus():
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert panel.list.hasFocus()

    _select_goal(tab, 0)
    tab.goals_table.setFocus()
    assert tab.grab().save("/tmp/goals_tab.png")


def test_the_model_is_not_loaded_while_the_tab_does_not_show(qtbot, opened, view, monkeypatch):
    loads: list[bool] = []
    monkeypatch.setattr(goal_findings, "start_loading", lambda: loads.append(True))
    case_id = _make_case(opened)
    _agree(opened, case_id, MEASURE, (_goal(VAGUE),))
    view.show_case(case_id)
    view.set_current_tab(CONTACTS_TAB)
    tab = _tab(view)
    assert not tab.isVisible()
    assert tab.goals_model.rowCount() == 1
    assert tab.goals_model.findings == {}
    assert loads == []
    view.set_current_tab(GOALS_TAB)
    assert _hints(tab) == ["2"]


def test_the_german_model_refreshes_the_counts_without_blocking(qtbot, opened, view):
    case_id = _make_case(opened)
    _agree(opened, case_id, "Wir kennen Wege bis zu den Sommerferien.", (_goal(INNER_STATE),))
    loaded_before = analyser_if_ready() is not None
    view.show_case(case_id)
    view.set_current_tab(GOALS_TAB)
    tab = _tab(view)
    if not loaded_before:
        # The word lists answer at once; the model loads in its thread.
        assert _hints(tab) == [NO_HINTS]
        assert tab.findings_cache.waiting()
    qtbot.waitUntil(lambda: _hints(tab) == ["1"], timeout=60_000)
    assert analyser_if_ready() is not None
    assert not tab.findings_cache.waiting()
    lines = tab.findings_panel.messages()
    assert lines[0] == "Handlungsziel 1: 1 offener Hinweis"
    assert "»psychisch belastbar«" in lines[1]
    assert tab.agreements_model.index(0, AgreementsModel.HINTS).data() == NO_HINTS
