"""The DIN 5008 letter for a window envelope, shared by every letter the application prints.

Form B, measured from the top-left corner of the sheet: a letterhead in the top
45 mm, the window field (sender line, then the recipient's name and address)
45 mm from the top and 20 mm from the left, 85 × 45 mm, an information block on
the right, fold marks and the hole mark on the left edge. Later pages carry the
usual header and footer.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from asd_desktop.domain.office import Office
from asd_desktop.reports.common import (
    ACCENT,
    CONTENT_WIDTH,
    INK,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    MUTED,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RULE,
    Built,
    Furniture,
    Paragraph,
    document_options,
    table,
    text,
)
from asd_desktop.reports.fonts import register_fonts

WINDOW_TOP = 45 * mm
WINDOW_LEFT = 20 * mm
WINDOW_WIDTH = 85 * mm
WINDOW_HEIGHT = 45 * mm
#: The upper part of the window field: the sender line sits at its bottom.
REMARK_ZONE = 17.7 * mm
#: Text in the window field and the letter's body start 5 mm further in.
LETTER_INDENT = 5 * mm
INFO_LEFT = 125 * mm
#: DIN 5008 lets the information block run to 10 mm before the right edge.
INFO_WIDTH = PAGE_WIDTH - 10 * mm - INFO_LEFT
INFO_LABEL_WIDTH = 25 * mm
INFO_TOP = 50 * mm
LETTER_BODY_TOP = 98.5 * mm
FOLD_MARKS = (105 * mm, 210 * mm)
#: The letter's text runs from 25 mm to 20 mm before the right edge.
LETTER_WIDTH = CONTENT_WIDTH - LETTER_INDENT
HOLE_MARK = 148.5 * mm


@dataclass(frozen=True)
class LetterHead:
    """What the letter's first page shows around its text.

    ``office`` gives the letterhead (name, address, central phone, e-mail);
    ``recipient`` the window's lines (name, then address); ``information`` the
    label–value rows on the right (see :func:`contact_rows`); ``sender`` the
    small line above the address, by default the office's name and address.
    """

    office: Office
    subject: str
    recipient: Sequence[str]
    information: Sequence[tuple[str, str]]
    sender: str = ""

    @property
    def sender_line(self) -> str:
        """The return address above the window: "Jugendamt … · Klosterwall 2 · 20095 Hamburg"."""
        if self.sender.strip():
            return self.sender.strip()
        return " · ".join([self.office.printed_name, *self.office.address_lines()])


def contact_rows(office: Office) -> list[tuple[str, str]]:
    """Who to call and when: the information block's contact rows (empty ones left out)."""
    rows = [
        ("Ansprechperson", office.caseworker_name),
        ("Telefon", office.caseworker_phone or office.phone),
        ("E-Mail", office.email),
        ("Sprechzeiten", office.office_hours),
    ]
    return [(k, v.strip()) for k, v in rows if v.strip()]


def office_contact_line(office: Office) -> str:
    """The letterhead's second line: address, central phone and e-mail, joined by dots."""
    parts = list(office.address_lines())
    if office.phone.strip():
        parts.append(f"Telefon {office.phone.strip()}")
    if office.email.strip():
        parts.append(office.email.strip())
    return " · ".join(parts)


def address_lines(address: str) -> list[str]:
    """A postal address as window lines: its own lines, else split at the commas."""
    lines = [line.strip() for line in address.strip().splitlines() if line.strip()]
    if len(lines) == 1:
        lines = [part.strip() for part in lines[0].split(",") if part.strip()]
    return lines


@dataclass(frozen=True)
class _FirstPage:
    """Draws the letterhead, window field, information block, marks and footer."""

    head: LetterHead
    furniture: Furniture

    def draw(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        regular, bold = register_fonts()
        head = self.head
        left = WINDOW_LEFT + LETTER_INDENT
        canvas.saveState()
        # Letterhead (the top 45 mm): the office's name (up to two lines), address and contact.
        width = PAGE_WIDTH - MARGIN_X - left
        name_style = ParagraphStyle(
            "office", fontName=bold, fontSize=14, leading=17, textColor=ACCENT
        )
        name = Paragraph(escape(head.office.printed_name), name_style)
        _, name_height = name.wrap(width, 20 * mm)
        name.drawOn(canvas, left, PAGE_HEIGHT - 12 * mm - name_height)
        small = ParagraphStyle("office_contact", fontName=regular, fontSize=8, leading=10)
        small.textColor = MUTED
        lines = [office_contact_line(head.office), head.subject]
        block = Paragraph("<br/>".join(escape(x) for x in lines if x), small)
        _, block_height = block.wrap(width, 14 * mm)
        block.drawOn(canvas, left, PAGE_HEIGHT - 13.5 * mm - name_height - block_height)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        rule = min(PAGE_HEIGHT - 36 * mm, PAGE_HEIGHT - 15 * mm - name_height - block_height)
        canvas.line(left, rule, PAGE_WIDTH - MARGIN_X, rule)
        # Fold marks and the hole mark on the left edge.
        canvas.setStrokeColor(MUTED)
        canvas.setLineWidth(0.3)
        for at in FOLD_MARKS:
            canvas.line(4 * mm, PAGE_HEIGHT - at, 9 * mm, PAGE_HEIGHT - at)
        canvas.line(4 * mm, PAGE_HEIGHT - HOLE_MARK, 11 * mm, PAGE_HEIGHT - HOLE_MARK)
        canvas.restoreState()
        self._window(canvas)
        self._information(canvas)
        self.furniture.draw_footer(canvas, doc)

    def _window(self, canvas: Canvas) -> None:
        regular, _ = register_fonts()
        left = WINDOW_LEFT + LETTER_INDENT
        width = WINDOW_WIDTH - LETTER_INDENT - 2 * mm
        if self.head.sender_line:
            sender_style = ParagraphStyle(
                "sender", fontName=regular, fontSize=7, leading=8.5, textColor=MUTED
            )
            line = Paragraph(escape(self.head.sender_line), sender_style)
            line.wrap(width, REMARK_ZONE)
            line.drawOn(canvas, left, PAGE_HEIGHT - WINDOW_TOP - REMARK_ZONE + 1.5 * mm)
        zone = WINDOW_HEIGHT - REMARK_ZONE
        # The largest size at which the whole address fits the window.
        for size in (10.5, 9.5, 8.5, 7.5):
            style = ParagraphStyle(
                "address", fontName=regular, fontSize=size, leading=size * 1.2, textColor=INK
            )
            block = Paragraph("<br/>".join(escape(x) for x in self.head.recipient), style)
            _, height = block.wrap(width, zone)
            if height <= zone - 1 * mm:
                break
        block.drawOn(canvas, left, PAGE_HEIGHT - WINDOW_TOP - REMARK_ZONE - 1 * mm - height)

    def _information(self, canvas: Canvas) -> None:
        grid, height = _information_grid(self.head)
        grid.drawOn(canvas, INFO_LEFT, PAGE_HEIGHT - INFO_TOP - height)


def _information_grid(head: LetterHead) -> tuple[Flowable, float]:
    """The information block on the right and its height."""
    regular, _ = register_fonts()
    label = ParagraphStyle("info_label", fontName=regular, fontSize=8, leading=10)
    label.textColor = MUTED
    value = ParagraphStyle("info_value", fontName=regular, fontSize=8, leading=10)
    value.textColor = INK
    grid = table(
        [[Paragraph(escape(k), label), Paragraph(text(v), value)] for k, v in head.information],
        [INFO_LABEL_WIDTH, INFO_WIDTH - INFO_LABEL_WIDTH],
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ],
    )
    _, height = grid.wrap(INFO_WIDTH, 90 * mm)
    return grid, height


def build_window_letter(
    story: list[Flowable],
    title: str,
    head: LetterHead,
    file_number: str,
    family_name: str,
    total: int | None,
) -> Built:
    """A DIN 5008 B letter: the first page leaves room for the window field, later pages not.

    The story starts with ``NextPageTemplate("later")``; ``total`` is the page
    count of the first pass (see :func:`~asd_desktop.reports.common.render_twice`).
    """
    left = WINDOW_LEFT + LETTER_INDENT
    furniture = Furniture(title, file_number, family_name, total, left)
    width = PAGE_WIDTH - left - MARGIN_X
    # A long information block pushes the text down rather than running into it.
    body_top = max(LETTER_BODY_TOP, INFO_TOP + _information_grid(head)[1] + 5 * mm)
    first = Frame(
        left,
        MARGIN_BOTTOM,
        width,
        PAGE_HEIGHT - body_top - MARGIN_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="first",
    )
    later = Frame(
        left,
        MARGIN_BOTTOM,
        width,
        PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=6,
        bottomPadding=0,
        id="later",
    )
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        leftMargin=left,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        **document_options(title),
    )
    doc.addPageTemplates(
        [
            PageTemplate(id="first", frames=[first], onPage=_FirstPage(head, furniture).draw),
            PageTemplate(id="later", frames=[later], onPage=furniture.draw),
        ]
    )
    doc.build(story)
    return Built(buffer.getvalue(), doc.page)


__all__ = [
    "LETTER_WIDTH",
    "LetterHead",
    "address_lines",
    "build_window_letter",
    "contact_rows",
    "office_contact_line",
]
