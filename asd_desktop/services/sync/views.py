"""Frozen results of the sync services, for the window and the command line."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from asd_desktop.domain.german import counted
from asd_desktop.domain.sync_states import (
    ROLE_LABELS,
    SCOPE_LABELS,
    BlockedReason,
    DeviceRole,
    DeviceScope,
)


@dataclass(frozen=True)
class DeviceView:
    """A trusted peer as the window lists it."""

    device_id: str
    name: str
    role: str
    fingerprint: str
    enrolled_at: dt.datetime
    revoked: bool
    blocked_reason: str
    last_import_at: dt.datetime | None
    last_export_at: dt.datetime | None
    assigned_cases: int
    #: What the device receives of its cases ("" whole cases, "familienrat").
    scope: str = ""

    @property
    def role_label(self) -> str:
        """Büro or Laptop."""
        return ROLE_LABELS.get(self.role, self.role)

    @property
    def moderator(self) -> bool:
        """An external Familienrat moderator's device: receives only the Familienrat part."""
        # On a moderator's laptop the office's row carries the laptop's own scope.
        return self.scope == DeviceScope.FAMILIENRAT and self.role == DeviceRole.LAPTOP

    @property
    def scope_label(self) -> str:
        """Fallführung (ganze Fälle) or Familienrat-Koordination (extern)."""
        return SCOPE_LABELS.get(self.scope, self.scope)

    @property
    def state_label(self) -> str:
        """Aktiv, Gesperrt or why bundles are refused."""
        if self.revoked:
            return "Gesperrt"
        if self.blocked_reason == BlockedReason.RESTORED:
            return "Aus Sicherung wiederhergestellt – neu einrichten"
        return "Aktiv"


@dataclass(frozen=True)
class SyncStatus:
    """This database's part in the exchange."""

    role: str | None
    device_id: str
    name: str
    fingerprint: str
    peers: list[DeviceView]
    open_conflicts: int
    review_items: int

    @property
    def role_label(self) -> str:
        """Büro, Laptop or not set up."""
        return ROLE_LABELS.get(self.role or "", "nicht eingerichtet")


@dataclass(frozen=True)
class EnrollmentResult:
    """What the office shows after enrolling a laptop."""

    device_id: str
    name: str
    path: Path
    code: str
    office_fingerprint: str
    device_fingerprint: str


@dataclass(frozen=True)
class JoinResult:
    """What a laptop shows after taking its enrollment."""

    device_id: str
    name: str
    office_name: str
    office_fingerprint: str
    device_fingerprint: str
    #: What happened to the enrollment file (it holds this laptop's private keys).
    enrollment_note: str = ""


@dataclass(frozen=True)
class ExportResult:
    """A bundle written and read back."""

    path: Path
    bundle_id: str
    recipient_name: str
    counts: dict[str, int]
    sequence: int
    #: Laptop: entrusted items (§ 65 SGB VIII) left out of the bundle, without consent.
    entrusted_held: int = 0

    @property
    def total(self) -> int:
        """Records in the bundle."""
        return sum(self.counts.values())


@dataclass(frozen=True)
class ConflictRef:
    """One record with concurrent versions."""

    table: str
    row_id: str
    case_id: str | None
    label: str
    #: The case's Aktenzeichen, how a caseworker names it ("" when the record has no case).
    file_number: str = ""

    @property
    def text(self) -> str:
        """What the record is and its case, e.g. "Kontakt im Fall ASD-M-2024-0113"."""
        return f"{self.label} im Fall {self.file_number}" if self.file_number else self.label


@dataclass(frozen=True)
class ImportReport:
    """What an import did."""

    bundle_id: str
    sender_name: str
    already_imported: bool
    changed: dict[str, int] = field(default_factory=dict)
    new_conflicts: list[ConflictRef] = field(default_factory=list)
    review_items: int = 0
    evicted_cases: int = 0
    withdrawn_cases: int = 0
    #: Office: the cases (Aktenzeichen) of refused changes from a laptop not holding them.
    refused_cases: list[str] = field(default_factory=list)
    #: Laptop: cases that arrived incomplete and are asked for again in the next bundle.
    resend_cases: int = 0
    #: Laptop: cases deleted for good by the office's purge orders in this bundle.
    purged_cases: int = 0
    #: Office: records an external moderator's device may not change, refused (label: count).
    refused_records: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        """Records that arrived changed."""
        return sum(self.changed.values())

    @property
    def refused_message(self) -> str:
        """Office: why changes of this bundle were not taken, or "" when none were refused."""
        if not self.review_items:
            return ""
        cases = ", ".join(self.refused_cases[:10])
        more = (
            f" und {len(self.refused_cases) - 10} weitere" if len(self.refused_cases) > 10 else ""
        )
        one_case = len(self.refused_cases) == 1
        which = "einem Fall, der" if one_case else "Fällen, die"
        return (
            f"Abgewiesen: {counted(self.review_items, 'Änderung', 'Änderungen')} von "
            f"»{self.sender_name}« an {which} diesem Gerät nicht zugeteilt "
            f"{'ist' if one_case else 'sind'} (Aktenzeichen {cases}{more}). "
            f"{'Sie wurde' if self.review_items == 1 else 'Sie wurden'} nicht übernommen. "
            "Bitte unter Synchronisation → Zur Prüfung ansehen und verwerfen – oder, wenn der "
            "Fall dem Gerät zugeteilt sein sollte, übernehmen."
        )

    @property
    def refused_records_message(self) -> str:
        """Office: what a moderator's device sent outside the Familienrat part ("" when none)."""
        if not self.refused_records:
            return ""
        listed = ", ".join(f"{label}: {n}" for label, n in sorted(self.refused_records.items()))
        total = sum(self.refused_records.values())
        return (
            f"Abgewiesen: {counted(total, 'Änderung', 'Änderungen')} von »{self.sender_name}« "
            f"außerhalb des Familienrats ({listed}). Dieses Gerät ist für die "
            "Familienrat-Koordination (extern) eingerichtet und darf nur den Familienrat "
            "eines Falls ändern; die Änderungen wurden nicht übernommen."
        )

    @property
    def resend_message(self) -> str:
        """Laptop: cases that arrived incomplete, or "" when all arrived whole."""
        if not self.resend_cases:
            return ""
        return (
            f"{counted(self.resend_cases, 'Fall kam', 'Fälle kamen')} unvollständig an. "
            "Das Vollständige ist hier "
            "erhalten; das nächste Paket an das Büro fordert den ganzen Fall neu an, das Büro "
            "schickt ihn mit seinem nächsten Paket."
        )


@dataclass(frozen=True)
class VersionView:
    """One version of a conflicting record."""

    device_name: str
    hlc: str
    written_at: dt.datetime | None
    deleted: bool
    fields: dict[str, Any]


@dataclass(frozen=True)
class ConflictView:
    """A record with its versions side by side; ``fields`` lists what differs first."""

    table: str
    row_id: str
    case_id: str | None
    case_label: str
    label: str
    versions: list[VersionView]
    differing: list[str]
    fields: list[str]
    field_labels: dict[str, str]

    @property
    def delete_vs_edit(self) -> bool:
        """One side deleted the record while another changed it."""
        kinds = {v.deleted for v in self.versions}
        return kinds == {True, False}


@dataclass(frozen=True)
class ReviewView:
    """A laptop's change for a case it does not hold, waiting at the office."""

    id: int
    device_name: str
    label: str
    case_id: str | None
    received_at: dt.datetime
    summary: str
