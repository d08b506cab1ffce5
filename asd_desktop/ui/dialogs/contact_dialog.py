"""Record a Kontakt quickly, or the correction of an earlier one."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from asd_desktop.domain.enums import ContactKind
from asd_desktop.services.cases import ContactInput, ContactView, contact_problems
from asd_desktop.ui.dialogs.drafts import DraftFormDialog
from asd_desktop.ui.dialogs.step_dialog import ActorEdit
from asd_desktop.ui.widgets import (
    DATETIME_FORMAT,
    FormDialog,
    OptionalDateEdit,
    buddy,
    from_qdatetime,
    german_datetime,
    to_qdatetime,
)

DEFAULT_KIND = ContactKind.HOME_VISIT_ANNOUNCED
DEFAULT_DURATION_MINUTES = 60


class ContactDialog(DraftFormDialog):
    """A contact entry, made for speed: type the note, press Ctrl+Return.

    With ``initial`` the dialog prepares the correction of that entry; the
    caller stores it as a new entry referring to the old one. What is typed is
    kept as a draft a few seconds after the last keystroke.
    """

    draft_name = "contact"

    def __init__(self, initial: ContactView | None = None, parent: QWidget | None = None) -> None:
        title = "Kontakt korrigieren" if initial else "Kontakt erfassen"
        super().__init__(title, parent, min_width=560)
        self.draft_target = initial.id if initial is not None else None
        now = dt.datetime.now().replace(second=0, microsecond=0)

        self.occurred_at_edit = QDateTimeEdit(to_qdatetime(now))
        self.occurred_at_edit.setCalendarPopup(True)
        self.occurred_at_edit.setDisplayFormat(DATETIME_FORMAT)
        self.kind_combo = QComboBox()
        for kind in ContactKind:
            self.kind_combo.addItem(kind.label)
        self.kind_combo.setCurrentIndex(list(ContactKind).index(DEFAULT_KIND))
        self.duration_spin = QSpinBox()
        self.duration_spin.setRange(0, 24 * 60)
        self.duration_spin.setSingleStep(15)
        self.duration_spin.setSuffix(" Min.")
        self.duration_spin.setValue(DEFAULT_DURATION_MINUTES)
        self.present_edit = QLineEdit()
        self.present_edit.setPlaceholderText("z. B. Mutter, Kinder")
        self.place_edit = QLineEdit()
        self.place_edit.setPlaceholderText("z. B. Wohnung der Familie")
        self.note_edit = QPlainTextEdit()
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setMinimumHeight(120)
        self.next_step_edit = QLineEdit()
        #: Who does the next step; it becomes an open step of the case (Wiedervorlage).
        self.actor_edit = ActorEdit("wer macht den nächsten Schritt")
        self.due_edit = OptionalDateEdit(
            "Frist setzen", "Frist", default=lambda: dt.date.today() + dt.timedelta(days=7)
        )
        #: § 65 SGB VIII: entrusted in confidence; leaves no print, export or bundle.
        self.entrusted_check = QCheckBox("An&vertraut (§ 65 SGB VIII), von:")
        self.entrusted_check.setAccessibleName("Anvertraut nach § 65 SGB VIII")
        self.entrusted_check.setToolTip(
            "Im Vertrauen mitgeteilt: der Eintrag bleibt auf Ihren Geräten und geht ohne "
            "erfasste Einwilligung in keinen Ausdruck, Export, keine Auskunft und kein Paket."
        )
        self.entrusted_edit = QLineEdit()
        self.entrusted_edit.setAccessibleName("Anvertraut von")
        self.entrusted_edit.setPlaceholderText("wer hat es anvertraut, z. B. Tochter Lea")
        self.entrusted_edit.setEnabled(False)
        self.entrusted_check.toggled.connect(self.entrusted_edit.setEnabled)

        form = QFormLayout()
        if initial is not None:
            hint = QLabel(
                f"Korrektur des Eintrags vom {german_datetime(initial.occurred_at)}. "
                "Der ursprüngliche Eintrag bleibt erhalten und wird als korrigiert markiert."
            )
            hint.setWordWrap(True)
            form.addRow(hint)
        form.addRow(
            buddy("&Datum/Uhrzeit:", self.occurred_at_edit, "Datum und Uhrzeit"),
            self.occurred_at_edit,
        )
        form.addRow(buddy("&Art:", self.kind_combo, "Art des Kontakts"), self.kind_combo)
        form.addRow(buddy("Da&uer:", self.duration_spin, "Dauer in Minuten"), self.duration_spin)
        form.addRow(buddy("A&nwesend:", self.present_edit, "Anwesend"), self.present_edit)
        form.addRow(buddy("&Ort:", self.place_edit, "Ort"), self.place_edit)
        form.addRow(buddy("No&tiz:", self.note_edit, "Notiz"), self.note_edit)
        form.addRow(
            buddy("nächster Sch&ritt:", self.next_step_edit, "nächster Schritt"),
            self.next_step_edit,
        )
        form.addRow(buddy("&wer:", self.actor_edit, "wer"), self.actor_edit)
        form.addRow(buddy("&Frist:", self.due_edit, "Frist"), self.due_edit)
        form.addRow(self.entrusted_check, self.entrusted_edit)
        self.body.addLayout(form)
        shortcut_hint = QLabel("Strg+Eingabe speichert, Esc bricht ab.")
        shortcut_hint.setEnabled(False)
        self.body.addWidget(shortcut_hint)

        self.fields.update(
            {
                "occurred_at": self.occurred_at_edit,
                "kind": self.kind_combo,
                "duration_minutes": self.duration_spin,
                "present": self.present_edit,
                "place": self.place_edit,
                "note": self.note_edit,
                "next_step": self.next_step_edit,
                "next_step_due": self.due_edit,
                "entrusted_by": self.entrusted_edit,
            }
        )
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.accept)

        if initial is not None:
            self._fill(initial)
            self.note_edit.moveCursor(QTextCursor.MoveOperation.End)
        self.note_edit.setFocus()

    def _fill(self, value: ContactInput) -> None:
        self.occurred_at_edit.setDateTime(to_qdatetime(value.occurred_at))
        self.kind_combo.setCurrentIndex(list(ContactKind).index(value.kind))
        self.duration_spin.setValue(value.duration_minutes)
        self.present_edit.setText(value.present)
        self.place_edit.setText(value.place)
        self.note_edit.setPlainText(value.note)
        self.next_step_edit.setText(value.next_step)
        self.due_edit.set_date(value.next_step_due)
        self.actor_edit.set_value(value.next_step_actor, value.next_step_actor_name)
        self.entrusted_check.setChecked(bool(value.entrusted_by))
        self.entrusted_edit.setText(value.entrusted_by)

    def values(self) -> ContactInput:
        """The contact as entered."""
        return ContactInput(
            occurred_at=from_qdatetime(self.occurred_at_edit.dateTime()),
            kind=list(ContactKind)[self.kind_combo.currentIndex()],
            duration_minutes=self.duration_spin.value(),
            present=self.present_edit.text(),
            place=self.place_edit.text(),
            note=self.note_edit.toPlainText(),
            next_step=self.next_step_edit.text(),
            next_step_due=self.due_edit.date(),
            next_step_actor=self.actor_edit.actor(),
            next_step_actor_name=self.actor_edit.name(),
            entrusted_by=self.entrusted_edit.text() if self.entrusted_check.isChecked() else "",
        )

    def current_problems(self) -> dict[str, str]:
        """Why the entry cannot be stored."""
        problems = contact_problems(self.values())
        if self.entrusted_check.isChecked() and not self.entrusted_edit.text().strip():
            problems["entrusted_by"] = "Bitte angeben, wer es anvertraut hat."
        return problems

    @classmethod
    def ask(cls, parent: QWidget | None, initial: ContactView | None = None) -> ContactInput | None:
        """Show the dialog modally; the entered contact, or None if cancelled."""
        dialog = cls(initial, parent)
        if dialog.exec() == FormDialog.DialogCode.Accepted.value:
            return dialog.values()
        return None
