"""The Wirkungsbericht's table: every kind under its group, both sides, both reference days."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from typing_extensions import override

from asd_desktop.domain.wirkung import (
    MeasureRow,
    RowLevel,
    Side,
    change,
    count_text,
    percent_text,
)
from asd_desktop.ui.rows_model import DISPLAY, RowsModel

TOTAL_TINT = QColor("#eef3f8")


class ReportTableModel(RowsModel[MeasureRow]):
    """Rows of the report; the header names the groups and the days once they are known."""

    KIND = 0
    PILOT_FIRST, PILOT_SECOND, PILOT_CHANGE, PILOT_BEGUN = 1, 2, 3, 4
    COMPARISON_FIRST, COMPARISON_SECOND, COMPARISON_CHANGE, COMPARISON_BEGUN = 5, 6, 7, 8
    HEADERS: ClassVar[tuple[str, ...]] = ("Hilfeart", "", "", "", "", "", "", "", "")

    def __init__(self) -> None:
        """An empty table."""
        super().__init__()
        self._headers = list(self.HEADERS)

    def set_report_headers(self, pilot: str, comparison: str, first: str, second: str) -> None:
        """Name the columns after the groups and the days."""
        for offset, name in ((1, pilot), (5, comparison)):
            self._headers[offset : offset + 4] = [
                f"{name}\n{first}",
                f"{name}\n{second}",
                f"{name}\nVeränderung",
                f"{name}\nneu begonnen",
            ]
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._headers) - 1)

    @override
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == DISPLAY:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return super().headerData(section, orientation, role)

    def texts(self, value: MeasureRow) -> tuple[str, ...]:
        """The row's cells as shown (counts below three as ``< 3``)."""
        cells = [value.label]
        for side in Side:
            tally = value.tally(side)
            cells += [
                count_text(tally.baseline),
                count_text(tally.until),
                percent_text(change(tally)),
                count_text(tally.begun),
            ]
        return tuple(cells)

    @override
    def cell(self, value: MeasureRow, row: int, column: int, role: int) -> object:
        if role == DISPLAY:
            text = self.texts(value)[column]
            return f"    {text}" if column == self.KIND and value.level is RowLevel.KIND else text
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.KIND:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and value.level is not RowLevel.KIND:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and value.level is RowLevel.TOTAL:
            return QBrush(TOTAL_TINT)
        return None
