"""The invitation the family hands to each person it chose."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from asd_desktop.domain.german import unbreakable
from asd_desktop.domain.office import Office
from asd_desktop.reports.bilingual import Bilingual
from asd_desktop.reports.common import (
    CONTENT_WIDTH,
    INK,
    Paragraph,
    Styles,
    boxed,
    german_time,
    long_german_date,
    styles,
    table,
    text,
)
from asd_desktop.reports.familienrat.blocks import nbsp, render_page_document
from asd_desktop.reports.fonts import register_fonts

INVITATION_TITLE = "Einladung zum Familienrat"

#: What a Familienrat is, in two plain sentences (on every invitation).
WHAT_IS_A_COUNCIL = (
    "Beim Familienrat kommen die Familie und die Menschen, die ihr wichtig sind, zusammen "
    "und überlegen gemeinsam, wie es gut weitergehen kann. Die Familie berät dabei allein "
    "und macht ihren eigenen Plan; Fachleute erklären nur am Anfang, worum es geht."
)


@dataclass(frozen=True)
class InvitationPrint:
    """One participant's invitation, handed out by the family."""

    file_number: str
    family_name: str
    participant: str
    invited_by: str
    meeting_at: dt.datetime
    place: str
    food: bool = False
    childcare: bool = False
    interpreter: bool = False
    setting_notes: str = ""
    moderator: str = ""
    moderator_contact: str = ""
    office: Office = field(default_factory=Office)
    #: The family's language for a bilingual print ("tr", "ar" …); "" = German only.
    language: str = ""


def _when(at: dt.datetime) -> str:
    return f"{long_german_date(at.date())}, um {german_time(at)}"


def _invitation_story(data: InvitationPrint) -> list[Flowable]:
    st = styles()
    _, bold = register_fonts()
    name_style = ParagraphStyle(
        "recipient", parent=st.body, fontName=bold, fontSize=18, leading=23, textColor=INK
    )
    when_style = ParagraphStyle("when", parent=st.box, fontSize=13, leading=18)
    bi = Bilingual(st, data.language)
    invite = (
        "Wir, Familie {family}, laden Sie herzlich zu unserem Familienrat ein. "
        "Wir freuen uns, wenn Sie dabei sind."
    )
    title: list[Flowable] = [Paragraph(INVITATION_TITLE, st.title)]
    if bi.said(INVITATION_TITLE):
        title.append(bi.translated(bi.said(INVITATION_TITLE), bold=True))
    story: list[Flowable] = [
        *title,
        *bi.note(),
        Spacer(1, 3 * mm),
        Paragraph(bi.label("für"), st.label),
        Paragraph(text(data.participant), name_style),
        Spacer(1, 4 * mm),
        *bi.sentence(
            escape(invite.format(family=data.family_name)),
            st.body,
            invite,
            family=data.family_name,
        ),
        Spacer(1, 2 * mm),
        boxed(
            [
                Paragraph(bi.label("Wann?"), st.label),
                Paragraph(nbsp(_when(data.meeting_at)), when_style),
                Spacer(1, 2 * mm),
                Paragraph(bi.label("Wo?"), st.label),
                Paragraph(text(unbreakable(data.place)), when_style),
            ]
        ),
        bi.heading("Was ist ein Familienrat?"),
        *bi.sentence(WHAT_IS_A_COUNCIL, st.body),
    ]
    setting = []
    if data.food:
        setting.append("Für Essen und Trinken ist gesorgt.")
    if data.childcare:
        setting.append("Für die Kinder gibt es eine Betreuung.")
    if data.interpreter:
        setting.append("Eine Dolmetscherin oder ein Dolmetscher ist dabei.")
    if setting or data.setting_notes.strip():
        story.append(bi.heading("Was Sie erwartet"))
        for s in setting:
            story.append(Paragraph(escape(s), st.bullet, bulletText="•"))
            if bi.said(s):
                story.append(_indented(bi.translated(bi.said(s))))
        if data.setting_notes.strip():
            story.append(Paragraph(text(data.setting_notes), st.bullet, bulletText="•"))
        lasts = (
            "Der Familienrat dauert so lange, wie die Familie braucht – planen Sie bitte "
            "einige Stunden ein."
        )
        story.append(Paragraph(lasts, st.bullet, bulletText="•"))
        if bi.said(lasts):
            story.append(_indented(bi.translated(bi.said(lasts))))
    story.append(bi.heading("Kommen Sie?"))
    if data.invited_by.strip():
        story.append(
            Paragraph(
                f"Bitte sagen Sie {text(data.invited_by)} Bescheid, ob Sie kommen können.",
                st.body,
            )
        )
    else:
        story.extend(bi.sentence("Bitte sagen Sie uns Bescheid, ob Sie kommen können.", st.body))
    if data.moderator.strip():
        # One sentence: the contact's lines joined with commas.
        lines = [x.strip() for x in data.moderator_contact.splitlines() if x.strip()]
        contact = f", {escape(', '.join(lines))}" if lines else ""
        story.append(
            Paragraph(
                f"Fragen zum Ablauf beantwortet gern die Koordination des Familienrats: "
                f"{text(data.moderator)}{contact}.",
                st.body,
            )
        )
    signed = (
        f"{text(data.invited_by)} für Familie {escape(data.family_name)}"
        if data.invited_by.strip()
        else f"Familie {escape(data.family_name)}"
    )
    story.extend(
        [
            Spacer(1, 6 * mm),
            *bi.sentence("Herzliche Grüße", st.body),
            Paragraph(signed, st.strong),
        ]
    )
    if not data.office.is_empty:
        story.extend(_office_contact(st, data.office))
    return story


def _indented(flowable: Flowable) -> Flowable:
    """A translation beneath a bullet, indented like the bullet's text."""
    return table(
        [[flowable]],
        [CONTENT_WIDTH],
        [
            ("LEFTPADDING", (0, 0), (-1, -1), 12),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ],
    )


def _office_contact(st: Styles, office: Office) -> list[Flowable]:
    """Whom to ask at the Jugendamt, small at the end of the invitation."""
    lines = [office.printed_name, ", ".join(office.address_lines())]
    reach = []
    if office.caseworker_name.strip():
        reach.append(f"Ansprechperson: {office.caseworker_name.strip()}")
    phone = office.caseworker_phone.strip() or office.phone.strip()
    if phone:
        reach.append(f"Telefon {phone}")
    if office.email.strip():
        reach.append(office.email.strip())
    lines.append(" · ".join(reach))
    if office.office_hours.strip():
        lines.append(f"Sprechzeiten: {office.office_hours.strip()}")
    return [
        Spacer(1, 8 * mm),
        Paragraph("Der Familienrat wird begleitet vom", st.small),
        Paragraph("<br/>".join(escape(x) for x in lines if x.strip()), st.small),
    ]


def render_invitation(data: InvitationPrint) -> bytes:
    """One participant's invitation as a PDF (A4, DejaVu Sans embedded)."""
    return render_page_document(
        lambda: _invitation_story(data), INVITATION_TITLE, data.file_number, data.family_name
    )
