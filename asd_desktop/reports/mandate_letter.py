"""The letter to the persons with custody stating an Auftrag or an Auflage.

A letter for a window envelope (DIN 5008 form B, the same measures as the
Familienrat's protocol letter): what is asked in plain words, by when, what must
be shown or how it is checked, and what follows otherwise. Its last part is a
receipt to cut off and sign ("Empfangsbestätigung"), which the family hands back.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    NextPageTemplate,
    Paragraph,
    Spacer,
)

from asd_desktop.reports.common import (
    INK,
    MUTED,
    Built,
    boxed,
    german_date,
    heading,
    long_german_date,
    render_twice,
    styles,
    table,
    text,
)
from asd_desktop.reports.fonts import register_fonts
from asd_desktop.reports.letter import (
    LETTER_WIDTH,
    LetterHead,
    address_lines,
    build_window_letter,
)

AUFTRAG_TITLE = "Auftrag des Jugendamts"
AUFLAGE_TITLE = "Auflage des Jugendamts"
SENDER_ORG = "Jugendamt · Allgemeiner Sozialer Dienst"


@dataclass(frozen=True)
class MandateLetterPrint:
    """What the letter shows; ``kind`` is a MandateKind value ("auflage", …)."""

    file_number: str
    family_name: str
    letter_on: dt.date
    recipient: str
    recipient_address: str
    sender: str
    kind: str
    issued_on: dt.date
    due_on: dt.date
    requirement: str
    evidence_required: str
    risk: str
    consequence: str
    how_checked: str
    sender_org: str = SENDER_ORG

    @property
    def is_auflage(self) -> bool:
        """An Auflage (Gefährdungsbereich) rather than an Auftrag (Graubereich)."""
        return self.kind == "auflage"

    @property
    def title(self) -> str:
        """The letter's subject."""
        return AUFLAGE_TITLE if self.is_auflage else AUFTRAG_TITLE


def _what_is_asked(data: MandateLetterPrint) -> tuple[str, str, str]:
    """The opening sentence, the heading of the requirement, and the deadline sentence."""
    due = long_german_date(data.due_on)
    if data.kind == "auftrag_ueberpruefung":
        return (
            "wir haben mit Ihnen über unsere Sorge um Ihr Kind gesprochen. Um sie zu "
            "klären, erteilen wir Ihnen folgenden Auftrag: Bitte zeigen Sie uns, dass es "
            "Ihrem Kind gut geht.",
            "Was Sie uns zeigen",
            f"Bitte legen Sie uns die Belege bis zum {due} vor.",
        )
    if data.kind == "auftrag_abwendung":
        return (
            "wir haben mit Ihnen darüber gesprochen, dass Ihrem Kind eine Gefahr droht. "
            "Damit es nicht so weit kommt, erteilen wir Ihnen folgenden Auftrag.",
            "Was Sie ab jetzt sicherstellen",
            f"Das gilt ab sofort; wir schauen am {due} gemeinsam, ob es gelungen ist.",
        )
    return (
        "das Wohl Ihres Kindes ist gefährdet. Um Ihr Kind zu schützen, erteilen wir Ihnen "
        "die folgende Auflage. Sie ist verbindlich.",
        "Was Sie tun müssen",
        f"Die Auflage muss bis zum {due} erfüllt sein.",
    )


def _story(data: MandateLetterPrint) -> list[Flowable]:
    st = styles()
    subject = ParagraphStyle("subject", parent=st.strong, fontSize=11.5, leading=16)
    opening, requirement_heading, deadline = _what_is_asked(data)
    greeting = data.recipient.strip().replace("\n", ", ") or "Sorgeberechtigte"
    story: list[Flowable] = [
        NextPageTemplate("later"),
        Paragraph(f"{escape(data.title)} vom {german_date(data.issued_on)}", subject),
        Spacer(1, 5 * mm),
        Paragraph(f"Guten Tag {escape(greeting)},", st.body),
        Paragraph(escape(opening), st.body),
    ]
    if data.risk.strip():
        why = "Worum wir uns sorgen" if not data.is_auflage else "Welche Gefahr abgewendet wird"
        story.append(heading(st, why))
        story.append(Paragraph(text(data.risk), st.body))
    story.append(heading(st, requirement_heading))
    story.append(boxed([Paragraph(text(data.requirement), st.box)], LETTER_WIDTH))
    rows = [("Frist", f"bis {german_date(data.due_on)}")]
    if data.evidence_required.strip():
        rows.append(("Belege", data.evidence_required))
    if data.how_checked.strip():
        rows.append(("So prüfen wir", data.how_checked))
    story.append(Spacer(1, 3 * mm))
    story.append(
        table(
            [[Paragraph(escape(k), st.label), Paragraph(text(v), st.body)] for k, v in rows],
            [34 * mm, LETTER_WIDTH - 34 * mm],
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ],
        )
    )
    story.append(Spacer(1, 2 * mm))
    story.append(Paragraph(escape(deadline), st.body))
    if data.consequence.strip():
        story.append(heading(st, "Was passiert, wenn es nicht gelingt"))
        story.append(Paragraph(text(data.consequence), st.body))
    story.append(
        KeepTogether(
            [
                Spacer(1, 3 * mm),
                Paragraph(
                    "Wenn Sie Fragen haben oder die Frist nicht einhalten können, melden Sie "
                    "sich bitte vorher bei mir. Bitte unterschreiben Sie die "
                    "Empfangsbestätigung unten und geben Sie sie mir zurück.",
                    st.body,
                ),
                Spacer(1, 2 * mm),
                Paragraph("Mit freundlichen Grüßen", st.body),
                Spacer(1, 8 * mm),
                Paragraph(text(data.sender or " "), st.sign_name),
                Paragraph(escape(data.sender_org), st.small),
            ]
        )
    )
    story.append(KeepTogether(_receipt(data)))
    return story


def _receipt(data: MandateLetterPrint) -> list[Flowable]:
    """The part to cut off: received on, name, signature."""
    st = styles()
    cut = table(
        [["✂  hier abtrennen"]],
        [LETTER_WIDTH],
        [
            ("LINEABOVE", (0, 0), (-1, -1), 0.8, MUTED, None, (3, 3)),
            ("FONTSIZE", (0, 0), (-1, -1), 7.5),
            ("TEXTCOLOR", (0, 0), (-1, -1), MUTED),
            ("FONTNAME", (0, 0), (-1, -1), register_fonts()[0]),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ],
    )
    what = "die Auflage" if data.is_auflage else "den Auftrag"
    line_row = [("LINEBELOW", (1, 0), (1, -1), 0.8, INK), ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]
    fields = table(
        [
            [Paragraph("Erhalten am:", st.body), ""],
            [Paragraph("Name:", st.body), ""],
            [Paragraph("Unterschrift:", st.body), ""],
        ],
        [32 * mm, LETTER_WIDTH - 32 * mm],
        [*line_row, ("LEFTPADDING", (0, 0), (-1, -1), 0)],
        rowHeights=[11 * mm] * 3,
    )
    return [
        Spacer(1, 10 * mm),
        cut,
        Paragraph("Empfangsbestätigung", st.strong),
        Paragraph(
            f"Aktenzeichen {escape(data.file_number)} · Familie {escape(data.family_name)}<br/>"
            f"Ich habe {what} vom {german_date(data.issued_on)} "
            f"(Frist: {german_date(data.due_on)}) erhalten.",
            st.body,
        ),
        fields,
    ]


def _build(data: MandateLetterPrint, total: int | None) -> Built:
    head = LetterHead(
        brand="Jugendamt",
        subject=f"{data.title} · Familie {data.family_name}",
        organisation=data.sender_org,
        sender=" · ".join(p.strip() for p in (data.sender, data.sender_org) if p.strip()),
        recipient=[
            *[r.strip() for r in data.recipient.splitlines() if r.strip()],
            *address_lines(data.recipient_address),
        ],
        information=[
            ("Aktenzeichen", data.file_number),
            *([("Fachkraft", data.sender)] if data.sender.strip() else []),
            ("Datum", german_date(data.letter_on)),
        ],
    )
    return build_window_letter(
        _story(data), data.title, head, data.file_number, data.family_name, total
    )


def render_mandate_letter(data: MandateLetterPrint) -> bytes:
    """The letter with the receipt, for a window envelope (DIN 5008 B)."""
    return render_twice(lambda total: _build(data, total))


__all__ = ["AUFLAGE_TITLE", "AUFTRAG_TITLE", "MandateLetterPrint", "render_mandate_letter"]
