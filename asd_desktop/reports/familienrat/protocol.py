"""The protocol of the Familienrat as a letter to each participant.

A letter for a window envelope (DIN 5008 form B, see :mod:`asd_desktop.reports.letter`):
the coordination's line and the participant's name and address sit in the
window field; the family's proposals with the decision on each, then the
agreements, the review date and the closing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, NextPageTemplate, Spacer

from asd_desktop.domain.enums import ProposalDecision
from asd_desktop.domain.german import unbreakable, upper_first
from asd_desktop.domain.office import Office
from asd_desktop.reports.common import (
    ACCENT,
    NUMBER_WIDTH,
    RULE,
    Built,
    Paragraph,
    Styles,
    german_date,
    german_time,
    heading,
    long_german_date,
    render_twice,
    styles,
    table,
    text,
)
from asd_desktop.reports.familienrat.blocks import (
    CouncilAgreementPrint,
    agreement_list,
    concern_block,
    nbsp,
    review_date_block,
)
from asd_desktop.reports.letter import LETTER_WIDTH, LetterHead, address_lines, build_window_letter

PROTOCOL_TITLE = "Protokoll des Familienrats"


@dataclass(frozen=True)
class ProposalPrint:
    """A proposal of the family and the ASD worker's decision on it."""

    what: str
    who: str
    due_on: dt.date | None
    how_checked: str
    fallback: str
    decision: ProposalDecision
    improvement: str = ""


@dataclass(frozen=True)
class ProtocolPrint:
    """The protocol as a letter to one participant."""

    file_number: str
    family_name: str
    letter_on: dt.date
    meeting_at: dt.datetime
    place: str
    recipient: str
    recipient_address: str
    sender: str
    sender_org: str
    sender_contact: str
    concern: str
    minimum_requirements: str
    help_options: str
    info_started_at: dt.datetime | None
    family_phase_start: dt.datetime | None
    family_phase_end: dt.datetime | None
    attended: tuple[str, ...]
    proposals: tuple[ProposalPrint, ...]
    agreements: tuple[CouncilAgreementPrint, ...]
    approved_by: str
    review_on: dt.date | None
    #: The salutation line with its comma; empty: "Guten Tag" and the recipient's name.
    salutation: str = ""
    office: Office = field(default_factory=Office)


def _contact_lines(contact: str) -> list[str]:
    """Contact details one item a line: "Veringstraße 41, 21107 Hamburg" gives two lines."""
    return [
        part.strip() for line in contact.splitlines() for part in line.split(",") if part.strip()
    ]


def _protocol_story(data: ProtocolPrint) -> list[Flowable]:
    st = styles()
    subject_style = ParagraphStyle("subject", parent=st.strong, fontSize=11.5, leading=16)
    meeting_on = german_date(data.meeting_at.date())
    story: list[Flowable] = [
        NextPageTemplate("later"),
        Paragraph(f"{PROTOCOL_TITLE} vom {meeting_on}", subject_style),
        Spacer(1, 5 * mm),
        Paragraph(escape(data.salutation) or f"Guten Tag {text(data.recipient)},", st.body),
        Paragraph(
            f"am {nbsp(long_german_date(data.meeting_at.date()))} hat Familie "
            f"{escape(data.family_name)} ihren Familienrat abgehalten"
            + (f" ({text(unbreakable(data.place))})" if data.place.strip() else "")
            + ". Wie vereinbart bekommen alle Teilnehmenden dieses Protokoll. Bitte bewahren "
            "Sie es gut auf: Beim Folge-Rat schauen wir gemeinsam darauf.",
            st.body,
        ),
        *concern_block(st, data.concern, data.minimum_requirements),
    ]
    story.append(heading(st, "Wer dabei war", "Teilnehmende"))
    if data.attended:
        story.append(Paragraph(", ".join(escape(n) for n in data.attended), st.body))
    times = []
    if data.info_started_at:
        times.append(f"Beginn mit der Information um {german_time(data.info_started_at)}")
    if data.family_phase_start and data.family_phase_end:
        times.append(
            f"die Familie hat von {german_time(data.family_phase_start)} bis "
            f"{german_time(data.family_phase_end)} allein beraten, ohne Fachkräfte"
        )
    if times:
        story.append(Paragraph(escape(upper_first("; ".join(times))) + ".", st.body))
    if data.help_options.strip():
        story.append(heading(st, "Welche Hilfen genannt wurden", "Informationsphase"))
        story.append(Paragraph(text(data.help_options), st.body))
    story.extend(_proposals(st, data.proposals))
    story.extend(
        agreement_list(st, data.agreements, "Was vereinbart wurde", "Vereinbarungen", LETTER_WIDTH)
    )
    if data.approved_by.strip():
        story.append(Spacer(1, 2 * mm))
        story.append(
            Paragraph(
                f"Die Fachkraft des Jugendamts, {text(data.approved_by)}, hat diesen "
                "Vereinbarungen zugestimmt.",
                st.body,
            )
        )
    story.extend(review_date_block(st, data.review_on))
    # The last sentence, the greeting and the signature stay together (a greeting never
    # stands alone), and no more: a long block would leave the page before it half empty.
    phone = data.office.caseworker_phone.strip() or data.office.phone.strip()
    ask = "melden Sie sich gern bei mir"
    if not data.sender.strip() and phone:
        ask = f"rufen Sie mich gern an (Telefon {phone})"
    closing: list[Flowable] = [
        Spacer(1, 4 * mm),
        Paragraph(escape(f"Wenn Sie Fragen zum Protokoll haben, {ask}."), st.body),
        Spacer(1, 2 * mm),
        Paragraph("Mit freundlichen Grüßen", st.body),
        Spacer(1, 8 * mm),
    ]
    if data.sender.strip():
        closing.append(Paragraph(text(data.sender), st.sign_name))
        role = "Koordination des Familienrats"
        if data.sender_org.strip():
            role = f"{role}, {data.sender_org.strip()}"
        closing.append(Paragraph(escape(role), st.small))
    elif data.office.caseworker_name.strip():
        closing.append(Paragraph(text(data.office.caseworker_name), st.sign_name))
        closing.append(Paragraph(escape(data.office.printed_name), st.small))
    story.append(KeepTogether(closing))
    return story


def _proposals(st: Styles, proposals: Sequence[ProposalPrint]) -> list[Flowable]:
    """The family's proposals in brief, with the decision on each; details are in the agreements."""
    if not proposals:
        return []
    small_label = ParagraphStyle("proposal_label", parent=st.label, fontSize=9.5, leading=13)
    header: list[Flowable] = [
        Paragraph("", st.label),
        Paragraph("Vorschlag", small_label),
        Paragraph("Entscheidung", small_label),
    ]
    rows: list[list[Flowable]] = [header]
    for n, p in enumerate(proposals, start=1):
        who = f'<br/><font color="#5f6368">Wer: {text(p.who)}</font>' if p.who.strip() else ""
        decision = f"<b>{escape(p.decision.label)}</b>"
        if p.improvement.strip():
            decision = f"{decision}<br/>{text(p.improvement)}"
        rows.append(
            [
                Paragraph(f"{n}.", st.body),
                Paragraph(text(p.what) + who, st.body),
                Paragraph(decision, st.body),
            ]
        )
    decision_width = 48 * mm
    grid = table(
        rows,
        [NUMBER_WIDTH, LETTER_WIDTH - NUMBER_WIDTH - decision_width, decision_width],
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
            ("LINEBELOW", (0, 1), (-1, -1), 0.5, RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ],
        repeatRows=1,
    )
    intro = Paragraph(
        "Das hat die Familie in der Familienphase allein erarbeitet und danach vorgestellt:",
        st.body,
    )
    # Heading, sentence and table move to the next page together if they do not fit.
    return [KeepTogether([heading(st, "Die Ergebnisse der Familie", "Vorschläge"), intro, grid])]


def _letter_head(data: ProtocolPrint) -> LetterHead:
    information = [
        ("Aktenzeichen", data.file_number),
        ("Familienrat vom", german_date(data.meeting_at.date())),
    ]
    if data.sender.strip():
        information.append(("Koordination", data.sender))
    if data.sender_contact.strip():
        information.append(("Kontakt", "\n".join(_contact_lines(data.sender_contact))))
    # The Jugendamt's caseworker, for questions about what follows from the agreements.
    if data.office.caseworker_name.strip():
        information.append(("Fachkraft ASD", data.office.caseworker_name))
    direct = data.office.caseworker_phone.strip() or data.office.phone.strip()
    if direct:
        information.append(("Telefon ASD", direct))
    if data.office.office_hours.strip():
        information.append(("Sprechzeiten", data.office.office_hours))
    information.append(("Datum", german_date(data.letter_on)))
    return LetterHead(
        office=data.office,
        subject=f"{PROTOCOL_TITLE} · Familie {data.family_name}",
        sender=" · ".join(p.strip() for p in (data.sender, data.sender_org) if p.strip()),
        recipient=[data.recipient, *address_lines(data.recipient_address)],
        information=information,
    )


def _build_letter(data: ProtocolPrint, total: int | None) -> Built:
    return build_window_letter(
        _protocol_story(data),
        PROTOCOL_TITLE,
        _letter_head(data),
        data.file_number,
        data.family_name,
        total,
    )


def render_protocol(data: ProtocolPrint) -> bytes:
    """The protocol as a letter to one participant, for a window envelope (DIN 5008 B)."""
    return render_twice(lambda total: _build_letter(data, total))
