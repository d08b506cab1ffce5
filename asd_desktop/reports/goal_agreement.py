"""The printed Zielvereinbarung: what the family and the caseworker sign on site.

Written for the family, not for the file: plain words, the family's own
sentences, one numbered goal after another, and a signature line for everyone
present. The method's terms (Richtungsziel, Handlungsziel, Ressourcen) appear
only small, next to plain headings.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from asd_desktop.models.enums import ResourceKind
from asd_desktop.reports.fonts import register_fonts

TITLE = "Zielvereinbarung"
PRODUCER = "asd-desktop"

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 22 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
NUMBER_WIDTH = 10 * mm
LABEL_WIDTH = 50 * mm
SIGNATURE_WIDTH = 75 * mm

INK = colors.HexColor("#1a1a1a")
ACCENT = colors.HexColor("#1f4e79")
MUTED = colors.HexColor("#5f6368")
RULE = colors.HexColor("#b0b7bf")
TINT = colors.HexColor("#eef3f8")

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


def german_date(value: dt.date) -> str:
    """A date as printed: 24.11.2026."""
    return value.strftime("%d.%m.%Y")


def goal_list(numbers: Sequence[int]) -> str:
    """``(1, 3)`` as "Ziel 1 und 3", ``(1, 2, 3)`` as "Ziel 1, 2 und 3" (as people say it)."""
    parts = [str(n) for n in numbers]
    if not parts:
        return ""
    text = parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} und {parts[-1]}"
    return f"Ziel {text}"


# --- styles ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    title: ParagraphStyle
    heading: ParagraphStyle
    goal: ParagraphStyle
    label: ParagraphStyle
    box: ParagraphStyle
    sign_name: ParagraphStyle
    bullet: ParagraphStyle
    subheading: ParagraphStyle


def _styles() -> _Styles:
    regular, bold = register_fonts()
    body = ParagraphStyle(
        "body",
        fontName=regular,
        fontSize=10.5,
        leading=15,
        textColor=INK,
        alignment=TA_LEFT,
        spaceAfter=4,
        bulletFontName=regular,
    )
    return _Styles(
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=8.5, leading=11, textColor=MUTED),
        title=ParagraphStyle(
            "title", parent=body, fontName=bold, fontSize=22, leading=27, textColor=ACCENT
        ),
        heading=ParagraphStyle(
            "heading",
            parent=body,
            fontName=bold,
            fontSize=13,
            leading=17,
            textColor=ACCENT,
            spaceBefore=12,
            spaceAfter=5,
        ),
        goal=ParagraphStyle("goal", parent=body, fontName=bold, fontSize=11, leading=15.5),
        label=ParagraphStyle("label", parent=body, fontName=bold, textColor=MUTED, spaceAfter=0),
        box=ParagraphStyle("box", parent=body, fontName=bold, fontSize=12, leading=17),
        sign_name=ParagraphStyle("sign_name", parent=body, spaceAfter=0),
        subheading=ParagraphStyle(
            "subheading", parent=body, fontName=bold, textColor=MUTED, spaceBefore=4, spaceAfter=2
        ),
        bullet=ParagraphStyle("bullet", parent=body, leftIndent=12, bulletIndent=2, spaceAfter=3),
    )


def _text(value: str) -> str:
    """Free text as Paragraph markup: escaped, line breaks kept."""
    return "<br/>".join(escape(line) for line in value.strip().splitlines())


def _table(
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    style: Sequence[tuple[Any, ...]],
    **kwargs: Any,  # noqa: ANN401
) -> Table:
    """A left-aligned table; its cell font is DejaVu too (reportlab's default is Helvetica)."""
    regular, _ = register_fonts()
    table = Table([list(r) for r in rows], colWidths=list(widths), hAlign="LEFT", **kwargs)
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), regular, 10.5), *style]))
    return table


# --- page furniture ----------------------------------------------------------------------


@dataclass(frozen=True)
class _Furniture:
    """Header and footer of every page; ``total`` is known from a first layout pass."""

    file_number: str
    family_name: str
    total: int | None = None

    def draw(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        regular, _ = register_fonts()
        header_left = f"{TITLE} · Familie {self.family_name}" if self.family_name else TITLE
        number = canvas.getPageNumber()
        canvas.saveState()
        canvas.setFillColor(MUTED)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.setFont(regular, 8.5)
        top = PAGE_HEIGHT - 14 * mm
        canvas.drawString(MARGIN_X, top, header_left)
        canvas.drawRightString(PAGE_WIDTH - MARGIN_X, top, f"Aktenzeichen: {self.file_number}")
        canvas.line(MARGIN_X, top - 2.5 * mm, PAGE_WIDTH - MARGIN_X, top - 2.5 * mm)
        bottom = 12 * mm
        canvas.line(MARGIN_X, bottom + 4 * mm, PAGE_WIDTH - MARGIN_X, bottom + 4 * mm)
        canvas.drawString(MARGIN_X, bottom, f"Aktenzeichen: {self.file_number}")
        page = f"Seite {number} von {self.total}" if self.total else f"Seite {number}"
        canvas.drawRightString(PAGE_WIDTH - MARGIN_X, bottom, page)
        canvas.restoreState()


# --- the story ---------------------------------------------------------------------------


def _heading(st: _Styles, plain: str, term: str = "") -> Paragraph:
    extra = f' <font size="9" color="#5f6368">({escape(term)})</font>' if term else ""
    return Paragraph(escape(plain) + extra, st.heading)


def _facts(st: _Styles, data: AgreementPrint) -> Table:
    rows = [
        ("Familie", data.family_name),
        ("Aktenzeichen", data.file_number),
        ("Datum", german_date(data.agreed_on)),
    ]
    if data.place.strip():
        rows.append(("Ort", data.place))
    return _table(
        [[Paragraph(escape(k), st.label), Paragraph(_text(v), st.body)] for k, v in rows],
        [32 * mm, CONTENT_WIDTH - 32 * mm],
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ],
    )


def _boxed(content: Sequence[Flowable]) -> Table:
    return _table(
        [[list(content)]],
        [CONTENT_WIDTH],
        [
            ("BACKGROUND", (0, 0), (-1, -1), TINT),
            ("LINEBEFORE", (0, 0), (0, -1), 3, ACCENT),
            ("LEFTPADDING", (0, 0), (-1, -1), 10),
            ("RIGHTPADDING", (0, 0), (-1, -1), 10),
            ("TOPPADDING", (0, 0), (-1, -1), 8),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ],
    )


def _concern(st: _Styles, data: AgreementPrint) -> list[Flowable]:
    out: list[Flowable] = [_heading(st, "Worum es geht", "Anliegen")]
    if data.concern_by.strip():
        out.append(Paragraph(f"Das hat {_text(data.concern_by)} gesagt:", st.label))
    out.append(Paragraph(f"„{_text(data.concern)}“", st.body))
    return out


def _will(st: _Styles, data: AgreementPrint) -> list[Flowable]:
    out: list[Flowable] = [_heading(st, "Was wir verändern wollen", "Wille")]
    out.append(Paragraph(_text(data.will), st.body))
    if data.priority.strip():
        out.append(Paragraph("Das ist uns jetzt am wichtigsten:", st.label))
        out.append(Paragraph(_text(data.priority), st.body))
    return out


def _direction(st: _Styles, data: AgreementPrint) -> list[Flowable]:
    inner: list[Flowable] = [Paragraph(_text(data.direction_goal), st.box)]
    if data.direction_people.strip():
        inner.append(
            Paragraph(f"Das ist das Ziel von: {_text(data.direction_people)}", st.sign_name)
        )
    return [KeepTogether([_heading(st, "Unser gemeinsames Ziel", "Richtungsziel"), _boxed(inner)])]


def _goal(st: _Styles, number: int, goal: GoalPrint) -> Flowable:
    rows: list[tuple[str, str]] = [("Woran merken wir es?", goal.indicator)]
    if goal.due_on is not None:
        rows.append(("Bis wann?", german_date(goal.due_on)))
    if goal.involved.strip():
        rows.append(("Wer macht mit?", goal.involved))
    details = _table(
        [[Paragraph(escape(k), st.label), Paragraph(_text(v), st.body)] for k, v in rows],
        [LABEL_WIDTH, CONTENT_WIDTH - NUMBER_WIDTH - LABEL_WIDTH],
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ],
    )
    return _table(
        [
            [
                Paragraph(f"{number}.", st.goal),
                [Paragraph(_text(goal.text), st.goal), Spacer(1, 2), details],
            ]
        ],
        [NUMBER_WIDTH, CONTENT_WIDTH - NUMBER_WIDTH],
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
        ],
    )


def _goals(st: _Styles, data: AgreementPrint) -> list[Flowable]:
    if not data.goals:
        return []
    heading = _heading(st, "Unsere Ziele, Schritt für Schritt", "Handlungsziele")
    blocks = [_goal(st, n, g) for n, g in enumerate(data.goals, start=1)]
    # The heading never stands alone at the bottom of a page.
    return [KeepTogether([heading, blocks[0]]), *blocks[1:]]


def _resources(st: _Styles, data: AgreementPrint) -> list[Flowable]:
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
            group.append(_heading(st, "Was uns dabei hilft", "Ressourcen"))
            first = False
        group.append(Paragraph(escape(RESOURCE_HEADINGS[kind]), st.subheading))
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


def _steps(st: _Styles, data: AgreementPrint) -> list[Flowable]:
    if not data.steps:
        return []
    header: list[Flowable] = [Paragraph(h, st.label) for h in ("Wer?", "Was?", "Bis wann?")]
    rows: list[list[Flowable]] = [header]
    for s in data.steps:
        rows.append(
            [
                Paragraph(_text(s.who), st.body),
                Paragraph(_text(s.what), st.body),
                Paragraph(german_date(s.due_on) if s.due_on else "–", st.body),
            ]
        )
    table = _table(
        rows,
        [45 * mm, CONTENT_WIDTH - 45 * mm - 26 * mm, 26 * mm],
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
            ("LINEBELOW", (0, 1), (-1, -1), 0.5, RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ],
        repeatRows=1,
    )
    heading = _heading(st, "Die ersten Schritte", "Ideen und erste Schritte")
    return [CondPageBreak(40 * mm), heading, table]


def _review(st: _Styles, data: AgreementPrint) -> list[Flowable]:
    if data.review_on is None:
        return []
    return [
        KeepTogether(
            [
                _heading(st, "Wann sprechen wir wieder darüber?", "Überprüfung"),
                Paragraph(
                    f"Am <b>{german_date(data.review_on)}</b> schauen wir gemeinsam, was schon "
                    "gut klappt und was wir noch ändern wollen.",
                    st.body,
                ),
            ]
        )
    ]


def _signature_block(st: _Styles, name: str, role: str = "") -> list[Flowable]:
    line = _table(
        [[""]],
        [SIGNATURE_WIDTH],
        [("LINEBELOW", (0, 0), (-1, -1), 0.8, INK), ("LEFTPADDING", (0, 0), (-1, -1), 0)],
        rowHeights=[16 * mm],
    )
    out: list[Flowable] = [line, Paragraph(_text(name), st.sign_name)]
    if role:
        out.append(Paragraph(escape(role), st.small))
    out.append(Paragraph("Datum, Unterschrift", st.small))
    return out


def _signatures(st: _Styles, data: AgreementPrint) -> list[Flowable]:
    blocks = [_signature_block(st, p) for p in data.present]
    blocks.append(_signature_block(st, data.caseworker, "Fachkraft im Allgemeinen Sozialen Dienst"))
    rows = [
        [blocks[i], blocks[i + 1] if i + 1 < len(blocks) else ""] for i in range(0, len(blocks), 2)
    ]
    table = _table(
        rows,
        [CONTENT_WIDTH / 2] * 2,
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ],
    )
    intro = Paragraph(
        f"Wir haben die Zielvereinbarung vom {german_date(data.agreed_on)} gemeinsam "
        "besprochen und sind damit einverstanden. Jede und jeder bekommt eine Kopie.",
        st.body,
    )
    return [KeepTogether([_heading(st, "Unterschriften"), intro, table])]


def _story(data: AgreementPrint) -> list[Flowable]:
    st = _styles()
    parts: Iterable[Flowable] = [
        Paragraph(TITLE, st.title),
        Paragraph("Hier steht, was wir gemeinsam besprochen und vereinbart haben.", st.body),
        Spacer(1, 2 * mm),
        _facts(st, data),
        Spacer(1, 1 * mm),
        *_concern(st, data),
        *_will(st, data),
        *_direction(st, data),
        *_goals(st, data),
        *_resources(st, data),
        *_steps(st, data),
        *_review(st, data),
        *_signatures(st, data),
    ]
    return list(parts)


def render_goal_agreement(data: AgreementPrint) -> bytes:
    """The Zielvereinbarung as a PDF (A4, DejaVu Sans embedded).

    The same input gives the same bytes: the PDF carries no creation time and no
    random document id, so a stored copy can be compared with a new print.
    """
    first = _build(data, _Furniture(data.file_number, data.family_name))
    # Second pass: the same layout, now with the page count in every footer.
    return _build(data, _Furniture(data.file_number, data.family_name, first.pages)).content


@dataclass(frozen=True)
class _Built:
    content: bytes
    pages: int


def _build(data: AgreementPrint, furniture: _Furniture) -> _Built:
    regular, _ = register_fonts()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        # The metadata names no one: a file manager or viewer shows only these.
        title=TITLE,
        author=PRODUCER,
        creator=PRODUCER,
        subject="",
        lang="de-DE",
        invariant=1,
        initialFontName=regular,
    )
    doc.build(_story(data), onFirstPage=furniture.draw, onLaterPages=furniture.draw)
    return _Built(buffer.getvalue(), doc.page)


__all__ = [
    "RESOURCE_HEADINGS",
    "AgreementPrint",
    "GoalPrint",
    "ResourcePrint",
    "StepPrint",
    "goal_list",
    "render_goal_agreement",
]
