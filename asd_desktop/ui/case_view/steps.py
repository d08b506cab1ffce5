"""The open steps of a case (Wiedervorlage), on its "Kontakte" tab: who does what by when."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from asd_desktop.domain.enums import DueKind
from asd_desktop.models.errors import AsdError, ValidationError
from asd_desktop.services.deadlines import DeadlineService, item_key
from asd_desktop.services.steps import StepService, StepView
from asd_desktop.ui.case_view.tables import case_button, case_table
from asd_desktop.ui.dialogs.step_dialog import StepDialog, actor_text
from asd_desktop.ui.rows_model import DISPLAY, RowsModel, one_line
from asd_desktop.ui.widgets import german_date

OVERDUE_COLOR = QColor("#b00020")
NO_DATE = "ohne Frist"
TITLE = "Offene Schritte"
#: Rows the table shows before it scrolls (the contact log keeps the room below).
VISIBLE_ROWS = 4
#: Stored as "done by" until the window tells who the caseworker is.
DEFAULT_DONE_BY = "Fachkraft"


class StepTableModel(RowsModel[StepView]):
    """The open steps of a case, soonest first; overdue ones in red and said."""

    DUE, TEXT, WHO = range(3)
    HEADERS = ("bis wann", "Was", "Wer")

    def __init__(
        self, parent: QWidget | None = None, today: Callable[[], dt.date] = dt.date.today
    ) -> None:
        super().__init__(parent)
        self._today = today

    def is_overdue(self, step: StepView) -> bool:
        """True for an open step whose date has passed."""
        return not step.done and step.due_on is not None and step.due_on < self._today()

    def row_of(self, step_id: str) -> int:
        """The row of step ``step_id``, or -1."""
        return next((i for i, s in enumerate(self.rows()) if s.id == step_id), -1)

    @override
    def cell(self, value: StepView, row: int, column: int, role: int) -> object:
        overdue = self.is_overdue(value)
        if role in (DISPLAY, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(value, column, overdue)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{value.text}\nWer: {actor_text(value.actor, value.actor_name)}"
        if overdue and role == Qt.ItemDataRole.ForegroundRole:
            return OVERDUE_COLOR
        if overdue and role == Qt.ItemDataRole.FontRole and column == self.DUE:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _text(self, step: StepView, column: int, overdue: bool) -> str:
        if column == self.DUE:
            if step.due_on is None:
                return NO_DATE
            date = german_date(step.due_on)
            return f"{date} (überfällig)" if overdue else date
        if column == self.TEXT:
            return one_line(step.text)
        return actor_text(step.actor, step.actor_name)


class StepsPanel(QWidget):
    """The case's open steps with "Schritt hinzufügen" and "Erledigt" (also Space).

    Args:
        steps: lists and adds steps.
        deadlines: marks a step done (as every dated item is marked done).

    Signals:
        steps_changed(str): the case id, after a step was added or marked done.
        saved(str): what was stored, for the status bar ("Schritt erledigt (…)").
    """

    steps_changed = Signal(str)
    saved = Signal(str)

    def __init__(
        self,
        steps: StepService,
        deadlines: DeadlineService,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self._steps = steps
        self._deadlines = deadlines
        self._today = today
        self._case_id: str | None = None
        #: Who marks steps done here; the window sets it to the caseworker's name.
        self.done_by: Callable[[], str] = lambda: DEFAULT_DONE_BY

        self.model = StepTableModel(self, today)
        self.table = case_table(self.model, TITLE, QTableView())
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(StepTableModel.TEXT, QHeaderView.ResizeMode.Stretch)
        row_height = self.table.verticalHeader().defaultSectionSize()
        self.table.setMaximumHeight(header.sizeHint().height() + VISIBLE_ROWS * row_height + 4)
        self.title_label = QLabel(f"{TITLE}:")
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setBuddy(self.table)
        self.state_label = QLabel()
        self.state_label.setAccessibleName("Stand der offenen Schritte")
        self.add_button = case_button("Schritt &hinzufügen …", "Schritt hinzufügen")
        self.done_button = case_button("Schritt erledig&t", "Schritt erledigt")
        self.done_button.setToolTip("Leertaste in der Liste der Schritte")
        self.add_button.clicked.connect(self.add_step)
        self.done_button.clicked.connect(self.mark_done)
        shortcut = QShortcut(QKeySequence(Qt.Key.Key_Space), self.table)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(self.mark_done)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update())

        row = QHBoxLayout()
        row.addWidget(self.title_label)
        row.addWidget(self.state_label, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.done_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.table)
        self._update()

    def show_case(self, case_id: str) -> None:
        """Read the open steps of ``case_id``, keeping the chosen one if it is still open."""
        keep = self.selected_step()
        self._case_id = case_id
        try:
            rows = self._steps.steps(case_id)
        except AsdError as exc:
            QMessageBox.warning(self, "Schritte nicht geladen", exc.message)
            rows = []
        self.model.set_rows(rows)
        if not self.select_step(keep.id if keep else "") and rows:
            self.table.setCurrentIndex(self.model.index(0, 0))
        self._update()

    def clear(self) -> None:
        """Show nothing (no case open)."""
        self._case_id = None
        self.model.set_rows([])
        self._update()

    def selected_step(self) -> StepView | None:
        """The step of the current row."""
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return self.model.row_value(index.row())

    def select_step(self, step_id: str) -> bool:
        """Put the keyboard on step ``step_id``; False if it is not listed."""
        row = self.model.row_of(step_id) if step_id else -1
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.setCurrentIndex(self.model.index(row, 0))
        return True

    def add_step(self) -> None:
        """Ask for a step and store it for the shown case."""
        case_id = self._case_id
        if case_id is None:
            return
        value = StepDialog.ask(self)
        if value is None:
            return
        try:
            stored = self._steps.add_step(case_id, value)
        except AsdError as exc:
            self._warn(exc)
            return
        self.show_case(case_id)
        self.steps_changed.emit(case_id)
        self.select_step(stored.id)
        self.saved.emit(f"Schritt hinzugefügt ({one_line(stored.text)})")

    def mark_done(self) -> None:
        """Mark the chosen step done today; it leaves the list."""
        step, case_id = self.selected_step(), self._case_id
        if step is None or case_id is None:
            return
        row = self.table.currentIndex().row()
        try:
            self._deadlines.mark_done(
                item_key(DueKind.STEP, step.id), self._today(), self.done_by()
            )
        except AsdError as exc:
            self._warn(exc)
            return
        self.show_case(case_id)
        self.steps_changed.emit(case_id)
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(min(row, self.model.rowCount() - 1), 0))
        self.state_label.setText(f"Erledigt: {one_line(step.text)} (Strg+T zeigt alle Termine)")
        self.saved.emit(f"Schritt erledigt ({one_line(step.text)})")

    def _warn(self, exc: AsdError) -> None:
        text = "\n".join(exc.problems.values()) if isinstance(exc, ValidationError) else exc.message
        QMessageBox.warning(self, "Nicht gespeichert", text)

    def _update(self) -> None:
        count = self.model.rowCount()
        overdue = sum(1 for s in self.model.rows() if self.model.is_overdue(s))
        text = (
            "keine"
            if not count
            else f"{count}" + (f", davon {overdue} überfällig" if overdue else "")
        )
        self.state_label.setText(text)
        self.table.setAccessibleDescription(f"{TITLE}: {text}")
        self.add_button.setEnabled(self._case_id is not None)
        self.done_button.setEnabled(self.selected_step() is not None)
