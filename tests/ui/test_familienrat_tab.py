"""The case's "Familienrat" tab, the hours dialog, and their place in the case view and window."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWizard

from asd_desktop.domain.enums import (
    AgreementKept,
    CouncilActivity,
    CouncilOutcome,
    CouncilPhase,
    Financing,
    ProposalDecision,
)
from asd_desktop.services.familienrat import (
    PHASE_GUIDANCE,
    AgreementInput,
    DecisionInput,
    FollowUpInput,
    HoursInput,
    ReviewItem,
)
from asd_desktop.services.vault import OpenVault
from asd_desktop.ui.case_view import DOCUMENTS_TAB, FAMILIENRAT_TAB, GOALS_TAB, CaseView
from asd_desktop.ui.familienrat.decision_wizard import DecisionWizard
from asd_desktop.ui.familienrat.family_phase_wizard import FamilyPhaseWizard
from asd_desktop.ui.familienrat.follow_up_wizard import FollowUpWizard
from asd_desktop.ui.familienrat.hours_dialog import HoursDialog, hours_text, totals_text
from asd_desktop.ui.familienrat.information_wizard import InformationWizard
from asd_desktop.ui.familienrat.preparation_wizard import PreparationWizard
from asd_desktop.ui.familienrat_tab import DONE_MARK, FamilienratTab, strip_name
from asd_desktop.ui.main_window import MainWindow
from tests.conftest import PASSPHRASE
from tests.ui.test_familienrat_phases import (
    MEETING,
    TODAY,
    council_in,
    make_case,
    screenshot,
)

REVIEW_ON = MEETING.date() + dt.timedelta(days=91)


def decide(opened, council_id: str) -> None:
    """Accept every proposal, make the agreements exact, approve: into the Folge-Rat phase."""
    fr = opened.familienrat
    for proposal in fr.get(council_id).proposals:
        fr.decide_proposal(proposal.id, ProposalDecision.ACCEPTED)
        fr.add_agreement(
            council_id,
            AgreementInput(
                proposal.what,
                who=proposal.who or "Familie Yılmaz",
                due_on=REVIEW_ON,
                how_checked=proposal.how_checked or "beim Folge-Rat",
                proposal_id=proposal.id,
            ),
        )
    fr.save_decision(council_id, DecisionInput(True, "Frau Berger", "", REVIEW_ON))
    assert fr.advance(council_id).phase is CouncilPhase.FOLLOW_UP


def review_with_another(opened: OpenVault, council_id: str) -> str:
    """Review every agreement, outcome "another Folge-Rat"; returns the new council's id."""
    fr = opened.familienrat
    view = fr.get(council_id)
    items = tuple(ReviewItem(a.id, AgreementKept.KEPT) for a in view.agreements)
    view = fr.save_follow_up(council_id, FollowUpInput(REVIEW_ON, items, CouncilOutcome.ANOTHER))
    assert fr.advance(council_id).phase is CouncilPhase.CLOSED
    (follow_up,) = view.follow_up_ids
    return follow_up


@pytest.fixture
def case(opened):
    return make_case(opened)


@pytest.fixture
def view(qtbot, opened):
    v = CaseView(
        opened.cases,
        goals=opened.goals,
        documents=opened.documents,
        familienrat=opened.familienrat,
    )
    qtbot.addWidget(v)
    v.resize(1200, 760)
    v.show()
    qtbot.waitExposed(v)
    return v


def _tab(view: CaseView) -> FamilienratTab:
    assert view.familienrat_tab is not None
    return view.familienrat_tab


def _close(qtbot, wizard: QWizard) -> None:
    with qtbot.waitSignal(wizard.finished):
        wizard.button(QWizard.WizardButton.CancelButton).click()


def test_the_tab_sits_after_wille_und_ziele_only_with_its_service(qtbot, opened):
    full = CaseView(
        opened.cases,
        goals=opened.goals,
        documents=opened.documents,
        familienrat=opened.familienrat,
    )
    qtbot.addWidget(full)
    assert full.tabs.tabText(GOALS_TAB) == "&Wille && Ziele"
    assert full.tabs.tabText(FAMILIENRAT_TAB) == "Familien&rat"
    assert full.tabs.widget(FAMILIENRAT_TAB) is full.familienrat_tab
    assert full.tabs.widget(DOCUMENTS_TAB) is full.documents_tab
    without = CaseView(opened.cases, goals=opened.goals, documents=opened.documents)
    qtbot.addWidget(without)
    assert without.familienrat_tab is None
    assert without.tabs.count() == 4


def test_a_case_without_familienrat_offers_to_begin_one(qtbot, opened, case, view):
    view.show_case(case.id)
    view.set_current_tab(FAMILIENRAT_TAB)
    tab = _tab(view)
    assert tab.empty_label.isVisible()
    assert tab.empty_label.text().startswith("Noch kein Familienrat.")
    assert tab.begin_button.isEnabled()
    assert not tab.continue_button.isEnabled()
    assert not tab.hours_button.isEnabled()
    assert not tab.detail_box.isVisible()
    assert not tab.history_box.isVisible()
    screenshot(view, "tab_leer")


def test_beginning_opens_the_preparation_and_the_tab_follows_the_phase(qtbot, opened, case, view):
    view.show_case(case.id)
    view.set_current_tab(FAMILIENRAT_TAB)
    tab = _tab(view)
    changed: list[str] = []
    view.case_changed.connect(changed.append)
    tab.begin_button.click()
    wizard = tab.wizard
    assert isinstance(wizard, PreparationWizard)
    qtbot.waitExposed(wizard)
    # The case's persons are offered as participants.
    assert len(wizard.participants_page.case_persons()) == 3
    assert changed == [case.id]
    assert tab.history_lines() == [("1", "Familienrat", "Vorbereitung", "", "")]
    assert not tab.begin_button.isEnabled()
    assert not tab.continue_button.isEnabled()
    wizard.moderator_page.name_edit.setText("Aylin Demir")
    wizard.moderator_page.name_edit.textEdited.emit("Aylin Demir")
    _close(qtbot, wizard)
    assert tab.wizard is None
    assert tab.facts["moderator"].text() == "Aylin Demir"
    assert tab.continue_button.isEnabled()
    assert tab.continue_button.text() == "Vorbereitung fort&setzen…"
    # While this one runs, no second Familienrat is begun.
    assert not tab.begin_button.isEnabled()
    assert "läuft noch" in tab.begin_button.toolTip()


def test_history_newest_first_with_the_linked_folge_rat_and_the_phase_strip(
    qtbot, opened, case, view
):
    first = council_in(opened, case.id, CouncilPhase.DECISION)
    decide(opened, first)
    follow_up = review_with_another(opened, first)
    opened.familienrat.add_hours(
        first, HoursInput(CouncilActivity.PREPARATION, TODAY, 12.5, "Hausbesuche")
    )
    view.show_case(case.id)
    view.set_current_tab(FAMILIENRAT_TAB)
    tab = _tab(view)
    meeting = MEETING.strftime("%d.%m.%Y %H:%M")
    review = REVIEW_ON.strftime("%d.%m.%Y")
    assert tab.history_lines() == [
        ("2", "Folge-Rat zu Nr. 1", "Vorbereitung", "", ""),
        ("1", "Familienrat", "abgeschlossen", meeting, review),
    ]
    # The newest is chosen: the Folge-Rat, which starts with the origin's preparation.
    council = tab.selected_council()
    assert council is not None
    assert council.id == follow_up
    assert tab.title_label.text() == "Folge-Rat Nr. 2 zu Nr. 1 – Vorbereitung"
    assert tab.facts["moderator"].text().startswith("Aylin Demir")
    assert tab.strip.state_text(CouncilPhase.PREPARATION) == "▶ Vorbereitung"
    assert tab.guidance_label.text() == (
        f"Vorbereitung: {PHASE_GUIDANCE[CouncilPhase.PREPARATION]}"
    )
    screenshot(view, "tab_folgerat")

    assert tab.select_council(first)
    assert tab.title_label.text() == "Familienrat Nr. 1 – abgeschlossen"
    for phase in (
        CouncilPhase.PREPARATION,
        CouncilPhase.INFORMATION,
        CouncilPhase.FAMILY_PHASE,
        CouncilPhase.DECISION,
        CouncilPhase.FOLLOW_UP,
    ):
        assert tab.strip.state_text(phase) == f"{DONE_MARK} {strip_name(phase)}"
    assert tab.facts["review"].text() == review
    assert tab.facts["outcome"].text() == "ein weiterer Folge-Rat"
    assert tab.facts["participants"].text() == "4 eingetragen, 4 zugesagt, 4 anwesend"
    assert tab.facts["hours"].text() == "12,5 Std. (üblich 25–30 Stunden) · § 16 SGB VIII"
    assert not tab.continue_button.isEnabled()
    assert tab.hours_button.isEnabled()
    screenshot(view, "tab_abgeschlossen")


@pytest.mark.parametrize(
    ("phase", "wizard_class"),
    [
        (CouncilPhase.INFORMATION, InformationWizard),
        (CouncilPhase.FAMILY_PHASE, FamilyPhaseWizard),
        (CouncilPhase.DECISION, DecisionWizard),
    ],
)
def test_continuing_opens_the_wizard_of_the_current_phase(
    qtbot, opened, case, view, phase, wizard_class
):
    council_in(opened, case.id, phase)
    view.show_case(case.id)
    tab = _tab(view)
    assert tab.strip.state_text(phase) == f"▶ {phase.label}"
    assert tab.continue_button.text() == f"{phase.label} fort&setzen…"
    tab.continue_button.click()
    wizard = tab.wizard
    assert type(wizard) is wizard_class
    qtbot.waitExposed(wizard)
    if phase is CouncilPhase.INFORMATION:
        view.set_current_tab(FAMILIENRAT_TAB)
        screenshot(view, "tab_information")
    assert wizard is not None
    _close(qtbot, wizard)
    assert tab.wizard is None


def test_the_follow_up_phase_opens_the_folge_rat_wizard(qtbot, opened, case, view):
    council = council_in(opened, case.id, CouncilPhase.DECISION)
    decide(opened, council)
    view.show_case(case.id)
    tab = _tab(view)
    assert tab.strip.state_text(CouncilPhase.DECISION) == f"{DONE_MARK} Entscheidung"
    tab.continue_phase()
    assert isinstance(tab.wizard, FollowUpWizard)
    _close(qtbot, tab.wizard)


def test_the_documents_button_shows_the_documents_tab(qtbot, opened, case, view):
    council_in(opened, case.id, CouncilPhase.INFORMATION)
    view.show_case(case.id)
    view.set_current_tab(FAMILIENRAT_TAB)
    tab = _tab(view)
    label = tab.documents_box.findChild(QLabel)
    assert label is not None
    assert "Reiter „Dokumente“" in label.text()
    tab.documents_button.click()
    assert view.current_tab() == DOCUMENTS_TAB


# --- hours ---------------------------------------------------------------------------------


def test_hours_per_activity_against_the_usual_hours_and_bad_input(qtbot, opened, case, view):
    council = council_in(opened, case.id, CouncilPhase.INFORMATION)
    view.show_case(case.id)
    tab = _tab(view)
    tab.hours_button.click()
    dialog = tab.hours_dialog
    assert isinstance(dialog, HoursDialog)
    qtbot.waitExposed(dialog)
    assert dialog.financing_combo.currentText() == "§ 16 SGB VIII"
    assert "nicht über Fachleistungsstunden" in dialog.financing_note.text()

    # Zero hours: refused with a visible reason, nothing stored.
    dialog.hours_spin.setValue(0)
    assert not dialog.add_entry()
    assert dialog.problems_label.isVisible()
    assert dialog.problems_label.text() == "Die Stunden müssen zwischen 0 und 24 liegen."
    assert opened.familienrat.get(council).hours == ()
    # A whole day and more is refused too.
    dialog.hours_spin.setValue(30)
    dialog.add_button.click()
    assert dialog.problems_label.isVisible()

    for activity, hours, note in (
        (CouncilActivity.PREPARATION, 14.5, "Hausbesuche, Einladungen mit Frau Yılmaz"),
        (CouncilActivity.MEETING, 8.0, "Familienrat im Gemeindesaal"),
        (CouncilActivity.FOLLOW_UP, 3.25, "Protokoll"),
    ):
        dialog.activity_combo.setCurrentIndex(dialog.activity_combo.findData(activity.value))
        dialog.hours_spin.setValue(hours)
        dialog.note_edit.setText(note)
        dialog.add_button.click()
        assert not dialog.problems_label.isVisible()
    assert dialog.table.rowCount() == 3
    texts = [dialog.table.item(0, c) for c in range(3)]
    assert [t.text() if t else None for t in texts] == [
        f"{TODAY:%d.%m.%Y}",
        "Vorbereitung",
        "14,5 Std.",
    ]
    assert dialog.activity_labels[CouncilActivity.MEETING].text() == "8 Std."
    assert dialog.activity_labels[CouncilActivity.FOLLOW_UP].text() == "3,25 Std."
    assert (
        dialog.total_label.text()
        == "Insgesamt 25,75 Std. – im üblichen Rahmen (üblich sind 25–30 Stunden)."
    )
    dialog.financing_combo.setCurrentIndex(dialog.financing_combo.findData(Financing.SHA.value))
    assert opened.familienrat.get(council).preparation.financing is Financing.SHA
    screenshot(dialog, "stunden")
    with qtbot.waitSignal(dialog.finished):
        dialog.close_button.click()
    assert tab.hours_dialog is None
    assert tab.facts["hours"].text() == "25,75 Std. (üblich 25–30 Stunden) · SHA-Mittel"
    view.set_current_tab(FAMILIENRAT_TAB)


def test_hours_texts():
    assert hours_text(2.0) == "2 Std."
    assert hours_text(0.25) == "0,25 Std."


def test_totals_text_below_and_above_the_usual(opened, case):
    fr = opened.familienrat
    council = fr.start(case.id)
    fr.add_hours(council.id, HoursInput(CouncilActivity.PREPARATION, TODAY, 10))
    assert totals_text(fr.get(council.id)) == "Insgesamt 10 Std. von üblicherweise 25–30 Stunden."
    for _ in range(2):
        fr.add_hours(council.id, HoursInput(CouncilActivity.MEETING, TODAY, 12))
    assert totals_text(fr.get(council.id)) == (
        "Insgesamt 34 Std. – mehr als üblich (üblich sind 25–30 Stunden)."
    )


# --- the main window ------------------------------------------------------------------------


def test_ctrl_r_and_the_review_overview_open_the_familienrat_tab(qtbot, data_dir):
    from asd_desktop.services import vault

    ov = vault.create_vault(data_dir, PASSPHRASE, PASSPHRASE)
    try:
        case = make_case(ov)
        other = make_case(ov, "ASD-2025-0999")
        council = council_in(ov, case.id, CouncilPhase.DECISION)
        decide(ov, council)
    finally:
        ov.close()
    w = MainWindow(data_dir)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    w.lock_screen.unlock.passphrase.setText(PASSPHRASE)
    qtbot.keyClick(w.lock_screen.unlock.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not w.is_locked())
    assert w.familienrat_action.shortcut().toString() == "Ctrl+R"
    assert w.familienrat_action.text() == "Familien&rat …"
    panel = w.reviews_panel
    assert panel is not None
    assert panel.isVisible()
    assert panel.model.rowCount() == 1
    view = w.case_view
    assert view is not None

    # The overview opens its case on the Familienrat tab.
    w.select_case(other.id)
    view.show_case(other.id)
    with qtbot.waitSignal(panel.case_requested):
        panel.table.activated.emit(panel.model.index(0, 0))
    assert view.current_case_id() == case.id
    assert view.current_tab() == FAMILIENRAT_TAB
    assert w.selected_case_id() == case.id
    screenshot(w, "hauptfenster")

    # Ctrl+R opens the Familienrat of the case chosen in the list.
    view.set_current_tab(0)
    w.table.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert view.current_tab() == FAMILIENRAT_TAB

    # Locking drops the overview with everything else.
    w.lock()
    assert w.reviews_panel is None
