"""The letter to the persons with custody stating an Auftrag or an Auflage.

A letter for a window envelope (DIN 5008 form B, the same measures as the
Familienrat's protocol letter): what is asked in plain words, by when, what must
be shown or how it is checked, and what follows otherwise. Its last part is a
receipt to cut off and sign ("Empfangsbestätigung"), which the family hands back.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    NextPageTemplate,
    Spacer,
)

from asd_desktop.domain.german import child_accusative, child_phrase, upper_first
from asd_desktop.domain.office import Office
from asd_desktop.reports.bilingual import Bilingual
from asd_desktop.reports.common import (
    INK,
    MUTED,
    Built,
    Paragraph,
    boxed,
    german_date,
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
    contact_rows,
)

AUFTRAG_TITLE = "Auftrag des Jugendamts"
AUFLAGE_TITLE = "Auflage des Jugendamts"


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
    #: The salutation line with its comma ("Sehr geehrte Frau Al Zein, sehr geehrter …,").
    salutation: str = ""
    #: How many children the case concerns: "Ihres Kindes" or "Ihrer Kinder".
    children: int = 1
    office: Office = field(default_factory=Office)
    #: The family's language for a bilingual print ("tr", "ar" …); "" = German only.
    language: str = ""

    @property
    def is_auflage(self) -> bool:
        """An Auflage (Gefährdungsbereich) rather than an Auftrag (Graubereich)."""
        return self.kind == "auflage"

    @property
    def title(self) -> str:
        """The letter's subject."""
        return AUFLAGE_TITLE if self.is_auflage else AUFTRAG_TITLE


def _what_is_asked(data: MandateLetterPrint) -> tuple[str, str, str]:
    """The opening sentence, the heading of the requirement, and the deadline sentence.

    The opening follows the salutation's comma, so it starts in lower case.
    """
    due = long_german_date(data.due_on)
    child = child_accusative(data.children)
    if data.kind == "auftrag_ueberpruefung":
        doing = "Ihren Kindern gut geht" if data.children > 1 else "Ihrem Kind gut geht"
        return (
            f"wir haben mit Ihnen über unsere Sorge um {child} gesprochen. Um sie zu "
            "klären, erteilen wir Ihnen folgenden Auftrag: Bitte zeigen Sie uns, dass es "
            f"{doing}.",
            "Was Sie uns zeigen",
            f"Bitte legen Sie uns die Belege bis zum {due} vor.",
        )
    if data.kind == "auftrag_abwendung":
        return (
            f"wir haben mit Ihnen darüber gesprochen, dass {child_phrase(data.children, True)} "
            "eine Gefahr droht. "
            "Damit es nicht so weit kommt, erteilen wir Ihnen folgenden Auftrag.",
            "Was Sie ab jetzt sicherstellen",
            f"Das gilt ab sofort; wir schauen am {due} gemeinsam, ob es gelungen ist.",
        )
    return (
        f"das Wohl {child_phrase(data.children)} ist gefährdet. Um {child} zu schützen, "
        "erteilen wir Ihnen die folgende Auflage. Sie ist verbindlich.",
        "Was Sie tun müssen",
        f"Die Auflage muss bis zum {due} erfüllt sein.",
    )


def _salutation(data: MandateLetterPrint) -> str:
    if data.salutation.strip():
        return data.salutation.strip()
    names = data.recipient.strip().replace("\n", ", ")
    return f"Guten Tag {names}," if names else "Guten Tag,"


def _story(data: MandateLetterPrint, compact: bool = False) -> list[Flowable]:
    """The letter's text; ``compact`` tightens the spacing so letter and receipt share a page."""
    st = styles()
    bi = Bilingual(st, data.language)
    gap = 0.5 if compact else 1.0
    subject = ParagraphStyle("subject", parent=st.strong, fontSize=11.5, leading=16)
    opening, requirement_heading, deadline = _what_is_asked(data)
    story: list[Flowable] = [
        NextPageTemplate("later"),
        Paragraph(f"{escape(data.title)} vom {german_date(data.issued_on)}", subject),
    ]
    if bi.said(data.title):
        story.append(bi.translated(bi.said(data.title), bold=True))
    story += [
        *bi.note(),
        Spacer(1, 5 * mm * gap),
        Paragraph(escape(_salutation(data)), st.body),
        Paragraph(escape(opening), st.body),
    ]
    if data.risk.strip():
        why = "Worum wir uns sorgen" if not data.is_auflage else "Welche Gefahr abgewendet wird"
        story.append(bi.heading(why))
        story.append(Paragraph(text(data.risk), st.body))
    story.append(bi.heading(requirement_heading))
    story.append(boxed([Paragraph(text(data.requirement), st.box)], LETTER_WIDTH))
    rows = [("Frist", f"bis {german_date(data.due_on)}")]
    if data.evidence_required.strip():
        rows.append(("Belege", data.evidence_required))
    if data.how_checked.strip():
        rows.append(("So prüfen wir", data.how_checked))
    story.append(Spacer(1, 3 * mm))
    story.append(
        table(
            [[Paragraph(bi.label(k), st.label), Paragraph(text(v), st.body)] for k, v in rows],
            [34 * mm, LETTER_WIDTH - 34 * mm],
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ],
        )
    )
    story.append(Spacer(1, 2 * mm * gap))
    story.append(Paragraph(escape(deadline), st.body))
    if data.consequence.strip():
        story.append(bi.heading("Was passiert, wenn es nicht gelingt"))
        story.append(Paragraph(text(upper_first(data.consequence)), st.body))
    call = "melden Sie sich bitte vorher bei mir"
    phone = data.office.caseworker_phone.strip() or data.office.phone.strip()
    if phone:
        call = f"rufen Sie mich bitte vorher an (Telefon {escape(phone)})"
    sender = data.sender.strip() or data.office.caseworker_name.strip()
    # The last paragraph, the closing with its signature and the receipt stay on one
    # page: a receipt never stands alone, a greeting never without text before it.
    tail: list[Flowable] = [
        Spacer(1, 3 * mm * gap),
        Paragraph(
            f"Wenn Sie Fragen haben oder die Frist nicht einhalten können, {call}. Bitte "
            "unterschreiben Sie die Empfangsbestätigung unten und geben Sie sie mir zurück.",
            st.body,
        ),
        Spacer(1, 2 * mm * gap),
        *bi.sentence("Mit freundlichen Grüßen", st.body),
        Spacer(1, 8 * mm if not compact else 6 * mm),
        Paragraph(text(sender or " "), st.sign_name),
        Paragraph(escape(data.office.printed_name), st.small),
        *_receipt(data, compact),
    ]
    story.append(KeepTogether(tail))
    return story


def _receipt(data: MandateLetterPrint, compact: bool = False) -> list[Flowable]:
    """The part to cut off: received on, name, signature."""
    st = styles()
    bi = Bilingual(st, data.language)
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
            [Paragraph(bi.label("Erhalten am:"), st.body), ""],
            [Paragraph(bi.label("Name:"), st.body), ""],
            [Paragraph(bi.label("Unterschrift:"), st.body), ""],
        ],
        [32 * mm, LETTER_WIDTH - 32 * mm],
        [*line_row, ("LEFTPADDING", (0, 0), (-1, -1), 0)],
        rowHeights=[(8 if compact else 11) * mm] * 3,
    )
    return [
        Spacer(1, (5 if compact else 10) * mm),
        cut,
        Paragraph(bi.label("Empfangsbestätigung"), st.strong),
        Paragraph(
            f"Aktenzeichen {escape(data.file_number)} · Familie {escape(data.family_name)}<br/>"
            f"Ich habe {what} vom {german_date(data.issued_on)} "
            f"(Frist: {german_date(data.due_on)}) erhalten.",
            st.body,
        ),
        fields,
    ]


def _build(data: MandateLetterPrint, total: int | None, compact: bool = False) -> Built:
    contacts = contact_rows(data.office)
    if data.sender.strip():
        contacts = [
            ("Ansprechperson", data.sender.strip()),
            *[row for row in contacts if row[0] != "Ansprechperson"],
        ]
    head = LetterHead(
        office=data.office,
        subject=f"{data.title} · Familie {data.family_name}",
        recipient=[
            *[r.strip() for r in data.recipient.splitlines() if r.strip()],
            *address_lines(data.recipient_address),
        ],
        information=[
            ("Aktenzeichen", data.file_number),
            *contacts,
            ("Datum", german_date(data.letter_on)),
        ],
    )
    return build_window_letter(
        _story(data, compact), data.title, head, data.file_number, data.family_name, total
    )


def render_mandate_letter(data: MandateLetterPrint) -> bytes:
    """The letter with the receipt, for a window envelope (DIN 5008 B).

    A letter that spills onto a second page only by a little is set a little
    tighter so that letter, signature and receipt fit on one sheet.
    """
    compact = _build(data, None).pages > 1 and _build(data, None, compact=True).pages == 1
    return render_twice(lambda total: _build(data, total, compact))


__all__ = ["AUFLAGE_TITLE", "AUFTRAG_TITLE", "MandateLetterPrint", "render_mandate_letter"]
