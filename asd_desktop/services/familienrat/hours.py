"""The hours a Familienrat costs, by activity (financed apart from Fachleistungsstunden)."""

from __future__ import annotations

from asd_desktop.domain.familienrat import HoursInput, HoursView, hours_problems
from asd_desktop.models.familienrat import CouncilHours, FamilyCouncil
from asd_desktop.services.familienrat.store import CouncilStore, check, get_live

#: What a Familienrat usually costs, in hours (the method's figure).
USUAL_HOURS = (25.0, 30.0)


class Hours(CouncilStore):
    """Record the time spent on a council."""

    def add_hours(self, council_id: str, value: HoursInput) -> HoursView:
        """Record time spent on an activity."""
        check(hours_problems(value))
        with self._sf.begin() as s:
            council = get_live(s, FamilyCouncil, council_id)
            row = CouncilHours(
                case_id=council.case_id,
                council_id=council_id,
                activity=value.activity.value,
                worked_on=value.worked_on,
                hours=value.hours,
                note=value.note.strip(),
            )
            s.add(row)
            s.flush()
            self._changed(s, council, "stunden")
            return HoursView(
                id=row.id,
                activity=value.activity,
                worked_on=value.worked_on,
                hours=value.hours,
                note=row.note,
            )
