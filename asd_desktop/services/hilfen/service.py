"""Record the helps a case receives and its Hilfeplangespräche.

Every change is one transaction with its audit entry. A help is never deleted by an
edit: ending it records the end date and the reason; removing a help entered by
mistake makes it a tombstone (it travels as such), as everywhere in the application.
The service is put together from its parts by concern: helps, meetings, decisions.
"""

from __future__ import annotations

from dataclasses import replace

from asd_desktop.domain.enums import DocumentKind
from asd_desktop.reports.hilfeplan import render_hilfeplan
from asd_desktop.services.documents import DocumentService, DocumentView
from asd_desktop.services.hilfen.common import HilfeAction
from asd_desktop.services.hilfen.decisions import DecisionsPart, match_kind
from asd_desktop.services.hilfen.documents import hilfeplan_print
from asd_desktop.services.hilfen.helps import HelpsPart
from asd_desktop.services.hilfen.meetings import MeetingsPart, meeting_problems


class HilfeService(HelpsPart, MeetingsPart, DecisionsPart):
    """Hilfen, their kinds, the Hilfeplangespräche, and where a case belongs."""

    # --- the printed Hilfeplan -----------------------------------------------------

    def print_hilfeplan(self, meeting_id: str) -> DocumentView:
        """Render the Hilfeplan of a stored Hilfeplangespräch and keep it with its hash."""
        meeting = self.meeting(meeting_id)
        hilfe = self.hilfe(meeting.hilfe_id) if meeting.hilfe_id else None
        with self._sf() as s:
            case = self._live_case(s, meeting.case_id)
            file_number, family_name = case.file_number, case.family_name
        data = hilfeplan_print(meeting, hilfe, file_number, family_name)
        content = render_hilfeplan(replace(data, office=self._office()))
        return DocumentService(self._sf, self._device, office=self._office).store(
            meeting.case_id,
            DocumentKind.HILFEPLAN,
            f"Hilfeplan vom {meeting.held_on:%d.%m.%Y}",
            content,
            source_id=meeting.id,
            document_date=meeting.held_on,
        )


__all__ = ["HilfeAction", "HilfeService", "match_kind", "meeting_problems"]
