"""Kollegiale Beratung: the team's guided protocol, its Ideenpaket and the Bedarfsliste.

Like the Familienrat, every step saves at once; :meth:`ConsultationService.close`
is the only gate (:func:`close_problems`). When a Hilfe zur Erziehung is decided,
the team must answer the Sozialraum question before the protocol can be closed;
the answers, as short needs, make up the team's :meth:`ConsultationService.needs_list`.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from asd_desktop.domain.consultation import (
    MAX_NEED_LENGTH,
    SOURCE_ORDER,
    SOZIALRAUM_QUESTION,
    ConsultationInput,
    ConsultationView,
    IdeaInput,
    IdeaView,
    NeedView,
    close_problems,
    idea_problems,
    need_key,
    need_problems,
)
from asd_desktop.domain.enums import IdeaSource
from asd_desktop.models.case import Case
from asd_desktop.models.consultation import Consultation, ConsultationIdea, SozialraumNeed
from asd_desktop.models.errors import NotFoundError, ValidationError
from asd_desktop.reports.consultation import ConsultationPrint, IdeaPrint
from asd_desktop.services import audit
from asd_desktop.services.goals import AgreementView, GoalService

#: Why the ideas are collected in this order, one line per source (shown in the wizard).
SOURCE_GUIDANCE: dict[IdeaSource, str] = {
    IdeaSource.PERSON: (
        "Zuerst: Was kann die Familie selbst tun? Ihre eigenen Stärken und Ideen tragen am "
        "längsten."
    ),
    IdeaSource.SURROUNDINGS: (
        "Dann das Umfeld: Verwandte, Freundinnen und Freunde, Nachbarn – wer kann mithelfen?"
    ),
    IdeaSource.SOCIAL_SPACE: (
        "Dann der Sozialraum: Welche Angebote, Orte und Menschen im Stadtteil passen zu den "
        "Zielen der Familie?"
    ),
    IdeaSource.PROFESSIONAL: (
        "Erst zuletzt fachliche Hilfe: Was braucht es noch, zugeschnitten auf das, was Familie, "
        "Umfeld und Sozialraum nicht leisten können?"
    ),
}


class ConsultationAction:
    """Audit actions of this service."""

    STARTED = "consultation_started"
    CHANGED = "consultation_changed"
    CLOSED = "consultation_closed"


def default_question(family_name: str) -> str:
    """The method's question: ideas for how the family reaches its goals (not "which help")."""
    return f"Welche Ideen habt ihr, wie Familie {family_name.strip()} ihre Ziele erreichen kann?"


def goals_text(agreement: AgreementView | None) -> str:
    """The family's goals as text: the Richtungsziel and the Handlungsziele."""
    if agreement is None:
        return ""
    lines: list[str] = []
    if agreement.direction_goal.strip():
        lines.append(f"Richtungsziel: {agreement.direction_goal.strip()}")
    if agreement.goals:
        lines.append("Handlungsziele:")
        lines.extend(f"{i}. {g.text.strip()}" for i, g in enumerate(agreement.goals, start=1))
    return "\n".join(lines)


# --- inputs and views ---------------------------------------------------------------------


@dataclass(frozen=True)
class ConsultationSummary:
    """One line of a case's earlier consultations."""

    id: str
    held_on: dt.date
    presenter: str
    hze_decided: bool
    hze_kind: str
    closed: bool


@dataclass(frozen=True)
class NeedGroup:
    """One line of the Bedarfsliste: a need, how often it was named, and by which cases."""

    need: str
    count: int
    file_numbers: tuple[str, ...]


# --- pure rules ---------------------------------------------------------------------------


def group_needs(rows: list[tuple[str, str]]) -> list[NeedGroup]:
    """Group ``(need, file_number)`` pairs into the Bedarfsliste, most named first."""
    spellings: dict[str, Counter[str]] = {}
    counts: Counter[str] = Counter()
    cases: dict[str, set[str]] = {}
    for need, file_number in rows:
        key = need_key(need)
        if not key:
            continue
        counts[key] += 1
        spellings.setdefault(key, Counter())[" ".join(need.split())] += 1
        cases.setdefault(key, set()).add(file_number)
    groups = [
        NeedGroup(
            # The most used spelling; ties go to the alphabetically first.
            need=sorted(spellings[k].items(), key=lambda kv: (-kv[1], kv[0]))[0][0],
            count=counts[k],
            file_numbers=tuple(sorted(cases[k])),
        )
        for k in counts
    ]
    return sorted(groups, key=lambda g: (-g.count, need_key(g.need)))


def consultation_print(view: ConsultationView) -> ConsultationPrint:
    """What the protocol PDF shows of a consultation."""
    f = view.fields
    return ConsultationPrint(
        file_number=view.file_number,
        family_name=view.family_name,
        held_on=f.held_on,
        presenter=f.presenter,
        participants=f.participants,
        family_goals=f.family_goals,
        question=f.question,
        ideas=tuple(
            (src, tuple(IdeaPrint(i.text, i.selected) for i in ideas))
            for src, ideas in view.ideas_by_source().items()
        ),
        selection=f.selection,
        hze_decided=f.hze_decided,
        hze_kind=f.hze_kind,
        sozialraum_question=SOZIALRAUM_QUESTION,
        needs=tuple(n.need for n in view.needs),
        sozialraum_answer=f.sozialraum_answer,
        closed=view.closed,
    )


# --- the service --------------------------------------------------------------------------


class ConsultationService:
    """Start, fill and close consultation protocols; the team's Bedarfsliste."""

    def __init__(self, session_factory: sessionmaker[Session], device_id: str) -> None:
        self._sf = session_factory
        self._device = device_id
        self._goals = GoalService(session_factory, device_id)

    def start(
        self, case_id: str, held_on: dt.date, presenter: str = "", participants: str = ""
    ) -> ConsultationView:
        """A new protocol, with the question and the family's newest goals prefilled."""
        overview = self._goals.overview(case_id)
        newest = overview.agreements[0] if overview.agreements else None
        with self._sf.begin() as s:
            case = _case(s, case_id)
            row = Consultation(
                case_id=case_id,
                held_on=held_on,
                presenter=presenter.strip(),
                participants=participants.strip(),
                family_goals=goals_text(newest),
                question=default_question(case.family_name),
            )
            s.add(row)
            s.flush()
            audit.append(s, self._device, ConsultationAction.STARTED, case_id, row.id)
            consultation_id = row.id
        return self.get(consultation_id)

    def list_for_case(self, case_id: str) -> list[ConsultationSummary]:
        """The case's consultations, newest first."""
        with self._sf() as s:
            rows = s.scalars(
                select(Consultation)
                .where(Consultation.case_id == case_id, Consultation.deleted.is_(False))
                .order_by(Consultation.held_on.desc(), Consultation.id.desc())
            ).all()
            return [
                ConsultationSummary(
                    id=r.id,
                    held_on=r.held_on,
                    presenter=r.presenter,
                    hze_decided=r.hze_decided,
                    hze_kind=r.hze_kind,
                    closed=r.closed,
                )
                for r in rows
            ]

    def get(self, consultation_id: str) -> ConsultationView:
        """Everything recorded for one consultation."""
        with self._sf() as s:
            return _view(s, _consultation(s, consultation_id))

    def save(self, consultation_id: str, value: ConsultationInput) -> ConsultationView:
        """Store the protocol's own fields (partial is fine; closing checks)."""
        with self._sf.begin() as s:
            row = self._open(s, consultation_id)
            row.held_on = value.held_on
            for name in (
                "presenter",
                "participants",
                "family_goals",
                "question",
                "selection",
                "hze_kind",
                "sozialraum_answer",
            ):
                setattr(row, name, getattr(value, name).strip())
            row.hze_decided = value.hze_decided
            audit.append(s, self._device, ConsultationAction.CHANGED, row.case_id, "protokoll")
        return self.get(consultation_id)

    # ideas

    def add_idea(self, consultation_id: str, value: IdeaInput) -> IdeaView:
        """Add an idea at the end of its source's group."""
        problems = idea_problems(value)
        if problems:
            raise ValidationError(problems)
        with self._sf.begin() as s:
            row = self._open(s, consultation_id)
            positions = s.scalars(
                select(ConsultationIdea.position).where(
                    ConsultationIdea.consultation_id == consultation_id
                )
            ).all()
            idea = ConsultationIdea(
                case_id=row.case_id,
                consultation_id=consultation_id,
                position=max(positions, default=-1) + 1,
                source=value.source.value,
                text=value.text.strip(),
                selected=value.selected,
            )
            s.add(idea)
            s.flush()
            audit.append(s, self._device, ConsultationAction.CHANGED, row.case_id, "idee")
            return _idea_view(idea)

    def update_idea(self, idea_id: str, value: IdeaInput) -> IdeaView:
        """Change an idea's text, source or selection."""
        problems = idea_problems(value)
        if problems:
            raise ValidationError(problems)
        with self._sf.begin() as s:
            idea = self._idea(s, idea_id)
            idea.source = value.source.value
            idea.text = value.text.strip()
            idea.selected = value.selected
            audit.append(s, self._device, ConsultationAction.CHANGED, idea.case_id, "idee")
            return _idea_view(idea)

    def set_selected(self, idea_id: str, selected: bool) -> IdeaView:
        """Mark an idea as chosen (or not)."""
        with self._sf.begin() as s:
            idea = self._idea(s, idea_id)
            idea.selected = selected
            audit.append(s, self._device, ConsultationAction.CHANGED, idea.case_id, "auswahl")
            return _idea_view(idea)

    def remove_idea(self, idea_id: str) -> None:
        """Remove an idea."""
        with self._sf.begin() as s:
            idea = self._idea(s, idea_id)
            idea.deleted = True
            audit.append(s, self._device, ConsultationAction.CHANGED, idea.case_id, "idee")

    # needs

    def add_need(self, consultation_id: str, need: str) -> NeedView:
        """Add one answer to the Sozialraum question (a short name of a missing offer)."""
        with self._sf.begin() as s:
            row = self._open(s, consultation_id)
            existing = tuple(n.need for n in _needs(s, consultation_id))
            problems = need_problems(need, existing)
            if problems:
                raise ValidationError(problems)
            item = SozialraumNeed(
                case_id=row.case_id,
                consultation_id=consultation_id,
                need=" ".join(need.split()),
            )
            s.add(item)
            s.flush()
            audit.append(s, self._device, ConsultationAction.CHANGED, row.case_id, "bedarf")
            return NeedView(id=item.id, need=item.need)

    def remove_need(self, need_id: str) -> None:
        """Remove a need."""
        with self._sf.begin() as s:
            item = s.get(SozialraumNeed, need_id)
            if item is None or item.deleted:
                raise NotFoundError("Der Bedarf wurde nicht gefunden.")
            self._open(s, item.consultation_id)
            item.deleted = True
            audit.append(s, self._device, ConsultationAction.CHANGED, item.case_id, "bedarf")

    # closing

    def close(self, consultation_id: str) -> ConsultationView:
        """Close the protocol once it is complete; otherwise ValidationError with the reasons."""
        view = self.get(consultation_id)
        problems = close_problems(view)
        if problems:
            raise ValidationError(problems)
        with self._sf.begin() as s:
            row = self._open(s, consultation_id)
            row.closed = True
            audit.append(s, self._device, ConsultationAction.CLOSED, row.case_id, row.id)
        return self.get(consultation_id)

    # the team's list

    def needs_list(self) -> list[NeedGroup]:
        """The Bedarfsliste: every consultation's needs across all cases, grouped and counted."""
        with self._sf() as s:
            rows = s.execute(
                select(SozialraumNeed.need, Case.file_number)
                .join(Consultation, Consultation.id == SozialraumNeed.consultation_id)
                .join(Case, Case.id == SozialraumNeed.case_id)
                .where(
                    SozialraumNeed.deleted.is_(False),
                    Consultation.deleted.is_(False),
                    Case.deleted.is_(False),
                )
            ).all()
        return group_needs([(r[0], r[1]) for r in rows])

    # helpers

    def _open(self, s: Session, consultation_id: str) -> Consultation:
        row = _consultation(s, consultation_id)
        if row.closed:
            raise ValidationError(
                {"closed": "Das Protokoll ist abgeschlossen und kann nicht mehr geändert werden."}
            )
        return row

    def _idea(self, s: Session, idea_id: str) -> ConsultationIdea:
        idea = s.get(ConsultationIdea, idea_id)
        if idea is None or idea.deleted:
            raise NotFoundError("Die Idee wurde nicht gefunden.")
        self._open(s, idea.consultation_id)
        return idea


def _case(s: Session, case_id: str) -> Case:
    case = s.get(Case, case_id)
    if case is None or case.deleted:
        raise NotFoundError("Der Fall wurde nicht gefunden.")
    return case


def _consultation(s: Session, consultation_id: str) -> Consultation:
    row = s.get(Consultation, consultation_id)
    if row is None or row.deleted:
        raise NotFoundError("Die Kollegiale Beratung wurde nicht gefunden.")
    return row


def _needs(s: Session, consultation_id: str) -> list[SozialraumNeed]:
    return list(
        s.scalars(
            select(SozialraumNeed)
            .where(
                SozialraumNeed.consultation_id == consultation_id,
                SozialraumNeed.deleted.is_(False),
            )
            .order_by(SozialraumNeed.id)
        )
    )


def _idea_view(i: ConsultationIdea) -> IdeaView:
    return IdeaView(source=IdeaSource(i.source), text=i.text, selected=i.selected, id=i.id)


def _view(s: Session, c: Consultation) -> ConsultationView:
    case = _case(s, c.case_id)
    ideas = s.scalars(
        select(ConsultationIdea)
        .where(ConsultationIdea.consultation_id == c.id, ConsultationIdea.deleted.is_(False))
        .order_by(ConsultationIdea.position, ConsultationIdea.id)
    ).all()
    return ConsultationView(
        id=c.id,
        case_id=c.case_id,
        file_number=case.file_number,
        family_name=case.family_name,
        fields=ConsultationInput(
            held_on=c.held_on,
            presenter=c.presenter,
            participants=c.participants,
            family_goals=c.family_goals,
            question=c.question,
            selection=c.selection,
            hze_decided=c.hze_decided,
            hze_kind=c.hze_kind,
            sozialraum_answer=c.sozialraum_answer,
        ),
        closed=c.closed,
        ideas=tuple(_idea_view(i) for i in ideas),
        needs=tuple(NeedView(id=n.id, need=n.need) for n in _needs(s, c.id)),
    )


__all__ = [
    "SOURCE_GUIDANCE",
    "SOURCE_ORDER",
    "SOZIALRAUM_QUESTION",
    "ConsultationInput",
    "ConsultationService",
    "ConsultationSummary",
    "ConsultationView",
    "IdeaInput",
    "IdeaView",
    "NeedGroup",
    "NeedView",
    "close_problems",
    "consultation_print",
    "default_question",
    "goals_text",
    "group_needs",
    "idea_problems",
    "need_key",
    "need_problems",
]

#: The protocol's records and rules live in :mod:`asd_desktop.domain.consultation`;
#: they are re-exported here for the callers of this service.
__all__ = [
    "MAX_NEED_LENGTH",
    "SOURCE_ORDER",
    "SOZIALRAUM_QUESTION",
    "ConsultationInput",
    "ConsultationView",
    "IdeaInput",
    "IdeaView",
    "NeedView",
    "close_problems",
    "idea_problems",
    "need_key",
    "need_problems",
]
