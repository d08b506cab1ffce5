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
}

#: German field names where the column name would puzzle a caseworker.
FIELD_LABELS: dict[str, str] = {
    "file_number": "Aktenzeichen",
    "family_name": "Familienname",
    "status": "Status",
    "opened_on": "Eröffnet am",
    "closed_on": "Abgeschlossen am",
    "caseworker": "Fallführung",
    "description": "Beschreibung",
    "first_name": "Vorname",
    "last_name": "Nachname",
    "born_on": "Geburtsdatum",
    "roles": "Rollen",
    "area": "Bereich",
    "reason": "Begründung",
    "decided_on": "Entschieden am",
    "decided_by": "Entschieden von",
    "kind": "Art",
    "occurred_at": "Zeitpunkt",
    "present": "Anwesend",
    "place": "Ort",
    "note": "Notiz",
    "next_step": "Nächster Schritt",
    "text": "Text",
    "indicator": "Woran erkennbar",
    "involved": "Beteiligte",
    "review_on": "Überprüfung am",
    "comment": "Kommentar",
    "who": "Wer",
    "what": "Was",
    "title": "Titel",
    "name": "Name",
    "due_on": "Frist",
    "deleted": "Gelöscht",
}

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
