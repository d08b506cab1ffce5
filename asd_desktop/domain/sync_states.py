"""The states of the exchange as stored values: device roles, assignment states, blocks.

Each is a ``StrEnum``: a member compares equal to (and is stored as) its string
value, so the database and the bundles keep the strings they always had.
"""

from __future__ import annotations

import enum


class DeviceRole(enum.StrEnum):
    """What a database is in the exchange: the office (hub) or a laptop (spoke)."""

    OFFICE = "office"
    LAPTOP = "laptop"

    @property
    def label(self) -> str:
        """Büro or Laptop."""
        return ROLE_LABELS[self]


#: The German name of each role, as the window and the command line show it.
ROLE_LABELS: dict[str, str] = {DeviceRole.OFFICE: "Büro", DeviceRole.LAPTOP: "Laptop"}


class DeviceScope(enum.StrEnum):
    """What an enrolled device receives of the cases assigned to it."""

    #: The whole case (a caseworker's laptop).
    WHOLE = ""
    #: Only the Familienrat part (an external Familienrat moderator's laptop).
    FAMILIENRAT = "familienrat"

    @property
    def label(self) -> str:
        """The German name of the device's role, as the window and the command line show it."""
        return SCOPE_LABELS[self]


#: The role of a device by what it receives, in German.
SCOPE_LABELS: dict[str, str] = {
    DeviceScope.WHOLE: "Fallführung (ganze Fälle)",
    DeviceScope.FAMILIENRAT: "Familienrat-Koordination (extern)",
}


class AssignmentState(enum.StrEnum):
    """A case's assignment to a laptop: held, or being taken back after the next exchange."""

    ACTIVE = "active"
    WITHDRAWING = "withdrawing"


class BlockedReason(enum.StrEnum):
    """Why the office refuses a device's bundles although it is not revoked."""

    NONE = ""
    #: The device's counters went back: it was restored from a backup and must re-enrol.
    RESTORED = "restored"
