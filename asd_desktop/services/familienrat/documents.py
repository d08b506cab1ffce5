"""The Familienrat's documents: what each shows, who gets one, and rendering them.

Who gets which Familienrat document:

- an **invitation** for every participant from the family and its surroundings
  who has not declined: the family hands these out; professionals are invited
  by the coordination in its own way, so they get none;
- the **plan** once, with a signature line for every participant who has not
  declined (whoever missed the meeting signs their copy later) and for the ASD
  worker who approved it;
- a **protocol** letter for every participant who has not declined (or who came
  after all), addressed for a window envelope; someone who said no does not
  receive the family's protocol;
- the **review summary** once, after the Folge-Rat.

Storing them is the documents service's part
(:meth:`~asd_desktop.services.documents.DocumentService.print_council_plan` and its siblings).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from asd_desktop.domain.enums import DocumentKind, Invitation, ParticipantGroup
from asd_desktop.domain.familienrat import CouncilView, ParticipantView
from asd_desktop.domain.office import Office
from asd_desktop.models.errors import AsdError
from asd_desktop.reports.familienrat import (
    CouncilAgreementPrint,
    InvitationPrint,
    PlanPrint,
    ProposalPrint,
    ProtocolPrint,
    ReviewItemPrint,
    ReviewPrint,
    render_invitation,
    render_plan,
    render_protocol,
    render_review,
)
from asd_desktop.services.familienrat.hours import USUAL_HOURS


@dataclass(frozen=True)
class CaseFacts:
    """What every Familienrat document needs of its case."""

    file_number: str
    family_name: str
    caseworker: str
    office: Office = field(default_factory=Office)


def invitation_recipients(view: CouncilView) -> tuple[ParticipantView, ...]:
    """Who gets an invitation: family and surroundings who have not declined."""
    return tuple(
        p
        for p in view.participants
        if p.group is not ParticipantGroup.PROFESSIONAL and p.invitation is not Invitation.DECLINED
    )


def protocol_recipients(view: CouncilView) -> tuple[ParticipantView, ...]:
    """Who gets the protocol (and signs the plan): everyone who has not declined, or came."""
    return tuple(
        p for p in view.participants if p.invitation is not Invitation.DECLINED or p.attended
    )


def moderator_line(view: CouncilView) -> str:
    """The coordination as one line: "Selin Aksoy (Stadtteilhilfe Wilhelmsburg e. V.)"."""
    prep = view.preparation
    name, org = prep.moderator_name.strip(), prep.moderator_org.strip()
    return f"{name} ({org})" if name and org else name or org


def council_agreements(view: CouncilView) -> tuple[CouncilAgreementPrint, ...]:
    """The agreements as printed, each with the emergency plan of the proposal it came from."""
    fallbacks = {p.id: p.fallback for p in view.proposals}
    return tuple(
        CouncilAgreementPrint(
            what=a.what,
            who=a.who,
            due_on=a.due_on,
            how_checked=a.how_checked,
            fallback=fallbacks.get(a.proposal_id or "", ""),
        )
        for a in view.agreements
    )


def invitation_prints(view: CouncilView, case: CaseFacts) -> list[InvitationPrint]:
    """One invitation per recipient (:func:`invitation_recipients`).

    Raises:
        AsdError: the date, time or place of the meeting is not recorded yet.
    """
    prep = view.preparation
    if prep.meeting_at is None or not prep.place.strip():
        raise AsdError(
            "Für die Einladungen fehlen noch Datum, Uhrzeit oder Ort des Familienrats. "
            "Bitte zuerst in der Vorbereitung eintragen."
        )
    return [
        InvitationPrint(
            file_number=case.file_number,
            family_name=case.family_name,
            participant=p.name,
            invited_by=p.invited_by,
            meeting_at=prep.meeting_at,
            place=prep.place,
            food=prep.setting_food,
            childcare=prep.setting_childcare,
            interpreter=prep.setting_interpreter,
            setting_notes=prep.setting_notes,
            moderator=moderator_line(view),
            moderator_contact=prep.moderator_contact,
            office=case.office,
        )
        for p in invitation_recipients(view)
    ]


def plan_print(view: CouncilView, case: CaseFacts) -> PlanPrint:
    """The family's plan.

    Raises:
        AsdError: there is no agreement to print yet.
    """
    if not view.agreements:
        raise AsdError(
            "Der Plan kann erst gedruckt werden, wenn die Vereinbarungen in der Entscheidung "
            "festgehalten sind."
        )
    prep = view.preparation
    return PlanPrint(
        file_number=case.file_number,
        family_name=case.family_name,
        meeting_at=prep.meeting_at,
        place=prep.place,
        concern=prep.concern,
        minimum_requirements=prep.minimum_requirements,
        agreements=council_agreements(view),
        review_on=view.decision.review_on,
        signers=tuple(p.name for p in protocol_recipients(view)),
        caseworker=view.decision.approved_by.strip() or case.caseworker,
        moderator=moderator_line(view),
        office=case.office,
    )


def protocol_prints(view: CouncilView, case: CaseFacts, letter_on: dt.date) -> list[ProtocolPrint]:
    """One protocol letter per recipient (:func:`protocol_recipients`), dated ``letter_on``.

    Raises:
        AsdError: the meeting's date is not recorded yet.
    """
    prep, info, fam = view.preparation, view.information, view.family_phase
    if prep.meeting_at is None:
        raise AsdError(
            "Für das Protokoll fehlt das Datum des Familienrats. Bitte in der Vorbereitung "
            "eintragen."
        )
    proposals = tuple(
        ProposalPrint(
            what=p.what,
            who=p.who,
            due_on=p.due_on,
            how_checked=p.how_checked,
            fallback=p.fallback,
            decision=p.decision,
            improvement=p.improvement,
        )
        for p in view.proposals
    )
    attended = tuple(p.name for p in view.participants if p.attended)
    agreements = council_agreements(view)
    return [
        ProtocolPrint(
            file_number=case.file_number,
            family_name=case.family_name,
            letter_on=letter_on,
            meeting_at=prep.meeting_at,
            place=prep.place,
            recipient=p.name,
            recipient_address=p.address,
            sender=prep.moderator_name,
            sender_org=prep.moderator_org,
            sender_contact=prep.moderator_contact,
            concern=prep.concern,
            minimum_requirements=prep.minimum_requirements,
            help_options=info.help_options,
            info_started_at=info.info_started_at,
            family_phase_start=fam.start,
            family_phase_end=fam.end,
            attended=attended,
            proposals=proposals,
            agreements=agreements,
            approved_by=view.decision.approved_by if view.decision.approved else "",
            review_on=view.decision.review_on,
            office=_with_caseworker(case),
        )
        for p in protocol_recipients(view)
    ]


def review_print(view: CouncilView, case: CaseFacts) -> ReviewPrint:
    """The Folge-Rat's summary: the newest review of each agreement.

    Raises:
        AsdError: no agreement has been reviewed yet.
    """
    reviewed = [a.reviews[0].reviewed_on for a in view.agreements if a.reviews]
    if not reviewed:
        raise AsdError(
            "Die Zusammenfassung kann erst gedruckt werden, wenn die Vereinbarungen beim "
            "Folge-Rat überprüft sind."
        )
    return ReviewPrint(
        file_number=case.file_number,
        family_name=case.family_name,
        meeting_at=view.preparation.meeting_at,
        review_on=view.decision.review_on,
        reviewed_on=max(reviewed),
        items=tuple(
            ReviewItemPrint(
                what=a.what,
                who=a.who,
                due_on=a.due_on,
                status=a.reviews[0].status if a.reviews else None,
                comment=a.reviews[0].comment if a.reviews else "",
            )
            for a in view.agreements
        ),
        outcome=view.outcome,
        hze_kind=view.hze_kind,
        notes=view.outcome_notes,
        hours=tuple(view.hours_by_activity().items()),
        usual_hours=USUAL_HOURS,
        financing=view.preparation.financing,
        caseworker=view.decision.approved_by.strip() or case.caseworker,
        moderator=moderator_line(view),
        office=case.office,
    )


def _with_caseworker(case: CaseFacts) -> Office:
    """The office, naming the case's caseworker when the settings name none."""
    if case.office.caseworker_name.strip() or not case.caseworker.strip():
        return case.office
    return replace(case.office, caseworker_name=case.caseworker.strip())


@dataclass(frozen=True)
class RenderedDocument:
    """A rendered document of a council, ready to be kept in the case's documents.

    ``document_date`` is the meeting's (or review's) day; ``participant`` the
    recipient's number in the council's list of participants (1-based), for
    documents made one per participant.
    """

    kind: DocumentKind
    title: str
    content: bytes
    document_date: dt.date | None = None
    participant: int | None = None


def council_invitations(
    view: CouncilView, case: CaseFacts, language: str = ""
) -> list[RenderedDocument]:
    """One invitation per participant the family invites (see the module docstring).

    ``language`` ("tr", "ar" …) prints them bilingually; "" in German only.
    """
    when = _meeting_day(view)
    numbers = _participant_numbers(view, invitation_recipients(view))
    return [
        RenderedDocument(
            DocumentKind.COUNCIL_INVITATION,
            f"Familienrat: Einladung für {data.participant}{when}",
            render_invitation(replace(data, language=language)),
            data.meeting_at.date(),
            number,
        )
        for data, number in zip(invitation_prints(view, case), numbers, strict=True)
    ]


def council_plan(view: CouncilView, case: CaseFacts, language: str = "") -> RenderedDocument:
    """The family's plan with every agreement and signature lines (bilingual with ``language``)."""
    data = replace(plan_print(view, case), language=language)
    return RenderedDocument(
        DocumentKind.COUNCIL_PLAN,
        f"Familienrat: Unser Plan{_meeting_day(view)}",
        render_plan(data),
        data.meeting_at.date() if data.meeting_at else None,
    )


def council_protocols(
    view: CouncilView, case: CaseFacts, letter_on: dt.date
) -> list[RenderedDocument]:
    """One protocol letter per participant (window envelope), dated ``letter_on``."""
    when = _meeting_day(view)
    numbers = _participant_numbers(view, protocol_recipients(view))
    return [
        RenderedDocument(
            DocumentKind.COUNCIL_PROTOCOL,
            f"Familienrat: Protokoll für {data.recipient}{when}",
            render_protocol(data),
            data.meeting_at.date(),
            number,
        )
        for data, number in zip(protocol_prints(view, case, letter_on), numbers, strict=True)
    ]


def council_review(view: CouncilView, case: CaseFacts) -> RenderedDocument:
    """The Folge-Rat's review summary."""
    data = review_print(view, case)
    day = f" ({data.reviewed_on:%d.%m.%Y})" if data.reviewed_on else ""
    return RenderedDocument(
        DocumentKind.COUNCIL_REVIEW,
        f"Familienrat: Überprüfung der Vereinbarungen{day}",
        render_review(data),
        data.reviewed_on,
    )


def _participant_numbers(view: CouncilView, recipients: tuple[ParticipantView, ...]) -> list[int]:
    """Each recipient's number in the council's list of participants (1-based)."""
    position = {p.id: n for n, p in enumerate(view.participants, start=1)}
    return [position[p.id] for p in recipients]


def _meeting_day(view: CouncilView) -> str:
    """The meeting's day in brackets for a title, or nothing before a date is set."""
    at = view.preparation.meeting_at
    return f" ({at:%d.%m.%Y})" if at else ""
