"""The one read-only table model the case's tabs share: rows of frozen dataclasses."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QWidget
from typing_extensions import override

T = TypeVar("T")

ROOT = QModelIndex()
DISPLAY = Qt.ItemDataRole.DisplayRole


def one_line(text: str) -> str:
    """Text with every run of white space (line breaks too) folded to one space."""
    return " ".join(text.split())


class RowsModel(QAbstractTableModel, Generic[T]):
    """A read-only table of frozen dataclasses; subclasses say what each cell shows.

    Subclasses set ``HEADERS`` (and usually column constants) and implement
    :meth:`cell`, or :meth:`texts` for plain one-text-per-column tables.
    """

    HEADERS: ClassVar[tuple[str, ...]] = ()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[T] = []

    def set_rows(self, rows: Sequence[T]) -> None:
        """Replace everything shown."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_value(self, row: int) -> T:
        """The dataclass shown in ``row``."""
        return self._rows[row]

    def rows(self) -> list[T]:
        """All dataclasses shown, top to bottom."""
        return list(self._rows)

    @override
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    @override
    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    @override
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == DISPLAY
            and 0 <= section < len(self.HEADERS)
        ):
            return self.HEADERS[section]
        return None

    @override
    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    @override
    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(self.HEADERS):
            return None
        return self.cell(self._rows[index.row()], index.row(), index.column(), role)

    def cell(self, value: T, row: int, column: int, role: int) -> object:
        """What ``value`` shows in ``column`` for ``role``; None for nothing.

        The default shows :meth:`texts` on one line, with the full text as tooltip.
        """
        texts = self.texts(value)
        if role == DISPLAY:
            return one_line(texts[column])
        if role == Qt.ItemDataRole.ToolTipRole:
            return texts[column] or None
        return None

    def texts(self, value: T) -> tuple[str, ...]:
        """What ``value`` shows, one text per column (for the default :meth:`cell`)."""
        raise NotImplementedError
