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
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

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
INFO_TOP = 50 * mm
LETTER_BODY_TOP = 98.5 * mm
FOLD_MARKS = (105 * mm, 210 * mm)
#: The letter's text runs from 25 mm to 20 mm before the right edge.
LETTER_WIDTH = CONTENT_WIDTH - LETTER_INDENT
HOLE_MARK = 148.5 * mm


@dataclass(frozen=True)
class LetterHead:
    """What the letter's first page shows around its text.

    ``sender`` is the small line above the address; ``recipient`` the window's
    lines (name, then address); ``information`` the label–value rows on the right.
    """

    brand: str
    subject: str
    organisation: str
    sender: str
    recipient: Sequence[str]
    information: Sequence[tuple[str, str]]


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
        # Letterhead (the top 45 mm).
        canvas.setFillColor(ACCENT)
        canvas.setFont(bold, 18)
        canvas.drawString(left, PAGE_HEIGHT - 22 * mm, head.brand)
        canvas.setFillColor(MUTED)
        canvas.setFont(regular, 9)
        canvas.drawString(left, PAGE_HEIGHT - 28 * mm, head.subject)
        if head.organisation.strip():
            canvas.drawRightString(PAGE_WIDTH - MARGIN_X, PAGE_HEIGHT - 22 * mm, head.organisation)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(left, PAGE_HEIGHT - 32 * mm, PAGE_WIDTH - MARGIN_X, PAGE_HEIGHT - 32 * mm)
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
        if self.head.sender:
            sender_style = ParagraphStyle(
                "sender", fontName=regular, fontSize=7, leading=8.5, textColor=MUTED
            )
            line = Paragraph(escape(self.head.sender), sender_style)
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
        regular, _ = register_fonts()
        label = ParagraphStyle("info_label", fontName=regular, fontSize=8, leading=10)
        label.textColor = MUTED
        value = ParagraphStyle("info_value", fontName=regular, fontSize=8.5, leading=10.5)
        value.textColor = INK
        grid = table(
            [
                [Paragraph(escape(k), label), Paragraph(text(v), value)]
                for k, v in self.head.information
            ],
            [26 * mm, PAGE_WIDTH - MARGIN_X - INFO_LEFT - 26 * mm],
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ],
        )
        _, height = grid.wrap(PAGE_WIDTH - MARGIN_X - INFO_LEFT, 60 * mm)
        grid.drawOn(canvas, INFO_LEFT, PAGE_HEIGHT - INFO_TOP - height)


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
    first = Frame(
        left,
        MARGIN_BOTTOM,
        width,
        PAGE_HEIGHT - LETTER_BODY_TOP - MARGIN_BOTTOM,
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
]
