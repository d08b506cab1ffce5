"""Enumerations of the case file; values are stored, labels are shown."""

from __future__ import annotations

import enum


class CaseStatus(enum.StrEnum):
    """Whether a case is still being worked on."""

    OPEN = "offen"
    CLOSED = "abgeschlossen"

    @property
    def label(self) -> str:
        """German label for the UI."""
        return {CaseStatus.OPEN: "offen", CaseStatus.CLOSED: "abgeschlossen"}[self]


class Area(enum.StrEnum):
    """The three areas of a case (Falleinordnung)."""

    SERVICE = "leistung"
    GREY = "grau"
    DANGER = "gefaehrdung"

    @property
    def label(self) -> str:
        """German label for the UI."""
        return {
            Area.SERVICE: "Leistungsbereich",
            Area.GREY: "Graubereich",
            Area.DANGER: "Gefährdungsbereich",
        }[self]


class Role(enum.StrEnum):
    """A person's role in a case; a person may hold several."""

    CHILD = "kind"
    MOTHER = "mutter"
    FATHER = "vater"
    CUSTODY = "sorgeberechtigt"
    RELATIVE = "verwandt"
    FRIEND = "freund"
    NEIGHBOUR = "nachbar"
    PROFESSIONAL = "fachkraft"
    OTHER = "sonstige"

    @property
    def label(self) -> str:
        """German label for the UI."""
        return ROLE_LABELS[self]


ROLE_LABELS: dict[Role, str] = {
    Role.CHILD: "Kind",
    Role.MOTHER: "Mutter",
    Role.FATHER: "Vater",
    Role.CUSTODY: "sorgeberechtigt",
    Role.RELATIVE: "Verwandte/r",
    Role.FRIEND: "Freund/in",
    Role.NEIGHBOUR: "Nachbar/in",
    Role.PROFESSIONAL: "Fachkraft",
    Role.OTHER: "Sonstige/r",
}


class ContactKind(enum.StrEnum):
    """How a contact took place."""

    HOME_VISIT_ANNOUNCED = "hausbesuch_angekuendigt"
    HOME_VISIT_UNANNOUNCED = "hausbesuch_unangekuendigt"
    OFFICE = "buerotermin"
    PHONE = "telefonat"
    VIDEO = "videotermin"
    LETTER = "brief"
    INSTITUTION = "institution"

    @property
    def label(self) -> str:
        """German label for the UI."""
        return CONTACT_KIND_LABELS[self]


CONTACT_KIND_LABELS: dict[ContactKind, str] = {
    ContactKind.HOME_VISIT_ANNOUNCED: "Hausbesuch (angekündigt)",
    ContactKind.HOME_VISIT_UNANNOUNCED: "Hausbesuch (unangekündigt)",
    ContactKind.OFFICE: "Bürotermin",
    ContactKind.PHONE: "Telefonat",
    ContactKind.VIDEO: "Videotermin",
    ContactKind.LETTER: "Brief",
    ContactKind.INSTITUTION: "Gespräch mit Institution",
}


class GoalStatus(enum.StrEnum):
    """A Handlungsziel's status at a review."""

    REACHED = "erreicht"
    PARTLY = "teilweise"
    NOT_REACHED = "nicht_erreicht"
    CHANGED = "veraendert"

    @property
    def label(self) -> str:
        """German label for the UI."""
        return {
            GoalStatus.REACHED: "erreicht",
            GoalStatus.PARTLY: "teilweise erreicht",
            GoalStatus.NOT_REACHED: "nicht erreicht",
            GoalStatus.CHANGED: "verändert",
        }[self]


class ResourceKind(enum.StrEnum):
    """The four kinds of resources of the method."""

    PERSONAL = "persoenlich"
    SOCIAL = "sozial"
    MATERIAL = "materiell"
    SOCIAL_SPACE = "sozialraeumlich"

    @property
    def label(self) -> str:
        """German label for the UI."""
        return {
            ResourceKind.PERSONAL: "persönlich",
            ResourceKind.SOCIAL: "sozial (Familie, Freunde, Nachbarn)",
            ResourceKind.MATERIAL: "materiell",
            ResourceKind.SOCIAL_SPACE: "sozialräumlich (Angebote im Stadtteil)",
        }[self]


class DocumentKind(enum.StrEnum):
    """Kinds of stored documents."""

    GOAL_AGREEMENT = "zielvereinbarung"

    @property
    def label(self) -> str:
        """German label for the UI."""
        return {DocumentKind.GOAL_AGREEMENT: "Zielvereinbarung"}[self]
