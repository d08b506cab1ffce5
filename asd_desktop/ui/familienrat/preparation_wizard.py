"""Vorbereitung: the family is told, the Koordination, the Sorgeformulierung, who comes, where.

Five pages, each stored through the service when it is left and after a short
pause in typing; "Phase abschließen" moves the Familienrat on to the Information.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QWidget,
)

from asd_desktop.domain.enums import (
    CouncilPhase,
    FamilyInterest,
    Financing,
    Invitation,
    ParticipantGroup,
    Role,
)
from asd_desktop.models.errors import AsdError
from asd_desktop.services.cases import CaseDetail, PersonView
from asd_desktop.services.documents import DocumentService, DocumentView
from asd_desktop.services.familienrat import (
    CouncilView,
    FamilienratService,
    ParticipantInput,
    ParticipantView,
    PreparationInput,
    participant_problems,
)
from asd_desktop.ui.familienrat.common import (
    AUTOSAVE_MS,
    OptionalDateTimeEdit,
    PhasePage,
    PhaseWizard,
    RowEntry,
    combo_value,
    default_time,
    enum_combo,
    select_value,
    store_rows,
)
from asd_desktop.ui.goal_wizard.base import RowList, hint_label, multi_line
from asd_desktop.ui.pdf_preview import PdfPreviewDialog
from asd_desktop.ui.print_language import chosen, language_combo, preselect
from asd_desktop.ui.widgets import OptionalDateEdit, buddy, german_datetime

NO_NAME = "(noch ohne Namen)"
#: How far ahead an empty meeting date starts.
MEETING_AHEAD = dt.timedelta(days=21)


def participant_input(view: ParticipantView) -> ParticipantInput:
    """The stored participant as an input (without its id)."""
    return ParticipantInput(
        **{f.name: getattr(view, f.name) for f in dataclasses.fields(ParticipantInput)}
    )


def participant_line(number: int, value: ParticipantInput) -> str:
    """A participant's line in the list: name, relation, group and invitation state."""
    name = " ".join(value.name.split()) or NO_NAME
    parts = [p for p in (value.relation.strip(), value.group.label) if p]
    return f"{number}. {name} – {' · '.join(parts)} – {value.invitation.label}"


def person_full_name(person: PersonView) -> str:
    """A case person's name as it is written on a letter."""
    return " ".join(p for p in (person.first_name.strip(), person.last_name.strip()) if p)


def participant_from_person(person: PersonView) -> ParticipantInput:
    """A case person as a participant: name, relation, address, phone, language."""
    relation = ", ".join(r.label for r in person.roles if r is not Role.PROFESSIONAL)
    group = ParticipantGroup.FAMILY
    if Role.PROFESSIONAL in person.roles:
        group = ParticipantGroup.PROFESSIONAL
        relation = ", ".join(p for p in ("Fachkraft", person.institution.strip(), relation) if p)
    return ParticipantInput(
        name=person_full_name(person),
        group=group,
        relation=relation,
        address=person.address.strip(),
        contact=person.phone.strip(),
        language=person.languages.strip(),
    )


def _line(accessible: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setAccessibleName(accessible)
    edit.setPlaceholderText(placeholder)
    return edit


class _PreparationPage(PhasePage):
    """A page that stores part of the :class:`PreparationInput`."""

    def preparation(self, prep: PreparationInput) -> PreparationInput:
        """``prep`` with this page's fields as entered."""
        raise NotImplementedError

    def store_page(self) -> None:
        """Store the Vorbereitung with this page's part replaced."""
        self.service.save_preparation(self.council_id, self.preparation(self.council().preparation))


class FamilyInformedPage(_PreparationPage):
    """Information der Familie: when the office told the family, and whether it wants one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "Information der Familie",
            "Das Jugendamt informiert die Familie über den Familienrat; die Koordination "
            "stellt ihn bei Interesse vor.",
            parent,
        )
        self.informed_edit = OptionalDateEdit("Datum setzen", "Familie informiert am")
        self.interest_combo = enum_combo("Interesse der Familie", FamilyInterest)
        form = QFormLayout()
        form.addRow(
            buddy("Familie &informiert am:", self.informed_edit, "Familie informiert am"),
            self.informed_edit,
        )
        form.addRow(
            buddy("Inter&esse der Familie:", self.interest_combo, "Interesse der Familie"),
            self.interest_combo,
        )
        self.body.addLayout(form)
        self.body.addWidget(
            hint_label(
                "Ein Familienrat findet nur statt, wenn die Familie ihn will. Die "
                "Verantwortung für die Lösung bleibt bei der Familie."
            )
        )
        self.body.addStretch(1)
        self.informed_edit.checkbox.toggled.connect(self.mark_edited)
        self.informed_edit.date_edit.dateChanged.connect(self.mark_edited)
        self.interest_combo.currentIndexChanged.connect(self.mark_edited)
        self.fields["informed_on"] = self.informed_edit
        self.fields["family_interest"] = self.interest_combo

    def load_page(self, view: CouncilView) -> None:
        """Show the stored date and interest."""
        self.informed_edit.set_date(view.preparation.informed_on)
        select_value(self.interest_combo, view.preparation.family_interest)

    def preparation(self, prep: PreparationInput) -> PreparationInput:
        """The date and interest as entered."""
        return dataclasses.replace(
            prep,
            informed_on=self.informed_edit.date(),
            family_interest=combo_value(self.interest_combo, FamilyInterest) or FamilyInterest.OPEN,
        )


class ModeratorPage(_PreparationPage):
    """Koordination: the neutral moderator who prepares and runs the Familienrat."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "Koordination",
            "Wer bereitet den Familienrat vor und moderiert ihn?",
            parent,
        )
        self.name_edit = _line("Name der Koordination", "z. B. Aylin Demir")
        self.org_edit = _line("Organisation", "z. B. freier Träger")
        self.contact_edit = _line("Kontakt der Koordination", "Telefon, E-Mail")
        self.languages_edit = _line("Sprachen der Koordination", "z. B. Deutsch, Türkisch")
        form = QFormLayout()
        form.addRow(buddy("&Name:", self.name_edit, "Name der Koordination"), self.name_edit)
        form.addRow(buddy("&Organisation:", self.org_edit, "Organisation"), self.org_edit)
        form.addRow(
            buddy("&Kontakt:", self.contact_edit, "Kontakt der Koordination"), self.contact_edit
        )
        form.addRow(
            buddy("&Sprachen:", self.languages_edit, "Sprachen der Koordination"),
            self.languages_edit,
        )
        self.body.addLayout(form)
        self.body.addWidget(
            hint_label(
                "Die Koordination ist neutral: sie gehört nicht zum Jugendamt und entscheidet "
                "nichts über die Familie. Sie kann die Sprache der Familie sprechen."
            )
        )
        self.body.addStretch(1)
        for edit in (self.name_edit, self.org_edit, self.contact_edit, self.languages_edit):
            edit.textEdited.connect(self.mark_edited)
        self.fields["moderator_name"] = self.name_edit

    def load_page(self, view: CouncilView) -> None:
        """Show the stored moderator."""
        prep = view.preparation
        self.name_edit.setText(prep.moderator_name)
        self.org_edit.setText(prep.moderator_org)
        self.contact_edit.setText(prep.moderator_contact)
        self.languages_edit.setText(prep.moderator_languages)

    def preparation(self, prep: PreparationInput) -> PreparationInput:
        """The moderator as entered."""
        return dataclasses.replace(
            prep,
            moderator_name=self.name_edit.text(),
            moderator_org=self.org_edit.text(),
            moderator_contact=self.contact_edit.text(),
            moderator_languages=self.languages_edit.text(),
        )


class ConcernPage(_PreparationPage):
    """Sorgeformulierung: the office's concern, precisely; minimum requirements; consent."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "Sorgeformulierung",
            "Die Fachkraft des ASD schreibt ihre Sorge genau auf – so, wie sie der Familie "
            "vorgelesen wird.",
            parent,
        )
        self.concern_edit = multi_line(
            "Sorgeformulierung",
            "z. B. „Wir machen uns Sorgen, weil Emre seit März an zwölf Tagen nicht in der "
            "Schule war …“",
            height=140,
        )
        self.minimums_edit = multi_line(
            "Mindestanforderungen",
            "nur wenn nötig: was im Plan der Familie auf jeden Fall geregelt sein muss",
            height=80,
        )
        self.consent_edit = OptionalDateEdit("Datum setzen", "Einwilligung zur Weitergabe am")
        form = QFormLayout()
        form.addRow(
            buddy("S&orgeformulierung:", self.concern_edit, "Sorgeformulierung"),
            self.concern_edit,
        )
        form.addRow(
            buddy(
                "&Mindestanforderungen\n(nicht verhandelbar,\noptional):",
                self.minimums_edit,
                "Mindestanforderungen",
            ),
            self.minimums_edit,
        )
        form.addRow(
            buddy(
                "&Einwilligung zur\nWeitergabe am:",
                self.consent_edit,
                "Einwilligung zur Weitergabe am",
            ),
            self.consent_edit,
        )
        self.body.addLayout(form)
        self.body.addWidget(
            hint_label(
                "Die Familie willigt ein, dass die Sorge und die nötigen Daten an die "
                "Koordination und die Teilnehmenden weitergegeben werden."
            )
        )
        self.body.addStretch(1)
        self.concern_edit.textChanged.connect(self.mark_edited)
        self.minimums_edit.textChanged.connect(self.mark_edited)
        self.consent_edit.checkbox.toggled.connect(self.mark_edited)
        self.consent_edit.date_edit.dateChanged.connect(self.mark_edited)
        self.fields["concern"] = self.concern_edit
        self.fields["consent_on"] = self.consent_edit

    def load_page(self, view: CouncilView) -> None:
        """Show the stored concern, minimum requirements and consent."""
        prep = view.preparation
        self.concern_edit.setPlainText(prep.concern)
        self.minimums_edit.setPlainText(prep.minimum_requirements)
        self.consent_edit.set_date(prep.consent_on)

    def preparation(self, prep: PreparationInput) -> PreparationInput:
        """The concern as entered."""
        return dataclasses.replace(
            prep,
            concern=self.concern_edit.toPlainText(),
            minimum_requirements=self.minimums_edit.toPlainText(),
            consent_on=self.consent_edit.date(),
        )


class ParticipantsPage(PhasePage):
    """Teilnehmende: the people the family chooses, and the state of their invitation."""

    def __init__(self, case: CaseDetail | None = None, parent: QWidget | None = None) -> None:
        super().__init__(
            "Teilnehmende",
            "Die Familie entscheidet, wer kommt – Familie, Umfeld, Fachkräfte – und wer "
            "wen einlädt.",
            parent,
        )
        self._case = case
        self.entries: list[RowEntry[ParticipantInput]] = []
        self._showing = False

        self.rows = RowList(
            "&Teilnehmende:",
            "Liste der Teilnehmenden",
            "&Neue Person",
            "Person &entfernen",
        )
        self.rows.list.setMaximumHeight(130)
        self.rows.add_requested.connect(self.add_participant)
        self.rows.remove_requested.connect(self.remove_participant)
        self.rows.row_chosen.connect(self._show_row)

        self.from_case_button = QPushButton("Aus dem &Fall hinzufügen")
        self.from_case_button.setAccessibleName("Person aus dem Fall hinzufügen")
        self.from_case_menu = QMenu(self.from_case_button)
        self.from_case_menu.aboutToShow.connect(self._fill_case_menu)
        self.from_case_button.setMenu(self.from_case_menu)
        self.from_case_button.setEnabled(bool(case and case.persons))

        self.group_combo = enum_combo("Gruppe", ParticipantGroup)
        self.name_edit = _line("Name der teilnehmenden Person", "Vor- und Nachname")
        self.relation_edit = _line("Rolle oder Beziehung", "z. B. Großmutter, Nachbarin, Lehrer")
        self.address_edit = multi_line(
            "Anschrift", "Straße Hausnummer\nPLZ Ort (für die Einladung)", height=52
        )
        self.address_edit.setMaximumHeight(64)
        self.contact_edit = _line("Kontakt", "Telefon, E-Mail")
        self.language_edit = _line("Sprache", "z. B. Türkisch")
        self.invited_by_edit = _line("Wer lädt ein?", "z. B. die Mutter")
        self.invitation_combo = enum_combo("Einladung", Invitation)

        self.editor = QGroupBox("Ausgewählte Person")
        form = QFormLayout(self.editor)
        form.addRow(buddy("&Gruppe:", self.group_combo, "Gruppe"), self.group_combo)
        form.addRow(
            buddy("N&ame:", self.name_edit, "Name der teilnehmenden Person"), self.name_edit
        )
        form.addRow(
            buddy("&Rolle / Beziehung:", self.relation_edit, "Rolle oder Beziehung"),
            self.relation_edit,
        )
        form.addRow(buddy("Ansc&hrift:", self.address_edit, "Anschrift"), self.address_edit)
        contact_row = QHBoxLayout()
        contact_row.addWidget(self.contact_edit, 2)
        contact_row.addWidget(buddy("S&prache:", self.language_edit, "Sprache"))
        contact_row.addWidget(self.language_edit, 1)
        form.addRow(buddy("&Kontakt:", self.contact_edit, "Kontakt"), contact_row)
        invite_row = QHBoxLayout()
        invite_row.addWidget(self.invited_by_edit, 2)
        invite_row.addWidget(buddy("Einla&dung:", self.invitation_combo, "Einladung"))
        invite_row.addWidget(self.invitation_combo, 1)
        form.addRow(buddy("Wer &lädt ein?", self.invited_by_edit, "Wer lädt ein?"), invite_row)

        top = QHBoxLayout()
        top.addWidget(self.rows, 1)
        self.body.addLayout(top)
        case_row = QHBoxLayout()
        case_row.addWidget(self.from_case_button)
        case_row.addStretch(1)
        self.body.addLayout(case_row)
        self.body.addWidget(self.editor)
        self.body.addStretch(1)

        for edit in (
            self.name_edit,
            self.relation_edit,
            self.contact_edit,
            self.language_edit,
            self.invited_by_edit,
        ):
            edit.textEdited.connect(self._on_edit)
        self.address_edit.textChanged.connect(self._on_edit)
        self.group_combo.currentIndexChanged.connect(self._on_edit)
        self.invitation_combo.currentIndexChanged.connect(self._on_edit)
        self.fields["participants"] = self.rows.add_button
        self.fields["name"] = self.name_edit

    # --- load and store ----------------------------------------------------------------

    def load_page(self, view: CouncilView) -> None:
        """Show the stored participants."""
        self.entries = []
        for p in view.participants:
            value = participant_input(p)
            self.entries.append(RowEntry(value, p.id, value))
        self._refresh(0)

    def store_page(self) -> None:
        """Store new and changed participants that have a name."""
        current = {p.id: p for p in self.council().participants}
        for entry in self.entries:
            # The information phase may have ticked "attended" meanwhile: keep it.
            stored = current.get(entry.id)
            if stored is not None and stored.attended != entry.value.attended:
                entry.value = dataclasses.replace(entry.value, attended=stored.attended)
        store_rows(
            self.entries,
            participant_problems,
            lambda v: self.service.add_participant(self.council_id, v).id,
            self.service.update_participant,
        )

    def page_problems(self) -> dict[str, str]:
        """A participant without a name stops "Weiter"."""
        for number, entry in enumerate(self.entries, start=1):
            problems = participant_problems(entry.value)
            if problems:
                self.rows.list.setCurrentRow(number - 1)
                return {k: f"Person {number}: {v}" for k, v in problems.items()}
        return {}

    # --- rows --------------------------------------------------------------------------

    def add_participant(self, value: ParticipantInput | None = None) -> None:
        """Append a participant (empty, or ``value``) and put the cursor into its name."""
        self.entries.append(RowEntry(value or ParticipantInput(name="")))
        self._refresh(len(self.entries) - 1)
        self.name_edit.setFocus()
        self.mark_edited()

    def remove_participant(self, row: int) -> None:
        """Take the participant at ``row`` off the list (and out of the stored council)."""
        if not 0 <= row < len(self.entries):
            return
        entry = self.entries[row]
        if entry.id:
            try:
                self.service.remove_participant(entry.id)
            except AsdError as exc:
                self.show_problems({"remove": exc.message})
                return
            self.phase_wizard.reload()
        del self.entries[row]
        self._refresh(min(row, len(self.entries) - 1))
        (self.rows.list if self.entries else self.rows.add_button).setFocus()
        if self.problems_text():
            self.show_problems(self.page_problems())

    def case_persons(self) -> list[PersonView]:
        """The case's persons not yet on the list (by name)."""
        if self._case is None:
            return []
        taken = {" ".join(e.value.name.split()).casefold() for e in self.entries}
        return [p for p in self._case.persons if person_full_name(p).casefold() not in taken]

    def add_case_person(self, person: PersonView) -> None:
        """Add a person of the case as a participant, with address and contact."""
        self.add_participant(participant_from_person(person))
        self.relation_edit.setFocus()

    def _fill_case_menu(self) -> None:
        self.from_case_menu.clear()
        persons = self.case_persons()
        if not persons:
            action = QAction("Alle Personen des Falls stehen schon auf der Liste.", self)
            action.setEnabled(False)
            self.from_case_menu.addAction(action)
            return
        for person in persons:
            roles = ", ".join(r.label for r in person.roles)
            text = person_full_name(person) + (f" ({roles})" if roles else "")
            action = QAction(text.replace("&", "&&"), self.from_case_menu)
            action.triggered.connect(lambda _=False, p=person: self.add_case_person(p))
            self.from_case_menu.addAction(action)

    def _refresh(self, current: int) -> None:
        self.rows.set_lines(
            [participant_line(n, e.value) for n, e in enumerate(self.entries, start=1)],
            current,
        )
        self._show_row(self.rows.current())

    def _show_row(self, row: int) -> None:
        self._showing = True
        try:
            has_row = 0 <= row < len(self.entries)
            self.editor.setEnabled(has_row)
            value = self.entries[row].value if has_row else ParticipantInput(name="")
            select_value(self.group_combo, value.group)
            self.name_edit.setText(value.name)
            self.relation_edit.setText(value.relation)
            self.address_edit.setPlainText(value.address)
            self.contact_edit.setText(value.contact)
            self.language_edit.setText(value.language)
            self.invited_by_edit.setText(value.invited_by)
            select_value(self.invitation_combo, value.invitation)
        finally:
            self._showing = False

    def _on_edit(self, *_: object) -> None:
        row = self.rows.current()
        if self._showing or not 0 <= row < len(self.entries):
            return
        entry = self.entries[row]
        entry.value = dataclasses.replace(
            entry.value,
            group=combo_value(self.group_combo, ParticipantGroup) or ParticipantGroup.FAMILY,
            name=self.name_edit.text(),
            relation=self.relation_edit.text(),
            address=self.address_edit.toPlainText(),
            contact=self.contact_edit.text(),
            language=self.language_edit.text(),
            invited_by=self.invited_by_edit.text(),
            invitation=combo_value(self.invitation_combo, Invitation) or Invitation.INVITED,
        )
        self.rows.set_line(row, participant_line(row + 1, entry.value))
        self.mark_edited()


class PlacePage(_PreparationPage):
    """Ort und Zeit: place, date and setting the family chose; the financing; invitations.

    With a :class:`DocumentService` the invitations (one per person the family
    invites) are created here, kept in the case's documents and listed.
    """

    def __init__(
        self, documents: DocumentService | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            "Ort und Zeit",
            "Die Familie wählt Ort, Zeit und Rahmen – dort, wo sie sich wohlfühlt.",
            parent,
        )
        self._documents = documents
        self.place_edit = _line("Ort", "z. B. Gemeindesaal, Wohnung der Großmutter")
        self.meeting_edit = OptionalDateTimeEdit(
            "Termin setzen",
            "Datum und Uhrzeit",
            default=lambda: default_time(self.today() + MEETING_AHEAD),
        )
        self.food_box = QCheckBox("&Essen und Trinken")
        self.food_box.setAccessibleName("Essen und Trinken")
        self.childcare_box = QCheckBox("&Kinderbetreuung")
        self.childcare_box.setAccessibleName("Kinderbetreuung")
        self.interpreter_box = QCheckBox("&Dolmetschen")
        self.interpreter_box.setAccessibleName("Dolmetschen")
        self.notes_edit = multi_line(
            "Hinweise zum Rahmen", "z. B. wer kocht, Spielecke, Türkisch–Deutsch", height=60
        )
        self.notes_edit.setMaximumHeight(100)
        self.financing_combo = enum_combo("Finanzierung", Financing, "noch offen")
        setting = QHBoxLayout()
        for box in (self.food_box, self.childcare_box, self.interpreter_box):
            setting.addWidget(box)
        setting.addStretch(1)
        form = QFormLayout()
        form.addRow(buddy("&Ort:", self.place_edit, "Ort"), self.place_edit)
        form.addRow(
            buddy("Datum und &Uhrzeit:", self.meeting_edit, "Datum und Uhrzeit"),
            self.meeting_edit,
        )
        form.addRow("Rahmen:", setting)
        form.addRow(buddy("&Hinweise:", self.notes_edit, "Hinweise zum Rahmen"), self.notes_edit)
        form.addRow(
            buddy("&Finanzierung:", self.financing_combo, "Finanzierung"), self.financing_combo
        )
        self.body.addLayout(form)
        self.body.addWidget(
            hint_label(
                "Ein Familienrat kostet etwa 25–30 Stunden. Er wird über § 16 SGB VIII oder "
                "SHA-Mittel finanziert – nicht über Fachleistungsstunden."
            )
        )
        self.invitations_button = QPushButton("E&inladungen erstellen")
        self.invitations_button.setAccessibleName("Einladungen erstellen")
        self.invitations_button.setToolTip(
            "Eine Einladung für jede Person aus Familie und Umfeld, die die Familie "
            "überreicht; sie wird in den Dokumenten des Falls aufbewahrt."
        )
        self.invitations_button.clicked.connect(self.print_invitations)
        self.invitations_button.setEnabled(documents is not None)
        self.invitations_list = QListWidget()
        self.invitations_list.setMaximumHeight(80)
        self.invitations_list.itemActivated.connect(self._on_invitation_activated)
        self.invitations_list.setVisible(False)
        self.invitations_status = hint_label("")
        self.invitations_status.setAccessibleName("Stand der Einladungen")
        # The family's language: invitations print in German and that language (issue 18).
        self.language_combo = language_combo("Sprache der Einladungen")
        invitations = QHBoxLayout()
        invitations.addWidget(self.invitations_button)
        invitations.addWidget(self.language_combo)
        invitations.addWidget(self.invitations_status, 1)
        self.body.addLayout(invitations)
        self.invitations_label = buddy(
            "Erstellte Einladungen (Eingabetaste zeigt an):",
            self.invitations_list,
            "Erstellte Einladungen",
        )
        self.invitations_label.setVisible(False)
        self.body.addWidget(self.invitations_label)
        self.body.addWidget(self.invitations_list)
        self.body.addStretch(1)
        self.place_edit.textEdited.connect(self.mark_edited)
        self.meeting_edit.changed.connect(self.mark_edited)
        for box in (self.food_box, self.childcare_box, self.interpreter_box):
            box.toggled.connect(self.mark_edited)
        self.notes_edit.textChanged.connect(self.mark_edited)
        self.financing_combo.currentIndexChanged.connect(self.mark_edited)
        self.fields["place"] = self.place_edit
        self.fields["meeting_at"] = self.meeting_edit

    def load_page(self, view: CouncilView) -> None:
        """Show the stored place, date, setting and financing."""
        prep = view.preparation
        self.place_edit.setText(prep.place)
        self.meeting_edit.set_value(prep.meeting_at)
        self.food_box.setChecked(prep.setting_food)
        self.childcare_box.setChecked(prep.setting_childcare)
        self.interpreter_box.setChecked(prep.setting_interpreter)
        self.notes_edit.setPlainText(prep.setting_notes)
        select_value(self.financing_combo, prep.financing)
        preselect(self.language_combo, (p.language for p in view.participants))

    def preparation(self, prep: PreparationInput) -> PreparationInput:
        """Place, date, setting and financing as entered."""
        return dataclasses.replace(
            prep,
            place=self.place_edit.text(),
            meeting_at=self.meeting_edit.value(),
            setting_food=self.food_box.isChecked(),
            setting_childcare=self.childcare_box.isChecked(),
            setting_interpreter=self.interpreter_box.isChecked(),
            setting_notes=self.notes_edit.toPlainText(),
            financing=combo_value(self.financing_combo, Financing),
        )

    def print_invitations(self) -> list[DocumentView]:
        """Store the pages, then create one invitation per invited person; listed here."""
        if self._documents is None:
            return []
        wizard = self.phase_wizard
        if not wizard.store_page():
            return []
        try:
            views = self._documents.print_council_invitations(
                self.council_id, chosen(self.language_combo)
            )
        except AsdError as exc:
            self.show_problems({"invitations": exc.message})
            self._problems_shown = False
            return []
        self.show_problems({})
        for view in views:
            item = QListWidgetItem(f"{view.title} · erstellt {german_datetime(view.created_at)}")
            item.setData(Qt.ItemDataRole.UserRole, view.id)
            self.invitations_list.addItem(item)
        shown = bool(self.invitations_list.count())
        self.invitations_list.setVisible(shown)
        self.invitations_label.setVisible(shown)
        if shown:
            self.invitations_list.setCurrentRow(self.invitations_list.count() - len(views))
        count = len(views)
        self.invitations_status.setText(
            f"{count} {'Einladung' if count == 1 else 'Einladungen'} erstellt und in den "
            "Dokumenten des Falls gespeichert."
            if count
            else "Niemand aus Familie und Umfeld ist (noch) eingeladen."
        )
        return views

    def _on_invitation_activated(self, item: QListWidgetItem) -> None:
        document_id = item.data(Qt.ItemDataRole.UserRole)
        if self._documents is not None and isinstance(document_id, str):
            PdfPreviewDialog.show_document(self, self._documents, document_id)


class PreparationWizard(PhaseWizard):
    """The Vorbereitung of a Familienrat (or Folge-Rat), page by page, resumable.

    Pages: Information der Familie, Koordination, Sorgeformulierung, Teilnehmende,
    Ort und Zeit. With ``case`` the case's persons can be added as participants;
    with ``documents`` the invitations are created on the last page.
    """

    phase = CouncilPhase.PREPARATION

    def __init__(
        self,
        service: FamilienratService,
        council_id: str,
        parent: QWidget | None = None,
        *,
        case: CaseDetail | None = None,
        documents: DocumentService | None = None,
        autosave_ms: int = AUTOSAVE_MS,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(service, council_id, parent, autosave_ms=autosave_ms, today=today)
        self.informed_page = self.add_phase_page(FamilyInformedPage())
        self.moderator_page = self.add_phase_page(ModeratorPage())
        self.concern_page = self.add_phase_page(ConcernPage())
        self.participants_page = self.add_phase_page(ParticipantsPage(case))
        self.place_page = self.add_phase_page(PlacePage(documents))
