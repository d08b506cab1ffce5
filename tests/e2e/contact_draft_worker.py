"""A separate process that types a contact note in the real window and dies in the middle.

Run as ``python contact_draft_worker.py DATA_DIR CASE_ID`` with the passphrase in
``$ASD_TEST_PASSPHRASE``. It unlocks the real main window offscreen, opens the
case's contact dialog, types the note, waits for the debounced autosave, prints
``ready``, types on and kills itself with SIGKILL before the next autosave.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from asd_desktop.ui.dialogs.contact_dialog import ContactDialog
from asd_desktop.ui.main_window import MainWindow

PASSPHRASE_ENV = "ASD_TEST_PASSPHRASE"
NOTE = "Hausbesuch: Şükrü und Emre am Küchentisch, der Schulweg klappt"
LOST = " und danach"
AUTOSAVE_MS = 200


def _wait(done: object, timeout_ms: int = 30_000) -> None:
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: loop.quit() if done() else None)  # type: ignore[operator]
    timer.start()
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def _type_and_die(window: MainWindow) -> None:
    dialog = QApplication.activeModalWidget()
    if not isinstance(dialog, ContactDialog):
        QTimer.singleShot(20, lambda: _type_and_die(window))
        return
    dialog.note_edit.setPlainText(NOTE)
    saved: list[object] = []
    window.draft_keeper.draft_saved.connect(saved.append)
    _wait(lambda: bool(saved))
    sys.stdout.write("ready\n" if saved else "not saved\n")
    sys.stdout.flush()
    dialog.note_edit.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(dialog.note_edit, LOST)
    os.kill(os.getpid(), signal.SIGKILL)


def main(data_dir: Path, case_id: str) -> None:
    """Unlock, open the contact dialog, type, let it autosave, die typing."""
    app = QApplication([])
    window = MainWindow(data_dir)
    window.draft_keeper.autosave_ms = AUTOSAVE_MS
    window.show()
    window.lock_screen.unlock.passphrase.setText(os.environ[PASSPHRASE_ENV])
    window.lock_screen.unlock.passphrase.returnPressed.emit()
    _wait(lambda: not window.is_locked())
    window.select_case(case_id)
    QTimer.singleShot(0, lambda: _type_and_die(window))
    window.record_contact_action.trigger()
    app.quit()


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2])
