"""One way to lay out a read-only table: the key column takes the room, the others fit.

Every table of the application goes through :func:`read_only_table` (look and
behaviour) and :func:`fit_columns` (widths), so a long text column never
squeezes the one a caseworker reads.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TypeVar

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QToolTip
from typing_extensions import override

#: The widest a column other than the key column gets by default (longer text is cut).
DEFAULT_CAP = 220
#: The narrowest a capped column is squeezed to when the window is tight.
FLOOR = 60
#: The key column's minimum width, unless the caller asks for another.
KEY_MIN = 250
#: Rows measured for the content widths (a case list of thousands costs too much).
MEASURED_ROWS = 200
#: Room for the cell's margins around the measured text.
CELL_PADDING = 16

TableT = TypeVar("TableT", bound=QTableView)


def read_only_table(model: QAbstractItemModel, accessible_name: str, table: TableT) -> TableT:
    """Set up ``table`` for ``model``: whole rows, one at a time, read-only, one line per row."""
    table.setModel(model)
    table.setAccessibleName(accessible_name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setTabKeyNavigation(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setHighlightSections(False)
    return table


class ColumnFitter(QObject):
    """Keeps ``key`` as wide as the table allows; the other columns fit their content.

    Columns in ``caps`` are at most that wide and give up room, down to :data:`FLOOR`,
    when the table is too narrow; the others are never cut (short dates, numbers).

    Refits when the table is resized or its rows change. A cut cell shows its whole
    text as tooltip, unless the model gives one of its own.
    """

    def __init__(
        self,
        table: QTableView,
        key: int,
        caps: Mapping[int, int] | None = None,
        key_min: int = KEY_MIN,
    ) -> None:
        # A child of the viewport it watches, so it goes with it.
        super().__init__(table.viewport())
        self._table = table
        self._viewport = table.viewport()
        self.key = key
        self._caps = dict(caps or {})
        self.key_min = key_min
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(min(header.minimumSectionSize(), FLOOR))
        self._viewport.installEventFilter(self)
        model = table.model()
        model.modelReset.connect(self.fit)
        model.layoutChanged.connect(self.fit)
        model.rowsInserted.connect(self.fit)
        model.rowsRemoved.connect(self.fit)
        model.dataChanged.connect(self.fit)
        self.fit()

    def _wanted(self, column: int) -> int:
        """The width ``column`` would like: its header or widest measured cell, capped."""
        table = self._table
        model = table.model()
        metrics = table.fontMetrics()
        widest = table.horizontalHeader().sectionSizeHint(column)
        for row in range(min(model.rowCount(), MEASURED_ROWS)):
            text = model.index(row, column).data(Qt.ItemDataRole.DisplayRole)
            if text:
                widest = max(widest, metrics.horizontalAdvance(str(text)) + CELL_PADDING)
        return min(widest, self._caps.get(column, DEFAULT_CAP))

    def fit(self) -> None:
        """Size every column now."""
        table = self._table
        model = table.model()
        if model is None:
            return
        columns = [c for c in range(model.columnCount()) if not table.isColumnHidden(c)]
        widths = {c: self._wanted(c) for c in columns if c != self.key}
        room = table.viewport().width()
        # Too tight: the capped columns give up room in proportion to what they have
        # above the floor; the others keep their content's width (the table scrolls).
        excess = sum(widths.values()) + self.key_min - room
        spare = {c: widths[c] - FLOOR for c in self._caps if widths.get(c, 0) > FLOOR}
        if excess > 0 and spare:
            share = min(1.0, excess / sum(spare.values()))
            for column, above in spare.items():
                widths[column] -= min(above, math.ceil(above * share))
        for column, width in widths.items():
            table.setColumnWidth(column, width)
        if self.key in columns:
            table.setColumnWidth(self.key, max(self.key_min, room - sum(widths.values())))

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self._viewport:
            return False
        if event.type() == QEvent.Type.Resize:
            self.fit()
        elif event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            return self._elided_tooltip(event)
        return False

    def _elided_tooltip(self, event: QHelpEvent) -> bool:
        """Show a cut cell's whole text; leave cells with the model's own tooltip alone."""
        table = self._table
        index = table.indexAt(event.pos())
        if not index.isValid() or index.data(Qt.ItemDataRole.ToolTipRole):
            return False
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        needed = table.fontMetrics().horizontalAdvance(text) + CELL_PADDING
        if not text or needed <= table.columnWidth(index.column()):
            return False
        QToolTip.showText(event.globalPos(), text, table.viewport())
        return True


def fit_columns(
    table: QTableView,
    key: int,
    caps: Mapping[int, int] | None = None,
    key_min: int = KEY_MIN,
) -> ColumnFitter:
    """Let ``key`` take the room of ``table``; ``caps`` maps other columns to a widest width.

    Columns not in ``caps`` fit their content up to :data:`DEFAULT_CAP` and are not
    squeezed; the key column is never narrower than ``key_min`` (the table scrolls instead).
    """
    return ColumnFitter(table, key, caps, key_min)
