"""The pages shown while the case file is closed: first start and unlock.

Both pages emit ``vault_opened`` with the :class:`OpenVault` once the key is in
hand. Key derivation (Argon2id) and opening the database (with migrations when the
schema is behind) run off the GUI thread through :class:`Op`; meanwhile the page says
"Wird entsperrt …" and keeps answering.
"""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from asd_desktop.models.errors import AsdError, ValidationError, WrongPassphraseError
from asd_desktop.services.vault import (
    MIN_PASSPHRASE_LENGTH,
    OpenVault,
    UnlockThrottle,
    change_passphrase,
    create_vault,
    passphrase_problem,
    unlock_vault,
    vault_exists,
)
from asd_desktop.ui.operations import BusyScope, Op

ERROR_STYLE = "color: #b00020;"
RULE_TEXT = (
    f"Die Passphrase muss mindestens {MIN_PASSPHRASE_LENGTH} Zeichen lang sein. "
    "Ein kurzer Satz, den Sie sich gut merken können, ist ideal. "
    "Ohne Passphrase lässt sich die Fallakte nicht öffnen."
)


UNLOCKING = "Wird entsperrt …"
CREATING = "Tresor wird angelegt …"
CHANGING = "Passphrase wird geändert …"


def _password_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    field.setMinimumWidth(320)
    return field


def _message_label(name: str) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.setAccessibleName(name)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    font.setBold(True)
    label.setFont(font)
    label.setAccessibleName(text)
    return label


def _text(text: str, name: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setAccessibleName(name)
    return label


def _centered(content: QWidget) -> QVBoxLayout:
    """A layout that keeps ``content`` at a readable width in the middle of the page."""
    content.setMaximumWidth(560)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(content, 4)
    row.addStretch(1)
    outer = QVBoxLayout()
    outer.addStretch(1)
    outer.addLayout(row)
    outer.addStretch(2)
    return outer


class FirstStartPage(QWidget):
    """First start: choose the passphrase (twice) and create the vault.

    Signals:
        vault_opened(OpenVault): the new vault is created and open.
    """

    vault_opened = Signal(object)

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.setAccessibleName("Erster Start: Passphrase festlegen")

        self.passphrase = _password_field("Neue Passphrase")
        self.repeated = _password_field("Neue Passphrase wiederholen")
        self.recovery = QLineEdit()
        self.recovery.setAccessibleName("Wiederherstellungsschlüssel der Dienststelle")
        self.recovery.setPlaceholderText("age1…")
        self.message = _message_label("Hinweis zur Passphrase")
        self.status = _text("", "Status")
        self.operation: Op[OpenVault] | None = None
        self.create_button = QPushButton("Tresor &anlegen")
        self.create_button.setAccessibleName("Tresor anlegen")
        self.create_button.setDefault(True)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(_heading("Willkommen bei asd-desktop"))
        layout.addWidget(
            _text(
                "Die Fallakte wird verschlüsselt auf diesem Gerät gespeichert. "
                "Bitte legen Sie eine Passphrase fest; sie schützt alle Falldaten.",
                "Einleitung",
            )
        )
        layout.addWidget(_text(RULE_TEXT, "Regel für die Passphrase"))
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow("&Passphrase:", self.passphrase)
        form.addRow("Passphrase &wiederholen:", self.repeated)
        form.addRow(
            "Wiederherstellungsschlüssel der &Dienststelle (age1…, optional):", self.recovery
        )
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.status)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        layout.addLayout(buttons)
        self.setLayout(_centered(content))

        self.create_button.clicked.connect(self.submit)
        for field in (self.passphrase, self.repeated, self.recovery):
            field.returnPressed.connect(self.submit)
        BusyScope(self, (self.passphrase, self.repeated, self.recovery, self.create_button))

    def prepare(self) -> None:
        """Empty fields, focus on the first one."""
        for field in (self.passphrase, self.repeated, self.recovery):
            field.clear()
        self.message.clear()
        self.passphrase.setFocus()

    @Slot()
    def submit(self) -> None:
        """Check the passphrase and create the vault (off the GUI thread)."""
        if self.operation is not None:
            return
        passphrase, repeated = self.passphrase.text(), self.repeated.text()
        problem = passphrase_problem(passphrase, repeated)
        if problem:
            self._show(problem, self.passphrase)
            return
        recovery = self.recovery.text().strip() or None
        data_dir = self.data_dir
        self.message.clear()
        self.status.setText(CREATING)
        self.operation = (
            Op(self, lambda _token: create_vault(data_dir, passphrase, repeated, recovery))
            .success(self._created)
            .failure(lambda exc: self._refused(exc, recovery))
            .run()
        )

    def _created(self, opened: OpenVault) -> None:
        self.operation = None
        self.status.clear()
        self.passphrase.clear()
        self.repeated.clear()
        self.message.clear()
        self.vault_opened.emit(opened)

    def _refused(self, exc: AsdError, recovery: str | None) -> None:
        self.operation = None
        self.status.clear()
        if isinstance(exc, ValidationError):
            self._show(exc.message, self.passphrase)
        else:
            self._show(exc.message, self.recovery if recovery else self.passphrase)

    def _show(self, message: str, focus: QLineEdit) -> None:
        self.message.setText(message)
        if focus is not self.recovery:
            self.passphrase.clear()
            self.repeated.clear()
            focus = self.passphrase
        focus.setFocus()


class UnlockPage(QWidget):
    """Unlock with the passphrase; repeated failures make the next try wait.

    Signals:
        vault_opened(OpenVault): the passphrase was right; the vault is open.
    """

    vault_opened = Signal(object)

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.throttle = UnlockThrottle()
        self.setAccessibleName("Fallakte entsperren")

        self.info = _text("", "Hinweis zur Sperre")
        self.passphrase = _password_field("Passphrase")
        self.message = _message_label("Fehlermeldung")
        self.countdown = _text("", "Wartezeit")
        self.status = _text("", "Status")
        self.operation: Op[OpenVault] | None = None
        self.unlock_button = QPushButton("&Entsperren")
        self.unlock_button.setAccessibleName("Entsperren")
        self.unlock_button.setDefault(True)
        self._tick = QTimer(self)
        self._tick.setInterval(200)
        self._tick.timeout.connect(self._update_countdown)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(_heading("Fallakte gesperrt"))
        layout.addWidget(self.info)
        layout.addWidget(
            _text(
                "Bitte geben Sie Ihre Passphrase ein, um die Fallakte zu entsperren.",
                "Anleitung",
            )
        )
        form = QFormLayout()
        form.addRow("&Passphrase:", self.passphrase)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.countdown)
        layout.addWidget(self.status)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        layout.addLayout(buttons)
        self.setLayout(_centered(content))

        self.unlock_button.clicked.connect(self.submit)
        self.passphrase.returnPressed.connect(self.submit)
        BusyScope(self, (self.passphrase, self.unlock_button), restore=self._ready)

    def prepare(self, reason: str = "") -> None:
        """Empty the field, show why the file is locked, focus the field."""
        self.passphrase.clear()
        self.message.clear()
        self.info.setText(reason)
        self.info.setVisible(bool(reason))
        self._update_countdown()
        layout = self.layout()
        if layout is not None:
            layout.activate()  # lay out the shown/hidden notices before the next paint
        self.passphrase.setFocus()

    @Slot()
    def submit(self) -> None:
        """Try the passphrase off the GUI thread (ignored while a wait or a try runs)."""
        if self.operation is not None:
            return
        if self.throttle.remaining() > 0:
            self._update_countdown()
            return
        passphrase = self.passphrase.text()
        self.passphrase.clear()
        if not passphrase:
            self.message.setText("Bitte die Passphrase eingeben.")
            self.passphrase.setFocus()
            return
        data_dir = self.data_dir
        self.message.clear()
        self.status.setText(UNLOCKING)
        self.operation = (
            Op(self, lambda _token: unlock_vault(data_dir, passphrase))
            .success(self._unlocked)
            .failure(self._refused)
            .run()
        )

    def _unlocked(self, opened: OpenVault) -> None:
        self.operation = None
        self.status.clear()
        self.throttle.succeeded()
        self.message.clear()
        self.info.clear()
        self.vault_opened.emit(opened)

    def _refused(self, exc: AsdError) -> None:
        self.operation = None
        self.status.clear()
        self.message.setText(exc.message)
        if isinstance(exc, WrongPassphraseError):
            self.throttle.failed()
            self._update_countdown()
        self.passphrase.setFocus()

    def _ready(self) -> None:
        self.passphrase.setEnabled(True)
        self._update_countdown()

    @Slot()
    def _update_countdown(self) -> None:
        remaining = math.ceil(self.throttle.remaining())
        waiting = remaining > 0
        self.unlock_button.setEnabled(not waiting)
        self.countdown.setVisible(waiting)
        if waiting:
            unit = "Sekunde" if remaining == 1 else "Sekunden"
            self.countdown.setText(f"Bitte noch {remaining} {unit} warten.")
            if not self._tick.isActive():
                self._tick.start()
        else:
            self.countdown.clear()
            self._tick.stop()


class LockScreen(QStackedWidget):
    """Whichever of first start and unlock fits the data folder.

    Signals:
        vault_opened(OpenVault): the case file is open.
    """

    vault_opened = Signal(object)

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.setAccessibleName("Sperrbildschirm")
        self.first_start = FirstStartPage(data_dir)
        self.unlock = UnlockPage(data_dir)
        self.addWidget(self.first_start)
        self.addWidget(self.unlock)
        self.first_start.vault_opened.connect(self.vault_opened)
        self.unlock.vault_opened.connect(self.vault_opened)

    def prepare(self, reason: str = "") -> None:
        """Show first start or unlock, depending on whether a vault exists."""
        if vault_exists(self.data_dir):
            self.setCurrentWidget(self.unlock)
            self.unlock.prepare(reason)
        else:
            self.setCurrentWidget(self.first_start)
            self.first_start.prepare()


class ChangePassphraseDialog(QDialog):
    """Asks for the old passphrase and the new one twice, and re-wraps the key."""

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.operation: Op[None] | None = None
        self.setWindowTitle("Passphrase ändern")
        self.setAccessibleName("Passphrase ändern")
        self.old = _password_field("Bisherige Passphrase")
        self.new = _password_field("Neue Passphrase")
        self.repeated = _password_field("Neue Passphrase wiederholen")
        self.message = _message_label("Hinweis zur Passphrase")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Passphrase ändern")
        ok.setAccessibleName("Passphrase ändern")
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText("Abbrechen")
        cancel.setAccessibleName("Abbrechen")

        layout = QVBoxLayout(self)
        layout.addWidget(_text(RULE_TEXT, "Regel für die Passphrase"))
        form = QFormLayout()
        form.addRow("&Bisherige Passphrase:", self.old)
        form.addRow("&Neue Passphrase:", self.new)
        form.addRow("Neue Passphrase &wiederholen:", self.repeated)
        layout.addLayout(form)
        layout.addWidget(self.message)
        self.status = _text("", "Status")
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        BusyScope(self, (self.old, self.new, self.repeated, self.buttons))

    @override
    def accept(self) -> None:
        """Change the passphrase off the GUI thread; stay open with a message if refused."""
        if self.operation is not None:
            return
        problem = passphrase_problem(self.new.text(), self.repeated.text())
        if problem:
            self._show(problem, self.new)
            return
        data_dir, old, new, repeated = (
            self.data_dir,
            self.old.text(),
            self.new.text(),
            self.repeated.text(),
        )
        self.message.clear()
        self.status.setText(CHANGING)
        self.operation = (
            Op(self, lambda _token: change_passphrase(data_dir, old, new, repeated))
            .success(self._changed)
            .failure(self._refused)
            .run()
        )

    def _changed(self, _nothing: None) -> None:
        self.operation = None
        self.status.clear()
        super().accept()

    def _refused(self, exc: AsdError) -> None:
        self.operation = None
        self.status.clear()
        if isinstance(exc, WrongPassphraseError):
            self.old.clear()
            self._show(
                "Die bisherige Passphrase ist nicht richtig; es wurde nichts geändert. "
                "Bitte erneut eingeben.",
                self.old,
            )
        else:
            self._show(exc.message, self.new)

    def _show(self, message: str, focus: QLineEdit) -> None:
        self.message.setText(message)
        if focus is self.new:
            self.new.clear()
            self.repeated.clear()
        focus.setFocus()

    @classmethod
    def ask(cls, parent: QWidget | None, data_dir: Path) -> bool:
        """Run the dialog; True when the passphrase was changed."""
        dialog = cls(data_dir, parent)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()
