"""Familienphase: the family works alone; afterwards its times and proposals are entered.

Entered by the moderator afterwards or from the family's own notes. Two pages,
stored when left and after a short pause in typing; "Phase abschließen" leads on
to the Entscheidung.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from asd_desktop.domain.enums import CouncilPhase
from asd_desktop.models.errors import AsdError
from asd_desktop.services.familienrat import (
    CouncilView,
    FamilienratService,
    FamilyPhaseInput,
    ProposalInput,
    ProposalView,
    proposal_problems,
)
from asd_desktop.ui.familienrat.common import (
    AUTOSAVE_MS,
    OptionalDateTimeEdit,
    PhasePage,
    PhaseWizard,
    RowEntry,
    default_time,
    store_rows,
)
from asd_desktop.ui.goal_wizard.base import RowList, hint_label, multi_line, short_line
from asd_desktop.ui.widgets import OptionalDateEdit, buddy

#: How the proposals were recorded (stored values and their German labels).
SOURCE_MODERATOR = "moderator"
SOURCE_FAMILY = "familie"
SOURCES = {
    SOURCE_MODERATOR: "von der Koordination nachträglich eingetragen",
    SOURCE_FAMILY: "aus den eigenen Notizen der Familie übernommen",
}
NO_TEXT = "(noch ohne Text)"
#: Default "bis wann" for a proposal: about three months after the meeting.
DEFAULT_DUE = dt.timedelta(days=91)


def proposal_input(view: ProposalView) -> ProposalInput:
    """The stored proposal as an input (without id and decision)."""
    return ProposalInput(
        **{f.name: getattr(view, f.name) for f in dataclasses.fields(ProposalInput)}
    )


class ProcessPage(PhasePage):
    """Ablauf: when the family worked alone, without professionals, and who wrote it down."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "Ablauf der Familienphase",
            "Beginn und Ende, und wie die Ergebnisse festgehalten wurden.",
            parent,
        )
        self.start_edit = OptionalDateTimeEdit(
            "Zeit setzen", "Beginn der Familienphase", default=self._default_start
        )
        self.end_edit = OptionalDateTimeEdit(
            "Zeit setzen", "Ende der Familienphase", default=self._default_end
        )
        self.no_professionals_box = QCheckBox(
            "Es waren &keine Fachkräfte anwesend (auch nicht Koordination und ASD)."
        )
        self.no_professionals_box.setAccessibleName("Keine Fachkräfte anwesend")
        self.source_group = QButtonGroup(self)
        self.source_buttons: dict[str, QRadioButton] = {}
        source_box = QGroupBox("Die Vorschläge wurden …")
        source_layout = QVBoxLayout(source_box)
        for key, text in SOURCES.items():
            button = QRadioButton(text)
            button.setAccessibleName(f"Vorschläge {text}")
            self.source_group.addButton(button)
            self.source_buttons[key] = button
            source_layout.addWidget(button)
        self.family_moderator_edit = QLineEdit()
        self.family_moderator_edit.setPlaceholderText("optional: wer die Familie moderiert hat")

        form = QFormLayout()
        form.addRow(buddy("&Beginn:", self.start_edit, "Beginn der Familienphase"), self.start_edit)
        form.addRow(buddy("&Ende:", self.end_edit, "Ende der Familienphase"), self.end_edit)
        form.addRow(
            buddy(
                "&Moderation aus der\nFamilie (optional):",
                self.family_moderator_edit,
                "Moderation aus der Familie",
            ),
            self.family_moderator_edit,
        )
        self.body.addLayout(form)
        self.body.addWidget(self.no_professionals_box)
        self.body.addWidget(source_box)
        self.body.addWidget(
            hint_label(
                "Die Familienphase hat keine Zeitbegrenzung. Koordination und ASD bleiben in "
                "der Nähe erreichbar, sind aber nicht im Raum."
            )
        )
        self.body.addStretch(1)

        self.start_edit.changed.connect(self.mark_edited)
        self.end_edit.changed.connect(self.mark_edited)
        self.no_professionals_box.toggled.connect(self.mark_edited)
        self.source_group.buttonToggled.connect(self.mark_edited)
        self.family_moderator_edit.textEdited.connect(self.mark_edited)
        self.fields["times"] = self.start_edit
        self.fields["no_professionals_present"] = self.no_professionals_box
        self.fields["family_moderator"] = self.family_moderator_edit

    def _default_start(self) -> dt.datetime:
        if self._wizard is not None:
            view = self.council()
            started = view.information.info_started_at
            if started is not None:
                return started + dt.timedelta(hours=1)
            if view.preparation.meeting_at is not None:
                return view.preparation.meeting_at
        return default_time(self.today(), 11)

    def _default_end(self) -> dt.datetime:
        start = self.start_edit.value() if hasattr(self, "start_edit") else None
        return (start or self._default_start()) + dt.timedelta(hours=2)

    def load_page(self, view: CouncilView) -> None:
        """Show the stored times and how the proposals were recorded."""
        fam = view.family_phase
        self.start_edit.set_value(fam.start)
        self.end_edit.set_value(fam.end)
        self.no_professionals_box.setChecked(fam.no_professionals_present)
        self.family_moderator_edit.setText(fam.family_moderator)
        self.source_group.setExclusive(False)
        for key, button in self.source_buttons.items():
            button.setChecked(key == fam.proposals_source)
        self.source_group.setExclusive(True)

    def source(self) -> str:
        """The chosen way the proposals were recorded ("" when none)."""
        return next((k for k, b in self.source_buttons.items() if b.isChecked()), "")

    def family_phase(self) -> FamilyPhaseInput:
        """The page as entered."""
        return FamilyPhaseInput(
            start=self.start_edit.value(),
            end=self.end_edit.value(),
            no_professionals_present=self.no_professionals_box.isChecked(),
            family_moderator=self.family_moderator_edit.text(),
            proposals_source=self.source(),
        )

    def page_problems(self) -> dict[str, str]:
        """An end before the start stops "Weiter" (missing times only the phase's end)."""
        start, end = self.start_edit.value(), self.end_edit.value()
        if start is not None and end is not None and end <= start:
            return {"times": "Das Ende der Familienphase muss nach dem Beginn liegen."}
        return {}

    def store_page(self) -> None:
        """Store times, confirmation and source."""
        self.service.save_family_phase(self.council_id, self.family_phase())


class ProposalsPage(PhasePage):
    """Vorschläge der Familie: what, who, by when, how checked, and the emergency plan."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "Vorschläge der Familie",
            "In den Worten der Familie: was, wer, bis wann, wie überprüft – und was "
            "passiert, wenn es nicht klappt.",
            parent,
        )
        self.entries: list[RowEntry[ProposalInput]] = []
        self._showing = False
        self.rows = RowList(
            "&Vorschläge:",
            "Liste der Vorschläge",
            "&Neuer Vorschlag",
            "Vorschlag &entfernen",
        )
        self.rows.add_requested.connect(self.add_proposal)
        self.rows.remove_requested.connect(self.remove_proposal)
        self.rows.row_chosen.connect(self._show_row)

        self.what_edit = multi_line(
            "Was schlägt die Familie vor?",
            "z. B. „Oma Emine holt Emre montags bis freitags um 7:30 Uhr ab und bringt ihn "
            "zur Schule.“",
            height=70,
        )
        self.who_edit = QLineEdit()
        self.who_edit.setPlaceholderText("z. B. Oma Emine, Onkel Murat")
        self.due_edit = OptionalDateEdit("Datum setzen", "bis wann", default=self._default_due)
        self.checked_edit = multi_line(
            "Wie wird es überprüft?", "Woran merken alle, dass es klappt?", height=50
        )
        self.fallback_edit = multi_line(
            "Was passiert, wenn es nicht klappt?",
            "Notfallplan: wer springt ein, wen ruft man an?",
            height=50,
        )
        self.editor = QGroupBox("Ausgewählter Vorschlag")
        form = QFormLayout(self.editor)
        form.addRow(buddy("Wa&s?", self.what_edit, "Was schlägt die Familie vor?"), self.what_edit)
        form.addRow(buddy("We&r?", self.who_edit, "Wer übernimmt es?"), self.who_edit)
        form.addRow(buddy("&Bis wann?", self.due_edit, "bis wann"), self.due_edit)
        form.addRow(
            buddy("Wie wird es über&prüft?", self.checked_edit, "Wie wird es überprüft?"),
            self.checked_edit,
        )
        form.addRow(
            buddy(
                "Notfallp&lan – wenn\nes nicht klappt:",
                self.fallback_edit,
                "Was passiert, wenn es nicht klappt?",
            ),
            self.fallback_edit,
        )
        self.body.addWidget(self.rows)
        self.body.addWidget(self.editor, 1)

        self.what_edit.textChanged.connect(self._on_edit)
        self.who_edit.textEdited.connect(self._on_edit)
        self.due_edit.checkbox.toggled.connect(self._on_edit)
        self.due_edit.date_edit.dateChanged.connect(self._on_edit)
        self.checked_edit.textChanged.connect(self._on_edit)
        self.fallback_edit.textChanged.connect(self._on_edit)
        self.fields["proposals"] = self.rows.add_button
        self.fields["what"] = self.what_edit

    def _default_due(self) -> dt.date:
        if self._wizard is not None:
            meeting = self.council().preparation.meeting_at
            if meeting is not None:
                return meeting.date() + DEFAULT_DUE
        return self.today() + DEFAULT_DUE

    # --- load and store ----------------------------------------------------------------

    def load_page(self, view: CouncilView) -> None:
        """Show the stored proposals."""
        self.entries = []
        for p in view.proposals:
            value = proposal_input(p)
            self.entries.append(RowEntry(value, p.id, value))
        self._refresh(0)

    def store_page(self) -> None:
        """Store new and changed proposals that say what is proposed."""
        store_rows(
            self.entries,
            proposal_problems,
            lambda v: self.service.add_proposal(self.council_id, v).id,
            self.service.update_proposal,
        )

    def page_problems(self) -> dict[str, str]:
        """A proposal without its "what" stops "Weiter"."""
        for number, entry in enumerate(self.entries, start=1):
            problems = proposal_problems(entry.value)
            if problems:
                self.rows.list.setCurrentRow(number - 1)
                return {k: f"Vorschlag {number}: {v}" for k, v in problems.items()}
        return {}

    # --- rows --------------------------------------------------------------------------

    def add_proposal(self) -> None:
        """Append an empty proposal and put the cursor into its text."""
        self.entries.append(RowEntry(ProposalInput(what="")))
        self._refresh(len(self.entries) - 1)
        self.what_edit.setFocus()
        self.mark_edited()

    def remove_proposal(self, row: int) -> None:
        """Take the proposal at ``row`` back (and out of the stored council)."""
        if not 0 <= row < len(self.entries):
            return
        entry = self.entries[row]
        if entry.id:
            try:
                self.service.remove_proposal(entry.id)
            except AsdError as exc:
                self.show_problems({"remove": exc.message})
                return
            self.phase_wizard.reload()
        del self.entries[row]
        self._refresh(min(row, len(self.entries) - 1))
        (self.rows.list if self.entries else self.rows.add_button).setFocus()
        if self.problems_text():
            self.show_problems(self.page_problems())

    def select_proposal(self, row: int) -> None:
        """Show the proposal at ``row`` in the editor."""
        self.rows.list.setCurrentRow(row)

    def _refresh(self, current: int) -> None:
        self.rows.set_lines(
            [short_line(n, e.value.what, NO_TEXT) for n, e in enumerate(self.entries, start=1)],
            current,
        )
        self._show_row(self.rows.current())

    def _show_row(self, row: int) -> None:
        self._showing = True
        try:
            has_row = 0 <= row < len(self.entries)
            self.editor.setEnabled(has_row)
            value = self.entries[row].value if has_row else ProposalInput(what="")
            self.what_edit.setPlainText(value.what)
            self.who_edit.setText(value.who)
            self.due_edit.set_date(value.due_on)
            self.checked_edit.setPlainText(value.how_checked)
            self.fallback_edit.setPlainText(value.fallback)
        finally:
            self._showing = False

    def _on_edit(self, *_: object) -> None:
        row = self.rows.current()
        if self._showing or not 0 <= row < len(self.entries):
            return
        entry = self.entries[row]
        entry.value = ProposalInput(
            what=self.what_edit.toPlainText(),
            who=self.who_edit.text(),
            due_on=self.due_edit.date(),
            how_checked=self.checked_edit.toPlainText(),
            fallback=self.fallback_edit.toPlainText(),
        )
        self.rows.set_line(row, short_line(row + 1, entry.value.what, NO_TEXT))
        self.mark_edited()


class FamilyPhaseWizard(PhaseWizard):
    """The Familienphase, entered afterwards: the times and the family's proposals."""

    phase = CouncilPhase.FAMILY_PHASE

    def __init__(
        self,
        service: FamilienratService,
        council_id: str,
        parent: QWidget | None = None,
        *,
        autosave_ms: int = AUTOSAVE_MS,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(service, council_id, parent, autosave_ms=autosave_ms, today=today)
        self.process_page = self.add_phase_page(ProcessPage())
        self.proposals_page = self.add_phase_page(ProposalsPage())
