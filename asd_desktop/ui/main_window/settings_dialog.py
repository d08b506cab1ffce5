"""The settings dialog: the idle minutes before the window locks."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from asd_desktop.domain.retention import (
    MAX_YEARS,
    MIN_YEARS,
    RetentionClock,
    RetentionRules,
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
        layout.addWidget(self._retention_group(current.retention))
        layout.addWidget(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

    def _retention_group(self, rules: RetentionRules) -> QGroupBox:
        """Aufbewahrung: what starts the clock and how long (§ 84 SGB X, the office's rules)."""
        group = QGroupBox("Aufbewahrung und Löschung (Regeln der Dienststelle)")
        self.clock_combo = QComboBox()
        for clock in RetentionClock:
            self.clock_combo.addItem(clock.label, clock.value)
        self.clock_combo.setCurrentIndex(list(RetentionClock).index(rules.clock))
        self.clock_combo.setAccessibleName("Die Frist beginnt mit")
        self.years_spin = QSpinBox()
        self.years_spin.setRange(MIN_YEARS, MAX_YEARS)
        self.years_spin.setValue(rules.years)
        self.years_spin.setSuffix(" Jahre")
        self.years_spin.setAccessibleName("Aufbewahrungsfrist in Jahren")
        self.year_end_check = QCheckBox("ab &Ende des Jahres zählen")
        self.year_end_check.setChecked(rules.to_year_end)
        self.majority_check = QCheckBox("mindestens bis das jüngste Kind &volljährig ist, plus")
        self.majority_check.setChecked(rules.after_majority_years is not None)
        self.majority_spin = QSpinBox()
        self.majority_spin.setRange(0, MAX_YEARS)
        self.majority_spin.setValue(rules.after_majority_years or 0)
        self.majority_spin.setSuffix(" Jahre")
        self.majority_spin.setAccessibleName("Jahre nach der Volljährigkeit")
        self.majority_spin.setEnabled(self.majority_check.isChecked())
        self.majority_check.toggled.connect(self.majority_spin.setEnabled)
        basis = QLabel(
            "Voreinstellung: 10 Jahre nach Abschluss oder Ende der letzten Hilfe, mindestens "
            "bis zum 21. Geburtstag des jüngsten Kindes (§ 84 SGB X, übliche Aufbewahrungs"
            "regeln der Jugendämter). Bitte mit der Aktenordnung der Dienststelle abgleichen."
        )
        basis.setWordWrap(True)
        form = QFormLayout(group)
        form.addRow("Die Frist &beginnt mit:", self.clock_combo)
        form.addRow("&Aufbewahren:", self.years_spin)
        form.addRow("", self.year_end_check)
        form.addRow(self.majority_check, self.majority_spin)
        form.addRow(basis)
        return group

    def values(self) -> Settings:
        """The settings as entered."""
        rules = RetentionRules(
            clock=RetentionClock(self.clock_combo.currentData()),
            years=self.years_spin.value(),
            to_year_end=self.year_end_check.isChecked(),
            after_majority_years=self.majority_spin.value()
            if self.majority_check.isChecked()
            else None,
        )
        return replace(self._current, idle_lock_minutes=self.idle_minutes.value(), retention=rules)

    @classmethod
    def ask(cls, parent: QWidget | None, current: Settings) -> Settings | None:
        """Run the dialog; the new settings, or None when cancelled."""
        dialog = cls(current, parent)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            return dialog.values() if accepted else None
        finally:
            dialog.deleteLater()
