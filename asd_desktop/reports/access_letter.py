"""The answer to a request for access (Art. 15 GDPR) as a letter for a window envelope.

DIN 5008 form B like every letter of the application (office letterhead from the
settings): what is stored about the person, record by record; what was held back and
why (third parties, § 83 SGB X; entrusted, § 65 SGB VIII); the purposes, the origin,
the recipients and how long the data are kept (Art. 15 Abs. 1 GDPR); the person's
rights.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, NextPageTemplate, Spacer

from asd_desktop.domain.enums import Salutation
from asd_desktop.domain.german import Addressee, salutation_line
from asd_desktop.domain.office import Office
from asd_desktop.reports.common import (
    Built,
    Paragraph,
    german_date,
    heading,
    render_twice,
    styles,
    table,
    text,
)
from asd_desktop.reports.letter import (
    LETTER_WIDTH,
    LetterHead,
    address_lines,
    build_window_letter,
    contact_rows,
)

TITLE = "Auskunft nach Art. 15 DSGVO"


@dataclass(frozen=True)
class LetterRecord:
    """One record of the answer: its name and its fields."""

    label: str
    fields: Sequence[tuple[str, str]]


@dataclass(frozen=True)
class AccessLetter:
    """What the letter shows."""

    file_number: str
    family_name: str
    recipient: str
    recipient_address: str
    received_on: dt.date
    letter_on: dt.date
    records: Sequence[LetterRecord]
    withheld: Sequence[tuple[str, str]]
    retention: str
    sender: str = ""
    salutation: str = ""
    last_name: str = ""
    office: Office = field(default_factory=Office)


def _greeting(data: AccessLetter) -> str:
    try:
        salutation = Salutation(data.salutation)
    except ValueError:
        salutation = Salutation.NONE
    first = data.recipient[: -len(data.last_name)].strip() if data.last_name else data.recipient
    return salutation_line([Addressee(salutation, first, data.last_name or data.recipient)])


def _story(data: AccessLetter) -> list[Flowable]:
    st = styles()
    subject = ParagraphStyle("subject", parent=st.strong, fontSize=11.5, leading=16)
    story: list[Flowable] = [
        NextPageTemplate("later"),
        Paragraph(escape(TITLE), subject),
        Spacer(1, 5 * mm),
        Paragraph(escape(_greeting(data)), st.body),
        Paragraph(
            f"Sie haben am {german_date(data.received_on)} Auskunft darüber verlangt, welche "
            "Daten wir über Sie gespeichert haben. Hier ist unsere Antwort. Eine maschinenlesbare "
            "Fassung (JSON-Datei) erhalten Sie mit diesem Schreiben.",
            st.body,
        ),
        heading(st, "Welche Daten wir über Sie gespeichert haben"),
    ]
    if not data.records:
        story.append(Paragraph("Über Sie sind keine Daten gespeichert.", st.body))
    for record in data.records:
        rows = [
            [Paragraph(escape(k), st.label), Paragraph(text(v), st.body)] for k, v in record.fields
        ]
        block: list[Flowable] = [Paragraph(escape(record.label), st.subheading)]
        if rows:
            block.append(
                table(
                    rows,
                    [40 * mm, LETTER_WIDTH - 40 * mm],
                    [
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("TOPPADDING", (0, 0), (-1, -1), 1),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                    ],
                )
            )
        story.append(KeepTogether(block) if len(rows) < 12 else block[0])
        if len(rows) >= 12:
            story.extend(block[1:])
    if data.withheld:
        story.append(heading(st, "Was wir nicht mitteilen, und warum"))
        story.append(
            Paragraph(
                "Einige gespeicherte Angaben teilen wir Ihnen nicht mit. Das Gesetz schützt "
                "Angaben über andere Menschen (Art. 15 Abs. 4 DSGVO, § 83 SGB X) und was uns "
                "jemand im Vertrauen mitgeteilt hat (§ 65 SGB VIII).",
                st.body,
            )
        )
        for label, reason in data.withheld:
            story.append(Paragraph(f"{escape(label)}: {escape(reason)}", st.bullet, bulletText="•"))
    story.append(heading(st, "Weitere Angaben nach Art. 15 DSGVO"))
    facts = [
        (
            "Zweck",
            "Erfüllung der Aufgaben der Kinder- und Jugendhilfe (SGB VIII), insbesondere "
            "Beratung, Hilfen zur Erziehung und der Schutzauftrag bei Kindeswohlgefährdung.",
        ),
        (
            "Herkunft",
            "Von Ihnen selbst, von Ihrer Familie und von Stellen, die am Fall beteiligt sind.",
        ),
        (
            "Empfänger",
            "Nur soweit gesetzlich erlaubt (z. B. Familiengericht, beteiligte Träger); "
            "Auskunft darüber geben wir Ihnen gern.",
        ),
        ("Speicherdauer", data.retention),
        ("Aktenzeichen", data.file_number),
    ]
    story.append(
        table(
            [[Paragraph(escape(k), st.label), Paragraph(text(v), st.body)] for k, v in facts],
            [40 * mm, LETTER_WIDTH - 40 * mm],
            [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)],
        )
    )
    story.append(heading(st, "Ihre Rechte"))
    story.append(
        Paragraph(
            "Sie können verlangen, dass unrichtige Daten berichtigt (Art. 16 DSGVO) und nicht "
            "mehr benötigte Daten gelöscht werden (Art. 17 DSGVO, § 84 SGB X), und der "
            "Verarbeitung widersprechen (Art. 21 DSGVO). Sie können sich bei der "
            "Datenschutzaufsichtsbehörde Ihres Landes beschweren (Art. 77 DSGVO).",
            st.body,
        )
    )
    sender = data.sender.strip() or data.office.caseworker_name.strip()
    story.append(
        KeepTogether(
            [
                Spacer(1, 4 * mm),
                Paragraph("Mit freundlichen Grüßen", st.body),
                Spacer(1, 8 * mm),
                Paragraph(text(sender or " "), st.sign_name),
                Paragraph(escape(data.office.printed_name), st.small),
            ]
        )
    )
    return story


def _build(data: AccessLetter, total: int | None) -> Built:
    contacts = contact_rows(data.office)
    if data.sender.strip():
        contacts = [
            ("Ansprechperson", data.sender.strip()),
            *[row for row in contacts if row[0] != "Ansprechperson"],
        ]
    head = LetterHead(
        office=data.office,
        subject=TITLE,
        recipient=[data.recipient, *address_lines(data.recipient_address)],
        information=[
            ("Aktenzeichen", data.file_number),
            *contacts,
            ("Datum", german_date(data.letter_on)),
        ],
    )
    return build_window_letter(_story(data), TITLE, head, data.file_number, data.family_name, total)


def render_access_letter(data: AccessLetter) -> bytes:
    """The answer letter as PDF bytes (DejaVu Sans embedded)."""
    return render_twice(lambda total: _build(data, total))


__all__ = ["TITLE", "AccessLetter", "LetterRecord", "render_access_letter"]
