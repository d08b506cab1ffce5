"""Tab always moves on: tables, text fields and date fields hand the focus on.

By default a table moves between its cells with Tab, a text edit types a tab
character and a date field walks its day, month and year with Tab, so a keyboard
walk stops there. One application-wide filter sets, as each such widget is polished,
that Tab leaves it, and moves on from a date field itself; arrow keys still move
inside a table or a date, and Ctrl+Tab still types a tab.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDateTimeEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from typing_extensions import override


def let_tab_leave(widget: QObject) -> None:
    """Make Tab and Shift+Tab leave ``widget`` when it is a table, list or text edit."""
    if isinstance(widget, QAbstractItemView):
        widget.setTabKeyNavigation(False)
    elif isinstance(widget, QTextEdit | QPlainTextEdit):
        widget.setTabChangesFocus(True)


def focus_next(widget: QWidget, forward: bool) -> QWidget | None:
    """Give the focus to the next (or previous) control of ``widget``'s window."""
    candidate: QWidget | None = widget
    for _ in range(1000):
        if candidate is None:
            return None
        candidate = candidate.nextInFocusChain() if forward else candidate.previousInFocusChain()
        if candidate is None or candidate is widget:
            return None
        if (
            candidate.window() is widget.window()
            and not widget.isAncestorOf(candidate)
            and candidate.isVisible()
            and candidate.isEnabled()
            and candidate.focusPolicy() & Qt.FocusPolicy.TabFocus
            and (candidate.focusProxy() is None)
        ):
            candidate.setFocus(
                Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason
            )
            return candidate
    return None


class TabFocusFilter(QObject):
    """Applies :func:`let_tab_leave` to every widget as it is polished (before it shows).

    Tab on a date field moves to the next control instead of the next section.
    """

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Polish:
            let_tab_leave(watched)
        elif (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
            and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
            and isinstance(watched, QDateTimeEdit)
        ):
            forward = event.key() == Qt.Key.Key_Tab and not (
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            )
            return focus_next(watched, forward) is not None
        return False


_filter: TabFocusFilter | None = None


def install_tab_focus(app: QApplication | None = None) -> TabFocusFilter:
    """Make Tab leave every table and text edit of the application (idempotent)."""
    global _filter
    application = app or QApplication.instance()
    if not isinstance(application, QApplication):
        raise RuntimeError("install_tab_focus needs a QApplication")
    if _filter is None or _filter.parent() is not application:
        _filter = TabFocusFilter(application)
        application.installEventFilter(_filter)
    return _filter
