"""The Familienrat's printed documents: invitation, plan, protocol letter, review summary.

Written for the family and the people it chose, not for the file: plain words,
the family's own sentences, numbered agreements, and the method's terms only
small next to plain headings. The protocol is a letter for a window envelope
(DIN 5008 form B): the sender line and the participant's name and address sit
in the window field, 45 mm from the top and 20 mm from the left, 85 × 45 mm.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageTemplate,
    Paragraph,
    Spacer,
)

from asd_desktop.models.enums import (
    AgreementKept,
    CouncilActivity,
    CouncilOutcome,
    Financing,
    ProposalDecision,
)
from asd_desktop.reports.common import (
    ACCENT,
    CONTENT_WIDTH,
    INK,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    MUTED,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RULE,
    Built,
    Furniture,
    Styles,
    boxed,
    build_simple,
    document_options,
    facts,
    german_date,
    german_number,
    german_time,
    heading,
    long_german_date,
    render_twice,
    signature_block,
    signatures,
    styles,
    table,
    text,
)
from asd_desktop.reports.fonts import register_fonts

INVITATION_TITLE = "Einladung zum Familienrat"
PLAN_TITLE = "Unser Plan"
PROTOCOL_TITLE = "Protokoll des Familienrats"
REVIEW_TITLE = "Überprüfung der Vereinbarungen"

#: What a Familienrat is, in two plain sentences (on every invitation).
WHAT_IS_A_COUNCIL = (
    "Beim Familienrat kommen die Familie und die Menschen, die ihr wichtig sind, zusammen "
    "und überlegen gemeinsam, wie es gut weitergehen kann. Die Familie berät dabei allein "
    "und macht ihren eigenen Plan; Fachleute erklären nur am Anfang, worum es geht."
)

NUMBER_WIDTH = 10 * mm
LABEL_WIDTH = 50 * mm

# DIN 5008 form B, measured from the top-left corner of the sheet.
WINDOW_TOP = 45 * mm
WINDOW_LEFT = 20 * mm
WINDOW_WIDTH = 85 * mm
WINDOW_HEIGHT = 45 * mm
#: The upper part of the window field: the sender line sits at its bottom.
REMARK_ZONE = 17.7 * mm
#: Text in the window field and the letter's body start 5 mm further in.
LETTER_INDENT = 5 * mm
INFO_LEFT = 125 * mm
INFO_TOP = 50 * mm
LETTER_BODY_TOP = 98.5 * mm
FOLD_MARKS = (105 * mm, 210 * mm)
#: The letter's text runs from 25 mm to 20 mm before the right edge.
LETTER_WIDTH = CONTENT_WIDTH - LETTER_INDENT
HOLE_MARK = 148.5 * mm

KEPT_COLOURS: dict[AgreementKept, Color] = {
    AgreementKept.KEPT: HexColor("#1e6b34"),
    AgreementKept.PARTLY: HexColor("#8a5a00"),
    AgreementKept.NOT_KEPT: HexColor("#a11d1d"),
}


# --- what the documents show --------------------------------------------------------------


@dataclass(frozen=True)
class CouncilAgreementPrint:
    """One agreement as printed; ``fallback`` is the emergency plan of its proposal."""

    what: str
    who: str
    due_on: dt.date | None
    how_checked: str
    fallback: str = ""


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


@dataclass(frozen=True)
class PlanPrint:
    """The family's plan: every agreement, the review date, a signature line per person."""

    file_number: str
    family_name: str
    meeting_at: dt.datetime | None
    place: str
    concern: str
    minimum_requirements: str
    agreements: tuple[CouncilAgreementPrint, ...]
    review_on: dt.date | None
    signers: tuple[str, ...]
    caseworker: str
    moderator: str = ""


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


def address_lines(address: str) -> list[str]:
    """A postal address as window lines: its own lines, else split at the commas."""
    lines = [line.strip() for line in address.strip().splitlines() if line.strip()]
    if len(lines) == 1:
        lines = [part.strip() for part in lines[0].split(",") if part.strip()]
    return lines


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


def _contact_lines(contact: str) -> list[str]:
    """Contact details one item a line: "Veringstraße 41, 21107 Hamburg" gives two lines."""
    return [
        part.strip() for line in contact.splitlines() for part in line.split(",") if part.strip()
    ]


def _when(at: dt.datetime) -> str:
    return f"{long_german_date(at.date())}, um {german_time(at)}"


def _nbsp(value: str) -> str:
    return escape(value).replace(" ", "\u00a0")


# --- shared blocks ------------------------------------------------------------------------


def _numbered(
    st: Styles,
    number: int,
    title: str,
    rows: Sequence[tuple[str, str]],
    width: float = CONTENT_WIDTH,
) -> Flowable:
    """A numbered item: its text in bold, then label–value lines.

    ``rows`` hold Paragraph markup (callers escape the family's words); empty
    values are left out.
    """
    shown = [(k, v) for k, v in rows if v.strip()]
    inner: list[Flowable] = [Paragraph(text(title), st.strong)]
    if shown:
        inner.append(Spacer(1, 2))
        inner.append(
            table(
                [[Paragraph(escape(k), st.label), Paragraph(v, st.body)] for k, v in shown],
                [LABEL_WIDTH, width - NUMBER_WIDTH - LABEL_WIDTH],
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 1),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ],
            )
        )
    return table(
        [[Paragraph(f"{number}.", st.strong), inner]],
        [NUMBER_WIDTH, width - NUMBER_WIDTH],
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
        ],
    )


def _date_text(value: dt.date | None) -> str:
    return german_date(value) if value else ""


def _agreement_rows(a: CouncilAgreementPrint) -> list[tuple[str, str]]:
    return [
        ("Wer?", text(a.who)),
        ("Bis wann?", _date_text(a.due_on)),
        ("Woran merken wir es?", text(a.how_checked)),
        ("Wenn es nicht klappt", text(a.fallback)),
    ]


def _agreements(
    st: Styles,
    items: Sequence[CouncilAgreementPrint],
    title: str,
    term: str,
    width: float = CONTENT_WIDTH,
) -> list[Flowable]:
    if not items:
        return []
    blocks = [
        _numbered(st, n, a.what, _agreement_rows(a), width) for n, a in enumerate(items, start=1)
    ]
    # The heading never stands alone at the bottom of a page.
    return [KeepTogether([heading(st, title, term), blocks[0]]), *blocks[1:]]


def _concern(st: Styles, concern: str, minimums: str) -> list[Flowable]:
    out: list[Flowable] = [
        heading(st, "Worum es geht", "Sorgeformulierung des Jugendamts"),
        Paragraph(f"„{text(concern)}“", st.body),
    ]
    if minimums.strip():
        out.append(Paragraph("Was auf jeden Fall gelten muss (Mindestanforderungen):", st.label))
        out.append(Paragraph(text(minimums), st.body))
    return out


def _review_date_parts(st: Styles, review_on: dt.date | None) -> list[Flowable]:
    if review_on is None:
        return []
    return [
        heading(st, "Wann schauen wir wieder darauf?", "Folge-Rat"),
        Paragraph(
            f"Am <b>{_nbsp(long_german_date(review_on))}</b> treffen wir uns wieder "
            "und schauen gemeinsam, was geklappt hat und was wir noch ändern wollen.",
            st.body,
        ),
    ]


def _review_date(st: Styles, review_on: dt.date | None) -> list[Flowable]:
    parts = _review_date_parts(st, review_on)
    return [KeepTogether(parts)] if parts else []


def _simple_pdf(
    story: list[Flowable], title: str, file_number: str, family_name: str, total: int | None
) -> Built:
    return build_simple(story, title, Furniture(title, file_number, family_name, total))


# --- 1. the invitation --------------------------------------------------------------------


def _invitation_story(data: InvitationPrint) -> list[Flowable]:
    st = styles()
    _, bold = register_fonts()
    name_style = ParagraphStyle(
        "recipient", parent=st.body, fontName=bold, fontSize=18, leading=23, textColor=INK
    )
    when_style = ParagraphStyle("when", parent=st.box, fontSize=13, leading=18)
    story: list[Flowable] = [
        Paragraph(INVITATION_TITLE, st.title),
        Spacer(1, 3 * mm),
        Paragraph("für", st.label),
        Paragraph(text(data.participant), name_style),
        Spacer(1, 4 * mm),
        Paragraph(
            f"Wir, Familie {escape(data.family_name)}, laden Sie herzlich zu unserem "
            "Familienrat ein. Wir freuen uns, wenn Sie dabei sind.",
            st.body,
        ),
        Spacer(1, 2 * mm),
        boxed(
            [
                Paragraph("Wann?", st.label),
                Paragraph(_nbsp(_when(data.meeting_at)), when_style),
                Spacer(1, 2 * mm),
                Paragraph("Wo?", st.label),
                Paragraph(text(data.place), when_style),
            ]
        ),
        heading(st, "Was ist ein Familienrat?"),
        Paragraph(WHAT_IS_A_COUNCIL, st.body),
    ]
    setting = []
    if data.food:
        setting.append("Für Essen und Trinken ist gesorgt.")
    if data.childcare:
        setting.append("Für die Kinder gibt es eine Betreuung.")
    if data.interpreter:
        setting.append("Eine Dolmetscherin oder ein Dolmetscher ist dabei.")
    if setting or data.setting_notes.strip():
        story.append(heading(st, "Was Sie erwartet"))
        story.extend(Paragraph(escape(s), st.bullet, bulletText="•") for s in setting)
        if data.setting_notes.strip():
            story.append(Paragraph(text(data.setting_notes), st.bullet, bulletText="•"))
        story.append(
            Paragraph(
                "Der Familienrat dauert so lange, wie die Familie braucht – planen Sie bitte "
                "einige Stunden ein.",
                st.bullet,
                bulletText="•",
            )
        )
    story.append(heading(st, "Kommen Sie?"))
    if data.invited_by.strip():
        story.append(
            Paragraph(
                f"Bitte sagen Sie {text(data.invited_by)} Bescheid, ob Sie kommen können.",
                st.body,
            )
        )
    else:
        story.append(Paragraph("Bitte sagen Sie uns Bescheid, ob Sie kommen können.", st.body))
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
            Paragraph("Herzliche Grüße", st.body),
            Paragraph(signed, st.strong),
        ]
    )
    return story


def render_invitation(data: InvitationPrint) -> bytes:
    """One participant's invitation as a PDF (A4, DejaVu Sans embedded)."""
    return render_twice(
        lambda total: _simple_pdf(
            _invitation_story(data),
            INVITATION_TITLE,
            data.file_number,
            data.family_name,
            total,
        )
    )


# --- 2. the plan ------------------------------------------------------------------------


def _plan_story(data: PlanPrint) -> list[Flowable]:
    st = styles()
    meeting = german_date(data.meeting_at.date()) if data.meeting_at else ""
    rows = [("Familie", data.family_name), ("Aktenzeichen", data.file_number)]
    if meeting:
        rows.append(("Familienrat am", meeting))
    if data.place.strip():
        rows.append(("Ort", data.place))
    if data.moderator.strip():
        rows.append(("Koordination", data.moderator))
    intro = (
        f"Das haben wir beim Familienrat am {meeting} gemeinsam vereinbart."
        if meeting
        else "Das haben wir beim Familienrat gemeinsam vereinbart."
    )
    blocks = [signature_block(st, name) for name in data.signers]
    blocks.append(signature_block(st, data.caseworker, "Fachkraft im Allgemeinen Sozialen Dienst"))
    return [
        Paragraph(PLAN_TITLE, st.title),
        Paragraph(intro, st.body),
        Spacer(1, 2 * mm),
        facts(st, rows, label_width=38 * mm),
        Spacer(1, 1 * mm),
        *(_concern(st, data.concern, data.minimum_requirements) if data.concern.strip() else []),
        *_agreements(st, data.agreements, "Was wir vereinbart haben", "Vereinbarungen"),
        *_review_date(st, data.review_on),
        *signatures(
            st,
            Paragraph(
                "Wir haben diesen Plan gemeinsam gemacht und sind damit einverstanden. "
                "Jede und jeder bekommt eine Kopie.",
                st.body,
            ),
            blocks,
        ),
    ]


def render_plan(data: PlanPrint) -> bytes:
    """The family's plan as a PDF (A4, DejaVu Sans embedded)."""
    return render_twice(
        lambda total: _simple_pdf(
            _plan_story(data), PLAN_TITLE, data.file_number, data.family_name, total
        )
    )


# --- 3. the protocol letter -----------------------------------------------------------------


@dataclass(frozen=True)
class _Letter:
    """The first page of the letter: letterhead, window field, information block, marks."""

    data: ProtocolPrint
    furniture: Furniture

    def draw_first(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        regular, bold = register_fonts()
        data = self.data
        canvas.saveState()
        # Letterhead (the top 45 mm).
        canvas.setFillColor(ACCENT)
        canvas.setFont(bold, 18)
        canvas.drawString(WINDOW_LEFT + LETTER_INDENT, PAGE_HEIGHT - 22 * mm, "Familienrat")
        canvas.setFillColor(MUTED)
        canvas.setFont(regular, 9)
        canvas.drawString(
            WINDOW_LEFT + LETTER_INDENT,
            PAGE_HEIGHT - 28 * mm,
            f"{PROTOCOL_TITLE} · Familie {data.family_name}",
        )
        if data.sender_org.strip():
            canvas.drawRightString(PAGE_WIDTH - MARGIN_X, PAGE_HEIGHT - 22 * mm, data.sender_org)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(
            WINDOW_LEFT + LETTER_INDENT,
            PAGE_HEIGHT - 32 * mm,
            PAGE_WIDTH - MARGIN_X,
            PAGE_HEIGHT - 32 * mm,
        )
        # Fold marks and the hole mark on the left edge.
        canvas.setStrokeColor(MUTED)
        canvas.setLineWidth(0.3)
        for at in FOLD_MARKS:
            canvas.line(4 * mm, PAGE_HEIGHT - at, 9 * mm, PAGE_HEIGHT - at)
        canvas.line(4 * mm, PAGE_HEIGHT - HOLE_MARK, 11 * mm, PAGE_HEIGHT - HOLE_MARK)
        canvas.restoreState()
        self._window(canvas)
        self._information(canvas)
        self.furniture.draw_footer(canvas, doc)

    def _window(self, canvas: Canvas) -> None:
        regular, _ = register_fonts()
        data = self.data
        left = WINDOW_LEFT + LETTER_INDENT
        width = WINDOW_WIDTH - LETTER_INDENT - 2 * mm
        sender = " · ".join(p.strip() for p in (data.sender, data.sender_org) if p.strip())
        if sender:
            sender_style = ParagraphStyle(
                "sender", fontName=regular, fontSize=7, leading=8.5, textColor=MUTED
            )
            line = Paragraph(escape(sender), sender_style)
            line.wrap(width, REMARK_ZONE)
            line.drawOn(canvas, left, PAGE_HEIGHT - WINDOW_TOP - REMARK_ZONE + 1.5 * mm)
        lines = [data.recipient, *address_lines(data.recipient_address)]
        zone = WINDOW_HEIGHT - REMARK_ZONE
        for size in (10.5, 9.5, 8.5, 7.5):
            style = ParagraphStyle(
                "address", fontName=regular, fontSize=size, leading=size * 1.2, textColor=INK
            )
            block = Paragraph("<br/>".join(escape(x) for x in lines), style)
            _, height = block.wrap(width, zone)
            if height <= zone - 1 * mm:
                break
        block.drawOn(canvas, left, PAGE_HEIGHT - WINDOW_TOP - REMARK_ZONE - 1 * mm - height)

    def _information(self, canvas: Canvas) -> None:
        regular, _ = register_fonts()
        data = self.data
        rows = [
            ("Aktenzeichen", data.file_number),
            ("Familienrat vom", german_date(data.meeting_at.date())),
        ]
        if data.sender.strip():
            rows.append(("Koordination", data.sender))
        if data.sender_contact.strip():
            rows.append(("Kontakt", "\n".join(_contact_lines(data.sender_contact))))
        rows.append(("Datum", german_date(data.letter_on)))
        label = ParagraphStyle("info_label", fontName=regular, fontSize=8, leading=10)
        label.textColor = MUTED
        value = ParagraphStyle("info_value", fontName=regular, fontSize=8.5, leading=10.5)
        value.textColor = INK
        grid = table(
            [[Paragraph(escape(k), label), Paragraph(text(v), value)] for k, v in rows],
            [26 * mm, PAGE_WIDTH - MARGIN_X - INFO_LEFT - 26 * mm],
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ],
        )
        _, height = grid.wrap(PAGE_WIDTH - MARGIN_X - INFO_LEFT, 60 * mm)
        grid.drawOn(canvas, INFO_LEFT, PAGE_HEIGHT - INFO_TOP - height)


def _protocol_story(data: ProtocolPrint) -> list[Flowable]:
    st = styles()
    subject_style = ParagraphStyle("subject", parent=st.strong, fontSize=11.5, leading=16)
    meeting_on = german_date(data.meeting_at.date())
    story: list[Flowable] = [
        NextPageTemplate("later"),
        Paragraph(f"{PROTOCOL_TITLE} vom {meeting_on}", subject_style),
        Spacer(1, 5 * mm),
        Paragraph(f"Guten Tag {text(data.recipient)},", st.body),
        Paragraph(
            f"am {_nbsp(long_german_date(data.meeting_at.date()))} hat Familie "
            f"{escape(data.family_name)} ihren Familienrat abgehalten"
            + (f" ({text(data.place)})" if data.place.strip() else "")
            + ". Wie vereinbart bekommen alle Teilnehmenden dieses Protokoll. Bitte bewahren "
            "Sie es gut auf: Beim Folge-Rat schauen wir gemeinsam darauf.",
            st.body,
        ),
        *_concern(st, data.concern, data.minimum_requirements),
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
        story.append(Paragraph(escape("; ".join(times)) + ".", st.body))
    if data.help_options.strip():
        story.append(heading(st, "Welche Hilfen genannt wurden", "Informationsphase"))
        story.append(Paragraph(text(data.help_options), st.body))
    story.extend(_proposals(st, data.proposals))
    story.extend(
        _agreements(st, data.agreements, "Was vereinbart wurde", "Vereinbarungen", LETTER_WIDTH)
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
    # The review date and the closing stay together: a greeting never stands alone.
    closing: list[Flowable] = [
        *_review_date_parts(st, data.review_on),
        Spacer(1, 4 * mm),
        Paragraph("Wenn Sie Fragen zum Protokoll haben, melden Sie sich gern bei mir.", st.body),
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


def _build_letter(data: ProtocolPrint, total: int | None) -> Built:
    furniture = Furniture(
        PROTOCOL_TITLE, data.file_number, data.family_name, total, WINDOW_LEFT + LETTER_INDENT
    )
    letter = _Letter(data, furniture)
    return build_window_letter(
        _protocol_story(data), PROTOCOL_TITLE, letter.draw_first, furniture.draw
    )


def build_window_letter(
    story: list[Flowable],
    title: str,
    draw_first: Callable[[Canvas, BaseDocTemplate], None],
    draw_later: Callable[[Canvas, BaseDocTemplate], None],
) -> Built:
    """A DIN 5008 B letter: the first page leaves room for the window field, later pages not."""
    left = WINDOW_LEFT + LETTER_INDENT
    width = PAGE_WIDTH - left - MARGIN_X
    first = Frame(
        left,
        MARGIN_BOTTOM,
        width,
        PAGE_HEIGHT - LETTER_BODY_TOP - MARGIN_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="first",
    )
    later = Frame(
        left,
        MARGIN_BOTTOM,
        width,
        PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=6,
        bottomPadding=0,
        id="later",
    )
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        leftMargin=left,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        **document_options(title),
    )
    doc.addPageTemplates(
        [
            PageTemplate(id="first", frames=[first], onPage=draw_first),
            PageTemplate(id="later", frames=[later], onPage=draw_later),
        ]
    )
    doc.build(story)
    return Built(buffer.getvalue(), doc.page)


def render_protocol(data: ProtocolPrint) -> bytes:
    """The protocol as a letter to one participant, for a window envelope (DIN 5008 B)."""
    return render_twice(lambda total: _build_letter(data, total))


# --- 4. the review summary -----------------------------------------------------------------


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
            ("Bis wann?", _date_text(item.due_on)),
        ]
        blocks.append(_numbered(st, n, item.what, rows))
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
    return render_twice(
        lambda total: _simple_pdf(
            _review_story(data), REVIEW_TITLE, data.file_number, data.family_name, total
        )
    )


__all__ = [
    "INVITATION_TITLE",
    "PLAN_TITLE",
    "PROTOCOL_TITLE",
    "REVIEW_TITLE",
    "WHAT_IS_A_COUNCIL",
    "CouncilAgreementPrint",
    "InvitationPrint",
    "PlanPrint",
    "ProposalPrint",
    "ProtocolPrint",
    "ReviewItemPrint",
    "ReviewPrint",
    "address_lines",
    "kept_counts",
    "render_invitation",
    "render_plan",
    "render_protocol",
    "render_review",
]
