"""The list of "Termine und Fristen": items under the headings overdue, today, week, later."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont
from typing_extensions import override

from asd_desktop.services.deadlines import DueItem
from asd_desktop.ui.deadlines.groups import DueGroup, group_of
from asd_desktop.ui.widgets import german_date

COL_DATE, COL_FILE_NUMBER, COL_FAMILY, COL_KIND, COL_WHO, COL_TITLE = range(6)
HEADERS = ("Fällig am", "Aktenzeichen", "Familie", "Art", "Wer", "Was")
#: The width of "Wer" (names can be long; the full text is in the tooltip).
WHO_WIDTH = 170

#: The :class:`DueItem` a row shows (None on a heading).
DUE_ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
#: The id of the case a row belongs to (a ``str``; None on a heading).
CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 2

OVERDUE_COLOR = QColor("#b00020")
OVERDUE_SUFFIX = " (überfällig)"
HEADING_BACKGROUND = QColor("#e8e8e8")

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_DISPLAY = Qt.ItemDataRole.DisplayRole


@dataclass(frozen=True)
class Heading:
    """A heading row: the group and how many items stand under it."""

    group: DueGroup
    count: int

    @property
    def text(self) -> str:
        """The heading as shown ("Überfällig (2)")."""
        return f"{self.group.label} ({self.count})"


def kind_label(item: DueItem) -> str:
    """The kind of date in the field's words."""
    return item.kind_label


def item_text(item: DueItem, today: dt.date) -> str:
    """One item in one line, for screen readers and the calendar's day list."""
    parts = [german_date(item.due_on), item.file_number, item.family_name, kind_label(item)]
    if item.title:
        parts.append(item.title)
    if item.who:
        parts.append(f"wer: {item.who}")
    text = " · ".join(parts)
    return text + OVERDUE_SUFFIX if is_overdue(item, today) else text


def is_overdue(item: DueItem, today: dt.date) -> bool:
    """True for an open item whose date has passed."""
    return not item.done and item.due_on < today


class DueListModel(QAbstractTableModel):
    """Open items soonest first, each group under a heading row that cannot be selected.

    Args:
        parent: the owning object.
        today: the day that decides what is overdue; tests pass a fixed one.
        grouped: False for a plain list without headings (the calendar's day list).
    """

    def __init__(
        self,
        parent: QObject | None = None,
        today: Callable[[], dt.date] = dt.date.today,
        *,
        grouped: bool = True,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._grouped = grouped
        self._rows: list[Heading | DueItem] = []
        # Read once per fill: data() runs thousands of times when the view paints.
        self._day = today()

    # --- content -------------------------------------------------------------------------

    def set_items(self, items: Sequence[DueItem]) -> None:
        """Show ``items`` (in any order) sorted by date under their headings."""
        today = self._day = self._today()
        ordered = sorted(items, key=lambda i: (i.due_on, i.file_number, i.title, i.key))
        grouped: dict[DueGroup, list[DueItem]] = {g: [] for g in DueGroup}
        for item in ordered:
            grouped[group_of(item.due_on, today)].append(item)
        rows: list[Heading | DueItem] = []
        for group, members in grouped.items():
            if members and self._grouped:
                rows.append(Heading(group, len(members)))
            rows.extend(members)
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def items(self) -> list[DueItem]:
        """The items shown, top to bottom (without headings)."""
        return [r for r in self._rows if isinstance(r, DueItem)]

    def headings(self) -> list[Heading]:
        """The heading rows, top to bottom."""
        return [r for r in self._rows if isinstance(r, Heading)]

    def heading_rows(self) -> list[int]:
        """The row numbers of the headings (the view spans them over every column)."""
        return [i for i, r in enumerate(self._rows) if isinstance(r, Heading)]

    def item_at(self, row: int) -> DueItem | None:
        """The item in ``row``; None for a heading or outside the list."""
        value = self._rows[row] if 0 <= row < len(self._rows) else None
        return value if isinstance(value, DueItem) else None

    def row_of(self, key: str) -> int:
        """The row showing the item ``key``, or -1."""
        for i, r in enumerate(self._rows):
            if isinstance(r, DueItem) and r.key == key:
                return i
        return -1

    def first_item_row(self) -> int:
        """The first row that shows an item, or -1."""
        return next((i for i, r in enumerate(self._rows) if isinstance(r, DueItem)), -1)

    # --- QAbstractTableModel ---------------------------------------------------------------

    @override
    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    @override
    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    @override
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role in (_DISPLAY, Qt.ItemDataRole.AccessibleTextRole)
            and 0 <= section < len(HEADERS)
        ):
            return HEADERS[section]
        return None

    @override
    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.item_at(index.row()) is None:
            # Headings are skipped by the arrow keys: the view moves over disabled rows.
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    @override
    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        column = index.column()
        if not 0 <= column < len(HEADERS):
            return None
        value = self._rows[index.row()]
        if isinstance(value, Heading):
            return self._heading_data(value, column, role)
        return self._item_data(value, column, role)

    def _heading_data(self, heading: Heading, column: int, role: int) -> object:
        if role in (_DISPLAY, Qt.ItemDataRole.AccessibleTextRole):
            return heading.text if column == 0 else ""
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            return HEADING_BACKGROUND
        if role == Qt.ItemDataRole.ForegroundRole and heading.group is DueGroup.OVERDUE:
            return OVERDUE_COLOR
        return None

    def _item_data(self, item: DueItem, column: int, role: int) -> object:
        today = self._day
        overdue = is_overdue(item, today)
        if role == _DISPLAY:
            return self._text(item, column, overdue)
        if role == DUE_ITEM_ROLE:
            return item
        if role == CASE_ID_ROLE:
            return item.case_id
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{HEADERS[column]}: {self._text(item, column, overdue) or 'keine Angabe'}"
        if role == Qt.ItemDataRole.ToolTipRole:
            hint = " Leertaste: erledigt." if item.can_mark_done else ""
            return f"{item_text(item, today)}. Eingabetaste öffnet den Fall.{hint}"
        if overdue and role == Qt.ItemDataRole.ForegroundRole:
            return OVERDUE_COLOR
        if overdue and role == Qt.ItemDataRole.FontRole and column == COL_DATE:
            font = QFont()
            font.setBold(True)
            return font
        return None

    @staticmethod
    def _text(item: DueItem, column: int, overdue: bool) -> str:
        if column == COL_DATE:
            date = german_date(item.due_on)
            return date + OVERDUE_SUFFIX if overdue else date
        if column == COL_FILE_NUMBER:
            return item.file_number
        if column == COL_FAMILY:
            return item.family_name
        if column == COL_KIND:
            return kind_label(item)
        if column == COL_WHO:
            return item.who
        return " ".join(item.title.split())
