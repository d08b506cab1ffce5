"""The printed "Tipps und Themen" list for the weekly team meeting.

Team-wide, not about a family: the header names the team meeting instead of
an Aktenzeichen. It lists the catalogue entries added or checked and the
Zehn-Minuten-Sozialraumerkundungen made since the last meeting.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Spacer
from typing_extensions import override

from asd_desktop.domain.office import Office
from asd_desktop.reports.common import (
    CONTENT_WIDTH,
    MARGIN_X,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    Built,
    Furniture,
    Paragraph,
    Styles,
    boxed,
    build_simple,
    facts,
    german_date,
    heading,
    long_german_date,
    office_block,
    render_twice,
    styles,
)
from asd_desktop.reports.common import text as _text

TITLE = "Tipps und Themen"
LABEL_WIDTH = 38 * mm


@dataclass(frozen=True)
class TipEntryPrint:
    """A catalogue entry as the list shows it."""

    name: str
    kind: str
    address: str = ""
    district: str = ""
    contact: str = ""
    languages: str = ""
    costs: str = ""
    opening_hours: str = ""
    #: "neu" or "geprüft am …", said in words on the list.
    status: str = ""


@dataclass(frozen=True)
class TipExplorationPrint:
    """An exploration as the list shows it."""

    explored_on: dt.date
    district: str
    learned: str
    author: str = ""
    entry_name: str = ""


@dataclass(frozen=True)
class TipsPrint:
    """Everything the list shows."""

    meeting_on: dt.date
    since: dt.date | None
    entries: tuple[TipEntryPrint, ...] = ()
    explorations: tuple[TipExplorationPrint, ...] = ()
    office: Office = field(default_factory=Office)


@dataclass(frozen=True)
class _TeamFurniture(Furniture):
    """Header and footer naming the team meeting, not a case."""

    meeting: str = ""

    @override
    def _header(self, canvas: Canvas) -> None:
        top = PAGE_HEIGHT - 14 * mm
        canvas.drawString(self.left, top, self.title)
        canvas.drawRightString(PAGE_WIDTH - MARGIN_X, top, f"Teamsitzung {self.meeting}")
        canvas.line(self.left, top - 2.5 * mm, PAGE_WIDTH - MARGIN_X, top - 2.5 * mm)

    @override
    def _footer(self, canvas: Canvas) -> None:
        bottom = 12 * mm
        canvas.line(self.left, bottom + 4 * mm, PAGE_WIDTH - MARGIN_X, bottom + 4 * mm)
        canvas.drawString(self.left, bottom, "Nur für den Dienstgebrauch im Team")
        number = canvas.getPageNumber()
        page = f"Seite {number} von {self.total}" if self.total else f"Seite {number}"
        canvas.drawRightString(PAGE_WIDTH - MARGIN_X, bottom, page)


def _entry(st: Styles, e: TipEntryPrint) -> Flowable:
    title = f"{escape(e.name)} <font color='#5f6368'>· {escape(e.kind)}</font>"
    if e.status:
        title += f" <font size='9' color='#5f6368'>({escape(e.status)})</font>"
    rows = [
        (label, value)
        for label, value in (
            ("Ort", ", ".join(p for p in (e.address, e.district) if p)),
            ("Kontakt", e.contact),
            ("Sprachen", e.languages),
            ("Kosten", e.costs),
            ("Öffnungszeiten", e.opening_hours),
        )
        if value.strip()
    ]
    parts: list[Flowable] = [Paragraph(title, st.strong)]
    if rows:
        parts.append(facts(st, rows, LABEL_WIDTH))
    parts.append(Spacer(1, 3 * mm))
    return KeepTogether(parts)


def _exploration(st: Styles, x: TipExplorationPrint) -> Flowable:
    head = german_date(x.explored_on)
    if x.district:
        head += f" · {x.district}"
    if x.author:
        head += f" · {x.author}"
    parts: list[Flowable] = [
        Paragraph(escape(head), st.subheading),
        Paragraph(_text(x.learned), st.body),
    ]
    if x.entry_name:
        parts.append(Paragraph(escape(f"Im Katalog: {x.entry_name}"), st.small))
    parts.append(Spacer(1, 2 * mm))
    return KeepTogether(parts)


def _story(data: TipsPrint) -> list[Flowable]:
    st = styles()
    since = (
        f"Neu oder geprüft seit {german_date(data.since)}"
        if data.since
        else "Alle Einträge und Erkundungen"
    )
    story: list[Flowable] = [
        *(office_block(st, data.office) if not data.office.is_empty else []),
        Paragraph(
            "Tipps und Themen<br/><font size='14'>"
            + escape(f"für die Teamsitzung am {long_german_date(data.meeting_on)}")
            + "</font>",
            st.title,
        ),
        Spacer(1, 2 * mm),
        boxed([Paragraph(escape(since), st.box)], CONTENT_WIDTH),
        heading(st, "Neu im Sozialraum-Katalog oder geprüft", "Katalog"),
    ]
    if data.entries:
        story.extend(_entry(st, e) for e in data.entries)
    else:
        story.append(Paragraph("Keine neuen oder geprüften Einträge.", st.body))
    story.append(heading(st, "Was wir im Stadtteil erfahren haben", "Sozialraumerkundungen"))
    if data.explorations:
        story.extend(_exploration(st, x) for x in data.explorations)
    else:
        story.append(Paragraph("Keine neuen Erkundungen.", st.body))
    return story


def render_tips(data: TipsPrint) -> bytes:
    """The list as a PDF (A4, DejaVu Sans embedded, "Seite X von Y")."""
    meeting = german_date(data.meeting_on)

    def build(total: int | None) -> Built:
        furniture = _TeamFurniture(TITLE, "", "", total, meeting=meeting)
        return build_simple(_story(data), TITLE, furniture)

    return render_twice(build)


__all__ = ["TipEntryPrint", "TipExplorationPrint", "TipsPrint", "render_tips"]
