"""Locks the window after idle time, measured by the wall clock.

Idle time is the wall-clock time (``time.time()``) since the last keyboard or
mouse input anywhere in the application. The wall clock, unlike a monotonic
clock, keeps running while a laptop sleeps, so the first check after waking up
sees the whole pause and the window locks before anyone can read it.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication, QWindow
from typing_extensions import override

#: Events that show a person is at the keyboard.
INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
        QEvent.Type.ShortcutOverride,
    }
)

CHECK_INTERVAL_MS = 5000


class IdleLock(QObject):
    """Watches input application-wide and asks for a lock after ``minutes`` without any.

    Signals:
        lock_requested(str): the idle time ran out or the platform suspends the
            application; carries the German reason shown on the unlock page.
    """

    lock_requested = Signal(str)

    def __init__(
        self,
        minutes: int,
        parent: QObject | None = None,
        now: Callable[[], float] = time.time,
        check_interval_ms: int = CHECK_INTERVAL_MS,
    ) -> None:
        super().__init__(parent)
        self._now = now
        self._minutes = minutes
        self._last_input = now()
        self._active = False
        self.timer = QTimer(self)
        self.timer.setInterval(check_interval_ms)
        self.timer.timeout.connect(self.check)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            # Input is watched on the top-level windows, where every key and mouse event
            # arrives first, not with an application-wide filter: such a filter in Python
            # sees objects under construction, which can crash PySide.
            app.focusWindowChanged.connect(self.watch)
            # Best effort: Qt reports ApplicationSuspended on mobile platforms and some
            # desktop sessions only; elsewhere the wall-clock check above catches a
            # suspended laptop at its first tick after waking up.
            app.applicationStateChanged.connect(self._on_state_changed)

    @property
    def minutes(self) -> int:
        """Idle minutes before locking."""
        return self._minutes

    def set_minutes(self, minutes: int) -> None:
        """Change the idle minutes (takes effect at the next check)."""
        self._minutes = minutes

    def idle_seconds(self) -> float:
        """Wall-clock seconds since the last input."""
        return self._now() - self._last_input

    def is_active(self) -> bool:
        """True while the window is unlocked and watched."""
        return self._active

    def set_active(self, active: bool) -> None:
        """Start watching (after unlock) or stop (while locked)."""
        self._active = active
        if active:
            for window in QGuiApplication.topLevelWindows():
                self.watch(window)
            self.touch()
            self.timer.start()
        else:
            self.timer.stop()

    @Slot(QWindow)
    def watch(self, window: QWindow | None) -> None:
        """Count input arriving at ``window`` (installing twice is harmless in Qt 6)."""
        if window is not None:
            window.installEventFilter(self)

    def touch(self) -> None:
        """Count now as the last input."""
        self._last_input = self._now()

    @Slot()
    def check(self) -> None:
        """Request the lock once the idle time ran out (also backwards clock jumps count)."""
        if not self._active:
            return
        idle = self.idle_seconds()
        if idle >= self._minutes * 60 or idle < -60:
            self.set_active(False)
            self.lock_requested.emit(
                f"Die Fallakte wurde nach {self._minutes} Minuten ohne Eingabe gesperrt."
            )

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self._last_input = self._now()
        return False

    @Slot(Qt.ApplicationState)
    def _on_state_changed(self, state: Qt.ApplicationState) -> None:
        if self._active and state == Qt.ApplicationState.ApplicationSuspended:
            self.set_active(False)
            self.lock_requested.emit("Die Fallakte wurde beim Ruhezustand gesperrt.")
