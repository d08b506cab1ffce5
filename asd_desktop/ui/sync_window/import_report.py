"""The report shown after a bundle was read: what came, new conflicts, evictions."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from asd_desktop.services.sync import (
    ImportReport,
)
from asd_desktop.services.sync.tables import record_label
from asd_desktop.ui.sync_window.peers import plural


class ImportReportDialog(QDialog):
    """What an import brought: records by kind, new conflicts, review items, evictions."""

    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Paket eingelesen")
        self.setAccessibleName("Bericht zum eingelesenen Paket")
        self.show_conflicts = False
        self.text_label = QLabel(self.report_text(report))
        self.text_label.setWordWrap(True)
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)
        self.text_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.text_label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.text_label.setAccessibleName("Bericht")
        self.text_label.setAccessibleDescription(self.text_label.text())
        buttons = QDialogButtonBox()
        self.conflicts_button = QPushButton("&Konflikte ansehen")
        self.conflicts_button.setAccessibleName("Konflikte ansehen")
        self.conflicts_button.clicked.connect(self._to_conflicts)
        self.close_button = QPushButton("&Schließen")
        self.close_button.setAccessibleName("Schließen")
        self.close_button.clicked.connect(self.accept)
        buttons.addButton(self.conflicts_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.conflicts_button.setVisible(bool(report.new_conflicts))
        self.close_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text_label)
        layout.addWidget(buttons)
        self.resize(520, 0)

    @staticmethod
    def report_text(report: ImportReport) -> str:
        """The report as the caseworker reads it."""
        lines = [f"Paket von {report.sender_name} eingelesen."]
        if report.changed:
            lines.append("")
            lines.append(f"Angekommen ({plural(report.total, 'Änderung', 'Änderungen')}):")
            for table, n in sorted(report.changed.items(), key=lambda kv: record_label(kv[0])):
                lines.append(f"  • {record_label(table)}: {n}")
        else:
            lines.append("Es waren keine neuen Änderungen dabei.")
        if report.new_conflicts:
            lines.append("")
            lines.append(
                f"{plural(len(report.new_conflicts), 'neuer Konflikt', 'neue Konflikte')} – "
                "bitte im Konfliktposteingang entscheiden, welche Fassung gilt:"
            )
            for ref in report.new_conflicts[:10]:
                lines.append(f"  • {ref.text}")
            if len(report.new_conflicts) > 10:
                lines.append(f"  • … und {len(report.new_conflicts) - 10} weitere")
        for message in (
            report.refused_message,
            report.refused_records_message,
            report.resend_message,
        ):
            if message:
                lines.append("")
                lines.append(message)
        if report.withdrawn_cases:
            lines.append(
                f"Zurückgegeben: {plural(report.withdrawn_cases, 'Fall', 'Fälle')} "
                "(Änderungen eingesammelt)."
            )
        if report.evicted_cases:
            lines.append(
                f"Von diesem Gerät entfernt: {plural(report.evicted_cases, 'Fall', 'Fälle')} "
                "(nicht mehr zugeteilt)."
            )
        return "\n".join(lines)

    @Slot()
    def _to_conflicts(self) -> None:
        self.show_conflicts = True
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, report: ImportReport) -> bool:
        """Show the report; True when the person wants to see the conflicts."""
        dialog = cls(report, parent)
        try:
            dialog.exec()
            return dialog.show_conflicts
        finally:
            dialog.deleteLater()
