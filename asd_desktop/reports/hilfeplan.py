"""The printed Hilfeplan (§ 36 SGB VIII): what everyone present signs after the Hilfeplangespräch.

Written for the family and the young person first: plain headings, the young
person's own words in a box marked as theirs, the Handlungsziele adopted from the
family's Zielvereinbarung (with how they went since the last Hilfeplangespräch),
the help and its scope, who does what by when, the next date, and a signature
line for everyone who took part.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from asd_desktop.domain.office import Office
from asd_desktop.reports.common import (
    Built,
    Furniture,
    Paragraph,
    Styles,
    boxed,
    build_simple,
    facts,
    german_date,
    heading,
    numbered,
    office_block,
    render_twice,
    signature_block,
    signatures,
    styles,
    who_what_when,
)
from asd_desktop.reports.common import text as _text

TITLE = "Hilfeplan"


@dataclass(frozen=True)
class ReviewPrint:
    """How a Handlungsziel stood at one review."""

    reviewed_on: dt.date
    status: str
    comment: str = ""


@dataclass(frozen=True)
class PlanGoalPrint:
    """A Handlungsziel adopted by the Hilfeplan (its own words from the Zielvereinbarung)."""

    text: str
    indicator: str = ""
    due_on: dt.date | None = None
    involved: str = ""
    #: The reviews since the previous Hilfeplangespräch, oldest first (status in German).
    reviews: tuple[ReviewPrint, ...] = ()


@dataclass(frozen=True)
class PlanTaskPrint:
    """Who does what by when."""

    who: str
    what: str
    due_on: dt.date | None = None


@dataclass(frozen=True)
class PlanParticipant:
    """Someone who took part and signs."""

    name: str
    role: str = ""


@dataclass(frozen=True)
class HilfeplanPrint:
    """Everything the printed Hilfeplan shows."""

    file_number: str
    family_name: str
    held_on: dt.date
    participants: tuple[PlanParticipant, ...]
    place: str = ""
    caseworker: str = ""
    young_person_name: str = ""
    young_person_words: str = ""
    #: "Sozialpädagogische Familienhilfe (§ 31)"; empty without a help.
    help_kind: str = ""
    provider: str = ""
    help_period: str = ""
    help_hours: str = ""
    agreed_help_scope: str = ""
    goals: tuple[PlanGoalPrint, ...] = ()
    tasks: tuple[PlanTaskPrint, ...] = ()
    next_on: dt.date | None = None
    previous_held_on: dt.date | None = None
    notes: str = ""
    office: Office = field(default_factory=Office)


def _facts(st: Styles, data: HilfeplanPrint) -> Flowable:
    rows = [
        ("Familie", data.family_name),
        ("Aktenzeichen", data.file_number),
        ("Datum", german_date(data.held_on)),
    ]
    if data.place.strip():
        rows.append(("Ort", data.place))
    if data.previous_held_on is not None:
        rows.append(("Voriges Gespräch", german_date(data.previous_held_on)))
    return facts(st, rows, label_width=45 * mm)


def _participants(st: Styles, data: HilfeplanPrint) -> list[Flowable]:
    lines = [
        Paragraph(
            _text(p.name) + (f" – {escape(p.role)}" if p.role.strip() else ""),
            st.bullet,
            bulletText="•",
        )
        for p in data.participants
    ]
    return [heading(st, "Wer dabei war", "Beteiligte"), *lines]


def _young_person(st: Styles, data: HilfeplanPrint) -> list[Flowable]:
    if not data.young_person_words.strip():
        return []
    who = data.young_person_name.strip() or "das Kind / der junge Mensch"
    inner: list[Flowable] = [
        Paragraph(f"So hat es {_text(who)} selbst gesagt:", st.label),
        Paragraph(f"„{_text(data.young_person_words)}“", st.box),
        Paragraph(
            "Diese Worte sind die eigenen Worte des Kindes / jungen Menschen; sie wurden "
            "nicht verändert.",
            st.small,
        ),
    ]
    return [
        KeepTogether(
            [heading(st, "Was mir wichtig ist", "Beteiligung nach § 36 SGB VIII"), boxed(inner)]
        )
    ]


def _goal(st: Styles, number: int, goal: PlanGoalPrint) -> Flowable:
    rows: list[tuple[str, str]] = [("Woran merken wir es?", _text(goal.indicator))]
    if goal.due_on is not None:
        rows.append(("Bis wann?", german_date(goal.due_on)))
    if goal.involved.strip():
        rows.append(("Wer macht mit?", _text(goal.involved)))
    if goal.reviews:
        history = "<br/>".join(
            f"{german_date(r.reviewed_on)}: {escape(r.status)}"
            + (f" – {_text(r.comment)}" if r.comment.strip() else "")
            for r in goal.reviews
        )
        rows.append(("Seit dem letzten Gespräch", history))
    return numbered(st, number, goal.text, rows)


def _goals(st: Styles, data: HilfeplanPrint) -> list[Flowable]:
    if not data.goals:
        return []
    title = heading(st, "Unsere Ziele", "Handlungsziele aus der Zielvereinbarung")
    blocks = [_goal(st, n, g) for n, g in enumerate(data.goals, start=1)]
    return [KeepTogether([title, blocks[0]]), *blocks[1:]]


def _help(st: Styles, data: HilfeplanPrint) -> list[Flowable]:
    rows: list[tuple[str, str]] = []
    if data.help_kind:
        rows.append(("Hilfe", data.help_kind))
    if data.provider.strip():
        rows.append(("Träger", data.provider))
    if data.help_period:
        rows.append(("Zeitraum", data.help_period))
    if data.help_hours:
        rows.append(("Umfang", data.help_hours))
    if data.agreed_help_scope.strip():
        rows.append(("Vereinbart", data.agreed_help_scope))
    out: list[Flowable] = [heading(st, "Welche Hilfe wir vereinbart haben", "Hilfe und Umfang")]
    if rows:
        out.append(facts(st, rows, label_width=45 * mm))
    if len(out) == 1:
        out.append(Paragraph("Es wurde keine Hilfe vereinbart.", st.body))
    return [KeepTogether(out)]


def _tasks(st: Styles, data: HilfeplanPrint) -> list[Flowable]:
    if not data.tasks:
        return []
    grid = who_what_when(st, [(t.who, t.what, t.due_on) for t in data.tasks])
    return [CondPageBreak(25 * mm), heading(st, "Wer macht was bis wann?", "Aufgaben"), grid]


def _next(st: Styles, data: HilfeplanPrint) -> list[Flowable]:
    if data.next_on is None:
        return []
    return [
        KeepTogether(
            [
                heading(st, "Wann wir uns wieder treffen", "nächstes Hilfeplangespräch"),
                Paragraph(
                    f"Das nächste Hilfeplangespräch ist am <b>{german_date(data.next_on)}</b>. "
                    "Dann schauen wir gemeinsam, was sich verändert hat.",
                    st.body,
                ),
            ]
        )
    ]


def _signatures(st: Styles, data: HilfeplanPrint, lead: list[Flowable]) -> list[Flowable]:
    blocks = [signature_block(st, p.name, p.role) for p in data.participants]
    names = {p.name.strip() for p in data.participants}
    if data.caseworker.strip() and data.caseworker.strip() not in names:
        blocks.append(
            signature_block(st, data.caseworker, "Fachkraft im Allgemeinen Sozialen Dienst")
        )
    intro = Paragraph(
        f"Wir haben den Hilfeplan am {german_date(data.held_on)} gemeinsam besprochen und "
        "sind damit einverstanden. Alle Beteiligten bekommen eine Kopie.",
        st.body,
    )
    return signatures(st, intro, blocks, lead=lead)


def _story(data: HilfeplanPrint) -> list[Flowable]:
    st = styles()
    parts: list[Flowable] = [
        *(office_block(st, data.office) if not data.office.is_empty else []),
        Paragraph(TITLE, st.title),
        Paragraph(
            "Hier steht, was wir im Hilfeplangespräch (§ 36 SGB VIII) gemeinsam besprochen "
            "und vereinbart haben.",
            st.body,
        ),
        Spacer(1, 2 * mm),
        _facts(st, data),
        *_participants(st, data),
        *_young_person(st, data),
        *_goals(st, data),
        *_help(st, data),
        *_tasks(st, data),
    ]
    if data.notes.strip():
        parts += [heading(st, "Weitere Absprachen"), Paragraph(_text(data.notes), st.body)]
    lead = _next(st, data)
    return [*parts, *_signatures(st, data, lead)]


def render_hilfeplan(data: HilfeplanPrint) -> bytes:
    """The Hilfeplan as a PDF (A4, the shipped fonts embedded); same input, same bytes."""

    def build(total: int | None) -> Built:
        furniture = Furniture(TITLE, data.file_number, data.family_name, total)
        return build_simple(_story(data), TITLE, furniture)

    return render_twice(build)


__all__ = [
    "HilfeplanPrint",
    "PlanGoalPrint",
    "PlanParticipant",
    "PlanTaskPrint",
    "ReviewPrint",
    "render_hilfeplan",
]
