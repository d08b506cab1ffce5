"""The one question before cleartext leaves the program: a file outside the encrypted case file.

Every way out asks it (Speichern unter… of a document or a PDF, the office calendar):
the file is written unencrypted, and whoever can reach the folder can read it. The
caseworker confirms with the button that says so; Enter and Escape cancel.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

TITLE = "Unverschlüsselt speichern?"
CONFIRM = "Als &Klartext speichern"


def cleartext_text(what: str, path: Path) -> str:
    """The question's text: what is written, where, and what that means."""
    return (
        f"{what} wird als Klartext (unverschlüsselt) gespeichert:\n{path}\n\n"
        "Die Datei liegt außerhalb der verschlüsselten Fallakte. Wer auf diesen Ordner "
        "zugreifen kann, kann sie lesen. Bitte nur an einem geschützten Ort speichern "
        "(verschlüsselter Datenträger, persönliches Laufwerk) und nicht mehr benötigte "
        "Kopien löschen."
    )


class CleartextConfirmation:
    """Asks before a file leaves the program unencrypted; tests may replace :meth:`ask`."""

    @classmethod
    def ask(cls, parent: QWidget | None, what: str, path: Path) -> bool:
        """True when the caseworker confirms writing ``what`` to ``path`` as cleartext."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(TITLE)
        box.setAccessibleName(TITLE)
        box.setText(cleartext_text(what, path))
        confirm = box.addButton(CONFIRM, QMessageBox.ButtonRole.AcceptRole)
        confirm.setAccessibleName("Als Klartext speichern")
        cancel = box.addButton("Abbrechen", QMessageBox.ButtonRole.RejectRole)
        cancel.setAccessibleName("Abbrechen")
        box.setDefaultButton(cancel)  # Enter does not write a cleartext file by accident
        box.setEscapeButton(cancel)
        box.exec()
        chosen = box.clickedButton() is confirm
        box.deleteLater()
        return chosen
