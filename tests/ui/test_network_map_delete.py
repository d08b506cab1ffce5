"""Deleting a Netzwerkkarte in the tab: Entf or the button, a real question, Abbrechen first."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from asd_desktop.domain.network import EntrySource, Sector
from asd_desktop.services.network import EntryInput, VersionInput
from asd_desktop.ui.network_map import NetworkMapTab
from asd_desktop.ui.network_map.dialogs import DeleteMapDialog
from tests.al_zein import al_zein_case

TODAY = dt.date.today()


@pytest.fixture
def case(opened):
    detail, muharem, nour = al_zein_case(opened, TODAY)
    right = opened.network.create_map(detail.id, muharem.id, created_on=TODAY)
    opened.network.add_entry(right.id, EntryInput(EntrySource.NAME, "Oma", Sector.FAMILY, 1))
    # The map made for the wrong child: three entries, two versions.
    wrong = opened.network.create_map(detail.id, nour.id, created_on=TODAY)
    for name in ("Trainer Ali", "Nachbarin", "Tante"):
        opened.network.add_entry(wrong.id, EntryInput(EntrySource.NAME, name, Sector.FRIENDS, 2))
    for note in ("erste", "zweite"):
        opened.network.save_version(wrong.id, VersionInput(TODAY, note))
    return opened.cases.get_case(detail.id), right, wrong


@pytest.fixture
def tab(qtbot, opened, case):
    detail, _right, wrong = case
    t = NetworkMapTab(opened.network)
    qtbot.addWidget(t)
    t.resize(1366, 700)
    t.show()
    qtbot.waitExposed(t)
    t.show_case(detail)
    t.map_combo.setCurrentIndex(1)
    shown = t.current_map()
    assert shown is not None
    assert shown.id == wrong.id
    return t


#: The timers that answer the questions (kept alive until the test ends).
_TIMERS: list[QTimer] = []
#: Failures inside a question's handler: raised when the test ends (the event loop swallows them).
_ERRORS: list[BaseException] = []


@pytest.fixture(autouse=True)
def _raise_handler_failures():
    _ERRORS.clear()
    yield
    if _ERRORS:
        raise _ERRORS[0]


def answer(qtbot, act: Callable[[DeleteMapDialog], None]) -> list[DeleteMapDialog]:
    """Work the real question with ``act`` once it shows; closes it after 10 s in any case."""
    seen: list[DeleteMapDialog] = []
    timer = QTimer()
    timer.setInterval(20)
    started = dt.datetime.now()

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, DeleteMapDialog) and dialog.isVisible() and not seen:
            seen.append(dialog)
            timer.stop()
            try:
                act(dialog)
            except BaseException as exc:  # a failed check must not leave the question open
                _ERRORS.append(exc)
                dialog.reject()
        elif (dt.datetime.now() - started).total_seconds() > 10:
            timer.stop()
            if isinstance(dialog, DeleteMapDialog):
                dialog.reject()

    timer.timeout.connect(poll)
    timer.start()
    _TIMERS.append(timer)
    return seen


def test_entf_asks_and_enter_keeps_the_map(qtbot, opened, case, tab):
    detail, _right, wrong = case
    texts: list[str] = []

    def read_then_enter(d: DeleteMapDialog) -> None:
        texts.append(f"{d.windowTitle()}\n{d.text()}\n{d.informativeText()}")
        assert d.defaultButton() is d.cancel_button
        assert d.focusWidget() is d.cancel_button
        d.grab().save("/tmp/h7_delete_question.png")
        qtbot.keyClick(d.cancel_button, Qt.Key.Key_Return)

    tab.map_combo.setFocus()
    seen = answer(qtbot, read_then_enter)
    qtbot.keyClick(tab.map_combo, Qt.Key.Key_Delete)
    assert seen, "Entf did not ask"
    [text] = texts
    assert "Netzwerkkarte löschen" in text
    assert "Netzwerkkarte von Nour Al Zein" in text
    assert "3 Einträge und 2 gespeicherte Fassungen" in text
    assert "nicht rückgängig" in text
    assert "Dokumente" in text
    # Enter chose "Abbrechen": both maps are there, with everything on them.
    assert len(opened.network.maps(detail.id)) == 2
    assert opened.network.map_size(wrong.id).entries == 3
    assert tab.map_combo.count() == 2
    assert tab.focusWidget() is tab.map_combo


def test_esc_keeps_the_map_too(qtbot, opened, case, tab):
    detail, _right, _wrong = case
    seen = answer(qtbot, lambda d: qtbot.keyClick(d, Qt.Key.Key_Escape))
    tab.delete_map_button.click()
    assert seen
    assert len(opened.network.maps(detail.id)) == 2


def test_tab_to_loeschen_and_space_deletes_the_map(qtbot, opened, case, tab):
    detail, right, _wrong = case
    said: list[str] = []
    tab.saved.connect(said.append)
    # Keyboard only: Tab from the map choice reaches the button; Space opens the question.
    tab.map_combo.setFocus()
    qtbot.keyClick(tab.map_combo, Qt.Key.Key_Tab)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert tab.focusWidget() is tab.delete_map_button

    def choose_delete(d: DeleteMapDialog) -> None:
        # Shift+Tab from "Abbrechen" reaches "Löschen" (the order of the platform's buttons).
        for _ in range(3):
            if QApplication.focusWidget() is d.delete_button:
                break
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is d.delete_button
        qtbot.keyClick(d.delete_button, Qt.Key.Key_Space)

    seen = answer(qtbot, choose_delete)
    qtbot.keyClick(tab.delete_map_button, Qt.Key.Key_Space)
    assert seen
    assert [m.id for m in opened.network.maps(detail.id)] == [right.id]
    assert tab.map_combo.count() == 1
    shown = tab.current_map()
    assert shown is not None
    assert shown.id == right.id
    assert [e.name for e in tab._entries] == ["Oma"]
    assert said == ["Netzwerkkarte gelöscht: Netzwerkkarte von Nour Al Zein"]
    assert tab.focusWidget() is tab.map_combo
    tab.grab().save("/tmp/h7_after_delete.png")
    assert Path("/tmp/h7_after_delete.png").stat().st_size > 10_000


def test_the_last_map_deleted_leaves_the_empty_tab(qtbot, opened, case, tab, monkeypatch):
    detail, _right, _wrong = case
    asked: list[str] = []

    def yes(_cls, parent, m, size) -> bool:
        asked.append(DeleteMapDialog(m, size).informativeText())
        return True

    monkeypatch.setattr(DeleteMapDialog, "ask", classmethod(yes))
    tab.delete_map()
    tab.delete_map()
    assert opened.network.maps(detail.id) == []
    assert "1 Eintrag und keine gespeicherten Fassungen" in asked[-1]
    assert tab.map_combo.count() == 0
    assert not tab.delete_map_button.isEnabled()
    assert not tab.delete_map_action.isEnabled()
    assert tab.focusWidget() is tab.new_map_button
    # Nothing left to delete: Entf and the button do nothing.
    tab.delete_map()


def test_a_map_deleted_on_another_device_meanwhile_is_named_and_the_list_reloads(
    qtbot, opened, case, tab, monkeypatch
):
    from PySide6.QtWidgets import QMessageBox

    detail, right, wrong = case
    opened.network.delete_map(wrong.id)  # as if an exchange had just brought it in
    warned: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda parent, title, text: warned.append(text))
    )
    tab.delete_map()
    assert warned == ["Die Netzwerkkarte wurde nicht gefunden."]
    assert [m.id for m in tab._maps] == [right.id]
    assert len(opened.network.maps(detail.id)) == 1
