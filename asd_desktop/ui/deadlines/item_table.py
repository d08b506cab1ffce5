"""A table of dated items that opens one with Enter and marks it done with Space."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget
from typing_extensions import override

from asd_desktop.services.deadlines import DueItem
from asd_desktop.ui.deadlines.list_model import COL_TITLE, COL_WHO, DUE_ITEM_ROLE, WHO_WIDTH

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
#: Rows whose content decides the column widths.
WIDTH_ROWS = 100


class DueItemTable(QTableView):
    """Rows (or cells) that show :class:`DueItem`; the keyboard acts on the current one.

    Enter (or a double click) asks to open the item's case, Space or Ctrl+Enter asks to
    mark it done; the window decides what happens.

    Signals:
        open_requested(DueItem): open the case at the item's tab.
        done_requested(DueItem): mark the item done.
    """

    open_requested = Signal(object)
    done_requested = Signal(object)

    def __init__(
        self,
        model: QAbstractItemModel,
        accessible_name: str,
        parent: QWidget | None = None,
        *,
        by_rows: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setAccessibleName(accessible_name)
        self.setSelectionBehavior(
            QAbstractItemView.SelectionBehavior.SelectRows
            if by_rows
            else QAbstractItemView.SelectionBehavior.SelectItems
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        # Widths from the first rows only: measuring thousands of items stalls the window.
        header.setResizeContentsPrecision(WIDTH_ROWS)
        if by_rows:
            # Short columns fit their content, "Wer" has a fixed width, "Was" takes the rest.
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(COL_WHO, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(COL_WHO, WHO_WIDTH)
            header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        else:
            header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.doubleClicked.connect(self._on_double_clicked)

    def current_item(self) -> DueItem | None:
        """The item at the keyboard's position, if it shows one."""
        index = self.currentIndex()
        value = index.data(DUE_ITEM_ROLE) if index.isValid() else None
        return value if isinstance(value, DueItem) else None

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        item = self.current_item()
        if key == Qt.Key.Key_Space or (key in _ENTER_KEYS and ctrl):
            if item is not None:
                self.done_requested.emit(item)
            event.accept()
            return
        if key in _ENTER_KEYS:
            # Accepted here: a dialog around the table must not take Enter as "OK".
            if item is not None:
                self.open_requested.emit(item)
            event.accept()
            return
        super().keyPressEvent(event)

    def _on_double_clicked(self, index: QModelIndex) -> None:
        value = index.data(DUE_ITEM_ROLE)
        if isinstance(value, DueItem):
            self.open_requested.emit(value)
