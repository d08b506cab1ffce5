"""The Folge-Rat's summary: each agreement reviewed, what follows, hours and financing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from asd_desktop.domain.enums import AgreementKept, CouncilActivity, CouncilOutcome, Financing
from asd_desktop.domain.office import Office
from asd_desktop.reports.common import (
    ACCENT,
    Paragraph,
    Styles,
    facts,
    german_date,
    german_number,
    heading,
    numbered,
    office_block,
    styles,
    table,
    text,
)
from asd_desktop.reports.familienrat.blocks import date_text, render_page_document

REVIEW_TITLE = "Überprüfung der Vereinbarungen"

KEPT_COLOURS: dict[AgreementKept, Color] = {
    AgreementKept.KEPT: HexColor("#1e6b34"),
    AgreementKept.PARTLY: HexColor("#8a5a00"),
    AgreementKept.NOT_KEPT: HexColor("#a11d1d"),
}


@dataclass(frozen=True)
class ReviewItemPrint:
    """How one agreement was kept (``status`` None: not reviewed yet)."""

    what: str
    who: str
    due_on: dt.date | None
    status: AgreementKept | None
    comment: str = ""


@dataclass(frozen=True)
class ReviewPrint:
    """The Folge-Rat's summary: each agreement reviewed, the outcome, hours and financing."""

    file_number: str
    family_name: str
    meeting_at: dt.datetime | None
    review_on: dt.date | None
    reviewed_on: dt.date | None
    items: tuple[ReviewItemPrint, ...]
    outcome: CouncilOutcome | None
    hze_kind: str
    notes: str
    hours: tuple[tuple[CouncilActivity, float], ...]
    usual_hours: tuple[float, float]
    financing: Financing | None
    caseworker: str = ""
    moderator: str = ""
    office: Office = field(default_factory=Office)


def kept_counts(items: Sequence[ReviewItemPrint]) -> str:
    """The review in one line: 2 von 3 Vereinbarungen eingehalten, 1 teilweise."""
    reviewed = [i for i in items if i.status is not None]
    kept = sum(i.status is AgreementKept.KEPT for i in reviewed)
    partly = sum(i.status is AgreementKept.PARTLY for i in reviewed)
    missed = sum(i.status is AgreementKept.NOT_KEPT for i in reviewed)
    noun = "Vereinbarung" if len(items) == 1 else "Vereinbarungen"
    parts = [f"{kept} von {len(items)} {noun} eingehalten"]
    if partly:
        parts.append(f"{partly} teilweise")
    if missed:
        parts.append(f"{missed} nicht eingehalten")
    return ", ".join(parts)


def _review_story(data: ReviewPrint) -> list[Flowable]:
    st = styles()
    meeting = german_date(data.meeting_at.date()) if data.meeting_at else ""
    rows = [("Familie", data.family_name), ("Aktenzeichen", data.file_number)]
    if meeting:
        rows.append(("Familienrat am", meeting))
    if data.review_on:
        rows.append(("Überprüfung geplant", german_date(data.review_on)))
    if data.reviewed_on:
        rows.append(("Überprüft am", german_date(data.reviewed_on)))
    if data.moderator.strip():
        rows.append(("Koordination", data.moderator))
    if data.caseworker.strip():
        rows.append(("Fachkraft ASD", data.caseworker))
    story: list[Flowable] = [
        *(office_block(st, data.office) if not data.office.is_empty else []),
        Paragraph(REVIEW_TITLE, st.title),
        Paragraph(
            "Beim Folge-Rat haben wir gemeinsam geschaut, was aus den Vereinbarungen "
            + (f"vom {meeting} " if meeting else "")
            + "geworden ist.",
            st.body,
        ),
        Spacer(1, 2 * mm),
        facts(st, rows, label_width=46 * mm),
    ]
    blocks = []
    for n, item in enumerate(data.items, start=1):
        if item.status is None:
            status = '<font color="#5f6368">noch nicht überprüft</font>'
        else:
            colour = KEPT_COLOURS[item.status].hexval()[2:]
            status = f'<font color="#{colour}"><b>{escape(item.status.label)}</b></font>'
        rows = [
            ("Überprüfung", status),
            ("Anmerkung", text(item.comment)),
            ("Wer?", text(item.who)),
            ("Bis wann?", date_text(item.due_on)),
        ]
        blocks.append(numbered(st, n, item.what, rows))
    if blocks:
        story.append(
            KeepTogether(
                [
                    heading(st, "Wie die Vereinbarungen eingehalten wurden", "Überprüfung"),
                    Paragraph(escape(kept_counts(data.items)) + ".", st.body),
                    blocks[0],
                ]
            )
        )
        story.extend(blocks[1:])
    outcome: list[Flowable] = [heading(st, "Wie es weitergeht", "Ergebnis")]
    if data.outcome is None:
        outcome.append(Paragraph("Noch nicht entschieden.", st.body))
    else:
        outcome.append(Paragraph(escape(data.outcome.label), st.box))
        if data.outcome is CouncilOutcome.HZE and data.hze_kind.strip():
            outcome.append(Paragraph(f"Art der Hilfe: {text(data.hze_kind)}", st.body))
    if data.notes.strip():
        outcome.append(Paragraph(text(data.notes), st.body))
    story.append(KeepTogether(outcome))
    story.extend(_hours(st, data))
    return story


def _hours(st: Styles, data: ReviewPrint) -> list[Flowable]:
    low, high = data.usual_hours
    total = sum(h for _, h in data.hours)
    right = ParagraphStyle("right", parent=st.body, alignment=TA_RIGHT)
    header: list[Flowable] = [
        Paragraph("Tätigkeit", st.label),
        Paragraph("Stunden", ParagraphStyle("right_label", parent=st.label, alignment=TA_RIGHT)),
    ]
    rows: list[list[Flowable]] = [header]
    for activity, hours in data.hours:
        rows.append(
            [Paragraph(escape(activity.label), st.body), Paragraph(_hours_text(hours), right)]
        )
    rows.append(
        [Paragraph("<b>zusammen</b>", st.body), Paragraph(f"<b>{_hours_text(total)}</b>", right)]
    )
    grid = table(
        rows,
        [60 * mm, 30 * mm],
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
            ("LINEABOVE", (0, -1), (-1, -1), 0.8, ACCENT),
            ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ],
    )
    usual = f"{german_number(low)}–{german_number(high)}"
    if total < low:
        compared = f"weniger als die üblichen {usual} Stunden"
    elif total > high:
        compared = f"mehr als die üblichen {usual} Stunden"
    else:
        compared = f"im üblichen Rahmen von {usual} Stunden"
    financing = (
        f"Finanziert über {data.financing.label}, nicht über Fachleistungsstunden."
        if data.financing
        else "Die Finanzierung ist noch nicht eingetragen (§ 16 SGB VIII oder SHA-Mittel, "
        "nicht über Fachleistungsstunden)."
    )
    return [
        KeepTogether(
            [
                heading(st, "Stunden und Finanzierung"),
                grid,
                Spacer(1, 2 * mm),
                Paragraph(
                    f"Insgesamt {german_number(total)} Stunden – {escape(compared)}.", st.body
                ),
                Paragraph(escape(financing), st.body),
            ]
        )
    ]


def _hours_text(hours: float) -> str:
    return f"{hours:.1f}".replace(".", ",")


def render_review(data: ReviewPrint) -> bytes:
    """The Folge-Rat's review summary as a PDF (A4, DejaVu Sans embedded)."""
    return render_page_document(
        lambda: _review_story(data), REVIEW_TITLE, data.file_number, data.family_name
    )
