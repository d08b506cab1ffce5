"""The Entscheidung of a Familienrat: the family's proposals decided, agreements made exact.

Pages: Vorschläge der Familie (angenommen / Nachbesserung nötig), Vereinbarungen
(what, who, until when, how checked), Zustimmung und Überprüfung (the ASD worker's
approval, the review date), Dokumente (the plan and a protocol per participant).
"Phase abschließen" moves the council on to the Folge-Rat / Überprüfung.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from asd_desktop.domain.enums import CouncilPhase, ProposalDecision
from asd_desktop.domain.readability import readability
from asd_desktop.domain.working_days import DateProposal
from asd_desktop.models.errors import AsdError
from asd_desktop.services.documents import DocumentService, DocumentView
from asd_desktop.services.familienrat import (
    AgreementInput,
    CouncilView,
    DecisionInput,
    FamilienratService,
    ProposalView,
    agreement_problems,
    default_review_date,
    phase_problems,
)
from asd_desktop.ui.familienrat.common import AUTOSAVE_MS, PhasePage, PhaseWizard
from asd_desktop.ui.goal_wizard.base import RowList, hint_label, multi_line, short_line
from asd_desktop.ui.pdf_preview import PdfPreviewDialog
from asd_desktop.ui.print_language import chosen, language_combo, preselect
from asd_desktop.ui.widgets import (
    DATE_FORMAT,
    OptionalDateEdit,
    buddy,
    from_qdate,
    german_date,
    german_datetime,
    to_qdate,
)

NO_TEXT = "(noch leer)"
NOTHING_TO_TAKE_OVER = "kein angenommener Vorschlag"
_AGREEMENT_KEY = re.compile(r"agreement(\d+)\.(\w+)")
_IMPROVEMENT_KEY = re.compile(r"improvement\.(.+)")


def _para(text: str) -> str:
    return escape(text.strip()).replace("\n", "<br>") if text.strip() else "–"


def proposal_html(proposal: ProposalView) -> str:
    """A proposal of the family as the ASD worker reads it before deciding."""
    lines = [f"<b>{_para(proposal.what)}</b>"]
    lines.append(f"<i>Wer:</i> {_para(proposal.who)}")
    lines.append(f"<i>Bis wann:</i> {german_date(proposal.due_on) or '–'}")
    lines.append(f"<i>Wie wird es überprüft:</i> {_para(proposal.how_checked)}")
    lines.append(f"<i>Wenn es nicht klappt (Notfallplan):</i> {_para(proposal.fallback)}")
    return "<br>".join(lines)


def agreement_line(number: int, value: AgreementInput) -> str:
    """An agreement's line in the list: who, what, until when."""
    parts = [value.who.strip(), value.what.strip()]
    text = ": ".join(p for p in parts if p)
    if value.due_on:
        text += f" (bis {german_date(value.due_on)})"
    return short_line(number, text, NO_TEXT)


def agreement_from_proposal(proposal: ProposalView) -> AgreementInput:
    """An agreement prefilled from an accepted proposal (it may still need to be made exact)."""
    return AgreementInput(
        what=proposal.what,
        who=proposal.who,
        due_on=proposal.due_on,
        how_checked=proposal.how_checked,
        proposal_id=proposal.id,
    )


# --- page 1: the family's proposals ------------------------------------------------------


class ProposalBox(QGroupBox):
    """One proposal of the family with the ASD worker's decision on it."""

    def __init__(self, number: int, proposal: ProposalView, parent: QWidget | None = None) -> None:
        super().__init__(f"Vorschlag {number}", parent)
        self.number = number
        self.proposal = proposal
        self.text_label = QLabel(proposal_html(proposal))
        self.text_label.setWordWrap(True)
        self.text_label.setTextFormat(Qt.TextFormat.RichText)
        self.text_label.setAccessibleName(f"Vorschlag {number}")
        self.text_label.setAccessibleDescription(proposal.what)
        self.accept_radio = QRadioButton(ProposalDecision.ACCEPTED.label)
        self.accept_radio.setAccessibleName(f"Vorschlag {number}: angenommen")
        self.improve_radio = QRadioButton(ProposalDecision.IMPROVE.label)
        self.improve_radio.setAccessibleName(f"Vorschlag {number}: Nachbesserung nötig")
        self.group = QButtonGroup(self)
        self.group.addButton(self.accept_radio)
        self.group.addButton(self.improve_radio)
        self.improvement_edit = multi_line(
            f"Vorschlag {number}: was nachgebessert wird",
            "Was soll sich ändern? (Pflicht bei „Nachbesserung nötig“)",
            50,
        )
        self.improvement_edit.setMaximumHeight(80)
        radios = QHBoxLayout()
        radios.addWidget(self.accept_radio)
        radios.addWidget(self.improve_radio)
        radios.addStretch(1)
        form = QFormLayout()
        form.addRow(QLabel("Entscheidung:"), radios)
        form.addRow(QLabel("Nachbesserung:"), self.improvement_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text_label)
        layout.addLayout(form)
        self.set_decision(proposal.decision, proposal.improvement)

    def decision(self) -> ProposalDecision:
        """The decision as chosen (noch offen while neither button is chosen)."""
        if self.accept_radio.isChecked():
            return ProposalDecision.ACCEPTED
        if self.improve_radio.isChecked():
            return ProposalDecision.IMPROVE
        return ProposalDecision.OPEN

    def improvement(self) -> str:
        """What is to be improved, as typed."""
        return self.improvement_edit.toPlainText()

    def set_decision(self, decision: ProposalDecision, improvement: str = "") -> None:
        """Show ``decision`` and the improvement text."""
        self.group.setExclusive(False)
        self.accept_radio.setChecked(decision is ProposalDecision.ACCEPTED)
        self.improve_radio.setChecked(decision is ProposalDecision.IMPROVE)
        self.group.setExclusive(True)
        self.improvement_edit.setPlainText(improvement)

    def problems(self) -> dict[str, str]:
        """Why this decision cannot be stored (Nachbesserung without what changes)."""
        if self.decision() is ProposalDecision.IMPROVE and not self.improvement().strip():
            return {
                f"improvement.{self.proposal.id}": (
                    f"Vorschlag {self.number}: Bitte eintragen, was nachgebessert werden soll."
                )
            }
        return {}


class ProposalsPage(PhasePage):
    """Vorschläge der Familie: each one accepted or sent back for improvement."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "Vorschläge der Familie",
            "Die Familie stellt ihre Vorschläge vor. Für jeden: angenommen, oder Nachbesserung "
            "nötig – dann mit dem, was sich ändern soll.",
            parent,
        )
        self.boxes: list[ProposalBox] = []
        self._container = QWidget()
        self._list = QVBoxLayout(self._container)
        self._list.setContentsMargins(0, 0, 0, 0)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(self._container)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.empty_label = hint_label(
            "Es sind keine Vorschläge der Familie eingetragen (siehe Familienphase)."
        )
        self.body.addWidget(self.empty_label)
        self.body.addWidget(self.scroll_area, 1)

    @override
    def load_page(self, view: CouncilView) -> None:
        for box in self.boxes:
            box.deleteLater()
        self.boxes = []
        for number, proposal in enumerate(view.proposals, start=1):
            box = ProposalBox(number, proposal)
            box.group.buttonToggled.connect(self._on_toggled)
            box.improvement_edit.textChanged.connect(self.mark_edited)
            self._list.addWidget(box)
            self.boxes.append(box)
        self._list.addStretch(1)
        self.empty_label.setVisible(not self.boxes)
        self.fields.clear()
        if self.boxes:
            first = self.boxes[0].accept_radio
            self.fields.update({"proposals": first, "accepted": first})
            for box in self.boxes:
                self.fields[f"improvement.{box.proposal.id}"] = box.improvement_edit

    @override
    def store_page(self) -> None:
        stored = {p.id: p for p in self.council().proposals}
        for box in self.boxes:
            decision, improvement = box.decision(), box.improvement().strip()
            before = stored.get(box.proposal.id)
            if decision is ProposalDecision.OPEN or box.problems() or before is None:
                continue
            if (before.decision, before.improvement) != (decision, improvement):
                self.service.decide_proposal(box.proposal.id, decision, improvement)

    @override
    def page_problems(self) -> dict[str, str]:
        problems: dict[str, str] = {}
        for box in self.boxes:
            problems.update(box.problems())
        return problems

    @override
    def focus_problem(self, problems: dict[str, str]) -> None:
        for key in problems:
            widget = self.fields.get(key)
            if widget is not None:
                self.scroll_area.ensureWidgetVisible(widget)
                widget.setFocus()
                return

    def box_for(self, number: int) -> ProposalBox:
        """The box of proposal ``number`` (counted from 1)."""
        return self.boxes[number - 1]

    def _on_toggled(self, _button: QRadioButton, checked: bool) -> None:
        if checked:
            self.mark_edited()


# --- page 2: the agreements ---------------------------------------------------------------


@dataclasses.dataclass
class _AgreementRow:
    """An agreement as edited: its stored id (None until stored) and its values."""

    value: AgreementInput
    id: str | None = None


class AgreementsPage(PhasePage):
    """Vereinbarungen: every agreement exact – what, who, until when, how it is checked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "Vereinbarungen",
            "Die angenommenen Vorschläge werden genau gefasst: was, wer, bis wann, und wie es "
            "überprüft wird. Jede Angabe ist Pflicht.",
            parent,
        )
        self._rows: list[_AgreementRow] = []
        self._stored: dict[str, AgreementInput] = {}
        self._removed: list[str] = []
        self._current = -1
        self._loading = False
        self._prefilled = False
        self._meeting: dt.datetime | None = None
        self._today: Callable[[], dt.date] = dt.date.today

        self.rows = RowList(
            "Vereinbarungen (&Liste):",
            "Liste der Vereinbarungen",
            "&Neue Vereinbarung",
            "Vereinbarung &entfernen",
        )
        self.rows.add_requested.connect(self.add_agreement)
        self.rows.remove_requested.connect(self.remove_agreement)
        self.rows.row_chosen.connect(self._show_row)

        self.proposal_combo = QComboBox()
        self.take_over_button = QPushButton("aus Vorschlag ü&bernehmen")
        self.take_over_button.setAccessibleName("aus Vorschlag übernehmen")
        self.take_over_button.clicked.connect(self.take_over_chosen)
        take_over = QHBoxLayout()
        take_over.addWidget(
            buddy("Angenommener &Vorschlag:", self.proposal_combo, "Angenommener Vorschlag")
        )
        take_over.addWidget(self.proposal_combo, 1)
        take_over.addWidget(self.take_over_button)

        self.what_edit = multi_line("Was ist vereinbart?", "z. B. Oma holt Elif dienstags ab", 60)
        self.who_edit = QLineEdit()
        self.who_edit.setPlaceholderText("z. B. Ayşe Yılmaz (Großmutter)")
        self.due_edit = OptionalDateEdit("Datum setzen", "bis wann", default=self._default_due)
        self.how_edit = multi_line(
            "Wie wird es überprüft?", "z. B. die Klassenlehrerin bestätigt es im Elternheft", 50
        )
        self.what_edit.setMaximumHeight(100)
        self.how_edit.setMaximumHeight(90)
        self.editor = QGroupBox()
        form = QFormLayout(self.editor)
        form.addRow(
            buddy("Was ist vereinbart? (&Inhalt) *", self.what_edit, "Was ist vereinbart?"),
            self.what_edit,
        )
        form.addRow(
            buddy("Wer übernimmt es? (&Person) *", self.who_edit, "Wer übernimmt es?"),
            self.who_edit,
        )
        form.addRow(buddy("Bis wann? (&Datum) *", self.due_edit, "bis wann"), self.due_edit)
        form.addRow(
            buddy("Wie wird es überprüft? (&Kontrolle) *", self.how_edit, "Wie wird es überprüft?"),
            self.how_edit,
        )
        self.rows.list.setMaximumHeight(16777215)
        self.body.addLayout(take_over)
        self.body.addWidget(self.rows, 1)
        self.body.addWidget(self.editor)
        self.body.addWidget(hint_label("Mit * markierte Angaben sind Pflicht."))

        self.what_edit.textChanged.connect(self._store_row)
        self.who_edit.textEdited.connect(self._store_row)
        self.how_edit.textChanged.connect(self._store_row)
        self.due_edit.checkbox.toggled.connect(self._store_row)
        self.due_edit.date_edit.dateChanged.connect(self._store_row)
        self.fields.update({"agreements": self.rows.add_button})

    # --- the stored council ------------------------------------------------------------

    @override
    def load_page(self, view: CouncilView) -> None:
        self._meeting = view.preparation.meeting_at
        self._today = self.phase_wizard.today
        self._rows = [
            _AgreementRow(
                AgreementInput(a.what, a.who, a.due_on, a.how_checked, a.proposal_id), a.id
            )
            for a in view.agreements
        ]
        self._stored = {r.id: r.value for r in self._rows if r.id}
        self._removed = []
        self._refresh_list(0)
        self._refresh_proposals(view)

    @override
    def initializePage(self) -> None:
        view = self.council()
        # First visit without any agreement: start from every accepted proposal.
        if not self._rows and not self._prefilled:
            self._prefilled = True
            for proposal in self.accepted(view):
                self._rows.append(_AgreementRow(agreement_from_proposal(proposal)))
            if self._rows:
                self._refresh_list(0)
                self.mark_edited()
        self._refresh_proposals(view)

    @override
    def store_page(self) -> None:
        for agreement_id in self._removed:
            self.service.remove_agreement(agreement_id)
            self._stored.pop(agreement_id, None)
        self._removed = []
        for row in self._rows:
            if agreement_problems(row.value):
                continue  # named by page_problems; stored once complete
            if row.id is None:
                row.id = self.service.add_agreement(self.council_id, row.value).id
            elif self._stored.get(row.id) != row.value:
                self.service.update_agreement(row.id, row.value)
            self._stored[row.id] = row.value

    @override
    def page_problems(self) -> dict[str, str]:
        if not self._rows:
            return {"agreements": "Bitte mindestens eine Vereinbarung genau festhalten."}
        problems: dict[str, str] = {}
        for n, row in enumerate(self._rows, start=1):
            for key, reason in agreement_problems(row.value).items():
                problems[f"agreement{n}.{key}"] = f"Vereinbarung {n}: {reason}"
        return problems

    def agreements(self) -> list[AgreementInput]:
        """The agreements as entered, in order."""
        return [r.value for r in self._rows]

    @staticmethod
    def accepted(view: CouncilView) -> list[ProposalView]:
        """The proposals the ASD worker accepted."""
        return [p for p in view.proposals if p.decision is ProposalDecision.ACCEPTED]

    # --- rows --------------------------------------------------------------------------

    def add_agreement(self) -> None:
        """Append an empty agreement and put the cursor on "what"."""
        self._rows.append(_AgreementRow(AgreementInput(what="")))
        self._refresh_list(len(self._rows) - 1)
        self.what_edit.setFocus()
        self.mark_edited()

    def take_over_chosen(self) -> None:
        """Append an agreement prefilled from the proposal chosen in the list."""
        proposal_id = self.proposal_combo.currentData()
        proposal = next((p for p in self.council().proposals if p.id == proposal_id), None)
        if proposal is None:
            return
        self._rows.append(_AgreementRow(agreement_from_proposal(proposal)))
        self._refresh_list(len(self._rows) - 1)
        self._refresh_proposals(self.council())
        missing = agreement_problems(self._rows[-1].value)
        self._field_widget(next(iter(missing), "what")).setFocus()
        self.mark_edited()

    def remove_agreement(self, row: int) -> None:
        """Drop the agreement at ``row`` (a stored one is removed on the next save)."""
        if not 0 <= row < len(self._rows):
            return
        removed = self._rows.pop(row)
        if removed.id is not None:
            self._removed.append(removed.id)
        self._refresh_list(min(row, len(self._rows) - 1))
        self._refresh_proposals(self.council())
        (self.rows.list if self._rows else self.rows.add_button).setFocus()
        self.mark_edited()

    def select_agreement(self, row: int) -> None:
        """Show the agreement at ``row`` in the editor."""
        self.rows.list.setCurrentRow(row)

    def _default_due(self) -> dt.date:
        # Until the wizard's council is known (the editor is built first): today.
        return default_review_date(self._meeting, self._today())

    def _refresh_proposals(self, view: CouncilView) -> None:
        taken = {r.value.proposal_id for r in self._rows}
        self.proposal_combo.clear()
        accepted = self.accepted(view)
        numbers = {p.id: n for n, p in enumerate(view.proposals, start=1)}
        for proposal in sorted(accepted, key=lambda p: p.id in taken):
            line = short_line(numbers[proposal.id], proposal.what, NO_TEXT)
            if proposal.id in taken:
                line += " (übernommen)"
            self.proposal_combo.addItem(line, proposal.id)
        if not accepted:
            self.proposal_combo.addItem(NOTHING_TO_TAKE_OVER, None)
        self.proposal_combo.setEnabled(bool(accepted))
        self.take_over_button.setEnabled(bool(accepted))

    def _refresh_list(self, current: int) -> None:
        self.rows.set_lines(
            [agreement_line(n, r.value) for n, r in enumerate(self._rows, start=1)], current
        )
        self._show_row(self.rows.current())

    def _show_row(self, row: int) -> None:
        self._current = row
        has = 0 <= row < len(self._rows)
        self.editor.setEnabled(has)
        self.editor.setTitle(f"Vereinbarung {row + 1}" if has else "Keine Vereinbarung gewählt")
        value = self._rows[row].value if has else AgreementInput(what="")
        self._loading = True
        try:
            self.what_edit.setPlainText(value.what)
            self.who_edit.setText(value.who)
            self.due_edit.set_date(value.due_on)
            self.how_edit.setPlainText(value.how_checked)
        finally:
            self._loading = False

    def _store_row(self) -> None:
        if self._loading or not 0 <= self._current < len(self._rows):
            return
        row = self._rows[self._current]
        row.value = AgreementInput(
            what=self.what_edit.toPlainText(),
            who=self.who_edit.text(),
            due_on=self.due_edit.date(),
            how_checked=self.how_edit.toPlainText(),
            proposal_id=row.value.proposal_id,
        )
        self.rows.set_line(self._current, agreement_line(self._current + 1, row.value))
        self.mark_edited()

    def _field_widget(self, key: str) -> QWidget:
        return {
            "what": self.what_edit,
            "who": self.who_edit,
            "due_on": self.due_edit,
            "how_checked": self.how_edit,
        }.get(key, self.what_edit)

    @override
    def focus_first(self) -> None:
        (self.rows.list if self._rows else self.rows.add_button).setFocus(
            Qt.FocusReason.OtherFocusReason
        )

    @override
    def focus_problem(self, problems: dict[str, str]) -> None:
        for key in problems:
            match = _AGREEMENT_KEY.fullmatch(key)
            if match is None:
                continue
            self.select_agreement(int(match.group(1)) - 1)
            self._field_widget(match.group(2)).setFocus()
            return
        super().focus_problem(problems)


# --- page 3: approval and review date ------------------------------------------------------


class ApprovalPage(PhasePage):
    """Zustimmung und Überprüfung: the ASD worker approves; the date of the review."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "Zustimmung und Überprüfung",
            "Die Fachkraft des ASD stimmt den Vereinbarungen zu. Die Überprüfung (Folge-Rat) "
            "findet etwa drei Monate nach dem Familienrat statt.",
            parent,
        )
        self._meeting: dt.datetime | None = None
        self._review_missing = False
        self.approved_check = QCheckBox("Die ASD-Fachkraft &stimmt den Vereinbarungen zu")
        self.approved_check.setAccessibleName("Zustimmung der ASD-Fachkraft")
        self.approved_by_edit = QLineEdit()
        self.approved_by_edit.setPlaceholderText("Vor- und Nachname")
        self.notes_edit = multi_line("Anmerkungen zur Entscheidung", "", 70)
        self.review_edit = QDateEdit()
        self.review_edit.setCalendarPopup(True)
        self.review_edit.setDisplayFormat(DATE_FORMAT)
        self.review_hint = hint_label("")
        # Why the proposed date is not exactly three months on (weekend, holiday).
        self.review_reason = hint_label("")
        self.review_reason.setAccessibleName("Hinweis zum Termin der Überprüfung")
        self.review_reason.setVisible(False)
        self.review_default_button = QPushButton("&Drei Monate nach dem Familienrat")
        self.review_default_button.setAccessibleName(
            "Überprüfung auf drei Monate nach dem Familienrat setzen"
        )
        self.review_default_button.clicked.connect(self.reset_review_date)
        review_row = QHBoxLayout()
        review_row.addWidget(self.review_edit)
        review_row.addWidget(self.review_default_button)
        review_row.addStretch(1)

        form = QFormLayout()
        form.addRow(QLabel("Zustimmung:"), self.approved_check)
        form.addRow(
            buddy("&Name der ASD-Fachkraft:", self.approved_by_edit, "Name der ASD-Fachkraft"),
            self.approved_by_edit,
        )
        form.addRow(
            buddy("Über&prüfung am:", self.review_edit, "Termin der Überprüfung"), review_row
        )
        form.addRow(QLabel(""), self.review_reason)
        form.addRow(QLabel(""), self.review_hint)
        form.addRow(
            buddy("Anmerkungen (&Notizen):", self.notes_edit, "Anmerkungen zur Entscheidung"),
            self.notes_edit,
        )
        self.body.addLayout(form)
        self.body.addStretch(1)
        self.fields.update(
            {
                "approved": self.approved_check,
                "approved_by": self.approved_by_edit,
                "review_on": self.review_edit,
            }
        )
        self.approved_check.toggled.connect(self.mark_edited)
        self.approved_by_edit.textEdited.connect(self.mark_edited)
        self.notes_edit.textChanged.connect(self.mark_edited)
        self.review_edit.dateChanged.connect(self.mark_edited)
        self.review_edit.dateChanged.connect(self._show_review_reason)

    @override
    def load_page(self, view: CouncilView) -> None:
        decision = view.decision
        self._meeting = view.preparation.meeting_at
        self.approved_check.setChecked(decision.approved)
        self.approved_by_edit.setText(decision.approved_by)
        self.notes_edit.setPlainText(decision.decision_notes)
        self._review_missing = decision.review_on is None
        self.review_edit.setDate(to_qdate(decision.review_on or self.default_review()))
        meeting = german_datetime(self._meeting) if self._meeting else "noch nicht eingetragen"
        self.review_hint.setText(
            f"Familienrat am {meeting}; vorgeschlagen: {german_date(self.default_review())}."
        )
        self._show_review_reason()

    @override
    def initializePage(self) -> None:
        # The proposed date counts as chosen once the page was seen: store it on leaving.
        if self._review_missing:
            self._review_missing = False
            self.mark_edited()

    @override
    def store_page(self) -> None:
        self.service.save_decision(self.council_id, self.decision())

    @override
    def page_problems(self) -> dict[str, str]:
        problems: dict[str, str] = {}
        decision = self.decision()
        if decision.approved and not decision.approved_by.strip():
            problems["approved_by"] = "Bitte den Namen der zustimmenden ASD-Fachkraft eintragen."
        view = dataclasses.replace(self.council(), decision=decision)
        review = phase_problems(view, CouncilPhase.DECISION).get("review_on")
        if review:
            problems["review_on"] = review
        return problems

    def decision(self) -> DecisionInput:
        """The approval, notes and review date as entered."""
        return DecisionInput(
            approved=self.approved_check.isChecked(),
            approved_by=self.approved_by_edit.text(),
            decision_notes=self.notes_edit.toPlainText(),
            review_on=from_qdate(self.review_edit.date()),
        )

    def default_review(self) -> dt.date:
        """About three months after the meeting, on a working day of the office's state."""
        return self.proposed_review().day

    def proposed_review(self) -> DateProposal:
        """The proposed review date and, when it moved to a working day, why."""
        return self.service.propose_review_date(self._meeting, self.today())

    def _show_review_reason(self, *_: object) -> None:
        # Said while the field holds the proposal; a date set by hand needs no reason.
        if self._wizard is None:
            return
        proposal = self.proposed_review()
        shown = from_qdate(self.review_edit.date()) == proposal.day
        reason = proposal.reason if shown and proposal.reason else ""
        self.review_reason.setText(reason)
        self.review_reason.setVisible(bool(reason))
        self.review_edit.setAccessibleDescription(reason)

    def reset_review_date(self) -> None:
        """Set the review date back to about three months after the meeting."""
        self.review_edit.setDate(to_qdate(self.default_review()))
        self.review_edit.setFocus()


# --- page 4: documents ----------------------------------------------------------------------


def plan_readability(view: CouncilView) -> str:
    """Readability of the plan's agreements (what, how checked), the longest sentences named."""
    parts = [p for a in view.agreements for p in (a.what, a.how_checked) if p.strip()]
    result = readability("\n".join(parts))
    if result is None:
        return ""
    longest = "; ".join(f"„{s}“ ({n} Wörter)" for s, n in result.longest)
    return f"Plan: {result.summary()}. Längste Sätze: {longest}."


class DocumentsPage(PhasePage):
    """Dokumente: the plan with every agreement, and a protocol copy for every participant."""

    def __init__(self, documents: DocumentService | None, parent: QWidget | None = None) -> None:
        super().__init__(
            "Dokumente",
            "Der Plan mit allen Vereinbarungen (eine Unterschriftszeile je Teilnehmendem) und "
            "das Protokoll für jede teilnehmende Person. Alles wird unverändert in den "
            "Dokumenten des Falls aufbewahrt.",
            parent,
        )
        self._documents = documents
        self.plan_button = QPushButton("&Plan erstellen und anzeigen…")
        self.plan_button.setAccessibleName("Plan erstellen und anzeigen")
        self.plan_button.clicked.connect(self.print_plan)
        self.protocols_button = QPushButton("P&rotokolle für alle Teilnehmenden erstellen")
        self.protocols_button.setAccessibleName("Protokolle für alle Teilnehmenden erstellen")
        self.protocols_button.clicked.connect(self.print_protocols)
        self.created_list = QListWidget()
        self.created_list.itemActivated.connect(self._on_item_activated)
        self.status_label = hint_label("")
        self.status_label.setAccessibleName("Stand der Dokumente")
        # How easy the plan's words are to read (issue 18), with the longest sentences.
        self.readability_label = hint_label("")
        self.readability_label.setAccessibleName("Lesbarkeit des Plans")
        # The family's language: the plan prints in German and that language (issue 18).
        self.language_combo = language_combo("Sprache des Plans")
        buttons = QHBoxLayout()
        buttons.addWidget(self.plan_button)
        buttons.addWidget(self.language_combo)
        buttons.addWidget(self.protocols_button)
        buttons.addStretch(1)
        self.body.addLayout(buttons)
        self.body.addWidget(
            buddy(
                "Erstellte Dokumente (&Liste; Eingabetaste zeigt an):",
                self.created_list,
                "Erstellte Dokumente",
            )
        )
        self.body.addWidget(self.created_list, 1)
        self.body.addWidget(self.status_label)
        self.body.addWidget(self.readability_label)
        self.body.addWidget(
            hint_label(
                "Die Einladungen werden bei der Vorbereitung gedruckt. Mit „Phase abschließen“ "
                "beginnt die Zeit bis zur Überprüfung."
            )
        )
        if documents is None:
            self.plan_button.setEnabled(False)
            self.protocols_button.setEnabled(False)
            self.status_label.setText("Dokumente können hier nicht erstellt werden.")
        self.fields.update({"plan": self.plan_button})

    @override
    def load_page(self, view: CouncilView) -> None:
        self.readability_label.setText(plan_readability(view))
        preselect(self.language_combo, (p.language for p in view.participants))

    @override
    def store_page(self) -> None:
        return

    def print_plan(self) -> DocumentView | None:
        """Store the plan with every agreement and show it; None when refused."""
        language = chosen(self.language_combo)
        views = self._create(lambda d: [d.print_council_plan(self.council_id, language)])
        if not views:
            return None
        if self._documents is not None:
            PdfPreviewDialog.show_document(self, self._documents, views[0].id)
        return views[0]

    def print_protocols(self) -> list[DocumentView]:
        """Store a protocol copy addressed to every participant; they are listed to show."""
        views = self._create(lambda d: d.print_council_protocols(self.council_id))
        if views:
            self.created_list.setFocus()
        return views

    def _create(self, make: Callable[[DocumentService], list[DocumentView]]) -> list[DocumentView]:
        if self._documents is None:
            return []
        wizard = self.phase_wizard
        if not wizard.store_page():
            return []
        problems = phase_problems(wizard.council(), CouncilPhase.DECISION)
        if problems:
            self.show_problems(
                {"_head": "Die Dokumente können noch nicht erstellt werden:"}
                | {k: f"• {v}" for k, v in problems.items()}
            )
            self._problems_shown = False
            return []
        try:
            views = make(self._documents)
        except AsdError as exc:
            self.show_problems({"error": exc.message})
            self._problems_shown = False
            return []
        self.show_problems({})
        for view in views:
            item = QListWidgetItem(f"{view.title} · erstellt {german_datetime(view.created_at)}")
            item.setData(Qt.ItemDataRole.UserRole, view.id)
            self.created_list.addItem(item)
        self.created_list.setCurrentRow(self.created_list.count() - 1)
        count = len(views)
        self.status_label.setText(
            f"{count} {'Dokument' if count == 1 else 'Dokumente'} erstellt und in den "
            "Dokumenten des Falls gespeichert."
        )
        return views

    def _on_item_activated(self, item: QListWidgetItem) -> None:
        document_id = item.data(Qt.ItemDataRole.UserRole)
        if self._documents is not None and isinstance(document_id, str):
            PdfPreviewDialog.show_document(self, self._documents, document_id)


# --- the wizard -----------------------------------------------------------------------------


class DecisionWizard(PhaseWizard):
    """The Entscheidung: proposals decided, agreements exact, approval, review date, documents.

    Signals (from :class:`PhaseWizard`): ``stored()``, ``advanced(object)``.
    """

    phase = CouncilPhase.DECISION

    def __init__(
        self,
        service: FamilienratService,
        council_id: str,
        parent: QWidget | None = None,
        *,
        documents: DocumentService | None = None,
        autosave_ms: int = AUTOSAVE_MS,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(service, council_id, parent, autosave_ms=autosave_ms, today=today)
        self.proposals_page = self.add_phase_page(ProposalsPage())
        self.agreements_page = self.add_phase_page(AgreementsPage())
        self.approval_page = self.add_phase_page(ApprovalPage())
        self.documents_page = self.add_phase_page(DocumentsPage(documents))
