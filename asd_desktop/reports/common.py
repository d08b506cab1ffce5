"""What every printed document shares: A4 page, DejaVu styles, header, footer, two passes.

The Zielvereinbarung and the Familienrat's documents look alike on purpose: the
same fonts, colours, headings, signature lines and "Seite X von Y" footer, and
the same rule that the PDF's metadata names no one.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape, unescape

from reportlab import platypus
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    KeepTogether,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from asd_desktop.domain.german import MONTHS, WEEKDAYS
from asd_desktop.domain.office import Office
from asd_desktop.reports import fonts
from asd_desktop.reports.fonts import register_fonts
from asd_desktop.reports.proof import draw_placeholder
from asd_desktop.reports.signing import SignatureSpot

PRODUCER = "asd-desktop"

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 22 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
SIGNATURE_WIDTH = 75 * mm
#: The number column and the label column of a numbered item.
NUMBER_WIDTH = 10 * mm
LABEL_WIDTH = 50 * mm

INK = colors.HexColor("#1a1a1a")
ACCENT = colors.HexColor("#1f4e79")
MUTED = colors.HexColor("#5f6368")
RULE = colors.HexColor("#b0b7bf")
TINT = colors.HexColor("#eef3f8")


def german_date(value: dt.date) -> str:
    """A date as printed: 24.11.2026."""
    return value.strftime("%d.%m.%Y")


def long_german_date(value: dt.date) -> str:
    """A date as people say it, independent of the system locale: Dienstag, 24. November 2026."""
    return f"{WEEKDAYS[value.weekday()]}, {value.day}. {MONTHS[value.month - 1]} {value.year}"


def german_time(value: dt.datetime) -> str:
    """A time of day as printed: 14:30 Uhr."""
    return f"{value:%H:%M} Uhr"


def german_number(value: float) -> str:
    """A number of hours as printed: 27,5 (no trailing ",0")."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


_ONLY_BREAKS = re.compile(r"^(?:[^<]|<br/>)*$")


class Paragraph(platypus.Paragraph):
    """reportlab's Paragraph that prints every script.

    Runs DejaVu lacks get their fallback font, Arabic is shaped, right-to-left runs
    are put in visual order, and Devanagari turns on HarfBuzz shaping for this
    paragraph (see :mod:`asd_desktop.reports.fonts`). A paragraph written mostly
    right to left (a family's words in Arabic) is broken into lines in logical order
    before each line is put in visual order, so it reads top down; over several lines
    it is right-aligned (a name stays where names stand).
    """

    def __init__(
        self,
        text: str | None,
        style: ParagraphStyle | None = None,
        *args: Any,  # noqa: ANN401
        **kwargs: Any,  # noqa: ANN401
    ) -> None:
        self._rtl_source: str | None = None
        self._rtl_width = -1.0
        self._rtl_args = (args, kwargs)
        if text is not None:  # None: reportlab splitting a laid-out paragraph
            plain = unescape(text.replace("<br/>", "\n"))
            if (
                style is not None
                and not text.isascii()
                and _ONLY_BREAKS.match(text)
                and fonts.is_rtl(plain)
            ):
                self._rtl_source = plain
            shaped = not text.isascii() and fonts.needs_shaping(text)
            if shaped and style is not None:
                style = ParagraphStyle(f"{style.name}-shaped", parent=style, shaping=1)
            text = fonts.script_markup(text, harfbuzz=shaped)
        super().__init__(text, style, *args, **kwargs)  # type: ignore[arg-type]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        """Lay out; a right-to-left paragraph is first broken into lines for this width."""
        if self._rtl_source is not None and availWidth != self._rtl_width:
            self._rtl_width = availWidth
            style = self._rtl_style = getattr(self, "_rtl_style", self.style)
            lines = _rtl_lines(self._rtl_source, style, availWidth - 2)
            if len(lines) > 1:  # a sentence over several lines: set from the right
                style = ParagraphStyle(f"{style.name}-rtl", parent=style, alignment=TA_RIGHT)
            markup = "<br/>".join(fonts.script_markup(escape(line)) for line in lines)
            args, kwargs = self._rtl_args
            platypus.Paragraph.__init__(self, markup, style, *args, **kwargs)
        return super().wrap(availWidth, availHeight)


def _rtl_lines(value: str, style: ParagraphStyle, width: float) -> list[str]:
    """``value`` broken into lines that fit ``width``, in logical order."""
    size = style.fontSize
    bold = style.fontName == fonts.BOLD

    def measure(words: str) -> float:
        shown = fonts.visual("NotoSansArabic", words)
        total = 0.0
        for run_font, chunk in fonts.runs(shown):
            name = (
                style.fontName if run_font == fonts.REGULAR else fonts.register_fallback(run_font)
            )
            if bold and run_font != fonts.REGULAR and fonts.has_bold(run_font):
                name = f"{name}-Bold"
            total += pdfmetrics.stringWidth(chunk, name, size)
        return total

    out: list[str] = []
    for paragraph in value.split("\n"):
        current = ""
        for word in paragraph.split():
            trial = f"{current} {word}" if current else word
            if current and measure(trial) > width:
                out.append(current)
                current = word
            else:
                current = trial
        out.append(current)
    return out


def draw_text(
    canvas: Canvas, x: float, y: float, value: str, font: str, size: float, right: bool = False
) -> None:
    """Draw one line of plain text in every script (header, footer, letter window).

    Runs DejaVu lacks are drawn in their fallback font, right-to-left runs in
    visual order; ``right`` aligns the line's end at ``x``.
    """
    if value.isascii():
        if right:
            canvas.drawRightString(x, y, value)
        else:
            canvas.drawString(x, y, value)
        return
    pieces: list[tuple[str, str]] = []
    for run_font, chunk in fonts.runs(value):
        name = font if run_font == fonts.REGULAR else fonts.register_fallback(run_font)
        pieces.append((name, fonts.visual(run_font, chunk)))
    width = sum(pdfmetrics.stringWidth(t, f, size) for f, t in pieces)
    at = x - width if right else x
    for name, chunk in pieces:
        canvas.setFont(name, size)
        canvas.drawString(at, y, chunk)
        at += pdfmetrics.stringWidth(chunk, name, size)
    canvas.setFont(font, size)


class RtlParagraph(Flowable):
    """A right-to-left sentence (an Arabic or Dari translation), wrapped and right-aligned.

    Lines are broken in logical order, then each line is shaped and put in visual
    order as a whole, so a sentence over several lines reads top to bottom.
    """

    def __init__(self, value: str, style: ParagraphStyle) -> None:
        super().__init__()
        self.value = " ".join(value.split())
        self.style = style
        self._lines: list[str] = []

    def _width(self, words: str) -> float:
        shown = fonts.visual("NotoSansArabic", words)
        return sum(
            pdfmetrics.stringWidth(t, self._font(f), self.style.fontSize)
            for f, t in fonts.runs(shown)
        )

    def _font(self, run_font: str) -> str:
        bold = self.style.fontName == fonts.BOLD
        if run_font == fonts.REGULAR:
            return fonts.BOLD if bold else fonts.REGULAR
        name = fonts.register_fallback(run_font)
        return f"{name}-Bold" if bold and fonts.has_bold(run_font) else name

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:  # noqa: N803 - reportlab's
        """Break the sentence into lines that fit ``aW``."""
        lines: list[str] = []
        current = ""
        for word in self.value.split(" "):
            trial = f"{current} {word}" if current else word
            if current and self._width(trial) > aW:
                lines.append(current)
                current = word
            else:
                current = trial
        if current:
            lines.append(current)
        self._lines = lines
        self.width = aW
        self.height = len(lines) * self.style.leading + self.style.spaceAfter
        return aW, self.height

    def draw(self) -> None:
        """Each line right-aligned, its runs drawn left to right in visual order."""
        canvas = self.canv
        canvas.setFillColor(self.style.textColor)
        for i, line in enumerate(self._lines):
            shown = fonts.visual("NotoSansArabic", line)
            pieces = [(self._font(f), t) for f, t in fonts.runs(shown)]
            size = self.style.fontSize
            x = self.width - sum(pdfmetrics.stringWidth(t, f, size) for f, t in pieces)
            y = self.height - self.style.spaceAfter - (i + 1) * self.style.leading
            y += self.style.leading - size
            for name, chunk in pieces:
                canvas.setFont(name, size)
                canvas.drawString(x, y, chunk)
                x += pdfmetrics.stringWidth(chunk, name, size)


# --- styles ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of every document (DejaVu Sans)."""

    body: ParagraphStyle
    small: ParagraphStyle
    title: ParagraphStyle
    heading: ParagraphStyle
    strong: ParagraphStyle
    label: ParagraphStyle
    box: ParagraphStyle
    sign_name: ParagraphStyle
    bullet: ParagraphStyle
    subheading: ParagraphStyle


def styles() -> Styles:
    """The shared styles, with the DejaVu fonts registered."""
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
    return Styles(
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
        strong=ParagraphStyle("goal", parent=body, fontName=bold, fontSize=11, leading=15.5),
        label=ParagraphStyle("label", parent=body, fontName=bold, textColor=MUTED, spaceAfter=0),
        box=ParagraphStyle("box", parent=body, fontName=bold, fontSize=12, leading=17),
        sign_name=ParagraphStyle("sign_name", parent=body, spaceAfter=0),
        subheading=ParagraphStyle(
            "subheading", parent=body, fontName=bold, textColor=MUTED, spaceBefore=4, spaceAfter=2
        ),
        bullet=ParagraphStyle("bullet", parent=body, leftIndent=12, bulletIndent=2, spaceAfter=3),
    )


def text(value: str) -> str:
    """Free text as Paragraph markup: escaped, line breaks kept."""
    return "<br/>".join(escape(line) for line in value.strip().splitlines())


def table(
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    style: Sequence[tuple[Any, ...]],
    **kwargs: Any,  # noqa: ANN401
) -> Table:
    """A left-aligned table; its cell font is DejaVu too (reportlab's default is Helvetica)."""
    regular, _ = register_fonts()
    result = Table([list(r) for r in rows], colWidths=list(widths), hAlign="LEFT", **kwargs)
    result.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), regular, 10.5), *style]))
    return result


def who_what_when(
    st: Styles,
    rows: Sequence[tuple[str, str, dt.date | None]],
    header: Sequence[str] = ("Wer?", "Was?", "Bis wann?"),
) -> Table:
    """The "Wer? Was? Bis wann?" grid of first steps and tasks (header repeated per page)."""
    cells: list[list[Flowable]] = [[Paragraph(h, st.label) for h in header]]
    for who, what, due_on in rows:
        cells.append(
            [
                Paragraph(text(who), st.body),
                Paragraph(text(what), st.body),
                Paragraph(german_date(due_on) if due_on else "–", st.body),
            ]
        )
    return table(
        cells,
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


def heading(st: Styles, plain: str, term: str = "") -> Paragraph:
    """A section heading in plain words, the method's term small in brackets."""
    extra = f' <font size="9" color="#5f6368">({escape(term)})</font>' if term else ""
    return Paragraph(escape(plain) + extra, st.heading)


def facts(
    st: Styles,
    rows: Sequence[tuple[str, str]],
    label_width: float = 32 * mm,
    markup: bool = False,
) -> Table:
    """Label–value lines (Familie, Aktenzeichen, Datum …) without a grid.

    With ``markup`` the labels are Paragraph markup already (bilingual labels).
    """
    return table(
        [
            [Paragraph(k if markup else escape(k), st.label), Paragraph(text(v), st.body)]
            for k, v in rows
        ],
        [label_width, CONTENT_WIDTH - label_width],
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ],
    )


def boxed(content: Sequence[Flowable], width: float = CONTENT_WIDTH) -> Table:
    """Content on a light tint with an accent bar on the left."""
    return table(
        [[list(content)]],
        [width],
        [
            ("BACKGROUND", (0, 0), (-1, -1), TINT),
            ("LINEBEFORE", (0, 0), (0, -1), 3, ACCENT),
            ("LEFTPADDING", (0, 0), (-1, -1), 10),
            ("RIGHTPADDING", (0, 0), (-1, -1), 10),
            ("TOPPADDING", (0, 0), (-1, -1), 8),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ],
    )


def numbered(
    st: Styles,
    number: int,
    title: str,
    rows: Sequence[tuple[str, str]],
    width: float = CONTENT_WIDTH,
    label: Callable[[str], str] = escape,
) -> Flowable:
    """A numbered item: its text in bold, then label–value lines.

    ``rows`` hold Paragraph markup (callers escape the family's words); empty
    values are left out.
    """
    shown = [(k, v) for k, v in rows if v.strip()]
    inner: list[Flowable] = [Paragraph(text(title), st.strong)]
    if shown:
        inner.append(Spacer(1, 2))
        inner.append(
            table(
                [[Paragraph(label(k), st.label), Paragraph(v, st.body)] for k, v in shown],
                [LABEL_WIDTH, width - NUMBER_WIDTH - LABEL_WIDTH],
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 1),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ],
            )
        )
    return table(
        [[Paragraph(f"{number}.", st.strong), inner]],
        [NUMBER_WIDTH, width - NUMBER_WIDTH],
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
        ],
    )


def office_block(st: Styles, office: Office) -> list[Flowable]:
    """The office's letterhead at the top of a document that is not a window letter.

    Its name, then address, phone, e-mail and office hours, then the caseworker
    and the direct line: whoever reads it knows whom to call and when.
    """
    name = ParagraphStyle("office_name", parent=st.strong, textColor=ACCENT, spaceAfter=0)
    line = ParagraphStyle("office_line", parent=st.small, spaceAfter=0)
    contact = [*office.address_lines()]
    if office.phone.strip():
        contact.append(f"Telefon {office.phone.strip()}")
    if office.email.strip():
        contact.append(office.email.strip())
    person = []
    if office.caseworker_name.strip():
        person.append(f"Ansprechperson: {office.caseworker_name.strip()}")
    if office.caseworker_phone.strip():
        person.append(f"Durchwahl {office.caseworker_phone.strip()}")
    if office.office_hours.strip():
        person.append(f"Sprechzeiten: {office.office_hours.strip()}")
    out: list[Flowable] = [Paragraph(escape(office.printed_name), name)]
    out.extend(Paragraph(escape(" · ".join(p)), line) for p in (contact, person) if p)
    out.append(Spacer(1, 4 * mm))
    return out


#: Printed under every signature grid: what a signature drawn on screen is, and is not.
E_SIGNATURE_NOTICE = (
    "Eine am Bildschirm geleistete Unterschrift ist eine einfache elektronische Signatur. "
    "Wo ein Gesetz die Schriftform verlangt, ist weiterhin eine Unterschrift auf Papier nötig."
)


def signature_block(
    st: Styles, name: str, role: str = "", translate: Callable[[str], str] | None = None
) -> list[Flowable]:
    """An empty line to sign on, the name below it, then "Datum, Unterschrift".

    ``translate`` gives the fixed words in the family's language (bilingual print).
    """
    # The blank image above the line is filled when someone signs on screen.
    spot = SignatureSpot(SIGNATURE_WIDTH - 6, 16 * mm - 6, " ".join(name.split()))
    line = table(
        [[spot]],
        [SIGNATURE_WIDTH],
        [
            ("LINEBELOW", (0, 0), (-1, -1), 0.8, INK),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ],
        rowHeights=[16 * mm],
    )
    out: list[Flowable] = [line, Paragraph(text(name), st.sign_name)]
    for fixed in (role, "Datum, Unterschrift"):
        if not fixed:
            continue
        second = translate(fixed) if translate is not None else ""
        out.append(Paragraph(escape(fixed) + (f" / {escape(second)}" if second else ""), st.small))
    return out


def signatures(
    st: Styles,
    intro: Paragraph | Sequence[Flowable],
    blocks: Sequence[list[Flowable]],
    title: str = "Unterschriften",
    lead: Sequence[Flowable] = (),
    heading_flowable: Flowable | None = None,
) -> list[Flowable]:
    """Signature blocks two to a row under a heading, kept on one page.

    ``lead`` (the document's last section) is kept on the same page, so the
    signatures never stand alone on a page of their own.
    """
    rows = [
        [blocks[i], blocks[i + 1] if i + 1 < len(blocks) else ""] for i in range(0, len(blocks), 2)
    ]
    grid = table(
        rows,
        [CONTENT_WIDTH / 2] * 2,
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ],
    )
    # Heading, sentence and every signature move to a new page together, and the
    # page before keeps some text above them: signatures never stand alone.
    head = heading_flowable if heading_flowable is not None else heading(st, title)
    intros = [intro] if isinstance(intro, Flowable) else list(intro)
    notice = Paragraph(escape(E_SIGNATURE_NOTICE), st.small)
    return [KeepTogether([*lead, head, *intros, grid, notice])]


# --- page furniture ----------------------------------------------------------------------


@dataclass(frozen=True)
class Furniture:
    """Header and footer of every page; ``total`` is known from a first layout pass."""

    title: str
    file_number: str
    family_name: str
    total: int | None = None
    #: Where header and footer start (a letter's text starts 25 mm from the edge).
    left: float = MARGIN_X

    def draw(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        """Draw the header and the footer (a page callback)."""
        regular, _ = register_fonts()
        canvas.saveState()
        _furniture_pen(canvas, regular)
        self._header(canvas)
        self._footer(canvas)
        canvas.restoreState()
        draw_placeholder(canvas, PAGE_WIDTH - 5 * mm, 1.5 * mm)

    def draw_footer(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        """Draw only the footer (a page callback for pages with a letterhead)."""
        regular, _ = register_fonts()
        canvas.saveState()
        _furniture_pen(canvas, regular)
        self._footer(canvas)
        canvas.restoreState()
        draw_placeholder(canvas, PAGE_WIDTH - 5 * mm, 1.5 * mm)

    def _header(self, canvas: Canvas) -> None:
        """Document kind and family on the left, Aktenzeichen on the right, a rule below."""
        left = f"{self.title} · Familie {self.family_name}" if self.family_name else self.title
        top = PAGE_HEIGHT - 14 * mm
        draw_text(canvas, self.left, top, left, fonts.REGULAR, 8.5)
        canvas.drawRightString(PAGE_WIDTH - MARGIN_X, top, f"Aktenzeichen: {self.file_number}")
        canvas.line(self.left, top - 2.5 * mm, PAGE_WIDTH - MARGIN_X, top - 2.5 * mm)

    def _footer(self, canvas: Canvas) -> None:
        """A rule, the Aktenzeichen on the left and "Seite X von Y" on the right."""
        bottom = 12 * mm
        canvas.line(self.left, bottom + 4 * mm, PAGE_WIDTH - MARGIN_X, bottom + 4 * mm)
        canvas.drawString(self.left, bottom, f"Aktenzeichen: {self.file_number}")
        number = canvas.getPageNumber()
        page = f"Seite {number} von {self.total}" if self.total else f"Seite {number}"
        canvas.drawRightString(PAGE_WIDTH - MARGIN_X, bottom, page)


def _furniture_pen(canvas: Canvas, font: str) -> None:
    canvas.setFillColor(MUTED)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.setFont(font, 8.5)


# --- building ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Built:
    """One layout pass: the PDF and how many pages it has."""

    content: bytes
    pages: int


def document_options(title: str) -> dict[str, Any]:
    """A4 and metadata that names no one; no time and no random id, so bytes repeat."""
    regular, _ = register_fonts()
    return {
        "pagesize": A4,
        # The metadata names no one: a file manager or viewer shows only these.
        "title": title,
        "author": PRODUCER,
        "creator": PRODUCER,
        "subject": "",
        "lang": "de-DE",
        "invariant": 1,
        "initialFontName": regular,
    }


def build_simple(story: list[Flowable], title: str, furniture: Furniture) -> Built:
    """Lay out ``story`` on A4 pages with the usual margins, header and footer."""
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        **document_options(title),
    )
    doc.build(story, onFirstPage=furniture.draw, onLaterPages=furniture.draw)
    return Built(buffer.getvalue(), doc.page)


def render_twice(build: Callable[[int | None], Built]) -> bytes:
    """Lay out once to count the pages, then again with "Seite X von Y" in every footer.

    ``build`` gets the page total (None on the first pass) and must make a fresh
    story each time: reportlab consumes the flowables it lays out.
    """
    first = build(None)
    return build(first.pages).content
