"""The Wirkungsbericht as a PDF: the key figures, the two bar charts, the table, the indicators.

About groups of cases, never about a family: no name, no Aktenzeichen; any cell
counting fewer than three cases prints as ``< 3``. The charts are drawn with
reportlab's graphics from the same bars the window draws
(:func:`~asd_desktop.domain.wirkung.change_bars`, :func:`~asd_desktop.domain.wirkung.count_bars`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer
from typing_extensions import override

from asd_desktop.domain.wirkung import (
    NO_VALUE,
    SUPPRESSED,
    ChangeBar,
    CountBar,
    IndicatorRow,
    RowLevel,
    Side,
    WirkungReport,
    change,
    change_bars,
    count_bars,
    count_text,
    euro_text,
    key_figures,
    percent_text,
    share_text,
    suppressed,
)
from asd_desktop.reports.common import (
    CONTENT_WIDTH,
    INK,
    MARGIN_X,
    MUTED,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RULE,
    TINT,
    Built,
    Furniture,
    Styles,
    boxed,
    build_simple,
    facts,
    german_date,
    heading,
    render_twice,
    styles,
    table,
)
from asd_desktop.reports.fonts import register_fonts

TITLE = "Wirkungsbericht"
#: The pilot's colour and the comparison's, in the window as on paper.
PILOT_COLOUR = colors.HexColor("#1f4e79")
COMPARISON_COLOUR = colors.HexColor("#c77c2e")
BASELINE_COLOUR = colors.HexColor("#9db7d1")


@dataclass(frozen=True)
class _ReportFurniture(Furniture):
    """Header and footer naming the groups compared, never a case."""

    subtitle: str = ""

    @override
    def _header(self, canvas: Canvas) -> None:
        top = PAGE_HEIGHT - 14 * mm
        canvas.drawString(self.left, top, TITLE)
        canvas.drawRightString(PAGE_WIDTH - MARGIN_X, top, self.subtitle)
        canvas.line(self.left, top - 2.5 * mm, PAGE_WIDTH - MARGIN_X, top - 2.5 * mm)

    @override
    def _footer(self, canvas: Canvas) -> None:
        bottom = 12 * mm
        canvas.line(self.left, bottom + 4 * mm, PAGE_WIDTH - MARGIN_X, bottom + 4 * mm)
        canvas.drawString(self.left, bottom, "Fallzahlen unter 3 sind als »< 3« ausgewiesen")
        number = canvas.getPageNumber()
        page = f"Seite {number} von {self.total}" if self.total else f"Seite {number}"
        canvas.drawRightString(PAGE_WIDTH - MARGIN_X, bottom, page)


# --- charts --------------------------------------------------------------------------------


def change_chart(bars: Sequence[ChangeBar], pilot: str, comparison: str) -> Drawing:
    """Horizontal bars around zero: each row's change in the pilot and in the comparison."""
    regular, bold = register_fonts()
    label_w, value_w, row_h, bar_h = 66 * mm, 16 * mm, 14.0, 5.5
    legend_h = 14.0
    width = CONTENT_WIDTH
    height = legend_h + row_h * len(bars) + 6
    drawing = Drawing(width, height)
    values = [abs(v) for b in bars for v in (b.pilot, b.comparison) if v is not None]
    scale_max = max([10.0, *values])
    plot_x = label_w + value_w
    plot_w = width - plot_x - value_w
    zero = plot_x + plot_w / 2
    _legend(drawing, pilot, comparison, plot_x, height - 9, regular)
    top = height - legend_h
    drawing.add(Line(zero, 2, zero, top, strokeColor=RULE, strokeWidth=0.6))
    for index, bar in enumerate(bars):
        y = top - (index + 1) * row_h
        font = bold if bar.total else regular
        drawing.add(String(0, y + 4.5, _fit(bar.label, 50), fontName=font, fontSize=8))
        for offset, value, colour in (
            (bar_h, bar.pilot, PILOT_COLOUR),
            (0.0, bar.comparison, COMPARISON_COLOUR),
        ):
            base = y + offset + 1
            if value is None:
                drawing.add(
                    String(
                        zero + 3, base, NO_VALUE, fontName=regular, fontSize=6.5, fillColor=MUTED
                    )
                )
                continue
            length = plot_w / 2 * value / scale_max
            left = min(zero, zero + length)
            drawing.add(_bar(left, base, abs(length), bar_h - 0.6, colour))
            text = percent_text(value, bar.decimals)
            if value >= 0:
                drawing.add(
                    String(zero + length + 2, base + 0.8, text, fontName=regular, fontSize=5.8)
                )
            else:
                drawing.add(
                    String(
                        zero + length - 2,
                        base + 0.8,
                        text,
                        fontName=regular,
                        fontSize=5.8,
                        textAnchor="end",
                    )
                )
    return drawing


def count_chart(bars: Sequence[CountBar], title: str, first: str, second: str) -> Drawing:
    """Vertical bar pairs on one side: running measures per group on both reference days."""
    regular, bold = register_fonts()
    width, height = CONTENT_WIDTH / 2 - 4 * mm, 62 * mm
    drawing = Drawing(width, height)
    drawing.add(String(0, height - 9, _fit(title, 48), fontName=bold, fontSize=8.5))
    _legend(drawing, first, second, 0, height - 20, regular, (BASELINE_COLOUR, PILOT_COLOUR))
    bottom, top = 18.0, height - 28
    values = [v for b in bars for v in (b.baseline, b.until)]
    scale_max = max([1, *values])
    slot = width / max(1, len(bars))
    bar_w = min(12.0, slot / 3)
    drawing.add(Line(0, bottom, width, bottom, strokeColor=RULE, strokeWidth=0.6))
    for index, bar in enumerate(bars):
        x = index * slot + slot / 2
        for shift, value, colour in (
            (-bar_w, bar.baseline, BASELINE_COLOUR),
            (0.0, bar.until, PILOT_COLOUR),
        ):
            shown = 0 if suppressed(value) else value
            h = (top - bottom) * shown / scale_max
            drawing.add(_bar(x + shift, bottom, bar_w - 1, h, colour))
            drawing.add(
                String(
                    x + shift + bar_w / 2 - 0.5,
                    bottom + h + 1.5,
                    count_text(value),
                    fontName=regular,
                    fontSize=6,
                    textAnchor="middle",
                )
            )
        drawing.add(
            String(
                x,
                bottom - 9,
                _fit(bar.short, 12),
                fontName=regular,
                fontSize=6.5,
                textAnchor="middle",
            )
        )
    return drawing


def _legend(
    drawing: Drawing,
    first: str,
    second: str,
    x: float,
    y: float,
    font: str,
    palette: tuple[colors.Color, colors.Color] = (PILOT_COLOUR, COMPARISON_COLOUR),
) -> None:
    for label, colour in ((first, palette[0]), (second, palette[1])):
        drawing.add(_bar(x, y, 7, 6, colour))
        text = _fit(label, 40)
        drawing.add(String(x + 10, y + 0.8, text, fontName=font, fontSize=7.5, fillColor=INK))
        x += 14 + 4.3 * len(text)


def _bar(x: float, y: float, width: float, height: float, colour: colors.Color) -> Rect:
    """A filled rectangle without outline."""
    bar = Rect(x, y, width, height)
    bar.fillColor = colour
    bar.strokeColor = None
    return bar


def _fit(value: str, limit: int) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"


# --- the document ------------------------------------------------------------------------


def _measure_table(st: Styles, report: WirkungReport) -> Flowable:
    first, second = german_date(report.baseline), german_date(report.until)
    head: list[object] = [
        "Hilfeart",
        first,
        second,
        "Veränd.",
        "neu",
        first,
        second,
        "Veränd.",
        "neu",
    ]
    rows: list[list[object]] = [
        [
            "",
            _cell(st, f"Pilot: {report.pilot_label}", True),
            "",
            "",
            "",
            _cell(st, f"Vergleich: {report.comparison_label}", True),
            "",
            "",
            "",
        ],
        head,
    ]
    style: list[tuple[object, ...]] = [
        ("SPAN", (1, 0), (4, 0)),
        ("SPAN", (5, 0), (8, 0)),
        ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ("VALIGN", (0, 2), (-1, -1), "MIDDLE"),
        ("FONTSIZE", (0, 0), (-1, -1), 7),
        ("LEADING", (0, 0), (-1, -1), 8.5),
        ("TEXTCOLOR", (0, 1), (-1, 1), MUTED),
        ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
        ("LINEBELOW", (0, 1), (-1, 1), 0.5, RULE),
        ("LINEBEFORE", (5, 0), (5, -1), 0.5, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 1.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2),
    ]
    _, bold = register_fonts()
    group_style = ParagraphStyle(
        "wirkung_group", parent=st.small, fontSize=7, leading=8.5, textColor=INK, spaceAfter=0
    )
    kind_style = ParagraphStyle("wirkung_kind", parent=group_style, leftIndent=6)
    for row in report.rows:
        label = escape(row.label)
        cells: list[object] = [
            Paragraph(
                label if row.level is RowLevel.KIND else f"<b>{label}</b>",
                kind_style if row.level is RowLevel.KIND else group_style,
            )
        ]
        for side in Side:
            tally = row.tally(side)
            cells += [
                count_text(tally.baseline),
                count_text(tally.until),
                percent_text(change(tally)),
                count_text(tally.begun),
            ]
        rows.append(cells)
        index = len(rows) - 1
        if row.level is not RowLevel.KIND:
            style.append(("FONT", (0, index), (-1, index), bold, 7))
        if row.level is RowLevel.TOTAL:
            style.append(("BACKGROUND", (0, index), (-1, index), TINT))
    widths = [46 * mm, *([15 * mm, 15 * mm, 16 * mm, 8 * mm] * 2)]
    return table(rows, widths, style, repeatRows=2)


def _cell(st: Styles, value: str, strong: bool = False) -> Paragraph:
    if strong:
        head = ParagraphStyle("wirkung_head", parent=st.label, fontSize=8.5, leading=10.5)
        return Paragraph(escape(value), head)
    return Paragraph(escape(value), st.small)


def _spending_table(report: WirkungReport) -> Flowable:
    pilot, comparison = report.pilot_spending, report.comparison_spending
    rows: list[list[object]] = [["Jahr", report.pilot_label, report.comparison_label]]
    for index, year in enumerate(pilot.years):
        rows.append(
            [
                str(year),
                SUPPRESSED if pilot.suppressed else euro_text(pilot.euros[index]),
                SUPPRESSED if comparison.suppressed else euro_text(comparison.euros[index]),
            ]
        )
    rows.append(
        [
            f"Veränderung {pilot.years[0]} → {pilot.years[-1]}",
            percent_text(pilot.change, 2),
            percent_text(comparison.change, 2),
        ]
    )
    _, bold = register_fonts()
    return table(
        rows,
        [60 * mm, 50 * mm, 50 * mm],
        [
            ("FONTSIZE", (0, 0), (-1, -1), 9),
            ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
            ("TEXTCOLOR", (0, 0), (-1, 0), MUTED),
            ("LINEBELOW", (0, 0), (-1, 0), 0.5, RULE),
            ("FONT", (0, -1), (-1, -1), bold, 9),
        ],
    )


def _indicator_table(
    st: Styles, rows: Sequence[IndicatorRow], pilot: str, comparison: str
) -> Flowable:
    data: list[list[object]] = [["", _cell(st, pilot), _cell(st, comparison)]]
    data += [
        [_cell(st, r.label), _cell(st, share_text(r.pilot)), _cell(st, share_text(r.comparison))]
        for r in rows
    ]
    return table(
        data,
        [80 * mm, 45 * mm, 45 * mm],
        [
            ("FONTSIZE", (0, 0), (-1, -1), 8.5),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TEXTCOLOR", (0, 0), (-1, 0), MUTED),
            ("LINEBELOW", (0, 0), (-1, 0), 0.5, RULE),
        ],
    )


NOTE = (
    "Gezählt werden die Hilfen, die an einem Stichtag laufen; »neu« sind die dazwischen "
    "begonnenen. Maßnahmen sind die Hilfen zur Erziehung (ambulant, teilstationär, "
    "stationär); »Fälle insgesamt« zählt jeden Fall mit einer laufenden Hilfe einmal. "
    "Ausgaben sind die Kosten der Maßnahmen anteilig nach Tagen im Kalenderjahr. Der "
    "bereinigte Effekt ist die Veränderung im Pilot abzüglich der Veränderung im Vergleich, "
    "in Euro bezogen auf die Ausgaben des Pilots im ersten Jahr. Felder mit weniger als drei "
    "Fällen stehen als »< 3«."
)


def _story(report: WirkungReport) -> list[Flowable]:
    st = styles()
    first, second = german_date(report.baseline), german_date(report.until)
    pilot, comparison = report.pilot_label, report.comparison_label
    summary: list[Flowable] = [Paragraph(escape(f"{pilot} im Vergleich mit {comparison}"), st.box)]
    summary.append(facts(st, key_figures(report), 48 * mm))
    story: list[Flowable] = [
        Paragraph(TITLE, st.title),
        Paragraph(
            escape(f"Laufende Hilfen am {first} und am {second}, Ausgaben je Kalenderjahr"),
            st.body,
        ),
        Spacer(1, 2 * mm),
        boxed(summary),
        KeepTogether(
            [
                heading(st, "Veränderung gegenüber dem ersten Stichtag", "in Prozent"),
                change_chart(change_bars(report), pilot, comparison),
                Spacer(1, 3 * mm),
                Paragraph(escape(NOTE), st.small),
            ]
        ),
        KeepTogether(
            [
                heading(st, "Laufende Maßnahmen an beiden Stichtagen", "je Hilfegruppe"),
                table(
                    [
                        [
                            count_chart(
                                count_bars(report, side),
                                label,
                                f"am {first}",
                                f"am {second}",
                            )
                            for side, label in ((Side.PILOT, pilot), (Side.COMPARISON, comparison))
                        ]
                    ],
                    [CONTENT_WIDTH / 2, CONTENT_WIDTH / 2],
                    [("LEFTPADDING", (0, 0), (-1, -1), 0)],
                ),
            ]
        ),
        heading(st, "Hilfen nach Art", "laufend an den Stichtagen, neu begonnen dazwischen"),
        _measure_table(st, report),
        KeepTogether(
            [heading(st, "Ausgaben je Kalenderjahr", "Kostentage"), _spending_table(report)]
        ),
    ]
    if report.indicators:
        story.append(
            KeepTogether(
                [
                    heading(st, "Arbeit mit dem Sozialraum", "Kennzahlen der Methode"),
                    _indicator_table(st, report.indicators, pilot, comparison),
                ]
            )
        )
    return story


def render_wirkung(report: WirkungReport) -> bytes:
    """The Wirkungsbericht as a PDF (A4, DejaVu Sans embedded, "Seite X von Y")."""
    subtitle = f"{report.pilot_label} / {report.comparison_label}"

    def build(total: int | None) -> Built:
        return build_simple(
            _story(report), TITLE, _ReportFurniture(TITLE, "", "", total, subtitle=subtitle)
        )

    return render_twice(build)


__all__ = ["change_chart", "count_chart", "render_wirkung"]
