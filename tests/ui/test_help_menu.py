"""The Hilfe menu: help for the current place, the keyboard table, Über asd-desktop."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu, QMessageBox

from asd_desktop.ui import help as help_module
from asd_desktop.ui.help import KEYS_HELP_ID, install_help
from asd_desktop.ui.main_window import MainWindow
from tests.ui import test_main_window as main_window_tests

clock = main_window_tests.clock
make_window = main_window_tests.make_window
seeded = main_window_tests.seeded
window = main_window_tests.window


def _help_menu(w: MainWindow) -> QMenu:
    action = w.menuBar().actions()[-1]
    assert action.text().replace("&", "") == "Hilfe"
    menu = action.menu()
    assert isinstance(menu, QMenu)
    return menu


def test_the_help_menu_lists_help_keys_and_about(window: MainWindow):
    texts = [a.text().replace("&", "") for a in _help_menu(window).actions()]
    assert texts == ["Hilfe zu dieser Ansicht\tF1", "Tastenkürzel", "Über asd-desktop"]
    # Usable while locked too.
    window.lock()
    assert all(a.isEnabled() for a in _help_menu(window).actions())


def test_help_for_this_view_opens_the_text_of_the_focused_place(qtbot, window: MainWindow):
    install_help()
    window.table.setFocus()
    qtbot.waitUntil(window.table.hasFocus)
    window.help_action.trigger()
    shown = install_help().window
    assert shown is not None
    assert shown.isVisible()
    assert shown.help_id == "fallliste"
    shown.close()


def test_keyboard_table_and_about(qtbot, window: MainWindow, monkeypatch):
    window.keys_action.trigger()
    shown = install_help().window
    assert shown is not None
    assert shown.help_id == KEYS_HELP_ID
    assert "F1" in shown.browser.toPlainText()
    shown.close()

    about: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "about", staticmethod(lambda parent, title, text: about.append(title + text))
    )
    window.about_action.trigger()
    assert len(about) == 1
    assert "Über asd-desktop" in about[0]
    assert help_module.app_version() in about[0]
