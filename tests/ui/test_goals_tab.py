"""The "Wille & Ziele" tab: agreements, goal statuses and reviews, resources, the draft banner."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget, QWizard

from asd_desktop.domain.enums import Area, GoalStatus, ResourceKind, Role
from asd_desktop.services import vault
from asd_desktop.services.cases import AreaInput, CaseInput, PersonInput
from asd_desktop.services.goals import (
    PAGE_RESOURCES,
    ActionGoalDraft,
    GoalDraft,
    ResourceDraft,
    ReviewInput,
    StepDraft,
)
from asd_desktop.ui.case_view import CONTACTS_TAB, DOCUMENTS_TAB, GOALS_TAB, CaseView
from asd_desktop.ui.dialogs.review_dialog import ReviewDialog
from asd_desktop.ui.goals_tab import NOT_REVIEWED, ActionGoalsModel, GoalsTab
from asd_desktop.ui.main_window import MainWindow
from asd_desktop.ui.pdf_preview import PdfPreviewDialog
from tests.conftest import PASSPHRASE

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"
TODAY = dt.date.today()
GOAL_1 = (
    "Muharems Hausaufgaben sind bis zu den Sommerferien jeden Tag um 18 Uhr vollständig "
    "und selbstständig erledigt."
)
GOAL_2 = "Bis zum 30. April liegt Elifs Sportzeug jeden Dienstagmorgen gepackt an der Wohnungstür."


def screenshot(widget: QWidget, name: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    assert widget.grab().save(str(SCREENSHOTS / f"{name}.png"))


def _make_case(opened, area: Area = Area.SERVICE):
    row = opened.cases.create_case(
        CaseInput("ASD-2025-0042", "Yılmaz", TODAY - dt.timedelta(days=200), "Frau Berger"),
        AreaInput(area, TODAY - dt.timedelta(days=200), "Erstaufnahme", "Frau Berger"),
    )
    opened.cases.add_person(
        row.id, PersonInput("Yılmaz", "Şükrü", roles=(Role.FATHER, Role.CUSTODY))
    )
    return row.id


def _agree(opened, case_id: str, agreed_on: dt.date, direction: str, goals=(GOAL_1, GOAL_2)):
    draft = GoalDraft(
        concern="Emre soll wieder gern zur Schule gehen.",
        concern_by="Şükrü Yılmaz",
        will="Muharem möchte an seiner Schule bleiben.",
        direction_goal=direction,
        direction_people="Eltern und Muharem",
        action_goals=tuple(
            ActionGoalDraft(text, f"Zeichen {n}", agreed_on + dt.timedelta(days=60), "Muharem")
            for n, text in enumerate(goals, start=1)
        ),
        resources=(
            ResourceDraft(
                ResourceKind.SOCIAL, "Oma Ayşe holt Elif dienstags ab", (len(goals) - 1,)
            ),
        ),
        steps=(StepDraft("Mutter", "ruft die Klassenlehrerin an", agreed_on),),
        place="Wohnung der Familie",
        agreed_on=agreed_on,
        review_on=agreed_on + dt.timedelta(days=91),
        present=("Şükrü Yılmaz",),
        caseworker="Frau Berger",
    )
    return opened.goals.finish(case_id, draft)


@pytest.fixture
def case_id(opened):
    return _make_case(opened)


@pytest.fixture
def view(qtbot, opened):
    view = CaseView(opened.cases, goals=opened.goals, documents=opened.documents)
    qtbot.addWidget(view)
    view.resize(1100, 760)
    view.show()
    qtbot.waitExposed(view)
    yield view
    view.clear()


def _tab(view: CaseView) -> GoalsTab:
    assert view.goals_tab is not None
    return view.goals_tab


def test_tabs_appear_with_their_services_and_the_old_interface_still_works(qtbot, opened):
    full = CaseView(
        opened.cases,
        goals=opened.goals,
        documents=opened.documents,
        familienrat=opened.familienrat,
    )
    qtbot.addWidget(full)
    # Building the view opens no stray windows (they would steal the keyboard focus).
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible()] == []
    titles = [full.tabs.tabText(n) for n in range(full.tabs.count())]
    assert titles == [
        "Ü&berblick",
        "&Kontakte",
        "&Wille && Ziele",
        "Familien&rat",
        "D&okumente",
    ]
    assert full.tabs.widget(GOALS_TAB) is full.goals_tab
    assert full.tabs.widget(DOCUMENTS_TAB) is full.documents_tab
    plain = CaseView(opened.cases)
    qtbot.addWidget(plain)
    assert plain.tabs.count() == CONTACTS_TAB + 1
    assert plain.goals_tab is None
    assert plain.documents_tab is None


def test_agreements_newest_first_with_goal_status_and_resources(qtbot, opened, case_id, view):
    _agree(
        opened, case_id, TODAY - dt.timedelta(days=120), "Wir kennen Wege bis Ostern.", (GOAL_2,)
    )
    newest = _agree(
        opened, case_id, TODAY - dt.timedelta(days=10), "Wir kennen Wege bis zu den Sommerferien."
    )
    view.show_case(case_id)
    view.set_current_tab(GOALS_TAB)
    tab = _tab(view)
    assert not tab.banner.isVisible()
    model = tab.agreements_model
    assert model.rowCount() == 2
    assert model.index(0, 1).data() == "Wir kennen Wege bis zu den Sommerferien."
    assert model.index(0, 0).data() == (TODAY - dt.timedelta(days=10)).strftime("%d.%m.%Y")
    selected = tab.selected_agreement()
    assert selected is not None
    assert selected.id == newest.id
    goals = tab.goals_model
    assert goals.rowCount() == 2
    assert goals.index(0, ActionGoalsModel.TEXT).data() == GOAL_1
    assert goals.index(0, ActionGoalsModel.INDICATOR).data() == "Zeichen 1"
    assert goals.index(1, ActionGoalsModel.STATUS).data() == NOT_REVIEWED
    resources = tab.resources_model
    kinds = {resources.index(r, 0).data() for r in range(resources.rowCount())}
    assert kinds == {"sozial"}
    assert resources.rowCount() == 2
    assert tab.reviews_model.rowCount() == 0
    screenshot(view, "goals_tab")


def test_review_through_the_tab_keeps_the_history(qtbot, opened, case_id, view, monkeypatch):
    agreement = _agree(opened, case_id, TODAY - dt.timedelta(days=100), "Wir kennen Wege.")
    view.show_case(case_id)
    view.set_current_tab(GOALS_TAB)
    tab = _tab(view)
    tab.goals_table.selectRow(1)
    tab.goals_table.setCurrentIndex(tab.goals_model.index(1, 0))
    goal = tab.selected_goal()
    assert goal is not None
    assert goal.id == agreement.goals[1].id
    answers = [
        ReviewInput(GoalStatus.PARTLY, TODAY - dt.timedelta(days=30), "Meistens gepackt."),
        ReviewInput(GoalStatus.REACHED, TODAY, "Jeden Dienstag gepackt."),
    ]
    asked = []

    def ask(cls, parent, goal):
        asked.append(goal.id)
        return answers.pop(0)

    monkeypatch.setattr(ReviewDialog, "ask", classmethod(ask))
    with qtbot.waitSignal(tab.goals_changed) as changed:
        tab.review_button.click()
    assert changed.args == [case_id]
    # Enter on a goal opens the review as well.
    tab.goals_table.setFocus()
    qtbot.keyClick(tab.goals_table, Qt.Key.Key_Return)
    assert asked == [agreement.goals[1].id] * 2
    goal = tab.selected_goal()
    assert goal is not None
    assert goal.id == agreement.goals[1].id
    status = tab.goals_model.index(1, ActionGoalsModel.STATUS).data()
    assert status == f"erreicht (am {TODAY:%d.%m.%Y})"
    history = [
        (
            tab.reviews_model.index(r, 0).data(),
            tab.reviews_model.index(r, 1).data(),
            tab.reviews_model.index(r, 2).data(),
        )
        for r in range(tab.reviews_model.rowCount())
    ]
    assert history == [
        (f"{TODAY:%d.%m.%Y}", "erreicht", "Jeden Dienstag gepackt."),
        (f"{TODAY - dt.timedelta(days=30):%d.%m.%Y}", "teilweise erreicht", "Meistens gepackt."),
    ]
    stored = opened.goals.agreement(agreement.id).goals[1]
    assert stored.status is GoalStatus.REACHED
    assert len(stored.reviews) == 2
    screenshot(view, "goals_tab_ueberpruefung")


def test_review_dialog_questions_a_changed_goal_without_comment(qtbot, opened, case_id):
    agreement = _agree(opened, case_id, TODAY - dt.timedelta(days=100), "Wir kennen Wege.")
    dialog = ReviewDialog(agreement.goals[0])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.status_combo.setCurrentIndex(list(GoalStatus).index(GoalStatus.CHANGED))
    dialog.save_button.click()
    assert dialog.result() != ReviewDialog.DialogCode.Accepted
    assert (
        dialog.problems_label.text() == "Bitte kurz beschreiben, wie sich das Ziel verändert hat."
    )
    assert dialog.comment_edit.hasFocus()
    dialog.reviewed_on_edit.setDate(dialog.reviewed_on_edit.date().addDays(3))
    dialog.comment_edit.setPlainText("Jetzt geht es um den Montag.")
    dialog.save_button.click()
    assert "in der Zukunft" in dialog.problems_label.text()
    dialog.reviewed_on_edit.setDate(dialog.reviewed_on_edit.date().addDays(-3))
    dialog.save_button.click()
    assert dialog.result() == ReviewDialog.DialogCode.Accepted
    assert dialog.values() == ReviewInput(GoalStatus.CHANGED, TODAY, "Jetzt geht es um den Montag.")
    screenshot(dialog, "review_dialog")


def test_banner_offers_to_continue_or_discard_a_draft(qtbot, opened, case_id, view, monkeypatch):
    opened.goals.save_draft(
        case_id,
        GoalDraft(
            page=PAGE_RESOURCES,
            concern="Ruhe am Morgen",
            concern_by="Mutter",
            will="x",
            direction_goal="Wir",
            direction_people="alle",
            action_goals=(ActionGoalDraft("a", "b", TODAY + dt.timedelta(days=9)),),
        ),
    )
    view.show_case(case_id)
    tab = _tab(view)
    assert view.current_tab() == GOALS_TAB
    assert tab.banner.isVisible()
    assert "kann fortgesetzt werden" in tab.banner_label.text()
    assert tab.start_button.text() == "Zielerarbeitung fort&setzen…"

    # Continue: the wizard opens at the saved page; leaving it keeps the draft.
    tab.start_button.click()
    wizard = tab.wizard
    assert wizard is not None
    assert wizard.currentId() == PAGE_RESOURCES
    assert wizard.concern_page.concern_edit.toPlainText() == "Ruhe am Morgen"
    with qtbot.waitSignal(wizard.finished):
        wizard.button(QWizard.WizardButton.CancelButton).click()
    assert opened.goals.load_draft(case_id).page == PAGE_RESOURCES

    # Discard asks first; "Nein" keeps it.
    replies = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: replies.pop(0))
    tab.discard_button.click()
    assert tab.banner.isVisible()
    tab.discard_button.click()
    assert not tab.banner.isVisible()
    assert opened.goals.load_draft(case_id) is None
    assert tab.start_button.text() == "Zielerarbeitung &starten…"


def test_finished_wizard_prints_the_agreement_into_the_documents(
    qtbot, opened, case_id, view, monkeypatch
):
    shown = []
    monkeypatch.setattr(
        PdfPreviewDialog,
        "show_document",
        classmethod(lambda cls, parent, documents, document_id: shown.append(document_id)),
    )
    view.show_case(case_id)
    tab = _tab(view)
    view.start_goal_work()
    assert view.current_tab() == GOALS_TAB
    wizard = tab.wizard
    assert wizard is not None
    wizard.concern_page.concern_edit.setPlainText("Ruhe am Morgen")
    wizard.concern_page.concern_by_edit.setText("Şükrü Yılmaz")
    wizard.next()
    wizard.will_page.will_edit.setPlainText("Morgens ohne Streit")
    wizard.next()
    wizard.direction_page.direction_edit.setPlainText("Wir frühstücken bis Ostern in Ruhe.")
    wizard.direction_page.people_edit.setText("alle")
    wizard.next()
    page = wizard.goals_page
    page.text_edit.setPlainText(GOAL_2)
    page.indicator_edit.setPlainText("Die Tasche steht da.")
    page.due_edit.checkbox.setChecked(True)
    for _ in range(3):
        wizard.next()
    wizard.summary_page.set_present("Şükrü Yılmaz")
    assert wizard.button(QWizard.WizardButton.FinishButton).text() == (
        "&Speichern und Zielvereinbarung drucken"
    )
    with qtbot.waitSignal(tab.goals_changed):
        wizard.button(QWizard.WizardButton.FinishButton).click()
    # The agreement is rendered off the GUI thread, then shown.
    rendering = tab.print_operation
    assert rendering is not None
    qtbot.waitUntil(lambda: rendering.done, timeout=10_000)
    documents = opened.documents.list_for_case(case_id)
    assert len(documents) == 1
    assert shown == [documents[0].id]
    assert tab.wizard is None
    assert tab.agreements_model.rowCount() == 1
    assert tab.goals_model.index(0, ActionGoalsModel.TEXT).data() == GOAL_2
    assert view.documents_tab is not None
    assert view.documents_tab.model.rowCount() == 1

    # Printing again from the tab stores another version.
    with qtbot.waitSignal(tab.goals_changed, timeout=10_000):
        tab.print_button.click()
    assert len(opened.documents.list_for_case(case_id)) == 2
    assert len(shown) == 2
    assert view.documents_tab.model.rowCount() == 2


def test_main_window_ctrl_g_starts_the_zielerarbeitung(qtbot, data_dir):
    opened = vault.create_vault(data_dir, PASSPHRASE, PASSPHRASE)
    case_id = _make_case(opened, Area.GREY)
    opened.close()
    window = MainWindow(data_dir)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page = window.lock_screen.unlock
    page.passphrase.setText(PASSPHRASE)
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.is_locked())
    assert window.goal_work_action.shortcut().toString() == "Ctrl+G"
    window.select_case(case_id)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    view = window.case_view
    assert view is not None
    assert view.current_case_id() == case_id
    wizard = _tab(view).wizard
    assert wizard is not None
    assert wizard.concern_page.area_notice_label.isVisibleTo(wizard)
    assert "Graubereich" in wizard.concern_page.area_notice_label.text()
    # Locking leaves nothing on screen; what was typed stays in the encrypted draft.
    wizard.concern_page.concern_edit.setPlainText("Ruhe am Morgen")
    window.lock()
    assert window.is_locked()
    assert not wizard.isVisible()
    page.passphrase.setText(PASSPHRASE)
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.is_locked())
    assert window.opened is not None
    draft = window.opened.goals.load_draft(case_id)
    assert draft is not None
    assert draft.concern == "Ruhe am Morgen"


def test_the_family_s_wille_is_shown_above_the_goals_and_the_direction_stays_readable(
    qtbot, opened, case_id, tmp_path
):
    view = CaseView(opened.cases, goals=opened.goals, documents=opened.documents)
    qtbot.addWidget(view)
    view.resize(1366, 700)
    view.show()
    qtbot.waitExposed(view)
    view.show_case(case_id)
    view.set_current_tab(GOALS_TAB)
    tab = _tab(view)
    assert not tab.will_group.isVisible()
    _agree(
        opened, case_id, TODAY - dt.timedelta(days=120), "Wir kennen Wege bis Ostern.", (GOAL_2,)
    )
    _agree(
        opened,
        case_id,
        TODAY - dt.timedelta(days=10),
        "Wir Eltern und Muharem (13) kennen und nutzen bis zu den Sommerferien Wege, damit "
        "Muharem an seiner jetzigen Schule bleiben kann.",
    )
    view.show_case(case_id)
    qtbot.waitUntil(tab.will_group.isVisible)
    # all three lines (Wille, Anliegen …) get their room, not one line only
    line = tab.will_label.fontMetrics().lineSpacing()
    qtbot.waitUntil(lambda: tab.will_label.height() >= 2 * line)
    text = tab.will_label.text()
    assert "Muharem möchte an seiner Schule bleiben." in text
    assert "Emre soll wieder gern zur Schule gehen." in text
    assert "genannt von Şükrü Yılmaz" in text
    assert "die neueste" in tab.will_group.title()
    assert (
        tab.will_group.geometry().bottom()
        < tab.goals_group.mapTo(tab, tab.goals_group.rect().topLeft()).y()
    )
    # the Richtungsziel column keeps a readable width and the whole text in its tooltip
    direction = tab.agreements_table.columnWidth(1)
    assert direction >= 200, direction
    assert (
        tab.agreements_model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole).startswith("Wir Eltern")
    )
    assert tab.goals_table.columnWidth(ActionGoalsModel.TEXT) >= 300
    assert view.grab().save(str(tmp_path / "goals_tab_wille.png"))
