"""Datei → Dokument prüfen…: is a paper or a PDF the stored one? Open the file or type the code."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from asd_desktop.models.errors import AsdError
from asd_desktop.services.documents import DocumentService
from asd_desktop.services.proofs import Verification

INTRO = (
    "Jedes gespeicherte Dokument trägt unten rechts auf jeder Seite einen QR-Code und einen "
    "Prüfcode. Hier lässt sich prüfen, ob ein Papier oder eine PDF-Datei genau die gespeicherte "
    "Fassung ist und ob es eine neuere gibt. Jede Prüfung wird protokolliert."
)


class VerifyDialog(QDialog):
    """Verify a PDF file or a typed Prüfcode; the answer in large letters."""

    def __init__(self, documents: DocumentService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Dokument prüfen")
        self._documents = documents
        self.verification: Verification | None = None

        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        self.file_button = QPushButton("PDF-&Datei öffnen und prüfen…")
        self.file_button.clicked.connect(self.choose_file)
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText("z. B. 7K3M-9XQ2-4TPA-C")
        self.code_edit.setAccessibleName("Prüfcode vom Papier")
        self.code_edit.returnPressed.connect(self.check_code)
        code_label = QLabel("&Prüfcode:")
        code_label.setBuddy(self.code_edit)
        self.code_button = QPushButton("Code &prüfen")
        self.code_button.clicked.connect(self.check_code)
        self.answer = QLabel("")
        self.answer.setWordWrap(True)
        self.answer.setAccessibleName("Ergebnis der Prüfung")
        self.answer.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.answer.setMinimumHeight(self.answer.fontMetrics().height() * 2)
        self.reason = QLabel("")
        self.reason.setWordWrap(True)
        self.reason.setAccessibleName("Begründung")
        close = QPushButton("Schließen")
        close.clicked.connect(self.accept)

        code_row = QHBoxLayout()
        code_row.addWidget(code_label)
        code_row.addWidget(self.code_edit, 1)
        code_row.addWidget(self.code_button)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.file_button)
        layout.addLayout(code_row)
        layout.addWidget(self.answer)
        layout.addWidget(self.reason)
        layout.addStretch(1)
        layout.addLayout(bottom)
        self.resize(600, 320)

    def choose_file(self) -> None:
        """Ask for a PDF and verify it."""
        name, _ = QFileDialog.getOpenFileName(
            self, "PDF-Datei prüfen", str(Path.home()), "PDF-Dateien (*.pdf)"
        )
        if name:
            self.check_file(Path(name))

    def check_file(self, path: Path) -> None:
        """Verify the PDF at ``path`` and show the answer."""
        try:
            content = path.read_bytes()
        except OSError as exc:
            self._show_error(f"Die Datei kann nicht gelesen werden ({exc.strerror}).")
            return
        self._run(lambda: self._documents.verify_file(content))

    def check_code(self) -> None:
        """Verify the typed code and show the answer."""
        typed = self.code_edit.text().strip()
        if not typed:
            self._show_error("Bitte den Prüfcode vom Papier eintippen.")
            return
        self._run(lambda: self._documents.verify_code(typed))

    def _run(self, verify: object) -> None:
        assert callable(verify)
        try:
            result = verify()
        except AsdError as exc:
            self._show_error(exc.message)
            return
        assert isinstance(result, Verification)
        self.verification = result
        colour = "#1b7a3a" if result.answer.startswith("echt") else "#b3261e"
        self.answer.setStyleSheet(f"font-size: 16pt; font-weight: bold; color: {colour};")
        self.answer.setText(result.answer)
        self.reason.setText(result.reason)

    def _show_error(self, message: str) -> None:
        self.verification = None
        self.answer.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.answer.setText("Nicht geprüft")
        self.reason.setText(message)
