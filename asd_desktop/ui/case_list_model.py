"""The case list as a Qt table model: one row per :class:`CaseRow`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor
from typing_extensions import override

from asd_desktop.domain.enums import Area, CaseStatus
from asd_desktop.services.cases import CaseRow
from asd_desktop.ui.widgets import AREA_COLOURS

#: The id of the case a row shows (a ``str``).
CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1

COL_FILE_NUMBER, COL_FAMILY, COL_AREA, COL_LAST_CONTACT, COL_DEADLINE = range(5)
HEADERS = ("Aktenzeichen", "Familie", "Bereich", "letzter Kontakt", "nächste Frist")
#: The headers as shown: the two date headers on two lines, no wider than a date.
SHOWN_HEADERS = ("Aktenzeichen", "Familie", "Bereich", "letzter\nKontakt", "nächste\nFrist")
#: The area's short word in the list (the badge colours say it too; the tooltip names it).
AREA_WORDS = {Area.SERVICE: "Leistung", Area.GREY: "Grau", Area.DANGER: "Gefährdung"}
#: Behind an overdue date in the list (the tooltip and the screen reader say "überfällig").
OVERDUE_MARK = "!"

OVERDUE_COLOR = QColor("#b00020")
CLOSED_COLOR = QColor("#6b6b6b")
NO_AREA = "–"
CONFLICT_MARKER = "⚠ Konflikt"
CONFLICT_COLOR = QColor("#8a4b00")

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def conflict_hint(n: int) -> str:
    """The tooltip of a case with ``n`` open conflicts."""
    counted = "1 offener Konflikt" if n == 1 else f"{n} offene Konflikte"
    return f"{counted} – im Konfliktposteingang lösen"


def format_date(value: dt.date | None) -> str:
    """A date as the field writes it (dd.MM.yyyy), empty for none."""
    return value.strftime("%d.%m.%Y") if value else ""


class CaseListModel(QAbstractTableModel):
    """Rows of the case list; replaced as a whole whenever the list is refreshed."""

    def __init__(
        self,
        parent: QObject | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self._rows: list[CaseRow] = []
        self._today = today

    # --- content --------------------------------------------------------------------

    def set_rows(self, rows: list[CaseRow]) -> None:
        """Show ``rows`` instead of what was shown."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[CaseRow]:
        """The rows shown, in order."""
        return list(self._rows)

    def case_at(self, row: int) -> CaseRow | None:
        """The case shown in ``row`` (None outside the list)."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, case_id: str) -> int:
        """The row showing ``case_id``, or -1."""
        for i, r in enumerate(self._rows):
            if r.id == case_id:
                return i
        return -1

    def is_overdue(self, case: CaseRow) -> bool:
        """True when an open case's next deadline has passed."""
        return (
            case.status is CaseStatus.OPEN
            and case.next_deadline is not None
            and case.next_deadline < self._today()
        )

    # --- QAbstractTableModel ----------------------------------------------------------

    @override
    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    @override
    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    @override
    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(HEADERS)
            and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole)
        ):
            if role == Qt.ItemDataRole.DisplayRole:
                return SHOWN_HEADERS[section]
            return HEADERS[section]
        return None

    @override
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        case = self.case_at(index.row())
        column = index.column()
        if case is None or not 0 <= column < len(HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(case, column)
        if role == CASE_ID_ROLE:
            return case.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(case, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{HEADERS[column]}: {self._spoken(case, column) or 'keine Angabe'}"
        if role == Qt.ItemDataRole.BackgroundRole and column == COL_AREA and case.area:
            return QColor(AREA_COLOURS[case.area][0])
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_AREA and case.area:
            return QColor(AREA_COLOURS[case.area][1])
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == COL_DEADLINE and self.is_overdue(case):
                return OVERDUE_COLOR
            if column == COL_FAMILY and case.open_conflicts:
                return CONFLICT_COLOR
            if case.status is CaseStatus.CLOSED:
                return CLOSED_COLOR
        return None

    # --- texts --------------------------------------------------------------------------

    def _text(self, case: CaseRow, column: int) -> str:
        if column == COL_FILE_NUMBER:
            return case.file_number
        if column == COL_FAMILY:
            if case.open_conflicts:
                return f"{case.family_name}  {CONFLICT_MARKER}"
            return case.family_name
        if column == COL_AREA:
            return AREA_WORDS[case.area] if case.area else NO_AREA
        if column == COL_LAST_CONTACT:
            return format_date(case.last_contact.date() if case.last_contact else None)
        # Short, so the column fits beside the others at 1366 px; red and the tooltip say more.
        text = format_date(case.next_deadline)
        return f"{text} {OVERDUE_MARK}" if self.is_overdue(case) else text

    def _spoken(self, case: CaseRow, column: int) -> str:
        """The cell as a screen reader says it: whole words."""
        if column == COL_AREA:
            return case.area.label if case.area else NO_AREA
        if column == COL_DEADLINE and self.is_overdue(case):
            return f"{format_date(case.next_deadline)} (überfällig)"
        return self._text(case, column)

    def _tooltip(self, case: CaseRow, column: int) -> str:
        status = f"Fall {case.file_number}, {case.family_name} ({case.status.label})"
        if column == COL_FAMILY and case.open_conflicts:
            return f"{status}: {conflict_hint(case.open_conflicts)}"
        if column == COL_DEADLINE and case.next_deadline is not None:
            if self.is_overdue(case):
                days = (self._today() - case.next_deadline).days
                return f"{status}: Frist seit {days} Tag{'' if days == 1 else 'en'} überschritten"
            # The earliest open item of any kind, not only a step (Wiedervorlage).
            return (
                f"{status}: nächste Frist am {format_date(case.next_deadline)} "
                "(Strg+T zeigt alle Termine und Fristen)"
            )
        if column == COL_LAST_CONTACT and case.last_contact is not None:
            return f"{status}: letzter Kontakt am {case.last_contact.strftime('%d.%m.%Y, %H:%M')}"
        if column == COL_AREA and case.area is None:
            return f"{status}: noch keine Falleinordnung"
        if column == COL_AREA and case.area is not None:
            return f"{status}: {case.area.label}"
        return status
