"""The main window's part of the Wiedervorlage: the window, the status line, opening an item."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtWidgets import QLabel

from asd_desktop.domain.enums import DueKind
from asd_desktop.models.errors import AsdError
from asd_desktop.services.deadlines import DueItem
from asd_desktop.ui.case_view import CaseView
from asd_desktop.ui.deadlines import DeadlinesWindow, due_status_text

if TYPE_CHECKING:
    from asd_desktop.ui.main_window.window import MainWindow

#: Stored as "done by" when no caseworker's name is set up (Datei → Dienststelle …).
DEFAULT_DONE_BY = "Fachkraft"
DUE_LABEL_NAME = "Fälligkeiten heute und überfällig"


def show_tab(view: CaseView, item: DueItem) -> None:
    """Show the case tab the item lives on; a step is chosen in the list of open steps."""
    tab = item.tab
    steps = view.steps_panel
    if tab == "familienrat":
        view.open_familienrat()
    elif tab == "auftraege":
        view.open_mandates()
    elif tab == "ziele" and view.goals_tab is not None:
        view.tabs.setCurrentWidget(view.goals_tab)
        view.goals_tab.setFocus(Qt.FocusReason.OtherFocusReason)
    elif tab == "hilfen" and view.hilfen_tab is not None:
        view.open_hilfen()
    elif steps is not None and item.kind is DueKind.STEP:
        view.tabs.setCurrentWidget(view.contacts)
        steps.select_step(item.record_id)
        steps.table.setFocus(Qt.FocusReason.OtherFocusReason)
    else:
        view.tabs.setCurrentWidget(view.contacts)
        view.contacts.setFocus(Qt.FocusReason.OtherFocusReason)


class DueDates(QObject):
    """Keeps "Termine und Fristen", the status line and the case list in step.

    Args:
        window: the main window (its case list, case view and status bar).
        today: the day that decides what is overdue; tests pass a fixed one.
    """

    def __init__(self, window: MainWindow, today: Callable[[], dt.date] = dt.date.today) -> None:
        super().__init__(window)
        self._window = window
        self._today = today
        self.deadlines_window: DeadlinesWindow | None = None
        self.label = QLabel()
        self.label.setAccessibleName(DUE_LABEL_NAME)
        window.statusBar().addPermanentWidget(self.label)

    # --- the status line -------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        """Count again what is due today and what is overdue; reload the open window."""
        self.update_label()
        if self.deadlines_window is not None:
            self.deadlines_window.reload()

    def update_label(self) -> None:
        """Count again what is due today and what is overdue."""
        opened = self._window.opened
        if opened is None:
            self.clear()
            return
        try:
            summary = opened.deadlines.summary(self._today())
        except AsdError:
            self.label.clear()
            return
        text = due_status_text(summary.due_today, summary.overdue)
        self.label.setText(text)
        self.label.setAccessibleDescription(text)
        self.label.setStyleSheet("color: #b00020; font-weight: bold;" if summary.overdue else "")

    def announce(self) -> None:
        """After unlocking: say in the status line what is due (and keep it there)."""
        self.refresh()
        self._window.statusBar().showMessage(self.label.text(), 15000)

    def clear(self) -> None:
        """Say nothing (the window is locked)."""
        self.label.clear()
        self.label.setStyleSheet("")
        self.deadlines_window = None

    # --- the window ------------------------------------------------------------------------

    def done_by(self) -> str:
        """Who marks items done in this program: the caseworker of the letterhead."""
        name = self._window.settings.office.caseworker_name.strip()
        return name or DEFAULT_DONE_BY

    @Slot()
    def open_window(self) -> DeadlinesWindow | None:
        """Show "Termine und Fristen" beside the case file (non-modal; Ctrl+T)."""
        opened = self._window.opened
        if opened is None:
            return None
        window = self.deadlines_window
        if window is None:
            window = DeadlinesWindow(
                opened.deadlines,
                self._window,
                export=opened.calendar.export,
                done_by=self.done_by(),
                today=self._today,
            )
            window.open_requested.connect(self.open_item)
            window.items_changed.connect(self._on_items_changed)
            window.finished.connect(self._on_window_closed)
            self.deadlines_window = window
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    @Slot()
    def _on_window_closed(self) -> None:
        self.deadlines_window = None

    @Slot(object)
    def open_item(self, item: DueItem) -> bool:
        """Open the item's case at the tab that shows it; the main window comes to the front."""
        if not self._show_item(item):
            return False
        self._window.raise_()
        self._window.activateWindow()
        return True

    def open_case_at_most_urgent(self, case_id: str) -> bool:
        """Open ``case_id`` at the tab of its earliest open item ("Überfällige Fristen")."""
        opened, window, view = self._window.opened, self._window, self._window.case_view
        if opened is None or view is None:
            return False
        try:
            items = opened.deadlines.items(case_id=case_id)
        except AsdError:
            items = []
        if items:
            return self._show_item(items[0])
        window.select_case(case_id)
        if not window._open_case(case_id):
            return False
        view.open_mandates()
        return True

    def _show_item(self, item: DueItem) -> bool:
        window = self._window
        view = window.case_view
        if view is None:
            return False
        window.select_case(item.case_id)
        if not window._open_case(item.case_id):
            return False
        show_tab(view, item)
        return True

    @Slot()
    def _on_items_changed(self) -> None:
        """Marked done or reopened in the window: the case list, the case and the counts follow."""
        window = self._window
        window.refresh()
        if window.reviews_panel is not None:
            window.reviews_panel.refresh()
        view = window.case_view
        case_id = view.current_case_id() if view is not None else None
        if view is not None and case_id is not None:
            view.show_case(case_id, reload=True)
        self.update_label()
