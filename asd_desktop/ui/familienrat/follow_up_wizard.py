"""The Folge-Rat / Überprüfung of a Familienrat: each agreement reviewed, and what follows.

Pages: Überprüfung der Vereinbarungen (eingehalten / teilweise / nicht eingehalten,
with a comment unless kept), Wie geht es weiter? (no further measures, another
Folge-Rat – created and linked –, or a Hilfe zur Erziehung of a named kind), and the
printed review summary. "Phase abschließen" closes the council.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from asd_desktop.domain.enums import AgreementKept, CouncilOutcome, CouncilPhase
from asd_desktop.models.errors import AsdError
from asd_desktop.services.documents import DocumentService, DocumentView
from asd_desktop.services.familienrat import (
    AgreementView,
    CouncilView,
    FamilienratService,
    FollowUpInput,
    ReviewItem,
    phase_problems,
)
from asd_desktop.ui.familienrat.common import AUTOSAVE_MS, PhasePage, PhaseWizard
from asd_desktop.ui.goal_wizard.base import hint_label, multi_line
from asd_desktop.ui.pdf_preview import PdfPreviewDialog
from asd_desktop.ui.widgets import DATE_FORMAT, buddy, from_qdate, german_date, to_qdate

#: Common kinds of Hilfe zur Erziehung offered in the list (another kind can be typed).
HZE_KINDS = (
    "Erziehungsberatung (§ 28 SGB VIII)",
    "Soziale Gruppenarbeit (§ 29 SGB VIII)",
    "Erziehungsbeistand (§ 30 SGB VIII)",
    "Sozialpädagogische Familienhilfe – SPFH (§ 31 SGB VIII)",
    "Tagesgruppe (§ 32 SGB VIII)",
    "Vollzeitpflege (§ 33 SGB VIII)",
    "Heimerziehung (§ 34 SGB VIII)",
    "Intensive sozialpädagogische Einzelbetreuung – ISE (§ 35 SGB VIII)",
)
FOLLOW_UP_CREATED = "Ein weiterer Folge-Rat ist angelegt und mit diesem Familienrat verknüpft."
FOLLOW_UP_ON_NEXT = "Mit „Weiter“ wird der neue Folge-Rat angelegt und mit diesem verknüpft."


def _para(text: str) -> str:
    return escape(text.strip()).replace("\n", "<br>") if text.strip() else "–"


def agreement_html(agreement: AgreementView) -> str:
    """An agreement as it was made exact at the decision."""
    return "<br>".join(
        (
            f"<b>{_para(agreement.what)}</b>",
            f"<i>Wer:</i> {_para(agreement.who)}",
            f"<i>Bis wann:</i> {german_date(agreement.due_on) or '–'}",
            f"<i>Wie wird es überprüft:</i> {_para(agreement.how_checked)}",
        )
    )


def review_summary_html(view: CouncilView) -> str:
    """The review as the participants will read it on the printed summary."""
    out = ["<h3>Überprüfung der Vereinbarungen</h3>", "<ol>"]
    for agreement in view.agreements:
        review = agreement.reviews[0] if agreement.reviews else None
        state = review.status.label if review else "noch nicht überprüft"
        line = f"<b>{_para(agreement.what)}</b> ({_para(agreement.who)})<br><i>{escape(state)}</i>"
        if review and review.comment.strip():
            line += f": {_para(review.comment)}"
        out.append(f"<li>{line}</li>")
    out += ["</ol>", "<h3>Wie geht es weiter?</h3>"]
    outcome = view.outcome.label if view.outcome else "noch nicht festgehalten"
    out.append(f"<p><b>{escape(outcome)}</b></p>")
    if view.outcome is CouncilOutcome.HZE:
        out.append(f"<p><i>Hilfe zur Erziehung:</i> {_para(view.hze_kind)}</p>")
    if view.outcome_notes.strip():
        out.append(f"<p><i>Anmerkungen:</i> {_para(view.outcome_notes)}</p>")
    if view.follow_up_ids:
        out.append(f"<p>{escape(FOLLOW_UP_CREATED)}</p>")
    return "\n".join(out)


def _scroll(content: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(content)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return area


# --- page 1: each agreement reviewed ------------------------------------------------------


class AgreementReviewBox(QGroupBox):
    """One agreement and how it was kept, with a comment unless it was kept."""

    def __init__(
        self, number: int, agreement: AgreementView, parent: QWidget | None = None
    ) -> None:
        super().__init__(f"Vereinbarung {number}", parent)
        self.number = number
        self.agreement = agreement
        self.text_label = QLabel(agreement_html(agreement))
        self.text_label.setWordWrap(True)
        self.text_label.setTextFormat(Qt.TextFormat.RichText)
        self.text_label.setAccessibleName(f"Vereinbarung {number}")
        self.text_label.setAccessibleDescription(agreement.what)
        self.group = QButtonGroup(self)
        self.radios: dict[AgreementKept, QRadioButton] = {}
        radios = QHBoxLayout()
        for status in AgreementKept:
            radio = QRadioButton(status.label)
            radio.setAccessibleName(f"Vereinbarung {number}: {status.label}")
            self.group.addButton(radio)
            self.radios[status] = radio
            radios.addWidget(radio)
        radios.addStretch(1)
        self.comment_edit = multi_line(
            f"Vereinbarung {number}: Anmerkung",
            "Was hat geklappt, was nicht? (Pflicht, wenn nicht eingehalten)",
            50,
        )
        self.comment_edit.setMaximumHeight(80)
        form = QFormLayout()
        form.addRow(QLabel("Eingehalten?"), radios)
        form.addRow(QLabel("Anmerkung:"), self.comment_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text_label)
        layout.addLayout(form)
        review = agreement.reviews[0] if agreement.reviews else None
        if review is not None:
            self.radios[review.status].setChecked(True)
            self.comment_edit.setPlainText(review.comment)

    def status(self) -> AgreementKept | None:
        """How the agreement was kept, None while not chosen."""
        return next((s for s, r in self.radios.items() if r.isChecked()), None)

    def comment(self) -> str:
        """The comment as typed."""
        return self.comment_edit.toPlainText()

    def item(self) -> ReviewItem | None:
        """The review to store; None while not chosen or a needed comment is missing."""
        status = self.status()
        if status is None or self.problems():
            return None
        return ReviewItem(self.agreement.id, status, self.comment())

    def problems(self) -> dict[str, str]:
        """Why the review cannot be stored (a comment is needed unless kept)."""
        status = self.status()
        if status is not None and status is not AgreementKept.KEPT and not self.comment().strip():
            return {
                f"review.{self.agreement.id}": (
                    f"Vereinbarung {self.number}: Bitte kurz festhalten, was nicht "
                    "eingehalten wurde."
                )
            }
        return {}


class ReviewsPage(PhasePage):
    """Überprüfung der Vereinbarungen: eingehalten, teilweise, nicht eingehalten."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "Überprüfung der Vereinbarungen",
            "Jede Vereinbarung wird gemeinsam überprüft. Wo etwas nicht (ganz) geklappt hat, "
            "wird kurz festgehalten, was war.",
            parent,
        )
        self.boxes: list[AgreementReviewBox] = []
        self.reviewed_edit = QDateEdit()
        self.reviewed_edit.setCalendarPopup(True)
        self.reviewed_edit.setDisplayFormat(DATE_FORMAT)
        self.planned_label = hint_label("")
        self.planned_label.setAccessibleName("Geplanter Termin der Überprüfung")
        top = QHBoxLayout()
        top.addWidget(buddy("Überprüft am (&Datum):", self.reviewed_edit, "Datum der Überprüfung"))
        top.addWidget(self.reviewed_edit)
        top.addWidget(self.planned_label, 1)
        self._container = QWidget()
        self._list = QVBoxLayout(self._container)
        self._list.setContentsMargins(0, 0, 0, 0)
        self.scroll_area = _scroll(self._container)
        self.body.addLayout(top)
        self.body.addWidget(self.scroll_area, 1)
        self.reviewed_edit.dateChanged.connect(self.mark_edited)

    @override
    def load_page(self, view: CouncilView) -> None:
        reviewed = [a.reviews[0].reviewed_on for a in view.agreements if a.reviews]
        self.reviewed_edit.setDate(to_qdate(max(reviewed, default=self.today())))
        planned = german_date(view.decision.review_on) or "nicht festgelegt"
        self.planned_label.setText(f"Termin laut Entscheidung: {planned}")
        self.boxes = []
        self.fields.clear()
        for number, agreement in enumerate(view.agreements, start=1):
            box = AgreementReviewBox(number, agreement)
            box.group.buttonToggled.connect(self._on_toggled)
            box.comment_edit.textChanged.connect(self.mark_edited)
            self._list.addWidget(box)
            self.boxes.append(box)
            if number == 1:
                self.fields["reviews"] = box.radios[AgreementKept.KEPT]
            self.fields[f"review.{agreement.id}"] = box.comment_edit
        self._list.addStretch(1)
        self.fields["reviewed_on"] = self.reviewed_edit

    @override
    def store_page(self) -> None:
        view = self.council()
        items = tuple(i for i in (b.item() for b in self.boxes) if i is not None)
        if not items:
            return
        self.service.save_follow_up(
            self.council_id,
            FollowUpInput(
                reviewed_on=from_qdate(self.reviewed_edit.date()),
                items=items,
                # What follows is stored by its own page; keep what is stored.
                outcome=view.outcome,
                hze_kind=view.hze_kind,
                notes=view.outcome_notes,
            ),
        )

    @override
    def page_problems(self) -> dict[str, str]:
        problems: dict[str, str] = {}
        for box in self.boxes:
            problems.update(box.problems())
        return problems

    @override
    def focus_first(self) -> None:
        if self.boxes:
            box = self.boxes[0]
            checked = box.group.checkedButton()
            (checked or box.radios[AgreementKept.KEPT]).setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.reviewed_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    @override
    def focus_problem(self, problems: dict[str, str]) -> None:
        for key in problems:
            widget = self.fields.get(key)
            if widget is not None:
                self.scroll_area.ensureWidgetVisible(widget)
                widget.setFocus()
                return

    def box_for(self, number: int) -> AgreementReviewBox:
        """The box of agreement ``number`` (counted from 1)."""
        return self.boxes[number - 1]

    def _on_toggled(self, _button: QRadioButton, checked: bool) -> None:
        if checked:
            self.mark_edited()


# --- page 2: what follows ------------------------------------------------------------------


class OutcomePage(PhasePage):
    """Wie geht es weiter? No further measures, another Folge-Rat, or a Hilfe zur Erziehung.

    "Another Folge-Rat" creates the new council (linked to this one) only when the
    caseworker goes on with "Weiter", never from the idle timer: a choice made by
    mistake and changed a moment later must not leave a council behind.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "Wie geht es weiter?",
            "Nach der Überprüfung: keine weiteren Maßnahmen, ein weiterer Folge-Rat, oder der "
            "Übergang in eine Hilfe zur Erziehung.",
            parent,
        )
        self._confirmed = False
        self.group = QButtonGroup(self)
        self.radios: dict[CouncilOutcome, QRadioButton] = {}
        choices = QVBoxLayout()
        for outcome in CouncilOutcome:
            radio = QRadioButton(outcome.label)
            radio.setAccessibleName(f"Weiter mit: {outcome.label}")
            self.group.addButton(radio)
            self.radios[outcome] = radio
            choices.addWidget(radio)
        self.radios[CouncilOutcome.ANOTHER].setToolTip(
            "Der neue Folge-Rat wird mit „Weiter“ angelegt und mit diesem verknüpft."
        )
        self.hze_combo = QComboBox()
        self.hze_combo.setEditable(True)
        self.hze_combo.addItems(HZE_KINDS)
        self.hze_combo.setCurrentIndex(-1)
        self.hze_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line_edit = self.hze_combo.lineEdit()
        if line_edit is not None:
            line_edit.setPlaceholderText("Art der Hilfe wählen oder eintragen")
            line_edit.textEdited.connect(self.mark_edited)
        self.hze_combo.activated.connect(self.mark_edited)
        self.notes_edit = multi_line("Anmerkungen, wie es weitergeht", "", 80)
        self.follow_up_label = hint_label("")
        self.follow_up_label.setAccessibleName("Hinweis zum weiteren Folge-Rat")
        self.follow_up_label.setVisible(False)

        box = QGroupBox("Ergebnis")
        box.setLayout(choices)
        form = QFormLayout()
        form.addRow(
            buddy("Art der &Hilfe zur Erziehung:", self.hze_combo, "Art der Hilfe zur Erziehung"),
            self.hze_combo,
        )
        form.addRow(
            buddy("Anmerkungen (&Notizen):", self.notes_edit, "Anmerkungen, wie es weitergeht"),
            self.notes_edit,
        )
        self.body.addWidget(box)
        self.body.addWidget(self.follow_up_label)
        self.body.addLayout(form)
        self.body.addStretch(1)
        first = self.radios[CouncilOutcome.NONE_NEEDED]
        self.fields.update({"outcome": first, "hze_kind": self.hze_combo})
        self.group.buttonToggled.connect(self._on_toggled)
        self.notes_edit.textChanged.connect(self.mark_edited)

    @override
    def load_page(self, view: CouncilView) -> None:
        if view.outcome is not None:
            self.radios[view.outcome].setChecked(True)
        if view.hze_kind:
            self.hze_combo.setEditText(view.hze_kind)
        self.notes_edit.setPlainText(view.outcome_notes)
        self._show_follow_up(view)
        self._update_enabled()

    @override
    def initializePage(self) -> None:
        self._show_follow_up(self.council())

    @override
    def validatePage(self) -> bool:
        if not super().validatePage():
            return False
        # Going on is the caseworker's decision: now another Folge-Rat may be created.
        if self.outcome() is CouncilOutcome.ANOTHER and not self.council().follow_up_ids:
            self._confirmed = True
            self.dirty = True
        return True

    @override
    def store_page(self) -> None:
        view = self.council()
        outcome = self.outcome()
        if outcome is CouncilOutcome.ANOTHER and not view.follow_up_ids and not self._confirmed:
            outcome = view.outcome  # not yet: keep what is stored
        self._confirmed = False
        after = self.service.save_follow_up(
            self.council_id,
            FollowUpInput(
                reviewed_on=self.today(),
                outcome=outcome,
                hze_kind=self.hze_kind() if outcome is CouncilOutcome.HZE else "",
                notes=self.notes_edit.toPlainText(),
            ),
        )
        self._show_follow_up(after)

    @override
    def page_problems(self) -> dict[str, str]:
        outcome = self.outcome()
        if outcome is None:
            return {"outcome": "Bitte festhalten, wie es weitergeht."}
        if outcome is CouncilOutcome.HZE and not self.hze_kind().strip():
            return {"hze_kind": "Bitte die Art der Hilfe zur Erziehung angeben."}
        return {}

    @override
    def focus_first(self) -> None:
        checked = self.group.checkedButton()
        target = checked or self.radios[CouncilOutcome.NONE_NEEDED]
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def outcome(self) -> CouncilOutcome | None:
        """The outcome as chosen, None while none is."""
        return next((o for o, r in self.radios.items() if r.isChecked()), None)

    def hze_kind(self) -> str:
        """The kind of Hilfe zur Erziehung as chosen or typed."""
        return self.hze_combo.currentText()

    def choose(self, outcome: CouncilOutcome) -> None:
        """Choose ``outcome`` as the caseworker would (the button is clicked)."""
        self.radios[outcome].click()

    def _on_toggled(self, _button: QRadioButton, checked: bool) -> None:
        if checked:
            self._update_enabled()
            self._show_follow_up(self.council())
            self.mark_edited()

    def _update_enabled(self) -> None:
        self.hze_combo.setEnabled(self.outcome() is CouncilOutcome.HZE)

    def _show_follow_up(self, view: CouncilView) -> None:
        if view.follow_up_ids:
            self.follow_up_label.setText(f"<b>{escape(FOLLOW_UP_CREATED)}</b>")
        elif self.outcome() is CouncilOutcome.ANOTHER:
            self.follow_up_label.setText(FOLLOW_UP_ON_NEXT)
        self.follow_up_label.setVisible(
            bool(view.follow_up_ids) or self.outcome() is CouncilOutcome.ANOTHER
        )


# --- page 3: the printed summary ----------------------------------------------------------


class SummaryPage(PhasePage):
    """The review summary to read through and print for the participants."""

    def __init__(self, documents: DocumentService | None, parent: QWidget | None = None) -> None:
        super().__init__(
            "Zusammenfassung der Überprüfung",
            "Gemeinsam durchlesen, dann die Zusammenfassung drucken. Mit „Phase abschließen“ "
            "ist dieser Familienrat abgeschlossen.",
            parent,
        )
        self._documents = documents
        self.summary = QTextBrowser()
        self.summary.setAccessibleName("Zusammenfassung der Überprüfung")
        self.summary.setTabChangesFocus(True)
        self.summary.setOpenLinks(False)
        self.print_button = QPushButton("Zusammenfassung &drucken…")
        self.print_button.setAccessibleName("Zusammenfassung der Überprüfung drucken")
        self.print_button.clicked.connect(self.print_review)
        self.status_label = hint_label("")
        self.status_label.setAccessibleName("Stand des Dokuments")
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.status_label, 1)
        self.body.addWidget(self.summary, 1)
        self.body.addLayout(buttons)
        if documents is None:
            self.print_button.setEnabled(False)
            self.status_label.setText("Dokumente können hier nicht erstellt werden.")
        self.fields["print"] = self.print_button

    @override
    def load_page(self, view: CouncilView) -> None:
        self.summary.setHtml(review_summary_html(view))

    @override
    def initializePage(self) -> None:
        self.summary.setHtml(review_summary_html(self.council()))

    @override
    def store_page(self) -> None:
        return

    def print_review(self) -> DocumentView | None:
        """Store the review summary and show it; None when refused."""
        if self._documents is None:
            return None
        wizard = self.phase_wizard
        if not wizard.store_page():
            return None
        view = wizard.council()
        self.summary.setHtml(review_summary_html(view))
        problems = phase_problems(view, CouncilPhase.FOLLOW_UP)
        if problems:
            self.show_problems(
                {"_head": "Die Zusammenfassung kann noch nicht gedruckt werden:"}
                | {k: f"• {v}" for k, v in problems.items()}
            )
            self._problems_shown = False
            return None
        try:
            document = self._documents.print_council_review(self.council_id)
        except AsdError as exc:
            self.show_problems({"error": exc.message})
            self._problems_shown = False
            return None
        self.show_problems({})
        self.status_label.setText("Gespeichert in den Dokumenten des Falls.")
        PdfPreviewDialog.show_document(self, self._documents, document.id)
        return document


# --- the wizard -----------------------------------------------------------------------------


class FollowUpWizard(PhaseWizard):
    """The Folge-Rat / Überprüfung: agreements reviewed, what follows, the printed summary.

    Signals (from :class:`PhaseWizard`): ``stored()``, ``advanced(object)`` – the
    closed council; with "another Folge-Rat" its ``follow_up_ids`` name the new one.
    """

    phase = CouncilPhase.FOLLOW_UP

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
        self.reviews_page = self.add_phase_page(ReviewsPage())
        self.outcome_page = self.add_phase_page(OutcomePage())
        self.summary_page = self.add_phase_page(SummaryPage(documents))
