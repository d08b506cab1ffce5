"""A Fall's master data; for a new case also its first Falleinordnung."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from asd_desktop.domain.enums import Area
from asd_desktop.services.cases import (
    AreaInput,
    CaseDetail,
    CaseInput,
    area_problems,
    case_problems,
)
from asd_desktop.ui.dialogs.area_dialog import AreaFields
from asd_desktop.ui.dialogs.drafts import DraftFormDialog
from asd_desktop.ui.widgets import DATE_FORMAT, FormDialog, buddy, from_qdate, to_qdate

FIRST_AREA_REASON = "Erstaufnahme"


class CaseDialog(DraftFormDialog):
    """Create a case (with its first Falleinordnung) or change its master data."""

    draft_name = "case"

    def __init__(self, initial: CaseDetail | None = None, parent: QWidget | None = None) -> None:
        super().__init__("Fall bearbeiten" if initial else "Neuer Fall", parent)
        self.draft_target = initial.id if initial is not None else None
        # A new case belongs to no case yet; its draft is kept outside any case.
        self.draft_in_case = initial is not None
        self.file_number_edit = QLineEdit()
        self.file_number_edit.setPlaceholderText("z. B. ASD-2025-0117")
        self.family_name_edit = QLineEdit()
        self.opened_on_edit = QDateEdit(to_qdate(dt.date.today()))
        self.opened_on_edit.setCalendarPopup(True)
        self.opened_on_edit.setDisplayFormat(DATE_FORMAT)
        self.caseworker_edit = QLineEdit()
        self.description_edit = QPlainTextEdit()
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setFixedHeight(70)

        form = QFormLayout()
        form.addRow(
            buddy("&Aktenzeichen*:", self.file_number_edit, "Aktenzeichen"), self.file_number_edit
        )
        form.addRow(buddy("Fa&milie*:", self.family_name_edit, "Familie"), self.family_name_edit)
        form.addRow(buddy("eröffne&t am:", self.opened_on_edit, "eröffnet am"), self.opened_on_edit)
        form.addRow(
            buddy("zuständige Fachk&raft:", self.caseworker_edit, "zuständige Fachkraft"),
            self.caseworker_edit,
        )
        form.addRow(
            buddy("&Kurzbeschreibung:", self.description_edit, "Kurzbeschreibung"),
            self.description_edit,
        )
        self.body.addLayout(form)
        self.fields.update(
            {
                "file_number": self.file_number_edit,
                "family_name": self.family_name_edit,
                "opened_on": self.opened_on_edit,
            }
        )

        self.area_fields: AreaFields | None = None
        if initial is None:
            self.area_fields = AreaFields(area=Area.SERVICE, reason=FIRST_AREA_REASON)
            group = QGroupBox("Erste Falleinordnung")
            inner = QVBoxLayout(group)
            inner.addWidget(self.area_fields)
            self.body.addWidget(group)
            self.fields.update(self.area_fields.field_widgets())
            # Who decided is usually the responsible caseworker: follow them until edited.
            self.caseworker_edit.textEdited.connect(self._follow_caseworker)
            self._last_caseworker = ""
        else:
            self._fill(initial)
        self.file_number_edit.setFocus()

    def _follow_caseworker(self, text: str) -> None:
        if self.area_fields is None:
            return
        decided_by = self.area_fields.decided_by_edit
        if decided_by.text() == self._last_caseworker:
            decided_by.setText(text)
        self._last_caseworker = text

    def _fill(self, value: CaseDetail) -> None:
        self.file_number_edit.setText(value.file_number)
        self.family_name_edit.setText(value.family_name)
        self.opened_on_edit.setDate(to_qdate(value.opened_on))
        self.caseworker_edit.setText(value.caseworker)
        self.description_edit.setPlainText(value.description)

    def case_values(self) -> CaseInput:
        """The master data as entered."""
        return CaseInput(
            file_number=self.file_number_edit.text(),
            family_name=self.family_name_edit.text(),
            opened_on=from_qdate(self.opened_on_edit.date()),
            caseworker=self.caseworker_edit.text(),
            description=self.description_edit.toPlainText(),
        )

    def values(self) -> tuple[CaseInput, AreaInput | None]:
        """Master data and, for a new case, the first Falleinordnung."""
        area = self.area_fields.values() if self.area_fields is not None else None
        return self.case_values(), area

    def current_problems(self) -> dict[str, str]:
        """Why the case cannot be stored."""
        case, area = self.values()
        problems = case_problems(case)
        if area is not None:
            problems |= area_problems(area)
        return problems

    @classmethod
    def ask(
        cls, parent: QWidget | None, initial: CaseDetail | None = None
    ) -> tuple[CaseInput, AreaInput | None] | None:
        """Show the dialog modally; the entered values, or None if cancelled."""
        dialog = cls(initial, parent)
        if dialog.exec() == FormDialog.DialogCode.Accepted.value:
            return dialog.values()
        return None
