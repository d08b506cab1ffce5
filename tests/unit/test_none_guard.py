"""The guard against PySide6 6.12's lost references to None keeps a long session alive."""

from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = """
import sys
{guard}
from PySide6.QtWidgets import QApplication, QComboBox
app = QApplication([])
box = QComboBox()
for i in range(30000):
    box.addItem(f"Fall {{i}}")
print("alive", box.count())
"""


def _run(guard: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-c", SCRIPT.format(guard=guard)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_thirty_thousand_combo_entries_do_not_crash_the_interpreter() -> None:
    guarded = _run("import asd_desktop.ui")
    assert guarded.returncode == 0, guarded.stderr[-500:]
    assert "alive 30000" in guarded.stdout


def test_the_guard_is_what_keeps_it_alive_on_this_python() -> None:
    if sys.version_info >= (3, 12):
        return  # None is immortal there: nothing to show
    bare = _run("")
    # Without the guard the bug of this PySide6 version aborts the process.
    assert bare.returncode != 0 or "alive" not in bare.stdout
