"""Across all cases: the open review dates and Folge-Rat meetings, for the main window."""

from __future__ import annotations

import datetime as dt

from asd_desktop.domain.enums import DueKind
from asd_desktop.services.deadlines import DeadlineService
from asd_desktop.services.familienrat.store import CouncilStore
from asd_desktop.services.familienrat.views import UpcomingReview


class Overview(CouncilStore):
    """Queries over every case's councils."""

    def upcoming_reviews(self, today: dt.date | None = None) -> list[UpcomingReview]:
        """Open review dates and Folge-Rat meetings across all cases, soonest first.

        A view of :class:`~asd_desktop.services.deadlines.DeadlineService`: the review
        date set at the decision (whatever phase the council stands in now) and the
        meeting of every Folge-Rat not yet held, so it agrees with the case list.
        """
        today = today or dt.date.today()
        items = DeadlineService(self._sf, self._device).items(
            kinds=[DueKind.FOLLOW_UP, DueKind.COUNCIL]
        )
        return [
            UpcomingReview(
                council_id=i.record_id,
                case_id=i.case_id,
                file_number=i.file_number,
                family_name=i.family_name,
                review_on=i.due_on,
                overdue=i.due_on < today,
            )
            for i in items
            if i.is_review
        ]
