"""The open steps on the "Kontakte" tab: shown with who and when, added, marked done."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog

from asd_desktop.domain.enums import Area, ContactKind, StepActor
from asd_desktop.services.cases import AreaInput, CaseInput, ContactInput
from asd_desktop.services.steps import StepInput
from asd_desktop.services.vault import OpenVault
from asd_desktop.ui.case_view import CaseView
from asd_desktop.ui.case_view.steps import StepTableModel
from asd_desktop.ui.dialogs.contact_dialog import ContactDialog
from asd_desktop.ui.dialogs.step_dialog import ACTORS, StepDialog
from asd_desktop.ui.main_window import MainWindow
from tests.ui.test_dialog_drafts import OnModal
from tests.ui.test_main_window import CTRL, Clock, _unlock

TODAY = dt.date.today()


@pytest.fixture
def case_id(opened: OpenVault) -> str:
    row = opened.cases.create_case(
        CaseInput("ASD-2025-0042", "Schröder", TODAY, "Frau Berger"),
        AreaInput(Area.SERVICE, TODAY, "Erstaufnahme", "Frau Berger"),
    )
    at = dt.datetime.combine(TODAY - dt.timedelta(days=5), dt.time(10))
    opened.cases.record_contact(
        row.id,
        ContactInput(
            occurred_at=at,
            kind=ContactKind.HOME_VISIT_ANNOUNCED,
            next_step="Kita-Anwesenheit einholen",
            next_step_due=TODAY - dt.timedelta(days=2),
            next_step_actor=StepActor.FAMILY,
            next_step_actor_name="Mutter",
        ),
    )
    # A later contact without a step never hides the earlier one.
    opened.cases.record_contact(
        row.id,
        ContactInput(occurred_at=at + dt.timedelta(days=3), kind=ContactKind.PHONE),
    )
    return row.id


@pytest.fixture
def view(qtbot, opened, case_id) -> CaseView:
    w = CaseView(opened.cases, steps=opened.steps, deadlines=opened.deadlines)
    qtbot.addWidget(w)
    w.resize(900, 600)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    w.show_case(case_id)
    w.set_current_tab(1)
    return w


def test_model_passes_qt_modeltest(qtmodeltester, opened, case_id):
    model = StepTableModel(today=lambda: TODAY)
    model.set_rows(opened.steps.steps(case_id))
    qtmodeltester.check(model)


def test_open_step_shows_who_and_when_and_overdue(view):
    panel = view.steps_panel
    assert panel is not None
    model = panel.model
    assert model.rowCount() == 1
    due = (TODAY - dt.timedelta(days=2)).strftime("%d.%m.%Y")
    assert model.index(0, model.DUE).data() == f"{due} (überfällig)"
    assert model.index(0, model.TEXT).data() == "Kita-Anwesenheit einholen"
    assert model.index(0, model.WHO).data() == "Familie: Mutter"
    assert "1, davon 1 überfällig" in panel.state_label.text()
    assert panel.isVisibleTo(view.contacts)


def test_add_a_step_and_mark_it_done_by_keyboard(qtbot, view, opened, case_id, monkeypatch):
    panel = view.steps_panel
    assert panel is not None
    due = TODAY + dt.timedelta(days=4)
    entered = StepInput("Schulbescheinigung anfordern", due, StepActor.PROFESSIONAL, "Schule")
    monkeypatch.setattr(StepDialog, "ask", classmethod(lambda cls, parent: entered))
    with qtbot.waitSignal(view.case_changed):
        qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    texts = [s.text for s in panel.model.rows()]
    assert texts == ["Kita-Anwesenheit einholen", "Schulbescheinigung anfordern"]
    assert panel.selected_step() is not None
    assert panel.selected_step().text == "Schulbescheinigung anfordern"

    panel.select_step(panel.model.rows()[0].id)
    panel.table.setFocus()
    qtbot.waitUntil(panel.table.hasFocus)
    with (
        qtbot.waitSignal(view.case_changed) as changed,
        qtbot.waitSignal(view.saved) as saved,
    ):
        qtbot.keyClick(panel.table, Qt.Key.Key_Space)
    assert changed.args == [case_id]
    assert saved.args == ["Schritt erledigt (Kita-Anwesenheit einholen)"]
    assert [s.text for s in panel.model.rows()] == ["Schulbescheinigung anfordern"]
    done = [s for s in opened.steps.steps(case_id, include_done=True) if s.done]
    assert [(s.text, s.done_on, s.done_by) for s in done] == [
        ("Kita-Anwesenheit einholen", TODAY, "Fachkraft")
    ]
    assert "Erledigt: Kita-Anwesenheit einholen" in panel.state_label.text()


def test_contact_dialog_passes_who_does_the_next_step(qtbot):
    dialog = ContactDialog()
    qtbot.addWidget(dialog)
    dialog.next_step_edit.setText("Gespräch mit der Kita")
    dialog.actor_edit.actor_combo.setCurrentIndex(ACTORS.index(StepActor.PROFESSIONAL))
    dialog.actor_edit.name_edit.setText("Kita Sonnenblume")
    value = dialog.values()
    assert value.next_step_actor is StepActor.PROFESSIONAL
    assert value.next_step_actor_name == "Kita Sonnenblume"
    assert "actor_edit.actor_combo" in dialog.draft_state()


def test_a_step_typed_when_the_window_locks_comes_back_after_unlock(qtbot, data_dir, opened):
    case_id = opened.cases.create_case(
        CaseInput("ASD-2025-0043", "Nowak", TODAY, "Frau Berger"),
        AreaInput(Area.SERVICE, TODAY, "Erstaufnahme", "Frau Berger"),
    ).id
    opened.close()
    w = MainWindow(data_dir, now=Clock())
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    _unlock(qtbot, w)
    w.select_case(case_id)
    assert w._open_case(case_id)
    view = w.case_view
    assert view is not None
    assert view.steps_panel is not None

    def type_and_lock(dialog: QDialog) -> None:
        assert isinstance(dialog, StepDialog)
        dialog.text_edit.setText("Schulbescheinigung anfordern")
        QTest.keyClick(dialog.text_edit, Qt.Key.Key_L, CTRL)
        if dialog.isVisible():  # the shortcut did not lock: fail, do not hang
            dialog.reject()

    typing = OnModal(StepDialog, type_and_lock)
    view.steps_panel.add_button.click()  # returns once the lock closed the dialog
    assert typing.done
    assert w.is_locked()

    found: list[str] = []

    def read_and_save(dialog: QDialog) -> None:
        assert isinstance(dialog, StepDialog)
        found.append(dialog.text_edit.text())
        QTest.keyClick(dialog.text_edit, Qt.Key.Key_Return, CTRL)

    reopened = OnModal(StepDialog, read_and_save)
    _unlock(qtbot, w)
    qtbot.waitUntil(lambda: reopened.done)
    assert found == ["Schulbescheinigung anfordern"]
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert w.opened is not None
    assert [s.text for s in w.opened.steps.steps(case_id)] == ["Schulbescheinigung anfordern"]
