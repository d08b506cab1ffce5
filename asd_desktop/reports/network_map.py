"""The Netzwerkkarte on one A4 page: the map, its legend, the figures, date and version.

The map is drawn from :func:`asd_desktop.domain.network_drawing.scene`, the same
shapes the window paints, with the shipped DejaVu fonts so every name prints whole.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, Paragraph

from asd_desktop.domain.network import MapEntry, figures
from asd_desktop.domain.network_drawing import (
    Circle,
    Line,
    Polygon,
    Scene,
    Text,
    Wedge,
    legend_lines,
    scene,
)
from asd_desktop.reports.common import (
    ACCENT,
    CONTENT_WIDTH,
    MARGIN_X,
    PAGE_HEIGHT,
    Furniture,
    document_options,
    styles,
    text,
)
from asd_desktop.reports.fonts import register_fonts

TITLE = "Netzwerkkarte"


@dataclass(frozen=True)
class NetworkMapPrint:
    """What the page shows."""

    file_number: str
    family_name: str
    centre_name: str
    #: "Fassung 2 vom 24.11.2026" or "aktueller Stand vom …".
    version_text: str
    entries: Sequence[MapEntry]
    map_title: str = ""
    review_label: str = ""


def pdf_measure(text_: str, size: float, bold: bool) -> float:
    """Width of a text in map units with the printed fonts (sizes are map units too)."""
    regular, bold_font = register_fonts()
    return stringWidth(text_, bold_font if bold else regular, size * 100.0) / 100.0


def draw_scene(canvas: Canvas, drawing: Scene, cx: float, cy: float, radius: float) -> None:
    """Draw the shapes with the map's centre at (cx, cy) and its outer ring at ``radius``."""
    regular, bold = register_fonts()
    for shape in drawing.shapes:
        canvas.saveState()
        if isinstance(shape, Wedge):
            canvas.setFillColor(colors.HexColor(shape.fill))
            canvas.wedge(
                cx - radius,
                cy - radius,
                cx + radius,
                cy + radius,
                shape.start,
                shape.extent,
                stroke=0,
                fill=1,
            )
        elif isinstance(shape, Circle):
            if shape.fill:
                canvas.setFillColor(colors.HexColor(shape.fill))
            if shape.stroke:
                canvas.setStrokeColor(colors.HexColor(shape.stroke))
            canvas.setLineWidth(shape.width * radius)
            canvas.circle(
                cx + shape.x * radius,
                cy + shape.y * radius,
                shape.r * radius,
                stroke=1 if shape.stroke else 0,
                fill=1 if shape.fill else 0,
            )
        elif isinstance(shape, Line):
            canvas.setStrokeColor(colors.HexColor(shape.colour))
            canvas.setLineWidth(shape.width * radius)
            if shape.dashed:
                canvas.setDash(4, 2.5)
            canvas.line(
                cx + shape.x1 * radius,
                cy + shape.y1 * radius,
                cx + shape.x2 * radius,
                cy + shape.y2 * radius,
            )
        elif isinstance(shape, Polygon):
            canvas.setFillColor(colors.HexColor(shape.fill))
            path = canvas.beginPath()
            first, *rest = shape.points
            path.moveTo(cx + first[0] * radius, cy + first[1] * radius)
            for x, y in rest:
                path.lineTo(cx + x * radius, cy + y * radius)
            path.close()
            canvas.drawPath(path, stroke=0, fill=1)
        elif isinstance(shape, Text):
            canvas.setFillColor(colors.HexColor(shape.colour))
            canvas.setFont(bold if shape.bold else regular, shape.size * radius)
            x, y = cx + shape.x * radius, cy + shape.y * radius
            if shape.align == "left":
                canvas.drawString(x, y, shape.text)
            elif shape.align == "right":
                canvas.drawRightString(x, y, shape.text)
            else:
                canvas.drawCentredString(x, y, shape.text)
        canvas.restoreState()


def network_map_pdf(page: NetworkMapPrint) -> bytes:
    """The A4 page as PDF bytes (one page; metadata names no one)."""
    regular, bold = register_fonts()
    st = styles()
    buffer = io.BytesIO()
    options = document_options(TITLE)
    canvas = Canvas(
        buffer,
        pagesize=options["pagesize"],
        invariant=1,
        lang=options["lang"],
    )
    canvas.setTitle(TITLE)
    canvas.setAuthor(options["author"])
    canvas.setCreator(options["creator"])
    canvas.setSubject("")
    furniture = Furniture(TITLE, page.file_number, page.family_name, total=1)
    furniture.draw(canvas, None)  # type: ignore[arg-type]

    top = PAGE_HEIGHT - 26 * mm
    canvas.setFillColor(ACCENT)
    canvas.setFont(bold, 16)
    canvas.drawString(MARGIN_X, top, page.map_title or f"Netzwerkkarte von {page.centre_name}")
    canvas.setFont(regular, 10)
    canvas.setFillColor(colors.HexColor("#1a1a1a"))
    sub = page.version_text + (f" · {page.review_label}" if page.review_label else "")
    canvas.drawString(MARGIN_X, top - 6 * mm, sub)

    story: list[Flowable] = [Paragraph("<b>Legende</b>", st.body)]
    story += [Paragraph(text(line), st.small) for line in legend_lines(page.entries)]
    story.append(Paragraph("<b>Zahlen dieser Fassung</b>", st.body))
    story += [Paragraph(text(line), st.small) for line in figures(page.entries).lines()]
    needed = sum(p.wrap(CONTENT_WIDTH, PAGE_HEIGHT)[1] + 4 for p in story)
    bottom = 20 * mm
    available = top - 12 * mm - bottom
    # A long legend makes the map smaller instead of being cut off.
    radius = min(CONTENT_WIDTH / 2 / 1.08, (available - needed - 6 * mm) / 2.2)
    cx = MARGIN_X + CONTENT_WIDTH / 2
    cy = top - 12 * mm - radius * 1.1
    draw_scene(canvas, scene(page.entries, page.centre_name, pdf_measure), cx, cy, radius)
    frame_top = cy - radius * 1.12
    frame = Frame(
        MARGIN_X,
        bottom,
        CONTENT_WIDTH,
        frame_top - bottom,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    frame.addFromList(story, canvas)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
