"""The conflict inbox: concurrent versions of a record side by side, and their resolution.

Two devices changed the same record before they met the office. Nothing was lost:
every version is kept until a person decides. The caseworker takes one version
whole or combines them field by field; the resolution travels like any edit.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from asd_desktop.models.errors import AsdError
from asd_desktop.services.sync import ConflictView, SyncService, VersionView
from asd_desktop.ui.widgets import german_datetime

WINDOW_TITLE = "Konfliktposteingang"
DELETE_VS_EDIT = "gelöscht ↔ geändert"
DIFFERS_COLOR = QColor("#fff3cd")
CHOSEN_COLOR = QColor("#c8e6c9")
#: The deleted flag is decided by the choice itself, never combined.
_NOT_COMBINED = frozenset({"deleted"})


class Confirm:
    """Yes/no questions in German; tests replace :meth:`yes_no`."""

    @classmethod
    def yes_no(cls, parent: QWidget | None, title: str, text: str) -> bool:
        """True when the person answers "Ja"."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
        yes = box.addButton("&Ja", QMessageBox.ButtonRole.YesRole)
        no = box.addButton("&Nein", QMessageBox.ButtonRole.NoRole)
        box.setDefaultButton(no)
        box.setEscapeButton(no)
        box.exec()
        answer = box.clickedButton() is yes
        box.deleteLater()
        return answer


def conflict_title(conflict: ConflictView) -> str:
    """One line for the list: what, of which case, and whether one side deleted it."""
    text = conflict.label
    if conflict.case_label:
        text += f" – {conflict.case_label}"
    if conflict.delete_vs_edit:
        text += f" ({DELETE_VS_EDIT})"
    return text


def version_header(index: int, version: VersionView) -> str:
    """The column header of a version: who, when, and whether it is a deletion."""
    lines = [f"Fassung {index + 1}: {version.device_name}"]
    if version.written_at is not None:
        local = version.written_at.replace(tzinfo=dt.UTC).astimezone()
        lines.append(f"geschrieben {german_datetime(local)}")
    if version.deleted:
        lines.append("gelöscht")
    return "\n".join(lines)


def version_name(index: int, version: VersionView) -> str:
    """A version as a choice reads: number and device."""
    return f"Fassung {index + 1} ({version.device_name})"


class VersionsTable(QTableWidget):
    """The versions side by side; Enter on a cell picks it and never closes the dialog."""

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()


class ConflictInbox(QDialog):
    """Open conflicts on the left, the chosen one's versions field by field on the right.

    Signals:
        resolved: a conflict was resolved (the case list should be refreshed).
    """

    resolved = Signal()

    def __init__(
        self,
        sync: SyncService,
        case_id: str | None = None,
        parent: QWidget | None = None,
        *,
        record: tuple[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self._sync = sync
        self._case_id = case_id
        #: (table, row id) when opened for one record from its form: only that conflict.
        self._record = record
        self._conflicts: list[ConflictView] = []
        self._fields: list[str] = []
        self.resolved_count = 0
        self.setWindowTitle(WINDOW_TITLE)
        self.setAccessibleName(WINDOW_TITLE)
        self.resize(1100, 640)

        self.list = QListWidget()
        self.list.setAccessibleName("Offene Konflikte")
        self.list.currentRowChanged.connect(self._show_current)
        self.empty_label = QLabel("Keine offenen Konflikte.")
        self.empty_label.setAccessibleName("Keine offenen Konflikte")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        list_label = QLabel("Offene &Konflikte")
        list_label.setBuddy(self.list)
        left_layout.addWidget(list_label)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.empty_label)

        self.title_label = QLabel()
        self.title_label.setWordWrap(True)
        self.title_label.setAccessibleName("Gewählter Konflikt")
        title_font = self.title_label.font()
        title_font.setBold(True)
        title_font.setPointSizeF(title_font.pointSizeF() * 1.2)
        self.title_label.setFont(title_font)
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        self.hint_label.setAccessibleName("Hinweis zum Konflikt")

        self.table = VersionsTable()
        self.table.setAccessibleName("Fassungen nebeneinander, eine Zeile je Feld")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.cellClicked.connect(self.pick_cell)
        self.table.cellActivated.connect(self.pick_cell)

        self.take_row = QHBoxLayout()
        self.take_buttons: list[QPushButton] = []

        self.combine_box = QGroupBox("Zusammenführen: je Feld die Fassung wählen")
        self.combine_box.setAccessibleName("Zusammenführen")
        self.combine_form = QFormLayout(self.combine_box)
        self.pick_combos: dict[str, QComboBox] = {}
        self.combine_button = QPushButton("&Zusammengeführt übernehmen")
        self.combine_button.setAccessibleName("Zusammengeführt übernehmen")
        self.combine_button.clicked.connect(self.take_combined)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.title_label)
        right_layout.addWidget(self.hint_label)
        right_layout.addWidget(self.table, 1)
        right_layout.addLayout(self.take_row)
        right_layout.addWidget(self.combine_box)
        right_layout.addWidget(self.combine_button, 0, Qt.AlignmentFlag.AlignRight)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([300, 800])
        self.close_button = QPushButton("&Schließen")
        self.close_button.setAccessibleName("Schließen")
        self.close_button.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        if record is not None:
            intro = QLabel(
                "Von diesem Eintrag gibt es abweichende Fassungen von verschiedenen Geräten. "
                "Bevor er bearbeitet werden kann, bitte entscheiden, welche Angaben gelten: "
                "eine Fassung ganz übernehmen oder je Feld wählen. Danach öffnet sich das "
                "Formular mit den gewählten Angaben."
            )
            intro.setWordWrap(True)
            intro.setAccessibleName("Erst entscheiden, dann bearbeiten")
            layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self.reload()

    # --- content ---------------------------------------------------------------------

    def conflicts(self) -> list[ConflictView]:
        """The conflicts listed, top to bottom."""
        return list(self._conflicts)

    def table_fields(self) -> list[str]:
        """The fields of the shown conflict, one per table row, top to bottom."""
        return list(self._fields)

    def current(self) -> ConflictView | None:
        """The conflict shown on the right."""
        row = self.list.currentRow()
        return self._conflicts[row] if 0 <= row < len(self._conflicts) else None

    @Slot()
    def reload(self, keep_row: int = 0) -> None:
        """Read the open conflicts again and show the one at ``keep_row`` (or the last)."""
        try:
            self._conflicts = self._sync.conflicts(self._case_id)
            if self._record is not None:
                self._conflicts = [
                    c for c in self._conflicts if (c.table, c.row_id) == self._record
                ]
        except AsdError as exc:
            QMessageBox.warning(self, WINDOW_TITLE, exc.message)
            self._conflicts = []
        self.list.blockSignals(True)
        self.list.clear()
        for conflict in self._conflicts:
            item = QListWidgetItem(conflict_title(conflict))
            item.setToolTip(conflict_title(conflict))
            self.list.addItem(item)
        if self._conflicts:
            self.list.setCurrentRow(min(max(keep_row, 0), len(self._conflicts) - 1))
        self.list.blockSignals(False)
        self.empty_label.setVisible(not self._conflicts)
        self._show_current()

    @Slot()
    def _show_current(self) -> None:
        conflict = self.current()
        self.table.clear()
        for button in self.take_buttons:
            self.take_row.removeWidget(button)
            button.hide()
            button.setParent(None)
            button.deleteLater()
        self.take_buttons = []
        while self.combine_form.rowCount():
            self.combine_form.removeRow(0)
        self.pick_combos = {}
        has = conflict is not None
        self.table.setVisible(has)
        self.combine_box.setVisible(False)
        self.combine_button.setVisible(False)
        if conflict is None:
            self._fields = []
            self.title_label.setText("Keine offenen Konflikte." if not self._conflicts else "")
            self.hint_label.setText("")
            self.table.setRowCount(0)
            self.table.setColumnCount(0)
            return
        self.title_label.setText(conflict_title(conflict))
        hint = (
            "Diese Fassungen sind unabhängig voneinander entstanden. Unterschiedliche Felder "
            "stehen oben und sind markiert. Übernehmen Sie eine Fassung ganz oder wählen Sie "
            "je Feld (Klick oder Eingabetaste in der Zelle)."
        )
        if conflict.delete_vs_edit:
            hint = (
                "Auf einem Gerät wurde der Datensatz gelöscht, auf einem anderen geändert. "
                "Übernehmen Sie die gelöschte Fassung, um ihn zu löschen, oder eine geänderte "
                "bzw. zusammengeführte Fassung, um ihn zu behalten."
            )
        self.hint_label.setText(hint)
        self._fill_table(conflict)
        for i, version in enumerate(conflict.versions):
            verb = "Löschung" if version.deleted else "Fassung"
            button = QPushButton(f"{verb} {i + 1} übernehmen")
            button.setAccessibleName(f"Diese Fassung übernehmen: {version_name(i, version)}")
            button.setToolTip(version_header(i, version))
            button.clicked.connect(lambda _checked=False, index=i: self.take_version(index))
            self.take_row.addWidget(button)
            self.take_buttons.append(button)
        combinable = [f for f in conflict.differing if f not in _NOT_COMBINED]
        for field in combinable:
            combo = QComboBox()
            label = conflict.field_labels.get(field, field)
            combo.setAccessibleName(f"Fassung für {label}")
            for i, version in enumerate(conflict.versions):
                value = " ".join(str(version.fields.get(field, "—")).split())
                if len(value) > 60:
                    value = value[:59] + "…"
                combo.addItem(f"{version_name(i, version)}: {value}", i)
            combo.currentIndexChanged.connect(self._mark_picks)
            self.combine_form.addRow(f"{label}:", combo)
            self.pick_combos[field] = combo
        self.combine_box.setVisible(bool(combinable))
        self.combine_button.setVisible(bool(combinable))
        self._mark_picks()

    def _fill_table(self, conflict: ConflictView) -> None:
        versions = conflict.versions
        # The service lists differing fields first and leaves out equal links and ordering.
        self._fields = list(conflict.fields)
        self.table.setColumnCount(len(versions))
        self.table.setRowCount(len(self._fields))
        self.table.setHorizontalHeaderLabels([version_header(i, v) for i, v in enumerate(versions)])
        bold = QFont(self.table.font())
        bold.setBold(True)
        for row, field in enumerate(self._fields):
            label = conflict.field_labels.get(field, field)
            differs = field in conflict.differing
            header = QTableWidgetItem(f"{label} ≠" if differs else label)
            header.setToolTip("unterschiedlich" if differs else "gleich")
            if differs:
                header.setFont(bold)
            self.table.setVerticalHeaderItem(row, header)
            for column, version in enumerate(versions):
                text = str(version.fields.get(field, "—"))
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                item.setData(
                    Qt.ItemDataRole.AccessibleTextRole,
                    f"{label}, {version_name(column, version)}: {text}"
                    + (" (unterschiedlich)" if differs else ""),
                )
                if differs:
                    item.setBackground(QBrush(DIFFERS_COLOR))
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()

    @Slot()
    def _mark_picks(self) -> None:
        conflict = self.current()
        if conflict is None:
            return
        bold = QFont(self.table.font())
        bold.setBold(True)
        for row, field in enumerate(self._fields):
            combo = self.pick_combos.get(field)
            for column in range(self.table.columnCount()):
                item = self.table.item(row, column)
                if item is None:
                    continue
                chosen = combo is not None and combo.currentIndex() == column
                if combo is None:
                    continue
                item.setBackground(QBrush(CHOSEN_COLOR if chosen else DIFFERS_COLOR))
                item.setFont(bold if chosen else self.table.font())

    # --- choosing ----------------------------------------------------------------------

    def picks(self) -> dict[str, int]:
        """For every differing field, the version chosen for it."""
        return {field: int(combo.currentData()) for field, combo in self.pick_combos.items()}

    def set_pick(self, field: str, index: int) -> None:
        """Take ``field`` from version ``index`` when combining."""
        combo = self.pick_combos[field]
        combo.setCurrentIndex(index)

    @Slot(int, int)
    def pick_cell(self, row: int, column: int) -> None:
        """Clicking (or Enter on) a cell of a differing field chooses that version for it."""
        conflict = self.current()
        if conflict is None or not 0 <= row < len(self._fields):
            return
        field = self._fields[row]
        if field in self.pick_combos:
            self.set_pick(field, column)

    def take_version(self, index: int) -> bool:
        """Resolve the shown conflict with version ``index`` as it is."""
        conflict = self.current()
        if conflict is None:
            return False
        version = conflict.versions[index]
        if version.deleted and not Confirm.yes_no(
            self,
            "Löschung übernehmen",
            f"{conflict.label} wird auf allen Geräten gelöscht. Die Änderungen der anderen "
            "Fassungen gehen dabei verloren. Fortfahren?",
        ):
            return False
        return self._resolve(conflict, version=index)

    @Slot()
    def take_combined(self) -> bool:
        """Resolve the shown conflict with the fields chosen in the combination."""
        conflict = self.current()
        if conflict is None:
            return False
        return self._resolve(conflict, picks=self.picks())

    def _resolve(
        self,
        conflict: ConflictView,
        *,
        version: int | None = None,
        picks: dict[str, int] | None = None,
    ) -> bool:
        row = self.list.currentRow()
        try:
            self._sync.resolve(conflict.table, conflict.row_id, version=version, picks=picks)
        except AsdError as exc:
            QMessageBox.warning(self, "Konflikt nicht gelöst", exc.message)
            self.reload(row)
            return False
        self.resolved_count += 1
        self.reload(row)
        self.resolved.emit()
        self.list.setFocus()
        return True

    @classmethod
    def resolve_first(
        cls, parent: QWidget | None, sync: SyncService, table: str, row_id: str
    ) -> bool | None:
        """Before a record's form opens: None if undisputed, else whether it is decided now."""
        if not sync.in_conflict(table, row_id):
            return None
        dialog = cls(sync, None, parent, record=(table, row_id))
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
        return not sync.in_conflict(table, row_id)

    @classmethod
    def ask(cls, parent: QWidget | None, sync: SyncService, case_id: str | None = None) -> int:
        """Show the inbox modally; the number of conflicts resolved."""
        dialog = cls(sync, case_id, parent)
        try:
            dialog.exec()
            return dialog.resolved_count
        finally:
            dialog.deleteLater()
