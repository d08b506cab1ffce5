"""Which tables travel, in which order, and what a person calls their records and fields."""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import Table

from asd_desktop.models import Base
from asd_desktop.models.base import Replicated

#: German names of the records, for the conflict inbox and the import report.
RECORD_LABELS: dict[str, str] = {
    "cases": "Fall",
    "persons": "Person",
    "area_assignments": "Falleinordnung",
    "contacts": "Kontakt",
    "goal_agreements": "Zielvereinbarung",
    "action_goals": "Handlungsziel",
    "goal_reviews": "Zielüberprüfung",
    "resources": "Ressource",
    "first_steps": "Erster Schritt",
    "steps": "Offener Schritt",
    "documents": "Dokument",
    "family_councils": "Familienrat",
    "council_participants": "Teilnehmende am Familienrat",
    "council_proposals": "Vorschlag im Familienrat",
    "council_agreements": "Vereinbarung im Familienrat",
    "council_agreement_reviews": "Überprüfung einer Familienrat-Vereinbarung",
    "council_hours": "Koordinationsstunden",
    "mandates": "Auftrag/Auflage",
    "mandate_evidence": "Nachweis zu Auftrag/Auflage",
    "risk_assessments": "Gefährdungseinschätzung",
    "consultations": "Kollegiale Beratung",
    "consultation_ideas": "Idee aus der Kollegialen Beratung",
    "sozialraum_needs": "Bedarf für den Sozialraum",
    "catalog_entries": "Angebot im Sozialraumkatalog",
    "explorations": "Sozialraumerkundung",
    "team_meetings": "Teamsitzung",
    "help_kinds": "Art der Hilfe",
    "hilfen": "Hilfe",
    "hilfeplan_meetings": "Hilfeplangespräch",
    "hilfeplan_goals": "Handlungsziel im Hilfeplan",
    "hilfeplan_tasks": "Aufgabe aus dem Hilfeplan",
    "network_maps": "Netzwerkkarte",
    "network_entries": "Eintrag auf der Netzwerkkarte",
    "network_map_versions": "Gespeicherte Fassung der Netzwerkkarte",
    "access_requests": "Auskunftsersuchen (Art. 15 DSGVO)",
    "entrusted_consents": "Einwilligung zur Weitergabe (anvertraut)",
}

#: German field names for every field of a travelling record (the conflict inbox shows them).
FIELD_LABELS: dict[str, str] = {
    # Fall, Personen, Falleinordnung, Kontakte
    "file_number": "Aktenzeichen",
    "family_name": "Familienname",
    "status": "Status",
    "opened_on": "Eröffnet am",
    "closed_on": "Abgeschlossen am",
    "caseworker": "Fallführung",
    "description": "Beschreibung",
    "first_name": "Vorname",
    "last_name": "Nachname",
    "birth_date": "Geburtsdatum",
    "address": "Anschrift",
    "phone": "Telefon",
    "languages": "Sprachen",
    "language": "Sprache",
    "interpreter_needed": "Dolmetschung nötig",
    "roles": "Rollen",
    "institution": "Einrichtung",
    "area": "Bereich",
    "reason": "Begründung",
    "decided_on": "Entschieden am",
    "decided_by": "Entschieden von",
    "kind": "Art",
    "occurred_at": "Zeitpunkt",
    "duration_minutes": "Dauer (Minuten)",
    "present": "Anwesend",
    "place": "Ort",
    "note": "Notiz",
    "notes": "Notizen",
    "next_step": "Nächster Schritt",
    "next_step_due": "Nächster Schritt bis",
    "recorded_by": "Erfasst von",
    "corrects_id": "Korrigiert Eintrag",
    # Wille, Ziele, Ressourcen
    "will": "Wille",
    "concern": "Anliegen",
    "concern_by": "Anliegen von",
    "direction_goal": "Richtungsziel",
    "direction_people": "Richtungsziel von",
    "priority": "Priorität",
    "agreed_on": "Vereinbart am",
    "text": "Text",
    "indicator": "Woran erkennbar",
    "involved": "Beteiligte",
    "position": "Reihenfolge",
    "dismissed_findings": "Verworfene Hinweise",
    "review_on": "Überprüfung am",
    "reviewed_on": "Überprüft am",
    "comment": "Kommentar",
    "who": "Wer",
    "what": "Was",
    "agreement_id": "Gehört zu Vereinbarung",
    "goal_id": "Gehört zu Handlungsziel",
    "goal_ids": "Handlungsziele",
    "catalog_entry_id": "Angebot im Katalog",
    # Dokumente
    "title": "Titel",
    "content": "Inhalt",
    "sha256": "Prüfsumme",
    "created_at": "Erstellt am",
    "source_id": "Quelle",
    "doc_version": "Fassung",
    "proof": "Prüfnachweis",
    "proof_code": "Prüfcode",
    "signed_by": "Gerät der Prüfsignatur",
    # Familienrat
    "phase": "Phase",
    "origin_id": "Folgerat von",
    "family_interest": "Interesse der Familie",
    "concern_read": "Sorge vorgelesen",
    "consent_on": "Einverständnis am",
    "informed_on": "Informiert am",
    "info_started_at": "Information begonnen",
    "procedure_explained": "Ablauf erklärt",
    "minimum_requirements": "Mindestanforderungen",
    "minimums_named": "Mindestanforderungen benannt",
    "help_options": "Hilfemöglichkeiten",
    "hze_kind": "Art der Hilfe zur Erziehung",
    "financing": "Finanzierung",
    "moderator_name": "Koordination",
    "moderator_org": "Koordination: Träger",
    "moderator_contact": "Koordination: Kontakt",
    "moderator_languages": "Koordination: Sprachen",
    "meeting_at": "Familienrat am",
    "family_phase_start": "Familienphase von",
    "family_phase_end": "Familienphase bis",
    "family_moderator": "Moderation in der Familienphase",
    "no_professionals_present": "Familienphase ohne Fachkräfte",
    "setting_food": "Verpflegung",
    "setting_childcare": "Kinderbetreuung",
    "setting_interpreter": "Dolmetschung",
    "setting_notes": "Rahmen: Notizen",
    "proposals_source": "Vorschläge von",
    "decision_notes": "Entscheidung: Notizen",
    "approved": "Zugestimmt",
    "approved_by": "Zugestimmt von",
    "outcome": "Ergebnis",
    "outcome_notes": "Ergebnis: Notizen",
    "council_id": "Gehört zu Familienrat",
    "group": "Gruppe",
    "relation": "Beziehung",
    "contact": "Kontakt",
    "invitation": "Einladung (Stand)",
    "invited_by": "Eingeladen von",
    "attended": "Teilgenommen",
    "improvement": "Verbesserung",
    "fallback": "Plan B",
    "decision": "Entscheidung",
    "proposal_id": "Aus Vorschlag",
    "how_checked": "Wie überprüft",
    "activity": "Tätigkeit",
    "hours": "Stunden",
    "worked_on": "Gearbeitet am",
    # Aufträge, Auflagen, Gefährdungseinschätzung
    "addressed_to": "An",
    "requirement": "Auftrag/Auflage",
    "risk": "Gefährdung",
    "consequence": "Folge bei Nichterfüllung",
    "consequence_taken": "Ergriffene Folge",
    "evidence_required": "Nachweis nötig",
    "issued_on": "Erteilt am",
    "due_on": "Frist",
    "contact_id": "Vereinbart beim Kontakt",
    "done_on": "Erledigt am",
    "done_by": "Erledigt laut",
    "actor": "Wer handelt",
    "actor_name": "Wer genau",
    "salutation": "Anrede",
    "outcome_on": "Ergebnis am",
    "outcome_note": "Ergebnis: Notiz",
    "assessment_id": "Aus Gefährdungseinschätzung",
    "mandate_id": "Gehört zu Auftrag/Auflage",
    "received_on": "Eingegangen am",
    "assessed_on": "Eingeschätzt am",
    "professionals": "Beteiligte Fachkräfte",
    "observations": "Beobachtungen",
    "result": "Einschätzung",
    "area_assignment_id": "Falleinordnung",
    # Kollegiale Beratung, Sozialraum
    "held_on": "Am",
    "presenter": "Fall vorgestellt von",
    "participants": "Teilnehmende",
    "question": "Fragestellung",
    "family_goals": "Ziele der Familie",
    "selection": "Ausgewählte Ideen",
    "hze_decided": "Hilfe zur Erziehung entschieden",
    "sozialraum_answer": "Antwort aus dem Sozialraum",
    "closed": "Abgeschlossen",
    "consultation_id": "Gehört zu Beratung",
    "source": "Quelle der Idee",
    "selected": "Ausgewählt",
    "need": "Bedarf",
    "name": "Name",
    "district": "Stadtteil",
    "costs": "Kosten",
    "opening_hours": "Öffnungszeiten",
    "verified_on": "Geprüft am",
    "added_on": "Aufgenommen am",
    "author": "Von",
    "explored_on": "Erkundet am",
    "learned": "Was ich erfahren habe",
    # Netzwerkkarte
    "centre_person_id": "Person in der Mitte",
    "centre_name": "Name in der Mitte",
    "created_on": "Angelegt am",
    "map_id": "Gehört zu Netzwerkkarte",
    "resource_id": "Ressource des Falls",
    "sector": "Sektor",
    "horizon": "Horizont (Nähe)",
    "spot": "Lage im Sektor",
    "supports": "Unterstützung",
    "direction": "Richtung",
    "conflict": "Konflikt",
    "saved_on": "Gespeichert am",
    "entries": "Einträge",
    "review_kind": "Überprüfung: Art",
    "review_ref": "Überprüfung: Bezug",
    "review_label": "Überprüfung",
    "saved_by": "Gespeichert von",
    # Datenschutz: Löschsperre, anvertraute Angaben, Auskunft
    "legal_hold_reason": "Löschsperre: Grund",
    "legal_hold_by": "Löschsperre von",
    "legal_hold_since": "Löschsperre seit",
    "entrusted_by": "Anvertraut von",
    "person_id": "Person",
    "answered_on": "Beantwortet am",
    "answered_by": "Beantwortet von",
    "withheld": "Zurückgehalten",
    "record_table": "Art des Eintrags",
    "record_id": "Eintrag",
    "given_by": "Eingewilligt von",
    "given_on": "Eingewilligt am",
    "purpose": "Wofür",
    "covers": "Gilt für",
    # Hilfen, Hilfeplan
    "team": "Team",
    "sozialraum": "Sozialraum",
    "code": "Kürzel",
    "label": "Bezeichnung",
    "paragraph": "Rechtsgrundlage",
    "active": "Angeboten",
    "provider": "Träger",
    "start_on": "Beginn",
    "planned_end_on": "Geplantes Ende",
    "end_on": "Ende",
    "end_reason": "Grund für das Ende",
    "minutes_per_week": "Stunden pro Woche (in Minuten)",
    "hourly_rate_cents": "Stundensatz (in Cent)",
    "monthly_cost_cents": "Monatliche Kosten (in Cent)",
    "hilfe_id": "Gehört zu Hilfe",
    "young_person_name": "Worte von",
    "young_person_words": "In eigenen Worten",
    "agreed_help_scope": "Vereinbarte Hilfe und Umfang",
    "next_on": "Nächstes Hilfeplangespräch",
    "previous_id": "Folgt auf Hilfeplangespräch",
    "meeting_id": "Gehört zu Hilfeplangespräch",
    "deleted": "Gelöscht",
}

#: Links and ordering: the inbox lists them only where the versions differ.
QUIET_FIELDS = frozenset(
    {
        "agreement_id",
        "goal_id",
        "goal_ids",
        "catalog_entry_id",
        "council_id",
        "proposal_id",
        "consultation_id",
        "mandate_id",
        "assessment_id",
        "area_assignment_id",
        "origin_id",
        "hilfe_id",
        "meeting_id",
        "previous_id",
        "map_id",
        "resource_id",
        "centre_person_id",
        "review_ref",
        "spot",
        "corrects_id",
        "contact_id",
        "source_id",
        "record_id",
        "person_id",
        "sha256",
        "proof",
        "proof_code",
        "signed_by",
        "doc_version",
        "position",
        "dismissed_findings",
    }
)

_TABLES: list[Table] | None = None


def replicated_tables() -> list[Table]:
    """Every travelling table, parents before children."""
    global _TABLES
    if _TABLES is None:
        names = {
            str(cast("Any", mapper.class_).__tablename__)
            for mapper in Base.registry.mappers
            if issubclass(mapper.class_, Replicated)
        }
        _TABLES = [t for t in Base.metadata.sorted_tables if t.name in names]
    return _TABLES


_BY_NAME: dict[str, Table] = {}


def table_named(name: str) -> Table | None:
    """The travelling table of that name, or None for anything else."""
    if not _BY_NAME:
        _BY_NAME.update((t.name, t) for t in replicated_tables())
    return _BY_NAME.get(name)


def case_column(table: Table) -> str | None:
    """The column that names a row's case ("id" for the cases themselves), or None."""
    if table.name == "cases":
        return "id"
    return "case_id" if "case_id" in table.columns else None


def record_label(table_name: str) -> str:
    """What a caseworker calls a record of that table."""
    return RECORD_LABELS.get(table_name, table_name)


def field_label(field: str) -> str:
    """What a caseworker calls that field."""
    return FIELD_LABELS.get(field, field.replace("_", " "))
