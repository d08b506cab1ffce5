"""The family's plan: its proposals, the ASD worker's decision on each, the agreements."""

from __future__ import annotations

from asd_desktop.domain.enums import ProposalDecision
from asd_desktop.domain.familienrat import (
    AgreementInput,
    AgreementView,
    ProposalInput,
    ProposalView,
    agreement_problems,
    proposal_problems,
)
from asd_desktop.models.errors import ValidationError
from asd_desktop.models.familienrat import CouncilAgreement, CouncilProposal
from asd_desktop.services import audit
from asd_desktop.services.familienrat.store import CouncilAction, CouncilStore, check, get_live
from asd_desktop.services.familienrat.views import agreement_view, proposal_view


class FamilyPlan(CouncilStore):
    """Record, decide and change the family's proposals and the agreements made of them."""

    def add_proposal(self, council_id: str, value: ProposalInput) -> ProposalView:
        """Record a proposal of the family."""
        check(proposal_problems(value))
        return self._add(council_id, CouncilProposal, value, "vorschlag", proposal_view)

    def update_proposal(self, proposal_id: str, value: ProposalInput) -> None:
        """Change a proposal's text."""
        check(proposal_problems(value))
        self._update(CouncilProposal, proposal_id, value)

    def remove_proposal(self, proposal_id: str) -> None:
        """Take a proposal back (kept as a tombstone)."""
        self._remove(CouncilProposal, proposal_id)

    def decide_proposal(
        self, proposal_id: str, decision: ProposalDecision, improvement: str = ""
    ) -> None:
        """Accept a proposal or ask for an improvement (with what changed)."""
        if decision is ProposalDecision.IMPROVE and not improvement.strip():
            raise ValidationError(
                {"improvement": "Bitte eintragen, was nachgebessert werden soll."}
            )
        with self._sf.begin() as s:
            row = get_live(s, CouncilProposal, proposal_id)
            row.decision = decision.value
            row.improvement = improvement.strip()
            audit.append(s, self._device, CouncilAction.CHANGED, row.case_id, proposal_id)

    def add_agreement(self, council_id: str, value: AgreementInput) -> AgreementView:
        """Record an agreement made exact."""
        check(agreement_problems(value))
        return self._add(council_id, CouncilAgreement, value, "vereinbarung", agreement_view)

    def update_agreement(self, agreement_id: str, value: AgreementInput) -> None:
        """Change an agreement."""
        check(agreement_problems(value))
        self._update(CouncilAgreement, agreement_id, value)

    def remove_agreement(self, agreement_id: str) -> None:
        """Take an agreement back (kept as a tombstone)."""
        self._remove(CouncilAgreement, agreement_id)
