"""A separate process that enters a Familienphase and dies in the middle of it.

Run as ``python familienrat_worker.py DATA_DIR COUNCIL_ID`` with the raw data key in
``$ASD_TEST_DB_KEY`` (hex, no KDF). It opens the case file like the application
(holding the data-folder lock), shows the real Familienphase wizard offscreen,
enters start and end, confirms that no professionals were present, goes on to the
proposals, enters two of them completely, types the third one's text, waits for
the idle autosave, prints ``ready``, types into the third one's "Wer?" and then
kills itself with SIGKILL before the next autosave could run.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWizard

from asd_desktop.services import vault
from asd_desktop.ui.familienrat.family_phase_wizard import FamilyPhaseWizard
from asd_desktop.ui.widgets import to_qdatetime

KEY_ENV = "ASD_TEST_DB_KEY"  # as in storage_worker.py
START = dt.datetime(2025, 3, 15, 11, 0)
END = dt.datetime(2025, 3, 15, 14, 30)
PROPOSALS = (
    (
        "Oma Emine bringt Emre an Schultagen um 7:30 Uhr zur Schule.",
        "Oma Emine",
        "Herr Krueger schaut freitags ins Klassenbuch.",
        "Dann bringt ihn Onkel Murat.",
    ),
    (
        "Emre macht montags und mittwochs Hausaufgaben bei Onkel Murat.",
        "Onkel Murat",
        "Das Heft liegt abends fertig auf dem Tisch.",
        "Dann hilft Tante Leyla.",
    ),
)
THIRD = "Die Familie trifft sich jeden Sonntag zum Fruehstueck und bespricht die Woche."
THIRD_WHO_LOST = "Alle zusammen"
AUTOSAVE_MS = 300


def _wait_for(signal_instance: object, timeout_ms: int = 10_000) -> None:
    loop = QEventLoop()
    signal_instance.connect(loop.quit)  # type: ignore[attr-defined]
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def main(data_dir: Path, council_id: str) -> None:
    """Enter the family phase, let it autosave, then die typing."""
    app = QApplication([])
    key = bytes.fromhex(os.environ[KEY_ENV])
    lock = vault.DataDirLock(data_dir)
    lock.acquire()
    opened = vault.open_with_key(data_dir, key)
    wizard = FamilyPhaseWizard(opened.familienrat, council_id, autosave_ms=AUTOSAVE_MS)
    wizard.show()
    app.processEvents()

    process = wizard.process_page
    process.start_edit.checkbox.click()
    process.start_edit.edit.setDateTime(to_qdatetime(START))
    process.end_edit.checkbox.click()
    process.end_edit.edit.setDateTime(to_qdatetime(END))
    process.no_professionals_box.click()
    QTest.keyClicks(process.family_moderator_edit, "Onkel Murat")
    wizard.button(QWizard.WizardButton.NextButton).click()
    assert wizard.currentPage() is wizard.proposals_page

    page = wizard.proposals_page
    for what, who, checked, fallback in PROPOSALS:
        page.rows.add_button.click()
        QTest.keyClicks(page.what_edit, what)
        QTest.keyClicks(page.who_edit, who)
        page.due_edit.checkbox.click()
        QTest.keyClicks(page.checked_edit, checked)
        QTest.keyClicks(page.fallback_edit, fallback)
    page.rows.add_button.click()
    QTest.keyClicks(page.what_edit, THIRD)
    _wait_for(wizard.stored)
    sys.stdout.write("ready\n")
    sys.stdout.flush()

    # The field being typed when the battery dies: never saved.
    QTest.keyClicks(page.who_edit, THIRD_WHO_LOST)
    os.kill(os.getpid(), signal.SIGKILL)


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2])
