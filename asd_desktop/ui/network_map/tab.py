"""The case tab "Netzwerkkarte": the drawing, the same entries as a list, versions over time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSlider,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from asd_desktop.domain.network import (
    HORIZON_LABELS,
    HORIZONS,
    SECTOR_SHORT,
    SECTORS,
    EntrySource,
    MapEntry,
    Place,
    Sector,
    clamp_horizon,
    figures,
    neighbour,
)
from asd_desktop.models.errors import AsdError, ValidationError
from asd_desktop.models.progress import OperationToken
from asd_desktop.services.cases import CaseDetail
from asd_desktop.services.network import (
    EntryView,
    MapPicture,
    MapView,
    NetworkService,
    VersionView,
)
from asd_desktop.ui.cleartext import CleartextConfirmation
from asd_desktop.ui.dialogs.catalog_pick_dialog import CatalogSearch
from asd_desktop.ui.network_map.canvas import NetworkCanvas
from asd_desktop.ui.network_map.dialogs import (
    AddEntryDialog,
    ChangesDialog,
    DeleteMapDialog,
    GoalsDialog,
    NewMapDialog,
    RelationDialog,
    SaveVersionDialog,
)
from asd_desktop.ui.network_map.painter import picture_image, png_bytes
from asd_desktop.ui.operations import Op
from asd_desktop.ui.pdf_preview import PrinterChoice, SaveTarget, print_pdf
from asd_desktop.ui.widgets import buddy

R = TypeVar("R")

COLUMNS = ("Name", "Sektor", "Nähe", "Unterstützung", "Ziele")


class PngTarget:
    """Where to save the picture; tests replace :meth:`ask`."""

    @classmethod
    def ask(cls, parent: QWidget | None, suggested_name: str) -> Path | None:
        """The chosen .png file, or None if cancelled."""
        path, _ = QFileDialog.getSaveFileName(
            parent, "Bild speichern unter", suggested_name, "PNG-Bilder (*.png)"
        )
        if not path:
            return None
        chosen = Path(path)
        chosen = chosen if chosen.suffix.lower() == ".png" else chosen.with_suffix(".png")
        confirmed = CleartextConfirmation.ask(parent, "Das Bild der Netzwerkkarte", chosen)
        return chosen if confirmed else None


def entry_support_text(e: EntryView) -> str:
    """The relation in words for the list: "emotional, Information (gibt); Konflikt"."""
    parts = []
    if e.supports:
        kinds = ", ".join(s.label for s in e.supports)
        parts.append(f"{kinds} ({e.direction.label})")
    if e.conflict:
        parts.append("Konflikt")
    return "; ".join(parts) or "–"


class NetworkMapTab(QWidget):
    """Draw a family's network with them: by mouse or keyboard, saved as dated versions.

    Signals:
        network_changed(str): the case id, after anything was stored.
        saved(str): what was stored, for the status bar.
    """

    network_changed = Signal(str)
    saved = Signal(str)

    def __init__(
        self,
        network: NetworkService,
        parent: QWidget | None = None,
        *,
        catalog: CatalogSearch | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self._network = network
        self._catalog = catalog
        self._today = today
        self._detail: CaseDetail | None = None
        self._maps: list[MapView] = []
        self._entries: list[EntryView] = []
        self._versions: list[VersionView] = []
        self._loading = False

        self.map_combo = QComboBox()
        self.new_map_button = QPushButton("Neue Karte …")
        self.new_map_button.setAccessibleName("Neue Netzwerkkarte anlegen")
        self.delete_map_button = QPushButton("Karte löschen …")
        self.delete_map_button.setAccessibleName("Gewählte Netzwerkkarte löschen")
        self.delete_map_button.setToolTip("Die gewählte Karte löschen (Entf in der Kartenauswahl)")
        #: Entf while the map choice has the focus asks to delete the chosen map.
        self.delete_map_action = QAction("Karte löschen …", self.map_combo)
        self.delete_map_action.setShortcut(QKeySequence(Qt.Key.Key_Delete))
        self.delete_map_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.map_combo.addAction(self.delete_map_action)
        self.version_slider = QSlider(Qt.Orientation.Horizontal)
        self.version_slider.setPageStep(1)
        self.version_slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.version_label = QLabel()
        self.version_label.setMinimumWidth(230)
        self.version_label.setAccessibleName("Gezeigte Fassung")
        top = QHBoxLayout()
        top.addWidget(buddy("Karte:", self.map_combo, "Netzwerkkarte"))
        top.addWidget(self.map_combo, 1)
        top.addWidget(self.new_map_button)
        top.addWidget(self.delete_map_button)
        top.addSpacing(16)
        top.addWidget(buddy("Fa&ssung:", self.version_slider, "Fassung (Zeitleiste)"))
        top.addWidget(self.version_slider, 1)
        top.addWidget(self.version_label)

        self.canvas = NetworkCanvas()
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setAccessibleName("Einträge der Netzwerkkarte")
        self.table.setAccessibleDescription(
            "Dieselben Einträge wie in der Zeichnung; Sektor und Nähe darunter ändern."
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.sector_combo = QComboBox()
        self.sector_combo.addItems([s.label for s in SECTORS])
        self.horizon_combo = QComboBox()
        self.horizon_combo.addItems([HORIZON_LABELS[h] for h in HORIZONS])
        where = QFormLayout()
        where.addRow(
            buddy("Sek&tor:", self.sector_combo, "Sektor des gewählten Eintrags"),
            self.sector_combo,
        )
        where.addRow(
            buddy("Nähe (Hori&zont):", self.horizon_combo, "Nähe des gewählten Eintrags"),
            self.horizon_combo,
        )

        self.add_button = QPushButton("Hinzuf&ügen …")
        self.add_button.setAccessibleName("Eintrag hinzufügen")
        self.relation_button = QPushButton("Bez&iehung …")
        self.relation_button.setAccessibleName("Beziehung des Eintrags")
        self.goals_button = QPushButton("Zi&ele …")
        self.goals_button.setAccessibleName("Ziele, die der Eintrag unterstützt")
        self.remove_button = QPushButton("Entfernen")
        self.remove_button.setAccessibleName("Eintrag von der Karte entfernen")
        self.save_version_button = QPushButton("Fassung s&peichern …")
        self.save_version_button.setAccessibleName("Fassung der Netzwerkkarte speichern")
        self.changes_button = QPushButton("Was hat sich &verändert? …")
        self.pdf_button = QPushButton("PDF spei&chern …")
        self.print_button = QPushButton("Drucken …")
        self.png_button = QPushButton("Als Bild (PN&G) …")
        self.png_button.setAccessibleName("Als Bild (PNG) speichern, z. B. für den Hilfeplan")
        buttons = QGridLayout()
        for n, b in enumerate(
            (
                self.add_button,
                self.relation_button,
                self.goals_button,
                self.remove_button,
                self.save_version_button,
                self.changes_button,
                self.pdf_button,
                self.png_button,
                self.print_button,
            )
        ):
            buttons.addWidget(b, n // 2, n % 2)
        #: Resources found in the Zielerarbeitung that are not on the map yet.
        self.resources_hint = QLabel()
        self.resources_hint.setWordWrap(True)
        self.resources_hint.setAccessibleName("Ressourcen, die noch nicht auf der Karte sind")
        self.resources_hint.setStyleSheet("color: #8a4b00;")
        self.resources_hint.hide()
        self.figures_label = QLabel()
        self.figures_label.setWordWrap(True)
        self.figures_label.setAccessibleName("Zahlen zur gezeigten Fassung")
        self.figures_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(buddy("Eintr&äge:", self.table, "Einträge der Netzwerkkarte"))
        side_layout.addWidget(self.table, 1)
        side_layout.addWidget(self.resources_hint)
        side_layout.addLayout(where)
        side_layout.addLayout(buttons)
        side_layout.addWidget(self.figures_label)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.canvas)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        # The map is limited by the height: the list beside it gets the rest of the width.
        self.splitter.setSizes([600, 700])
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        self.setTabOrder(self.map_combo, self.new_map_button)
        self.setTabOrder(self.new_map_button, self.delete_map_button)
        self.setTabOrder(self.delete_map_button, self.version_slider)
        self.setTabOrder(self.version_slider, self.canvas)
        self.setTabOrder(self.canvas, self.table)
        self.setTabOrder(self.table, self.sector_combo)
        self.setTabOrder(self.sector_combo, self.horizon_combo)
        self.setTabOrder(self.horizon_combo, self.add_button)

        self.map_combo.currentIndexChanged.connect(self._on_map_chosen)
        self.new_map_button.clicked.connect(self.new_map)
        self.delete_map_button.clicked.connect(self.delete_map)
        self.delete_map_action.triggered.connect(self.delete_map)
        self.version_slider.valueChanged.connect(self._on_version)
        self.canvas.entry_selected.connect(self._select_row)
        self.canvas.entry_dropped.connect(self._on_dropped)
        self.canvas.key_move.connect(self.move_by_key)
        self.canvas.relation_requested.connect(lambda _id: self.edit_relation())
        self.canvas.remove_requested.connect(lambda _id: self.remove_entry())
        self.table.currentCellChanged.connect(lambda row, *_: self._on_row(row))
        self.table.cellActivated.connect(lambda *_: self.edit_relation())
        self.sector_combo.activated.connect(self._on_where_chosen)
        self.horizon_combo.activated.connect(self._on_where_chosen)
        self.add_button.clicked.connect(self.add_entry)
        self.relation_button.clicked.connect(self.edit_relation)
        self.goals_button.clicked.connect(self.edit_goals)
        self.remove_button.clicked.connect(self.remove_entry)
        self.save_version_button.clicked.connect(self.save_version)
        self.changes_button.clicked.connect(self.show_changes)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.print_button.clicked.connect(self.print_map)
        self.png_button.clicked.connect(self.save_png)
        self.clear()

    # --- showing ---------------------------------------------------------------------------

    @override
    def showEvent(self, event: QShowEvent) -> None:
        # Goals agreed or resources added in the Zielerarbeitung show when the tab is opened.
        super().showEvent(event)
        if self._detail is not None and self.showing_current():
            self.reload()

    def clear(self) -> None:
        """No case shown."""
        self._detail = None
        self._maps, self._entries, self._versions = [], [], []
        self._loading = True
        try:
            self.map_combo.clear()
            self.version_slider.setRange(0, 0)
        finally:
            self._loading = False
        self.canvas.show_map([], "")
        self.table.setRowCount(0)
        self.figures_label.clear()
        self.version_label.clear()
        self._update_buttons()

    def show_case(self, detail: CaseDetail) -> None:
        """Show the case's maps (the one shown before stays chosen)."""
        shown = self.current_map()
        same = self._detail is not None and self._detail.id == detail.id
        keep = shown.id if shown is not None and same else ""
        self._detail = detail
        self._load_maps(keep)

    def _load_maps(self, keep: str = "") -> None:
        if self._detail is None:
            return
        self._maps = self._network.maps(self._detail.id)
        self._loading = True
        try:
            self.map_combo.clear()
            for m in self._maps:
                self.map_combo.addItem(m.heading)
            index = next((n for n, m in enumerate(self._maps) if m.id == keep), 0)
            if self._maps:
                self.map_combo.setCurrentIndex(index)
        finally:
            self._loading = False
        self.reload()

    def current_map(self) -> MapView | None:
        """The map chosen in the combo box."""
        row = self.map_combo.currentIndex()
        return self._maps[row] if 0 <= row < len(self._maps) else None

    def showing_current(self) -> bool:
        """True when the slider stands on the map as it is now (editable)."""
        return self.version_slider.value() >= len(self._versions)

    def reload(self, select: str | None = None) -> None:
        """Read the chosen map again; the slider goes to "now"."""
        m = self.current_map()
        keep = select if select is not None else self.canvas.selected()
        if m is None:
            self._entries, self._versions = [], []
            self.canvas.show_map(
                [], "", banner="Noch keine Netzwerkkarte – »Neue Karte …« legt eine an."
            )
            self.table.setRowCount(0)
            self.figures_label.clear()
            self.version_label.setText("–")
            self._update_buttons()
            return
        self._entries = self._network.entries(m.id)
        self._versions = self._network.versions(m.id)
        waiting = [
            c.name
            for c in self._network.candidates(m.id)
            if c.source is EntrySource.RESOURCE and not c.on_map
        ]
        self.resources_hint.setText(
            "Aus der Zielerarbeitung, noch nicht auf der Karte: "
            + "; ".join(waiting)
            + " – mit »Hinzufügen …« eintragen."
        )
        self.resources_hint.setVisible(bool(waiting))
        self._loading = True
        try:
            self.version_slider.setRange(0, len(self._versions))
            self.version_slider.setValue(len(self._versions))
        finally:
            self._loading = False
        self._show_drawing(keep)

    def _drawing(self) -> tuple[list[MapEntry], str, str]:
        """Entries, centre name and the label of what the slider shows."""
        m = self.current_map()
        assert m is not None
        if self.showing_current():
            return (
                [e.as_map_entry() for e in self._entries],
                m.centre_name,
                f"aktueller Stand ({len(self._versions)} Fassung"
                f"{'' if len(self._versions) == 1 else 'en'} gespeichert)",
            )
        v = self._versions[self.version_slider.value()]
        review = f" · {v.review_label}" if v.review_label else ""
        return list(v.entries), v.centre_name, f"{v.title}{review}"

    def _show_drawing(self, select: str = "") -> None:
        if self.current_map() is None:
            return
        entries, centre, label = self._drawing()
        current = self.showing_current()
        self.version_label.setText(label)
        self.version_slider.setAccessibleDescription(label)
        self.canvas.show_map(
            entries,
            centre,
            read_only=not current,
            banner="" if current else f"{label} – nur ansehen",
        )
        self._fill_table(entries)
        self.figures_label.setText("\n".join(figures(entries).lines()))
        if select and any(e.id == select for e in entries):
            self.canvas.select(select)
            self._select_row(select)
        self._update_buttons()

    def _fill_table(self, entries: Sequence[MapEntry]) -> None:
        self._loading = True
        try:
            self.table.setRowCount(len(entries))
            views = {e.id: e for e in self._entries}
            for row, e in enumerate(entries):
                view = views.get(e.id)
                if view is not None and self.showing_current():
                    support = entry_support_text(view)
                else:
                    kinds = ", ".join(s.label for s in e.supports)
                    support = "; ".join(p for p in (kinds, "Konflikt" * e.conflict) if p) or "–"
                goals = ", ".join(g.split(":", 1)[0] for g in e.goals) or "–"
                cells = (e.name, SECTOR_SHORT[e.sector], HORIZON_LABELS[e.horizon], support, goals)
                for col, text in enumerate(cells):
                    item = QTableWidgetItem(text)
                    item.setData(Qt.ItemDataRole.UserRole, e.id)
                    if col == 1:
                        item.setToolTip(e.sector.label)
                    if col == 4 and e.goals:
                        item.setToolTip("\n".join(e.goals))
                    self.table.setItem(row, col, item)
            self.table.resizeRowsToContents()
        finally:
            self._loading = False

    def _update_buttons(self) -> None:
        has_map = self.current_map() is not None and self._detail is not None
        editable = has_map and self.showing_current()
        chosen = editable and bool(self.selected_entry())
        self.new_map_button.setEnabled(self._detail is not None)
        self.delete_map_button.setEnabled(has_map)
        self.delete_map_action.setEnabled(has_map)
        self.add_button.setEnabled(editable)
        for w in (
            self.relation_button,
            self.goals_button,
            self.remove_button,
            self.sector_combo,
            self.horizon_combo,
        ):
            w.setEnabled(chosen)
        self.save_version_button.setEnabled(editable)
        self.changes_button.setEnabled(has_map and bool(self._versions))
        for b in (self.pdf_button, self.print_button, self.png_button):
            b.setEnabled(has_map)
        self.version_slider.setEnabled(has_map and bool(self._versions))

    # --- selection -------------------------------------------------------------------------

    def selected_entry(self) -> EntryView | None:
        """The chosen entry of the map as it is now (None while a saved version is shown)."""
        chosen = self.canvas.selected()
        return next((e for e in self._entries if e.id == chosen), None)

    def select_entry(self, entry_id: str) -> None:
        """Choose an entry in the drawing and the list."""
        self.canvas.select(entry_id)
        self._select_row(entry_id)

    def _select_row(self, entry_id: str) -> None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == entry_id:
                if self.table.currentRow() != row:
                    self._loading = True
                    try:
                        self.table.setCurrentCell(row, 0)
                    finally:
                        self._loading = False
                break
        entry = self.selected_entry()
        if entry is not None:
            self.sector_combo.setCurrentIndex(SECTORS.index(entry.sector))
            self.horizon_combo.setCurrentIndex(HORIZONS.index(entry.horizon))
        self._update_buttons()

    def _on_row(self, row: int) -> None:
        if self._loading:
            return
        item = self.table.item(row, 0)
        if item is not None:
            self.canvas.select(str(item.data(Qt.ItemDataRole.UserRole)))
            self._select_row(str(item.data(Qt.ItemDataRole.UserRole)))

    # --- changing --------------------------------------------------------------------------

    def _attempt(self, action: Callable[[], R], done: str = "") -> R | None:
        try:
            result = action()
        except AsdError as exc:
            text = (
                "\n".join(exc.problems.values())
                if isinstance(exc, ValidationError)
                else exc.message
            )
            QMessageBox.warning(self, "Netzwerkkarte", text)
            self.reload()
            return None
        if self._detail is not None:
            self.network_changed.emit(self._detail.id)
        if done:
            self.saved.emit(done)
        return result

    def _on_map_chosen(self, _row: int) -> None:
        if not self._loading:
            self.reload(select="")

    def _on_version(self, _value: int) -> None:
        if not self._loading:
            self._show_drawing(self.canvas.selected())

    def new_map(self) -> None:
        """Start a map around a person of the case."""
        detail = self._detail
        if detail is None:
            return
        answer = NewMapDialog.ask(self, detail.persons)
        if answer is None:
            return
        person, name, title = answer
        made = self._attempt(
            lambda: self._network.create_map(detail.id, person, name, title, self._today()),
            "Netzwerkkarte angelegt",
        )
        if made is not None:
            self._load_maps(made.id)
            self.add_button.setFocus()

    def delete_map(self) -> None:
        """Delete the chosen map with its entries and versions, after asking."""
        m = self.current_map()
        if m is None or self._detail is None:
            return
        try:
            size = self._network.map_size(m.id)
        except AsdError as exc:
            QMessageBox.warning(self, "Netzwerkkarte", exc.message)
            self._load_maps()
            return
        if not DeleteMapDialog.ask(self, m, size):
            self.map_combo.setFocus()
            return
        gone = self._attempt(
            lambda: self._network.delete_map(m.id), f"Netzwerkkarte gelöscht: {m.heading}"
        )
        if gone is None:
            return
        self._load_maps()
        (self.map_combo if self._maps else self.new_map_button).setFocus()

    def add_entry(self) -> None:
        """Put someone on the map."""
        m = self.current_map()
        if m is None or not self.showing_current():
            return
        value = AddEntryDialog.ask(self, self._network.candidates(m.id), self._catalog)
        if value is None:
            return
        added = self._attempt(
            lambda: self._network.add_entry(m.id, value), f"Auf der Karte: {value.name.strip()}"
        )
        if added is not None:
            self.reload(select=added.id)

    def _on_dropped(self, entry_id: str, place: Place) -> None:
        self._move(entry_id, place.sector, place.horizon, place.spot)

    def _move(self, entry_id: str, sector: Sector, horizon: int, spot: float | None) -> None:
        moved = self._attempt(lambda: self._network.move_entry(entry_id, sector, horizon, spot))
        if moved is not None:
            self.reload(select=entry_id)

    def move_by_key(self, entry_id: str, how: str) -> None:
        """Move an entry to a neighbouring sector or one horizon closer or further."""
        entry = next((e for e in self._entries if e.id == entry_id), None)
        if entry is None or not self.showing_current():
            return
        if how in ("closer", "further"):
            horizon = clamp_horizon(entry.horizon + (-1 if how == "closer" else 1))
            if horizon != entry.horizon:
                self._move(entry_id, entry.sector, horizon, entry.spot)
            return
        sector = neighbour(entry.sector, how)
        if sector is not entry.sector:
            self._move(entry_id, sector, entry.horizon, None)

    def _on_where_chosen(self, _index: int) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        sector = SECTORS[max(0, self.sector_combo.currentIndex())]
        horizon = HORIZONS[max(0, self.horizon_combo.currentIndex())]
        if (sector, horizon) != (entry.sector, entry.horizon):
            spot = entry.spot if sector is entry.sector else None
            self._move(entry.id, sector, horizon, spot)

    def edit_relation(self) -> None:
        """Kinds of support, direction and conflict of the chosen entry."""
        entry = self.selected_entry()
        if entry is None or not self.showing_current():
            return
        value = RelationDialog.ask(self, entry)
        if value is None:
            return
        if self._attempt(
            lambda: self._network.set_relation(entry.id, value),
            f"Beziehung gespeichert ({entry.name})",
        ):
            self.reload(select=entry.id)

    def edit_goals(self) -> None:
        """Which Handlungsziele the chosen entry supports."""
        entry = self.selected_entry()
        if entry is None or self._detail is None:
            return
        goals = self._network.goals(self._detail.id)
        if not goals:
            QMessageBox.information(
                self,
                "Netzwerkkarte",
                "Der Fall hat noch keine Handlungsziele. Sie entstehen in der Zielerarbeitung "
                "(Reiter »Wille & Ziele«).",
            )
            return
        chosen = GoalsDialog.ask(self, entry, goals)
        if chosen is None:
            return
        if self._attempt(
            lambda: self._network.set_entry_goals(entry.id, chosen),
            f"Ziele zugeordnet ({entry.name})",
        ):
            self.reload(select=entry.id)

    def remove_entry(self) -> None:
        """Take the chosen entry off the map (saved versions keep it)."""
        entry = self.selected_entry()
        if entry is None or not self.showing_current():
            return
        answer = QMessageBox.question(
            self,
            "Eintrag entfernen",
            f"»{entry.name}« von der Karte nehmen? Gespeicherte Fassungen behalten den Eintrag.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._attempt(lambda: self._network.remove_entry(entry.id), f"Entfernt: {entry.name}")
        self.reload(select="")
        self.table.setFocus()

    def save_version(self) -> None:
        """Keep the map as it is now as a dated version."""
        m = self.current_map()
        if m is None or self._detail is None:
            return
        value = SaveVersionDialog.ask(self, self._network.review_choices(self._detail.id))
        if value is None:
            return
        if self._detail.caseworker and not value.saved_by:
            value = replace(value, saved_by=self._detail.caseworker)
        version = self._attempt(
            lambda: self._network.save_version(m.id, value), "Fassung gespeichert"
        )
        if version is not None:
            self.reload()
            self.saved.emit(f"{version.title} gespeichert")

    def drawings(self) -> list[tuple[str, Sequence[MapEntry]]]:
        """Every saved version and the map now, oldest first (for comparing)."""
        out: list[tuple[str, Sequence[MapEntry]]] = [(v.title, v.entries) for v in self._versions]
        out.append(("aktueller Stand", [e.as_map_entry() for e in self._entries]))
        return out

    def show_changes(self) -> None:
        """Was hat sich verändert? – from the first version to what the slider shows."""
        if not self._versions:
            return
        shown = self.version_slider.value()
        ChangesDialog.ask(self, self.drawings(), 0, shown if shown > 0 else len(self._versions))

    def _picture(self) -> MapPicture | None:
        m = self.current_map()
        if m is None:
            return None
        version = None if self.showing_current() else self._versions[self.version_slider.value()]
        try:
            return self._network.picture(m.id, version.id if version else None)
        except AsdError as exc:
            QMessageBox.warning(self, "Netzwerkkarte", exc.message)
            return None

    def _file_stem(self, picture: MapPicture) -> str:
        number = self._detail.file_number if self._detail else "Fall"
        safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in number)
        version = f"fassung-{picture.version_number}" if picture.version_number else "aktuell"
        return f"netzwerkkarte-{safe}-karte-{picture.map_number}-{version}"

    def save_pdf(self) -> None:
        """Save the A4 page of what is shown as PDF."""
        picture = self._picture()
        if picture is None:
            return
        path = SaveTarget.ask(self, f"{self._file_stem(picture)}.pdf")
        if path is None:
            return
        stored = self._attempt(lambda: self._network.store_print(picture))
        if stored is None:
            return
        content = stored[1]
        try:
            path.write_bytes(content)
        except OSError:
            QMessageBox.warning(
                self, "Nicht gespeichert", "Die Datei konnte dort nicht geschrieben werden."
            )
            return
        self.saved.emit(f"Netzwerkkarte als PDF gespeichert ({path.name})")

    def print_map(self) -> None:
        """Print the A4 page of what is shown."""
        picture = self._picture()
        if picture is None:
            return
        stored = self._attempt(lambda: self._network.store_print(picture))
        if stored is None:
            return
        content = stored[1]
        printer = PrinterChoice.ask(self, "Netzwerkkarte", 1)
        if printer is None:
            return

        def send(token: OperationToken) -> int:
            return print_pdf(content, printer, token)

        Op(self, send, title="Nicht gedruckt").with_progress(
            "Die Netzwerkkarte wird gedruckt …", cancellable=True
        ).run()

    def save_png(self) -> None:
        """Save what is shown as a picture (PNG), e.g. for the Hilfeplan."""
        picture = self._picture()
        if picture is None:
            return
        path = PngTarget.ask(self, f"{self._file_stem(picture)}.png")
        if path is None:
            return
        subtitle = picture.version_text + (
            f" · {picture.review_label}" if picture.review_label else ""
        )
        image = picture_image(picture.entries, picture.centre_name, picture.title, subtitle)
        try:
            path.write_bytes(png_bytes(image))
        except OSError:
            QMessageBox.warning(
                self, "Nicht gespeichert", "Die Datei konnte dort nicht geschrieben werden."
            )
            return
        self.saved.emit(f"Netzwerkkarte als Bild gespeichert ({path.name})")
