"""Setting up devices for the exchange: the office, a laptop's enrollment, joining it.

The office enrolls a laptop in person: it writes an enrollment file (onto a stick)
and shows a one-time code and both key fingerprints. On the laptop, the caseworker
chooses that file, types the code and compares the fingerprints with the office's
screen before the first bundle travels.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from asd_desktop.domain.sync_states import DeviceRole, DeviceScope
from asd_desktop.models.errors import AsdError
from asd_desktop.services.sync import DeviceView, EnrollmentResult, JoinResult, SyncService
from asd_desktop.ui.widgets import ProblemsLabel, buddy

BUNDLE_FILTER = "Austauschpakete (*.asdbundle)"
ENROLLMENT_FILTER = "Einrichtungsdateien (*.asdenroll);;Alle Dateien (*)"
NO_REPLACEMENT = "– kein Gerät ersetzen –"


class FileChooser:
    """Every file and folder question of the exchange; tests replace these classmethods."""

    @classmethod
    def folder(cls, parent: QWidget | None, title: str) -> Path | None:
        """A folder (usually the USB stick), or None when cancelled."""
        chosen = QFileDialog.getExistingDirectory(parent, title)
        return Path(chosen) if chosen else None

    @classmethod
    def bundle(cls, parent: QWidget | None) -> Path | None:
        """An exchange bundle to read, or None when cancelled."""
        chosen, _ = QFileDialog.getOpenFileName(parent, "Paket einlesen", "", BUNDLE_FILTER)
        return Path(chosen) if chosen else None

    @classmethod
    def enrollment_file(cls, parent: QWidget | None) -> Path | None:
        """The office's enrollment file, or None when cancelled."""
        chosen, _ = QFileDialog.getOpenFileName(
            parent, "Einrichtungsdatei wählen", "", ENROLLMENT_FILTER
        )
        return Path(chosen) if chosen else None


def _selectable(text: str = "", *, mono: bool = False, accessible_name: str = "") -> QLabel:
    label = QLabel(text)
    # Codes and fingerprints are read aloud group by group: never wrapped in the middle.
    label.setWordWrap(not mono)
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse
        | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    if mono:
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        label.setFont(font)
    if accessible_name:
        label.setAccessibleName(accessible_name)
    return label


class OfficeSetupDialog(QDialog):
    """Make this database the office hub: only its name is asked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Als Büro einrichten")
        self.setAccessibleName("Als Büro einrichten")
        intro = QLabel(
            "Diese Fallakte wird das Büro: Sie richtet die Laptops ein, teilt ihnen Fälle zu "
            "und sammelt ihre Änderungen. Das lässt sich nicht rückgängig machen."
        )
        intro.setWordWrap(True)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("z. B. ASD Bezirk Nord")
        self.problems_label = ProblemsLabel()
        form = QFormLayout()
        form.addRow(buddy("&Name des Büros", self.name_edit, "Name des Büros"), self.name_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("&Einrichten")
        self.ok_button.setAccessibleName("Einrichten")
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText("Abbrechen")
        cancel.setAccessibleName("Abbrechen")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problems_label)
        layout.addWidget(buttons)
        self.resize(480, 0)

    def name(self) -> str:
        """The office's name as entered."""
        return self.name_edit.text().strip()

    @override
    def accept(self) -> None:
        if not self.name():
            self.problems_label.show_problems({"name": "Bitte einen Namen für das Büro angeben."})
            self.name_edit.setFocus()
            return
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None) -> str | None:
        """The office's name, or None when cancelled."""
        dialog = cls(parent)
        try:
            return dialog.name() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


class _TwoStepDialog(QDialog):
    """A form, then the result to read aloud and compare; one button row."""

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.form_page = QWidget()
        self.result_page = QWidget()
        self.result_page.setVisible(False)
        self.problems_label = ProblemsLabel()
        self.buttons = QDialogButtonBox()
        self.go_button = QPushButton("&Einrichten")
        self.go_button.setAccessibleName("Einrichten")
        self.go_button.setDefault(True)
        self.cancel_button = QPushButton("Abbrechen")
        self.cancel_button.setAccessibleName("Abbrechen")
        self.close_button = QPushButton("&Schließen")
        self.close_button.setAccessibleName("Schließen")
        self.buttons.addButton(self.go_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button.setVisible(False)
        self.go_button.clicked.connect(self.run)
        self.cancel_button.clicked.connect(self.reject)
        self.close_button.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addWidget(self.form_page)
        layout.addWidget(self.result_page)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.buttons)
        self.resize(620, 0)

    def _show_result(self) -> None:
        self.form_page.setEnabled(False)
        self.result_page.setVisible(True)
        self.go_button.setVisible(False)
        self.cancel_button.setVisible(False)
        self.close_button.setVisible(True)
        self.close_button.setDefault(True)
        self.close_button.setFocus()
        self.problems_label.show_problems({})
        self.adjustSize()

    @Slot()
    def run(self) -> None:
        """Check the form and do the work (subclasses)."""
        raise NotImplementedError


class EnrollDeviceDialog(_TwoStepDialog):
    """Office: register a laptop, write its enrollment file, show code and fingerprints."""

    def __init__(
        self, sync: SyncService, peers: list[DeviceView], parent: QWidget | None = None
    ) -> None:
        super().__init__("Gerät einrichten", parent)
        self._sync = sync
        self.outcome: EnrollmentResult | None = None
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("z. B. Laptop Frau Schneider")
        self.role_combo = QComboBox()
        for scope in (DeviceScope.WHOLE, DeviceScope.FAMILIENRAT):
            self.role_combo.addItem(scope.label, scope.value)
        self.role_combo.setToolTip(
            "Familienrat-Koordination (extern): das Gerät bekommt von seinen Fällen nur den "
            "Familienrat (Teilnehmende, Sorge und Mindestanforderungen, Einladungen, "
            "Vorschläge, Plan, Überprüfung, Stunden) – keine Kontakte, Einschätzungen, "
            "Aufträge/Auflagen, Ziele oder anvertrauten Einträge."
        )
        self.replaces_combo = QComboBox()
        self.replaces_combo.addItem(NO_REPLACEMENT, None)
        for peer in peers:
            if peer.role == DeviceRole.LAPTOP:
                self.replaces_combo.addItem(f"{peer.name} ({peer.state_label})", peer.device_id)
        self.folder_edit = QLineEdit()
        self.folder_edit.setReadOnly(True)
        self.folder_edit.setPlaceholderText("Ordner oder USB-Stick wählen …")
        self.folder_button = QPushButton("&Ordner wählen …")
        self.folder_button.setAccessibleName("Ordner für die Einrichtungsdatei wählen")
        self.folder_button.clicked.connect(self.choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.folder_button)
        form = QFormLayout(self.form_page)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(buddy("&Name des Geräts", self.name_edit, "Name des Geräts"), self.name_edit)
        form.addRow(
            buddy("&Rolle", self.role_combo, "Rolle des Geräts"),
            self.role_combo,
        )
        form.addRow(
            buddy("&Ersetzt Gerät", self.replaces_combo, "Ersetzt Gerät (nach Wiederherstellung)"),
            self.replaces_combo,
        )
        form.addRow(
            buddy("&Ablage", self.folder_edit, "Ordner für die Einrichtungsdatei"), folder_row
        )

        self.code_label = _selectable(mono=True, accessible_name="Einmal-Code")
        big = self.code_label.font()
        big.setPointSizeF(big.pointSizeF() * 1.6)
        big.setBold(True)
        self.code_label.setFont(big)
        self.office_fp_label = _selectable(mono=True, accessible_name="Fingerabdruck des Büros")
        self.device_fp_label = _selectable(mono=True, accessible_name="Fingerabdruck des Geräts")
        self.path_label = _selectable(accessible_name="Einrichtungsdatei")
        hint = QLabel(
            "Bringen Sie die Datei auf den Laptop und geben Sie dort den Code ein. "
            "Vergleichen Sie danach gemeinsam beide Fingerabdrücke mit der Anzeige auf dem "
            "Laptop – sie müssen Zeichen für Zeichen übereinstimmen. Der Code wird nicht "
            "gespeichert."
        )
        hint.setWordWrap(True)
        result = QFormLayout(self.result_page)
        result.setContentsMargins(0, 8, 0, 0)
        result.addRow("Code:", self.code_label)
        result.addRow("Fingerabdruck Büro:", self.office_fp_label)
        result.addRow("Fingerabdruck Gerät:", self.device_fp_label)
        result.addRow("Datei:", self.path_label)
        result.addRow(hint)
        self.out_dir: Path | None = None

    @Slot()
    def choose_folder(self) -> None:
        """Ask for the folder the enrollment file goes to."""
        chosen = FileChooser.folder(self, "Ordner für die Einrichtungsdatei")
        if chosen is not None:
            self.set_folder(chosen)

    def set_folder(self, folder: Path) -> None:
        """Use ``folder`` for the enrollment file."""
        self.out_dir = folder
        self.folder_edit.setText(str(folder))

    def problems(self) -> dict[str, str]:
        """What is missing before the device can be enrolled."""
        problems: dict[str, str] = {}
        if not self.name_edit.text().strip():
            problems["name"] = "Bitte einen Namen für das Gerät angeben."
        if self.out_dir is None:
            problems["folder"] = "Bitte einen Ordner (z. B. den USB-Stick) wählen."
        return problems

    @Slot()
    def run(self) -> None:
        """Enroll the device and show code, fingerprints and file."""
        problems = self.problems()
        if problems:
            self.problems_label.show_problems(problems)
            (self.name_edit if "name" in problems else self.folder_button).setFocus()
            return
        assert self.out_dir is not None
        replaces = self.replaces_combo.currentData()
        try:
            result = self._sync.enroll(
                self.name_edit.text().strip(),
                self.out_dir,
                str(replaces) if replaces else None,
                str(self.role_combo.currentData() or ""),
            )
        except AsdError as exc:
            QMessageBox.warning(self, "Gerät nicht eingerichtet", exc.message)
            return
        self.outcome = result
        self.code_label.setText(result.code)
        self.office_fp_label.setText(result.office_fingerprint)
        self.device_fp_label.setText(result.device_fingerprint)
        self.path_label.setText(str(result.path))
        self._show_result()

    @classmethod
    def ask(
        cls, parent: QWidget | None, sync: SyncService, peers: list[DeviceView]
    ) -> EnrollmentResult | None:
        """Run the dialog; the enrollment, or None when nothing was enrolled."""
        dialog = cls(sync, peers, parent)
        try:
            dialog.exec()
            return dialog.outcome
        finally:
            dialog.deleteLater()


class JoinDialog(_TwoStepDialog):
    """Laptop: take the identity from the office's enrollment file and the code."""

    def __init__(self, sync: SyncService, parent: QWidget | None = None) -> None:
        super().__init__("Dieses Gerät einrichten", parent)
        self._sync = sync
        self.outcome: JoinResult | None = None
        self.path: Path | None = None
        self.file_edit = QLineEdit()
        self.file_edit.setReadOnly(True)
        self.file_edit.setPlaceholderText("Einrichtungsdatei vom Büro …")
        self.file_button = QPushButton("&Datei wählen …")
        self.file_button.setAccessibleName("Einrichtungsdatei wählen")
        self.file_button.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.file_button)
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText("Code, wie im Büro angezeigt")
        form = QFormLayout(self.form_page)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(buddy("Einrichtungs&datei", self.file_edit, "Einrichtungsdatei"), file_row)
        form.addRow(buddy("&Code", self.code_edit, "Einmal-Code"), self.code_edit)

        self.office_label = _selectable(accessible_name="Büro")
        self.office_fp_label = _selectable(mono=True, accessible_name="Fingerabdruck des Büros")
        self.device_fp_label = _selectable(mono=True, accessible_name="Fingerabdruck des Geräts")
        hint = QLabel(
            "Vergleichen Sie beide Fingerabdrücke jetzt mit der Anzeige im Büro. Stimmen sie "
            "nicht Zeichen für Zeichen überein, tauschen Sie keine Pakete aus und melden Sie "
            "es dem Büro."
        )
        hint.setWordWrap(True)
        self.enrollment_label = QLabel()
        self.enrollment_label.setWordWrap(True)
        self.enrollment_label.setAccessibleName("Einrichtungsdatei")
        result = QFormLayout(self.result_page)
        result.setContentsMargins(0, 8, 0, 0)
        result.addRow("Büro:", self.office_label)
        result.addRow("Fingerabdruck Büro:", self.office_fp_label)
        result.addRow("Fingerabdruck Gerät:", self.device_fp_label)
        result.addRow(hint)
        result.addRow(self.enrollment_label)

    @Slot()
    def choose_file(self) -> None:
        """Ask for the enrollment file."""
        chosen = FileChooser.enrollment_file(self)
        if chosen is not None:
            self.set_file(chosen)

    def set_file(self, path: Path) -> None:
        """Use ``path`` as the enrollment file."""
        self.path = path
        self.file_edit.setText(str(path))

    def problems(self) -> dict[str, str]:
        """What is missing before the laptop can join."""
        problems: dict[str, str] = {}
        if self.path is None:
            problems["file"] = "Bitte die Einrichtungsdatei vom Büro wählen."
        if not self.code_edit.text().strip():
            problems["code"] = "Bitte den Code eingeben, den das Büro anzeigt."
        return problems

    @Slot()
    def run(self) -> None:
        """Join and show the fingerprints to compare."""
        problems = self.problems()
        if problems:
            self.problems_label.show_problems(problems)
            (self.file_button if "file" in problems else self.code_edit).setFocus()
            return
        assert self.path is not None
        try:
            result = self._sync.join(self.path, self.code_edit.text().strip())
        except AsdError as exc:
            QMessageBox.warning(self, "Gerät nicht eingerichtet", exc.message)
            return
        self.outcome = result
        self.code_edit.clear()
        self.office_label.setText(result.office_name)
        self.office_fp_label.setText(result.office_fingerprint)
        self.device_fp_label.setText(result.device_fingerprint)
        self.enrollment_label.setText(result.enrollment_note)
        self._show_result()

    @classmethod
    def ask(cls, parent: QWidget | None, sync: SyncService) -> JoinResult | None:
        """Run the dialog; the result, or None when this device was not set up."""
        dialog = cls(sync, parent)
        try:
            dialog.exec()
            return dialog.outcome
        finally:
            dialog.deleteLater()
