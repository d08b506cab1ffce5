"""A start probe for the installed program: quit as soon as the first screen is painted.

With ``ASD_DESKTOP_START_PROBE=1`` in the environment, the window quits right after the lock
screen (or the first-start screen) has been painted once, and says so on stderr. The build
check (``scripts/check-build``) and the start-time benchmark use it to prove that the built
program opens its window and to time start to painted lock screen. Nothing personal is shown
before the vault is unlocked, so nothing personal can be printed.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

ENV_START_PROBE = "ASD_DESKTOP_START_PROBE"


class _FirstPaint(QObject):
    """Quits the application after ``widget``'s first paint event."""

    def __init__(self, app: QApplication, widget: QWidget) -> None:
        super().__init__(widget)
        self._app = app
        self._done = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._done and event.type() == QEvent.Type.Paint:
            self._done = True
            name = type(watched).__name__
            QTimer.singleShot(0, lambda: self._quit(name))
        return False

    def _quit(self, name: str) -> None:
        print(f"Startprobe: {name} gezeichnet", file=sys.stderr, flush=True)
        self._app.quit()


def install_start_probe(app: QApplication, first_screen: QWidget) -> None:
    """If the environment asks for it, quit once ``first_screen`` has been painted."""
    if os.environ.get(ENV_START_PROBE) == "1":
        _FirstPaint(app, first_screen)
