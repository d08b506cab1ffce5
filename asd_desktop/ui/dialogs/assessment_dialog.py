"""The Gefährdungseinschätzung (§ 8a SGB VIII): who, what was seen, result, decision, area."""

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

from asd_desktop.domain.enums import Area, RiskLevel
from asd_desktop.services.instruments import AssessmentInput, assessment_problems
from asd_desktop.ui.dialogs.drafts import DraftFormDialog
from asd_desktop.ui.widgets import DATE_FORMAT, FormDialog, buddy, from_qdate, to_qdate

RESULTS = tuple(RiskLevel)
AREAS = tuple(Area)
CHOOSE = "– bitte wählen –"
#: The area offered once a result is chosen (the caseworker decides).
SUGGESTED_AREA = {
    RiskLevel.NONE: Area.SERVICE,
    RiskLevel.LATENT: Area.GREY,
    RiskLevel.ACUTE: Area.DANGER,
}


class AssessmentDialog(DraftFormDialog):
    """Enter a Gefährdungseinschätzung; its decision places the case in an area."""

    draft_name = "assessment"

    def __init__(
        self, professionals: str = "", current: Area | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__("Gefährdungseinschätzung (§ 8a SGB VIII)", parent, min_width=620)
        hint = QLabel(
            "Die Einschätzung nehmen mehrere Fachkräfte gemeinsam vor. Die Entscheidung "
            "ordnet den Fall ein; die Einschätzung wird als Begründung in der "
            "Falleinordnung vermerkt."
        )
        hint.setWordWrap(True)
        self.assessed_on_edit = QDateEdit(to_qdate(dt.date.today()))
        self.assessed_on_edit.setCalendarPopup(True)
        self.assessed_on_edit.setDisplayFormat(DATE_FORMAT)
        self.professionals_edit = QLineEdit(professionals)
        self.professionals_edit.setPlaceholderText(
            "z. B. J. Petersen, K. Aydın (insoweit erfahrene Fachkraft)"
        )
        self.observations_edit = QPlainTextEdit()
        self.observations_edit.setTabChangesFocus(True)
        self.observations_edit.setMinimumHeight(90)
        self.observations_edit.setPlaceholderText("Was wurde beobachtet? Wer hat was berichtet?")
        self.result_combo = QComboBox()
        self.result_combo.addItem(CHOOSE)
        for level in RESULTS:
            self.result_combo.addItem(level.label)
        self.decision_edit = QPlainTextEdit()
        self.decision_edit.setTabChangesFocus(True)
        self.decision_edit.setMinimumHeight(60)
        self.decision_edit.setPlaceholderText("z. B. Auflagen zum Schutz des Kindes")
        self.area_combo = QComboBox()
        self.area_combo.addItem(CHOOSE)
        for area in AREAS:
            self.area_combo.addItem(area.label)
        current_text = QLabel(f"Bisher: {current.label if current else 'keine Falleinordnung'}")
        current_text.setAccessibleName("Bisherige Falleinordnung")

        form = QFormLayout()
        form.addRow(hint)
        form.addRow(
            buddy("&Datum:", self.assessed_on_edit, "Datum der Einschätzung"),
            self.assessed_on_edit,
        )
        form.addRow(
            buddy("&Fachkräfte:", self.professionals_edit, "Beteiligte Fachkräfte"),
            self.professionals_edit,
        )
        form.addRow(
            buddy("&Beobachtungen:", self.observations_edit, "Beobachtungen"),
            self.observations_edit,
        )
        form.addRow(buddy("&Ergebnis:", self.result_combo, "Ergebnis"), self.result_combo)
        form.addRow(buddy("E&ntscheidung:", self.decision_edit, "Entscheidung"), self.decision_edit)
        form.addRow(
            buddy("Fall einordnen &in:", self.area_combo, "Fall einordnen in"), self.area_combo
        )
        form.addRow(current_text)
        self.body.addLayout(form)
        self.fields.update(
            {
                "assessed_on": self.assessed_on_edit,
                "professionals": self.professionals_edit,
                "observations": self.observations_edit,
                "result": self.result_combo,
                "decision": self.decision_edit,
                "area": self.area_combo,
            }
        )
        self.result_combo.currentIndexChanged.connect(self._on_result_changed)
        self.professionals_edit.setFocus()

    def _on_result_changed(self, index: int) -> None:
        if index > 0 and self.area_combo.currentIndex() == 0:
            self.area_combo.setCurrentIndex(AREAS.index(SUGGESTED_AREA[RESULTS[index - 1]]) + 1)

    def values(self) -> AssessmentInput:
        """The assessment as entered."""
        result = self.result_combo.currentIndex()
        area = self.area_combo.currentIndex()
        return AssessmentInput(
            assessed_on=from_qdate(self.assessed_on_edit.date()),
            professionals=self.professionals_edit.text(),
            observations=self.observations_edit.toPlainText(),
            result=RESULTS[result - 1] if result > 0 else None,
            decision=self.decision_edit.toPlainText(),
            area=AREAS[area - 1] if area > 0 else None,
        )

    def current_problems(self) -> dict[str, str]:
        """Why the assessment cannot be stored."""
        return assessment_problems(self.values())

    @classmethod
    def ask(
        cls, parent: QWidget | None, professionals: str = "", current: Area | None = None
    ) -> AssessmentInput | None:
        """Show the dialog modally; the entered assessment, or None if cancelled."""
        dialog = cls(professionals, current, parent)
        try:
            if dialog.exec() == FormDialog.DialogCode.Accepted.value:
                return dialog.values()
            return None
        finally:
            dialog.deleteLater()
