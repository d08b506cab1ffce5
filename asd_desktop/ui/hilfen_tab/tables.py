"""The Hilfen tab's two tables: helps and Hilfeplangespräche."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QWidget,
)
from typing_extensions import override

from asd_desktop.domain.hilfen import END_REASON_LABELS, end_reason, format_euros
from asd_desktop.services.hilfen import (
    HilfeView,
    MeetingView,
)
from asd_desktop.ui.rows_model import DISPLAY, RowsModel, one_line
from asd_desktop.ui.widgets import german_date

OVERDUE_RED = "#b00020"


def period_text(h: HilfeView) -> str:
    """The period: seit 02.03.2026 (geplant bis 01.03.2027), or 02.03.2026 – 30.09.2026."""
    if h.end_on is not None:
        return f"{german_date(h.start_on)} – {german_date(h.end_on)}"
    planned = f" (geplant bis {german_date(h.planned_end_on)})" if h.planned_end_on else ""
    return f"seit {german_date(h.start_on)}{planned}"


def status_text(h: HilfeView) -> str:
    """Running or ended, and why: läuft, or beendet: Ziele erreicht."""
    if h.end_on is None:
        return "läuft"
    reason = end_reason(h.end_reason)
    return f"beendet: {END_REASON_LABELS[reason]}" if reason else "beendet"


class HilfenModel(RowsModel[HilfeView]):
    """The case's helps, running ones first."""

    KIND, GROUP, PROVIDER, PERIOD, COST, STATUS = range(6)
    HEADERS = ("Art der Hilfe", "Gruppe", "Träger", "Zeitraum", "Kosten/Monat", "Stand")

    @override
    def texts(self, value: HilfeView) -> tuple[str, ...]:
        return (
            value.kind_display,
            value.group.label if value.group else "",
            value.provider or "–",
            period_text(value),
            format_euros(value.cost.per_month_cents) or "–",
            status_text(value),
        )


class MeetingsModel(RowsModel[MeetingView]):
    """The case's Hilfeplangespräche, newest first; an overdue next date in red."""

    HELD, HILFE, PEOPLE, GOALS, TASKS, NEXT = range(6)
    HEADERS = ("Am", "Hilfe", "Beteiligte", "Ziele", "Aufgaben", "Nächstes Gespräch")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = dt.date.today()
        self.hilfe_names: dict[str, str] = {}
        self.newest_id = ""

    def _overdue(self, value: MeetingView) -> bool:
        return (
            value.id == self.newest_id and value.next_on is not None and value.next_on < self.today
        )

    @override
    def cell(self, value: MeetingView, row: int, column: int, role: int) -> object:
        if role == DISPLAY:
            next_text = german_date(value.next_on) if value.next_on else "–"
            if self._overdue(value):
                next_text += " (überfällig)"
            return {
                self.HELD: german_date(value.held_on),
                self.HILFE: self.hilfe_names.get(value.hilfe_id or "", "–"),
                self.PEOPLE: one_line(", ".join(p.name for p in value.participants)),
                self.GOALS: str(len(value.goals)),
                self.TASKS: str(len(value.tasks)),
                self.NEXT: next_text,
            }.get(column)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.NEXT and self._overdue(value):
            return QBrush(QColor(OVERDUE_RED))
        if role == Qt.ItemDataRole.ToolTipRole and column == self.PEOPLE:
            return "\n".join(
                f"{p.name} ({p.role})" if p.role else p.name for p in value.participants
            )
        return None
