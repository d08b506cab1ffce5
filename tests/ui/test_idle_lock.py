"""The idle lock measures wall-clock time since the last input."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit

from asd_desktop.ui.idle_lock import IdleLock


class Clock:
    """A wall clock the test moves by hand."""

    def __init__(self) -> None:
        self.t = 1_700_000_000.0

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def clock() -> Clock:
    return Clock()


def test_requests_lock_after_idle_minutes(qtbot, clock):
    idle = IdleLock(5, now=clock)
    idle.set_active(True)
    assert idle.timer.isActive()
    clock.t += 4 * 60 + 59
    with qtbot.assertNotEmitted(idle.lock_requested):
        idle.check()
    clock.t += 1
    with qtbot.waitSignal(idle.lock_requested) as blocker:
        idle.check()
    assert blocker.args == ["Die Fallakte wurde nach 5 Minuten ohne Eingabe gesperrt."]
    assert not idle.is_active()
    assert not idle.timer.isActive()


def test_input_resets_the_idle_time(qtbot, clock):
    idle = IdleLock(1, now=clock)
    idle.set_active(True)
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    qtbot.waitExposed(field)
    field.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is field.windowHandle())
    clock.t += 50
    # a key press as the platform delivers it: to the window, then to the focused field
    qtbot.keyClick(field.windowHandle(), Qt.Key.Key_A)
    assert field.text() == "a"
    assert idle.idle_seconds() == 0
    clock.t += 20
    qtbot.mouseMove(field.windowHandle(), QPoint(5, 5))
    assert idle.idle_seconds() == 0
    clock.t += 50
    with qtbot.assertNotEmitted(idle.lock_requested):
        idle.check()
    clock.t += 10
    with qtbot.waitSignal(idle.lock_requested):
        idle.check()


def test_a_suspended_laptop_wakes_up_locked(qtbot, clock):
    """Hours of sleep pass on the wall clock; the first check after waking locks."""
    idle = IdleLock(5, now=clock)
    idle.set_active(True)
    clock.t += 3 * 3600
    with qtbot.waitSignal(idle.lock_requested):
        idle.timer.timeout.emit()


def test_inactive_lock_never_fires_and_minutes_can_change(qtbot, clock):
    idle = IdleLock(5, now=clock)
    clock.t += 3600
    with qtbot.assertNotEmitted(idle.lock_requested):
        idle.check()
    idle.set_minutes(10)
    assert idle.minutes == 10
    idle.set_active(True)
    clock.t += 9 * 60
    with qtbot.assertNotEmitted(idle.lock_requested):
        idle.check()
    clock.t += 60
    with qtbot.waitSignal(idle.lock_requested):
        idle.check()


def test_clock_turned_back_locks(qtbot, clock):
    idle = IdleLock(5, now=clock)
    idle.set_active(True)
    clock.t -= 3600
    with qtbot.waitSignal(idle.lock_requested):
        idle.check()


def test_suspend_state_locks(qtbot, clock):
    idle = IdleLock(5, now=clock)
    idle.set_active(True)
    with qtbot.waitSignal(idle.lock_requested) as blocker:
        idle._on_state_changed(Qt.ApplicationState.ApplicationSuspended)
    assert "Ruhezustand" in blocker.args[0]
    idle.set_active(True)
    with qtbot.assertNotEmitted(idle.lock_requested):
        idle._on_state_changed(Qt.ApplicationState.ApplicationInactive)
