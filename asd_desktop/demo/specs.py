"""What a demo case is made of: plain input values for the services or the bulk writer."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from asd_desktop.domain.enums import (
    AgreementKept,
    CouncilOutcome,
    IdeaSource,
)
from asd_desktop.services.cases import (
    AreaInput,
    CaseInput,
    ContactInput,
    PersonInput,
)
from asd_desktop.services.familienrat import (
    AgreementInput,
    DecisionInput,
    FamilyPhaseInput,
    HoursInput,
    InformationInput,
    ParticipantInput,
    PreparationInput,
    ProposalInput,
)
from asd_desktop.services.goals import (
    GoalDraft,
    ReviewInput,
)
from asd_desktop.services.instruments import (
    AssessmentInput,
    EvidenceInput,
    MandateInput,
    OutcomeInput,
)
from asd_desktop.services.steps import StepInput


@dataclass(frozen=True)
class DemoSummary:
    """What a demo fill created."""

    cases: int
    persons: int
    contacts: int
    areas: int

    def __str__(self) -> str:
        return (
            f"{self.cases} Fälle, {self.persons} Personen, {self.contacts} Kontakte, "
            f"{self.areas} Falleinordnungen"
        )


@dataclass(frozen=True)
class StepSpec:
    """A step entered by hand; done on ``done_on`` (by the caseworker) or open."""

    step: StepInput
    done_on: dt.date | None = None


@dataclass(frozen=True)
class CaseSpec:
    """One fictional case as plain input values, ready for the service or the bulk writer.

    ``areas`` and ``contacts`` are oldest first; ``corrections`` pairs the index of
    a contact in ``contacts`` with its corrected version. ``goals`` is a finished
    Zielerarbeitung (stored and printed when written through the services);
    ``goal_reviews`` pairs a Handlungsziel's position with a review of it.
    ``council`` is a Familienrat run through all its phases (services only).
    """

    case: CaseInput
    areas: tuple[AreaInput, ...]
    persons: tuple[PersonInput, ...]
    contacts: tuple[ContactInput, ...]
    corrections: tuple[tuple[int, ContactInput], ...] = ()
    closed_on: dt.date | None = None
    caseworker: str = ""
    goals: GoalDraft | None = None
    goal_reviews: tuple[tuple[int, ReviewInput], ...] = ()
    council: CouncilSpec | None = None
    consultations: tuple[ConsultationSpec, ...] = ()
    instruments: InstrumentSpec | None = None
    #: Steps entered by hand (Wiedervorlage), open or done.
    steps: tuple[StepSpec, ...] = ()
    #: Contacts (index in ``contacts``) whose next step is done, and when.
    done_contact_steps: tuple[tuple[int, dt.date], ...] = ()

    @property
    def contact_count(self) -> int:
        """Contacts including corrections."""
        return len(self.contacts) + len(self.corrections)


@dataclass(frozen=True)
class ConsultationSpec:
    """A Kollegiale Beratung, written step by step through the service and closed.

    ``family_goals`` replaces the copy of the newest Zielvereinbarung when set
    (for cases whose goals were only agreed orally); ``needs`` answer the
    Sozialraum question; with ``printed`` the protocol PDF is kept in the documents.
    """

    held_on: dt.date
    presenter: str
    participants: str
    ideas: tuple[tuple[IdeaSource, str, bool], ...]
    selection: str
    hze_kind: str = ""
    needs: tuple[str, ...] = ()
    family_goals: str = ""
    printed: bool = False


@dataclass(frozen=True)
class MandateSpec:
    """An Auftrag or Auflage with the evidence received and its outcome, if any."""

    value: MandateInput
    evidence: tuple[EvidenceInput, ...] = ()
    outcome: OutcomeInput | None = None
    #: Print the letter to the persons with custody.
    letter: bool = False


@dataclass(frozen=True)
class InstrumentSpec:
    """Aufträge given first, then a Gefährdungseinschätzung, then the Auflagen following it."""

    mandates: tuple[MandateSpec, ...] = ()
    assessment: AssessmentInput | None = None
    auflagen: tuple[MandateSpec, ...] = ()


@dataclass(frozen=True)
class ProposalSpec:
    """A proposal of the family; with ``improvement`` the ASD first asks for a better version.

    The family's better version (``improved``) is then accepted, with the
    improvement noted; without ``improvement`` the proposal is accepted as it is.
    """

    proposal: ProposalInput
    improvement: str = ""
    improved: ProposalInput | None = None
    accepted_note: str = ""


@dataclass(frozen=True)
class CouncilReviewSpec:
    """The Folge-Rat: how each agreement (in order) was kept, and what follows."""

    reviewed_on: dt.date
    items: tuple[tuple[AgreementKept, str], ...]
    outcome: CouncilOutcome
    notes: str = ""
    hze_kind: str = ""


@dataclass(frozen=True)
class CouncilSpec:
    """A Familienrat from preparation to Folge-Rat, written phase by phase through the service.

    ``participants`` carry whether they came (``attended``); ``agreements`` pair
    the index of the proposal they make exact with the agreement. ``follow_up``
    is the Vorbereitung of the Folge-Rat the review creates.
    """

    preparation: PreparationInput
    participants: tuple[ParticipantInput, ...]
    information: InformationInput
    family_phase: FamilyPhaseInput
    proposals: tuple[ProposalSpec, ...]
    decision: DecisionInput
    agreements: tuple[tuple[int, AgreementInput], ...]
    hours: tuple[HoursInput, ...]
    letter_on: dt.date
    review: CouncilReviewSpec
    follow_up: PreparationInput | None = None
    follow_up_participants: tuple[ParticipantInput, ...] = ()
