"""The printed Zielvereinbarung: what the family and the caseworker sign on site.

Written for the family, not for the file: plain words, the family's own
sentences, one numbered goal after another, and a signature line for everyone
present. The method's terms (Richtungsziel, Handlungsziel, Ressourcen) appear
only small, next to plain headings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Spacer,
)

from asd_desktop.domain.enums import ResourceKind
from asd_desktop.domain.german import unbreakable, verb_for
from asd_desktop.domain.office import Office
from asd_desktop.reports.bilingual import Bilingual
from asd_desktop.reports.common import (
    CONTENT_WIDTH,
    Built,
    Furniture,
    Paragraph,
    Styles,
    boxed,
    build_simple,
    facts,
    german_date,
    numbered,
    office_block,
    render_twice,
    signature_block,
    signatures,
    styles,
    table,
    who_what_when,
)
from asd_desktop.reports.common import text as _text

TITLE = "Zielvereinbarung"

#: Plain headings for the four kinds of resources, the method's word in brackets.
RESOURCE_HEADINGS: dict[ResourceKind, str] = {
    ResourceKind.PERSONAL: "Was wir selbst gut können (persönlich)",
    ResourceKind.SOCIAL: "Wer uns hilft: Familie, Freunde, Nachbarn (sozial)",
    ResourceKind.MATERIAL: "Was wir haben (materiell)",
    ResourceKind.SOCIAL_SPACE: "Angebote im Stadtteil (sozialräumlich)",
}


# --- what the document shows -------------------------------------------------------------


@dataclass(frozen=True)
class GoalPrint:
    """One Handlungsziel as printed."""

    text: str
    indicator: str
    due_on: dt.date | None
    involved: str


@dataclass(frozen=True)
class ResourcePrint:
    """One resource as printed, with the numbers (1-based) of the goals it helps."""

    kind: ResourceKind
    description: str
    helps: tuple[int, ...] = ()


@dataclass(frozen=True)
class StepPrint:
    """One first step: who does what by when."""

    who: str
    what: str
    due_on: dt.date | None


@dataclass(frozen=True)
class AgreementPrint:
    """Everything the printed Zielvereinbarung shows, as plain values."""

    file_number: str
    family_name: str
    agreed_on: dt.date
    place: str
    concern: str
    concern_by: str
    will: str
    priority: str
    direction_goal: str
    direction_people: str
    goals: tuple[GoalPrint, ...]
    resources: tuple[ResourcePrint, ...]
    steps: tuple[StepPrint, ...]
    review_on: dt.date | None
    present: tuple[str, ...]
    caseworker: str
    office: Office = field(default_factory=Office)
    #: The family's language for a bilingual print ("tr", "ar" …); "" = German only.
    language: str = ""


def goal_list(numbers: Sequence[int]) -> str:
    """``(1, 3)`` as "Ziel 1 und 3", ``(1, 2, 3)`` as "Ziel 1, 2 und 3" (as people say it)."""
    parts = [str(n) for n in numbers]
    if not parts:
        return ""
    text = parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} und {parts[-1]}"
    return f"Ziel {text}"


# --- the story ---------------------------------------------------------------------------


def _facts(st: Styles, data: AgreementPrint, bi: Bilingual) -> Flowable:
    rows = [
        ("Familie", data.family_name),
        ("Aktenzeichen", data.file_number),
        ("Datum", german_date(data.agreed_on)),
    ]
    if data.place.strip():
        rows.append(("Ort", unbreakable(data.place)))
    if bi.tr is None:
        return facts(st, rows)
    return table(
        [[Paragraph(bi.label(k), st.label), Paragraph(_text(v), st.body)] for k, v in rows],
        [36 * mm, CONTENT_WIDTH - 36 * mm],
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ],
    )


def _concern(st: Styles, data: AgreementPrint, bi: Bilingual) -> list[Flowable]:
    out: list[Flowable] = [bi.heading("Worum es geht", "Anliegen")]
    if data.concern_by.strip():
        said = verb_for(data.concern_by, "hat", "haben")
        out.append(Paragraph(f"Das {said} {_text(data.concern_by)} gesagt:", st.label))
    out.append(Paragraph(f"„{_text(data.concern)}“", st.body))
    return out


def _will(st: Styles, data: AgreementPrint, bi: Bilingual) -> list[Flowable]:
    out: list[Flowable] = [bi.heading("Was wir verändern wollen", "Wille")]
    out.append(Paragraph(_text(data.will), st.body))
    if data.priority.strip():
        out.append(Paragraph(bi.label("Das ist uns jetzt am wichtigsten:"), st.label))
        out.append(Paragraph(_text(data.priority), st.body))
    return out


def _direction(st: Styles, data: AgreementPrint, bi: Bilingual) -> list[Flowable]:
    inner: list[Flowable] = [Paragraph(_text(data.direction_goal), st.box)]
    if data.direction_people.strip():
        inner.append(
            Paragraph(f"Das ist das Ziel von: {_text(data.direction_people)}", st.sign_name)
        )
        if bi.said("Das ist das Ziel von:"):
            inner.append(bi.translated(bi.said("Das ist das Ziel von:")))
    return [KeepTogether([bi.heading("Unser gemeinsames Ziel", "Richtungsziel"), boxed(inner)])]


def _goal(st: Styles, number: int, goal: GoalPrint, bi: Bilingual) -> Flowable:
    rows: list[tuple[str, str]] = [("Woran merken wir es?", _text(goal.indicator))]
    if goal.due_on is not None:
        rows.append(("Bis wann?", german_date(goal.due_on)))
    if goal.involved.strip():
        rows.append(("Wer macht mit?", _text(goal.involved)))
    return numbered(st, number, goal.text, rows, label=bi.label)


def _goals(st: Styles, data: AgreementPrint, bi: Bilingual) -> list[Flowable]:
    if not data.goals:
        return []
    title = bi.heading("Unsere Ziele, Schritt für Schritt", "Handlungsziele")
    blocks = [_goal(st, n, g, bi) for n, g in enumerate(data.goals, start=1)]
    # The heading never stands alone at the bottom of a page.
    return [KeepTogether([title, blocks[0]]), *blocks[1:]]


def _resources(st: Styles, data: AgreementPrint, bi: Bilingual) -> list[Flowable]:
    if not data.resources:
        return []
    out: list[Flowable] = []
    first = True
    for kind in ResourceKind:
        items = [r for r in data.resources if r.kind is kind]
        if not items:
            continue
        group: list[Flowable] = []
        if first:
            group.append(bi.heading("Was uns dabei hilft", "Ressourcen"))
            first = False
        group.append(Paragraph(bi.label(RESOURCE_HEADINGS[kind]), st.subheading))
        for r in items:
            # Non-breaking spaces: the line may break before the dash, never inside.
            helps_text = f"– hilft bei {goal_list(r.helps)}".replace(" ", "\u00a0")
            helps = f' <font color="#5f6368">{helps_text}</font>'
            group.append(
                Paragraph(
                    _text(r.description) + (helps if r.helps else ""),
                    st.bullet,
                    bulletText="•",
                )
            )
        out.append(KeepTogether(group))
    return out


def _steps(st: Styles, data: AgreementPrint, bi: Bilingual) -> list[Flowable]:
    if not data.steps:
        return []
    header = [bi.label(h) for h in ("Wer?", "Was?", "Bis wann?")]
    grid = who_what_when(st, [(s.who, s.what, s.due_on) for s in data.steps], header)
    title = bi.heading("Die ersten Schritte", "Ideen und erste Schritte")
    return [CondPageBreak(40 * mm), title, grid]


def _review(st: Styles, data: AgreementPrint, bi: Bilingual) -> list[Flowable]:
    if data.review_on is None:
        return []
    return [
        KeepTogether(
            [
                bi.heading("Wann sprechen wir wieder darüber?", "Überprüfung"),
                *bi.sentence(
                    f"Am <b>{german_date(data.review_on)}</b> schauen wir gemeinsam, was schon "
                    "gut klappt und was wir noch ändern wollen.",
                    st.body,
                    "Am {date} schauen wir gemeinsam, was schon gut klappt und was wir noch "
                    "ändern wollen.",
                    date=german_date(data.review_on),
                ),
            ]
        )
    ]


def _signatures(
    st: Styles, data: AgreementPrint, bi: Bilingual, lead: Sequence[Flowable] = ()
) -> list[Flowable]:
    role = "Fachkraft im Allgemeinen Sozialen Dienst"
    blocks = [signature_block(st, p, translate=bi.said) for p in data.present]
    blocks.append(signature_block(st, data.caseworker, role, translate=bi.said))
    german = (
        "Wir haben die Zielvereinbarung vom {date} gemeinsam besprochen und sind damit "
        "einverstanden. Jede und jeder bekommt eine Kopie."
    )
    date = german_date(data.agreed_on)
    intro: list[Flowable] = bi.sentence(
        escape(german.format(date=date)), st.body, german, date=date
    )
    title = bi.heading("Unterschriften")
    return signatures(st, intro, blocks, lead=lead, heading_flowable=title)


def _story(data: AgreementPrint) -> list[Flowable]:
    st = styles()
    bi = Bilingual(st, data.language)
    title: list[Flowable] = [Paragraph(TITLE, st.title)]
    if bi.said(TITLE):
        title.append(bi.translated(bi.said(TITLE), bold=True))
    parts: list[Flowable] = [
        *(office_block(st, data.office) if not data.office.is_empty else []),
        *title,
        *bi.sentence("Hier steht, was wir gemeinsam besprochen und vereinbart haben.", st.body),
        *bi.note(),
        Spacer(1, 2 * mm),
        _facts(st, data, bi),
        Spacer(1, 1 * mm),
        *_concern(st, data, bi),
        *_will(st, data, bi),
        *_direction(st, data, bi),
        *_goals(st, data, bi),
        *_resources(st, data, bi),
        *_steps(st, data, bi),
        *_review(st, data, bi),
    ]
    # The last section goes with the signatures: they never stand alone on a page
    # (and a heading goes with the section it heads).
    lead = [parts.pop()]
    last_style = getattr(parts[-1], "style", None)
    if last_style is not None and last_style.name == "heading":
        lead.insert(0, parts.pop())
    return [*parts, *_signatures(st, data, bi, lead)]


def render_goal_agreement(data: AgreementPrint) -> bytes:
    """The Zielvereinbarung as a PDF (A4, DejaVu Sans embedded).

    The same input gives the same bytes: the PDF carries no creation time and no
    random document id, so a stored copy can be compared with a new print.
    """

    def build(total: int | None) -> Built:
        furniture = Furniture(TITLE, data.file_number, data.family_name, total)
        return build_simple(_story(data), TITLE, furniture)

    return render_twice(build)


__all__ = [
    "RESOURCE_HEADINGS",
    "AgreementPrint",
    "GoalPrint",
    "ResourcePrint",
    "StepPrint",
    "goal_list",
    "render_goal_agreement",
]
