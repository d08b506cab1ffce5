"""The week and month views of "Termine und Fristen"."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut, QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from asd_desktop.services.deadlines import DueItem
from asd_desktop.ui.deadlines.groups import week_start
from asd_desktop.ui.deadlines.item_table import DueItemTable
from asd_desktop.ui.deadlines.list_model import (
    CASE_ID_ROLE,
    DUE_ITEM_ROLE,
    OVERDUE_COLOR,
    DueListModel,
    is_overdue,
    item_text,
    kind_label,
)
from asd_desktop.ui.widgets import from_qdate, german_date, to_qdate

WEEKDAYS = ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So")
MARKED_BACKGROUND = QColor("#dbe9f7")
OVERDUE_BACKGROUND = QColor("#f6d5da")

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_DISPLAY = Qt.ItemDataRole.DisplayRole


def by_day(items: Sequence[DueItem]) -> dict[dt.date, list[DueItem]]:
    """The items of each day, in the order of the list."""
    days: dict[dt.date, list[DueItem]] = defaultdict(list)
    for item in sorted(items, key=lambda i: (i.due_on, i.file_number, i.title, i.key)):
        days[item.due_on].append(item)
    return dict(days)


def week_title(monday: dt.date) -> str:
    """The heading of a week ("KW 50: 07.12.2026 – 13.12.2026")."""
    sunday = monday + dt.timedelta(days=6)
    return f"KW {monday.isocalendar().week}: {german_date(monday)} – {german_date(sunday)}"


class WeekModel(QAbstractTableModel):
    """One column per weekday, Monday first; the day's items one below the other."""

    def __init__(
        self, parent: QObject | None = None, today: Callable[[], dt.date] = dt.date.today
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._monday = week_start(today())
        # Read once per fill: data() runs for every cell the view paints.
        self._day = today()
        self._days: list[list[DueItem]] = [[] for _ in WEEKDAYS]

    def set_week(self, monday: dt.date, items: Sequence[DueItem]) -> None:
        """Show the week starting on ``monday`` with those of ``items`` that fall in it."""
        days = by_day(items)
        self.beginResetModel()
        self._day = self._today()
        self._monday = monday
        self._days = [days.get(monday + dt.timedelta(days=d), []) for d in range(len(WEEKDAYS))]
        self.endResetModel()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(WEEKDAYS) - 1)

    def monday(self) -> dt.date:
        """The first day of the shown week."""
        return self._monday

    def day(self, column: int) -> dt.date:
        """The date of ``column``."""
        return self._monday + dt.timedelta(days=column)

    def items_on(self, column: int) -> list[DueItem]:
        """The items shown in ``column``."""
        return list(self._days[column]) if 0 <= column < len(self._days) else []

    def item_at(self, row: int, column: int) -> DueItem | None:
        """The item in the cell, None for an empty one."""
        day = self._days[column] if 0 <= column < len(self._days) else []
        return day[row] if 0 <= row < len(day) else None

    def position_of(self, key: str) -> tuple[int, int] | None:
        """(row, column) of the item ``key`` in the shown week."""
        for column, day in enumerate(self._days):
            for row, item in enumerate(day):
                if item.key == key:
                    return row, column
        return None

    @override
    def rowCount(self, parent: _Index = _ROOT) -> int:
        if parent.isValid():
            return 0
        return max(1, *(len(d) for d in self._days))

    @override
    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(WEEKDAYS)

    @override
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(WEEKDAYS):
            return None
        day = self.day(section)
        if role in (_DISPLAY, Qt.ItemDataRole.AccessibleTextRole):
            text = f"{WEEKDAYS[section]} {day.strftime('%d.%m.')}"
            return f"{text} (heute)" if day == self._day else text
        if role == Qt.ItemDataRole.FontRole and day == self._day:
            font = QFont()
            font.setBold(True)
            return font
        return None

    @override
    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        # Empty cells stay selectable so the arrow keys move through a regular grid.
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    @override
    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.column() < len(WEEKDAYS):
            return None
        item = self.item_at(index.row(), index.column())
        if item is None:
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return f"{german_date(self.day(index.column()))}: nichts"
            return None
        today = self._day
        overdue = is_overdue(item, today)
        if role == _DISPLAY:
            text = f"{item.file_number}\n{kind_label(item)}"
            return f"{text} (überfällig)" if overdue else text
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return item_text(item, today)
        if role == DUE_ITEM_ROLE:
            return item
        if role == CASE_ID_ROLE:
            return item.case_id
        if overdue and role == Qt.ItemDataRole.ForegroundRole:
            return OVERDUE_COLOR
        return None


class WeekView(QWidget):
    """A week as a table; Bild auf/ab (or the buttons) move a week back or on.

    Signals:
        week_changed: another week is shown.
    """

    week_changed = Signal()

    def __init__(
        self, parent: QWidget | None = None, today: Callable[[], dt.date] = dt.date.today
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._items: list[DueItem] = []
        self.model = WeekModel(self, today)
        self.table = DueItemTable(self.model, "Termine der Woche", by_rows=False)
        self.table.setWordWrap(True)
        # Two lines a cell (Aktenzeichen, kind); measuring a busy day's rows is too slow.
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(2 * self.table.fontMetrics().lineSpacing() + 8)
        self.title_label = QLabel()
        self.title_label.setAccessibleName("Gezeigte Woche")
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.previous_button = QPushButton("◀ &Vorige Woche")
        self.previous_button.setAccessibleName("Vorige Woche")
        self.this_week_button = QPushButton("&Diese Woche")
        self.this_week_button.setAccessibleName("Diese Woche")
        self.next_button = QPushButton("&Nächste Woche ▶")
        self.next_button.setAccessibleName("Nächste Woche")
        for button in (self.previous_button, self.this_week_button, self.next_button):
            button.setAutoDefault(False)
        self.previous_button.clicked.connect(lambda: self.show_week(self.model.monday(), -1))
        self.next_button.clicked.connect(lambda: self.show_week(self.model.monday(), 1))
        self.this_week_button.clicked.connect(lambda: self.show_week(week_start(self._today())))
        for keys, step in (("PgUp", -1), ("PgDown", 1)):
            shortcut = QShortcut(QKeySequence(keys), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda step=step: self.show_week(self.model.monday(), step))
        hint = QLabel("Bild auf/ab: vorige/nächste Woche · Eingabe öffnet · Leertaste erledigt")
        hint.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(self.title_label, 1)
        row.addWidget(self.previous_button)
        row.addWidget(self.this_week_button)
        row.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)
        self.setFocusProxy(self.table)
        self.show_week(week_start(today()))

    def set_items(self, items: Sequence[DueItem]) -> None:
        """Show ``items`` in the weeks they fall in (the shown week stays)."""
        self._items = list(items)
        self.show_week(self.model.monday())

    def show_week(self, monday: dt.date, step: int = 0) -> None:
        """Show the week of ``monday`` moved by ``step`` weeks."""
        monday = week_start(monday) + dt.timedelta(weeks=step)
        sunday = monday + dt.timedelta(days=6)
        current = self.table.currentIndex()
        self.model.set_week(monday, [i for i in self._items if monday <= i.due_on <= sunday])
        self.title_label.setText(week_title(monday))
        self.table.setAccessibleDescription(self.title_label.text())
        row = min(max(current.row(), 0), self.model.rowCount() - 1)
        column = current.column() if current.isValid() else (self._today() - monday).days
        column = min(max(column, 0), len(WEEKDAYS) - 1)
        self.table.setCurrentIndex(self.model.index(row, column))
        if step:
            self.week_changed.emit()

    def select_item(self, key: str) -> bool:
        """Put the keyboard on item ``key`` if the shown week has it."""
        position = self.model.position_of(key)
        if position is None:
            return False
        self.table.setCurrentIndex(self.model.index(*position))
        return True


class MonthView(QWidget):
    """A month calendar with every dated day marked; the chosen day's items below it."""

    def __init__(
        self, parent: QWidget | None = None, today: Callable[[], dt.date] = dt.date.today
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._days: dict[dt.date, list[DueItem]] = {}
        self.calendar = QCalendarWidget()
        self.calendar.setLocale(QLocale(QLocale.Language.German, QLocale.Country.Germany))
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendar.setGridVisible(True)
        self.calendar.setAccessibleName("Monatskalender")
        self.calendar.setSelectedDate(to_qdate(today()))
        self.day_model = DueListModel(self, today, grouped=False)
        self.day_table = DueItemTable(self.day_model, "Termine des gewählten Tages")
        self.day_label = QLabel()
        self.day_label.setAccessibleName("Gewählter Tag")
        self.day_label.setBuddy(self.day_table)
        hint = QLabel(
            "Pfeiltasten wählen den Tag, Bild auf/ab den Monat; Eingabe springt zu den Terminen."
        )
        hint.setEnabled(False)
        self.calendar.selectionChanged.connect(self._show_day)
        self.calendar.activated.connect(self._enter_day)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.calendar, 3)
        layout.addWidget(hint)
        layout.addWidget(self.day_label)
        layout.addWidget(self.day_table, 2)
        self.setFocusProxy(self.calendar)
        self._show_day()

    def set_items(self, items: Sequence[DueItem]) -> None:
        """Mark the days of ``items``; overdue days in red."""
        today = self._today()
        self._days = by_day(items)
        self.calendar.setDateTextFormat(QDate(), QTextCharFormat())  # clears every mark
        for day, members in self._days.items():
            marked = QTextCharFormat()
            marked.setFontWeight(QFont.Weight.Bold)
            if any(is_overdue(i, today) for i in members):
                marked.setForeground(QBrush(OVERDUE_COLOR))
                marked.setBackground(QBrush(OVERDUE_BACKGROUND))
            else:
                marked.setBackground(QBrush(MARKED_BACKGROUND))
            marked.setToolTip(f"{len(members)} Termin{'' if len(members) == 1 else 'e'}")
            self.calendar.setDateTextFormat(to_qdate(day), marked)
        self._show_day()

    def selected_day(self) -> dt.date:
        """The day chosen in the calendar."""
        return from_qdate(self.calendar.selectedDate())

    def select_day(self, day: dt.date) -> None:
        """Choose ``day`` in the calendar (its month is shown)."""
        self.calendar.setSelectedDate(to_qdate(day))

    def marked_days(self) -> list[dt.date]:
        """The days that carry items, in order."""
        return sorted(self._days)

    def _show_day(self) -> None:
        day = self.selected_day()
        members = self._days.get(day, [])
        self.day_model.set_items(members)
        count = len(members)
        self.day_label.setText(
            f"&Termine am {german_date(day)}: " + (f"{count}" if count else "keine")
        )
        if count:
            self.day_table.setCurrentIndex(self.day_model.index(0, 0))

    def _enter_day(self) -> None:
        if self.day_model.rowCount():
            self.day_table.setFocus(Qt.FocusReason.ShortcutFocusReason)
