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
    COUNCIL_INVITATION = "fr_einladung"
    COUNCIL_PLAN = "fr_plan"
    COUNCIL_PROTOCOL = "fr_protokoll"
    COUNCIL_REVIEW = "fr_ueberpruefung"
    MANDATE_LETTER = "auftrag_schreiben"
    CONSULTATION_PROTOCOL = "kollegiale_beratung"
    TIPS_LIST = "tipps_und_themen"
    HILFEPLAN = "hilfeplan"
    ACCESS_ANSWER = "auskunft_art15"
    NETWORK_MAP = "netzwerkkarte"

    @property
    def label(self) -> str:
        """German label for the UI."""
        return {
            DocumentKind.GOAL_AGREEMENT: "Zielvereinbarung",
            DocumentKind.COUNCIL_INVITATION: "Familienrat: Einladung",
            DocumentKind.COUNCIL_PLAN: "Familienrat: Plan",
            DocumentKind.COUNCIL_PROTOCOL: "Familienrat: Protokoll",
            DocumentKind.COUNCIL_REVIEW: "Familienrat: Überprüfung",
            DocumentKind.MANDATE_LETTER: "Schreiben an die Sorgeberechtigten",
            DocumentKind.CONSULTATION_PROTOCOL: "Kollegiale Beratung: Protokoll",
            DocumentKind.TIPS_LIST: "Tipps und Themen",
            DocumentKind.HILFEPLAN: "Hilfeplan",
            DocumentKind.ACCESS_ANSWER: "Auskunft nach Art. 15 DSGVO",
            DocumentKind.NETWORK_MAP: "Netzwerkkarte",
        }[self]


class _Labelled(enum.StrEnum):
    """A stored value with a German label from the class's ``_LABELS``."""

    @property
    def label(self) -> str:
        """German label for the UI."""
        labels: dict[str, str] = getattr(type(self), "_LABELS")  # noqa: B009
        return labels[self.value]


class CouncilPhase(_Labelled):
    """How far a Familienrat has come; the phases in the method's order."""

    PREPARATION = "vorbereitung"
    INFORMATION = "information"
    FAMILY_PHASE = "familienphase"
    DECISION = "entscheidung"
    FOLLOW_UP = "folgerat"
    CLOSED = "abgeschlossen"
    _LABELS = enum.nonmember(
        {
            "vorbereitung": "Vorbereitung",
            "information": "Information",
            "familienphase": "Familienphase",
            "entscheidung": "Entscheidung",
            "folgerat": "Folge-Rat / Überprüfung",
            "abgeschlossen": "abgeschlossen",
        }
    )


class FamilyInterest(_Labelled):
    """Whether the family wants a Familienrat."""

    OPEN = "offen"
    YES = "ja"
    NO = "nein"
    _LABELS = enum.nonmember(
        {"offen": "noch offen", "ja": "ja, Interesse", "nein": "kein Interesse"}
    )


class ParticipantGroup(_Labelled):
    """Who a participant is for the family."""

    FAMILY = "familie"
    SURROUNDINGS = "umfeld"
    PROFESSIONAL = "fachkraft"
    _LABELS = enum.nonmember({"familie": "Familie", "umfeld": "Umfeld", "fachkraft": "Fachkraft"})


class Invitation(_Labelled):
    """State of a participant's invitation."""

    INVITED = "eingeladen"
    ACCEPTED = "zugesagt"
    DECLINED = "abgesagt"
    _LABELS = enum.nonmember(
        {"eingeladen": "eingeladen", "zugesagt": "zugesagt", "abgesagt": "abgesagt"}
    )


class ProposalDecision(_Labelled):
    """The ASD worker's decision on a proposal of the family."""

    OPEN = "offen"
    ACCEPTED = "angenommen"
    IMPROVE = "nachbesserung"
    _LABELS = enum.nonmember(
        {
            "offen": "noch offen",
            "angenommen": "angenommen",
            "nachbesserung": "Nachbesserung nötig",
        }
    )


class AgreementKept(_Labelled):
    """How an agreement was kept, at the review."""

    KEPT = "eingehalten"
    PARTLY = "teilweise"
    NOT_KEPT = "nicht_eingehalten"
    _LABELS = enum.nonmember(
        {
            "eingehalten": "eingehalten",
            "teilweise": "teilweise eingehalten",
            "nicht_eingehalten": "nicht eingehalten",
        }
    )


class CouncilOutcome(_Labelled):
    """What follows the Folge-Rat / Überprüfung."""

    NONE_NEEDED = "keine_weiteren"
    ANOTHER = "weiterer_folgerat"
    HZE = "hze"
    _LABELS = enum.nonmember(
        {
            "keine_weiteren": "keine weiteren Maßnahmen – die Familie hat ihre Probleme gelöst",
            "weiterer_folgerat": "ein weiterer Folge-Rat",
            "hze": "Übergang in eine Hilfe zur Erziehung",
        }
    )


class CouncilActivity(_Labelled):
    """What the hours were spent on."""

    PREPARATION = "vorbereitung"
    MEETING = "durchfuehrung"
    FOLLOW_UP = "nachbereitung"
    _LABELS = enum.nonmember(
        {
            "vorbereitung": "Vorbereitung",
            "durchfuehrung": "Durchführung",
            "nachbereitung": "Nachbereitung",
        }
    )


class Financing(_Labelled):
    """How the Familienrat is financed (never through Fachleistungsstunden)."""

    SECTION_16 = "paragraf_16"
    SHA = "sha"
    _LABELS = enum.nonmember({"paragraf_16": "§ 16 SGB VIII", "sha": "SHA-Mittel"})


class MandateKind(_Labelled):
    """Aufträge (Graubereich) and Auflagen (Gefährdungsbereich)."""

    CHECK = "auftrag_ueberpruefung"
    AVERT = "auftrag_abwendung"
    REQUIREMENT = "auflage"
    _LABELS = enum.nonmember(
        {
            "auftrag_ueberpruefung": "Auftrag: Überprüfung (Belege)",
            "auftrag_abwendung": "Auftrag: Abwenden drohender Gefährdung",
            "auflage": "Auflage",
        }
    )


class MandateStatus(_Labelled):
    """Whether an Auftrag or Auflage was fulfilled."""

    OPEN = "offen"
    FULFILLED = "erfuellt"
    NOT_FULFILLED = "nicht_erfuellt"
    _LABELS = enum.nonmember(
        {"offen": "offen", "erfuellt": "erfüllt", "nicht_erfuellt": "nicht erfüllt"}
    )


class RiskLevel(_Labelled):
    """The result of a Gefährdungseinschätzung."""

    NONE = "keine"
    LATENT = "latent"
    ACUTE = "akut"
    _LABELS = enum.nonmember(
        {"keine": "keine Gefährdung", "latent": "latente Gefährdung", "akut": "akute Gefährdung"}
    )


class IdeaSource(_Labelled):
    """Where an idea of the Ideenpaket draws from, in the order the method asks for them."""

    PERSON = "person"
    SURROUNDINGS = "umfeld"
    SOCIAL_SPACE = "sozialraum"
    PROFESSIONAL = "fachlich"
    _LABELS = enum.nonmember(
        {
            "person": "die Person selbst",
            "umfeld": "das Umfeld",
            "sozialraum": "der Sozialraum",
            "fachlich": "fachliche Hilfe",
        }
    )


class StepActor(enum.StrEnum):
    """Who does an open step (Wiedervorlage)."""

    CASEWORKER = "fachkraft"
    FAMILY = "familie"
    PROFESSIONAL = "fachperson"


class Salutation(enum.StrEnum):
    """How a letter addresses a person; empty: "Guten Tag Vorname Nachname"."""

    NONE = ""
    MS = "Frau"
    MR = "Herr"


class DueKind(enum.StrEnum):
    """The kinds of dated items in "Termine und Fristen" (Wiedervorlage)."""

    STEP = "schritt"
    FIRST_STEP = "erster_schritt"
    COUNCIL_AGREEMENT = "vereinbarung_familienrat"
    MANDATE = "frist_auftrag"
    GOAL = "handlungsziel"
    AGREEMENT_REVIEW = "ueberpruefung_zielvereinbarung"
    COUNCIL = "familienrat"
    FOLLOW_UP = "folge_rat"
    HILFEPLAN = "hilfeplangespraech"
    HILFEPLAN_TASK = "aufgabe_hilfeplan"
    ACCESS_REQUEST = "auskunft_art15"

    @property
    def label(self) -> str:
        """German label for the UI and the office calendar."""
        return DUE_KIND_LABELS[self]


DUE_KIND_LABELS: dict[DueKind, str] = {
    DueKind.STEP: "Nächster Schritt",
    DueKind.FIRST_STEP: "Erster Schritt",
    DueKind.COUNCIL_AGREEMENT: "Vereinbarung Familienrat",
    DueKind.MANDATE: "Frist Auftrag/Auflage",
    DueKind.GOAL: "Handlungsziel",
    DueKind.AGREEMENT_REVIEW: "Überprüfung Zielvereinbarung",
    DueKind.COUNCIL: "Familienrat",
    DueKind.FOLLOW_UP: "Folge-Rat / Überprüfung",
    DueKind.HILFEPLAN: "Hilfeplangespräch",
    DueKind.HILFEPLAN_TASK: "Aufgabe aus dem Hilfeplan",
    DueKind.ACCESS_REQUEST: "Auskunft Art. 15 DSGVO",
}
