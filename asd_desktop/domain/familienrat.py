"""The Familienrat's records as the wizards and the service see them, and its phase rules.

Pure Python: what each phase needs before the council moves on
(:func:`phase_problems`), the order of the phases, and the pages of each phase
wizard with the fields they hold, so a missing item names the page where it can
be fixed (:func:`phase_missing`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from asd_desktop.domain.enums import (
    AgreementKept,
    CouncilActivity,
    CouncilOutcome,
    CouncilPhase,
    FamilyInterest,
    Financing,
    Invitation,
    ParticipantGroup,
    ProposalDecision,
)
from asd_desktop.domain.guided import FINISHED, GuidedProcess, Page, Problem

PHASE_ORDER: tuple[CouncilPhase, ...] = (
    CouncilPhase.PREPARATION,
    CouncilPhase.INFORMATION,
    CouncilPhase.FAMILY_PHASE,
    CouncilPhase.DECISION,
    CouncilPhase.FOLLOW_UP,
    CouncilPhase.CLOSED,
)
REVIEW_AFTER = dt.timedelta(days=91)


# --- inputs -----------------------------------------------------------------------------


@dataclass(frozen=True)
class PreparationInput:
    """The Vorbereitung's own fields (participants are separate rows)."""

    informed_on: dt.date | None = None
    family_interest: FamilyInterest = FamilyInterest.OPEN
    moderator_name: str = ""
    moderator_org: str = ""
    moderator_contact: str = ""
    moderator_languages: str = ""
    concern: str = ""
    minimum_requirements: str = ""
    consent_on: dt.date | None = None
    place: str = ""
    meeting_at: dt.datetime | None = None
    setting_food: bool = False
    setting_childcare: bool = False
    setting_interpreter: bool = False
    setting_notes: str = ""
    financing: Financing | None = None


@dataclass(frozen=True)
class ParticipantInput:
    """A participant the family chose."""

    name: str
    group: ParticipantGroup = ParticipantGroup.FAMILY
    relation: str = ""
    address: str = ""
    contact: str = ""
    language: str = ""
    invited_by: str = ""
    invitation: Invitation = Invitation.INVITED
    attended: bool = False


@dataclass(frozen=True)
class InformationInput:
    """The moderator's checklist of the information phase."""

    concern_read: bool = False
    minimums_named: bool = False
    help_options: str = ""
    procedure_explained: bool = False
    info_started_at: dt.datetime | None = None
    #: Ids of the participants who attended.
    attended_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class FamilyPhaseInput:
    """When the family worked alone, and how its results were recorded."""

    start: dt.datetime | None = None
    end: dt.datetime | None = None
    no_professionals_present: bool = False
    family_moderator: str = ""
    #: "moderator" (entered afterwards) or "familie" (from the family's own notes).
    proposals_source: str = ""


@dataclass(frozen=True)
class ProposalInput:
    """A proposal of the family: what, who, by when, how checked, and the emergency plan."""

    what: str
    who: str = ""
    due_on: dt.date | None = None
    how_checked: str = ""
    fallback: str = ""


@dataclass(frozen=True)
class DecisionInput:
    """The ASD worker's approval and the review date."""

    approved: bool = False
    approved_by: str = ""
    decision_notes: str = ""
    review_on: dt.date | None = None


@dataclass(frozen=True)
class AgreementInput:
    """An agreement made exact."""

    what: str
    who: str = ""
    due_on: dt.date | None = None
    how_checked: str = ""
    proposal_id: str | None = None


@dataclass(frozen=True)
class ReviewItem:
    """How one agreement was kept."""

    agreement_id: str
    status: AgreementKept
    comment: str = ""


@dataclass(frozen=True)
class FollowUpInput:
    """The Folge-Rat / Überprüfung: each agreement reviewed, and what follows."""

    reviewed_on: dt.date
    items: tuple[ReviewItem, ...] = ()
    outcome: CouncilOutcome | None = None
    hze_kind: str = ""
    notes: str = ""


@dataclass(frozen=True)
class HoursInput:
    """Time spent on one activity."""

    activity: CouncilActivity
    worked_on: dt.date
    hours: float
    note: str = ""


# --- views ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ParticipantView(ParticipantInput):
    """A stored participant."""

    id: str = ""


@dataclass(frozen=True)
class ProposalView(ProposalInput):
    """A stored proposal with the decision on it."""

    id: str = ""
    decision: ProposalDecision = ProposalDecision.OPEN
    improvement: str = ""


@dataclass(frozen=True)
class AgreementReviewView:
    """How an agreement was kept at one review."""

    id: str
    reviewed_on: dt.date
    status: AgreementKept
    comment: str


@dataclass(frozen=True)
class AgreementView(AgreementInput):
    """A stored agreement with its reviews (newest first)."""

    id: str = ""
    reviews: tuple[AgreementReviewView, ...] = ()


@dataclass(frozen=True)
class HoursView(HoursInput):
    """A stored hours entry."""

    id: str = ""


@dataclass(frozen=True)
class CouncilView:
    """A Familienrat with everything recorded so far."""

    id: str
    case_id: str
    origin_id: str | None
    phase: CouncilPhase
    preparation: PreparationInput
    information: InformationInput
    family_phase: FamilyPhaseInput
    decision: DecisionInput
    outcome: CouncilOutcome | None
    hze_kind: str
    outcome_notes: str
    participants: tuple[ParticipantView, ...] = ()
    proposals: tuple[ProposalView, ...] = ()
    agreements: tuple[AgreementView, ...] = ()
    hours: tuple[HoursView, ...] = ()
    #: Folge-Räte created from this council.
    follow_up_ids: tuple[str, ...] = ()

    @property
    def total_hours(self) -> float:
        """All hours recorded."""
        return sum(h.hours for h in self.hours)

    def hours_by_activity(self) -> dict[CouncilActivity, float]:
        """Hours per activity (every activity present, zero if none)."""
        totals = dict.fromkeys(CouncilActivity, 0.0)
        for h in self.hours:
            totals[h.activity] += h.hours
        return totals


# --- pure rules ---------------------------------------------------------------------------


def participant_problems(value: ParticipantInput) -> dict[str, str]:
    """Why a participant cannot be stored."""
    if not value.name.strip():
        return {"name": "Bitte den Namen der teilnehmenden Person eingeben."}
    return {}


def proposal_problems(value: ProposalInput) -> dict[str, str]:
    """Why a proposal cannot be stored."""
    if not value.what.strip():
        return {"what": "Bitte eintragen, was die Familie vorschlägt."}
    return {}


def agreement_problems(value: AgreementInput) -> dict[str, str]:
    """Why an agreement cannot be stored (an agreement must be exact)."""
    p: dict[str, str] = {}
    if not value.what.strip():
        p["what"] = "Bitte eintragen, was vereinbart ist."
    if not value.who.strip():
        p["who"] = "Bitte eintragen, wer es übernimmt."
    if value.due_on is None:
        p["due_on"] = "Bitte eintragen, bis wann."
    if not value.how_checked.strip():
        p["how_checked"] = "Bitte eintragen, wie es überprüft wird."
    return p


def hours_problems(value: HoursInput) -> dict[str, str]:
    """Why an hours entry cannot be stored."""
    if not 0 < value.hours <= 24:
        return {"hours": "Die Stunden müssen zwischen 0 und 24 liegen."}
    return {}


def default_review_date(meeting_at: dt.datetime | None, today: dt.date | None = None) -> dt.date:
    """About three months after the meeting (or today)."""
    base = meeting_at.date() if meeting_at else (today or dt.date.today())
    return base + REVIEW_AFTER


def next_phase(phase: CouncilPhase) -> CouncilPhase:
    """The phase after ``phase`` (closed stays closed)."""
    index = PHASE_ORDER.index(phase)
    return PHASE_ORDER[min(index + 1, len(PHASE_ORDER) - 1)]


def phase_problems(view: CouncilView, phase: CouncilPhase | None = None) -> dict[str, str]:
    """Why ``phase`` (default: the council's current phase) is not complete yet."""
    phase = phase or view.phase
    p: dict[str, str] = {}
    prep, info, fam, dec = view.preparation, view.information, view.family_phase, view.decision
    if phase is CouncilPhase.PREPARATION:
        if prep.informed_on is None:
            p["informed_on"] = "Bitte eintragen, wann die Familie informiert wurde."
        if prep.family_interest is not FamilyInterest.YES:
            p["family_interest"] = "Ein Familienrat findet nur statt, wenn die Familie ihn will."
        if not prep.moderator_name.strip():
            p["moderator_name"] = "Bitte die Koordination (Name) eintragen."
        if not prep.concern.strip():
            p["concern"] = "Bitte die Sorgeformulierung des Jugendamts eintragen."
        if prep.consent_on is None:
            p["consent_on"] = "Bitte eintragen, wann die Einwilligung zur Weitergabe vorlag."
        if not view.participants:
            p["participants"] = "Bitte die Teilnehmenden eintragen, die die Familie wählt."
        if not prep.place.strip():
            p["place"] = "Bitte den Ort eintragen, den die Familie gewählt hat."
        if prep.meeting_at is None:
            p["meeting_at"] = "Bitte Datum und Uhrzeit des Familienrats eintragen."
    elif phase is CouncilPhase.INFORMATION:
        if not info.concern_read:
            p["concern_read"] = "Die Sorgeformulierung muss vorgelesen sein."
        if prep.minimum_requirements.strip() and not info.minimums_named:
            p["minimums_named"] = "Die Mindestanforderungen müssen benannt sein."
        if not info.procedure_explained:
            p["procedure_explained"] = "Der weitere Ablauf muss erklärt sein."
        if info.info_started_at is None:
            p["info_started_at"] = "Bitte die Anfangszeit eintragen."
        if not any(x.attended for x in view.participants):
            p["attended"] = "Bitte ankreuzen, wer gekommen ist."
    elif phase is CouncilPhase.FAMILY_PHASE:
        if fam.start is None or fam.end is None:
            p["times"] = "Bitte Beginn und Ende der Familienphase eintragen."
        elif fam.end <= fam.start:
            p["times"] = "Das Ende der Familienphase muss nach dem Beginn liegen."
        if not fam.no_professionals_present:
            p["no_professionals_present"] = (
                "Die Familienphase findet ohne Fachkräfte statt; bitte bestätigen."
            )
        if not view.proposals:
            p["proposals"] = "Bitte mindestens einen Vorschlag der Familie eintragen."
    elif phase is CouncilPhase.DECISION:
        if any(x.decision is ProposalDecision.OPEN for x in view.proposals):
            p["proposals"] = "Bitte über jeden Vorschlag entscheiden."
        if not any(x.decision is ProposalDecision.ACCEPTED for x in view.proposals):
            p["accepted"] = "Ohne angenommenen Vorschlag gibt es keine Entscheidung."
        if not dec.approved or not dec.approved_by.strip():
            p["approved"] = "Bitte die Zustimmung der ASD-Fachkraft mit Namen eintragen."
        if not view.agreements:
            p["agreements"] = "Bitte die Vereinbarungen genau festhalten."
        if dec.review_on is None:
            p["review_on"] = "Bitte einen Termin zur Überprüfung festlegen."
        elif prep.meeting_at and dec.review_on <= prep.meeting_at.date():
            p["review_on"] = "Der Überprüfungstermin muss nach dem Familienrat liegen."
    elif phase is CouncilPhase.FOLLOW_UP:
        unreviewed = [a for a in view.agreements if not a.reviews]
        if unreviewed:
            p["reviews"] = "Bitte jede Vereinbarung überprüfen."
        if view.outcome is None:
            p["outcome"] = "Bitte festhalten, wie es weitergeht."
        elif view.outcome is CouncilOutcome.HZE and not view.hze_kind.strip():
            p["hze_kind"] = "Bitte die Art der Hilfe zur Erziehung angeben."
    return p


# --- the phase wizards as guided processes ----------------------------------------------

#: The pages of each phase wizard, in order, with the fields each page holds.
PHASE_PAGES: dict[CouncilPhase, tuple[Page, ...]] = {
    CouncilPhase.PREPARATION: (
        Page(0, "Information der Familie", ("informed_on", "family_interest")),
        Page(1, "Koordination", ("moderator_name",)),
        Page(2, "Sorgeformulierung", ("concern", "consent_on")),
        Page(3, "Teilnehmende", ("participants", "name")),
        Page(4, "Ort und Zeit", ("place", "meeting_at")),
    ),
    CouncilPhase.INFORMATION: (
        Page(
            0,
            "Eröffnung und Sorge",
            (
                "info_started_at",
                "concern_read",
                "minimums_named",
                "help_options",
                "procedure_explained",
            ),
        ),
        Page(1, "Anwesende", ("attended",)),
    ),
    CouncilPhase.FAMILY_PHASE: (
        Page(
            0, "Ablauf der Familienphase", ("times", "no_professionals_present", "family_moderator")
        ),
        Page(1, "Vorschläge der Familie", ("proposals", "what")),
    ),
    CouncilPhase.DECISION: (
        Page(0, "Vorschläge der Familie", ()),
        Page(1, "Vereinbarungen", ()),
        Page(2, "Zustimmung und Überprüfung", ()),
        Page(3, "Dokumente", ()),
    ),
    CouncilPhase.FOLLOW_UP: (
        Page(0, "Überprüfung der Vereinbarungen", ("reviews", "reviewed_on")),
        Page(1, "Wie geht es weiter?", ()),
        Page(2, "Zusammenfassung der Überprüfung", ("print",)),
    ),
}


def completes_phase(view: CouncilView, phase: CouncilPhase) -> bool:
    """True when finishing ``phase``'s wizard moves the council on (it stands in that phase)."""
    return view.phase is phase


class PhaseProcess(GuidedProcess["CouncilView"]):
    """One phase of a Familienrat as a guided process.

    Every page stores itself and "Weiter" never waits for the phase's rules: they
    are what is missing before the phase can be completed (:meth:`closing_problems`).
    """

    def __init__(self, phase: CouncilPhase) -> None:
        self.phase = phase
        self.name = phase.label
        self.pages = PHASE_PAGES.get(phase, ())

    def page_problems(self, page_id: int, state: CouncilView) -> tuple[Problem, ...]:
        """The phase's pages do not block "Weiter" by the phase rules."""
        return ()

    def closing_problems(self, state: CouncilView) -> tuple[Problem, ...]:
        """What :func:`phase_problems` says, each on the page where it can be fixed."""
        return phase_missing(state, self.phase)


def phase_missing(view: CouncilView, phase: CouncilPhase | None = None) -> tuple[Problem, ...]:
    """:func:`phase_problems` as typed problems on the phase wizard's pages.

    A problem whose field no page holds is placed on :data:`FINISHED` (no page).
    """
    phase = phase or view.phase
    pages = PHASE_PAGES.get(phase, ())
    where = {name: page.id for page in pages for name in page.fields}
    return tuple(
        Problem(where.get(name, FINISHED), name, message)
        for name, message in phase_problems(view, phase).items()
    )
