"""The "Tipps und Themen" list for the team meeting: preview, printing and saving."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QMessageBox, QVBoxLayout, QWidget

from asd_desktop.models.errors import AsdError
from asd_desktop.services.sozialraum import SozialraumService
from asd_desktop.ui.pdf_preview import PrinterChoice, SaveTarget, load_pdf, render_to_printer
from asd_desktop.ui.sozialraum_window.common import warn, window_button
from asd_desktop.ui.widgets import german_date


class TipsPreviewDialog(QDialog):
    """The "Tipps und Themen" PDF shown from memory, with Drucken…, Speichern unter…."""

    def __init__(
        self,
        service: SozialraumService,
        content: bytes,
        meeting_on: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._content = content
        self._meeting_on = meeting_on
        title = f"Tipps und Themen für die Teamsitzung am {german_date(meeting_on)}"
        self.setWindowTitle(title)
        self.setAccessibleName(f"Vorschau: {title}")
        self.pdf = load_pdf(content, self)
        self.pdf_view = QPdfView(self)
        self.pdf_view.setDocument(self.pdf)
        self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pdf_view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.pdf_view.setAccessibleName("Seiten der Liste")
        info = QLabel(
            "Die Liste gilt für das ganze Team und wird nicht in einem Fall abgelegt. "
            "Drucken und Speichern werden protokolliert."
        )
        info.setWordWrap(True)
        self.print_button = window_button("&Drucken…", "Liste drucken")
        self.print_button.clicked.connect(self.print_list)
        self.save_button = window_button("&Speichern unter…", "Liste als Datei speichern")
        self.save_button.clicked.connect(self.save_list)
        self.close_button = window_button("S&chließen", "Vorschau schließen")
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.print_button, self.save_button, self.close_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pdf_view, 1)
        layout.addWidget(info)
        layout.addLayout(buttons)
        self.resize(820, 980)
        self.pdf_view.setFocus()

    @Slot()
    def print_list(self) -> bool:
        """Ask for a printer and print; True once sent."""
        try:
            printer = PrinterChoice.ask(self, "Tipps und Themen", self.pdf.pageCount())
            if printer is None:
                return False
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                render_to_printer(self.pdf, printer)
            finally:
                QGuiApplication.restoreOverrideCursor()
            self._service.record_tips_printed(self._meeting_on)
        except AsdError as exc:
            warn(self, "Nicht gedruckt", exc)
            return False
        return True

    @Slot()
    def save_list(self) -> bool:
        """Ask where and write the PDF there; True once saved."""
        path = SaveTarget.ask(self, f"Tipps_und_Themen_{self._meeting_on.isoformat()}.pdf")
        if path is None:
            return False
        try:
            self._service.save_tips(self._content, path, self._meeting_on)
        except (AsdError, OSError) as exc:
            message = exc.message if isinstance(exc, AsdError) else str(exc)
            QMessageBox.warning(self, "Nicht gespeichert", message)
            return False
        return True

    @classmethod
    def show_tips(
        cls,
        parent: QWidget | None,
        service: SozialraumService,
        content: bytes,
        meeting_on: dt.date,
    ) -> None:
        """Show the list modally (tests replace this)."""
        dialog = cls(service, content, meeting_on, parent)
        dialog.exec()
        dialog.deleteLater()
