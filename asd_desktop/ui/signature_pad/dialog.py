"""The signing dialog: one line after another signed on screen, then the signed version stored."""

from __future__ import annotations

import contextlib

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from asd_desktop.models.errors import AsdError
from asd_desktop.services.documents import DocumentView
from asd_desktop.services.signatures import SignatureService
from asd_desktop.ui.signature_pad.pad import SignaturePad

NOTICE = (
    "Eine Unterschrift hier ist eine einfache elektronische Signatur. Wo ein Gesetz die "
    "Schriftform verlangt, ist weiterhin eine Unterschrift auf Papier nötig. Die "
    "Unterschrift gilt nur für genau die angezeigte Fassung des Dokuments."
)


class SigningDialog(QDialog):
    """Sign the lines of one stored document version; "Fertig" stores the signed version."""

    def __init__(
        self, signatures: SignatureService, view: DocumentView, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Am Bildschirm unterschreiben")
        self._signatures = signatures
        self.view = view
        #: The signed version, once stored.
        self.result_view: DocumentView | None = None

        title = QLabel(f"<b>{view.title}</b><br/>Prüfsumme {view.sha256[:12]}…")
        title.setAccessibleName("Dokument, das unterschrieben wird")
        self.line_box = QComboBox()
        self.line_box.setAccessibleName("Unterschriftszeile")
        self.pad = SignaturePad()
        self.notice = QLabel(NOTICE)
        self.notice.setWordWrap(True)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Stand der Unterschriften")

        self.clear_button = QPushButton("Feld &leeren")
        self.clear_button.clicked.connect(self.pad.clear)
        self.take_button = QPushButton("Zeile &übernehmen")
        self.take_button.setAccessibleName("Unterschrift für diese Zeile übernehmen")
        self.take_button.clicked.connect(self.take_line)
        self.finish_button = QPushButton("&Fertig: unterschriebene Fassung speichern")
        self.finish_button.clicked.connect(self.finish)
        self.cancel_button = QPushButton("Abbrechen")
        self.cancel_button.clicked.connect(self.reject)

        form = QFormLayout()
        form.addRow("Dokument:", title)
        form.addRow("Zeile:", self.line_box)
        buttons = QHBoxLayout()
        for button in (self.clear_button, self.take_button, self.finish_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.pad, 1)
        layout.addWidget(self.notice)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.pad.changed.connect(self._update_state)
        self._fill_lines()
        self.resize(640, 420)

    def _fill_lines(self) -> None:
        self.line_box.clear()
        try:
            lines = self._signatures.named_lines(self.view.id)
            done = self._signatures.signings(self.view.id)
        except AsdError as exc:
            QMessageBox.warning(self, "Unterschreiben nicht möglich", exc.message)
            lines, done = [], []
        for n, name in lines:
            shown = f"Zeile {n}: {name}" if name else f"Unterschriftszeile {n}"
            self.line_box.addItem(shown, n)
        self.status.setText("\n".join(s.label for s in done) or "Noch keine Zeile unterschrieben.")
        self._update_state()

    def _update_state(self) -> None:
        has_line = self.line_box.count() > 0
        self.take_button.setEnabled(has_line and not self.pad.is_empty())
        self.clear_button.setEnabled(not self.pad.is_empty())
        pending = any(not s.stored for s in self._signatures.signings(self.view.id))
        self.finish_button.setEnabled(pending)

    def take_line(self) -> bool:
        """Keep the drawn signature for the chosen line; the field is emptied for the next."""
        line = self.line_box.currentData()
        if line is None:
            return False
        try:
            self._signatures.add(
                self.view.id, self.view.sha256, int(line), self.pad.strokes, self.pad.input_kind
            )
        except AsdError as exc:
            QMessageBox.warning(self, "Unterschrift nicht übernommen", exc.message)
            return False
        self.pad.clear()
        self._fill_lines()
        return True

    def finish(self) -> None:
        """Store the signed version and close."""
        try:
            self.result_view = self._signatures.finish(self.view.id)
        except AsdError as exc:
            QMessageBox.warning(self, "Nicht gespeichert", exc.message)
            return
        self.accept()

    def reject(self) -> None:
        """Close; signatures drawn but not stored are dropped."""
        with contextlib.suppress(AsdError):
            self._signatures.discard(self.view.id)
        super().reject()
