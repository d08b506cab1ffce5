"""The team's Sozialraum catalogue, the explorations and "Tipps und Themen" in one window.

A non-modal window beside the case file: the caseworker can look something up
in the catalogue while a case is open. It closes when the main window locks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from asd_desktop.models.errors import AsdError
from asd_desktop.services.sozialraum import CatalogEntryView, ExplorationView, SozialraumService
from asd_desktop.ui.dialogs.catalog_entry_dialog import CatalogEntryDialog
from asd_desktop.ui.sozialraum_window.common import warn, window_button
from asd_desktop.ui.sozialraum_window.explorations import (
    entry_input,
    record_exploration,
    take_into_catalog,
)
from asd_desktop.ui.sozialraum_window.models import LEARNED_COLUMN, CatalogModel, ExplorationModel
from asd_desktop.ui.sozialraum_window.tips import TipsPreviewDialog
from asd_desktop.ui.table_layout import fit_columns, read_only_table
from asd_desktop.ui.widgets import german_date

WINDOW_TITLE = "Sozialraum-Katalog"
ALL = "alle"
SEARCH_DEBOUNCE_MS = 150


class SozialraumWindow(QDialog):
    """Catalogue with search and filters, explorations, team meeting and the tips list.

    Signals:
        catalog_changed: an entry or exploration was stored or removed.
    """

    catalog_changed = Signal()

    def __init__(self, service: SozialraumService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self.setWindowTitle(WINDOW_TITLE)
        self.setAccessibleName(WINDOW_TITLE)
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(1100, 680)

        # catalogue tab
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText("Suche (Name, Art, Stadtteil, Sprache, Notiz) …")
        self.search_edit.setAccessibleName("Suche im Sozialraum-Katalog")
        self.search_edit.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self.refresh_catalog)
        self.search_edit.textChanged.connect(self._search_timer.start)
        self.search_edit.returnPressed.connect(self.refresh_catalog)
        self.kind_filter = QComboBox()
        self.kind_filter.setAccessibleName("Filter Art")
        self.district_filter = QComboBox()
        self.district_filter.setAccessibleName("Filter Stadtteil")
        self.kind_filter.currentIndexChanged.connect(self.refresh_catalog)
        self.district_filter.currentIndexChanged.connect(self.refresh_catalog)
        self.catalog_model = CatalogModel(self)
        self.catalog_table = read_only_table(self.catalog_model, "Sozialraum-Katalog", QTableView())
        # Name, contact and opening hours are what a caseworker looks up; the name leads.
        fit_columns(
            self.catalog_table,
            CatalogModel.NAME,
            {
                CatalogModel.KIND: 120,
                CatalogModel.DISTRICT: 110,
                CatalogModel.LANGUAGES: 110,
                CatalogModel.CONTACT: 220,
                CatalogModel.HOURS: 200,
            },
            key_min=180,
        )
        self.catalog_table.activated.connect(self._on_entry_activated)
        self.count_label = QLabel()
        self.count_label.setAccessibleName("Anzahl der Einträge")

        self.new_entry_button = window_button("&Neuer Eintrag…", "Neuer Katalogeintrag")
        self.new_entry_button.clicked.connect(self.new_entry)
        self.edit_entry_button = window_button("&Bearbeiten…", "Katalogeintrag bearbeiten")
        self.edit_entry_button.clicked.connect(self.edit_entry)
        self.verify_button = window_button("Als &geprüft markieren", "Als geprüft markieren")
        self.verify_button.clicked.connect(self.mark_verified)
        self.remove_entry_button = window_button("&Entfernen…", "Katalogeintrag entfernen")
        self.remove_entry_button.clicked.connect(self.remove_entry)

        kind_label = QLabel("&Art:")
        kind_label.setBuddy(self.kind_filter)
        district_label = QLabel("S&tadtteil:")
        district_label.setBuddy(self.district_filter)
        search_label = QLabel("S&uche:")
        search_label.setBuddy(self.search_edit)
        filters = QHBoxLayout()
        filters.addWidget(search_label)
        filters.addWidget(self.search_edit, 3)
        filters.addWidget(kind_label)
        filters.addWidget(self.kind_filter, 1)
        filters.addWidget(district_label)
        filters.addWidget(self.district_filter, 1)
        entry_buttons = QHBoxLayout()
        for b in (
            self.new_entry_button,
            self.edit_entry_button,
            self.verify_button,
            self.remove_entry_button,
        ):
            entry_buttons.addWidget(b)
        entry_buttons.addStretch(1)
        entry_buttons.addWidget(self.count_label)
        catalog_page = QWidget()
        catalog_page.setAccessibleName("Katalog")
        catalog_layout = QVBoxLayout(catalog_page)
        catalog_layout.addLayout(filters)
        catalog_layout.addWidget(self.catalog_table, 1)
        catalog_layout.addLayout(entry_buttons)

        # explorations tab
        self.exploration_model = ExplorationModel(self)
        self.exploration_table = read_only_table(
            self.exploration_model, "Sozialraum-Erkundungen", QTableView()
        )
        # What was learned gets the room; the other columns fit their content.
        fit_columns(
            self.exploration_table,
            LEARNED_COLUMN,
            {ExplorationModel.HEADERS.index("Im Katalog"): 160},
        )
        self.new_exploration_button = window_button(
            "&Neue Erkundung…", "Neue Zehn-Minuten-Sozialraumerkundung"
        )
        self.new_exploration_button.clicked.connect(self.new_exploration)
        self.to_catalog_button = window_button(
            "&In den Katalog übernehmen…", "Erkundung in den Katalog übernehmen"
        )
        self.to_catalog_button.clicked.connect(self.exploration_to_catalog)
        exploration_buttons = QHBoxLayout()
        exploration_buttons.addWidget(self.new_exploration_button)
        exploration_buttons.addWidget(self.to_catalog_button)
        exploration_buttons.addStretch(1)
        exploration_page = QWidget()
        exploration_page.setAccessibleName("Erkundungen")
        exploration_layout = QVBoxLayout(exploration_page)
        hint = QLabel(
            "Zehn-Minuten-Sozialraumerkundung: nach einer Beratung oder einem Hausbesuch "
            "notieren, was man über den Stadtteil erfahren hat."
        )
        hint.setWordWrap(True)
        exploration_layout.addWidget(hint)
        exploration_layout.addWidget(self.exploration_table, 1)
        exploration_layout.addLayout(exploration_buttons)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Sozialraum")
        self.tabs.addTab(catalog_page, "&Katalog")
        self.tabs.addTab(exploration_page, "E&rkundungen")

        # team meeting
        self.meeting_label = QLabel()
        self.meeting_label.setAccessibleName("Letzte Teamsitzung")
        self.meeting_button = window_button("Team&sitzung festhalten", "Teamsitzung festhalten")
        self.meeting_button.clicked.connect(self.record_team_meeting)
        self.tips_button = window_button("Tipps und Themen &drucken…", "Tipps und Themen drucken")
        self.tips_button.clicked.connect(self.print_tips)
        self.close_button = window_button("S&chließen", "Sozialraum-Katalog schließen")
        self.close_button.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.meeting_label, 1)
        bottom.addWidget(self.meeting_button)
        bottom.addWidget(self.tips_button)
        bottom.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        self.reload()
        self.search_edit.setFocus()

    # --- loading --------------------------------------------------------------------------

    def reload(self) -> None:
        """Reload filters, tables and the last meeting."""
        self._fill_filter(self.kind_filter, self._service.kinds())
        self._fill_filter(self.district_filter, self._service.districts())
        self.refresh_catalog()
        self.refresh_explorations()
        self._show_meeting()

    @staticmethod
    def _fill_filter(combo: QComboBox, items: Sequence[str]) -> None:
        current = combo.currentText()
        combo.blockSignals(True)
        combo.clear()
        combo.addItems([ALL, *items])
        index = combo.findText(current)
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    @Slot()
    def refresh_catalog(self, select_id: str | None = None) -> None:
        """Show the entries matching the search and the filters."""
        self._search_timer.stop()
        keep = select_id or (e.id if (e := self.selected_entry()) else None)
        kind = self.kind_filter.currentText()
        district = self.district_filter.currentText()
        try:
            rows = self._service.search(
                self.search_edit.text(),
                kind=None if kind in ("", ALL) else kind,
                district=None if district in ("", ALL) else district,
            )
        except AsdError as exc:
            warn(self, "Sozialraum-Katalog", exc)
            return
        self.catalog_model.set_rows(rows)
        n = len(rows)
        self.count_label.setText("1 Eintrag" if n == 1 else f"{n} Einträge")
        ids = [r.id for r in rows]
        if keep in ids:
            self.catalog_table.selectRow(ids.index(keep))
        elif rows:
            self.catalog_table.selectRow(0)

    def refresh_explorations(self, select_id: str | None = None) -> None:
        """Show the explorations, newest first."""
        rows = self._service.explorations()
        self.exploration_model.set_rows(rows)
        ids = [r.id for r in rows]
        if select_id in ids:
            self.exploration_table.selectRow(ids.index(select_id))
        elif rows:
            self.exploration_table.selectRow(0)

    def _show_meeting(self) -> None:
        last = self._service.last_team_meeting()
        self.meeting_label.setText(
            f"Letzte Teamsitzung: {german_date(last)}"
            if last
            else "Noch keine Teamsitzung festgehalten."
        )

    def selected_entry(self) -> CatalogEntryView | None:
        """The catalogue entry selected in the table, if any."""
        rows = self.catalog_table.selectionModel().selectedRows()
        return self.catalog_model.row_value(rows[0].row()) if rows else None

    def selected_exploration(self) -> ExplorationView | None:
        """The exploration selected in the table, if any."""
        rows = self.exploration_table.selectionModel().selectedRows()
        return self.exploration_model.row_value(rows[0].row()) if rows else None

    # --- catalogue commands ---------------------------------------------------------------

    @Slot()
    def new_entry(self) -> None:
        """Ask for a new entry and store it."""
        value = CatalogEntryDialog.ask(
            self, self._service.kinds(), self._service.districts(), None, "Neuer Katalogeintrag"
        )
        if value is None:
            return
        try:
            stored = self._service.add_entry(value)
        except AsdError as exc:
            warn(self, "Eintrag nicht gespeichert", exc)
            return
        self._after_change(stored.id)

    @Slot(QModelIndex)
    def _on_entry_activated(self, _index: QModelIndex) -> None:
        self.edit_entry()

    @Slot()
    def edit_entry(self) -> None:
        """Change the selected entry."""
        entry = self.selected_entry()
        if entry is None:
            return
        value = CatalogEntryDialog.ask(
            self,
            self._service.kinds(),
            self._service.districts(),
            entry_input(entry),
            f"Katalogeintrag bearbeiten: {entry.name}",
        )
        if value is None:
            return
        try:
            self._service.update_entry(entry.id, value)
        except AsdError as exc:
            warn(self, "Eintrag nicht gespeichert", exc)
            return
        self._after_change(entry.id)

    @Slot()
    def mark_verified(self) -> None:
        """Mark the selected entry as checked today."""
        entry = self.selected_entry()
        if entry is None:
            return
        try:
            self._service.mark_verified(entry.id)
        except AsdError as exc:
            warn(self, "Nicht als geprüft markiert", exc)
            return
        self._after_change(entry.id)

    @Slot()
    def remove_entry(self) -> None:
        """Take the selected entry out of the catalogue after asking."""
        entry = self.selected_entry()
        if entry is None:
            return
        answer = QMessageBox.question(
            self,
            "Eintrag entfernen",
            f"»{entry.name}« aus dem Sozialraum-Katalog entfernen? Das gilt für das ganze Team.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self._service.remove_entry(entry.id)
        except AsdError as exc:
            warn(self, "Eintrag nicht entfernt", exc)
            return
        self._after_change(None)

    def _after_change(self, entry_id: str | None) -> None:
        self._fill_filter(self.kind_filter, self._service.kinds())
        self._fill_filter(self.district_filter, self._service.districts())
        self.refresh_catalog(select_id=entry_id)
        self.refresh_explorations()
        self.catalog_changed.emit()

    # --- explorations ---------------------------------------------------------------------

    @Slot()
    def new_exploration(self) -> None:
        """The Zehn-Minuten form; optionally straight into the catalogue."""
        stored = record_exploration(self, self._service)
        if stored is None:
            return
        self.tabs.setCurrentIndex(1)
        self._after_change(stored.catalog_entry_id)
        self.refresh_explorations(select_id=stored.id)

    @Slot()
    def exploration_to_catalog(self) -> None:
        """Turn the selected exploration into an entry (or update its entry)."""
        exploration = self.selected_exploration()
        if exploration is None:
            return
        entry = take_into_catalog(self, self._service, exploration)
        if entry is None:
            return
        self._after_change(entry.id)
        self.refresh_explorations(select_id=exploration.id)

    # --- team meeting ---------------------------------------------------------------------

    @Slot()
    def record_team_meeting(self) -> None:
        """Note today's team meeting; the tips list then starts afresh."""
        try:
            self._service.record_team_meeting()
        except AsdError as exc:
            warn(self, "Teamsitzung nicht festgehalten", exc)
            return
        self._show_meeting()

    @Slot()
    def print_tips(self) -> None:
        """Build the list for today's meeting and show it for printing or saving."""
        today = dt.date.today()
        try:
            tips = self._service.tips_since()
            content = self._service.tips_pdf(tips, today)
        except AsdError as exc:
            warn(self, "Tipps und Themen", exc)
            return
        TipsPreviewDialog.show_tips(self, self._service, content, today)
