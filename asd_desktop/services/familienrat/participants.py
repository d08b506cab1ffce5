"""The people the family chose: who they are, who invites them, whether they come."""

from __future__ import annotations

from asd_desktop.domain.familienrat import ParticipantInput, ParticipantView, participant_problems
from asd_desktop.models.familienrat import CouncilParticipant
from asd_desktop.services.familienrat.store import CouncilStore, check
from asd_desktop.services.familienrat.views import participant_view


class Participants(CouncilStore):
    """Add, change and remove a council's participants."""

    def add_participant(self, council_id: str, value: ParticipantInput) -> ParticipantView:
        """Add a participant the family chose."""
        check(participant_problems(value))
        return self._add(council_id, CouncilParticipant, value, "teilnehmende", participant_view)

    def update_participant(self, participant_id: str, value: ParticipantInput) -> None:
        """Change a participant (e.g. the invitation state)."""
        check(participant_problems(value))
        self._update(CouncilParticipant, participant_id, value)

    def remove_participant(self, participant_id: str) -> None:
        """Take a participant off the list (kept as a tombstone)."""
        self._remove(CouncilParticipant, participant_id)
