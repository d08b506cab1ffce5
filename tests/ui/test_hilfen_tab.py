"""The case's "Hilfen" tab: a Hilfe and a Hilfeplangespräch entered by keyboard alone.

Real widgets on a real SQLCipher case file; the dialogs run modally as in the
application, driven by key presses (mnemonics, Tab, typing, Ctrl+Return).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from asd_desktop.domain.enums import DocumentKind, DueKind
from asd_desktop.ui.case_view import CaseView
from asd_desktop.ui.hilfen_tab import HilfeDialog, HilfenModel, MeetingDialog
from asd_desktop.ui.pdf_preview import PdfPreviewDialog
from tests.unit.test_goals_service import full_draft
from tests.unit.test_hilfen_service import make_case

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"
TODAY = dt.date.today()


def screenshot(widget: QWidget, name: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    QApplication.processEvents()
    assert widget.grab().save(str(SCREENSHOTS / f"i15_{name}.png"))


def when_modal(qtbot, kind: type, act: Callable[[Any], None]) -> list[BaseException]:
    """Run ``act`` on the next modal dialog of ``kind`` once it is shown."""
    errors: list[BaseException] = []

    def poll() -> None:
        widget = cast(Any, QApplication.activeModalWidget())
        of_kind = isinstance(widget, kind)  # a plain bool: widget stays Any for the calls
        if not of_kind or not widget.isVisible():
            QTimer.singleShot(20, poll)
            return
        if QApplication.activeWindow() is not widget:
            # Mnemonics (Alt+letter) reach only the active window.
            widget.activateWindow()
            QTimer.singleShot(20, poll)
            return
        try:
            act(widget)
        except BaseException as exc:  # reported by the test, the dialog is closed
            errors.append(exc)
            cast(QDialog, widget).reject()

    QTimer.singleShot(0, poll)
    return errors


def alt(qtbot, widget: QWidget, key: Qt.Key) -> None:
    """Alt+letter on ``widget``'s window (made active first: mnemonics need it)."""
    window = widget.window()
    if QApplication.activeWindow() is not window:
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(widget, key, Qt.KeyboardModifier.AltModifier)


@pytest.fixture
def view(qtbot, opened):
    v = CaseView(opened.cases, goals=opened.goals, documents=opened.documents, hilfen=opened.hilfen)
    qtbot.addWidget(v)
    v.resize(1366, 768)
    v.show()
    qtbot.waitExposed(v)
    return v


def test_a_hilfe_and_a_hilfeplangespraech_entered_by_keyboard(qtbot, opened, view):
    case = make_case(opened)
    agreement = opened.goals.finish(case.id, full_draft())
    view.show_case(case.id)
    view.open_hilfen()
    tab = view.hilfen_tab
    assert tab is not None
    assert view.tabs.tabText(view.tabs.currentIndex()) == "H&ilfen"

    def enter_hilfe(dialog: QWidget) -> None:
        assert isinstance(dialog, HilfeDialog)
        assert dialog.focusWidget() is dialog.kind_combo
        for _ in range(12):
            if dialog.kind_code() == "sgb8_31":
                break
            qtbot.keyClick(dialog.kind_combo, Qt.Key.Key_Down)
        assert dialog.kind_code() == "sgb8_31"
        alt(qtbot, dialog, Qt.Key.Key_T)
        assert dialog.focusWidget() is dialog.provider_edit
        qtbot.keyClicks(dialog.provider_edit, "Familienhilfe Nord e.V.")
        alt(qtbot, dialog, Qt.Key.Key_U)
        assert dialog.focusWidget() is dialog.hours_edit
        qtbot.keyClicks(dialog.hours_edit, "4,5")
        qtbot.keyClick(dialog.hours_edit, Qt.Key.Key_Tab)
        qtbot.keyClicks(QApplication.focusWidget(), "62,30")
        assert dialog.rate_edit.text() == "62,30"
        assert "1.214,85 €" in dialog.cost_label.text()
        assert "14.578,20 €" in dialog.cost_label.text()
        screenshot(dialog, "hilfe_dialog")
        qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    errors = when_modal(qtbot, HilfeDialog, enter_hilfe)
    with qtbot.waitSignal(tab.hilfen_changed, timeout=10_000):
        alt(qtbot, view, Qt.Key.Key_S)
    assert errors == []
    hilfen = opened.hilfen.hilfen(case.id)
    assert [(h.kind, h.provider, h.minutes_per_week, h.hourly_rate_cents) for h in hilfen] == [
        ("sgb8_31", "Familienhilfe Nord e.V.", 270, 6230)
    ]
    assert tab.hilfen_model.index(0, HilfenModel.COST).data() == "1.214,85 €"
    assert tab.hilfen_model.index(0, HilfenModel.STATUS).data() == "läuft"

    def enter_meeting(dialog: QWidget) -> None:
        assert isinstance(dialog, MeetingDialog)
        # The running help is already chosen; the next date six months on.
        assert dialog.hilfe_combo.currentData() == hilfen[0].id
        assert dialog.next_edit.date() is not None
        alt(qtbot, dialog, Qt.Key.Key_B)
        assert dialog.focusWidget() is dialog.participants_edit
        qtbot.keyClicks(dialog.participants_edit, "Amal Al Zein; Mutter")
        qtbot.keyClick(dialog.participants_edit, Qt.Key.Key_Return)
        qtbot.keyClicks(dialog.participants_edit, "Muharem Al Zein; Sohn")
        alt(qtbot, dialog, Qt.Key.Key_W)
        qtbot.keyClicks(dialog.young_name_edit, "Muharem")
        alt(qtbot, dialog, Qt.Key.Key_G)
        assert dialog.focusWidget() is dialog.young_words_edit
        qtbot.keyClicks(dialog.young_words_edit, "Ich will in meiner Klasse bleiben.")
        alt(qtbot, dialog, Qt.Key.Key_Z)
        assert dialog.focusWidget() is dialog.goals_list
        qtbot.keyClick(dialog.goals_list, Qt.Key.Key_Home)
        qtbot.keyClick(dialog.goals_list, Qt.Key.Key_Space)
        assert [g.goal_id for g in dialog.chosen_goals()] == [agreement.goals[0].id]
        alt(qtbot, dialog, Qt.Key.Key_A)
        assert dialog.focusWidget() is dialog.tasks_edit
        qtbot.keyClicks(dialog.tasks_edit, "Mutter; Kinderarzt anrufen; 15.01.2030")
        screenshot(dialog, "hilfeplan_dialog")
        qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    errors = when_modal(qtbot, MeetingDialog, enter_meeting)
    with qtbot.waitSignal(tab.hilfen_changed, timeout=10_000):
        alt(qtbot, view, Qt.Key.Key_G)
    assert errors == []
    [meeting] = opened.hilfen.meetings(case.id)
    assert [(p.name, p.role) for p in meeting.participants] == [
        ("Amal Al Zein", "Mutter"),
        ("Muharem Al Zein", "Sohn"),
    ]
    assert meeting.young_person_name == "Muharem"
    assert meeting.young_person_words == "Ich will in meiner Klasse bleiben."
    assert [g.goal_id for g in meeting.goals] == [agreement.goals[0].id]
    assert [(t.who, t.what, t.due_on) for t in meeting.tasks] == [
        ("Mutter", "Kinderarzt anrufen", dt.date(2030, 1, 15))
    ]
    assert meeting.next_on is not None
    kinds = {i.kind for i in opened.deadlines.items(case_id=case.id)}
    assert {DueKind.HILFEPLAN, DueKind.HILFEPLAN_TASK} <= kinds
    assert "Nächstes Hilfeplangespräch" in tab.summary_label.text()
    detail = tab.meeting_detail.text()
    assert "Muharem in eigenen Worten: „Ich will in meiner Klasse bleiben.“" in detail
    assert "Mutter: Kinderarzt anrufen bis 15.01.2030" in detail
    screenshot(view, "tab")

    # Print: the Hilfeplan is rendered, stored with its hash and shown in the preview.
    closed = when_modal(qtbot, PdfPreviewDialog, lambda d: d.reject())
    alt(qtbot, view, Qt.Key.Key_C)
    # A mnemonic "animates" the click: the button fires a moment later.
    qtbot.waitUntil(lambda: tab.print_operation is not None)
    rendering = tab.print_operation
    qtbot.waitUntil(lambda: rendering.done, timeout=20_000)
    assert closed == []
    docs = opened.documents.list_for_case(case.id)
    assert [d.kind for d in docs] == [DocumentKind.HILFEPLAN]


def test_bad_money_is_named_and_nothing_is_stored(qtbot, opened, view):
    case = make_case(opened)
    view.show_case(case.id)
    tab = view.hilfen_tab
    dialog = HilfeDialog(opened.hilfen.kinds(), opened.hilfen.providers(), parent=tab)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.hours_edit.setText("vier")
    assert "Zahlen" in dialog.cost_label.text()
    dialog.save_button.click()
    assert dialog.result() == 0
    assert "Stunden pro Woche bitte als Zahl" in dialog.problems_label.text()
    dialog.hours_edit.setText("4")
    dialog.save_button.click()
    assert "Stundensatz" in dialog.problems_label.text()
    dialog.monthly_edit.setText("1.500")
    assert "1.500,00 €" in dialog.cost_label.text()
    assert "18.000,00 €" in dialog.cost_label.text()
    with qtbot.waitSignal(dialog.accepted):
        dialog.save_button.click()
    assert dialog.values().monthly_cost_cents == 150000
    assert opened.hilfen.hilfen(case.id) == []


def test_a_decided_hze_is_offered_on_the_tab(qtbot, opened, view):
    from tests.unit.test_consultation_service import complete

    case = make_case(opened)
    c = complete(opened, case.id)
    opened.consultations.save(
        c.id,
        dataclasses.replace(c.fields, hze_decided=True, hze_kind="Tagesgruppe (§ 32)"),
    )
    opened.consultations.add_need(c.id, "Elterncafé am Nachmittag")
    opened.consultations.close(c.id)
    view.show_case(case.id)
    view.open_hilfen()
    tab = view.hilfen_tab
    assert tab.prepare_button.isVisible()
    assert "Tagesgruppe (§ 32)" in tab.decided_label.text()
    screenshot(view, "tab_hze_beschlossen")

    def check_prepared(dialog: QWidget) -> None:
        assert isinstance(dialog, HilfeDialog)
        assert dialog.kind_code() == "sgb8_32"
        assert dialog.values().consultation_id == c.id
        qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    def meeting(dialog: QWidget) -> None:
        assert isinstance(dialog, MeetingDialog)
        dialog.participants_edit.setPlainText("Ayşe Yılmaz; Mutter")
        qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    def yes(box: Any) -> None:
        assert "Hilfe zur Erziehung" in box.text()
        qtbot.keyClick(box, Qt.Key.Key_Return)  # Ja is the default

    # As after the Kollegiale Beratung's window closes: asked once, Enter says yes.
    errors = when_modal(qtbot, QMessageBox, yes)
    errors += when_modal(qtbot, HilfeDialog, check_prepared)
    errors += when_modal(qtbot, MeetingDialog, meeting)
    view.set_current_tab(0)
    view.offer_hilfe_after(c.id)
    assert errors == []
    assert view.tabs.currentWidget() is tab
    assert not tab.prepare_button.isVisible()
    [hilfe] = opened.hilfen.hilfen(case.id)
    assert hilfe.consultation_id == c.id
    [stored] = opened.hilfen.meetings(case.id)
    assert stored.hilfe_id == hilfe.id


def test_an_office_adds_its_own_kind_and_stops_offering_one(qtbot, opened):
    from asd_desktop.ui.hilfen_tab import KindDialog, KindsDialog

    dialog = KindsDialog(opened.hilfen)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.model.rowCount() == 13

    def name_it(kind: QWidget) -> None:
        assert isinstance(kind, KindDialog)
        qtbot.keyClicks(kind.label_edit, "Schulbegleitung")
        alt(qtbot, kind, Qt.Key.Key_R)
        qtbot.keyClicks(kind.paragraph_edit, "§ 35a")
        qtbot.keyClick(kind, Qt.Key.Key_Return)

    errors = when_modal(qtbot, KindDialog, name_it)
    alt(qtbot, dialog, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 14)
    assert errors == []
    own = dialog.selected()
    assert own is not None
    assert (own.code, own.label, own.paragraph) == (
        "eigen_schulbegleitung",
        "Schulbegleitung",
        "§ 35a",
    )
    screenshot(dialog, "arten_der_hilfe")

    def stop_offering(kind: QWidget) -> None:
        assert isinstance(kind, KindDialog)
        alt(qtbot, kind, Qt.Key.Key_A)  # "für neue Hilfen &anbieten" off
        qtbot.waitUntil(lambda: not kind.active_check.isChecked())
        qtbot.keyClick(kind, Qt.Key.Key_Return)

    errors = when_modal(qtbot, KindDialog, stop_offering)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "eigen_schulbegleitung" not in [k.code for k in opened.hilfen.kinds()])
    assert errors == []
    assert "eigen_schulbegleitung" in [k.code for k in opened.hilfen.kinds(include_inactive=True)]


def test_a_half_typed_hilfeplan_survives_the_lock_and_reopens(qtbot, data_dir):
    from asd_desktop.ui.main_window import MainWindow
    from tests.ui.test_dialog_drafts import OnModal
    from tests.ui.test_main_window import CTRL, Clock, _seed, _unlock

    case_id = _seed(data_dir)["Al Zein"]
    window = MainWindow(data_dir, now=Clock())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    _unlock(qtbot, window)
    window.select_case(case_id)
    qtbot.keyClick(window, Qt.Key.Key_H, CTRL)  # Fall → Hilfen und Hilfeplan
    view = window.case_view
    assert view is not None
    assert view.tabs.currentWidget() is view.hilfen_tab

    def type_and_lock(dialog: QWidget) -> None:
        assert isinstance(dialog, MeetingDialog)
        dialog.participants_edit.setFocus()
        qtbot.keyClicks(dialog.participants_edit, "Amal Al Zein; Mutter")
        dialog.young_words_edit.setPlainText("Ich will bei Yusuf bleiben.")
        qtbot.keyClick(dialog.young_words_edit, Qt.Key.Key_L, CTRL)
        if dialog.isVisible():  # the shortcut did not lock: fail, do not hang
            dialog.reject()

    typing = OnModal(MeetingDialog, type_and_lock)
    view.hilfen_tab.meeting_button.click()  # returns once the lock closed the dialog
    assert typing.done
    assert window.is_locked()

    found: list[str] = []

    def read_and_save(dialog: QWidget) -> None:
        assert isinstance(dialog, MeetingDialog)
        found.append(dialog.participants_edit.toPlainText())
        found.append(dialog.young_words_edit.toPlainText())
        qtbot.keyClick(dialog.young_words_edit, Qt.Key.Key_Return, CTRL)

    reopened = OnModal(MeetingDialog, read_and_save)
    _unlock(qtbot, window)
    qtbot.waitUntil(lambda: reopened.done)
    assert found == ["Amal Al Zein; Mutter", "Ich will bei Yusuf bleiben."]
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert window.opened is not None
    [meeting] = window.opened.hilfen.meetings(case_id)
    assert meeting.young_person_words == "Ich will bei Yusuf bleiben."
    window.resize(1366, 768)
    screenshot(window, "hauptfenster")
