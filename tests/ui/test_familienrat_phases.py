"""Vorbereitung, Information and Familienphase: the phase wizards on a real case file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget, QWizard

from asd_desktop.domain.enums import (
    Area,
    CouncilPhase,
    FamilyInterest,
    Financing,
    Invitation,
    ParticipantGroup,
    Role,
)
from asd_desktop.services.cases import AreaInput, CaseInput, PersonInput
from asd_desktop.services.familienrat import (
    PHASE_GUIDANCE,
    FamilyPhaseInput,
    InformationInput,
    ParticipantInput,
    PreparationInput,
    ProposalInput,
)
from asd_desktop.services.vault import OpenVault
from asd_desktop.ui.familienrat.common import PhaseWizard, combo_value
from asd_desktop.ui.familienrat.family_phase_wizard import SOURCE_FAMILY, FamilyPhaseWizard
from asd_desktop.ui.familienrat.information_wizard import InformationWizard
from asd_desktop.ui.familienrat.preparation_wizard import PreparationWizard, participant_line
from asd_desktop.ui.widgets import to_qdate, to_qdatetime

W = TypeVar("W", bound=PhaseWizard)
SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"
TODAY = dt.date.today()
MEETING = dt.datetime.combine(TODAY + dt.timedelta(days=14), dt.time(10, 0))
NEXT = QWizard.WizardButton.NextButton
BACK = QWizard.WizardButton.BackButton
FINISH = QWizard.WizardButton.FinishButton
CONCERN = (
    "Wir machen uns Sorgen, weil Emre seit März an zwölf Tagen nicht in der Schule war "
    "und morgens oft allein zu Hause ist."
)
MINIMUMS = "Emre ist an jedem Schultag pünktlich in der Schule."


def screenshot(widget: QWidget, name: str) -> None:
    """Keep a picture of ``widget`` for people to look at (the folder is git-ignored)."""
    SCREENSHOTS.mkdir(exist_ok=True)
    QApplication.processEvents()  # pending layout requests, as the event loop would
    assert widget.grab().save(str(SCREENSHOTS / f"fr_{name}.png"))


def make_case(opened, number: str = "ASD-2025-0311"):
    """A case of the Yılmaz family with father, mother and son."""
    cases = opened.cases
    row = cases.create_case(
        CaseInput(number, "Yılmaz", TODAY - dt.timedelta(days=60), "Frau Berger"),
        AreaInput(Area.GREY, TODAY - dt.timedelta(days=60), "Schulversäumnisse", "Frau Berger"),
    )
    cases.add_person(
        row.id,
        PersonInput(
            "Yılmaz",
            "Şükrü",
            address="Waller Heerstraße 12\n28219 Bremen",
            phone="0421 555 0101",
            languages="Türkisch, Deutsch",
            roles=(Role.FATHER, Role.CUSTODY),
        ),
    )
    cases.add_person(
        row.id,
        PersonInput(
            "Yılmaz",
            "Ayşe",
            address="Waller Heerstraße 12\n28219 Bremen",
            roles=(Role.MOTHER, Role.CUSTODY),
        ),
    )
    cases.add_person(row.id, PersonInput("Yılmaz", "Emre", roles=(Role.CHILD,)))
    return cases.get_case(row.id)


def prepare(opened, council_id: str) -> None:
    """Fill the Vorbereitung completely through the service."""
    fr = opened.familienrat
    fr.save_preparation(
        council_id,
        PreparationInput(
            informed_on=TODAY - dt.timedelta(days=20),
            family_interest=FamilyInterest.YES,
            moderator_name="Aylin Demir",
            moderator_org="Familienrat Bremen e. V.",
            moderator_contact="0421 555 0199",
            moderator_languages="Deutsch, Türkisch",
            concern=CONCERN,
            minimum_requirements=MINIMUMS,
            consent_on=TODAY - dt.timedelta(days=18),
            place="Gemeindesaal St. Marien",
            meeting_at=MEETING,
            setting_food=True,
            financing=Financing.SECTION_16,
        ),
    )
    for name, group, relation in (
        ("Şükrü Yılmaz", ParticipantGroup.FAMILY, "Vater"),
        ("Ayşe Yılmaz", ParticipantGroup.FAMILY, "Mutter"),
        ("Emine Yılmaz", ParticipantGroup.FAMILY, "Großmutter"),
        ("Herr Krüger", ParticipantGroup.PROFESSIONAL, "Klassenlehrer"),
    ):
        fr.add_participant(
            council_id,
            ParticipantInput(
                name=name,
                group=group,
                relation=relation,
                address="Waller Heerstraße 12\n28219 Bremen",
                invitation=Invitation.ACCEPTED,
            ),
        )


def inform(opened, council_id: str) -> None:
    """Fill the information phase completely (everybody attended)."""
    fr = opened.familienrat
    view = fr.get(council_id)
    fr.save_information(
        council_id,
        InformationInput(
            concern_read=True,
            minimums_named=True,
            help_options="Erziehungsberatung (Frau Berger, ASD)",
            procedure_explained=True,
            info_started_at=MEETING,
            attended_ids=tuple(p.id for p in view.participants),
        ),
    )


def family_phase(opened, council_id: str) -> None:
    """Fill the family phase completely, with two proposals."""
    fr = opened.familienrat
    fr.save_family_phase(
        council_id,
        FamilyPhaseInput(
            start=MEETING + dt.timedelta(hours=1),
            end=MEETING + dt.timedelta(hours=3),
            no_professionals_present=True,
            proposals_source=SOURCE_FAMILY,
        ),
    )
    fr.add_proposal(
        council_id,
        ProposalInput(
            "Oma Emine bringt Emre an Schultagen um 7:30 Uhr zur Schule.",
            who="Emine Yılmaz",
            due_on=TODAY + dt.timedelta(days=100),
            how_checked="Herr Krüger schaut freitags ins Klassenbuch.",
            fallback="Dann bringt ihn Onkel Murat.",
        ),
    )
    fr.add_proposal(
        council_id,
        ProposalInput("Emre macht montags Hausaufgaben bei Onkel Murat.", who="Murat"),
    )


def council_in(opened: OpenVault, case_id: str, phase: CouncilPhase) -> str:
    """A council of ``case_id`` brought to ``phase`` through the service."""
    fr = opened.familienrat
    council = fr.start(case_id)
    steps = (
        (CouncilPhase.INFORMATION, prepare),
        (CouncilPhase.FAMILY_PHASE, inform),
        (CouncilPhase.DECISION, family_phase),
    )
    for target, fill in steps:
        if fr.get(council.id).phase is phase:
            break
        fill(opened, council.id)
        assert fr.advance(council.id).phase is target
    assert fr.get(council.id).phase is phase
    return council.id


def open_wizard(qtbot, wizard: W) -> W:
    """Show ``wizard`` (closed again after the test)."""
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.activateWindow()
    qtbot.waitUntil(wizard.isActiveWindow)
    return wizard


def press(wizard: QWizard, which: QWizard.WizardButton) -> None:
    """Press a wizard button as the user would."""
    button = wizard.button(which)
    assert button.isVisible(), which
    assert button.isEnabled(), which
    button.click()


def set_line(edit, text: str) -> None:
    """Type ``text`` into a line edit as the user would (non-ASCII safe)."""
    edit.setText(text)
    edit.textEdited.emit(text)


def person(case, first_name: str):
    """The case's person called ``first_name``."""
    return next(p for p in case.persons if p.first_name == first_name)


@pytest.fixture
def case(opened):
    return make_case(opened)


# --- the shared base ---------------------------------------------------------------------


def test_guidance_of_the_phase_is_shown_on_its_first_page_only(qtbot, opened, case):
    council = opened.familienrat.start(case.id)
    wizard = open_wizard(
        qtbot, PreparationWizard(opened.familienrat, council.id, case=case, autosave_ms=60_000)
    )
    first = wizard.pages[0]
    assert first.guidance is not None
    assert first.guidance.text() == PHASE_GUIDANCE[CouncilPhase.PREPARATION]
    assert first.guidance.isVisible()
    assert all(p.guidance is None for p in wizard.pages[1:])
    assert wizard.windowTitle() == "Familienrat – Vorbereitung"
    assert wizard.button(FINISH).text() == "Phase &abschließen"
    assert wizard.button(QWizard.WizardButton.CancelButton).text() == "Später fortsetzen"


def test_idle_typing_is_stored_after_the_pause(qtbot, opened, case):
    council = opened.familienrat.start(case.id)
    wizard = open_wizard(
        qtbot, PreparationWizard(opened.familienrat, council.id, case=case, autosave_ms=50)
    )
    press(wizard, NEXT)
    page = wizard.moderator_page
    page.name_edit.setFocus()
    with qtbot.waitSignal(wizard.stored, timeout=5000):
        qtbot.keyClicks(page.name_edit, "Aylin Demir")
    assert opened.familienrat.get(council.id).preparation.moderator_name == "Aylin Demir"


def test_going_back_and_leaving_later_store_the_page(qtbot, opened, case):
    council = opened.familienrat.start(case.id)
    wizard = open_wizard(
        qtbot, PreparationWizard(opened.familienrat, council.id, case=case, autosave_ms=60_000)
    )
    press(wizard, NEXT)
    set_line(wizard.moderator_page.org_edit, "Familienrat Bremen e. V.")
    press(wizard, BACK)
    assert opened.familienrat.get(council.id).preparation.moderator_org == (
        "Familienrat Bremen e. V."
    )
    set_line(wizard.moderator_page.languages_edit, "Deutsch, Türkisch")
    with qtbot.waitSignal(wizard.finished):
        press(wizard, QWizard.WizardButton.CancelButton)
    view = opened.familienrat.get(council.id)
    assert view.preparation.moderator_languages == "Deutsch, Türkisch"
    # Leaving does not complete the phase.
    assert view.phase is CouncilPhase.PREPARATION


# --- Vorbereitung --------------------------------------------------------------------------


def test_preparation_page_by_page_is_stored_and_completes_the_phase(qtbot, opened, case):
    fr = opened.familienrat
    council = fr.start(case.id)
    wizard = open_wizard(qtbot, PreparationWizard(fr, council.id, case=case, autosave_ms=60_000))
    wizard.resize(960, 720)
    advanced: list[Any] = []
    wizard.advanced.connect(advanced.append)

    # 1 Information der Familie
    page1 = wizard.informed_page
    page1.informed_edit.checkbox.setChecked(True)
    page1.informed_edit.date_edit.setDate(to_qdate(TODAY - dt.timedelta(days=20)))
    page1.interest_combo.setCurrentIndex(page1.interest_combo.findData(FamilyInterest.YES.value))
    screenshot(wizard, "vorbereitung_1_information")
    press(wizard, NEXT)
    prep = fr.get(council.id).preparation
    assert prep.informed_on == TODAY - dt.timedelta(days=20)
    assert prep.family_interest is FamilyInterest.YES

    # 2 Koordination
    page2 = wizard.moderator_page
    assert wizard.currentPage() is page2
    set_line(page2.name_edit, "Aylin Demir")
    set_line(page2.org_edit, "Familienrat Bremen e. V.")
    set_line(page2.contact_edit, "0421 555 0199")
    set_line(page2.languages_edit, "Deutsch, Türkisch")
    screenshot(wizard, "vorbereitung_2_koordination")
    press(wizard, NEXT)
    prep = fr.get(council.id).preparation
    assert (prep.moderator_name, prep.moderator_languages) == ("Aylin Demir", "Deutsch, Türkisch")
    # The earlier page's values survive the later page's save.
    assert prep.family_interest is FamilyInterest.YES

    # 3 Sorgeformulierung
    page3 = wizard.concern_page
    page3.concern_edit.setPlainText(CONCERN)
    page3.minimums_edit.setPlainText(MINIMUMS)
    page3.consent_edit.checkbox.setChecked(True)
    screenshot(wizard, "vorbereitung_3_sorge")
    press(wizard, NEXT)
    prep = fr.get(council.id).preparation
    assert prep.concern == CONCERN
    assert prep.minimum_requirements == MINIMUMS
    assert prep.consent_on == TODAY

    # 4 Teilnehmende: two from the case with one click each, one typed in
    page4 = wizard.participants_page
    names = [p.first_name for p in page4.case_persons()]
    assert sorted(names) == ["Ayşe", "Emre", "Şükrü"]
    page4.add_case_person(person(case, "Şükrü"))
    assert page4.relation_edit.text() == "Vater, sorgeberechtigt"
    assert page4.address_edit.toPlainText() == "Waller Heerstraße 12\n28219 Bremen"
    assert page4.contact_edit.text() == "0421 555 0101"
    page4.invitation_combo.setCurrentIndex(
        page4.invitation_combo.findData(Invitation.ACCEPTED.value)
    )
    page4.add_case_person(person(case, "Ayşe"))
    set_line(page4.invited_by_edit, "Ayşe Yılmaz")
    page4.rows.add_button.click()
    assert page4.name_edit.hasFocus()
    set_line(page4.name_edit, "Emine Yılmaz")
    set_line(page4.relation_edit, "Großmutter")
    page4.address_edit.setPlainText("Vegesacker Straße 3\n28219 Bremen")
    set_line(page4.language_edit, "Türkisch")
    set_line(page4.invited_by_edit, "Ayşe Yılmaz")
    page4.rows.add_button.click()
    page4.group_combo.setCurrentIndex(
        page4.group_combo.findData(ParticipantGroup.PROFESSIONAL.value)
    )
    set_line(page4.name_edit, "Herr Krüger")
    set_line(page4.relation_edit, "Klassenlehrer")
    page4.invitation_combo.setCurrentIndex(
        page4.invitation_combo.findData(Invitation.DECLINED.value)
    )
    assert page4.rows.list.item(0).text() == (
        "1. Şükrü Yılmaz – Vater, sorgeberechtigt · Familie – zugesagt"
    )
    page4.rows.list.setCurrentRow(2)
    screenshot(wizard, "vorbereitung_4_teilnehmende")
    assert [p.first_name for p in page4.case_persons()] == ["Emre"]
    press(wizard, NEXT)
    people = fr.get(council.id).participants
    assert [p.name for p in people] == [
        "Şükrü Yılmaz",
        "Ayşe Yılmaz",
        "Emine Yılmaz",
        "Herr Krüger",
    ]
    assert people[0].invitation is Invitation.ACCEPTED
    assert people[1].invited_by == "Ayşe Yılmaz"
    assert people[2].address == "Vegesacker Straße 3\n28219 Bremen"
    assert people[3].group is ParticipantGroup.PROFESSIONAL
    assert people[3].invitation is Invitation.DECLINED

    # 5 Ort und Zeit
    page5 = wizard.place_page
    set_line(page5.place_edit, "Gemeindesaal St. Marien")
    page5.meeting_edit.checkbox.setChecked(True)
    page5.meeting_edit.edit.setDateTime(to_qdatetime(MEETING))
    page5.food_box.setChecked(True)
    page5.childcare_box.setChecked(True)
    page5.interpreter_box.setChecked(True)
    page5.notes_edit.setPlainText("Oma Emine kocht; Spielecke im Nebenraum.")
    page5.financing_combo.setCurrentIndex(page5.financing_combo.findData(Financing.SHA.value))
    screenshot(wizard, "vorbereitung_5_ort")
    with qtbot.waitSignal(wizard.finished):
        press(wizard, FINISH)
    view = fr.get(council.id)
    assert view.phase is CouncilPhase.INFORMATION
    assert advanced
    assert advanced[0].phase is CouncilPhase.INFORMATION
    prep = view.preparation
    assert prep.place == "Gemeindesaal St. Marien"
    assert prep.meeting_at == MEETING
    assert (prep.setting_food, prep.setting_childcare, prep.setting_interpreter) == (
        True,
        True,
        True,
    )
    assert prep.setting_notes == "Oma Emine kocht; Spielecke im Nebenraum."
    assert prep.financing is Financing.SHA


def test_a_participant_without_a_name_is_stopped_with_a_visible_reason(qtbot, opened, case):
    fr = opened.familienrat
    council = fr.start(case.id)
    wizard = open_wizard(qtbot, PreparationWizard(fr, council.id, case=case, autosave_ms=60_000))
    for _ in range(3):
        press(wizard, NEXT)
    page = wizard.participants_page
    page.add_case_person(person(case, "Şükrü"))
    page.rows.add_button.click()
    set_line(page.relation_edit, "Nachbarin")
    page.rows.list.setCurrentRow(0)
    press(wizard, NEXT)
    assert wizard.currentPage() is page
    assert page.problems_label.isVisible()
    assert page.problems_text() == "Person 2: Bitte den Namen der teilnehmenden Person eingeben."
    # The nameless person is shown, the cursor in its name.
    assert page.rows.current() == 1
    assert page.name_edit.hasFocus()
    screenshot(wizard, "vorbereitung_4_ohne_namen")
    # What has a name is stored meanwhile; the nameless one is not.
    assert [p.name for p in fr.get(council.id).participants] == ["Şükrü Yılmaz"]
    assert page.rows.list.item(1).text().startswith("2. (noch ohne Namen)")

    set_line(page.name_edit, "Frau Schulz")
    assert not page.problems_label.isVisible()
    press(wizard, NEXT)
    assert wizard.currentPage() is wizard.place_page
    stored = fr.get(council.id).participants
    assert [(p.name, p.relation) for p in stored] == [
        ("Şükrü Yılmaz", "Vater, sorgeberechtigt"),
        ("Frau Schulz", "Nachbarin"),
    ]


def test_finishing_with_missing_fields_names_every_reason_and_its_page(qtbot, opened, case):
    fr = opened.familienrat
    council = fr.start(case.id)
    wizard = open_wizard(qtbot, PreparationWizard(fr, council.id, case=case, autosave_ms=60_000))
    set_line(wizard.moderator_page.name_edit, "Aylin Demir")
    for _ in range(4):
        press(wizard, NEXT)
    press(wizard, FINISH)
    assert wizard.isVisible()
    assert fr.get(council.id).phase is CouncilPhase.PREPARATION
    page = wizard.place_page
    text = page.problems_text()
    assert text.startswith("Die Phase „Vorbereitung“ kann noch nicht abgeschlossen werden:")
    for line in (
        "• Bitte eintragen, wann die Familie informiert wurde. (Seite „Information der Familie“)",
        "• Ein Familienrat findet nur statt, wenn die Familie ihn will. "
        "(Seite „Information der Familie“)",
        "• Bitte die Sorgeformulierung des Jugendamts eintragen. (Seite „Sorgeformulierung“)",
        "• Bitte die Teilnehmenden eintragen, die die Familie wählt. (Seite „Teilnehmende“)",
        "• Bitte den Ort eintragen, den die Familie gewählt hat. (Seite „Ort und Zeit“)",
        "• Bitte Datum und Uhrzeit des Familienrats eintragen. (Seite „Ort und Zeit“)",
    ):
        assert line in text.splitlines()
    # The coordinator's name was typed (on a page the wizard stored while passing by).
    assert "Koordination (Name)" not in text
    screenshot(wizard, "vorbereitung_nicht_abgeschlossen")


def test_reopening_shows_the_stored_values_and_removing_a_participant(qtbot, opened, case):
    fr = opened.familienrat
    council_id = council_in(opened, case.id, CouncilPhase.INFORMATION)
    wizard = open_wizard(qtbot, PreparationWizard(fr, council_id, case=case, autosave_ms=60_000))
    # The council is past the Vorbereitung: finishing only stores.
    assert wizard.button(FINISH).text() == "&Speichern und schließen"
    assert combo_value(wizard.informed_page.interest_combo, FamilyInterest) is FamilyInterest.YES
    assert wizard.moderator_page.name_edit.text() == "Aylin Demir"
    assert wizard.concern_page.concern_edit.toPlainText() == CONCERN
    assert wizard.place_page.meeting_edit.value() == MEETING
    page = wizard.participants_page
    assert page.rows.list.count() == 4
    page.rows.list.setCurrentRow(3)
    page.rows.remove_button.click()
    assert [p.name for p in fr.get(council_id).participants] == [
        "Şükrü Yılmaz",
        "Ayşe Yılmaz",
        "Emine Yılmaz",
    ]
    assert page.rows.list.count() == 3


def test_participant_line_names_relation_group_and_invitation():
    value = ParticipantInput(name="Şükrü  Yılmaz", relation="Vater", invitation=Invitation.DECLINED)
    assert participant_line(1, value) == "1. Şükrü Yılmaz – Vater · Familie – abgesagt"
    assert participant_line(2, ParticipantInput(name="")) == (
        "2. (noch ohne Namen) – Familie – eingeladen"
    )


# --- Information -----------------------------------------------------------------------------


def test_information_checklist_and_attendance_complete_the_phase(qtbot, opened, case):
    fr = opened.familienrat
    council_id = council_in(opened, case.id, CouncilPhase.INFORMATION)
    wizard = open_wizard(qtbot, InformationWizard(fr, council_id, autosave_ms=60_000))
    wizard.resize(960, 720)
    page = wizard.checklist_page
    assert page.guidance is not None
    assert page.guidance.text() == PHASE_GUIDANCE[CouncilPhase.INFORMATION]
    assert page.concern_label.text() == CONCERN
    assert page.minimums_label.text() == MINIMUMS
    assert page.minimums_box.isEnabled()
    page.start_edit.checkbox.setChecked(True)
    # An empty start begins at the meeting's time.
    assert page.start_edit.value() == MEETING
    page.concern_box.setChecked(True)
    page.minimums_box.setChecked(True)
    page.help_edit.setPlainText("Erziehungsberatung und SHA-Lernhilfe (Frau Berger, ASD)")
    page.procedure_box.setChecked(True)
    screenshot(wizard, "information_1_checkliste")
    press(wizard, NEXT)
    info = fr.get(council_id).information
    assert (info.concern_read, info.minimums_named, info.procedure_explained) == (
        True,
        True,
        True,
    )
    assert info.info_started_at == MEETING
    assert info.help_options == "Erziehungsberatung und SHA-Lernhilfe (Frau Berger, ASD)"

    attendance = wizard.attendance_page
    assert attendance.list.count() == 4
    assert attendance.list.item(0).text() == "Şükrü Yılmaz (Vater) – Familie, zugesagt"
    for name in ("Şükrü Yılmaz", "Ayşe Yılmaz", "Emine Yılmaz"):
        attendance.set_attended(name)
    assert attendance.count_label.text() == "3 von 4 anwesend"
    screenshot(wizard, "information_2_anwesende")
    with qtbot.waitSignal(wizard.finished):
        press(wizard, FINISH)
    view = fr.get(council_id)
    assert view.phase is CouncilPhase.FAMILY_PHASE
    assert [p.name for p in view.participants if p.attended] == [
        "Şükrü Yılmaz",
        "Ayşe Yılmaz",
        "Emine Yılmaz",
    ]
    # The checklist stored on the first page is still there.
    assert view.information.concern_read


def test_information_without_checklist_shows_the_reasons(qtbot, opened, case):
    fr = opened.familienrat
    council_id = council_in(opened, case.id, CouncilPhase.INFORMATION)
    wizard = open_wizard(qtbot, InformationWizard(fr, council_id, autosave_ms=60_000))
    press(wizard, NEXT)
    press(wizard, FINISH)
    assert wizard.isVisible()
    text = wizard.attendance_page.problems_text()
    assert "• Die Sorgeformulierung muss vorgelesen sein. (Seite „Eröffnung und Sorge“)" in text
    assert "• Die Mindestanforderungen müssen benannt sein. (Seite „Eröffnung und Sorge“)" in text
    assert "• Bitte ankreuzen, wer gekommen ist. (Seite „Anwesende“)" in text
    assert fr.get(council_id).phase is CouncilPhase.INFORMATION
    screenshot(wizard, "information_nicht_abgeschlossen")


def test_without_minimum_requirements_their_box_is_off(qtbot, opened, case):
    fr = opened.familienrat
    council_id = council_in(opened, case.id, CouncilPhase.INFORMATION)
    prep = fr.get(council_id).preparation
    fr.save_preparation(
        council_id, PreparationInput(**{**prep.__dict__, "minimum_requirements": ""})
    )
    wizard = open_wizard(qtbot, InformationWizard(fr, council_id, autosave_ms=60_000))
    page = wizard.checklist_page
    assert not page.minimums_box.isEnabled()
    assert page.minimums_label.text() == "Es wurden keine Mindestanforderungen formuliert."


# --- Familienphase --------------------------------------------------------------------------


def test_family_phase_times_and_proposals_complete_the_phase(qtbot, opened, case):
    fr = opened.familienrat
    council_id = council_in(opened, case.id, CouncilPhase.FAMILY_PHASE)
    wizard = open_wizard(qtbot, FamilyPhaseWizard(fr, council_id, autosave_ms=60_000))
    wizard.resize(960, 720)
    page = wizard.process_page
    assert page.guidance is not None
    assert "ohne Fachkräfte und ohne Zeitbegrenzung" in page.guidance.text()
    page.start_edit.checkbox.setChecked(True)
    # The family starts an hour after the information began; the end two hours later.
    assert page.start_edit.value() == MEETING + dt.timedelta(hours=1)
    page.end_edit.checkbox.setChecked(True)
    assert page.end_edit.value() == MEETING + dt.timedelta(hours=3)
    page.no_professionals_box.setChecked(True)
    page.source_buttons[SOURCE_FAMILY].setChecked(True)
    set_line(page.family_moderator_edit, "Onkel Murat")
    screenshot(wizard, "familienphase_1_ablauf")
    press(wizard, NEXT)
    fam = fr.get(council_id).family_phase
    assert fam.start == MEETING + dt.timedelta(hours=1)
    assert fam.end == MEETING + dt.timedelta(hours=3)
    assert fam.no_professionals_present
    assert fam.proposals_source == SOURCE_FAMILY
    assert fam.family_moderator == "Onkel Murat"

    proposals = wizard.proposals_page
    proposals.rows.add_button.click()
    assert proposals.what_edit.hasFocus()
    proposals.what_edit.setPlainText("Oma Emine bringt Emre an Schultagen um 7:30 Uhr zur Schule.")
    set_line(proposals.who_edit, "Emine Yılmaz")
    proposals.due_edit.checkbox.setChecked(True)
    assert proposals.due_edit.date() == MEETING.date() + dt.timedelta(days=91)
    proposals.checked_edit.setPlainText("Herr Krüger schaut freitags ins Klassenbuch.")
    proposals.fallback_edit.setPlainText("Dann bringt ihn Onkel Murat; er ist ab 7 Uhr wach.")
    proposals.rows.add_button.click()
    proposals.what_edit.setPlainText("Emre macht montags Hausaufgaben bei Onkel Murat.")
    set_line(proposals.who_edit, "Murat Yılmaz")
    proposals.select_proposal(0)
    screenshot(wizard, "familienphase_2_vorschlaege")
    with qtbot.waitSignal(wizard.finished):
        press(wizard, FINISH)
    view = fr.get(council_id)
    assert view.phase is CouncilPhase.DECISION
    assert [(p.what, p.who) for p in view.proposals] == [
        ("Oma Emine bringt Emre an Schultagen um 7:30 Uhr zur Schule.", "Emine Yılmaz"),
        ("Emre macht montags Hausaufgaben bei Onkel Murat.", "Murat Yılmaz"),
    ]
    first = view.proposals[0]
    assert first.due_on == MEETING.date() + dt.timedelta(days=91)
    assert first.fallback == "Dann bringt ihn Onkel Murat; er ist ab 7 Uhr wach."


def test_end_before_start_and_a_proposal_without_text_are_stopped(qtbot, opened, case):
    fr = opened.familienrat
    council_id = council_in(opened, case.id, CouncilPhase.FAMILY_PHASE)
    wizard = open_wizard(qtbot, FamilyPhaseWizard(fr, council_id, autosave_ms=60_000))
    page = wizard.process_page
    page.start_edit.checkbox.setChecked(True)
    page.end_edit.checkbox.setChecked(True)
    page.end_edit.edit.setDateTime(to_qdatetime(MEETING))
    press(wizard, NEXT)
    assert wizard.currentPage() is page
    assert page.problems_text() == "Das Ende der Familienphase muss nach dem Beginn liegen."
    page.end_edit.edit.setDateTime(to_qdatetime(MEETING + dt.timedelta(hours=4)))
    assert not page.problems_label.isVisible()
    press(wizard, NEXT)

    proposals = wizard.proposals_page
    proposals.rows.add_button.click()
    set_line(proposals.who_edit, "Oma Emine")
    press(wizard, FINISH)
    assert wizard.isVisible()
    assert proposals.problems_text() == "Vorschlag 1: Bitte eintragen, was die Familie vorschlägt."
    assert proposals.what_edit.hasFocus()
    assert fr.get(council_id).proposals == ()
    screenshot(wizard, "familienphase_ohne_text")

    proposals.what_edit.setPlainText("Oma Emine kommt jeden Morgen.")
    press(wizard, FINISH)
    # Now the phase itself is incomplete: the confirmation is missing.
    text = proposals.problems_text()
    assert (
        "• Die Familienphase findet ohne Fachkräfte statt; bitte bestätigen. "
        "(Seite „Ablauf der Familienphase“)"
    ) in text
    assert wizard.isVisible()
    assert [p.what for p in fr.get(council_id).proposals] == ["Oma Emine kommt jeden Morgen."]
    press(wizard, BACK)
    page.no_professionals_box.setChecked(True)
    press(wizard, NEXT)
    with qtbot.waitSignal(wizard.finished):
        press(wizard, FINISH)
    assert fr.get(council_id).phase is CouncilPhase.DECISION


def test_removing_a_proposal_takes_it_back(qtbot, opened, case):
    fr = opened.familienrat
    council_id = council_in(opened, case.id, CouncilPhase.FAMILY_PHASE)
    family_phase(opened, council_id)
    wizard = open_wizard(qtbot, FamilyPhaseWizard(fr, council_id, autosave_ms=60_000))
    press(wizard, NEXT)
    proposals = wizard.proposals_page
    assert proposals.rows.list.count() == 2
    assert proposals.what_edit.toPlainText().startswith("Oma Emine bringt Emre")
    proposals.select_proposal(1)
    proposals.rows.remove_button.click()
    assert [p.what for p in fr.get(council_id).proposals] == [
        "Oma Emine bringt Emre an Schultagen um 7:30 Uhr zur Schule."
    ]


def test_keyboard_only_walk_through_the_family_phase(qtbot, opened, case):
    fr = opened.familienrat
    council_id = council_in(opened, case.id, CouncilPhase.FAMILY_PHASE)
    wizard = open_wizard(qtbot, FamilyPhaseWizard(fr, council_id, autosave_ms=60_000))
    page = wizard.process_page
    qtbot.waitUntil(lambda: page.start_edit.checkbox.hasFocus())
    qtbot.keyClick(page.start_edit.checkbox, Qt.Key.Key_Space)
    assert page.start_edit.value() is not None
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    # The mnemonic of a checkbox ticks it.
    qtbot.waitUntil(page.no_professionals_box.isChecked)
    assert page.no_professionals_box.hasFocus()
    assert wizard.currentPage() is page
    # Return on a checkbox or in a field never skips the page.
    qtbot.keyClick(page.no_professionals_box, Qt.Key.Key_Return)
    assert wizard.currentPage() is page
    page.family_moderator_edit.setFocus()
    qtbot.keyClick(page.family_moderator_edit, Qt.Key.Key_Return)
    assert wizard.currentPage() is page
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.proposals_page)
    assert fr.get(council_id).family_phase.no_professionals_present


# --- invitations ---------------------------------------------------------------------------


def test_invitations_are_created_for_family_and_surroundings(qtbot, opened, case, monkeypatch):
    from asd_desktop.domain.enums import DocumentKind
    from asd_desktop.ui.pdf_preview import PdfPreviewDialog

    fr = opened.familienrat
    council = fr.start(case.id)
    wizard = open_wizard(
        qtbot,
        PreparationWizard(
            fr, council.id, case=case, documents=opened.documents, autosave_ms=60_000
        ),
    )
    for _ in range(3):
        press(wizard, NEXT)
    page4 = wizard.participants_page
    page4.add_case_person(person(case, "Şükrü"))
    page4.rows.add_button.click()
    set_line(page4.name_edit, "Herr Krüger")
    page4.group_combo.setCurrentIndex(
        page4.group_combo.findData(ParticipantGroup.PROFESSIONAL.value)
    )
    press(wizard, NEXT)
    page = wizard.place_page
    # Without place and time there is nothing to invite to: a visible reason.
    page.invitations_button.click()
    assert page.problems_text().startswith(
        "Für die Einladungen fehlen noch Datum, Uhrzeit oder Ort"
    )
    assert opened.documents.list_for_case(case.id) == []

    set_line(page.place_edit, "Gemeindesaal St. Marien")
    page.meeting_edit.checkbox.setChecked(True)
    page.meeting_edit.edit.setDateTime(to_qdatetime(MEETING))
    page.invitations_button.click()
    assert not page.problems_label.isVisible()
    docs = opened.documents.list_for_case(case.id)
    # The professional is invited by the coordination, not with the family's letter.
    assert [d.kind for d in docs] == [DocumentKind.COUNCIL_INVITATION]
    assert "Şükrü Yılmaz" in docs[0].title
    assert page.invitations_list.count() == 1
    assert page.invitations_status.text() == (
        "1 Einladung erstellt und in den Dokumenten des Falls gespeichert."
    )
    shown: list[str] = []
    monkeypatch.setattr(
        PdfPreviewDialog,
        "show_document",
        classmethod(lambda cls, parent, documents, document_id: shown.append(document_id)),
    )
    page.invitations_list.itemActivated.emit(page.invitations_list.item(0))
    assert shown == [docs[0].id]
    screenshot(wizard, "vorbereitung_5_einladungen")


def test_the_case_menu_offers_the_persons_not_yet_listed(qtbot, opened, case):
    fr = opened.familienrat
    council = fr.start(case.id)
    wizard = open_wizard(qtbot, PreparationWizard(fr, council.id, case=case, autosave_ms=60_000))
    page = wizard.participants_page
    page.add_case_person(person(case, "Emre"))
    page._fill_case_menu()
    texts = [a.text() for a in page.from_case_menu.actions()]
    assert sorted(texts) == [
        "Ayşe Yılmaz (Mutter, sorgeberechtigt)",
        "Şükrü Yılmaz (Vater, sorgeberechtigt)",
    ]
    action = next(a for a in page.from_case_menu.actions() if a.text().startswith("Ayşe"))
    action.trigger()
    assert [e.value.name for e in page.entries] == ["Emre Yılmaz", "Ayşe Yılmaz"]
    assert page.relation_edit.hasFocus()


def _inside(widget: QWidget, kinds: tuple[type, ...]) -> bool:
    """True when ``widget`` is a part of a composite control (a combo's list, a spin's edit)."""
    parent = widget.parent()
    while parent is not None:
        if isinstance(parent, kinds) or type(parent).__name__ == "QComboBoxPrivateContainer":
            return True
        parent = parent.parent()
    return False


def test_every_control_on_every_page_has_an_accessible_name(qtbot, opened, case):
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
    )

    from asd_desktop.ui.familienrat.hours_dialog import HoursDialog

    fr = opened.familienrat
    council_id = council_in(opened, case.id, CouncilPhase.FAMILY_PHASE)
    family_phase(opened, council_id)
    kinds = (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
    )
    containers = (QAbstractSpinBox, QComboBox, QAbstractItemView)
    wizards = [
        PreparationWizard(fr, council_id, case=case, documents=opened.documents),
        InformationWizard(fr, council_id),
        FamilyPhaseWizard(fr, council_id),
    ]
    roots: list[QWidget] = [p for w in wizards for p in w.pages]
    hours = HoursDialog(fr, council_id)
    roots.append(hours)
    for widget in [*wizards, hours]:
        qtbot.addWidget(widget)
    controls = [
        (root, w)
        for root in roots
        for w in root.findChildren(QWidget)
        if isinstance(w, kinds) and not _inside(w, containers)
    ]
    assert len(controls) >= 50
    unnamed = [
        f"{type(root).__name__}: {type(w).__name__}"
        for root, w in controls
        if not w.accessibleName()
    ]
    assert unnamed == []
