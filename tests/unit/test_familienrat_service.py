"""FamilienratService end to end on a real encrypted database: every phase to the Folge-Rat."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

import pytest

from asd_desktop.domain.enums import (
    AgreementKept,
    Area,
    CouncilActivity,
    CouncilOutcome,
    CouncilPhase,
    FamilyInterest,
    Financing,
    Invitation,
    ParticipantGroup,
    ProposalDecision,
)
from asd_desktop.models.errors import NotFoundError, ValidationError
from asd_desktop.services.cases import AreaInput, CaseInput
from asd_desktop.services.familienrat import (
    PHASE_ORDER,
    AgreementInput,
    DecisionInput,
    FamilyPhaseInput,
    FollowUpInput,
    HoursInput,
    InformationInput,
    ParticipantInput,
    PreparationInput,
    ProposalInput,
    ReviewItem,
    default_review_date,
    next_phase,
    phase_problems,
)
from asd_desktop.services.vault import OpenVault

FILE_NUMBER = "ASD-M-2026-0311"
CASEWORKER = "Murat Aydın"
MEETING = dt.datetime(2026, 7, 18, 14, 0)
FLAT = "Rotenhäuser Damm 12, 21107 Hamburg"

PREPARATION = PreparationInput(
    informed_on=dt.date(2026, 6, 10),
    family_interest=FamilyInterest.YES,
    moderator_name="Selin Aksoy",
    moderator_org="Stadtteilhilfe Wilhelmsburg e. V.",
    moderator_contact="Veringstraße 41, 21107 Hamburg\nTel. 040 5550 3170",
    moderator_languages="Deutsch, Türkisch",
    concern="Wir machen uns Sorgen, weil es abends oft laut wird und Doğan Angst hat.",
    minimum_requirements="Kein Kind wird geschlagen, geschubst oder fest gepackt.",
    consent_on=dt.date(2026, 6, 14),
    place="Bürgerhaus Wilhelmsburg, Mengestraße 20, 21107 Hamburg",
    meeting_at=MEETING,
    setting_food=True,
    setting_childcare=True,
    setting_interpreter=True,
    setting_notes="Oma Hatice kocht.",
    financing=Financing.SECTION_16,
)

PARTICIPANTS = (
    ParticipantInput(
        "Şükrü Yılmaz", ParticipantGroup.FAMILY, "Vater", FLAT, invited_by="Ayşe Yılmaz"
    ),
    ParticipantInput(
        "Ayşe Yılmaz", ParticipantGroup.FAMILY, "Mutter", FLAT, invited_by="Şükrü Yılmaz"
    ),
    ParticipantInput(
        "Hatice Kaya",
        ParticipantGroup.FAMILY,
        "Oma",
        "Georg-Wilhelm-Straße 80\n21107 Hamburg",
        invited_by="Ayşe Yılmaz",
    ),
    ParticipantInput(
        "Renate Schüßler",
        ParticipantGroup.SURROUNDINGS,
        "Nachbarin",
        "Rotenhäuser Damm 14, 21107 Hamburg",
        invited_by="Ayşe Yılmaz",
    ),
    ParticipantInput(
        "Thomas Berger",
        ParticipantGroup.PROFESSIONAL,
        "Klassenlehrer",
        "Grundschule am Park, Am Park 3, 21107 Hamburg",
        invited_by="Koordination",
    ),
    ParticipantInput(
        "Cem Yılmaz",
        ParticipantGroup.FAMILY,
        "Onkel",
        "Veringstraße 112, 21107 Hamburg",
        invited_by="Şükrü Yılmaz",
        invitation=Invitation.DECLINED,
    ),
)

PROPOSALS = (
    ProposalInput(
        what="Doğan macht dienstags und donnerstags seine Hausaufgaben bei Oma Hatice.",
        who="Doğan, Hatice Kaya",
        due_on=dt.date(2026, 7, 21),
        how_checked="Oma Hatice hakt die Tage im Hausaufgabenheft ab.",
        fallback="Wenn Oma Hatice krank ist, geht Doğan zu Renate Schüßler.",
    ),
    ProposalInput(what="Şükrü bleibt ruhig.", who="Şükrü Yılmaz"),
)

AGREEMENTS = (
    AgreementInput(
        what=PROPOSALS[0].what,
        who=PROPOSALS[0].who,
        due_on=PROPOSALS[0].due_on,
        how_checked=PROPOSALS[0].how_checked,
    ),
    AgreementInput(
        what="Wenn es laut wird, verlässt Şükrü Yılmaz den Raum für zehn Minuten.",
        who="Şükrü Yılmaz",
        due_on=dt.date(2026, 7, 18),
        how_checked="Ayşe und Doğan sagen beim Folge-Rat, ob es geklappt hat.",
    ),
)


@dataclass(frozen=True)
class Council:
    """The ids of a council run through :func:`run_council`."""

    case_id: str
    council_id: str
    participant_ids: tuple[str, ...]
    proposal_ids: tuple[str, ...]
    agreement_ids: tuple[str, ...]


def make_case(opened: OpenVault, file_number: str = FILE_NUMBER) -> str:
    """A Leistungsbereich case of the Yılmaz family."""
    return opened.cases.create_case(
        CaseInput(file_number, "Yılmaz", dt.date(2026, 5, 2), CASEWORKER),
        AreaInput(Area.SERVICE, dt.date(2026, 5, 2), "Eltern bitten um Beratung", CASEWORKER),
    ).id


def run_council(
    opened: OpenVault, file_number: str = FILE_NUMBER, until: CouncilPhase = CouncilPhase.FOLLOW_UP
) -> Council:
    """A Familienrat moved phase by phase until it has reached ``until``.

    Everybody but the declined uncle came; both proposals are accepted (the
    second after an improvement) and made into two exact agreements, linked.
    """
    fr = opened.familienrat
    case_id = make_case(opened, file_number)
    council_id = fr.start(case_id).id
    fr.save_preparation(council_id, PREPARATION)
    people = tuple(fr.add_participant(council_id, p).id for p in PARTICIPANTS)
    proposal_ids: tuple[str, ...] = ()
    agreement_ids: tuple[str, ...] = ()
    if until is not CouncilPhase.PREPARATION:
        fr.advance(council_id)
        fr.save_information(
            council_id,
            InformationInput(
                concern_read=True,
                minimums_named=True,
                help_options="Elternkurs im KiFaZ; Erziehungsberatung.",
                procedure_explained=True,
                info_started_at=MEETING,
                attended_ids=people[:5],
            ),
        )
    if PHASE_ORDER.index(until) >= PHASE_ORDER.index(CouncilPhase.FAMILY_PHASE):
        fr.advance(council_id)
        fr.save_family_phase(
            council_id,
            FamilyPhaseInput(
                start=MEETING.replace(hour=14, minute=50),
                end=MEETING.replace(hour=17, minute=20),
                no_professionals_present=True,
                proposals_source="moderator",
            ),
        )
        proposal_ids = tuple(fr.add_proposal(council_id, p).id for p in PROPOSALS)
    if PHASE_ORDER.index(until) >= PHASE_ORDER.index(CouncilPhase.DECISION):
        fr.advance(council_id)
        fr.decide_proposal(proposal_ids[0], ProposalDecision.ACCEPTED)
        fr.decide_proposal(proposal_ids[1], ProposalDecision.IMPROVE, "Was genau tut Şükrü?")
        fr.decide_proposal(proposal_ids[1], ProposalDecision.ACCEPTED, "Nachgebessert.")
        fr.save_decision(
            council_id,
            DecisionInput(
                approved=True,
                approved_by=CASEWORKER,
                review_on=default_review_date(MEETING),
            ),
        )
        agreement_ids = tuple(
            fr.add_agreement(council_id, dataclasses.replace(a, proposal_id=pid)).id
            for a, pid in zip(AGREEMENTS, proposal_ids, strict=True)
        )
    if PHASE_ORDER.index(until) >= PHASE_ORDER.index(CouncilPhase.FOLLOW_UP):
        fr.advance(council_id)
        fr.add_hours(council_id, HoursInput(CouncilActivity.PREPARATION, MEETING.date(), 12.0))
        fr.add_hours(council_id, HoursInput(CouncilActivity.MEETING, MEETING.date(), 8.0))
        fr.add_hours(council_id, HoursInput(CouncilActivity.FOLLOW_UP, MEETING.date(), 6.5))
    return Council(case_id, council_id, people, proposal_ids, agreement_ids)


def follow_up(council: Council, outcome: CouncilOutcome = CouncilOutcome.ANOTHER) -> FollowUpInput:
    """The review: the first agreement kept, the second partly."""
    return FollowUpInput(
        reviewed_on=default_review_date(MEETING),
        items=(
            ReviewItem(council.agreement_ids[0], AgreementKept.KEPT),
            ReviewItem(council.agreement_ids[1], AgreementKept.PARTLY, "Zweimal laut geworden."),
        ),
        outcome=outcome,
        notes="Ein weiterer Folge-Rat klärt den Elternkurs.",
    )


def test_a_council_goes_through_every_phase_to_the_folge_rat_it_creates(opened):
    fr = opened.familienrat
    council = run_council(opened)

    view = fr.get(council.council_id)
    assert view.phase is CouncilPhase.FOLLOW_UP
    assert [p.name for p in view.participants] == [p.name for p in PARTICIPANTS]
    assert {p.name for p in view.participants if p.attended} == {p.name for p in PARTICIPANTS[:5]}
    assert [p.decision for p in view.proposals] == [ProposalDecision.ACCEPTED] * 2
    assert view.proposals[1].improvement == "Nachgebessert."
    assert [a.proposal_id for a in view.agreements] == list(council.proposal_ids)
    assert view.decision.review_on == dt.date(2026, 10, 17)
    assert view.total_hours == 26.5
    assert view.hours_by_activity()[CouncilActivity.MEETING] == 8.0
    assert fr.upcoming_reviews(dt.date(2026, 10, 20))[0].overdue
    assert not fr.upcoming_reviews(dt.date(2026, 10, 1))[0].overdue

    reviewed = fr.save_follow_up(council.council_id, follow_up(council))

    assert [a.reviews[0].status for a in reviewed.agreements] == [
        AgreementKept.KEPT,
        AgreementKept.PARTLY,
    ]
    assert reviewed.outcome is CouncilOutcome.ANOTHER
    assert len(reviewed.follow_up_ids) == 1
    created = fr.get(reviewed.follow_up_ids[0])
    assert created.origin_id == council.council_id
    assert created.phase is CouncilPhase.PREPARATION
    assert created.preparation.concern == PREPARATION.concern
    assert created.preparation.moderator_name == "Selin Aksoy"
    assert created.preparation.meeting_at is None
    closed = fr.advance(council.council_id)
    assert closed.phase is CouncilPhase.CLOSED
    history = fr.list_for_case(council.case_id)
    assert {h.id for h in history} == {council.council_id, created.id}
    assert fr.upcoming_reviews(dt.date(2026, 10, 20)) == []


def test_saving_the_follow_up_again_does_not_create_a_second_folge_rat(opened):
    fr = opened.familienrat
    council = run_council(opened)

    first = fr.save_follow_up(council.council_id, follow_up(council))
    again = fr.save_follow_up(council.council_id, follow_up(council))

    assert again.follow_up_ids == first.follow_up_ids
    assert len(fr.list_for_case(council.case_id)) == 2


def test_every_phase_stops_with_its_reason_until_its_data_is_complete(opened):
    fr = opened.familienrat
    case_id = make_case(opened)
    council_id = fr.start(case_id).id

    with pytest.raises(ValidationError) as stopped:
        fr.advance(council_id)
    assert set(stopped.value.problems) == {
        "informed_on",
        "family_interest",
        "moderator_name",
        "concern",
        "consent_on",
        "participants",
        "place",
        "meeting_at",
    }
    assert fr.get(council_id).phase is CouncilPhase.PREPARATION
    fr.save_preparation(council_id, PREPARATION)
    fr.add_participant(council_id, PARTICIPANTS[0])
    assert fr.advance(council_id).phase is CouncilPhase.INFORMATION

    with pytest.raises(ValidationError) as stopped:
        fr.advance(council_id)
    # Minimum requirements were set, so they must have been named.
    assert "minimums_named" in stopped.value.problems
    assert "attended" in stopped.value.problems


def test_a_decision_without_an_accepted_proposal_is_stopped(opened):
    fr = opened.familienrat
    council = run_council(opened, until=CouncilPhase.FAMILY_PHASE)
    fr.advance(council.council_id)
    fr.decide_proposal(council.proposal_ids[0], ProposalDecision.IMPROVE, "Bis wann genau?")
    fr.decide_proposal(council.proposal_ids[1], ProposalDecision.IMPROVE, "Was genau?")
    fr.save_decision(
        council.council_id,
        DecisionInput(approved=True, approved_by=CASEWORKER, review_on=dt.date(2026, 10, 17)),
    )
    fr.add_agreement(council.council_id, AGREEMENTS[0])

    problems = phase_problems(fr.get(council.council_id))

    assert problems == {"accepted": "Ohne angenommenen Vorschlag gibt es keine Entscheidung."}
    with pytest.raises(ValidationError, match="Ohne angenommenen Vorschlag"):
        fr.advance(council.council_id)
    assert fr.get(council.council_id).phase is CouncilPhase.DECISION


@pytest.mark.parametrize(
    "review_on", [MEETING.date() - dt.timedelta(days=1), MEETING.date()], ids=["before", "same"]
)
def test_a_review_date_not_after_the_meeting_is_stopped(opened, review_on):
    fr = opened.familienrat
    council = run_council(opened, until=CouncilPhase.FAMILY_PHASE)
    fr.advance(council.council_id)
    for proposal_id in council.proposal_ids:
        fr.decide_proposal(proposal_id, ProposalDecision.ACCEPTED)
    fr.add_agreement(council.council_id, AGREEMENTS[0])
    fr.save_decision(
        council.council_id,
        DecisionInput(approved=True, approved_by=CASEWORKER, review_on=review_on),
    )

    problems = phase_problems(fr.get(council.council_id))

    assert problems == {"review_on": "Der Überprüfungstermin muss nach dem Familienrat liegen."}
    fr.save_decision(
        council.council_id,
        DecisionInput(
            approved=True, approved_by=CASEWORKER, review_on=default_review_date(MEETING)
        ),
    )
    assert fr.advance(council.council_id).phase is CouncilPhase.FOLLOW_UP


def test_bad_rows_are_refused_with_a_german_reason(opened):
    fr = opened.familienrat
    council_id = fr.start(make_case(opened)).id

    with pytest.raises(ValidationError) as nameless:
        fr.add_participant(council_id, ParticipantInput("   "))
    assert nameless.value.problems == {"name": "Bitte den Namen der teilnehmenden Person eingeben."}
    with pytest.raises(ValidationError) as vague:
        fr.add_agreement(council_id, AgreementInput(what="Alles wird gut."))
    assert set(vague.value.problems) == {"who", "due_on", "how_checked"}
    with pytest.raises(ValidationError):
        fr.add_hours(council_id, HoursInput(CouncilActivity.MEETING, MEETING.date(), 25.0))
    assert fr.get(council_id).participants == ()
    with pytest.raises(NotFoundError):
        fr.get("kein-familienrat")


def test_a_review_that_was_not_kept_needs_a_comment(opened):
    fr = opened.familienrat
    council = run_council(opened)
    silent = FollowUpInput(
        reviewed_on=dt.date(2026, 10, 17),
        items=(ReviewItem(council.agreement_ids[0], AgreementKept.NOT_KEPT),),
        outcome=CouncilOutcome.NONE_NEEDED,
    )

    with pytest.raises(ValidationError, match="nicht eingehalten"):
        fr.save_follow_up(council.council_id, silent)
    assert all(not a.reviews for a in fr.get(council.council_id).agreements)


def test_the_follow_up_needs_every_agreement_reviewed_and_an_hze_kind(opened):
    fr = opened.familienrat
    council = run_council(opened)
    partial = dataclasses.replace(
        follow_up(council, CouncilOutcome.HZE), items=follow_up(council).items[:1]
    )

    view = fr.save_follow_up(council.council_id, partial)

    assert phase_problems(view) == {
        "reviews": "Bitte jede Vereinbarung überprüfen.",
        "hze_kind": "Bitte die Art der Hilfe zur Erziehung angeben.",
    }
    assert view.follow_up_ids == ()


def test_next_phase_follows_the_methods_order():
    assert [next_phase(p) for p in PHASE_ORDER] == [*PHASE_ORDER[1:], CouncilPhase.CLOSED]
