"""A separate process that runs the Zielerarbeitung wizard and dies in the middle of it.

Run as ``python goal_wizard_worker.py DATA_DIR CASE_ID`` with the raw data key in
``$ASD_TEST_DB_KEY`` (hex, no KDF). It opens the case file like the application
(holding the data-folder lock), shows the real wizard offscreen, fills pages 1-3,
goes on to page 4, types the first Handlungsziel and its indicator, waits for the
idle autosave, prints ``ready``, types into "Wer ist beteiligt?" and then kills
itself with SIGKILL before the next autosave could run.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWizard

from asd_desktop.services import vault
from asd_desktop.ui.goal_wizard import GoalWizard

KEY_ENV = "ASD_TEST_DB_KEY"  # as in storage_worker.py
CONCERN = "Emre soll wieder gern zur Schule gehen."
CONCERN_BY = "Mutter"
WILL = "Muharem möchte an seiner Schule bleiben."
DIRECTION = "Wir Eltern und Muharem kennen bis zu den Sommerferien Wege, an der Schule zu bleiben."
PEOPLE = "Eltern und Muharem"
GOAL = "Muharems Hausaufgaben sind bis zu den Sommerferien jeden Tag um 18 Uhr erledigt."
INDICATOR = "Das Heft liegt abends fertig auf dem Tisch"
INVOLVED_LOST = "Muharem und Mutter"
AUTOSAVE_MS = 300


def _wait_for(signal_instance: object, timeout_ms: int = 10_000) -> None:
    loop = QEventLoop()
    signal_instance.connect(loop.quit)  # type: ignore[attr-defined]
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def main(data_dir: Path, case_id: str) -> None:
    """Drive the wizard to page 4, let it autosave, then die typing."""
    app = QApplication([])
    key = bytes.fromhex(os.environ[KEY_ENV])
    lock = vault.DataDirLock(data_dir)
    lock.acquire()
    opened = vault.open_with_key(data_dir, key)
    detail = opened.cases.get_case(case_id)
    wizard = GoalWizard(opened.goals, detail, autosave_ms=AUTOSAVE_MS)
    wizard.show()
    app.processEvents()
    next_button = wizard.button(QWizard.WizardButton.NextButton)

    QTest.keyClicks(wizard.concern_page.concern_edit, CONCERN)
    QTest.keyClicks(wizard.concern_page.concern_by_edit, CONCERN_BY)
    next_button.click()
    wizard.will_page.will_edit.setPlainText(WILL)
    next_button.click()
    QTest.keyClicks(wizard.direction_page.direction_edit, DIRECTION)
    QTest.keyClicks(wizard.direction_page.people_edit, PEOPLE)
    next_button.click()
    assert wizard.currentId() == 3, wizard.currentId()

    page = wizard.goals_page
    QTest.keyClicks(page.text_edit, GOAL)
    QTest.keyClicks(page.indicator_edit, INDICATOR)
    _wait_for(wizard.draft_saved)
    sys.stdout.write("ready\n")
    sys.stdout.flush()

    # The field being typed when the battery dies: never saved.
    QTest.keyClicks(page.involved_edit, INVOLVED_LOST)
    os.kill(os.getpid(), signal.SIGKILL)


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2])
