"""Entrusted data (§ 65 SGB VIII): what may leave, and where, without a consent.

An item (a contact entry with its note, or a document) that a person entrusted to the
caseworker in confidence is marked "anvertraut" with who entrusted it. It stays on the
caseworker's own devices: it leaves by no print, export, answer to a request for access
or bundle unless a consent is recorded (who, when, for what) that covers that exit.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable


class Exit(enum.StrEnum):
    """The ways an item can leave the caseworker's own devices."""

    #: Print, Save as PDF, the documents export.
    OUTPUT = "ausgabe"
    #: The answer to a request for access (Art. 15 GDPR).
    ACCESS = "auskunft"
    #: Bundles to the office (and from there to other devices).
    SHARING = "weitergabe"
    #: The device of an external Familienrat moderator (services/sync/moderator).
    MODERATOR = "familienrat"

    @property
    def label(self) -> str:
        """German label for the consent dialog and the notices."""
        return EXIT_LABELS[self]


EXIT_LABELS: dict[Exit, str] = {
    Exit.OUTPUT: "Drucken, Speichern als PDF, Export",
    Exit.ACCESS: "Auskunft an die betroffene Person (Art. 15 DSGVO)",
    Exit.SHARING: "Weitergabe an das Büro und andere Fachkräfte (Austauschpaket)",
    Exit.MODERATOR: "Weitergabe an die Familienrat-Koordination (extern)",
}


def is_held(entrusted_by: str, consented: Iterable[str], exit_: Exit) -> bool:
    """Whether an item must stay here for ``exit_``: entrusted and no consent covers it."""
    return bool(entrusted_by.strip()) and exit_.value not in set(consented)


def held_notice(count: int, exit_: Exit) -> str:
    """The window's German line for items held back ("" when none)."""
    if not count:
        return ""
    what = "1 anvertrauter Eintrag wird" if count == 1 else f"{count} anvertraute Einträge werden"
    return (
        f"{what} nicht übernommen ({exit_.label}): anvertraut nach § 65 SGB VIII, "
        "keine Einwilligung erfasst."
    )


__all__ = ["EXIT_LABELS", "Exit", "held_notice", "is_held"]
