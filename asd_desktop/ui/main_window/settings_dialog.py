"""The settings dialog: the idle minutes before the window locks."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from asd_desktop.services.settings import (
    MAX_IDLE_MINUTES,
    MIN_IDLE_MINUTES,
    Settings,
)


class SettingsDialog(QDialog):
    """Edit the program settings (idle minutes before the window locks)."""

    def __init__(self, current: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Einstellungen")
        self.setAccessibleName("Einstellungen")
        self.idle_minutes = QSpinBox()
        self.idle_minutes.setRange(MIN_IDLE_MINUTES, MAX_IDLE_MINUTES)
        self.idle_minutes.setValue(current.idle_lock_minutes)
        # Settings this dialog does not show (the office letterhead) are kept as they are.
        self._current = current
        self.idle_minutes.setSuffix(" Minuten")
        self.idle_minutes.setAccessibleName("Sperren nach Minuten ohne Eingabe")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        for kind, text in (
            (QDialogButtonBox.StandardButton.Ok, "Speichern"),
            (QDialogButtonBox.StandardButton.Cancel, "Abbrechen"),
        ):
            button = buttons.button(kind)
            button.setText(text)
            button.setAccessibleName(text)
        form = QFormLayout()
        form.addRow("Fallakte sperren nach &Minuten ohne Eingabe:", self.idle_minutes)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

    def values(self) -> Settings:
        """The settings as entered."""
        return replace(self._current, idle_lock_minutes=self.idle_minutes.value())

    @classmethod
    def ask(cls, parent: QWidget | None, current: Settings) -> Settings | None:
        """Run the dialog; the new settings, or None when cancelled."""
        dialog = cls(current, parent)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            return dialog.values() if accepted else None
        finally:
            dialog.deleteLater()
