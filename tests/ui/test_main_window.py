"""The main window, driven as a caseworker would: unlock, list, search, lock."""

from __future__ import annotations

import datetime as dt
import gc
import json
import weakref

import pytest
from PySide6.QtCore import QAbstractListModel, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from asd_desktop import app as app_module
from asd_desktop.domain.enums import Area, CaseStatus, ContactKind, Role
from asd_desktop.models.errors import DataDirInUseError
from asd_desktop.services import vault
from asd_desktop.services.cases import AreaInput, CaseInput, ContactInput, PersonInput
from asd_desktop.services.settings import Settings, load_settings
from asd_desktop.storage.paths import vault_path
from asd_desktop.ui import main_window as mw
from asd_desktop.ui.case_list_model import COL_FAMILY, COL_LAST_CONTACT
from asd_desktop.ui.case_view import CaseView
from asd_desktop.ui.dialogs.case_dialog import CaseDialog
from asd_desktop.ui.dialogs.contact_dialog import ContactDialog
from asd_desktop.ui.dialogs.office_dialog import OfficeDialog
from asd_desktop.ui.lock_screen import ChangePassphraseDialog
from asd_desktop.ui.main_window import MainWindow
from tests.conftest import PASSPHRASE

CTRL = Qt.KeyboardModifier.ControlModifier
TODAY = dt.date.today()


class Clock:
    """A wall clock the test moves by hand."""

    def __init__(self) -> None:
        self.t = 1_700_000_000.0

    def __call__(self) -> float:
        return self.t


def _area(area: Area = Area.SERVICE, reason: str = "Erstaufnahme") -> AreaInput:
    return AreaInput(area=area, decided_on=TODAY, reason=reason, decided_by="Frau Berger")


def _seed(data_dir) -> dict[str, str]:
    """A case file with four families, one of them closed; returns family → case id."""
    ov = vault.create_vault(data_dir, PASSPHRASE, PASSPHRASE)
    ids: dict[str, str] = {}
    try:
        cases = ov.cases
        for number, family, area in (
            ("ASD-2024-0117", "Yılmaz", Area.GREY),
            ("ASD-2024-0042", "Al Zein", Area.SERVICE),
            ("ASD-2023-0311", "Wąsowski", Area.SERVICE),
            ("ASD-2024-0203", "Dvořák", Area.DANGER),
        ):
            row = cases.create_case(CaseInput(number, family, TODAY, "Frau Berger"), _area(area))
            ids[family] = row.id
        cases.add_person(
            ids["Yılmaz"],
            PersonInput("Yılmaz", "Şükrü", roles=(Role.FATHER, Role.CUSTODY)),
        )
        cases.add_person(ids["Al Zein"], PersonInput("Al Zein", "Muharem", roles=(Role.CHILD,)))
        cases.record_contact(
            ids["Al Zein"],
            ContactInput(
                occurred_at=dt.datetime.combine(TODAY - dt.timedelta(days=3), dt.time(10, 0)),
                kind=ContactKind.HOME_VISIT_ANNOUNCED,
                note="Hausaufgabenplan am Küchentisch besprochen",
                next_step="Gespräch mit der Schule",
                next_step_due=TODAY - dt.timedelta(days=1),
            ),
        )
        cases.set_status(ids["Wąsowski"], CaseStatus.CLOSED, TODAY)
    finally:
        ov.close()
    return ids


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def make_window(qtbot, data_dir, clock):
    def make():
        w = MainWindow(data_dir, now=clock)
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
        w.activateWindow()
        qtbot.waitUntil(w.isActiveWindow)
        return w

    return make


@pytest.fixture
def seeded(data_dir) -> dict[str, str]:
    return _seed(data_dir)


def _unlock(qtbot, w: MainWindow, passphrase: str = PASSPHRASE) -> None:
    page = w.lock_screen.unlock
    assert w.stack.currentWidget() is w.lock_screen
    assert w.lock_screen.currentWidget() is page
    page.passphrase.setText(passphrase)
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    # The key derivation runs off the GUI thread: wait until the try is over.
    qtbot.waitUntil(lambda: page.operation is None)


@pytest.fixture
def window(qtbot, make_window, seeded) -> MainWindow:
    w: MainWindow = make_window()
    _unlock(qtbot, w)
    assert not w.is_locked()
    return w


def _case_view(w: MainWindow) -> CaseView:
    assert w.case_view is not None
    return w.case_view


def _families(w: MainWindow) -> list[str]:
    return [r.family_name for r in w.model.rows()]


def _visible_texts(w: MainWindow) -> str:
    """Everything the window's labels, fields and buttons currently hold."""
    parts: list[str] = [w.windowTitle()]
    for label in w.findChildren(QLabel):
        parts.append(label.text())
    for field in w.findChildren(QLineEdit):
        parts.append(field.text())
    for edit in w.findChildren(QPlainTextEdit):
        parts.append(edit.toPlainText())
    for rich in w.findChildren(QTextEdit):
        parts.append(rich.toPlainText())
    for button in w.findChildren(QAbstractButton):
        parts.append(button.text())
    for view in w.findChildren(QAbstractItemView):
        model = view.model()
        # a list model has one column (PySide6 keeps its columnCount private)
        columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount()
        for row in range(model.rowCount()):
            for column in range(columns):
                parts.append(str(model.index(row, column).data() or ""))
    return "\n".join(parts)


@pytest.fixture
def warnings(monkeypatch) -> list[str]:
    shown: list[str] = []

    def warning(parent, title, text, *args, **kwargs):
        shown.append(text)

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warning))
    return shown


# --- first start and unlock -------------------------------------------------------------


def test_first_start_then_work_page(qtbot, make_window, data_dir, monkeypatch):
    offered: list[bool] = []
    monkeypatch.setattr(OfficeDialog, "ask", classmethod(lambda cls, *a, **k: offered.append(True)))
    w = make_window()
    assert w.windowTitle() == "asd-desktop – Fallakte"
    page = w.lock_screen.first_start
    assert w.lock_screen.currentWidget() is page
    assert not w.new_case_action.isEnabled()

    qtbot.keyClicks(page.passphrase, "zu kurz")
    qtbot.keyClicks(page.repeated, "zu kurz")
    qtbot.keyClick(page.repeated, Qt.Key.Key_Return)
    assert "mindestens 12 Zeichen" in page.message.text()
    assert w.is_locked()

    qtbot.keyClicks(page.passphrase, "Regenbogen ueber Hamburg")
    qtbot.keyClicks(page.repeated, "Regenbogen ueber Hamburg!")
    qtbot.keyClick(page.repeated, Qt.Key.Key_Return)
    assert "stimmen nicht überein" in page.message.text()
    assert not vault_path(data_dir).exists()

    qtbot.keyClicks(page.passphrase, "Regenbogen ueber Hamburg")
    qtbot.keyClicks(page.repeated, "Regenbogen ueber Hamburg")
    qtbot.keyClick(page.repeated, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.operation is None)
    assert vault_path(data_dir).exists()
    assert not w.is_locked()
    assert w.stack.currentWidget() is w.work_page
    assert w.new_case_action.isEnabled()
    assert w.model.rowCount() == 0
    assert w.count_label.text() == "Keine Fälle in der Liste"
    assert w.case_view is not None
    qtbot.waitUntil(lambda: offered == [True])  # the letterhead is asked for once


def test_unlock_wrong_then_right_passphrase(qtbot, make_window, seeded):
    w = make_window()
    page = w.lock_screen.unlock
    _unlock(qtbot, w, "das ist nicht die Passphrase")
    assert w.is_locked()
    assert "Passphrase ist nicht richtig" in page.message.text()
    assert page.passphrase.text() == ""
    _unlock(qtbot, w, "wieder nicht die Passphrase")
    assert not page.unlock_button.isEnabled()
    assert page.countdown.text().startswith("Bitte noch")
    qtbot.waitUntil(page.unlock_button.isEnabled, timeout=3000)
    _unlock(qtbot, w)
    assert not w.is_locked()
    # open cases only, sorted by family name
    assert _families(w) == ["Al Zein", "Dvořák", "Yılmaz"]
    assert w.count_label.text() == "3 Fälle in der Liste"


# --- the case list ----------------------------------------------------------------------


def test_main_window_screenshot(qtbot, window, seeded, tmp_path):
    window.resize(1366, 768)
    window._fit_list_width()
    qtbot.mouseClick(
        window.table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=window.table.visualRect(window.model.index(2, COL_FAMILY)).center(),
    )
    assert window.case_view.current_case_id() == seeded["Yılmaz"]
    assert window.grab().save(str(tmp_path / "main_window.png"))
    assert "Şükrü" in _visible_texts(window)


def test_search_as_you_type_folds_letters(qtbot, window, seeded):
    window.focus_search_action.trigger()
    assert window.search.hasFocus()
    qtbot.keyClicks(window.search, "Yilmaz")
    qtbot.waitUntil(lambda: _families(window) == ["Yılmaz"])
    assert window.count_label.text() == "1 Fall in der Liste"
    # notes of contacts and names of people are searched too
    window.search.clear()
    qtbot.keyClicks(window.search, "kuechen")
    qtbot.waitUntil(lambda: window.model.rowCount() == 0)
    window.search.clear()
    qtbot.keyClicks(window.search, "hausaufgaben")
    qtbot.waitUntil(lambda: _families(window) == ["Al Zein"])
    window.search.clear()
    qtbot.keyClicks(window.search, "muharem")
    qtbot.waitUntil(lambda: _families(window) == ["Al Zein"])
    window.search.clear()
    qtbot.waitUntil(lambda: window.model.rowCount() == 3)


def test_status_and_area_filters(qtbot, window):
    window.status_filter.setCurrentIndex(window.status_filter.findText("abgeschlossen"))
    assert _families(window) == ["Wąsowski"]
    window.status_filter.setCurrentIndex(window.status_filter.findText("alle"))
    assert _families(window) == ["Al Zein", "Dvořák", "Wąsowski", "Yılmaz"]
    window.area_filter.setCurrentIndex(window.area_filter.findText("Gefährdungsbereich"))
    assert _families(window) == ["Dvořák"]
    window.area_filter.setCurrentIndex(window.area_filter.findText("Leistungsbereich"))
    assert _families(window) == ["Al Zein", "Wąsowski"]
    window.status_filter.setCurrentIndex(window.status_filter.findText("offen"))
    assert _families(window) == ["Al Zein"]
    assert window.count_label.text() == "1 Fall in der Liste"


def test_overdue_deadline_marked_in_list(window):
    row = window.model.row_of(window.model.rows()[0].id)
    text = window.model.index(row, 4).data()
    assert text.endswith(" !")
    spoken = window.model.index(row, 4).data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.endswith("(überfällig)")
    assert window.model.index(row, COL_LAST_CONTACT).data() == (
        (TODAY - dt.timedelta(days=3)).strftime("%d.%m.%Y")
    )


def test_arrow_keys_and_enter_open_a_case(qtbot, window, seeded):
    window.focus_list_action.trigger()
    assert window.table.hasFocus()
    assert window.selected_case_id() == seeded["Al Zein"]
    assert window.case_view.current_case_id() is None
    qtbot.keyClick(window.table, Qt.Key.Key_Down)
    assert window.selected_case_id() == seeded["Dvořák"]
    assert window.case_view.current_case_id() is None  # moving does not open
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    assert window.case_view.current_case_id() == seeded["Dvořák"]


def test_new_case_through_the_menu(qtbot, window, monkeypatch, warnings):
    answer = (CaseInput("ASD-2025-0001", "Kowalczyk", TODAY, "Frau Berger"), _area())
    monkeypatch.setattr(CaseDialog, "ask", classmethod(lambda cls, parent, initial=None: answer))
    qtbot.keyClick(window.table, Qt.Key.Key_N, CTRL)
    assert "Kowalczyk" in _families(window)
    new_id = window.selected_case_id()
    assert new_id is not None
    assert window.model.case_at(window.model.row_of(new_id)).family_name == "Kowalczyk"
    assert window.case_view.current_case_id() == new_id
    assert window.count_label.text() == "4 Fälle in der Liste"
    assert warnings == []

    # the same Aktenzeichen again: a clear message, nothing stored
    qtbot.keyClick(window.table, Qt.Key.Key_N, CTRL)
    assert len(warnings) == 1
    assert "bereits vergeben" in warnings[0]
    assert _families(window).count("Kowalczyk") == 1


def test_new_case_hidden_by_filter_is_shown(qtbot, window, monkeypatch):
    answer = (CaseInput("ASD-2025-0002", "Öztürk", TODAY), _area(Area.GREY))
    monkeypatch.setattr(CaseDialog, "ask", classmethod(lambda cls, parent, initial=None: answer))
    window.search.setText("Yilmaz")
    window.refresh()
    window.new_case_action.trigger()
    assert window.search.text() == ""
    assert window.model.case_at(window.model.row_of(window.selected_case_id())).family_name == (
        "Öztürk"
    )


def test_cancelled_new_case_changes_nothing(qtbot, window, monkeypatch):
    monkeypatch.setattr(CaseDialog, "ask", classmethod(lambda cls, parent, initial=None: None))
    window.new_case_action.trigger()
    assert window.model.rowCount() == 3


def test_contact_in_few_keystrokes_from_the_list(qtbot, window, seeded, monkeypatch):
    """Ctrl+F, type, Enter, Ctrl+K: the contact dialog opens for the found case."""
    asked: list[object] = []
    contact = ContactInput(
        occurred_at=dt.datetime.combine(TODAY, dt.time(9, 30)),
        kind=ContactKind.HOME_VISIT_UNANNOUNCED,
        note="Familie angetroffen",
    )

    def ask(cls, parent, initial=None):
        asked.append(parent)
        return contact

    monkeypatch.setattr(ContactDialog, "ask", classmethod(ask))
    qtbot.keyClick(window.table, Qt.Key.Key_F, CTRL)
    assert window.search.hasFocus()
    qtbot.keyClicks(window.search, "yilmaz")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert window.table.hasFocus()
    assert window.selected_case_id() == seeded["Yılmaz"]
    with qtbot.waitSignal(window.case_view.case_changed):
        qtbot.keyClick(window.table, Qt.Key.Key_K, CTRL)
    assert len(asked) == 1
    assert window.case_view.current_case_id() == seeded["Yılmaz"]
    # the list is refreshed, the selection kept, the contact visible in the list
    assert window.selected_case_id() == seeded["Yılmaz"]
    row = window.model.row_of(seeded["Yılmaz"])
    assert window.model.index(row, COL_LAST_CONTACT).data() == TODAY.strftime("%d.%m.%Y")


def test_ctrl_k_in_search_field_reaches_the_window(qtbot, window, seeded, monkeypatch):
    asked: list[object] = []
    monkeypatch.setattr(
        ContactDialog, "ask", classmethod(lambda cls, parent, initial=None: asked.append(1))
    )
    window.focus_search()
    qtbot.keyClicks(window.search, "zein")
    qtbot.waitUntil(lambda: _families(window) == ["Al Zein"])
    qtbot.keyClick(window.search, Qt.Key.Key_Home)
    qtbot.keyClick(window.search, Qt.Key.Key_K, CTRL)
    assert asked == [1]
    assert window.search.text() == "zein"  # not "deleted to end of line"


def test_case_actions_without_a_case_say_so(qtbot, window, monkeypatch):
    asked: list[object] = []
    monkeypatch.setattr(
        ContactDialog, "ask", classmethod(lambda cls, parent, initial=None: asked.append(1))
    )
    window.search.setText("gibt es nicht")
    window.refresh()
    assert window.model.rowCount() == 0
    window.record_contact_action.trigger()
    assert asked == []
    assert window.statusBar().currentMessage() == mw.NO_CASE_SELECTED


# --- locking ------------------------------------------------------------------------------


def test_idle_lock_hides_everything_and_unlock_returns(qtbot, window, seeded, clock, tmp_path):
    window.search.setText("yilmaz")
    window.refresh()
    window.table.activated.emit(window.model.index(0, 0))
    view = window.case_view
    assert view.current_case_id() == seeded["Yılmaz"]
    tab = 1 if view.findChild(QTabWidget) is not None else 0
    view.set_current_tab(tab)
    assert "Şükrü" in _visible_texts(window)

    clock.t += 4 * 60
    window.idle_lock.check()
    assert not window.is_locked()
    # input (delivered to the window like a real key press): the idle time starts again
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_Down)
    clock.t += 4 * 60
    window.idle_lock.check()
    assert not window.is_locked()
    clock.t += 60
    window.idle_lock.check()

    assert window.is_locked()
    assert window.opened is None
    assert window.stack.currentWidget() is window.lock_screen
    assert window.model.rowCount() == 0
    assert window.case_view is None
    texts = _visible_texts(window)
    for secret in ("Yılmaz", "Şükrü", "yilmaz", "ASD-2024-0117"):
        assert secret not in texts
    assert "nach 5 Minuten ohne Eingabe gesperrt" in window.lock_screen.unlock.info.text()
    assert not window.record_contact_action.isEnabled()
    assert window.grab().save(str(tmp_path / "locked_after_idle.png"))

    _unlock(qtbot, window)
    assert not window.is_locked()
    resumed = _case_view(window)
    assert resumed is not view
    assert resumed.current_case_id() == seeded["Yılmaz"]
    assert resumed.current_tab() == tab
    assert window.search.text() == "yilmaz"
    assert window.selected_case_id() == seeded["Yılmaz"]


def test_wall_clock_sleep_locks_at_first_tick(qtbot, window, clock):
    clock.t += 8 * 3600  # the laptop slept overnight
    window.idle_lock.timer.timeout.emit()
    assert window.is_locked()


def test_ctrl_l_locks_and_lets_go_of_the_open_vault(qtbot, window, seeded):
    window.select_case(seeded["Dvořák"])
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    opened = weakref.ref(window.opened)
    engine = weakref.ref(window.opened.database.engine)
    qtbot.keyClick(window.table, Qt.Key.Key_L, CTRL)
    assert window.is_locked()
    assert window.lock_screen.unlock.passphrase.hasFocus()
    assert window.lock_screen.unlock.info.isHidden()

    def released() -> bool:
        gc.collect()
        return opened() is None and engine() is None

    # nothing in the window keeps the database (and with it the key) reachable
    qtbot.waitUntil(released)


def test_lock_closes_an_open_dialog(qtbot, window, seeded):
    from PySide6.QtCore import QTimer

    seen: list[bool] = []

    def lock_while_dialog_open() -> None:
        seen.append(QApplication.activeModalWidget() is not None)
        window.lock_action.trigger()

    window.select_case(seeded["Al Zein"])
    QTimer.singleShot(0, lock_while_dialog_open)
    window.record_contact_action.trigger()  # returns once the lock rejected the dialog
    assert seen == [True]
    assert window.is_locked()
    assert QApplication.activeModalWidget() is None


# --- settings, passphrase, data folder ----------------------------------------------------


def test_settings_change_idle_minutes(qtbot, window, data_dir, clock, monkeypatch):
    monkeypatch.setattr(
        mw.SettingsDialog, "ask", classmethod(lambda cls, parent, current: Settings(10))
    )
    window.settings_action.trigger()
    assert json.loads((data_dir / "settings.json").read_text())["idle_lock_minutes"] == 10
    assert load_settings(data_dir).idle_lock_minutes == 10
    clock.t += 6 * 60
    window.idle_lock.check()
    assert not window.is_locked()
    clock.t += 4 * 60
    window.idle_lock.check()
    assert window.is_locked()


def test_settings_dialog_spin_box(qtbot):
    dialog = mw.SettingsDialog(Settings(5))
    qtbot.addWidget(dialog)
    assert dialog.idle_minutes.minimum() == 1
    assert dialog.idle_minutes.maximum() == 120
    dialog.idle_minutes.setValue(30)
    assert dialog.values() == Settings(30)


def test_settings_file_garbage_gives_defaults(data_dir):
    data_dir.mkdir()
    (data_dir / "settings.json").write_text('{"idle_lock_minutes": "viele"}')
    assert load_settings(data_dir) == Settings(5)
    (data_dir / "settings.json").write_text("kaputt")
    assert load_settings(data_dir) == Settings(5)
    (data_dir / "settings.json").write_text('{"idle_lock_minutes": 100000}')
    assert load_settings(data_dir) == Settings(120)


def test_change_passphrase_from_menu(qtbot, window, monkeypatch):
    calls: list[object] = []

    def ask(cls, parent, data_dir):
        calls.append(data_dir)
        return True

    monkeypatch.setattr(ChangePassphraseDialog, "ask", classmethod(ask))
    window.passphrase_action.trigger()
    assert calls == [window.data_dir]
    assert window.statusBar().currentMessage() == "Die Passphrase wurde geändert."


def test_second_lock_on_the_data_folder_is_refused(data_dir):
    with vault.DataDirLock(data_dir), pytest.raises(DataDirInUseError) as info:
        vault.DataDirLock(data_dir).acquire()
    assert "bereits geöffnet" in info.value.message
    with vault.DataDirLock(data_dir):  # released: a new start works again
        pass


def test_run_app_refuses_a_folder_in_use(qapp, data_dir, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "critical",
        staticmethod(lambda parent, title, text, *a, **k: shown.append(text)),
    )
    with vault.DataDirLock(data_dir):
        assert app_module.run_app(data_dir) == 2
    assert len(shown) == 1
    assert "bereits geöffnet" in shown[0]


def test_every_control_of_the_shell_has_an_accessible_name(window):
    from PySide6.QtWidgets import QComboBox, QPushButton, QSpinBox, QStackedWidget, QTableView

    kinds = (QLineEdit, QComboBox, QTableView, QPushButton, QSpinBox, QStackedWidget)
    view = _case_view(window)
    controls = [
        w for w in window.findChildren(QWidget) if isinstance(w, kinds) and not view.isAncestorOf(w)
    ]
    assert len(controls) >= 10
    unnamed = [f"{type(w).__name__} {w.objectName()}" for w in controls if not w.accessibleName()]
    assert unnamed == []
    assert window.search.placeholderText() == "Suche (Name, Aktenzeichen, Notiz) …"
    assert [window.status_filter.itemText(i) for i in range(3)] == [
        "offen",
        "abgeschlossen",
        "alle",
    ]
    assert [window.area_filter.itemText(i) for i in range(4)] == [
        "alle",
        "Leistungsbereich",
        "Graubereich",
        "Gefährdungsbereich",
    ]


def test_menus_and_shortcuts(window):
    def shortcut(action):
        return action.shortcut().toString()

    assert shortcut(window.new_case_action) == "Ctrl+N"
    assert shortcut(window.lock_action) == "Ctrl+L"
    assert shortcut(window.quit_action) == "Ctrl+Q"
    assert shortcut(window.record_contact_action) == "Ctrl+K"
    assert shortcut(window.add_person_action) == "Ctrl+P"
    assert shortcut(window.focus_search_action) == "Ctrl+F"
    assert shortcut(window.focus_list_action) == "Ctrl+1"
    menus = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert menus == ["Datei", "Fall", "Ansicht", "Auswertung", "Hilfe"]


@pytest.mark.parametrize(
    ("action_name", "dialog_path"),
    [
        ("record_contact_action", "asd_desktop.ui.dialogs.contact_dialog.ContactDialog"),
        ("add_person_action", "asd_desktop.ui.dialogs.person_dialog.PersonDialog"),
        ("change_area_action", "asd_desktop.ui.dialogs.area_dialog.AreaDialog"),
        ("edit_case_action", "asd_desktop.ui.dialogs.case_dialog.CaseDialog"),
        ("close_case_action", "asd_desktop.ui.dialogs.close_case_dialog.CloseCaseDialog"),
    ],
)
def test_case_menu_acts_on_the_selected_case(
    qtbot, window, seeded, monkeypatch, action_name, dialog_path
):
    import importlib

    module_name, class_name = dialog_path.rsplit(".", 1)
    dialog_class = getattr(importlib.import_module(module_name), class_name)
    asked: list[str | None] = []

    def ask(cls, parent, *args, **kwargs):
        asked.append(_case_view(window).current_case_id())

    monkeypatch.setattr(dialog_class, "ask", classmethod(ask))
    window.select_case(seeded["Dvořák"])
    assert _case_view(window).current_case_id() is None
    getattr(window, action_name).trigger()
    assert asked == [seeded["Dvořák"]]
