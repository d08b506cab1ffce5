"""The Folge-Rat: every agreement reviewed, and what follows (possibly another Folge-Rat)."""

from __future__ import annotations

from sqlalchemy import select

from asd_desktop.domain.enums import AgreementKept, CouncilOutcome
from asd_desktop.domain.familienrat import CouncilView, FollowUpInput
from asd_desktop.models.errors import NotFoundError, ValidationError
from asd_desktop.models.familienrat import AgreementReview, CouncilAgreement, FamilyCouncil
from asd_desktop.services import audit
from asd_desktop.services.familienrat.councils import CouncilPhases
from asd_desktop.services.familienrat.store import CouncilAction, children, get_live


class Reviews(CouncilPhases):
    """Store the review of a council's agreements and start the next Folge-Rat if wanted."""

    def save_follow_up(self, council_id: str, value: FollowUpInput) -> CouncilView:
        """Review every agreement and record what follows.

        With the outcome "another Folge-Rat" a new council linked to this one is
        created (once), carrying over the Sorgeformulierung, moderator and participants.
        """
        with self._sf.begin() as s:
            council = get_live(s, FamilyCouncil, council_id)
            known = {a.id for a in children(s, CouncilAgreement, council_id)}
            # Saving again (each wizard page, the idle timer) replaces this council's
            # review of an agreement instead of piling up copies.
            stored: dict[str, AgreementReview] = {}
            for r in s.scalars(
                select(AgreementReview)
                .where(AgreementReview.council_id == council_id, AgreementReview.deleted.is_(False))
                .order_by(AgreementReview.reviewed_on, AgreementReview.hlc)
            ):
                stored[r.agreement_id] = r
            for item in value.items:
                if item.agreement_id not in known:
                    raise NotFoundError("Eine Vereinbarung wurde nicht gefunden.")
                if item.status is not AgreementKept.KEPT and not item.comment.strip():
                    raise ValidationError(
                        {
                            f"review.{item.agreement_id}": (
                                "Bitte kurz festhalten, was nicht eingehalten wurde."
                            )
                        }
                    )
                review = stored.get(item.agreement_id)
                if review is None:
                    review = AgreementReview(
                        case_id=council.case_id,
                        council_id=council_id,
                        agreement_id=item.agreement_id,
                    )
                    s.add(review)
                    stored[item.agreement_id] = review
                review.reviewed_on = value.reviewed_on
                review.status = item.status.value
                review.comment = item.comment.strip()
            council.outcome = value.outcome.value if value.outcome else ""
            council.hze_kind = value.hze_kind.strip()
            council.outcome_notes = value.notes.strip()
            self._changed(s, council, "folgerat")
            wants_follow_up = value.outcome is CouncilOutcome.ANOTHER
            has_follow_up = (
                s.scalar(
                    select(FamilyCouncil.id).where(
                        FamilyCouncil.origin_id == council_id, FamilyCouncil.deleted.is_(False)
                    )
                )
                is not None
            )
            case_id = council.case_id
        if wants_follow_up and not has_follow_up:
            created = self.start(case_id, origin_id=council_id)
            with self._sf.begin() as s:
                audit.append(s, self._device, CouncilAction.FOLLOW_UP, case_id, created.id)
        return self.get(council_id)
