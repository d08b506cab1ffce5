"""Nothing typed is lost: dialogs that keep their input as encrypted drafts.

A :class:`DraftFormDialog` reads and writes its input fields generically (found
by attribute name), so each dialog only names itself. The main window's
:class:`DraftKeeper` stores a dialog's fields through the drafts service a few
seconds after the last keystroke and when the window locks, fills a dialog from
its stored draft when it opens again, and removes the draft once the dialog is
saved or cancelled. Nothing here touches a file: drafts live in the encrypted
database.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QObject, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QSpinBox,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from asd_desktop.models.errors import AsdError
from asd_desktop.services.drafts import DialogDraft, DraftService
from asd_desktop.ui.widgets import FormDialog, OptionalDateEdit

#: Milliseconds after the last keystroke until a dialog's input is stored.
AUTOSAVE_MS = 3000
#: A field's value in a draft (JSON).
FieldValue = str | int | float | bool | list[int] | None
#: The field under which a draft names the record being changed (absent for a new one).
TARGET_FIELD = "@target"

#: How the offer after a crash names a draft, by dialog name.
DRAFT_PHRASES: Mapping[str, str] = {
    "contact": "einen nicht gespeicherten Kontaktvermerk",
    "person": "eine nicht gespeicherte Person",
    "case": "eine nicht gespeicherte Fallanlage bzw. Fallbearbeitung",
    "area": "eine nicht gespeicherte Falleinordnung",
    "mandate": "einen nicht gespeicherten Auftrag",
    "requirement": "eine nicht gespeicherte Auflage",
    "assessment": "eine nicht gespeicherte Gefährdungseinschätzung",
    "exploration": "eine nicht gespeicherte Sozialraum-Erkundung",
    "catalog_entry": "einen nicht gespeicherten Katalogeintrag",
    "hilfe": "eine nicht gespeicherte Hilfe",
    "hilfeplan": "ein nicht gespeichertes Hilfeplangespräch",
}


def base_name(draft_name: str) -> str:
    """The dialog's name without the mark of the record being changed."""
    return draft_name.partition("@")[0]


def _is_input(value: object) -> bool:
    if isinstance(value, QAbstractButton):
        return value.isCheckable()
    return isinstance(
        value,
        QLineEdit
        | QPlainTextEdit
        | QTextEdit
        | QComboBox
        | QSpinBox
        | QDoubleSpinBox
        | QDateTimeEdit
        | QListWidget
        | OptionalDateEdit,
    )


def input_widgets(owner: QWidget) -> dict[str, QWidget]:
    """The input fields of ``owner`` by attribute path (``area_fields.reason_edit``)."""
    found: dict[str, QWidget] = {}
    seen: set[int] = {id(owner)}

    def collect(obj: object, prefix: str, depth: int) -> None:
        for name, value in vars(obj).items():
            if name.startswith("_") or id(value) in seen:
                continue
            key = prefix + name
            if _is_input(value):
                seen.add(id(value))
                found[key] = value
            elif isinstance(value, dict):
                for member, widget in value.items():
                    if _is_input(widget):
                        label = member.name if isinstance(member, enum.Enum) else str(member)
                        found[f"{key}.{label}"] = widget
            elif (
                isinstance(value, QWidget)
                and not isinstance(value, QDialog | QDialogButtonBox | QLabel)
                and depth < 3
            ):
                seen.add(id(value))
                collect(value, key + ".", depth + 1)

    collect(owner, "", 0)
    return found


def read_input(widget: QWidget) -> FieldValue:
    """The value of one input field as a JSON value."""
    if isinstance(widget, OptionalDateEdit):
        date = widget.date()
        return date.isoformat() if date is not None else None
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return widget.currentText() if widget.isEditable() else widget.currentIndex()
    if isinstance(widget, QDateEdit):
        return widget.date().toString(Qt.DateFormat.ISODate)
    if isinstance(widget, QDateTimeEdit):
        return widget.dateTime().toString(Qt.DateFormat.ISODate)
    if isinstance(widget, QSpinBox | QDoubleSpinBox):
        return widget.value()
    if isinstance(widget, QAbstractButton):
        return widget.isChecked()
    if isinstance(widget, QListWidget):
        return [widget.item(row).checkState().value for row in range(widget.count())]
    return None


def write_input(widget: QWidget, value: object) -> None:
    """Put a value read by :func:`read_input` back; a value of the wrong type is skipped."""
    if isinstance(widget, OptionalDateEdit):
        if value is None:
            widget.set_date(None)
        elif isinstance(value, str):
            try:
                widget.set_date(dt.date.fromisoformat(value))
            except ValueError:
                return
    elif isinstance(widget, QLineEdit) and isinstance(value, str):
        widget.setText(value)
    elif isinstance(widget, QPlainTextEdit | QTextEdit) and isinstance(value, str):
        widget.setPlainText(value)
    elif isinstance(widget, QComboBox):
        if isinstance(value, str) and widget.isEditable():
            widget.setCurrentText(value)
        elif isinstance(value, int) and 0 <= value < widget.count():
            widget.setCurrentIndex(value)
    elif isinstance(widget, QDateEdit) and isinstance(value, str):
        date = QDate.fromString(value, Qt.DateFormat.ISODate)
        if date.isValid():
            widget.setDate(date)
    elif isinstance(widget, QDateTimeEdit) and isinstance(value, str):
        moment = QDateTime.fromString(value, Qt.DateFormat.ISODate)
        if moment.isValid():
            widget.setDateTime(moment)
    elif isinstance(widget, QSpinBox) and isinstance(value, int):
        widget.setValue(value)
    elif isinstance(widget, QDoubleSpinBox) and isinstance(value, int | float):
        widget.setValue(float(value))
    elif isinstance(widget, QAbstractButton) and isinstance(value, bool):
        widget.setChecked(value)
    elif isinstance(widget, QListWidget) and isinstance(value, list):
        for row, state in enumerate(value[: widget.count()]):
            if isinstance(state, int):
                widget.item(row).setCheckState(Qt.CheckState(state))


def _edit_signals(widget: QWidget) -> list[SignalInstance]:
    if isinstance(widget, OptionalDateEdit):
        return [widget.checkbox.toggled, widget.date_edit.dateChanged]
    if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
        return [widget.textChanged]
    if isinstance(widget, QComboBox):
        return [widget.currentIndexChanged, widget.editTextChanged]
    if isinstance(widget, QDateTimeEdit):
        return [widget.dateTimeChanged]
    if isinstance(widget, QSpinBox | QDoubleSpinBox):
        return [widget.valueChanged]
    if isinstance(widget, QAbstractButton):
        return [widget.toggled]
    if isinstance(widget, QListWidget):
        return [widget.itemChanged]
    return []


class DraftFormDialog(FormDialog):
    """A form dialog whose input survives a lock, a crash or a dead battery.

    Subclasses set :attr:`draft_name`; a dialog that changes an existing record
    sets :attr:`draft_target` to its id, one outside the open case clears
    :attr:`draft_in_case`. The fields are found by attribute name.

    Signals:
        draft_edited(): a field changed (the keeper stores the draft a little later).
    """

    draft_edited = Signal()
    #: Which dialog this is, as the name of its draft.
    draft_name = ""

    def __init__(self, title: str, parent: QWidget | None = None, min_width: int = 520) -> None:
        super().__init__(title, parent, min_width)
        #: The id of the record being changed; None for a new one.
        self.draft_target: str | None = None
        #: False for a dialog that belongs to no case (the Sozialraum catalogue).
        self.draft_in_case = True
        self._draft_adopted = False

    def draft_key_name(self) -> str:
        """The draft's name: the dialog's, marked with the record being changed."""
        if self.draft_target is None:
            return self.draft_name
        mark = hashlib.sha256(self.draft_target.encode()).hexdigest()[:12]
        return f"{self.draft_name}@{mark}"

    def draft_state(self) -> dict[str, Any]:
        """The dialog's input as JSON values by field name."""
        state = {key: read_input(w) for key, w in input_widgets(self).items()}
        if self.draft_target is not None:
            state[TARGET_FIELD] = self.draft_target
        return state

    def restore_draft(self, state: Mapping[str, Any]) -> None:
        """Fill the fields from a stored draft (unknown or mistyped fields are skipped)."""
        widgets = input_widgets(self)
        for key, value in state.items():
            widget = widgets.get(key)
            if widget is not None:
                write_input(widget, value)

    @override
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._draft_adopted:
            return
        self._draft_adopted = True
        for widget in input_widgets(self).values():
            for signal in _edit_signals(widget):
                signal.connect(self.draft_edited)
        keeper = DraftKeeper.of(self)
        if keeper is not None:
            keeper.adopt(self)


@dataclass
class _Watched:
    """A dialog the keeper looks after."""

    dialog: DraftFormDialog
    case_id: str | None
    name: str
    baseline: dict[str, Any]
    timer: QTimer
    closing_for_lock: bool = False


@dataclass(frozen=True)
class WizardToReopen:
    """A wizard that was open when the window locked (it keeps its own draft)."""

    kind: str
    case_id: str | None


class DraftKeeper(QObject):
    """Stores what open dialogs hold, and gives it back when they open again.

    The main window owns one (as ``draft_keeper``); dialogs find it through their
    parents. While the window is locked it holds no service and stores nothing.

    Signals:
        draft_saved(DialogDraft): a dialog's input was stored.
        draft_discarded(str): a dialog's draft was removed (its name).
    """

    draft_saved = Signal(object)
    draft_discarded = Signal(str)

    def __init__(self, parent: QObject | None = None, autosave_ms: int = AUTOSAVE_MS) -> None:
        super().__init__(parent)
        self.autosave_ms = autosave_ms
        self._service: DraftService | None = None
        self._case_of: Callable[[], str | None] = lambda: None
        self._watched: list[_Watched] = []
        self._stored_at_lock: list[tuple[str | None, str]] = []
        self._wizards: list[WizardToReopen] = []
        #: The window's lock command: offered in every dialog too, so Ctrl+L locks there.
        self.lock_action: QAction | None = None

    @staticmethod
    def of(widget: QWidget) -> DraftKeeper | None:
        """The keeper of the window ``widget`` belongs to, if any."""
        current: QObject | None = widget.parent()
        while current is not None:
            keeper = getattr(current, "draft_keeper", None)
            if isinstance(keeper, DraftKeeper):
                return keeper
            current = current.parent()
        return None

    # --- while unlocked ---------------------------------------------------------------

    def attach(self, service: DraftService, case_of: Callable[[], str | None]) -> None:
        """Start keeping drafts (after unlock); ``case_of`` names the open case."""
        self._service = service
        self._case_of = case_of

    def detach(self) -> None:
        """Stop keeping drafts and let go of the service (and with it the key)."""
        for watched in self._watched:
            watched.timer.stop()
        self._watched.clear()
        self._service = None
        self._case_of = lambda: None

    @property
    def service(self) -> DraftService | None:
        """The drafts service while the window is unlocked."""
        return self._service

    def stored_drafts(self) -> tuple[DialogDraft, ...]:
        """Every dialog draft in the case file, oldest first."""
        return self._service.all() if self._service is not None else ()

    def adopt(self, dialog: DraftFormDialog) -> None:
        """Look after ``dialog``: fill it from its draft, store its typing, clean up after."""
        if self.lock_action is not None:
            # The window's own shortcuts do not reach past a modal dialog.
            dialog.addAction(self.lock_action)
        service = self._service
        if service is None or not dialog.draft_name:
            return
        case_id = self._case_of() if dialog.draft_in_case else None
        if dialog.draft_in_case and case_id is None:
            return
        name = dialog.draft_key_name()
        timer = QTimer(dialog)
        timer.setSingleShot(True)
        timer.setInterval(self.autosave_ms)
        watched = _Watched(dialog, case_id, name, dialog.draft_state(), timer)
        self._watched.append(watched)
        timer.timeout.connect(lambda: self._store(watched))
        dialog.draft_edited.connect(timer.start)
        dialog.finished.connect(lambda result: self._on_finished(watched, result))
        draft = self._load(case_id, name)
        if draft is not None:
            dialog.restore_draft(draft.fields)
            timer.stop()

    def _load(self, case_id: str | None, name: str) -> DialogDraft | None:
        if self._service is None:
            return None
        try:
            return self._service.load(case_id, name)
        except AsdError:
            return None

    def _store(self, watched: _Watched) -> bool:
        """Store the dialog's input; True when there was something to keep."""
        service = self._service
        if service is None:
            return False
        state = watched.dialog.draft_state()
        try:
            if state == watched.baseline:
                service.discard(watched.case_id, watched.name)
                return False
            draft = service.save(watched.case_id, watched.name, state)
        except AsdError:
            return False
        self.draft_saved.emit(draft)
        return True

    def _on_finished(self, watched: _Watched, result: int) -> None:
        watched.timer.stop()
        if watched in self._watched:
            self._watched.remove(watched)
        if watched.closing_for_lock or self._service is None:
            return
        # Saved, or cancelled on purpose: either way the draft has done its work.
        try:
            self._service.discard(watched.case_id, watched.name)
        except AsdError:
            return
        self.draft_discarded.emit(watched.name)

    def discard(self, draft: DialogDraft) -> None:
        """Throw a draft away: the caseworker chose so."""
        if self._service is not None:
            self._service.discard(draft.case_id, draft.name)
            self.draft_discarded.emit(draft.name)

    # --- locking ----------------------------------------------------------------------

    def store_for_lock(self, case_id: str | None) -> None:
        """Store every open dialog's input and every open wizard's draft before locking.

        The dialogs are then closed by the window; :meth:`take_reopen` says which
        to open again after unlocking.
        """
        for watched in list(self._watched):
            watched.closing_for_lock = True
            watched.timer.stop()
            if watched.dialog.isVisible() and self._store(watched):
                self._stored_at_lock.append((watched.case_id, watched.name))
        for widget in QApplication.topLevelWidgets():
            save_now = getattr(widget, "save_draft_now", None)
            if widget.isVisible() and callable(save_now):
                try:
                    save_now()
                except AsdError:
                    continue
                self._wizards.append(WizardToReopen(type(widget).__name__, case_id))

    def take_reopen(self) -> tuple[list[tuple[str | None, str]], list[WizardToReopen]]:
        """The drafts stored and the wizards closed at the last lock (forgotten here)."""
        dialogs, self._stored_at_lock = self._stored_at_lock, []
        wizards, self._wizards = self._wizards, []
        return dialogs, wizards

    def remember_for_lock(self, keys: list[tuple[str | None, str]]) -> None:
        """Drafts not reopened yet when the window locked again: reopen them next time."""
        self._stored_at_lock.extend(k for k in keys if k not in self._stored_at_lock)


class DraftChoice(enum.Enum):
    """What the caseworker does with a draft left from an earlier session."""

    RESTORE = "restore"
    DISCARD = "discard"
    LATER = "later"


def offer_text(draft: DialogDraft, case_label: str) -> str:
    """The German question about a draft left behind (after a crash or a dead battery)."""
    phrase = DRAFT_PHRASES.get(base_name(draft.name), "einen nicht gespeicherten Entwurf")
    when = draft.saved_at.strftime("%d.%m.%Y, %H:%M Uhr")
    where = f" im Fall {case_label}" if case_label else ""
    return f"Es gibt {phrase}{where} vom {when}."


class DraftOfferDialog(QDialog):
    """Offers a draft left from an earlier session back: Wiederherstellen or Verwerfen.

    Esc (Später) keeps the draft; it is only gone after Verwerfen.
    """

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Nicht gespeicherte Eingaben")
        self.setAccessibleName("Nicht gespeicherte Eingaben")
        self.choice = DraftChoice.LATER
        self.label = QLabel(text + "\n\nWiederherstellen öffnet ihn mit dem Getippten wieder.")
        self.label.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton(
            "&Wiederherstellen", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.discard_button = buttons.addButton(
            "&Verwerfen", QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.later_button = buttons.addButton("&Später", QDialogButtonBox.ButtonRole.RejectRole)
        for button, name in (
            (self.restore_button, "Wiederherstellen"),
            (self.discard_button, "Verwerfen"),
            (self.later_button, "Später"),
        ):
            button.setAccessibleName(name)
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(lambda: self._choose(DraftChoice.RESTORE))
        self.discard_button.clicked.connect(lambda: self._choose(DraftChoice.DISCARD))
        self.later_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(buttons)
        self.restore_button.setFocus()

    def _choose(self, choice: DraftChoice) -> None:
        self.choice = choice
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, text: str) -> DraftChoice:
        """Ask what to do with the draft described by ``text``."""
        dialog = cls(text, parent)
        try:
            dialog.exec()
            return dialog.choice
        finally:
            dialog.deleteLater()
