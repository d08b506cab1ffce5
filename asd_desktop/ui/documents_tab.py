"""The case's "Dokumente" tab: every printed document, shown, printed or saved unchanged."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QItemSelection,
    QModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from asd_desktop.models.errors import AsdError
from asd_desktop.services.documents import DocumentService, DocumentView
from asd_desktop.ui.operations import BusyScope, Op
from asd_desktop.ui.pdf_preview import PdfPreviewDialog, print_document, save_document
from asd_desktop.ui.rows_model import DISPLAY, RowsModel
from asd_desktop.ui.signature_pad import SigningDialog
from asd_desktop.ui.table_layout import fit_columns, read_only_table
from asd_desktop.ui.widgets import german_date, german_datetime

#: Hex digits of the SHA-256 shown in the table; the tooltip has all 64.
SHA_SHOWN = 12


class DocumentTableModel(RowsModel[DocumentView]):
    """The stored documents of one case, newest first."""

    DATE, KIND, TITLE, SHA = range(4)
    HEADERS = ("Datum", "Art", "Titel", "SHA-256")

    @override
    def cell(self, value: DocumentView, row: int, column: int, role: int) -> object:
        if role == DISPLAY:
            return {
                # The meeting's or letter's day; when it was stored is in the tooltip.
                self.DATE: german_date(value.date),
                self.KIND: value.kind.label,
                self.TITLE: value.title,
                self.SHA: f"{value.sha256[:SHA_SHOWN]}…",
            }.get(column)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.DATE:
            return f"Gespeichert am {german_datetime(value.created_at)}"
        if role == Qt.ItemDataRole.ToolTipRole and column == self.SHA:
            return f"SHA-256: {value.sha256}"
        if role == Qt.ItemDataRole.AccessibleTextRole and column == self.SHA:
            return f"Prüfsumme beginnt mit {value.sha256[:SHA_SHOWN]}"
        return None


class DocumentsTab(QWidget):
    """The documents of the open case: Anzeigen, Drucken…, Speichern unter….

    What is shown, printed or saved is always the stored bytes, checked against
    their SHA-256 first.
    """

    def __init__(self, documents: DocumentService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._documents = documents
        self._case_id: str | None = None

        self.model = DocumentTableModel(self)
        self.table = read_only_table(self.model, "Dokumente des Falls", QTableView())
        # The fingerprint is for checking, not reading: cut, whole in the tooltip.
        fit_columns(self.table, DocumentTableModel.TITLE, {DocumentTableModel.SHA: 120})
        self.table.activated.connect(self._on_activated)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)

        self.empty_label = QLabel(
            "Noch keine Dokumente. Jede gedruckte Zielvereinbarung wird hier unverändert "
            "aufbewahrt."
        )
        self.empty_label.setWordWrap(True)
        self.empty_label.setAccessibleName("Hinweis: keine Dokumente")
        self.hint_label = QLabel(
            "Jede gedruckte Fassung bleibt hier unverändert erhalten. Die Prüfsumme (SHA-256) "
            "wird vor dem Anzeigen, Drucken und Speichern geprüft."
        )
        self.hint_label.setWordWrap(True)
        self.hint_label.setAccessibleName("Hinweis zu den Dokumenten")

        self.show_button = QPushButton("&Anzeigen")
        self.show_button.setAccessibleName("Dokument anzeigen")
        self.show_button.clicked.connect(self.show_selected)
        self.print_button = QPushButton("&Drucken…")
        self.print_button.setAccessibleName("Dokument drucken")
        self.print_button.clicked.connect(self.print_selected)
        self.save_button = QPushButton("&Speichern unter…")
        self.save_button.setAccessibleName("Dokument als Datei speichern")
        self.save_button.clicked.connect(self.save_selected)
        #: Set by the window: opens "Anvertraut" (§ 65 SGB VIII) for a document id and title.
        self.entrusted_opener: Callable[[str, str], object] | None = None
        self.entrusted_button = QPushButton("An&vertraut…")
        self.entrusted_button.setAccessibleName("Anvertraut und Einwilligungen")
        self.entrusted_button.clicked.connect(self.entrusted_selected)
        self.entrusted_button.setEnabled(False)
        self.sign_button = QPushButton("Am Bildschirm &unterschreiben…")
        self.sign_button.setAccessibleName("Dokument am Bildschirm unterschreiben lassen")
        self.sign_button.setToolTip(
            "Wenn kein Drucker in der Nähe ist: die Familie unterschreibt mit Maus, Stift oder "
            "Finger. Gespeichert wird eine neue, unterschriebene Fassung."
        )
        self.sign_button.clicked.connect(self.sign_selected)
        self.signings_label = QLabel("")
        self.signings_label.setWordWrap(True)
        self.signings_label.setAccessibleName("Am Bildschirm geleistete Unterschriften")

        buttons = QHBoxLayout()
        buttons.addWidget(self.show_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.entrusted_button)
        buttons.addWidget(self.sign_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.signings_label)
        layout.addLayout(buttons)
        self.setFocusProxy(self.table)
        #: The print or save running off the GUI thread, if any.
        self.operation: Op[int] | Op[Path] | None = None
        BusyScope(
            self,
            (self.show_button, self.print_button, self.save_button, self.sign_button),
            self._update_state,
        )
        self._update_state()

    # what is shown

    def show_case(self, case_id: str) -> None:
        """Show the documents of ``case_id`` (the newest selected)."""
        self._case_id = case_id
        self.reload()

    def clear(self) -> None:
        """Show nothing (no case open, or the window locked)."""
        self._case_id = None
        self.model.set_rows([])
        self._update_state()

    def reload(self) -> None:
        """Read the list again, e.g. after a new print; keeps the selected document."""
        if self._case_id is None:
            self.clear()
            return
        selected = self.selected_document()
        try:
            rows = self._documents.list_for_case(self._case_id)
        except AsdError as exc:
            QMessageBox.warning(self, "Dokumente nicht geladen", exc.message)
            rows = []
        self.model.set_rows(rows)
        ids = [r.id for r in rows]
        if rows:
            row = ids.index(selected.id) if selected and selected.id in ids else 0
            self.table.selectRow(row)
        self._update_state()

    def selected_document(self) -> DocumentView | None:
        """The document the caseworker selected, if any."""
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.row_value(rows[0].row()) if rows else None

    # actions

    def show_selected(self) -> None:
        """Open the selected document in the preview."""
        view = self.selected_document()
        if view is not None:
            PdfPreviewDialog.show_document(self, self._documents, view.id)

    def print_selected(self) -> None:
        """Print the selected document through the system's print dialog."""
        view = self.selected_document()
        if view is not None:
            self.operation = print_document(self, self._documents, view)

    def save_selected(self) -> None:
        """Save the selected document's exact bytes as a file."""
        view = self.selected_document()
        if view is not None:
            self.operation = save_document(self, self._documents, view)

    def sign_selected(self) -> None:
        """Let the family sign the selected document's lines on screen."""
        view = self.selected_document()
        if view is None:
            return
        dialog = SigningDialog(self._documents.signatures(), view, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_view is not None:
            self.reload()
            ids = [r.id for r in self.model.rows()]
            if dialog.result_view.id in ids:
                self.table.selectRow(ids.index(dialog.result_view.id))

    def entrusted_selected(self) -> None:
        """Mark the selected document as entrusted, or record a consent for it."""
        view = self.selected_document()
        if view is not None and self.entrusted_opener is not None:
            self.entrusted_opener(view.id, view.title)

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.show_selected()

    def _on_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_state()
        self.entrusted_button.setEnabled(
            self.selected_document() is not None and self.entrusted_opener is not None
        )

    def _update_state(self) -> None:
        has_rows = self.model.rowCount() > 0
        self.empty_label.setVisible(self._case_id is not None and not has_rows)
        self.hint_label.setVisible(has_rows)
        chosen = self.selected_document() is not None
        for button in (self.show_button, self.print_button, self.save_button, self.sign_button):
            button.setEnabled(chosen)
        view = self.selected_document()
        lines: list[str] = []
        if view is not None:
            try:
                lines = [s.label for s in self._documents.signatures().signings(view.id)]
            except AsdError:
                lines = []
        self.signings_label.setText("\n".join(lines))
        self.signings_label.setVisible(bool(lines))
