"""The Entscheidung wizard of a Familienrat, driven as the ASD worker would."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QWidget, QWizard

from asd_desktop.domain.enums import (
    Area,
    CouncilPhase,
    DocumentKind,
    FamilyInterest,
    ParticipantGroup,
    ProposalDecision,
)
from asd_desktop.domain.working_days import next_working_day
from asd_desktop.services.cases import AreaInput, CaseInput
from asd_desktop.services.familienrat import (
    PHASE_GUIDANCE,
    AgreementInput,
    CouncilView,
    DecisionInput,
    FamilyPhaseInput,
    InformationInput,
    ParticipantInput,
    PreparationInput,
    ProposalInput,
    default_review_date,
)
from asd_desktop.services.vault import OpenVault
from asd_desktop.ui.familienrat.decision_wizard import DecisionWizard
from asd_desktop.ui.pdf_preview import PdfPreviewDialog
from asd_desktop.ui.widgets import from_qdate, to_qdate

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"
NEXT = QWizard.WizardButton.NextButton
BACK = QWizard.WizardButton.BackButton
FINISH = QWizard.WizardButton.FinishButton

TODAY = dt.date.today()
MEETING = dt.datetime.combine(TODAY - dt.timedelta(days=2), dt.time(10, 0))

PARTICIPANTS = (
    ParticipantInput(
        "Şükrü Yılmaz", ParticipantGroup.FAMILY, "Vater", "Lindenweg 3\n22111 Hamburg"
    ),
    ParticipantInput("Ayşe Yılmaz", ParticipantGroup.FAMILY, "Großmutter", "Birkenstr. 9"),
    ParticipantInput("Herr Brandt", ParticipantGroup.SURROUNDINGS, "Nachbar", "Lindenweg 5"),
)
PROPOSALS = (
    ProposalInput(
        "Oma Ayşe holt Elif dienstags und donnerstags von der Schule ab.",
        "Ayşe Yılmaz",
        TODAY + dt.timedelta(days=30),
        "Die Klassenlehrerin bestätigt es im Elternheft.",
        "Herr Brandt springt ein.",
    ),
    ProposalInput(
        "Der Vater ruft jeden Sonntag beim Jugendamt an.",
        "Şükrü Yılmaz",
        TODAY + dt.timedelta(days=14),
        "",
        "",
    ),
)


def make_case(opened: OpenVault, number: str = "ASD-2025-0077", family: str = "Yılmaz") -> str:
    """A case with its first Falleinordnung; its id."""
    row = opened.cases.create_case(
        CaseInput(number, family, TODAY - dt.timedelta(days=60), "Frau Berger"),
        AreaInput(Area.SERVICE, TODAY - dt.timedelta(days=60), "Erstaufnahme", "Frau Berger"),
    )
    return row.id


def council_in_decision(
    opened: OpenVault, case_id: str | None = None, meeting: dt.datetime = MEETING
) -> CouncilView:
    """A Familienrat taken through Vorbereitung, Information and Familienphase."""
    fr = opened.familienrat
    council = fr.start(case_id or make_case(opened))
    fr.save_preparation(
        council.id,
        PreparationInput(
            informed_on=meeting.date() - dt.timedelta(days=21),
            family_interest=FamilyInterest.YES,
            moderator_name="Jana Koch",
            moderator_org="Familienrat e. V.",
            concern="Elif kommt oft zu spät und ohne Frühstück in die Schule.",
            consent_on=meeting.date() - dt.timedelta(days=20),
            place="Wohnung der Großmutter",
            meeting_at=meeting,
        ),
    )
    ids = [fr.add_participant(council.id, p).id for p in PARTICIPANTS]
    fr.advance(council.id)
    fr.save_information(
        council.id,
        InformationInput(
            concern_read=True,
            procedure_explained=True,
            info_started_at=meeting,
            attended_ids=tuple(ids),
        ),
    )
    fr.advance(council.id)
    fr.save_family_phase(
        council.id,
        FamilyPhaseInput(
            start=meeting + dt.timedelta(minutes=45),
            end=meeting + dt.timedelta(hours=3),
            no_professionals_present=True,
            proposals_source="moderator",
        ),
    )
    for proposal in PROPOSALS:
        fr.add_proposal(council.id, proposal)
    return fr.advance(council.id)


def council_in_follow_up(
    opened: OpenVault,
    case_id: str | None = None,
    meeting: dt.datetime = MEETING,
    review_on: dt.date | None = None,
) -> CouncilView:
    """A Familienrat decided (every proposal accepted and made exact), waiting for review."""
    council = council_in_decision(opened, case_id, meeting)
    decide_everything(opened, council, review_on)
    return opened.familienrat.advance(council.id)


def decide_everything(
    opened: OpenVault, council: CouncilView, review_on: dt.date | None = None
) -> None:
    """Accept every proposal, make each an agreement, approve, set the review date."""
    fr = opened.familienrat
    meeting = council.preparation.meeting_at or MEETING
    for proposal in council.proposals:
        fr.decide_proposal(proposal.id, ProposalDecision.ACCEPTED)
        fr.add_agreement(
            council.id,
            AgreementInput(
                proposal.what,
                proposal.who,
                proposal.due_on,
                proposal.how_checked or "Im Folge-Rat besprochen.",
                proposal.id,
            ),
        )
    fr.save_decision(
        council.id,
        DecisionInput(
            approved=True,
            approved_by="Frau Berger",
            review_on=review_on or meeting.date() + dt.timedelta(days=91),
        ),
    )


def screenshot(widget: QWidget, name: str) -> None:
    """Keep a picture of ``widget`` for people to look at (the folder is git-ignored)."""
    SCREENSHOTS.mkdir(exist_ok=True)
    assert widget.grab().save(str(SCREENSHOTS / f"{name}.png"))


@pytest.fixture
def council(opened):
    return council_in_decision(opened)


def open_wizard(qtbot, opened, council_id: str, autosave_ms: int = 60_000) -> DecisionWizard:
    wizard = DecisionWizard(
        opened.familienrat,
        council_id,
        documents=opened.documents,
        autosave_ms=autosave_ms,
        today=lambda: TODAY,
    )
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.activateWindow()
    qtbot.waitUntil(wizard.isActiveWindow)
    return wizard


def press(qtbot, wizard: DecisionWizard, which: QWizard.WizardButton) -> None:
    qtbot.mouseClick(wizard.button(which), Qt.MouseButton.LeftButton)


def stored(opened: OpenVault, council_id: str) -> CouncilView:
    return opened.familienrat.get(council_id)


def test_proposals_decided_with_a_visible_reason_for_a_missing_improvement(qtbot, opened, council):
    wizard = open_wizard(qtbot, opened, council.id)
    page = wizard.proposals_page
    assert wizard.currentPage() is page
    assert page.guidance is not None
    assert page.guidance.text() == PHASE_GUIDANCE[CouncilPhase.DECISION]
    assert [b.proposal.what for b in page.boxes] == [p.what for p in PROPOSALS]
    assert "Herr Brandt springt ein." in page.boxes[0].text_label.text()

    page.box_for(1).accept_radio.click()
    page.box_for(2).improve_radio.click()
    press(qtbot, wizard, NEXT)
    # Nachbesserung without what is to change: stopped, the reason in red, cursor there.
    assert wizard.currentPage() is page
    assert "Vorschlag 2: Bitte eintragen, was nachgebessert werden soll." in page.problems_text()
    assert page.box_for(2).improvement_edit.hasFocus()
    screenshot(wizard, "fr_decision_proposals")

    qtbot.keyClicks(page.box_for(2).improvement_edit, "Mit fester Uhrzeit und Ersatzperson")
    assert page.problems_text() == ""  # the reason goes once fixed
    press(qtbot, wizard, NEXT)
    assert wizard.currentPage() is wizard.agreements_page
    proposals = stored(opened, council.id).proposals
    assert [p.decision for p in proposals] == [ProposalDecision.ACCEPTED, ProposalDecision.IMPROVE]
    assert proposals[1].improvement == "Mit fester Uhrzeit und Ersatzperson"


def test_agreements_prefilled_from_accepted_proposals_and_made_exact(qtbot, opened, council):
    fr = opened.familienrat
    fr.decide_proposal(council.proposals[0].id, ProposalDecision.ACCEPTED)
    fr.decide_proposal(council.proposals[1].id, ProposalDecision.ACCEPTED)
    wizard = open_wizard(qtbot, opened, council.id)
    press(qtbot, wizard, NEXT)
    page = wizard.agreements_page
    assert wizard.currentPage() is page
    # Both accepted proposals arrive as agreements; the second lacks "how checked".
    assert [a.what for a in page.agreements()] == [p.what for p in PROPOSALS]
    assert page.rows.list.count() == 2
    assert page.rows.list.item(0).text().startswith("1. Ayşe Yılmaz: Oma Ayşe holt")

    press(qtbot, wizard, NEXT)
    assert wizard.currentPage() is page
    assert "Vereinbarung 2: Bitte eintragen, wie es überprüft wird." in page.problems_text()
    assert page.rows.current() == 1
    assert page.how_edit.hasFocus()
    # The complete one is stored already; the incomplete one waits.
    assert [a.what for a in stored(opened, council.id).agreements] == [PROPOSALS[0].what]

    qtbot.keyClicks(page.how_edit, "Anruf wird im Kalender des ASD notiert.")
    # A third agreement of its own: every field is mandatory.
    page.rows.add_button.click()
    assert page.what_edit.hasFocus()
    qtbot.keyClicks(page.what_edit, "Herr Brandt schaut morgens nach, ob Elif losgeht.")
    press(qtbot, wizard, NEXT)
    text = page.problems_text()
    assert "Vereinbarung 3: Bitte eintragen, wer es übernimmt." in text
    assert "Vereinbarung 3: Bitte eintragen, bis wann." in text
    assert "Vereinbarung 3: Bitte eintragen, wie es überprüft wird." in text
    assert page.who_edit.hasFocus()
    screenshot(wizard, "fr_decision_agreements")
    qtbot.keyClicks(page.who_edit, "Herr Brandt")
    page.due_edit.checkbox.setChecked(True)
    page.due_edit.date_edit.setDate(to_qdate(TODAY + dt.timedelta(days=40)))
    page.how_edit.setPlainText("Er sagt es der Oma.")
    press(qtbot, wizard, NEXT)
    assert wizard.currentPage() is wizard.approval_page
    agreements = stored(opened, council.id).agreements
    assert [a.who for a in agreements] == ["Ayşe Yılmaz", "Şükrü Yılmaz", "Herr Brandt"]
    assert agreements[1].how_checked == "Anruf wird im Kalender des ASD notiert."
    assert agreements[1].proposal_id == council.proposals[1].id
    assert agreements[2].due_on == TODAY + dt.timedelta(days=40)
    assert agreements[2].proposal_id is None

    # Removing one takes it off the stored list too.
    press(qtbot, wizard, BACK)
    page.select_agreement(2)
    page.rows.remove_button.click()
    press(qtbot, wizard, NEXT)
    assert [a.who for a in stored(opened, council.id).agreements] == [
        "Ayşe Yılmaz",
        "Şükrü Yılmaz",
    ]


def test_take_over_one_proposal_with_one_click(qtbot, opened, council):
    fr = opened.familienrat
    fr.decide_proposal(council.proposals[1].id, ProposalDecision.ACCEPTED)
    fr.decide_proposal(council.proposals[0].id, ProposalDecision.IMPROVE, "Auch freitags")
    fr.add_agreement(council.id, AgreementInput("Oma holt Elif ab", "Oma", TODAY, "Lehrerin", None))
    wizard = open_wizard(qtbot, opened, council.id)
    press(qtbot, wizard, NEXT)
    page = wizard.agreements_page
    # Agreements exist already: nothing is prefilled, only the one accepted proposal offered.
    assert page.rows.list.count() == 1
    assert page.proposal_combo.count() == 1
    assert page.proposal_combo.currentText().startswith("2. Der Vater ruft")
    page.take_over_button.click()
    assert page.rows.list.count() == 2
    assert page.rows.current() == 1
    assert page.what_edit.toPlainText() == PROPOSALS[1].what
    assert page.who_edit.text() == "Şükrü Yılmaz"
    assert page.due_edit.date() == PROPOSALS[1].due_on
    # The one thing missing gets the cursor.
    assert page.how_edit.hasFocus()
    assert page.proposal_combo.currentText().endswith("(übernommen)")


def test_no_accepted_proposal_nothing_to_take_over(qtbot, opened, council):
    fr = opened.familienrat
    for proposal in council.proposals:
        fr.decide_proposal(proposal.id, ProposalDecision.IMPROVE, "Genauer fassen")
    wizard = open_wizard(qtbot, opened, council.id)
    press(qtbot, wizard, NEXT)
    page = wizard.agreements_page
    assert page.rows.list.count() == 0
    assert not page.take_over_button.isEnabled()
    press(qtbot, wizard, NEXT)
    assert wizard.currentPage() is page
    assert "Bitte mindestens eine Vereinbarung genau festhalten." in page.problems_text()


def test_review_date_defaults_to_three_months_and_must_follow_the_meeting(qtbot, opened, council):
    fr = opened.familienrat
    fr.decide_proposal(council.proposals[0].id, ProposalDecision.ACCEPTED)
    wizard = open_wizard(qtbot, opened, council.id)
    press(qtbot, wizard, NEXT)
    press(qtbot, wizard, NEXT)  # the accepted proposal is complete: stored as agreement
    page = wizard.approval_page
    assert wizard.currentPage() is page
    # Three months on, moved to a working day in Hamburg (the default federal state).
    expected = next_working_day(MEETING.date() + dt.timedelta(days=91), "HH")[0]
    assert expected == next_working_day(default_review_date(MEETING), "HH")[0]
    assert from_qdate(page.review_edit.date()) == expected

    page.review_edit.setDate(to_qdate(MEETING.date() - dt.timedelta(days=1)))
    page.approved_check.setChecked(True)
    press(qtbot, wizard, NEXT)
    assert wizard.currentPage() is page
    text = page.problems_text()
    assert "Der Überprüfungstermin muss nach dem Familienrat liegen." in text
    assert "Bitte den Namen der zustimmenden ASD-Fachkraft eintragen." in text
    screenshot(wizard, "fr_decision_approval_problems")

    page.reset_review_date()
    assert from_qdate(page.review_edit.date()) == expected
    page.approved_by_edit.setText("Frau Berger")
    page.approved_by_edit.textEdited.emit("Frau Berger")
    press(qtbot, wizard, NEXT)
    assert wizard.currentPage() is wizard.documents_page
    decision = stored(opened, council.id).decision
    assert decision.approved
    assert decision.approved_by == "Frau Berger"
    assert decision.review_on == expected


#: 91 days after 1 August 2025 is Friday, 31 October 2025: Reformationstag in Hamburg.
MEETING_BEFORE_REFORMATION_DAY = dt.datetime(2025, 8, 1, 10, 0)


def test_a_review_on_a_holiday_moves_to_the_next_working_day_and_says_why(qtbot, opened):
    council = council_in_decision(opened, meeting=MEETING_BEFORE_REFORMATION_DAY)
    opened.familienrat.decide_proposal(council.proposals[0].id, ProposalDecision.ACCEPTED)
    wizard = open_wizard(qtbot, opened, council.id)
    press(qtbot, wizard, NEXT)
    press(qtbot, wizard, NEXT)
    page = wizard.approval_page
    assert wizard.currentPage() is page
    holiday = MEETING_BEFORE_REFORMATION_DAY.date() + dt.timedelta(days=91)
    assert holiday == dt.date(2025, 10, 31)
    expected, reason = next_working_day(holiday, "HH")
    assert expected == dt.date(2025, 11, 3)  # Friday the holiday, then the weekend
    assert reason == (
        "Der 31. Oktober ist ein Feiertag (Reformationstag); vorgeschlagen ist der nächste Werktag."
    )
    assert from_qdate(page.review_edit.date()) == expected
    assert page.review_reason.text() == reason
    assert page.review_reason.isVisible()
    assert page.review_edit.accessibleDescription() == reason
    assert "vorgeschlagen: 03.11.2025." in page.review_hint.text()
    screenshot(wizard, "fr_decision_review_on_holiday")

    # The caseworker stays free to choose: a date set by hand needs no reason and is kept.
    page.review_edit.setDate(to_qdate(dt.date(2025, 10, 30)))
    assert page.review_reason.text() == ""
    assert not page.review_reason.isVisible()
    assert page.decision().review_on == dt.date(2025, 10, 30)
    page.reset_review_date()
    assert from_qdate(page.review_edit.date()) == expected
    assert page.review_reason.text() == reason


def test_the_office_federal_state_decides_which_holidays_move_the_review(qtbot, opened):
    # Reformationstag is no public holiday in Bavaria: Friday, 31 October stays.
    opened.familienrat.federal_state = "BY"
    council = council_in_decision(opened, meeting=MEETING_BEFORE_REFORMATION_DAY)
    opened.familienrat.decide_proposal(council.proposals[0].id, ProposalDecision.ACCEPTED)
    wizard = open_wizard(qtbot, opened, council.id)
    press(qtbot, wizard, NEXT)
    press(qtbot, wizard, NEXT)
    page = wizard.approval_page
    assert wizard.currentPage() is page
    assert from_qdate(page.review_edit.date()) == dt.date(2025, 10, 31)
    assert page.review_reason.text() == ""


def test_untouched_review_date_is_stored_once_seen(qtbot, opened, council):
    wizard = open_wizard(qtbot, opened, council.id)
    press(qtbot, wizard, NEXT)
    wizard.agreements_page.rows.add_button.click()
    wizard.agreements_page.what_edit.setPlainText("x")
    wizard.agreements_page.who_edit.setText("y")
    wizard.agreements_page.who_edit.textEdited.emit("y")
    wizard.agreements_page.due_edit.checkbox.setChecked(True)
    wizard.agreements_page.how_edit.setPlainText("z")
    assert stored(opened, council.id).decision.review_on is None
    press(qtbot, wizard, NEXT)
    # Shown and left untouched: the proposed date counts as chosen.
    assert wizard.currentPage() is wizard.approval_page
    proposed = next_working_day(default_review_date(MEETING), "HH")[0]
    assert stored(opened, council.id).decision.review_on == proposed


def test_finish_without_accepted_proposal_is_refused_with_reasons(qtbot, opened, council):
    wizard = open_wizard(qtbot, opened, council.id)
    for box in wizard.proposals_page.boxes:
        box.improve_radio.click()
        box.improvement_edit.setPlainText("Bitte genauer")
    press(qtbot, wizard, NEXT)
    agreements = wizard.agreements_page
    agreements.rows.add_button.click()
    agreements.what_edit.setPlainText("Oma holt Elif ab")
    agreements.who_edit.setText("Oma")
    agreements.who_edit.textEdited.emit("Oma")
    agreements.due_edit.checkbox.setChecked(True)
    agreements.how_edit.setPlainText("Lehrerin")
    press(qtbot, wizard, NEXT)
    approval = wizard.approval_page
    approval.approved_check.setChecked(True)
    approval.approved_by_edit.setText("Frau Berger")
    approval.approved_by_edit.textEdited.emit("Frau Berger")
    press(qtbot, wizard, NEXT)
    assert wizard.currentPage() is wizard.documents_page
    assert wizard.button(FINISH).text().replace("&", "") == "Phase abschließen"
    press(qtbot, wizard, FINISH)
    # Stopped: the wizard stays open with the reason in red, the phase unchanged.
    assert wizard.isVisible()
    text = wizard.documents_page.problems_text()
    assert "Ohne angenommenen Vorschlag gibt es keine Entscheidung." in text
    assert "Vorschläge der Familie" in text  # where it can be fixed
    assert stored(opened, council.id).phase is CouncilPhase.DECISION
    screenshot(wizard, "fr_decision_refused")


def test_finish_moves_on_to_the_follow_up(qtbot, opened, council):
    wizard = open_wizard(qtbot, opened, council.id)
    wizard.proposals_page.box_for(1).accept_radio.click()
    wizard.proposals_page.box_for(2).accept_radio.click()
    press(qtbot, wizard, NEXT)
    wizard.agreements_page.select_agreement(1)
    wizard.agreements_page.how_edit.setPlainText("Anruf wird notiert.")
    press(qtbot, wizard, NEXT)
    wizard.approval_page.approved_check.setChecked(True)
    wizard.approval_page.approved_by_edit.setText("Frau Berger")
    wizard.approval_page.approved_by_edit.textEdited.emit("Frau Berger")
    press(qtbot, wizard, NEXT)
    with qtbot.waitSignal(wizard.advanced) as blocker:
        press(qtbot, wizard, FINISH)
    assert not wizard.isVisible()
    view = stored(opened, council.id)
    assert view.phase is CouncilPhase.FOLLOW_UP
    assert blocker.args[0].phase is CouncilPhase.FOLLOW_UP
    assert len(view.agreements) == 2
    assert view.decision.review_on == next_working_day(default_review_date(MEETING), "HH")[0]
    # The review now shows in the overview of upcoming reviews.
    assert [r.council_id for r in opened.familienrat.upcoming_reviews(TODAY)] == [council.id]


def test_idle_edits_are_stored_and_a_new_wizard_resumes_them(qtbot, opened, council):
    wizard = open_wizard(qtbot, opened, council.id, autosave_ms=30)
    box = wizard.proposals_page.box_for(2)
    box.improve_radio.click()
    with qtbot.waitSignal(wizard.stored):
        qtbot.keyClicks(box.improvement_edit, "Ersatz nennen")
    qtbot.waitUntil(lambda: stored(opened, council.id).proposals[1].improvement == "Ersatz nennen")
    wizard.close()  # as if the program ended here

    again = open_wizard(qtbot, opened, council.id)
    box = again.proposals_page.box_for(2)
    assert box.improve_radio.isChecked()
    assert box.improvement_edit.toPlainText() == "Ersatz nennen"
    assert again.proposals_page.box_for(1).decision() is ProposalDecision.OPEN


def _alt(qtbot, key: Qt.Key, done) -> None:
    """Press Alt+``key`` (a mnemonic) and wait until ``done()``: buttons click animated."""
    qtbot.keyClick(QApplication.focusWidget(), key, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(done)


def test_keyboard_alone_reaches_the_decision(qtbot, opened, council):
    wizard = open_wizard(qtbot, opened, council.id)
    page = wizard.proposals_page
    qtbot.waitUntil(page.box_for(1).accept_radio.hasFocus)
    qtbot.keyClick(page.box_for(1).accept_radio, Qt.Key.Key_Space)
    assert page.box_for(1).decision() is ProposalDecision.ACCEPTED
    _alt(qtbot, Qt.Key.Key_W, lambda: wizard.currentPage() is wizard.agreements_page)
    qtbot.waitUntil(wizard.agreements_page.rows.list.hasFocus)
    assert wizard.agreements_page.rows.list.count() == 1  # prefilled from proposal 1
    _alt(qtbot, Qt.Key.Key_N, lambda: wizard.agreements_page.rows.list.count() == 2)
    assert wizard.agreements_page.what_edit.hasFocus()
    for widget in (
        wizard.agreements_page.proposal_combo,
        wizard.agreements_page.take_over_button,
        wizard.approval_page.approved_check,
        wizard.approval_page.review_edit,
        wizard.documents_page.plan_button,
        page.box_for(2).improvement_edit,
    ):
        assert widget.accessibleName()


@pytest.fixture
def shown(monkeypatch):
    """The documents the preview was asked to show (instead of a modal dialog)."""
    ids: list[str] = []
    monkeypatch.setattr(
        PdfPreviewDialog,
        "show_document",
        classmethod(lambda cls, parent, documents, document_id: ids.append(document_id)),
    )
    return ids


def _to_documents(qtbot, wizard: DecisionWizard) -> None:
    for _ in range(3):
        press(qtbot, wizard, NEXT)
    assert wizard.currentPage() is wizard.documents_page


def test_plan_and_a_protocol_per_participant_are_stored_and_shown(qtbot, opened, council, shown):
    decide_everything(opened, council)
    wizard = open_wizard(qtbot, opened, council.id)
    _to_documents(qtbot, wizard)
    page = wizard.documents_page
    page.plan_button.click()
    documents = opened.documents.list_for_case(council.case_id)
    assert [d.kind for d in documents] == [DocumentKind.COUNCIL_PLAN]
    assert shown == [documents[0].id]
    assert page.created_list.count() == 1
    # What the preview shows: the stored plan with every agreement.
    plan = opened.documents.document(documents[0].id)
    preview = PdfPreviewDialog(opened.documents, plan, opened.documents.content(plan.id))
    qtbot.addWidget(preview)
    preview.show()
    qtbot.waitExposed(preview)
    assert preview.pdf.pageCount() >= 1
    # QPdfView paints asynchronously; keep the first page as rendered for people to look at.
    assert preview.pdf.render(0, QSize(827, 1170)).save(str(SCREENSHOTS / "fr_decision_plan.png"))
    preview.close()

    page.protocols_button.click()
    protocols = [
        d
        for d in opened.documents.list_for_case(council.case_id)
        if d.kind is DocumentKind.COUNCIL_PROTOCOL
    ]
    assert len(protocols) == len(PARTICIPANTS)
    for participant in PARTICIPANTS:
        assert any(participant.name in d.title for d in protocols)
    assert page.created_list.count() == 1 + len(PARTICIPANTS)
    assert page.status_label.text().startswith(f"{len(PARTICIPANTS)} Dokumente erstellt")
    # Enter on a listed protocol shows it.
    assert page.created_list.hasFocus()
    page.created_list.setCurrentRow(1)
    qtbot.keyClick(page.created_list, Qt.Key.Key_Return)
    assert shown[-1] == page.created_list.item(1).data(Qt.ItemDataRole.UserRole)
    assert shown[-1] in {d.id for d in protocols}
    screenshot(wizard, "fr_decision_documents")
    # Printing did not move the phase; "Phase abschließen" does.
    assert stored(opened, council.id).phase is CouncilPhase.DECISION
    with qtbot.waitSignal(wizard.advanced):
        press(qtbot, wizard, FINISH)
    assert stored(opened, council.id).phase is CouncilPhase.FOLLOW_UP


def test_no_documents_while_the_decision_is_incomplete(qtbot, opened, council, shown):
    opened.familienrat.add_agreement(
        council.id, AgreementInput("Oma holt Elif ab", "Oma", TODAY, "Lehrerin")
    )
    wizard = open_wizard(qtbot, opened, council.id)
    _to_documents(qtbot, wizard)
    page = wizard.documents_page
    page.plan_button.click()
    text = page.problems_text()
    assert "Die Dokumente können noch nicht erstellt werden:" in text
    assert "Bitte über jeden Vorschlag entscheiden." in text
    assert "Bitte die Zustimmung der ASD-Fachkraft mit Namen eintragen." in text
    assert shown == []
    assert opened.documents.list_for_case(council.case_id) == []
