"""Give an Auftrag or an Auflage, record evidence received, record the outcome."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from asd_desktop.domain.enums import Area, MandateKind, MandateStatus
from asd_desktop.services.instruments import (
    EvidenceInput,
    MandateInput,
    MandateView,
    OutcomeInput,
    evidence_problems,
    mandate_problems,
    outcome_problems,
)
from asd_desktop.ui.dialogs.drafts import DraftFormDialog
from asd_desktop.ui.widgets import (
    DATE_FORMAT,
    FormDialog,
    OptionalDateEdit,
    buddy,
    from_qdate,
    german_date,
    to_qdate,
)

#: Default time the family gets, offered when the deadline is switched on.
DEFAULT_PERIOD = dt.timedelta(days=14)

#: The labels of the requirement and risk fields, per kind, in the field's words.
REQUIREMENT_LABELS = {
    MandateKind.CHECK: ("Was muss &gezeigt werden:", "Was die Sorgeberechtigten zeigen müssen"),
    MandateKind.AVERT: (
        "Zustand, den die Familie &sichert:",
        "Zustand, den die Familie ab jetzt sichert",
    ),
    MandateKind.REQUIREMENT: ("&Auflage:", "Verbindliche Auflage"),
}
RISK_LABELS = {
    MandateKind.CHECK: ("&Verdacht, der geprüft wird:", "Verdacht, der geprüft wird"),
    MandateKind.AVERT: ("Drohende &Gefährdung:", "Drohende Gefährdung"),
    MandateKind.REQUIREMENT: (
        "Konkrete &Gefahr, die abgewendet wird:",
        "Konkrete Gefahr, die die Auflage abwendet",
    ),
}
CONSEQUENCE_LABELS = {
    MandateKind.CHECK: "Folge, wenn die Belege &fehlen:",
    MandateKind.AVERT: "Folge (Auflagen), wenn es sich &verschlechtert:",
    MandateKind.REQUIREMENT: "Folge, wenn die Auflage nicht &erfüllt wird:",
}


def _text_edit(placeholder: str = "", height: int = 60) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(height)
    edit.setPlaceholderText(placeholder)
    return edit


def _date_edit(value: dt.date) -> QDateEdit:
    edit = QDateEdit(to_qdate(value))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    return edit


class MandateDialog(DraftFormDialog):
    """Enter an Auftrag (Überprüfung or Abwenden) or an Auflage.

    The case's area is passed in so the dialog shows the same refusal as the service
    (an Auflage outside the Gefährdungsbereich, an Auftrag in the Leistungsbereich).
    """

    def __init__(
        self,
        kind: MandateKind,
        area: Area | None,
        addressed_to: str = "",
        existing: MandateView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = "Auflage erteilen" if kind is MandateKind.REQUIREMENT else "Auftrag erteilen"
        if existing is not None:
            title = f"{existing.kind.label} bearbeiten"
            kind = existing.kind
        super().__init__(title, parent, min_width=620)
        self._area = area
        self.draft_name = "requirement" if kind is MandateKind.REQUIREMENT else "mandate"
        self.draft_target = existing.id if existing is not None else None
        self.kind_combo = QComboBox()
        kinds = (
            (MandateKind.REQUIREMENT,)
            if kind is MandateKind.REQUIREMENT
            else (MandateKind.CHECK, MandateKind.AVERT)
        )
        self._kinds = kinds
        for k in kinds:
            self.kind_combo.addItem(k.label)
        self.kind_combo.setCurrentIndex(kinds.index(kind) if kind in kinds else 0)
        self.kind_combo.setEnabled(len(kinds) > 1 and existing is None)

        self.issued_on_edit = _date_edit(existing.issued_on if existing else dt.date.today())
        self.due_on_edit = OptionalDateEdit(
            "Frist &setzen", "Frist", default=lambda: dt.date.today() + DEFAULT_PERIOD
        )
        self.addressed_to_edit = QLineEdit(existing.addressed_to if existing else addressed_to)
        self.requirement_edit = _text_edit()
        self.evidence_edit = _text_edit("z. B. Bescheinigung der Schule, Attest der Praxis")
        self.risk_edit = _text_edit()
        self.consequence_edit = _text_edit()
        self.how_checked_edit = _text_edit("z. B. Bescheinigung, unangemeldeter Hausbesuch")

        form = QFormLayout()
        self.requirement_label = buddy("", self.requirement_edit, "")
        self.risk_label = buddy("", self.risk_edit, "")
        self.consequence_label = buddy("", self.consequence_edit, "Folge")
        self.evidence_label = buddy("&Belege:", self.evidence_edit, "Belege")
        form.addRow(buddy("A&rt:", self.kind_combo, "Art"), self.kind_combo)
        form.addRow(buddy("Erteilt a&m:", self.issued_on_edit, "Erteilt am"), self.issued_on_edit)
        form.addRow(buddy("&Frist:", self.due_on_edit, "Frist"), self.due_on_edit)
        form.addRow(
            buddy("A&n (Sorgeberechtigte):", self.addressed_to_edit, "An (Sorgeberechtigte)"),
            self.addressed_to_edit,
        )
        form.addRow(self.requirement_label, self.requirement_edit)
        form.addRow(self.evidence_label, self.evidence_edit)
        form.addRow(self.risk_label, self.risk_edit)
        form.addRow(self.consequence_label, self.consequence_edit)
        form.addRow(
            buddy("Wie wird über&prüft:", self.how_checked_edit, "Wie wird überprüft"),
            self.how_checked_edit,
        )
        self._form = form
        self.body.addLayout(form)
        self.fields.update(
            {
                "area": self.kind_combo,
                "issued_on": self.issued_on_edit,
                "due_on": self.due_on_edit,
                "requirement": self.requirement_edit,
                "evidence_required": self.evidence_edit,
                "risk": self.risk_edit,
                "consequence": self.consequence_edit,
                "how_checked": self.how_checked_edit,
            }
        )
        self.kind_combo.currentIndexChanged.connect(self._on_kind_changed)
        if existing is not None:
            self.due_on_edit.set_date(existing.due_on)
            self.requirement_edit.setPlainText(existing.requirement)
            self.evidence_edit.setPlainText(existing.evidence_required)
            self.risk_edit.setPlainText(existing.risk)
            self.consequence_edit.setPlainText(existing.consequence)
            self.how_checked_edit.setPlainText(existing.how_checked)
        self._on_kind_changed()
        refusal = mandate_problems(self.values(), area).get("area")
        if refusal:
            self.problems_label.show_problems({"area": refusal})
        (self.kind_combo if self.kind_combo.isEnabled() else self.due_on_edit).setFocus()

    def kind(self) -> MandateKind:
        """The kind chosen."""
        return self._kinds[max(0, self.kind_combo.currentIndex())]

    def _on_kind_changed(self) -> None:
        kind = self.kind()
        text, name = REQUIREMENT_LABELS[kind]
        self.requirement_label.setText(text)
        self.requirement_edit.setAccessibleName(name)
        text, name = RISK_LABELS[kind]
        self.risk_label.setText(text)
        self.risk_edit.setAccessibleName(name)
        self.consequence_label.setText(CONSEQUENCE_LABELS[kind])
        self._form.setRowVisible(self.evidence_edit, kind is MandateKind.CHECK)

    def values(self) -> MandateInput:
        """The Auftrag or Auflage as entered."""
        kind = self.kind()
        return MandateInput(
            kind=kind,
            issued_on=from_qdate(self.issued_on_edit.date()),
            due_on=self.due_on_edit.date(),
            requirement=self.requirement_edit.toPlainText(),
            evidence_required=(
                self.evidence_edit.toPlainText() if kind is MandateKind.CHECK else ""
            ),
            risk=self.risk_edit.toPlainText(),
            consequence=self.consequence_edit.toPlainText(),
            how_checked=self.how_checked_edit.toPlainText(),
            addressed_to=self.addressed_to_edit.text(),
        )

    def current_problems(self) -> dict[str, str]:
        """Why the Auftrag or Auflage cannot be stored."""
        return mandate_problems(self.values(), self._area)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        kind: MandateKind,
        area: Area | None,
        addressed_to: str = "",
        existing: MandateView | None = None,
    ) -> MandateInput | None:
        """Show the dialog modally; the entered values, or None if cancelled."""
        dialog = cls(kind, area, addressed_to, existing, parent)
        try:
            if dialog.exec() == FormDialog.DialogCode.Accepted.value:
                return dialog.values()
            return None
        finally:
            dialog.deleteLater()


def _summary(mandate: MandateView) -> QLabel:
    label = QLabel(
        f"{mandate.kind.label}, Frist {german_date(mandate.due_on)}:\n{mandate.requirement}"
    )
    label.setWordWrap(True)
    label.setAccessibleName("Auftrag bzw. Auflage")
    return label


class EvidenceDialog(FormDialog):
    """Record evidence received for an Auftrag or Auflage: date and what."""

    def __init__(self, mandate: MandateView, parent: QWidget | None = None) -> None:
        super().__init__("Beleg erfassen", parent, min_width=520)
        self.received_on_edit = _date_edit(dt.date.today())
        self.what_edit = _text_edit("Was wurde vorgelegt?")
        form = QFormLayout()
        form.addRow(_summary(mandate))
        if mandate.evidence_required:
            wanted = QLabel(f"Verlangt: {mandate.evidence_required}")
            wanted.setWordWrap(True)
            form.addRow(wanted)
        form.addRow(
            buddy("&Eingegangen am:", self.received_on_edit, "Eingegangen am"),
            self.received_on_edit,
        )
        form.addRow(buddy("&Was:", self.what_edit, "Was wurde vorgelegt"), self.what_edit)
        self.body.addLayout(form)
        self.fields.update({"received_on": self.received_on_edit, "what": self.what_edit})
        self.what_edit.setFocus()

    def values(self) -> EvidenceInput:
        """The evidence as entered."""
        return EvidenceInput(
            received_on=from_qdate(self.received_on_edit.date()),
            what=self.what_edit.toPlainText(),
        )

    def current_problems(self) -> dict[str, str]:
        """Why the evidence cannot be recorded."""
        return evidence_problems(self.values())

    @classmethod
    def ask(cls, parent: QWidget | None, mandate: MandateView) -> EvidenceInput | None:
        """Show the dialog modally; the entered evidence, or None if cancelled."""
        dialog = cls(mandate, parent)
        try:
            if dialog.exec() == FormDialog.DialogCode.Accepted.value:
                return dialog.values()
            return None
        finally:
            dialog.deleteLater()


OUTCOMES = (MandateStatus.FULFILLED, MandateStatus.NOT_FULFILLED)


class OutcomeDialog(FormDialog):
    """Mark an Auftrag or Auflage fulfilled or not, with date, note and consequence taken."""

    def __init__(self, mandate: MandateView, parent: QWidget | None = None) -> None:
        super().__init__("Erfüllt / nicht erfüllt", parent, min_width=520)
        self.status_combo = QComboBox()
        for status in OUTCOMES:
            self.status_combo.addItem(status.label)
        if mandate.status is MandateStatus.NOT_FULFILLED:
            self.status_combo.setCurrentIndex(1)
        self.outcome_on_edit = _date_edit(mandate.outcome_on or dt.date.today())
        self.note_edit = _text_edit("Was wurde festgestellt?")
        self.note_edit.setPlainText(mandate.outcome_note)
        self.consequence_edit = _text_edit(
            f"Vorgesehen: {mandate.consequence}" if mandate.consequence else ""
        )
        self.consequence_edit.setPlainText(mandate.consequence_taken)
        form = QFormLayout()
        form.addRow(_summary(mandate))
        form.addRow(buddy("&Ergebnis:", self.status_combo, "Ergebnis"), self.status_combo)
        form.addRow(buddy("&Datum:", self.outcome_on_edit, "Datum"), self.outcome_on_edit)
        form.addRow(buddy("&Vermerk:", self.note_edit, "Vermerk"), self.note_edit)
        form.addRow(
            buddy("&Konsequenz gezogen:", self.consequence_edit, "Konsequenz gezogen"),
            self.consequence_edit,
        )
        self.body.addLayout(form)
        self.fields.update(
            {
                "status": self.status_combo,
                "outcome_on": self.outcome_on_edit,
                "consequence_taken": self.consequence_edit,
            }
        )
        self.status_combo.setFocus()

    def values(self) -> OutcomeInput:
        """The outcome as entered."""
        return OutcomeInput(
            status=OUTCOMES[max(0, self.status_combo.currentIndex())],
            outcome_on=from_qdate(self.outcome_on_edit.date()),
            note=self.note_edit.toPlainText(),
            consequence_taken=self.consequence_edit.toPlainText(),
        )

    def current_problems(self) -> dict[str, str]:
        """Why the outcome cannot be recorded."""
        return outcome_problems(self.values())

    @classmethod
    def ask(cls, parent: QWidget | None, mandate: MandateView) -> OutcomeInput | None:
        """Show the dialog modally; the entered outcome, or None if cancelled."""
        dialog = cls(mandate, parent)
        try:
            if dialog.exec() == FormDialog.DialogCode.Accepted.value:
                return dialog.values()
            return None
        finally:
            dialog.deleteLater()
