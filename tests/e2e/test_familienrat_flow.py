"""A complete Familienrat, driven through the case's tab as a moderator and a caseworker would.

Vorbereitung → Information → Familienphase → Entscheidung → Folge-Rat, whose outcome
"ein weiterer Folge-Rat" creates the next council, linked to this one, in the tab.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtWidgets import QApplication, QWizard

from asd_desktop.domain.enums import (
    AgreementKept,
    CouncilOutcome,
    CouncilPhase,
    DocumentKind,
    FamilyInterest,
    Financing,
    Invitation,
    ParticipantGroup,
)
from asd_desktop.domain.working_days import next_working_day
from asd_desktop.ui.case_view import DOCUMENTS_TAB, FAMILIENRAT_TAB, CaseView
from asd_desktop.ui.familienrat.common import PhaseWizard
from asd_desktop.ui.familienrat.decision_wizard import DecisionWizard
from asd_desktop.ui.familienrat.family_phase_wizard import SOURCE_MODERATOR, FamilyPhaseWizard
from asd_desktop.ui.familienrat.follow_up_wizard import FollowUpWizard
from asd_desktop.ui.familienrat.information_wizard import InformationWizard
from asd_desktop.ui.familienrat.preparation_wizard import PreparationWizard
from asd_desktop.ui.familienrat_tab import DONE_MARK, FamilienratTab, strip_name
from asd_desktop.ui.pdf_preview import PdfPreviewDialog
from asd_desktop.ui.widgets import to_qdate, to_qdatetime
from tests.ui.test_familienrat_phases import make_case, person

W = TypeVar("W", bound=PhaseWizard)
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "screenshots"
TODAY = dt.date.today()
MEETING = dt.datetime.combine(TODAY + dt.timedelta(days=10), dt.time(10, 0))
NEXT = QWizard.WizardButton.NextButton
FINISH = QWizard.WizardButton.FinishButton
CONCERN = (
    "Wir machen uns Sorgen, weil Emre seit März an zwölf Tagen nicht in der Schule war "
    "und morgens oft allein zu Hause ist."
)
PROPOSAL_1 = "Oma Emine bringt Emre an Schultagen um 7:30 Uhr zur Schule."
PROPOSAL_2 = "Emre macht montags und mittwochs Hausaufgaben bei Onkel Murat."

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)"),
]


def _shot(widget, name: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    QApplication.processEvents()  # pending layout requests, as the event loop would
    assert widget.grab().save(str(SCREENSHOTS / f"fr_ablauf_{name}.png"))


def _press(wizard: QWizard, which: QWizard.WizardButton) -> None:
    button = wizard.button(which)
    assert button.isVisible(), which
    assert button.isEnabled(), which
    button.click()


def _type(edit, text: str) -> None:
    edit.setText(text)
    edit.textEdited.emit(text)


def _continue(qtbot, tab: FamilienratTab, wizard_class: type[W]) -> W:
    assert tab.continue_button.isEnabled()
    tab.continue_button.click()
    wizard = tab.wizard
    assert type(wizard) is wizard_class
    assert isinstance(wizard, wizard_class)
    qtbot.waitExposed(wizard)
    return wizard


def _finish(qtbot, tab: FamilienratTab, wizard: QWizard, phase: CouncilPhase) -> None:
    with qtbot.waitSignal(wizard.finished):
        _press(wizard, FINISH)
    assert tab.wizard is None
    council = tab.selected_council()
    assert council is not None
    assert council.phase is phase
    if phase is not CouncilPhase.CLOSED:
        assert tab.strip.state_text(phase) == f"▶ {strip_name(phase)}"


@pytest.fixture
def previews(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(
        PdfPreviewDialog,
        "show_document",
        classmethod(lambda cls, parent, documents, document_id: shown.append(document_id)),
    )
    return shown


def test_a_complete_familienrat_to_the_next_folge_rat(qtbot, opened, previews):
    case = make_case(opened)
    view = CaseView(
        opened.cases,
        goals=opened.goals,
        documents=opened.documents,
        familienrat=opened.familienrat,
    )
    qtbot.addWidget(view)
    view.resize(1200, 780)
    view.show()
    qtbot.waitExposed(view)
    view.show_case(case.id)
    view.set_current_tab(FAMILIENRAT_TAB)
    tab = view.familienrat_tab
    assert tab is not None
    fr = opened.familienrat

    # --- Vorbereitung: the caseworker and the moderator ----------------------------------
    tab.begin_button.click()
    prep = tab.wizard
    assert isinstance(prep, PreparationWizard)
    qtbot.waitExposed(prep)
    council_id = prep.council_id
    informed = prep.informed_page
    informed.informed_edit.checkbox.setChecked(True)
    informed.informed_edit.date_edit.setDate(to_qdate(TODAY - dt.timedelta(days=21)))
    informed.interest_combo.setCurrentIndex(
        informed.interest_combo.findData(FamilyInterest.YES.value)
    )
    _press(prep, NEXT)
    moderator = prep.moderator_page
    _type(moderator.name_edit, "Aylin Demir")
    _type(moderator.org_edit, "Familienrat Bremen e. V.")
    _type(moderator.contact_edit, "0421 555 0199")
    _type(moderator.languages_edit, "Deutsch, Türkisch")
    _press(prep, NEXT)
    prep.concern_page.concern_edit.setPlainText(CONCERN)
    prep.concern_page.consent_edit.checkbox.setChecked(True)
    _press(prep, NEXT)
    people = prep.participants_page
    people.add_case_person(person(case, "Şükrü"))
    people.invitation_combo.setCurrentIndex(
        people.invitation_combo.findData(Invitation.ACCEPTED.value)
    )
    people.add_case_person(person(case, "Ayşe"))
    people.rows.add_button.click()
    _type(people.name_edit, "Emine Yılmaz")
    _type(people.relation_edit, "Großmutter")
    people.address_edit.setPlainText("Vegesacker Straße 3\n28219 Bremen")
    _type(people.invited_by_edit, "Ayşe Yılmaz")
    people.rows.add_button.click()
    _type(people.name_edit, "Herr Krüger")
    _type(people.relation_edit, "Klassenlehrer")
    people.group_combo.setCurrentIndex(
        people.group_combo.findData(ParticipantGroup.PROFESSIONAL.value)
    )
    _press(prep, NEXT)
    place = prep.place_page
    _type(place.place_edit, "Gemeindesaal St. Marien")
    place.meeting_edit.checkbox.setChecked(True)
    place.meeting_edit.edit.setDateTime(to_qdatetime(MEETING))
    place.food_box.setChecked(True)
    place.financing_combo.setCurrentIndex(
        place.financing_combo.findData(Financing.SECTION_16.value)
    )
    place.invitations_button.click()
    # One invitation each for the family (the teacher is invited by the coordination).
    assert place.invitations_list.count() == 3
    _finish(qtbot, tab, prep, CouncilPhase.INFORMATION)
    assert tab.strip.state_text(CouncilPhase.PREPARATION) == f"{DONE_MARK} Vorbereitung"
    assert tab.facts["meeting"].text() == (
        f"{MEETING:%d.%m.%Y %H:%M} Uhr · Gemeindesaal St. Marien"
    )

    # --- Information: the moderator's checklist on the day --------------------------------
    info = _continue(qtbot, tab, InformationWizard)
    checklist = info.checklist_page
    checklist.start_edit.checkbox.setChecked(True)
    checklist.concern_box.setChecked(True)
    checklist.help_edit.setPlainText("Erziehungsberatung (Frau Berger, ASD)")
    checklist.procedure_box.setChecked(True)
    _press(info, NEXT)
    for name in ("Şükrü Yılmaz", "Ayşe Yılmaz", "Emine Yılmaz", "Herr Krüger"):
        info.attendance_page.set_attended(name)
    _finish(qtbot, tab, info, CouncilPhase.FAMILY_PHASE)
    assert tab.facts["participants"].text() == "4 eingetragen, 1 zugesagt, 4 anwesend"

    # --- Familienphase: entered by the moderator afterwards ------------------------------
    family = _continue(qtbot, tab, FamilyPhaseWizard)
    process = family.process_page
    process.start_edit.checkbox.setChecked(True)
    process.end_edit.checkbox.setChecked(True)
    process.no_professionals_box.setChecked(True)
    process.source_buttons[SOURCE_MODERATOR].setChecked(True)
    _press(family, NEXT)
    proposals = family.proposals_page
    proposals.rows.add_button.click()
    proposals.what_edit.setPlainText(PROPOSAL_1)
    _type(proposals.who_edit, "Emine Yılmaz")
    proposals.due_edit.checkbox.setChecked(True)
    proposals.checked_edit.setPlainText("Herr Krüger schaut freitags ins Klassenbuch.")
    proposals.fallback_edit.setPlainText("Dann bringt ihn Onkel Murat.")
    proposals.rows.add_button.click()
    proposals.what_edit.setPlainText(PROPOSAL_2)
    _type(proposals.who_edit, "Murat Yılmaz")
    _finish(qtbot, tab, family, CouncilPhase.DECISION)
    assert tab.facts["proposals"].text() == "2 / 0"

    # --- Entscheidung: the caseworker approves, the documents are printed ------------------
    decision = _continue(qtbot, tab, DecisionWizard)
    decision.proposals_page.box_for(1).accept_radio.click()
    decision.proposals_page.box_for(2).accept_radio.click()
    _press(decision, NEXT)
    agreements = decision.agreements_page
    # Taken over from the accepted proposals; the second one is made exact.
    assert [a.what for a in agreements.agreements()] == [PROPOSAL_1, PROPOSAL_2]
    agreements.select_agreement(1)
    agreements.due_edit.checkbox.setChecked(True)
    agreements.how_edit.setPlainText("Onkel Murat zeichnet das Hausaufgabenheft ab.")
    _press(decision, NEXT)
    approval = decision.approval_page
    approval.approved_check.setChecked(True)
    _type(approval.approved_by_edit, "Frau Berger")
    review_on = approval.decision().review_on
    # Three months on, moved to a working day in Hamburg (the default federal state).
    assert review_on == next_working_day(MEETING.date() + dt.timedelta(days=91), "HH")[0]
    _press(decision, NEXT)
    plan = decision.documents_page.print_plan()
    assert plan is not None
    assert previews == [plan.id]
    protocols = decision.documents_page.print_protocols()
    assert len(protocols) == 4
    _finish(qtbot, tab, decision, CouncilPhase.FOLLOW_UP)
    assert tab.facts["review"].text() == f"{review_on:%d.%m.%Y}"
    assert [r.council_id for r in fr.upcoming_reviews(TODAY)] == [council_id]
    _shot(view, "tab_vor_folgerat")

    # --- Folge-Rat: the agreements reviewed; another Folge-Rat follows ---------------------
    follow_up = _continue(qtbot, tab, FollowUpWizard)
    reviews = follow_up.reviews_page
    reviews.box_for(1).radios[AgreementKept.KEPT].click()
    reviews.box_for(2).radios[AgreementKept.PARTLY].click()
    reviews.box_for(2).comment_edit.setPlainText("Mittwochs klappt es noch nicht.")
    _press(follow_up, NEXT)
    follow_up.outcome_page.choose(CouncilOutcome.ANOTHER)
    _press(follow_up, NEXT)
    review_doc = follow_up.summary_page.print_review()
    assert review_doc is not None
    _finish(qtbot, tab, follow_up, CouncilPhase.CLOSED)

    # --- the tab shows the new Folge-Rat, linked to the first council ----------------------
    closed = fr.get(council_id)
    (new_id,) = closed.follow_up_ids
    assert tab.history_lines() == [
        ("2", "Folge-Rat zu Nr. 1", "Vorbereitung", "", ""),
        ("1", "Familienrat", "abgeschlossen", f"{MEETING:%d.%m.%Y %H:%M}", f"{review_on:%d.%m.%Y}"),
    ]
    assert tab.facts["outcome"].text() == "ein weiterer Folge-Rat"
    assert tab.select_council(new_id)
    assert tab.title_label.text() == "Folge-Rat Nr. 2 zu Nr. 1 – Vorbereitung"
    new = tab.selected_council()
    assert new is not None
    assert new.origin_id == council_id
    # The Folge-Rat starts from the first council's Sorgeformulierung and coordination.
    assert new.preparation.concern == CONCERN
    assert tab.facts["moderator"].text().startswith("Aylin Demir")
    # It runs now: no other Familienrat is begun; its Vorbereitung can be continued.
    assert not tab.begin_button.isEnabled()
    assert tab.continue_button.text() == "Vorbereitung fort&setzen…"
    _shot(view, "tab_neuer_folgerat")
    again = _continue(qtbot, tab, PreparationWizard)
    assert again.council_id == new_id
    assert again.windowTitle() == "Folge-Rat – Vorbereitung"
    assert again.concern_page.concern_edit.toPlainText() == CONCERN
    with qtbot.waitSignal(again.finished):
        again.reject()

    # --- every document is in the case's documents ------------------------------------------
    kinds = sorted(d.kind.value for d in opened.documents.list_for_case(case.id))
    assert kinds == sorted(
        [DocumentKind.COUNCIL_INVITATION.value] * 3
        + [DocumentKind.COUNCIL_PLAN.value]
        + [DocumentKind.COUNCIL_PROTOCOL.value] * 4
        + [DocumentKind.COUNCIL_REVIEW.value]
    )
    tab.documents_button.click()
    assert view.current_tab() == DOCUMENTS_TAB
    assert view.documents_tab is not None
    assert view.documents_tab.model.rowCount() == 9
