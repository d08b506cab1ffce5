"""The Kollegiale Beratung's protocol as the wizard and the service see it, and its rules.

Pure Python: the order in which ideas are collected, what an idea or a need
needs, and what is missing before the protocol can be closed
(:func:`close_problems`, as typed problems on the wizard's pages:
:class:`ConsultationProcess`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from asd_desktop.domain.enums import IdeaSource
from asd_desktop.domain.guided import GuidedProcess, Page, Problem

#: The sources of ideas in the order the method asks for them.
SOURCE_ORDER: tuple[IdeaSource, ...] = (
    IdeaSource.PERSON,
    IdeaSource.SURROUNDINGS,
    IdeaSource.SOCIAL_SPACE,
    IdeaSource.PROFESSIONAL,
)


#: The question the team answers after deciding a Hilfe zur Erziehung (verbatim).
SOZIALRAUM_QUESTION = (
    "Welche Angebote bräuchten wir zukünftig im Sozialraum, damit die soeben beschlossene "
    "Hilfe ergänzt werden könnte oder weniger intensiv notwendig wäre?"
)

MAX_NEED_LENGTH = 300


def need_key(text: str) -> str:
    """How needs are grouped: trimmed, case-insensitive, ß = ss, whitespace folded."""
    return " ".join(text.casefold().replace("ß", "ss").split())


@dataclass(frozen=True)
class ConsultationInput:
    """The protocol's own fields (ideas and needs are separate rows)."""

    held_on: dt.date
    presenter: str = ""
    participants: str = ""
    family_goals: str = ""
    question: str = ""
    selection: str = ""
    hze_decided: bool = False
    hze_kind: str = ""
    #: An optional free note to the Sozialraum question (the needs are rows).
    sozialraum_answer: str = ""


@dataclass(frozen=True)
class IdeaInput:
    """One idea of the Ideenpaket."""

    source: IdeaSource
    text: str
    selected: bool = False


@dataclass(frozen=True)
class IdeaView(IdeaInput):
    """A stored idea."""

    id: str = ""


@dataclass(frozen=True)
class NeedView:
    """One stored need (an offer the Sozialraum lacks)."""

    id: str
    need: str


@dataclass(frozen=True)
class ConsultationView:
    """A consultation protocol with everything recorded so far."""

    id: str
    case_id: str
    file_number: str
    family_name: str
    fields: ConsultationInput
    closed: bool
    ideas: tuple[IdeaView, ...] = ()
    needs: tuple[NeedView, ...] = ()

    def ideas_by_source(self) -> dict[IdeaSource, tuple[IdeaView, ...]]:
        """The ideas per source, in the method's order (every source present)."""
        return {src: tuple(i for i in self.ideas if i.source is src) for src in SOURCE_ORDER}

    @property
    def selected_ideas(self) -> tuple[IdeaView, ...]:
        """The ideas the team chose, in the method's order."""
        return tuple(
            i for src in SOURCE_ORDER for i in self.ideas if i.source is src and i.selected
        )


def idea_problems(value: IdeaInput) -> dict[str, str]:
    """Why an idea cannot be stored."""
    if not value.text.strip():
        return {"text": "Bitte die Idee kurz beschreiben."}
    return {}


def need_problems(text: str, existing: tuple[str, ...] = ()) -> dict[str, str]:
    """Why a need cannot be stored (``existing``: the consultation's needs so far)."""
    if not text.strip():
        return {"need": "Bitte das fehlende Angebot kurz benennen."}
    if len(text.strip()) > MAX_NEED_LENGTH:
        return {"need": f"Bitte kürzer fassen (höchstens {MAX_NEED_LENGTH} Zeichen)."}
    if need_key(text) in {need_key(e) for e in existing}:
        return {"need": "Dieser Bedarf steht schon in der Liste."}
    return {}


def close_problems(view: ConsultationView) -> dict[str, str]:
    """Why the protocol cannot be closed yet."""
    f = view.fields
    p: dict[str, str] = {}
    if not f.presenter.strip():
        p["presenter"] = "Bitte eintragen, wer den Fall vorstellt."
    if not f.question.strip():
        p["question"] = "Bitte die Frage an das Team eintragen."
    if not view.ideas:
        p["ideas"] = "Bitte mindestens eine Idee sammeln."
    if not view.selected_ideas and not f.selection.strip():
        p["selection"] = "Bitte festhalten, welche Ideen ausgewählt wurden."
    if f.hze_decided:
        if not f.hze_kind.strip():
            p["hze_kind"] = "Bitte die Art der beschlossenen Hilfe zur Erziehung angeben."
        if not view.needs:
            p["needs"] = (
                "Eine Hilfe zur Erziehung wurde beschlossen: Das Protokoll kann erst "
                "abgeschlossen werden, wenn das Team die Frage beantwortet hat: „"
                + SOZIALRAUM_QUESTION
                + "“ (mindestens ein Bedarf)."
            )
    return p


# --- the wizard as a guided process ------------------------------------------------------

#: The wizard's pages: Vorstellung, Frage, the four Ideen pages, Auswahl, Sozialraum, Abschluss.
PAGE_PRESENTATION, PAGE_QUESTION = 0, 1
PAGE_IDEAS: dict[IdeaSource, int] = {source: 2 + n for n, source in enumerate(SOURCE_ORDER)}
PAGE_SELECTION, PAGE_SOZIALRAUM, PAGE_SUMMARY = 6, 7, 8

CONSULTATION_PAGES: tuple[Page, ...] = (
    Page(
        PAGE_PRESENTATION, "Vorstellung", ("held_on", "presenter", "participants", "family_goals")
    ),
    Page(PAGE_QUESTION, "Frage an das Team", ("question",)),
    *(
        Page(
            PAGE_IDEAS[source],
            f"Ideen {n} von 4: {source.label}",
            ("ideas",) if n == 1 else (),
        )
        for n, source in enumerate(SOURCE_ORDER, start=1)
    ),
    Page(PAGE_SELECTION, "Auswahl", ("selection", "hze_decided", "hze_kind")),
    Page(PAGE_SOZIALRAUM, "Sozialraum", ("needs",)),
    Page(PAGE_SUMMARY, "Abschluss", ()),
)


class ConsultationProcess(GuidedProcess[ConsultationView]):
    """The Kollegiale Beratung as a guided process: every page may be left, closing is the gate."""

    name = "Kollegiale Beratung"
    pages = CONSULTATION_PAGES

    def page_problems(self, page_id: int, state: ConsultationView) -> tuple[Problem, ...]:
        """No page blocks "Weiter": the team may collect in any order."""
        return ()

    def closing_problems(self, state: ConsultationView) -> tuple[Problem, ...]:
        """:func:`close_problems`, each on the page where it can be fixed."""
        return tuple(
            Problem(self.page_of(name), name, message)
            for name, message in close_problems(state).items()
        )


CONSULTATION = ConsultationProcess()
