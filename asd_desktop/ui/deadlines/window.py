"""The window "Termine und Fristen": every dated item of every case, as list, week and month."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from asd_desktop.domain.enums import DUE_KIND_LABELS, DueKind
from asd_desktop.models.errors import AsdError
from asd_desktop.services.calendar_export import ExportSummary
from asd_desktop.services.deadlines import DeadlineService, DueItem
from asd_desktop.ui.cleartext import CleartextConfirmation
from asd_desktop.ui.deadlines.calendar import MonthView, WeekView
from asd_desktop.ui.deadlines.groups import DueGroup, count_text, group_of
from asd_desktop.ui.deadlines.item_table import DueItemTable
from asd_desktop.ui.deadlines.list_model import DueListModel, item_text
from asd_desktop.ui.operations import Op
from asd_desktop.ui.widgets import german_date

TITLE = "Termine und Fristen"
LIST_TAB, WEEK_TAB, MONTH_TAB = range(3)
ALL_CASES = "alle Fälle"
ALL_KINDS = "alle Arten"
NOT_HERE = (
    "Dieser Termin wird im Fall selbst erledigt (etwa mit der Überprüfung oder dem "
    "Folge-Rat). Die Eingabetaste öffnet den Fall an der richtigen Stelle."
)
EXPORT_NOTE = "Die Datei enthält nur Aktenzeichen und Art des Termins – keine Namen, keine Notizen."
#: The kinds in the order the filter offers them.
KINDS: tuple[DueKind, ...] = tuple(DueKind)


def export_text(summary: ExportSummary) -> str:
    """What the caseworker is told after the export: what was written, and that it has no names."""
    return (
        f"Export in den Bürokalender geschrieben: {summary.path}\n\n"
        f"{count_text(summary.items, 'offener Termin', 'offene Termine und Fristen')} "
        f"(neu: {summary.new}, geändert: {summary.changed}, entfallen: {summary.cancelled}).\n\n"
        "Die Datei ist ein Export ohne Namen: sie enthält nur Aktenzeichen und Art des "
        "Termins, keine Namen und keine Notizen. Sie liegt unverschlüsselt vor. Ein erneuter "
        "Import aktualisiert die Termine im Kalender, statt sie zu verdoppeln."
    )


class CalendarFileDialog:
    """Asks where the office calendar file goes (tests replace :meth:`ask`)."""

    @classmethod
    def ask(cls, parent: QWidget | None, suggested: Path) -> Path | None:
        """The chosen ``.ics`` path, or None when cancelled."""
        name, _filter = QFileDialog.getSaveFileName(
            parent, "Kalender exportieren", str(suggested), "iCalendar-Datei (*.ics)"
        )
        if not name:
            return None
        path = Path(name)
        path = path if path.suffix.lower() == ".ics" else path.with_suffix(".ics")
        return path if CleartextConfirmation.ask(parent, "Der Kalender", path) else None


class DeadlinesWindow(QDialog):
    """Every open dated item across all cases; open its case, mark it done, export it.

    Args:
        service: the deadline service of the open case file.
        export: writes the office calendar to a path (on a worker thread) and returns
            what it wrote; None hides the export button.
        done_by: who marks items done here (stored with the item).
        today: the day that decides what is overdue; tests pass a fixed one.

    Signals:
        open_requested(DueItem): open the item's case at its tab.
        items_changed: an item was marked done or reopened here.
    """

    open_requested = Signal(object)
    items_changed = Signal()

    def __init__(
        self,
        service: DeadlineService,
        parent: QWidget | None = None,
        *,
        export: Callable[[Path], ExportSummary] | None = None,
        done_by: str = "",
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self.setAccessibleName(TITLE)
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._service = service
        self._export = export
        self._done_by = done_by
        self._today = today
        self._all: list[DueItem] = []
        self._shown: list[DueItem] = []
        self.last_done: DueItem | None = None

        self.case_filter = QComboBox()
        self.case_filter.setAccessibleName("Filter Fall")
        self.case_filter.addItem(ALL_CASES, "")
        self.kind_filter = QComboBox()
        self.kind_filter.setAccessibleName("Filter Art des Termins")
        self.kind_filter.addItem(ALL_KINDS, "")
        for kind in KINDS:
            self.kind_filter.addItem(DUE_KIND_LABELS[kind], kind.value)
        self.case_filter.currentIndexChanged.connect(self._apply_filters)
        self.kind_filter.currentIndexChanged.connect(self._apply_filters)
        case_label = QLabel("&Fall:")
        case_label.setBuddy(self.case_filter)
        kind_label = QLabel("A&rt:")
        kind_label.setBuddy(self.kind_filter)
        filters = QHBoxLayout()
        filters.addWidget(case_label)
        filters.addWidget(self.case_filter, 2)
        filters.addWidget(kind_label)
        filters.addWidget(self.kind_filter, 1)

        self.summary_label = QLabel()
        self.summary_label.setAccessibleName("Übersicht der Termine")
        self.summary_label.setWordWrap(True)

        self.list_model = DueListModel(self, today)
        self.list_table = DueItemTable(self.list_model, "Termine und Fristen aller Fälle")
        self.week_view = WeekView(today=today)
        self.month_view = MonthView(today=today)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Ansicht der Termine")
        self.tabs.addTab(self.list_table, "&Liste")
        self.tabs.addTab(self.week_view, "&Woche")
        self.tabs.addTab(self.month_view, "&Monat")
        self.tabs.currentChanged.connect(self._on_tab_changed)
        for number, tab in ((1, LIST_TAB), (2, WEEK_TAB), (3, MONTH_TAB)):
            QShortcut(QKeySequence(f"Ctrl+{number}"), self, lambda tab=tab: self.show_tab(tab))

        self.open_button = QPushButton("Fall &öffnen")
        self.open_button.setAccessibleName("Fall öffnen")
        self.done_button = QPushButton("&Erledigt")
        self.done_button.setAccessibleName("Erledigt")
        self.done_button.setToolTip("Leertaste oder Strg+Eingabe in der Liste")
        self.export_button = QPushButton("Kalender e&xportieren (.ics) …")
        self.export_button.setAccessibleName("Kalender exportieren")
        self.export_button.setToolTip(EXPORT_NOTE)
        self.export_button.setVisible(export is not None)
        self.close_button = QPushButton("S&chließen")
        self.close_button.setAccessibleName("Schließen")
        for button in (self.open_button, self.done_button, self.export_button, self.close_button):
            # Enter belongs to the tables (open the case), never to a default button.
            button.setAutoDefault(False)
            button.setDefault(False)
        self.open_button.clicked.connect(self._open_current)
        self.done_button.clicked.connect(self._done_current)
        self.export_button.clicked.connect(self.export_calendar)
        self.close_button.clicked.connect(self.close)
        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo_done)

        self.message_label = QLabel()
        self.message_label.setAccessibleName("Meldung")
        self.message_label.setWordWrap(True)
        hint = QLabel(
            "Eingabe öffnet den Fall · Leertaste oder Strg+Eingabe: erledigt · Strg+Z nimmt es "
            "zurück · Strg+1/2/3: Liste, Woche, Monat"
        )
        hint.setEnabled(False)
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.done_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message_label)
        layout.addWidget(hint)
        layout.addLayout(buttons)

        for table in self.tables():
            table.open_requested.connect(self.open_requested)
            table.done_requested.connect(self.mark_done)
            table.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self.week_view.week_changed.connect(self._update_buttons)
        self.month_view.calendar.selectionChanged.connect(self._update_buttons)
        self.resize(1100, 660)
        self.reload()
        self.list_table.setFocus()

    # --- reading -------------------------------------------------------------------------

    def tables(self) -> tuple[DueItemTable, ...]:
        """The three tables whose keys act on items: list, week, the month's day."""
        return (self.list_table, self.week_view.table, self.month_view.day_table)

    def reload(self) -> None:
        """Read every open item again (after marking done, or a change in a case)."""
        try:
            self._all = self._service.items()
        except AsdError as exc:
            QMessageBox.warning(self, TITLE, exc.message)
            self._all = []
        self._fill_case_filter()
        self._apply_filters()

    def items(self) -> list[DueItem]:
        """The items shown under the current filters."""
        return list(self._shown)

    def current_item(self) -> DueItem | None:
        """The item at the keyboard's position in the visible view."""
        tab = self.tabs.currentIndex()
        table = self.tables()[tab] if 0 <= tab < len(self.tables()) else self.list_table
        return table.current_item()

    def show_tab(self, tab: int) -> None:
        """Show list, week or month and put the keyboard there."""
        self.tabs.setCurrentIndex(tab)
        self.tabs.currentWidget().setFocus(Qt.FocusReason.ShortcutFocusReason)

    def select_item(self, key: str) -> bool:
        """Put the list's keyboard position on the item ``key``; False if not shown."""
        row = self.list_model.row_of(key)
        if row < 0:
            return False
        self.list_table.selectionModel().setCurrentIndex(
            self.list_model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        return True

    def _fill_case_filter(self) -> None:
        keep = self.case_filter.currentData()
        cases = sorted({(i.file_number, i.family_name, i.case_id) for i in self._all})
        self.case_filter.blockSignals(True)
        self.case_filter.clear()
        self.case_filter.addItem(ALL_CASES, "")
        for file_number, family_name, case_id in cases:
            self.case_filter.addItem(f"{file_number} · {family_name}", case_id)
        index = self.case_filter.findData(keep) if keep else 0
        self.case_filter.setCurrentIndex(max(index, 0))
        self.case_filter.blockSignals(False)

    def _apply_filters(self) -> None:
        case_id = self.case_filter.currentData()
        kind = self.kind_filter.currentData()
        self._shown = [
            i
            for i in self._all
            if (not case_id or i.case_id == case_id) and (not kind or i.kind == kind)
        ]
        current = self.list_table.current_item()
        self.list_model.set_items(self._shown)
        for row in self.list_model.heading_rows():
            self.list_table.setSpan(row, 0, 1, self.list_model.columnCount())
        self.week_view.set_items(self._shown)
        self.month_view.set_items(self._shown)
        if current is None or not self.select_item(current.key):
            first = self.list_model.first_item_row()
            if first >= 0:
                self.list_table.setCurrentIndex(self.list_model.index(first, 0))
        self._update_summary()
        self._update_buttons()

    def _update_summary(self) -> None:
        today = self._today()
        counts = dict.fromkeys(DueGroup, 0)
        for item in self._shown:
            counts[group_of(item.due_on, today)] += 1
        if not self._shown:
            self.summary_label.setText("Keine offenen Termine und Fristen.")
        else:
            self.summary_label.setText(
                f"{counts[DueGroup.OVERDUE]} überfällig · {counts[DueGroup.TODAY]} heute · "
                f"{counts[DueGroup.THIS_WEEK]} diese Woche · {counts[DueGroup.LATER]} später "
                f"({count_text(len(self._shown), 'Termin', 'Termine')})"
            )
        self.list_table.setAccessibleDescription(self.summary_label.text())

    def _update_buttons(self) -> None:
        item = self.current_item()
        self.open_button.setEnabled(item is not None)
        self.done_button.setEnabled(item is not None and item.can_mark_done)

    def _on_tab_changed(self, _tab: int) -> None:
        self._update_buttons()

    # --- acting --------------------------------------------------------------------------

    def _open_current(self) -> None:
        item = self.current_item()
        if item is not None:
            self.open_requested.emit(item)

    def _done_current(self) -> None:
        item = self.current_item()
        if item is not None:
            self.mark_done(item)

    def mark_done(self, item: DueItem) -> bool:
        """Mark ``item`` done today; it leaves the list. False if refused."""
        if not item.can_mark_done:
            self.message_label.setText(NOT_HERE)
            return False
        table = self.tables()[self.tabs.currentIndex()]
        position = table.currentIndex()
        try:
            self._service.mark_done(item.key, self._today(), self._done_by)
        except AsdError as exc:
            QMessageBox.warning(self, "Nicht erledigt", exc.message)
            return False
        self.last_done = item
        self.reload()
        self._keep_position(table, position.row(), position.column())
        self.message_label.setText(
            f"Erledigt: {item_text(item, self._today())}. Strg+Z nimmt es zurück."
        )
        self.items_changed.emit()
        return True

    def undo_done(self) -> None:
        """Open the item marked done last again."""
        item, self.last_done = self.last_done, None
        if item is None:
            return
        try:
            self._service.reopen(item.key)
        except AsdError as exc:
            QMessageBox.warning(self, "Nicht wieder geöffnet", exc.message)
            return
        self.reload()
        self.select_item(item.key)
        self.message_label.setText(f"Wieder offen: {item_text(item, self._today())}.")
        self.items_changed.emit()

    @staticmethod
    def _keep_position(table: DueItemTable, row: int, column: int) -> None:
        model = table.model()
        rows = model.rowCount()
        for candidate in (*range(row, rows), *range(min(row, rows) - 1, -1, -1)):
            index = model.index(candidate, max(column, 0))
            if index.flags() & Qt.ItemFlag.ItemIsEnabled:
                table.setCurrentIndex(index)
                return

    def export_calendar(self) -> Op[ExportSummary] | None:
        """Ask for a file and write the office calendar there, off the GUI thread."""
        export = self._export
        if export is None:
            return None
        suggested = Path.home() / f"termine-{german_date(self._today()).replace('.', '-')}.ics"
        path = CalendarFileDialog.ask(self, suggested)
        if path is None:
            return None
        self.message_label.setText("Der Kalender wird geschrieben …")
        return (
            Op(self, lambda _token: export(path), title="Kalender nicht exportiert")
            .success(self._exported)
            .failure(self._export_failed)
            .run()
        )

    def _exported(self, summary: ExportSummary) -> None:
        self.message_label.setText(f"Der Kalender wurde nach {summary.path} exportiert.")
        QMessageBox.information(self, "Kalender exportiert", export_text(summary))

    def _export_failed(self, error: AsdError) -> None:
        self.message_label.setText("Der Kalender wurde nicht exportiert.")
        QMessageBox.warning(self, "Kalender nicht exportiert", error.message)
