"""Familienräte and their phases: start (or a Folge-Rat), read, advance, save each phase."""

from __future__ import annotations

from dataclasses import fields

from sqlalchemy import select
from sqlalchemy.orm import Session

from asd_desktop.domain.enums import CouncilPhase, Invitation
from asd_desktop.domain.familienrat import (
    CouncilView,
    DecisionInput,
    FamilyPhaseInput,
    InformationInput,
    PreparationInput,
    next_phase,
    phase_problems,
)
from asd_desktop.models.case import Case
from asd_desktop.models.errors import ValidationError
from asd_desktop.models.familienrat import CouncilParticipant, FamilyCouncil
from asd_desktop.services import audit
from asd_desktop.services.familienrat.store import (
    CouncilAction,
    CouncilStore,
    children,
    get_live,
    stored,
)
from asd_desktop.services.familienrat.views import CouncilSummary, council_view

#: What the method asks of each phase, shown on the phase's pages.
PHASE_GUIDANCE: dict[CouncilPhase, str] = {
    CouncilPhase.PREPARATION: (
        "Das Jugendamt formuliert seine Sorge genau (Sorgeformulierung), wenn nötig mit "
        "Mindestanforderungen. Die Familie entscheidet, wer teilnimmt, wer wen einlädt, und "
        "wählt Ort, Zeit und Rahmen. Die Koordination ist neutral und kann die Sprache der "
        "Familie sprechen."
    ),
    CouncilPhase.INFORMATION: (
        "Die Koordination eröffnet. Das Jugendamt benennt seine Sorge klar, gegebenenfalls mit "
        "Mindestanforderungen; mögliche fachliche Hilfen werden vorgestellt, und der weitere "
        "Ablauf wird erklärt."
    ),
    CouncilPhase.FAMILY_PHASE: (
        "Die Familie berät allein, ohne Fachkräfte und ohne Zeitbegrenzung. Koordination und "
        "ASD bleiben erreichbar in der Nähe. Die Ergebnisse und Vorschläge der Familie werden "
        "festgehalten – auch was passiert, wenn etwas nicht klappt (Notfallplan)."
    ),
    CouncilPhase.DECISION: (
        "Die Familie stellt ihre Vorschläge vor. Die Fachkraft des ASD stimmt zu oder bittet "
        "um Nachbesserung. Die Vereinbarungen werden genau gefasst; das Protokoll geht an alle "
        "Teilnehmenden, und ein Termin zur Überprüfung wird vereinbart (etwa drei Monate)."
    ),
    CouncilPhase.FOLLOW_UP: (
        "Die Vereinbarungen werden gemeinsam überprüft. Danach: keine weiteren Maßnahmen, weil "
        "die Familie ihre Probleme gelöst hat, ein weiterer Folge-Rat, oder der Übergang in "
        "eine Hilfe zur Erziehung."
    ),
    CouncilPhase.CLOSED: "Dieser Familienrat ist abgeschlossen.",
}


class CouncilPhases(CouncilStore):
    """Start, read and advance councils, and store each phase's fields."""

    def start(self, case_id: str, origin_id: str | None = None) -> CouncilView:
        """A new Familienrat (or, with ``origin_id``, a Folge-Rat) in the Vorbereitung."""
        with self._sf.begin() as s:
            get_live(s, Case, case_id)
            council = FamilyCouncil(case_id=case_id, origin_id=origin_id)
            if origin_id:
                origin = get_live(s, FamilyCouncil, origin_id)
                _copy_preparation(origin, council)
            s.add(council)
            s.flush()
            if origin_id:
                _copy_participants(s, origin_id, council)
            audit.append(s, self._device, CouncilAction.STARTED, case_id, council.id)
            council_id = council.id
        return self.get(council_id)

    def list_for_case(self, case_id: str) -> list[CouncilSummary]:
        """The case's Familienräte, newest first."""
        with self._sf() as s:
            rows = s.scalars(
                select(FamilyCouncil)
                .where(FamilyCouncil.case_id == case_id, FamilyCouncil.deleted.is_(False))
                # Newest first by creation: ids are UUIDv7 (time-ordered); the hlc
                # changes with every edit and would put the last edited council first.
                .order_by(FamilyCouncil.id.desc())
            ).all()
            return [
                CouncilSummary(
                    id=r.id,
                    origin_id=r.origin_id,
                    phase=CouncilPhase(r.phase),
                    meeting_at=r.meeting_at,
                    review_on=r.review_on,
                )
                for r in rows
            ]

    def get(self, council_id: str) -> CouncilView:
        """Everything recorded for one council."""
        with self._sf() as s:
            return council_view(s, get_live(s, FamilyCouncil, council_id))

    def advance(self, council_id: str) -> CouncilView:
        """Move to the next phase once the current one is complete."""
        view = self.get(council_id)
        problems = phase_problems(view)
        if problems:
            raise ValidationError(problems)
        with self._sf.begin() as s:
            council = get_live(s, FamilyCouncil, council_id)
            council.phase = next_phase(view.phase).value
            audit.append(s, self._device, CouncilAction.ADVANCED, council.case_id, council.phase)
        return self.get(council_id)

    # phase fields (partial saves are allowed; completeness is checked by advance)

    def save_preparation(self, council_id: str, value: PreparationInput) -> None:
        """Store the Vorbereitung's fields."""
        with self._sf.begin() as s:
            council = get_live(s, FamilyCouncil, council_id)
            for f in fields(PreparationInput):
                if f.name == "financing":
                    continue
                setattr(council, f.name, stored(getattr(value, f.name)))
            council.financing = value.financing.value if value.financing else ""
            self._changed(s, council, "vorbereitung")

    def save_information(self, council_id: str, value: InformationInput) -> None:
        """Store the information phase's checklist and who attended."""
        with self._sf.begin() as s:
            council = get_live(s, FamilyCouncil, council_id)
            council.concern_read = value.concern_read
            council.minimums_named = value.minimums_named
            council.help_options = value.help_options.strip()
            council.procedure_explained = value.procedure_explained
            council.info_started_at = value.info_started_at
            for person in children(s, CouncilParticipant, council_id):
                attended = person.id in value.attended_ids
                if person.attended != attended:
                    person.attended = attended
            self._changed(s, council, "information")

    def save_family_phase(self, council_id: str, value: FamilyPhaseInput) -> None:
        """Store the family phase's times and how its results were recorded."""
        with self._sf.begin() as s:
            council = get_live(s, FamilyCouncil, council_id)
            council.family_phase_start = value.start
            council.family_phase_end = value.end
            council.no_professionals_present = value.no_professionals_present
            council.family_moderator = value.family_moderator.strip()
            council.proposals_source = value.proposals_source.strip()
            self._changed(s, council, "familienphase")

    def save_decision(self, council_id: str, value: DecisionInput) -> None:
        """Store the ASD worker's approval and the review date."""
        with self._sf.begin() as s:
            council = get_live(s, FamilyCouncil, council_id)
            council.approved = value.approved
            council.approved_by = value.approved_by.strip()
            council.decision_notes = value.decision_notes.strip()
            council.review_on = value.review_on
            self._changed(s, council, "entscheidung")


def _copy_preparation(origin: FamilyCouncil, council: FamilyCouncil) -> None:
    for name in (
        "informed_on",
        "family_interest",
        "moderator_name",
        "moderator_org",
        "moderator_contact",
        "moderator_languages",
        "concern",
        "minimum_requirements",
        "consent_on",
        "financing",
    ):
        setattr(council, name, getattr(origin, name))


def _copy_participants(s: Session, origin_id: str, council: FamilyCouncil) -> None:
    # The Folge-Rat starts with the same people; their invitation starts afresh.
    for n, p in enumerate(children(s, CouncilParticipant, origin_id)):
        s.add(
            CouncilParticipant(
                case_id=council.case_id,
                council_id=council.id,
                position=n,
                name=p.name,
                group=p.group,
                relation=p.relation,
                address=p.address,
                contact=p.contact,
                language=p.language,
                invited_by=p.invited_by,
                invitation=Invitation.INVITED.value,
                attended=False,
            )
        )
