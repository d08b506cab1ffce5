"""The family's plan: every agreement, the review date and a signature line per person."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from asd_desktop.domain.german import unbreakable
from asd_desktop.domain.office import Office
from asd_desktop.reports.bilingual import Bilingual
from asd_desktop.reports.common import (
    Paragraph,
    Styles,
    facts,
    german_date,
    office_block,
    signature_block,
    signatures,
    styles,
)
from asd_desktop.reports.familienrat.blocks import (
    CouncilAgreementPrint,
    agreement_list,
    concern_block,
    render_page_document,
    review_date_block,
)

PLAN_TITLE = "Unser Plan"


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
    office: Office = field(default_factory=Office)
    #: The family's language for a bilingual print ("tr", "ar" …); "" = German only.
    language: str = ""


def _plan_story(data: PlanPrint) -> list[Flowable]:
    st = styles()
    bi = Bilingual(st, data.language)
    meeting = german_date(data.meeting_at.date()) if data.meeting_at else ""
    rows = [("Familie", data.family_name), ("Aktenzeichen", data.file_number)]
    if meeting:
        rows.append(("Familienrat am", meeting))
    if data.place.strip():
        rows.append(("Ort", unbreakable(data.place)))
    if data.moderator.strip():
        rows.append(("Koordination", data.moderator))
    intro = (
        f"Das haben wir beim Familienrat am {meeting} gemeinsam vereinbart."
        if meeting
        else "Das haben wir beim Familienrat gemeinsam vereinbart."
    )
    role = "Fachkraft im Allgemeinen Sozialen Dienst"
    blocks = [signature_block(st, name, translate=bi.said) for name in data.signers]
    blocks.append(signature_block(st, data.caseworker, role, translate=bi.said))
    title: list[Flowable] = [Paragraph(PLAN_TITLE, st.title)]
    if bi.said(PLAN_TITLE):
        title.append(bi.translated(bi.said(PLAN_TITLE), bold=True))
    agreed = "Das haben wir beim Familienrat gemeinsam vereinbart."
    intro_flowables: list[Flowable] = [Paragraph(intro, st.body)]
    if bi.said(agreed):
        intro_flowables.append(bi.translated(bi.said(agreed)))
    labelled = [(bi.label(k), v) for k, v in rows]
    body: list[Flowable] = [
        *(office_block(st, data.office) if not data.office.is_empty else []),
        *title,
        *intro_flowables,
        *bi.note(),
        Spacer(1, 2 * mm),
        facts(st, labelled, label_width=38 * mm, markup=True),
        Spacer(1, 1 * mm),
        *(
            concern_block(st, data.concern, data.minimum_requirements, bi)
            if data.concern.strip()
            else []
        ),
        *_agreements(st, data, bi),
        *review_date_block(st, data.review_on, bi),
    ]
    # The last section goes with the signatures: they never stand alone on a page.
    lead = [body.pop()]
    signed = (
        "Wir haben diesen Plan gemeinsam gemacht und sind damit einverstanden. "
        "Jede und jeder bekommt eine Kopie."
    )
    return [
        *body,
        *signatures(
            st,
            bi.sentence(signed, st.body),
            blocks,
            lead=lead,
            heading_flowable=bi.heading("Unterschriften"),
        ),
    ]


def _agreements(st: Styles, data: PlanPrint, bi: Bilingual) -> list[Flowable]:
    """The agreements under a heading that carries its translation."""
    title = "Was wir vereinbart haben"
    return agreement_list(
        st,
        data.agreements,
        title,
        "Vereinbarungen",
        heading_flowable=bi.heading(title, "Vereinbarungen"),
        label=bi.label,
    )


def render_plan(data: PlanPrint) -> bytes:
    """The family's plan as a PDF (A4, DejaVu Sans embedded)."""
    return render_page_document(
        lambda: _plan_story(data), PLAN_TITLE, data.file_number, data.family_name
    )
