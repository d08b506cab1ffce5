"""The Familienrat's printed documents: invitation, plan, protocol letter, review summary.

Written for the family and the people it chose, not for the file: plain words,
the family's own sentences, numbered agreements, and the method's terms only
small next to plain headings. The protocol is a letter for a window envelope
(DIN 5008 form B): the sender line and the participant's name and address sit
in the window field, 45 mm from the top and 20 mm from the left, 85 × 45 mm.
"""

from __future__ import annotations

from asd_desktop.reports.familienrat.blocks import CouncilAgreementPrint
from asd_desktop.reports.familienrat.invitation import (
    INVITATION_TITLE,
    WHAT_IS_A_COUNCIL,
    InvitationPrint,
    render_invitation,
)
from asd_desktop.reports.familienrat.plan import PLAN_TITLE, PlanPrint, render_plan
from asd_desktop.reports.familienrat.protocol import (
    PROTOCOL_TITLE,
    ProposalPrint,
    ProtocolPrint,
    render_protocol,
)
from asd_desktop.reports.familienrat.review import (
    REVIEW_TITLE,
    ReviewItemPrint,
    ReviewPrint,
    kept_counts,
    render_review,
)
from asd_desktop.reports.letter import address_lines

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
