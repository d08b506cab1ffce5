"""Keyboard only: Tab and Shift+Tab walk every control of each case tab and come back."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QWidget

from asd_desktop.demo import fill_demo
from asd_desktop.services import vault
from asd_desktop.ui.focus import install_tab_focus
from asd_desktop.ui.main_window import MainWindow
from tests.conftest import PASSPHRASE

#: More presses than any screen has controls: a walk that needs more is stuck or lost.
MAX_PRESSES = 150


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo families, filled once for this module."""
    data_dir = tmp_path_factory.mktemp("walk") / "daten"
    ov = vault.create_vault(data_dir, PASSPHRASE, PASSPHRASE)
    try:
        fill_demo(
            ov.database.session_factory,
            ov.database.device_id,
            cases=None,
            contacts_per_case=0,
            seed=1,
        )
    finally:
        ov.close()
    return data_dir


@pytest.fixture
def demo_window(qtbot, demo_folder: Path, tmp_path: Path) -> MainWindow:
    """The main window at 1366×768, unlocked on a copy of the demo, the fullest case open."""
    data_dir = tmp_path / "daten"
    shutil.copytree(demo_folder, data_dir)
    install_tab_focus()
    w = MainWindow(data_dir)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    w.lock_screen.unlock.passphrase.setText(PASSPHRASE)
    QTest.keyClick(w.lock_screen.unlock.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not w.is_locked(), timeout=20000)
    opened = w.opened
    assert opened is not None
    # The case with the most contacts fills every tab.
    rows = w.model.rows()
    fullest = max(
        rows, key=lambda r: len(opened.cases.get_case(r.id, audit_opening=False).contacts)
    )
    assert w.select_case(fullest.id)
    assert w._open_case(fullest.id)
    return w


def walk(qtbot, start: QWidget, key: Qt.Key) -> list[QWidget]:
    """Press ``key`` from ``start`` until focus is back there; every press must move focus."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(start.hasFocus)
    seen: list[QWidget] = [start]
    for _ in range(MAX_PRESSES):
        before = QApplication.focusWidget()
        assert before is not None
        QTest.keyClick(before, key)
        after = QApplication.focusWidget()
        assert after is not None
        assert after is not before, (
            f"Tab stuck on {type(before).__name__} {before.accessibleName()!r}"
        )
        if after is start:
            return seen
        seen.append(after)
    pytest.fail(
        f"focus never came back to {type(start).__name__}: {[type(w).__name__ for w in seen[-8:]]}"
    )


@pytest.mark.parametrize("key", [Qt.Key.Key_Tab, Qt.Key.Key_Backtab])
def test_every_case_tab_cycles_back_to_the_tab_bar(qtbot, demo_window: MainWindow, key):
    view = demo_window.case_view
    assert view is not None
    bar = view.tabs.tabBar()
    for index in range(view.tabs.count()):
        view.set_current_tab(index)
        page = view.tabs.widget(index)
        assert page is not None
        seen = walk(qtbot, bar, key)
        inside = [w for w in seen if page.isAncestorOf(w)]
        assert inside, f"no control of tab {view.tabs.tabText(index)!r} was reached"


def _dialogs() -> list[tuple[str, object]]:
    from asd_desktop.domain.office import Office
    from asd_desktop.services.settings import Settings
    from asd_desktop.ui.dialogs.area_dialog import AreaDialog
    from asd_desktop.ui.dialogs.assessment_dialog import AssessmentDialog
    from asd_desktop.ui.dialogs.case_dialog import CaseDialog
    from asd_desktop.ui.dialogs.close_case_dialog import CloseCaseDialog
    from asd_desktop.ui.dialogs.contact_dialog import ContactDialog
    from asd_desktop.ui.dialogs.office_dialog import OfficeDialog
    from asd_desktop.ui.dialogs.person_dialog import PersonDialog
    from asd_desktop.ui.main_window.settings_dialog import SettingsDialog

    return [
        ("Kontakt", ContactDialog),
        ("Person", PersonDialog),
        ("Fall", CaseDialog),
        ("Falleinordnung", AreaDialog),
        ("Einschätzung", AssessmentDialog),
        ("Abschluss", CloseCaseDialog),
        ("Dienststelle", lambda: OfficeDialog(Office())),
        ("Einstellungen", lambda: SettingsDialog(Settings())),
    ]


@pytest.mark.parametrize(("name", "make"), _dialogs(), ids=[n for n, _ in _dialogs()])
@pytest.mark.parametrize("key", [Qt.Key.Key_Tab, Qt.Key.Key_Backtab])
def test_every_dialog_cycles_through_all_its_controls(qtbot, name, make, key):
    install_tab_focus()
    dialog = make()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    first = dialog.focusWidget() or dialog.nextInFocusChain()
    seen = walk(qtbot, first, key)
    focusable = [
        w
        for w in dialog.findChildren(QWidget)
        if w.isVisible()
        and w.isEnabled()
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and not isinstance(w.parentWidget(), QAbstractSpinBox | QComboBox)
    ]
    missed = [f"{type(w).__name__} {w.accessibleName()!r}" for w in focusable if w not in seen]
    assert missed == []
