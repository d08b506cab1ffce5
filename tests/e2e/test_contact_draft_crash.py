"""A contact note typed when the process dies is offered back at the next start."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from asd_desktop.domain.enums import Area
from asd_desktop.services import vault
from asd_desktop.services.cases import AreaInput, CaseInput
from asd_desktop.services.drafts import DraftService
from asd_desktop.storage.paths import db_path
from asd_desktop.ui.dialogs.contact_dialog import ContactDialog
from asd_desktop.ui.dialogs.drafts import DraftOfferDialog
from asd_desktop.ui.main_window import MainWindow
from tests.conftest import PASSPHRASE
from tests.e2e import contact_draft_worker as worker

WORKER = Path(__file__).with_name("contact_draft_worker.py")
ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX"),
    pytest.mark.gui,
    pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)"),
]


def _on_modal(kind: type[QDialog], act, done: list[object]) -> QTimer:
    """Act once on the next active modal dialog of ``kind``."""
    timer = QTimer()
    timer.setInterval(10)

    def poll() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, kind) and modal.isVisible():
            if not modal.isActiveWindow():
                modal.activateWindow()
                return
            timer.stop()
            done.append(act(modal))

    timer.timeout.connect(poll)
    timer.start()
    return timer


def test_killed_while_typing_then_next_start_offers_the_note(qtbot, data_dir):
    opened = vault.create_vault(data_dir, PASSPHRASE, PASSPHRASE)
    try:
        case_id = opened.cases.create_case(
            CaseInput("ASD-2025-0311", "Wąsowski", dt.date.today(), "Frau Berger"),
            AreaInput(Area.SERVICE, dt.date.today(), "Erstaufnahme", "Frau Berger"),
        ).id
    finally:
        opened.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    env[worker.PASSPHRASE_ENV] = PASSPHRASE
    proc = subprocess.run(
        [sys.executable, str(WORKER), str(data_dir), case_id],
        capture_output=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    err = proc.stderr.decode(errors="replace")
    assert proc.returncode == -signal.SIGKILL, err
    assert proc.stdout.decode() == "ready\n", err
    assert "Schulweg" not in err
    # on disk only encrypted
    for path in data_dir.iterdir():
        if path.is_file():
            assert b"Schulweg" not in path.read_bytes(), path.name
    assert db_path(data_dir).exists()

    window = MainWindow(data_dir)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    offered: list[object] = []
    found: list[object] = []

    def restore(dialog: QDialog) -> str:
        assert isinstance(dialog, DraftOfferDialog)
        text = dialog.label.text()
        dialog.restore_button.click()
        return text

    def read_and_save(dialog: QDialog) -> str:
        assert isinstance(dialog, ContactDialog)
        text = dialog.note_edit.toPlainText()
        qtbot.keyClick(dialog.note_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        return text

    timers = [_on_modal(DraftOfferDialog, restore, offered)]
    timers.append(_on_modal(ContactDialog, read_and_save, found))
    window.lock_screen.unlock.passphrase.setText(PASSPHRASE)
    qtbot.keyClick(window.lock_screen.unlock.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(found), timeout=30_000)
    assert str(offered[0]).startswith("Es gibt einen nicht gespeicherten Kontaktvermerk")
    assert "ASD-2025-0311 (Wąsowski)" in str(offered[0])
    # everything up to the autosave is back; the last keystrokes are lost
    assert found == [worker.NOTE]
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert window.opened is not None
    notes = [c.note for c in window.opened.cases.get_case(case_id).contacts]
    assert worker.NOTE in notes
    assert DraftService(window.opened.database.session_factory).all() == ()
