"""The "Aufträge/Auflagen" tab, its dialogs, the Gefährdungseinschätzung and the overdue list."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from asd_desktop.domain.enums import Area, DocumentKind, MandateKind, MandateStatus, RiskLevel, Role
from asd_desktop.services import vault
from asd_desktop.services.cases import AreaInput, CaseInput, CaseQuery, PersonInput
from asd_desktop.services.instruments import (
    AssessmentInput,
    EvidenceInput,
    MandateInput,
    OutcomeInput,
)
from asd_desktop.ui.case_view import DOCUMENTS_TAB, MANDATES_TAB, CaseView
from asd_desktop.ui.dialogs.assessment_dialog import AssessmentDialog
from asd_desktop.ui.dialogs.mandate_dialog import EvidenceDialog, MandateDialog, OutcomeDialog
from asd_desktop.ui.main_window import MainWindow
from asd_desktop.ui.mandates_tab import OVERDUE, MandateTableModel, OverdueDialog
from asd_desktop.ui.pdf_preview import PdfPreviewDialog
from tests.conftest import PASSPHRASE

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"
TODAY = dt.date.today()
START = TODAY - dt.timedelta(days=40)


def screenshot(widget: QWidget, name: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    QApplication.processEvents()
    assert widget.grab().save(str(SCREENSHOTS / f"i6a_{name}.png"))


def make_case(opened, area: Area, number: str = "ASD-2025-0612"):
    row = opened.cases.create_case(
        CaseInput(number, "Wójcik", START, "Frau Berger"),
        AreaInput(area, START, "Meldung der Schule", "Frau Berger"),
    )
    opened.cases.add_person(
        row.id,
        PersonInput(
            "Wójcik",
            "Małgorzata",
            address="Billstedter Hauptstr. 12, 22111 Hamburg",
            roles=(Role.MOTHER, Role.CUSTODY),
        ),
    )
    return row


def check(due_in: int) -> MandateInput:
    return MandateInput(
        kind=MandateKind.CHECK,
        issued_on=START,
        due_on=TODAY + dt.timedelta(days=due_in),
        requirement="Nachweis, dass Zofia regelmäßig die Kita besucht.",
        evidence_required="Bescheinigung der Kita",
        consequence="Gemeinsame Gefährdungseinschätzung im Team.",
        addressed_to="Małgorzata Wójcik",
    )


@pytest.fixture
def view(qtbot, opened):
    v = CaseView(
        opened.cases,
        goals=opened.goals,
        documents=opened.documents,
        familienrat=opened.familienrat,
        instruments=opened.instruments,
    )
    qtbot.addWidget(v)
    v.resize(1100, 760)
    v.show()
    qtbot.waitExposed(v)
    return v


def test_the_tab_sits_before_the_documents(view):
    assert view.tabs.tabText(MANDATES_TAB) == "Aufträge/Auf&lagen"
    assert view.tabs.widget(MANDATES_TAB) is view.mandates_tab
    assert view.tabs.widget(DOCUMENTS_TAB + 1) is view.documents_tab


def test_mandate_dialog_stops_an_auftrag_without_deadline_or_belege(qtbot):
    dialog = MandateDialog(MandateKind.CHECK, Area.GREY, "Małgorzata Wójcik")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.addressed_to_edit.text() == "Małgorzata Wójcik"
    dialog.requirement_edit.setPlainText("Nachweis des Kita-Besuchs")
    dialog.save_button.click()
    assert dialog.result() == 0
    assert dialog.problems_label.isVisible()
    assert "Frist" in dialog.problems_label.text()
    assert "Belege" in dialog.problems_label.text()
    screenshot(dialog, "auftrag_dialog_fehler")

    dialog.due_on_edit.checkbox.setChecked(True)
    dialog.evidence_edit.setPlainText("Bescheinigung der Kita")
    with qtbot.waitSignal(dialog.accepted):
        dialog.save_button.click()
    value = dialog.values()
    assert value.kind is MandateKind.CHECK
    assert value.due_on == TODAY + dt.timedelta(days=14)


def test_mandate_dialog_avert_hides_belege_and_asks_for_the_consequence(qtbot):
    dialog = MandateDialog(MandateKind.CHECK, Area.GREY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.kind_combo.setCurrentIndex(1)
    assert dialog.kind() is MandateKind.AVERT
    assert not dialog.evidence_edit.isVisible()
    assert dialog.requirement_label.text().startswith("Zustand")
    dialog.due_on_edit.checkbox.setChecked(True)
    dialog.requirement_edit.setPlainText("Die Wohnung ist aufgeräumt.")
    dialog.save_button.click()
    assert "verschlechtert" in dialog.problems_label.text()
    screenshot(dialog, "abwenden_dialog")


def test_auflage_dialog_in_the_leistungsbereich_shows_the_refusal_at_once(qtbot):
    dialog = MandateDialog(MandateKind.REQUIREMENT, Area.SERVICE)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.kind_combo.isEnabled()
    assert "Ziele der Familie" in dialog.problems_label.text()


def test_graubereich_auftrag_given_followed_up_and_overdue_marked(qtbot, opened, view, monkeypatch):
    case = make_case(opened, Area.GREY)
    view.show_case(case.id)
    view.set_current_tab(MANDATES_TAB)
    tab = view.mandates_tab
    assert tab is not None
    assert tab.auftrag_button.isEnabled()
    assert not tab.auflage_button.isEnabled()
    assert "Gefährdungsbereich" in tab.auflage_button.toolTip()
    assert tab.empty_label.isVisible()

    asked: list[str] = []

    def fake_ask(parent, kind, area, addressed_to="", existing=None):
        asked.append(addressed_to)
        assert area is Area.GREY
        return check(-3)

    monkeypatch.setattr(MandateDialog, "ask", classmethod(lambda cls, *a, **k: fake_ask(*a, **k)))
    with qtbot.waitSignal(view.case_changed):
        tab.auftrag_button.click()
    assert asked == ["Małgorzata Wójcik"]
    assert tab.model.rowCount() == 1
    due = tab.model.index(0, MandateTableModel.DUE)
    assert due.data().endswith(OVERDUE)
    assert due.data(Qt.ItemDataRole.ForegroundRole).color().name() == "#b00020"
    assert tab.model.index(0, MandateTableModel.STATUS).data() == "offen"

    monkeypatch.setattr(
        EvidenceDialog,
        "ask",
        classmethod(lambda cls, p, m: EvidenceInput(TODAY, "Kita-Bescheinigung")),
    )
    tab.evidence_button.click()
    assert tab.model.index(0, MandateTableModel.EVIDENCE).data() == "1"
    assert "Kita-Bescheinigung" in tab.detail_label.text()
    screenshot(view, "tab_graubereich")

    monkeypatch.setattr(
        OutcomeDialog,
        "ask",
        classmethod(lambda cls, p, m: OutcomeInput(MandateStatus.FULFILLED, TODAY, "vollständig")),
    )
    tab.outcome_button.click()
    status = tab.model.index(0, MandateTableModel.STATUS).data()
    assert status.startswith("erfüllt")
    assert not tab.model.index(0, MandateTableModel.DUE).data().endswith(OVERDUE)


def test_the_service_refusal_is_shown_if_an_auflage_is_reached_in_the_leistungsbereich(
    qtbot, opened, view, monkeypatch
):
    case = make_case(opened, Area.SERVICE)
    view.show_case(case.id)
    tab = view.mandates_tab
    assert not tab.auflage_button.isEnabled()
    assert "Leistungsbereich" in tab.auflage_button.toolTip()
    value = MandateInput(
        MandateKind.REQUIREMENT, TODAY, TODAY, "Arztbesuch", risk="x", how_checked="y"
    )
    monkeypatch.setattr(MandateDialog, "ask", classmethod(lambda cls, *a, **k: value))
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda parent, title, text: shown.append(text))
    )
    tab.give_auflage()
    assert len(shown) == 1
    assert "Ziele der Familie" in shown[0]
    assert opened.instruments.list_for_case(case.id) == []


def test_assessment_dialog_stops_without_result(qtbot):
    dialog = AssessmentDialog("Frau Berger", Area.GREY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.observations_edit.setPlainText("Blaue Flecken am Arm")
    dialog.decision_edit.setPlainText("Auflagen")
    dialog.save_button.click()
    assert "Ergebnis" in dialog.problems_label.text()
    dialog.result_combo.setCurrentIndex(3)  # akute Gefährdung
    assert dialog.values().area is Area.DANGER  # offered, the caseworker may change it
    screenshot(dialog, "gefaehrdungseinschaetzung")
    with qtbot.waitSignal(dialog.accepted):
        dialog.save_button.click()
    assert dialog.values().result is RiskLevel.ACUTE


def test_assessment_from_the_tab_moves_the_case_and_allows_auflagen(
    qtbot, opened, view, monkeypatch
):
    case = make_case(opened, Area.GREY)
    view.show_case(case.id)
    view.set_current_tab(MANDATES_TAB)
    tab = view.mandates_tab
    value = AssessmentInput(
        TODAY, "Frau Berger, Herr Aydın", "Blaue Flecken", RiskLevel.ACUTE, "Auflagen", Area.DANGER
    )
    monkeypatch.setattr(AssessmentDialog, "ask", classmethod(lambda cls, *a: value))
    with qtbot.waitSignal(view.case_changed):
        tab.assess_button.click()
    assert view.area_badge.area is Area.DANGER
    assert view.current_tab() == MANDATES_TAB
    assert tab.auflage_button.isEnabled()
    assert "akute Gefährdung" in tab.assessment_label.text()
    assert view.areas_model.row_value(0).reason.startswith("Gefährdungseinschätzung vom")

    auflage = MandateInput(
        MandateKind.REQUIREMENT,
        TODAY,
        TODAY + dt.timedelta(days=7),
        "Zofia wird bei der Kinderärztin vorgestellt.",
        risk="Unbehandelte Verletzung",
        how_checked="Bescheinigung der Praxis",
        consequence="Anrufung des Familiengerichts",
        addressed_to="Małgorzata Wójcik",
    )
    monkeypatch.setattr(MandateDialog, "ask", classmethod(lambda cls, *a, **k: auflage))
    tab.auflage_button.click()
    assert tab.model.index(0, MandateTableModel.KIND).data() == "Auflage"

    shown: list[str] = []
    monkeypatch.setattr(
        PdfPreviewDialog, "show_document", classmethod(lambda cls, p, d, i: shown.append(i))
    )
    tab.letter_button.click()
    rendering = tab.print_operation
    assert rendering is not None
    qtbot.waitUntil(lambda: rendering.done, timeout=10_000)
    docs = opened.documents.list_for_case(case.id)
    assert [d.kind for d in docs] == [DocumentKind.MANDATE_LETTER]
    assert shown == [docs[0].id]
    assert "Małgorzata Wójcik" in docs[0].title
    screenshot(view, "tab_gefaehrdungsbereich")
    view.set_current_tab(0)
    screenshot(view, "falleinordnung_nach_einschaetzung")


def test_overdue_list_enter_opens_the_case(qtbot, opened):
    late = make_case(opened, Area.GREY, "ASD-2025-0001")
    soon = make_case(opened, Area.GREY, "ASD-2025-0002")
    opened.instruments.issue(late.id, check(-2))
    opened.instruments.issue(soon.id, check(5))
    dialog = OverdueDialog(opened.instruments)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.model.rowCount() == 2
    assert dialog.model.index(0, 0).data().endswith(OVERDUE)
    assert dialog.model.index(1, 1).data() == "ASD-2025-0002"
    screenshot(dialog, "ueberfaellige_fristen")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert dialog.chosen_case_id == late.id


def test_main_window_menus_reach_the_overdue_list_and_the_assessment(qtbot, data_dir, monkeypatch):
    ov = vault.create_vault(data_dir, PASSPHRASE, PASSPHRASE)
    try:
        case = make_case(ov, Area.GREY)
        ov.instruments.issue(case.id, check(-1))
    finally:
        ov.close()
    w = MainWindow(data_dir)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.lock_screen.unlock.passphrase.setText(PASSPHRASE)
    qtbot.keyClick(w.lock_screen.unlock.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not w.is_locked())
    assert w.opened is not None
    # The list's "nächste Frist" shows the Auftrag's deadline.
    assert TODAY - dt.timedelta(days=1) in [
        r.next_deadline for r in w.opened.cases.list_cases(_query())
    ]
    monkeypatch.setattr(OverdueDialog, "ask", classmethod(lambda cls, p, i: case.id))
    w.overdue_action.trigger()
    view = w.case_view
    assert view is not None
    assert view.current_case_id() == case.id
    assert view.current_tab() == MANDATES_TAB

    seen: list[Area | None] = []
    monkeypatch.setattr(
        AssessmentDialog, "ask", classmethod(lambda cls, p, who, area: seen.append(area))
    )
    view.set_current_tab(0)
    w.assessment_action.trigger()
    assert seen == [Area.GREY]
    assert view.current_tab() == MANDATES_TAB


def _query():
    return CaseQuery(status=None)


def test_an_auftrag_is_corrected_through_bearbeiten(qtbot, opened, view, monkeypatch):
    case = make_case(opened, Area.GREY)
    opened.instruments.issue(case.id, check(10))
    view.show_case(case.id)
    view.set_current_tab(MANDATES_TAB)
    tab = view.mandates_tab
    assert tab is not None
    tab.table.selectRow(0)
    assert tab.edit_button.isEnabled()
    seen: list[object] = []

    def fake_ask(parent, kind, area, addressed_to="", existing=None):
        seen.append(existing)
        return dataclasses.replace(check(20), requirement="Nachweis der Kita für November.")

    monkeypatch.setattr(MandateDialog, "ask", classmethod(lambda cls, *a, **k: fake_ask(*a, **k)))
    with qtbot.waitSignal(view.case_changed):
        tab.edit_button.click()
    [existing] = seen
    assert getattr(existing, "requirement", "") == check(10).requirement
    [stored] = opened.instruments.list_for_case(case.id)
    assert stored.requirement == "Nachweis der Kita für November."
    assert stored.due_on == TODAY + dt.timedelta(days=20)
    assert tab.model.rowCount() == 1
