"""Office: the dialog that ticks the cases a laptop holds."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from asd_desktop.services.cases import CaseRow


class AssignCasesDialog(QDialog):
    """Office: tick the cases a laptop holds."""

    def __init__(
        self,
        device_name: str,
        cases: list[CaseRow],
        assigned: set[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        title = f"Fälle zuteilen – {device_name}"
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        intro = QLabel(
            "Angehakte Fälle erhält das Gerät mit dem nächsten Paket ganz. Wird ein Haken "
            "entfernt, sammelt das nächste Paket vom Gerät dessen Änderungen ein; danach wird "
            "der Fall dort entfernt. Leertaste hakt an und ab."
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(f"Fälle für {device_name}")
        for case in cases:
            item = QListWidgetItem(f"{case.file_number} – {case.family_name}")
            item.setData(Qt.ItemDataRole.UserRole, case.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if case.id in assigned else Qt.CheckState.Unchecked
            )
            self.list.addItem(item)
        if cases:
            self.list.setCurrentRow(0)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("&Übernehmen")
        ok.setAccessibleName("Übernehmen")
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText("Abbrechen")
        cancel.setAccessibleName("Abbrechen")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(520, 560)

    def checked(self) -> set[str]:
        """Case ids ticked."""
        out: set[str] = set()
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.add(str(item.data(Qt.ItemDataRole.UserRole)))
        return out

    def set_checked(self, case_id: str, checked: bool) -> None:
        """Tick or untick one case."""
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == case_id:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        device_name: str,
        cases: list[CaseRow],
        assigned: set[str],
    ) -> set[str] | None:
        """The cases ticked, or None when cancelled."""
        dialog = cls(device_name, cases, assigned, parent)
        try:
            return dialog.checked() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
