"""The Kollegiale Beratung wizard and the Bedarfsliste, driven as a caseworker and a team would."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QWizard

from asd_desktop.domain.enums import Area, DocumentKind, IdeaSource
from asd_desktop.services import vault
from asd_desktop.services.cases import AreaInput, CaseInput
from asd_desktop.services.consultation import SOURCE_GUIDANCE, SOZIALRAUM_QUESTION, IdeaInput
from asd_desktop.services.goals import ActionGoalDraft, GoalDraft
from asd_desktop.ui.consultation_wizard import FINISH_CLOSE, FINISH_DONE, ConsultationWizard
from asd_desktop.ui.main_window import MainWindow
from asd_desktop.ui.needs_list_dialog import NeedsListDialog
from asd_desktop.ui.pdf_preview import PdfPreviewDialog
from tests.conftest import PASSPHRASE

SHOTS = Path(__file__).resolve().parents[2] / "screenshots"
NEXT = QWizard.WizardButton.NextButton
BACK = QWizard.WizardButton.BackButton
FINISH = QWizard.WizardButton.FinishButton
TODAY = dt.date.today()
CTRL = Qt.KeyboardModifier.ControlModifier


def make_case(opened, number="ASD-2026-0120", family="Yılmaz", goals=True):
    case = opened.cases.create_case(
        CaseInput(number, family, TODAY - dt.timedelta(days=90), "Frau Berger"),
        AreaInput(Area.GREY, TODAY - dt.timedelta(days=90), "Meldung der Schule", "Frau Berger"),
    )
    if goals:
        opened.goals.finish(
            case.id,
            GoalDraft(
                concern="Doğan fehlt oft in der Schule.",
                concern_by="Schule",
                will="Dass Doğan gern zur Schule geht.",
                direction_goal=f"Familie {family} sorgt dafür, dass Doğan die Schule schafft.",
                direction_people="Eltern und Doğan",
                action_goals=(
                    ActionGoalDraft(
                        text="Doğan ist jeden Schultag um 7:45 Uhr in der Schule.",
                        indicator="Keine Fehlzeiten",
                        due_on=TODAY + dt.timedelta(days=60),
                        involved="Doğan, Şükrü Yılmaz",
                    ),
                ),
                place="Wohnung",
                agreed_on=TODAY - dt.timedelta(days=30),
                review_on=TODAY + dt.timedelta(days=60),
                present=("Şükrü Yılmaz",),
                caseworker="Frau Berger",
            ),
        )
    return case.id


def make_wizard(qtbot, opened, case_id) -> ConsultationWizard:
    cid = opened.consultations.start(case_id, TODAY).id
    w = ConsultationWizard(opened.consultations, cid, opened.documents)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def shot(widget, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    assert widget.grab().save(str(SHOTS / f"i6b_{name}.png"))


def labels(page) -> str:
    return "\n".join(label.text() for label in page.findChildren(QLabel))


def add_idea(qtbot, w, source, text) -> None:
    group = w.idea_groups[source]
    group.edit.setFocus()
    qtbot.keyClicks(group.edit, text)
    qtbot.keyClick(group.edit, Qt.Key.Key_Return)


def test_protocol_after_hze_decision_is_blocked_until_the_sozialraum_question_is_answered(
    qtbot, opened, monkeypatch
):
    case_id = make_case(opened)
    w = make_wizard(qtbot, opened, case_id)
    service = opened.consultations
    cid = w.consultation_id

    # Vorstellung: the family's goals shown as an editable copy
    assert "Richtungsziel: Familie Yılmaz sorgt dafür" in w.family_goals.toPlainText()
    assert "1. Doğan ist jeden Schultag" in w.family_goals.toPlainText()
    assert w.earlier.item(0).text() == "keine"
    w.presenter.setText("Murat Aydın")
    w.participants.setPlainText("Frau Berger, Herr Öztürk, Frau Nowak")
    shot(w, "wizard_vorstellung")
    w.button(NEXT).click()
    assert service.get(cid).fields.presenter == "Murat Aydın"

    # Frage: the method's question, not "which help"
    assert w.question.toPlainText() == (
        "Welche Ideen habt ihr, wie Familie Yılmaz ihre Ziele erreichen kann?"
    )
    assert "Welche Hilfe braucht die Familie" in labels(w.currentPage())
    w.button(NEXT).click()

    # Ideen, one page per source in the method's order, each saying why
    ideas = {
        IdeaSource.PERSON: "Vater weckt Dogan um 6:45",
        IdeaSource.SURROUNDINGS: "Nachbar Herr Brandt nimmt Dogan mit",
        IdeaSource.SOCIAL_SPACE: "Fruehstueck im KiFaZ vor der Schule",
        IdeaSource.PROFESSIONAL: "Erziehungsbeistand",
    }
    for source, text in ideas.items():
        assert SOURCE_GUIDANCE[source] in labels(w.currentPage())
        assert source.label in w.currentPage().title()
        add_idea(qtbot, w, source, text)
        if source is IdeaSource.PERSON:
            # an empty idea is refused with a reason, nothing stored
            qtbot.keyClick(w.idea_groups[source].edit, Qt.Key.Key_Return)
            assert w.idea_groups[source].problems.isVisible()
            assert "Idee" in w.idea_groups[source].problems.text()
            shot(w, "wizard_ideen")
        assert w.idea_groups[source].texts() == [text]
        w.button(NEXT).click()
    stored = service.get(cid).ideas_by_source()
    assert {s: [i.text for i in v] for s, v in stored.items()} == {s: [t] for s, t in ideas.items()}

    # Auswahl: tick two ideas, decide a HzE
    assert w.selection_list.count() == 4
    w.selection_list.item(0).setCheckState(Qt.CheckState.Checked)
    w.selection_list.item(3).setCheckState(Qt.CheckState.Checked)
    w.selection.setPlainText("Vater weckt, dazu ein Erziehungsbeistand für ein halbes Jahr.")
    assert not w.hze_kind.isEnabled()
    w.hze_decided.setFocus()
    qtbot.keyClick(w.hze_decided, Qt.Key.Key_Space)
    assert w.hze_decided.isChecked()
    assert w.hze_kind.isEnabled()
    w.hze_kind.setText("Erziehungsbeistand (§ 30 SGB VIII)")
    shot(w, "wizard_auswahl")
    w.button(NEXT).click()
    view = service.get(cid)
    assert [i.text for i in view.selected_ideas] == [ideas[IdeaSource.PERSON], "Erziehungsbeistand"]
    assert view.fields.hze_decided
    assert view.fields.hze_kind == "Erziehungsbeistand (§ 30 SGB VIII)"

    # Sozialraum: the question verbatim, marked as required
    assert SOZIALRAUM_QUESTION in labels(w.currentPage())
    assert w.needs_required.text().startswith("Pflichtangabe")
    w.button(NEXT).click()

    # Abschluss: closing is stopped, with the reason visible; the wizard stays open
    assert w.button(FINISH).text() == FINISH_CLOSE
    assert w.button(QWizard.WizardButton.CancelButton).isVisible()
    w.button(FINISH).click()
    assert w.isVisible()
    assert w.close_problems.isVisible()
    assert SOZIALRAUM_QUESTION in w.close_problems.text()
    assert not service.get(cid).closed
    shot(w, "wizard_abschluss_blockiert")

    # back to the Sozialraum page, answer, and close
    w.button(BACK).click()
    w.need_edit.setFocus()
    qtbot.keyClicks(w.need_edit, "Elterncafe am Vormittag")
    qtbot.keyClick(w.need_edit, Qt.Key.Key_Return)
    w.need_edit.setText("Offene Sporthalle am Wochenende")
    w.add_need()
    assert w.needs_list.count() == 2
    shot(w, "wizard_sozialraum")
    w.button(NEXT).click()
    with qtbot.waitSignal(w.closed):
        w.button(FINISH).click()
    assert service.get(cid).closed
    assert not w.close_problems.isVisible()
    assert w.status_label.text() == "Das Protokoll ist abgeschlossen."
    assert w.button(FINISH).text() == FINISH_DONE
    assert not w.button(QWizard.WizardButton.CancelButton).isVisible()
    assert not w.presenter.isEnabled()
    assert [n.need for n in service.get(cid).needs] == [
        "Elterncafe am Vormittag",
        "Offene Sporthalle am Wochenende",
    ]

    # print the closed protocol: stored in the case's documents and shown
    shown: list[str] = []
    monkeypatch.setattr(
        PdfPreviewDialog, "show_document", classmethod(lambda cls, p, d, i: shown.append(i))
    )
    with qtbot.waitSignal(w.printed) as printed:
        w.print_button.click()
    docs = opened.documents.list_for_case(case_id)
    assert [d.kind for d in docs] == [DocumentKind.CONSULTATION_PROTOCOL]
    assert shown == [docs[0].id] == [printed.args[0].id]
    shot(w, "wizard_abschluss")

    w.button(FINISH).click()
    assert w.result() == QDialog.DialogCode.Accepted


def test_without_hze_the_sozialraum_answer_is_optional_and_removable(qtbot, opened):
    case_id = make_case(opened, goals=False)
    w = make_wizard(qtbot, opened, case_id)
    assert w.family_goals.toPlainText() == ""
    w.presenter.setText("Frau Berger")
    w.setCurrentId(5)  # fachliche Hilfe
    add_idea(qtbot, w, IdeaSource.PROFESSIONAL, "SPFH")
    group = w.idea_groups[IdeaSource.PROFESSIONAL]
    group.list.setCurrentRow(0)
    group.remove_button.click()
    assert group.texts() == []
    assert opened.consultations.get(w.consultation_id).ideas == ()
    w.setCurrentId(7)
    assert w.needs_required.text().startswith("Freiwillig")
    w.need_edit.setText("Reitstall")
    w.add_need()
    w.needs_list.setCurrentRow(0)
    w.remove_need()
    assert w.needs_list.count() == 0
    w.setCurrentId(8)
    w.button(FINISH).click()
    # no ideas and no selection yet: both reasons shown, not the Sozialraum one
    text = w.close_problems.text()
    assert "mindestens eine Idee" in text
    assert SOZIALRAUM_QUESTION not in text


def test_later_resumes_the_open_protocol_and_lists_earlier_ones(qtbot, opened, monkeypatch):
    case_id = make_case(opened)
    service = opened.consultations
    opened_wizards: list[ConsultationWizard] = []

    def fake_exec(self):
        qtbot.addWidget(self)
        opened_wizards.append(self)
        self.presenter.setText(self.presenter.text() or "Murat Aydın")
        self.reject()  # "Später fortsetzen" stores
        return 0

    monkeypatch.setattr(ConsultationWizard, "exec", fake_exec)
    ConsultationWizard.open_for_case(None, service, opened.documents, case_id, TODAY)
    ConsultationWizard.open_for_case(None, service, opened.documents, case_id, TODAY)
    assert opened_wizards[0].consultation_id == opened_wizards[1].consultation_id
    first = opened_wizards[0].consultation_id
    assert service.get(first).fields.presenter == "Murat Aydın"

    idea = service.add_idea(first, IdeaInput(IdeaSource.PERSON, "Oma hilft", True))
    assert idea.selected
    service.close(first)
    ConsultationWizard.open_for_case(None, service, opened.documents, case_id, TODAY)
    third = opened_wizards[2]
    assert third.consultation_id != first
    assert third.earlier.count() == 1
    assert third.earlier.item(0).text().endswith("Murat Aydın")


@pytest.fixture
def needs(opened) -> dict[str, str]:
    service = opened.consultations
    ids = {}
    for number, family, said in (
        ("ASD-2026-0001", "Yılmaz", ["Elterncafé auf Türkisch", "Väterangebot"]),
        ("ASD-2026-0002", "Nowak", ["elterncafé  auf türkisch"]),
    ):
        case_id = make_case(opened, number, family, goals=False)
        cid = service.start(case_id, TODAY, "Frau Berger").id
        for need in said:
            service.add_need(cid, need)
        ids[family] = case_id
    return ids


def test_needs_list_dialog_counts_and_shows_only_aktenzeichen(qtbot, opened, needs):
    dialog = NeedsListDialog(opened.consultations)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    model = dialog.model
    rows = [
        tuple(model.index(r, c).data() for c in range(model.columnCount()))
        for r in range(model.rowCount())
    ]
    assert rows == [
        ("Elterncafé auf Türkisch", "2", "ASD-2026-0001, ASD-2026-0002"),
        ("Väterangebot", "1", "ASD-2026-0001"),
    ]
    shown = " ".join(" ".join(r) for r in rows)
    assert "Yılmaz" not in shown
    assert "Nowak" not in shown
    assert not dialog.empty_label.isVisible()
    shot(dialog, "bedarfsliste")


def test_main_window_ctrl_b_opens_the_wizard_for_the_open_case_and_the_needs_list(
    qtbot, data_dir, monkeypatch
):
    ov = vault.create_vault(data_dir, PASSPHRASE, PASSPHRASE)
    try:
        case_id = make_case(ov, "ASD-2026-0300", "Dvořák")
    finally:
        ov.close()
    w = MainWindow(data_dir)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    page = w.lock_screen.unlock
    page.passphrase.setText(PASSPHRASE)
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not w.is_locked())
    assert w.opened is not None

    wizards: list[ConsultationWizard] = []

    def fake_exec(self):
        wizards.append(self)
        qtbot.addWidget(self)
        return 0

    monkeypatch.setattr(ConsultationWizard, "exec", fake_exec)
    w.table.setFocus()
    w.table.selectRow(0)
    qtbot.keyClick(w.table, Qt.Key.Key_B, CTRL)
    assert len(wizards) == 1
    assert w.case_view is not None
    assert w.case_view.current_case_id() == case_id
    view = w.opened.consultations.get(wizards[0].consultation_id)
    assert view.case_id == case_id
    assert "Familie Dvořák" in wizards[0].question.toPlainText()
    assert "K&ollegiale Beratung" in w.consultation_action.text()

    dialogs: list[NeedsListDialog] = []

    def fake_dialog_exec(self):
        dialogs.append(self)
        return 0

    monkeypatch.setattr(NeedsListDialog, "exec", fake_dialog_exec)
    w.needs_list_action.trigger()
    assert len(dialogs) == 1
    assert dialogs[0].model.rowCount() == 0
    assert dialogs[0].empty_label.text().startswith("Noch keine Bedarfe")


def test_typing_is_stored_after_a_short_pause_without_leaving_the_page(qtbot, opened):
    case_id = make_case(opened, goals=False)
    cid = opened.consultations.start(case_id, TODAY).id
    w = ConsultationWizard(opened.consultations, cid, opened.documents, autosave_ms=20)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.presenter.setFocus()
    qtbot.keyClicks(w.presenter, "Frau Berger")
    w.family_goals.setPlainText("Mündlich: Ruhe am Abend.")
    qtbot.waitUntil(
        lambda: opened.consultations.get(cid).fields.family_goals == "Mündlich: Ruhe am Abend."
    )
    assert opened.consultations.get(cid).fields.presenter == "Frau Berger"
    assert w.currentId() == 0
