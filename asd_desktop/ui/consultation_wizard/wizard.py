"""The Kollegiale Beratung as a guided protocol.

Pages: Vorstellung, Frage, the four Ideen pages in the method's order, Auswahl,
Sozialraum, Abschluss. The protocol's fields are stored whenever the user moves
between pages, prints, or leaves ("Später fortsetzen"); ideas and needs are stored
the moment they are added or removed. Closing ("Protokoll abschließen") is the only
gate: what :data:`~asd_desktop.domain.consultation.CONSULTATION` finds missing is shown on
the last page and the wizard stays open.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
    QWizard,
)
from typing_extensions import override

from asd_desktop.domain.consultation import CONSULTATION
from asd_desktop.domain.enums import IdeaSource
from asd_desktop.domain.guided import AUTOSAVE_MS as AUTOSAVE_MS
from asd_desktop.domain.hilfen import DEFAULT_HELP_KINDS
from asd_desktop.models.errors import AsdError, ValidationError
from asd_desktop.services.consultation import (
    SOURCE_GUIDANCE,
    SOURCE_ORDER,
    SOZIALRAUM_QUESTION,
    ConsultationInput,
    ConsultationService,
    ConsultationView,
)
from asd_desktop.services.documents import DocumentService, DocumentView
from asd_desktop.ui.consultation_wizard.summary import summary_text
from asd_desktop.ui.consultation_wizard.widgets import (
    ID_ROLE,
    EnterLine,
    IdeaGroup,
    action_button,
    hint_label,
    new_page,
    text_field,
)
from asd_desktop.ui.guided_wizard import GuidedWizard
from asd_desktop.ui.pdf_preview import PdfPreviewDialog
from asd_desktop.ui.widgets import ProblemsLabel, from_qdate, german_date, to_qdate

FINISH_CLOSE = "Protokoll &abschließen"
FINISH_DONE = "S&chließen"

QUESTION_HINT = (
    "Nicht: „Welche Hilfe braucht die Familie?“ – sondern: Welche Ideen habt ihr, wie die "
    "Familie ihre Ziele erreichen kann? So sammelt das Team ein Ideenpaket statt einer "
    "Maßnahme."
)
ORDER_HINT = (
    "Die Reihenfolge ist Absicht: erst die Person selbst, dann das Umfeld, dann der "
    "Sozialraum – fachliche Hilfe erst zuletzt."
)


class ConsultationWizard(GuidedWizard):
    """The guided protocol of one Kollegiale Beratung.

    Signals:
        closed(object): the :class:`ConsultationView` once the protocol was closed.
        printed(object): the :class:`DocumentView` of a printed protocol.
    """

    closed = Signal(object)
    printed = Signal(object)

    def __init__(
        self,
        service: ConsultationService,
        consultation_id: str,
        documents: DocumentService | None = None,
        parent: QWidget | None = None,
        *,
        autosave_ms: int = AUTOSAVE_MS,
    ) -> None:
        super().__init__(parent, autosave_ms=autosave_ms, later_text="&Später fortsetzen")
        self.service = service
        self.documents = documents
        self.consultation_id = consultation_id
        view = service.get(consultation_id)
        self._closed = view.closed
        self.setWindowTitle(f"Kollegiale Beratung – {view.file_number}")
        self.setAccessibleName("Kollegiale Beratung")
        self.setOption(QWizard.WizardOption.HaveFinishButtonOnEarlyPages, False)
        self.setButtonText(QWizard.WizardButton.FinishButton, FINISH_CLOSE)

        self._build_presentation(view)
        self._build_question()
        self.idea_groups: dict[IdeaSource, IdeaGroup] = {}
        for source in SOURCE_ORDER:
            self._build_ideas(source)
        self._build_selection()
        self._build_sozialraum()
        self._build_summary()
        for line in (self.presenter, self.hze_kind):
            line.textEdited.connect(self._edited)
        for edit in (self.participants, self.family_goals, self.question, self.selection):
            edit.textChanged.connect(self._edited)
        self.held_on.dateChanged.connect(self._edited)
        self.hze_decided.toggled.connect(self._edited)
        self._load(view)
        self.resize(760, 640)

    @classmethod
    def open_for_case(
        cls,
        parent: QWidget | None,
        service: ConsultationService,
        documents: DocumentService | None,
        case_id: str,
        today: dt.date | None = None,
    ) -> ConsultationWizard | None:
        """Resume the case's open protocol, or start a new one; run the wizard modally."""
        try:
            open_ones = [c for c in service.list_for_case(case_id) if not c.closed]
            consultation_id = (
                open_ones[0].id
                if open_ones
                else service.start(case_id, today or dt.date.today()).id
            )
            wizard = cls(service, consultation_id, documents, parent)
        except AsdError as exc:
            QMessageBox.warning(parent, "Kollegiale Beratung", exc.message)
            return None
        wizard.exec()
        return wizard

    # --- pages --------------------------------------------------------------------------

    def _build_presentation(self, view: ConsultationView) -> None:
        page, layout = new_page(
            "Vorstellung",
            f"Fall {view.file_number}: Wer stellt vor, wer berät mit, was will die Familie?",
        )
        self.held_on = QDateEdit()
        self.held_on.setCalendarPopup(True)
        self.held_on.setDisplayFormat("dd.MM.yyyy")
        self.held_on.setAccessibleName("Datum der Beratung")
        self.presenter = QLineEdit()
        self.presenter.setAccessibleName("Wer stellt den Fall vor")
        self.participants = text_field("Teilnehmende der Beratung", 60)
        self.family_goals = text_field("Ziele der Familie", 110)
        form = QFormLayout()
        for text, widget in (
            ("&Datum:", self.held_on),
            ("&Fallvorstellung durch:", self.presenter),
            ("&Teilnehmende:", self.participants),
            ("&Ziele der Familie:", self.family_goals),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        layout.addLayout(form)
        layout.addWidget(
            hint_label(
                "Die Ziele sind eine Kopie aus der neuesten Zielvereinbarung; sie können hier "
                "für das Protokoll angepasst werden.",
                "Hinweis zu den Zielen",
            )
        )
        self.earlier = QListWidget()
        self.earlier.setAccessibleName("Frühere Beratungen dieses Falls")
        self.earlier.setMaximumHeight(80)
        earlier_label = QLabel("Frühere &Beratungen:")
        earlier_label.setBuddy(self.earlier)
        layout.addWidget(earlier_label)
        layout.addWidget(self.earlier)
        self.addPage(page)

    def _build_question(self) -> None:
        page, layout = new_page("Frage an das Team", "Was das Team beantworten soll.")
        self.question = text_field("Frage an das Team", 70)
        label = QLabel("&Frage:")
        label.setBuddy(self.question)
        layout.addWidget(label)
        layout.addWidget(self.question)
        layout.addWidget(hint_label(QUESTION_HINT, "Warum diese Frage"))
        layout.addStretch(1)
        self.addPage(page)

    def _build_ideas(self, source: IdeaSource) -> None:
        number = SOURCE_ORDER.index(source) + 1
        page, layout = new_page(
            f"Ideen {number} von 4: {source.label}", "Ideen sammeln, noch nicht bewerten."
        )
        layout.addWidget(hint_label(SOURCE_GUIDANCE[source], "Warum diese Reihenfolge"))
        layout.addWidget(hint_label(ORDER_HINT, "Reihenfolge der Ideen"))
        group = IdeaGroup(source, self)
        self.idea_groups[source] = group
        layout.addWidget(group, 1)
        self.addPage(page)

    def _build_selection(self) -> None:
        page, layout = new_page("Auswahl", "Welche Ideen nimmt die Familie mit?")
        self.selection_list = QListWidget()
        self.selection_list.setAccessibleName("Ideen zum Auswählen")
        self.selection_list.itemChanged.connect(self._on_selection_changed)
        self.selection = text_field("Auswahl und Begründung", 70)
        self.hze_decided = QCheckBox("Eine &Hilfe zur Erziehung wurde beschlossen")
        self.hze_decided.setAccessibleName("Hilfe zur Erziehung beschlossen")
        self.hze_kind = QLineEdit()
        self.hze_kind.setAccessibleName("Art der Hilfe zur Erziehung")
        self.hze_kind.setPlaceholderText("z. B. Sozialpädagogische Familienhilfe (§ 31 SGB VIII)")
        # The law's kinds as suggestions: the Hilfe prepared from this decision reads them.
        kinds = QCompleter([k.display for k in DEFAULT_HELP_KINDS if k.group.is_measure], self)
        kinds.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        kinds.setFilterMode(Qt.MatchFlag.MatchContains)
        self.hze_kind.setCompleter(kinds)
        self.hze_decided.toggled.connect(self._on_hze_toggled)
        self.selection_problems = ProblemsLabel()
        list_label = QLabel("Ausgewählte &Ideen (ankreuzen):")
        list_label.setBuddy(self.selection_list)
        text_label = QLabel("Auswahl, &kurz festgehalten:")
        text_label.setBuddy(self.selection)
        kind_label = QLabel("&Welche Hilfe:")
        kind_label.setBuddy(self.hze_kind)
        layout.addWidget(list_label)
        layout.addWidget(self.selection_list, 1)
        layout.addWidget(text_label)
        layout.addWidget(self.selection)
        layout.addWidget(self.hze_decided)
        row = QHBoxLayout()
        row.addWidget(kind_label)
        row.addWidget(self.hze_kind, 1)
        layout.addLayout(row)
        layout.addWidget(self.selection_problems)
        self.addPage(page)

    def _build_sozialraum(self) -> None:
        page, layout = new_page("Sozialraum", "Was dem Stadtteil fehlt (für die Bedarfsliste).")
        question = QLabel(SOZIALRAUM_QUESTION)
        question.setWordWrap(True)
        question.setAccessibleName("Frage zum Sozialraum")
        question.setStyleSheet("QLabel { font-weight: bold; }")
        self.needs_required = QLabel()
        self.needs_required.setWordWrap(True)
        self.needs_required.setAccessibleName("Pflichtangabe Sozialraum")
        self.needs_list = QListWidget()
        self.needs_list.setAccessibleName("Fehlende Angebote im Sozialraum")
        self.need_edit = EnterLine()
        self.need_edit.setAccessibleName("Neues fehlendes Angebot")
        self.need_edit.setPlaceholderText("Kurzer Name, z. B. Elterncafé auf Türkisch")
        self.need_edit.returnPressed.connect(self.add_need)
        self.need_problems = ProblemsLabel()
        row = QHBoxLayout()
        row.addWidget(self.need_edit, 1)
        row.addWidget(action_button("&Hinzufügen", "Bedarf hinzufügen", self.add_need))
        row.addWidget(action_button("&Entfernen", "Bedarf entfernen", self.remove_need))
        layout.addWidget(question)
        layout.addWidget(self.needs_required)
        layout.addWidget(self.needs_list, 1)
        layout.addLayout(row)
        layout.addWidget(self.need_problems)
        self.addPage(page)

    def _build_summary(self) -> None:
        page, layout = new_page("Abschluss", "Das Protokoll prüfen, abschließen und drucken.")
        self.summary = QPlainTextEdit()
        self.summary.setReadOnly(True)
        self.summary.setAccessibleName("Zusammenfassung des Protokolls")
        self.close_problems = page.problems_label
        self.close_problems.setAccessibleName("Warum das Protokoll noch nicht abschließbar ist")
        self.status_label = QLabel()
        self.status_label.setAccessibleName("Stand des Protokolls")
        self.print_button = action_button(
            "Protokoll &drucken …", "Protokoll als PDF erstellen", self.print_protocol
        )
        self.print_button.setEnabled(self.documents is not None)
        layout.addWidget(self.summary, 1)
        row = QHBoxLayout()
        row.addWidget(self.status_label, 1)
        row.addWidget(self.print_button)
        layout.addLayout(row)
        self.addPage(page)

    # --- loading and storing ----------------------------------------------------------------

    def view(self) -> ConsultationView:
        """The latest stored protocol."""
        return self.service.get(self.consultation_id)

    def _load(self, view: ConsultationView) -> None:
        self.loading = True
        f = view.fields
        self.held_on.setDate(to_qdate(f.held_on))
        self.presenter.setText(f.presenter)
        self.participants.setPlainText(f.participants)
        self.family_goals.setPlainText(f.family_goals)
        self.question.setPlainText(f.question)
        self.selection.setPlainText(f.selection)
        self.hze_decided.setChecked(f.hze_decided)
        self.hze_kind.setText(f.hze_kind)
        self.hze_kind.setEnabled(f.hze_decided)
        self.earlier.clear()
        for c in self.service.list_for_case(view.case_id):
            if c.id == view.id:
                continue
            hze = f" · HzE: {c.hze_kind}" if c.hze_decided else ""
            state = "" if c.closed else " · offen"
            self.earlier.addItem(f"{german_date(c.held_on)} · {c.presenter or '–'}{hze}{state}")
        if not self.earlier.count():
            self.earlier.addItem("keine")
        self.loading = False
        self._show_lists(view)
        self._set_closed(self._closed)

    def _show_lists(self, view: ConsultationView) -> None:
        self.loading = True
        for group in self.idea_groups.values():
            group.load(view)
        self.selection_list.clear()
        for source, ideas in view.ideas_by_source().items():
            for idea in ideas:
                item = QListWidgetItem(f"{source.label}: {idea.text}")
                item.setData(ID_ROLE, idea.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(
                    Qt.CheckState.Checked if idea.selected else Qt.CheckState.Unchecked
                )
                self.selection_list.addItem(item)
        self.needs_list.clear()
        for need in view.needs:
            item = QListWidgetItem(need.need)
            item.setData(ID_ROLE, need.id)
            self.needs_list.addItem(item)
        self.loading = False
        self._update_required()
        self.summary.setPlainText(summary_text(view))

    def reload(self) -> None:
        """Show the stored ideas, selection and needs again."""
        self._show_lists(self.view())

    def values(self) -> ConsultationInput:
        """The protocol's own fields as entered."""
        return ConsultationInput(
            held_on=from_qdate(self.held_on.date()),
            presenter=self.presenter.text(),
            participants=self.participants.toPlainText(),
            family_goals=self.family_goals.toPlainText(),
            question=self.question.toPlainText(),
            selection=self.selection.toPlainText(),
            hze_decided=self.hze_decided.isChecked(),
            hze_kind=self.hze_kind.text() if self.hze_decided.isChecked() else "",
            sozialraum_answer=self.view().fields.sozialraum_answer,
        )

    def _edited(self) -> None:
        self.schedule_autosave()

    def store(self) -> bool:
        """Store the protocol's fields (nothing once it is closed)."""
        return self.save_draft_now()

    @override
    def store_draft(self) -> bool:
        """Store the protocol's fields into its encrypted record (nothing once closed)."""
        if self._closed:
            return True
        return self.run(lambda s: s.save(self.consultation_id, self.values()), None)

    def run(
        self, action: Callable[[ConsultationService], object], problems: ProblemsLabel | None
    ) -> bool:
        """Run a service call; show its problems in ``problems`` (or a message box)."""
        try:
            action(self.service)
        except ValidationError as exc:
            if problems is not None:
                problems.show_problems(exc.problems)
            else:
                QMessageBox.warning(self, "Kollegiale Beratung", exc.message)
            return False
        except AsdError as exc:
            QMessageBox.warning(self, "Kollegiale Beratung", exc.message)
            return False
        if problems is not None:
            problems.show_problems({})
        return True

    # --- reactions ------------------------------------------------------------------------

    @override
    def page_shown(self, page_id: int) -> None:
        self.reload()

    def _on_selection_changed(self, item: QListWidgetItem) -> None:
        if self.loading:
            return
        idea_id = str(item.data(ID_ROLE))
        selected = item.checkState() == Qt.CheckState.Checked
        self.run(lambda s: s.set_selected(idea_id, selected), self.selection_problems)

    def _on_hze_toggled(self, checked: bool) -> None:
        self.hze_kind.setEnabled(checked and not self._closed)
        self._update_required()

    def _update_required(self) -> None:
        if self.hze_decided.isChecked():
            text = (
                "Pflichtangabe: Eine Hilfe zur Erziehung wurde beschlossen. Das Protokoll kann "
                "erst abgeschlossen werden, wenn das Team mindestens einen Bedarf eingetragen hat."
            )
            if self.needs_list.count() == 0:
                self.needs_required.setStyleSheet("QLabel { color: #b00020; }")
            else:
                self.needs_required.setStyleSheet("")
        else:
            text = "Freiwillig, solange keine Hilfe zur Erziehung beschlossen wurde."
            self.needs_required.setStyleSheet("")
        self.needs_required.setText(text)

    def add_need(self) -> None:
        """Store the typed need at once."""
        text = self.need_edit.text()
        if self.run(lambda s: s.add_need(self.consultation_id, text), self.need_problems):
            self.need_edit.clear()
            self.reload()
        self.need_edit.setFocus()

    def remove_need(self) -> None:
        """Remove the selected need."""
        item = self.needs_list.currentItem()
        if item is None:
            return
        need_id = str(item.data(ID_ROLE))
        if self.run(lambda s: s.remove_need(need_id), self.need_problems):
            self.reload()

    def print_protocol(self) -> DocumentView | None:
        """Store, create the protocol PDF in the case's documents, and show it."""
        if self.documents is None or not self.store():
            return None
        try:
            document = self.documents.print_consultation_protocol(self.consultation_id)
        except AsdError as exc:
            QMessageBox.warning(self, "Protokoll nicht erstellt", exc.message)
            return None
        self.printed.emit(document)
        PdfPreviewDialog.show_document(self, self.documents, document.id)
        return document

    def close_protocol(self) -> bool:
        """Store and close; problems stay visible on the last page."""
        if not self.store():
            return False
        missing = CONSULTATION.missing(self.view())
        self.close_problems.show_problems({})
        if missing:
            self.show_missing(
                "Das Protokoll kann noch nicht abgeschlossen werden:",
                missing,
                {page.id: page.title for page in CONSULTATION.pages},
            )
            self.reload()
            return False
        if not self.run(lambda s: s.close(self.consultation_id), self.close_problems):
            self.reload()
            return False
        self._set_closed(True)
        self.closed.emit(self.view())
        return True

    def _set_closed(self, closed: bool) -> None:
        self._closed = closed
        editable = not closed
        for widget in (
            self.held_on,
            self.presenter,
            self.participants,
            self.family_goals,
            self.question,
            self.selection,
            self.selection_list,
            self.hze_decided,
            self.need_edit,
            *self.idea_groups.values(),
        ):
            widget.setEnabled(editable)
        self.hze_kind.setEnabled(editable and self.hze_decided.isChecked())
        self.status_label.setText(
            "Das Protokoll ist abgeschlossen." if closed else "Das Protokoll ist noch offen."
        )
        self.setButtonText(
            QWizard.WizardButton.FinishButton, FINISH_DONE if closed else FINISH_CLOSE
        )
        # A closed protocol has nothing to continue later.
        self.setOption(QWizard.WizardOption.NoCancelButton, closed)

    @override
    def accept(self) -> None:
        # The first Finish closes the protocol and stays open, so that the closed
        # protocol can still be printed; then Finish ("Schließen") leaves.
        if self._closed:
            super().accept()
        else:
            self.close_protocol()
