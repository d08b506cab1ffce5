"""The office a caseworker writes from: the letterhead of every letter.

The caseworker's own office data (no family's): kept in ``settings.json`` by
:mod:`asd_desktop.services.settings`, printed by every letter in
:mod:`asd_desktop.reports`.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

#: Printed when no office is set up yet (Datei → Dienststelle …).
DEFAULT_OFFICE_NAME = "Jugendamt"


@dataclass(frozen=True)
class Office:
    """The office's letterhead and the caseworker's direct line."""

    #: "Jugendamt Hamburg-Mitte, Allgemeiner Sozialer Dienst".
    name: str = ""
    #: Street and town, one item a line (or separated by commas).
    address: str = ""
    phone: str = ""
    email: str = ""
    #: "Mo–Fr 9–12 Uhr, Do 14–18 Uhr".
    office_hours: str = ""
    caseworker_name: str = ""
    caseworker_phone: str = ""

    @property
    def is_empty(self) -> bool:
        """Whether nothing at all is filled in."""
        return not any(str(getattr(self, f.name)).strip() for f in fields(self))

    @property
    def printed_name(self) -> str:
        """The office's name as printed; "Jugendamt" while none is set."""
        return self.name.strip() or DEFAULT_OFFICE_NAME

    def address_lines(self) -> list[str]:
        """The address one item a line: "Klosterwall 2, 20095 Hamburg" gives two lines."""
        return [
            part.strip()
            for line in self.address.splitlines()
            for part in line.split(",")
            if part.strip()
        ]


def office_from_mapping(raw: object) -> Office:
    """An :class:`Office` from stored JSON; unknown keys and non-text values are ignored."""
    if not isinstance(raw, dict):
        return Office()
    known = {f.name for f in fields(Office)}
    values = {k: v.strip() for k, v in raw.items() if k in known and isinstance(v, str)}
    return Office(**values)


__all__ = ["DEFAULT_OFFICE_NAME", "Office", "office_from_mapping"]
