"""The main window's overview of Familienrat review dates across all cases.

Overdue reviews stand out in red *and* say "(überfällig)", so colour is never the
only signal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from asd_desktop.models.errors import AsdError
from asd_desktop.services.familienrat import FamilienratService, UpcomingReview
from asd_desktop.ui.widgets import german_date

TITLE = "Anstehende Überprüfungen (Familienrat)"
NONE_TEXT = "Keine anstehenden Überprüfungen."
OVERDUE_SUFFIX = " (überfällig)"
OVERDUE_COLOR = QColor("#b00020")
#: The id of the case a row belongs to (a ``str``).
CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_DISPLAY = Qt.ItemDataRole.DisplayRole


class UpcomingReviewsModel(QAbstractTableModel):
    """One row per decided Familienrat waiting for its review, soonest first."""

    DATE, FILE_NUMBER, FAMILY = range(3)
    HEADERS = ("Überprüfung am", "Aktenzeichen", "Familie")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[UpcomingReview] = []

    def set_rows(self, rows: Sequence[UpcomingReview]) -> None:
        """Show ``rows`` instead of what was shown."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[UpcomingReview]:
        """The rows shown, in order."""
        return list(self._rows)

    def review_at(self, row: int) -> UpcomingReview | None:
        """The review shown in ``row`` (None outside the list)."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    @override
    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    @override
    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    @override
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role in (_DISPLAY, Qt.ItemDataRole.AccessibleTextRole)
            and 0 <= section < len(self.HEADERS)
        ):
            return self.HEADERS[section]
        return None

    @override
    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    @override
    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        review = self.review_at(index.row())
        column = index.column()
        if review is None or not 0 <= column < len(self.HEADERS):
            return None
        if role == _DISPLAY:
            return self._text(review, column)
        if role == CASE_ID_ROLE:
            return review.case_id
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self.HEADERS[column]}: {self._text(review, column)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            state = "überfällig" if review.overdue else "anstehend"
            return (
                f"Überprüfung des Familienrats für Fall {review.file_number}, Familie "
                f"{review.family_name}, am {german_date(review.review_on)} ({state}). "
                "Eingabetaste öffnet den Fall."
            )
        if review.overdue and role == Qt.ItemDataRole.ForegroundRole:
            return OVERDUE_COLOR
        if review.overdue and role == Qt.ItemDataRole.FontRole and column == self.DATE:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _text(self, review: UpcomingReview, column: int) -> str:
        if column == self.DATE:
            date = german_date(review.review_on)
            return date + OVERDUE_SUFFIX if review.overdue else date
        if column == self.FILE_NUMBER:
            return review.file_number
        return review.family_name


class UpcomingReviewsPanel(QWidget):
    """The review dates of every case's Familienrat; Enter or a double click opens the case.

    Signals:
        case_requested(str): the caseworker wants to open this case (its id).
    """

    case_requested = Signal(str)

    def __init__(
        self,
        service: FamilienratService,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._today = today

        self.model = UpcomingReviewsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(TITLE)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.setMaximumHeight(170)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.activated.connect(self._on_activated)

        self.title_label = QLabel(TITLE)
        self.title_label.setBuddy(self.table)
        title_font = self.title_label.font()
        title_font.setBold(True)
        self.title_label.setFont(title_font)
        self.title_label.setAccessibleName(TITLE)
        self.status_label = QLabel(NONE_TEXT)
        self.status_label.setAccessibleName("Stand der Überprüfungen")
        self.status_label.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title_label)
        layout.addWidget(self.table)
        layout.addWidget(self.status_label)
        self.setFocusProxy(self.table)
        self._update_state()

    def refresh(self) -> None:
        """Read the review dates again (after a decision, an import, unlocking)."""
        try:
            rows = self._service.upcoming_reviews(self._today())
        except AsdError as exc:
            QMessageBox.warning(self, "Überprüfungen nicht geladen", exc.message)
            rows = []
        self.model.set_rows(rows)
        if rows:
            # The keyboard starts at the soonest date; no highlight hides the overdue red.
            self.table.selectionModel().setCurrentIndex(
                self.model.index(0, 0), QItemSelectionModel.SelectionFlag.NoUpdate
            )
        self._update_state()

    def clear(self) -> None:
        """Show nothing (the window is locked)."""
        self.model.set_rows([])
        self._update_state()

    def overdue_count(self) -> int:
        """How many of the shown reviews are overdue."""
        return sum(1 for r in self.model.rows() if r.overdue)

    def _on_activated(self, index: QModelIndex) -> None:
        review = self.model.review_at(index.row()) if index.isValid() else None
        if review is not None:
            self.case_requested.emit(review.case_id)

    def _update_state(self) -> None:
        count = self.model.rowCount()
        overdue = self.overdue_count()
        self.table.setVisible(count > 0)
        summary = f"{count} anstehend" + (f", davon {overdue} überfällig" if overdue else "")
        self.status_label.setText(summary if count else NONE_TEXT)
        self.table.setAccessibleDescription(self.status_label.text())
