"""Across all cases: the review dates of decided Familienräte, for the main window."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from asd_desktop.domain.enums import CouncilPhase
from asd_desktop.models.case import Case
from asd_desktop.models.familienrat import FamilyCouncil
from asd_desktop.services.familienrat.store import CouncilStore
from asd_desktop.services.familienrat.views import UpcomingReview


class Overview(CouncilStore):
    """Queries over every case's councils."""

    def upcoming_reviews(self, today: dt.date | None = None) -> list[UpcomingReview]:
        """Review dates of decided Familienräte across all cases, soonest first."""
        today = today or dt.date.today()
        with self._sf() as s:
            rows = s.execute(
                select(
                    FamilyCouncil.id,
                    Case.id,
                    Case.file_number,
                    Case.family_name,
                    FamilyCouncil.review_on,
                )
                .join(Case, Case.id == FamilyCouncil.case_id)
                .where(
                    FamilyCouncil.deleted.is_(False),
                    Case.deleted.is_(False),
                    FamilyCouncil.phase == CouncilPhase.FOLLOW_UP.value,
                    FamilyCouncil.review_on.is_not(None),
                )
                .order_by(FamilyCouncil.review_on, Case.family_name)
            ).all()
            return [
                UpcomingReview(
                    council_id=r[0],
                    case_id=r[1],
                    file_number=r[2],
                    family_name=r[3],
                    review_on=r[4],
                    overdue=r[4] < today,
                )
                for r in rows
            ]
