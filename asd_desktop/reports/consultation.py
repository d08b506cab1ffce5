"""The protocol of a Kollegiale Beratung as a PDF (A4, DejaVu Sans embedded)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from asd_desktop.domain.enums import IdeaSource
from asd_desktop.domain.office import Office
from asd_desktop.reports.common import (
    Built,
    Furniture,
    Paragraph,
    boxed,
    build_simple,
    facts,
    german_date,
    heading,
    office_block,
    render_twice,
    styles,
    text,
)

PROTOCOL_TITLE = "Protokoll der Kollegialen Beratung"
SELECTED_MARK = "✔ ausgewählt"


@dataclass(frozen=True)
class IdeaPrint:
    """One idea of the Ideenpaket."""

    text: str
    selected: bool


@dataclass(frozen=True)
class ConsultationPrint:
    """Everything the protocol shows."""

    file_number: str
    family_name: str
    held_on: dt.date
    presenter: str
    participants: str
    family_goals: str
    question: str
    #: The ideas per source, in the method's order (every source present).
    ideas: tuple[tuple[IdeaSource, tuple[IdeaPrint, ...]], ...]
    selection: str
    hze_decided: bool
    hze_kind: str
    sozialraum_question: str
    needs: tuple[str, ...]
    sozialraum_answer: str
    closed: bool
    office: Office = field(default_factory=Office)


def _story(data: ConsultationPrint) -> list[Flowable]:
    st = styles()
    rows = [
        ("Familie", data.family_name),
        ("Aktenzeichen", data.file_number),
        ("Datum", german_date(data.held_on)),
        ("Fallvorstellung", data.presenter or "–"),
        ("Teilnehmende", data.participants or "–"),
    ]
    if not data.closed:
        rows.append(("Stand", "Entwurf – das Protokoll ist noch nicht abgeschlossen."))
    story: list[Flowable] = [
        *(office_block(st, data.office) if not data.office.is_empty else []),
        Paragraph(PROTOCOL_TITLE, st.title),
        facts(st, rows, label_width=38 * mm),
        heading(st, "Die Ziele der Familie"),
        Paragraph(text(data.family_goals) or "–", st.body),
        heading(st, "Die Frage an das Team"),
        boxed([Paragraph(text(data.question) or "–", st.box)]),
        heading(st, "Die Ideen", "Ideenpaket"),
        Paragraph(
            "Gesammelt in der Reihenfolge der Methode: erst die Person selbst, dann das "
            "Umfeld, dann der Sozialraum, erst zuletzt fachliche Hilfe.",
            st.small,
        ),
    ]
    for source, ideas in data.ideas:
        block: list[Flowable] = [Paragraph(escape(f"Ideen: {source.label}"), st.subheading)]
        if not ideas:
            block.append(Paragraph("–", st.body))
        for idea in ideas:
            mark = (
                f' <font color="#1f4e79"><b>({SELECTED_MARK})</b></font>' if idea.selected else ""
            )
            block.append(Paragraph(text(idea.text) + mark, st.bullet, bulletText="•"))
        story.append(KeepTogether(block))
    story += [
        heading(st, "Die Auswahl"),
        Paragraph(text(data.selection) or "–", st.body),
        heading(st, "Hilfe zur Erziehung"),
        Paragraph(
            escape(f"Beschlossen: {data.hze_kind or 'ja'}")
            if data.hze_decided
            else "Es wurde keine Hilfe zur Erziehung beschlossen.",
            st.body,
        ),
    ]
    soz: list[Flowable] = [
        heading(st, "Was im Sozialraum fehlt", "Bedarfe"),
        Paragraph(escape(data.sozialraum_question), st.strong),
        Spacer(1, 1 * mm),
    ]
    if data.needs:
        soz.extend(Paragraph(text(n), st.bullet, bulletText="•") for n in data.needs)
    else:
        soz.append(Paragraph("–", st.body))
    if data.sozialraum_answer.strip():
        soz.append(Paragraph(text(data.sozialraum_answer), st.body))
    story.append(KeepTogether(soz))
    return story


def render_consultation(data: ConsultationPrint) -> bytes:
    """The consultation protocol as a PDF."""

    def build(total: int | None) -> Built:
        furniture = Furniture(PROTOCOL_TITLE, data.file_number, data.family_name, total)
        return build_simple(_story(data), PROTOCOL_TITLE, furniture)

    return render_twice(build)


__all__ = ["PROTOCOL_TITLE", "ConsultationPrint", "IdeaPrint", "render_consultation"]
