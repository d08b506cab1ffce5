"""The sync use cases on an open database, for the window and the command line."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from asd_desktop.models.case import Case
from asd_desktop.models.progress import OperationToken
from asd_desktop.models.sync import CaseAssignment, ReviewItem, Sibling, SyncDevice
from asd_desktop.services import audit
from asd_desktop.services.audit import AuditAction
from asd_desktop.services.sync import conflicts, devices, exchange, merge
from asd_desktop.services.sync.views import (
    ConflictView,
    DeviceView,
    EnrollmentResult,
    ExportResult,
    ImportReport,
    JoinResult,
    ReviewView,
    SyncStatus,
)
from asd_desktop.storage import purge
from asd_desktop.storage.bundle_file import fingerprint

#: Cases assigned between two looks at the token (progress shown, cancel noticed).
_PROGRESS_EVERY = 50


def remove_enrollment_file(path: Path) -> str:
    """Delete the used enrollment file (it holds the laptop's private keys); say what happened."""
    try:
        size = path.stat().st_size
        with path.open("r+b") as handle:
            handle.write(b"\0" * size)
            handle.flush()
            os.fsync(handle.fileno())
        path.unlink()
    except OSError as exc:
        return (
            f"Die Einrichtungsdatei »{path.name}« konnte nicht gelöscht werden "
            f"({exc.strerror or exc.__class__.__name__}). Sie enthält die privaten Schlüssel "
            "dieses Geräts: bitte sofort von Hand vom USB-Stick löschen (z. B. ist der Stick "
            "schreibgeschützt)."
        )
    return f"Die Einrichtungsdatei »{path.name}« wurde vom Datenträger gelöscht."


class SyncService:
    """Devices, case assignments, bundles and the conflict inbox."""

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        on_device_changed: Callable[[str], None] | None = None,
    ) -> None:
        self._factory = session_factory
        self._on_device_changed = on_device_changed
        merge.install_settling(session_factory)

    # --- status and devices -----------------------------------------------------------

    def status(self) -> SyncStatus:
        """Role, own fingerprint, peers, open conflicts and review items."""
        with self._factory() as s:
            ident = devices.identity(s)
            me = devices.local_device(s).device_id
            open_conflicts = len(conflicts.conflict_rows(s))
            review = int(s.scalar(select(func.count()).select_from(ReviewItem)) or 0)
            return SyncStatus(
                role=ident.role if ident else None,
                device_id=me,
                name=ident.name if ident else "",
                fingerprint=fingerprint(devices.keys_of(ident).signing_public) if ident else "",
                peers=self._devices(s) if ident else [],
                open_conflicts=open_conflicts,
                review_items=review,
            )

    def _devices(self, s: Session) -> list[DeviceView]:
        counts = devices.assigned_counts(s)
        return [
            DeviceView(
                device_id=d.device_id,
                name=d.name,
                role=d.role,
                fingerprint=devices.device_fingerprint(d),
                enrolled_at=d.enrolled_at,
                revoked=d.revoked_at is not None,
                blocked_reason=d.blocked_reason,
                last_import_at=d.last_import_at,
                last_export_at=d.last_export_at,
                assigned_cases=counts.get(d.device_id, 0),
                scope=d.scope or "",
            )
            for d in s.scalars(select(SyncDevice).order_by(SyncDevice.name))
        ]

    def devices(self) -> list[DeviceView]:
        """Every registered peer."""
        with self._factory() as s:
            return self._devices(s)

    def init_office(self, name: str) -> SyncStatus:
        """Make this database the office hub."""
        with self._factory.begin() as s:
            devices.init_office(s, name)
        return self.status()

    def enroll(
        self, name: str, out_dir: Path, replaces: str | None = None, scope: str = ""
    ) -> EnrollmentResult:
        """Office: register a laptop and write its enrollment file.

        ``scope`` "familienrat" enrolls an external Familienrat moderator's laptop: it
        receives only the Familienrat part of the cases assigned to it.
        """
        with self._factory.begin() as s:
            device, path, code = devices.enroll(s, name, out_dir, replaces, scope)
            office = devices.require_identity(s)
            audit.append(
                s,
                devices.local_device(s).device_id,
                AuditAction.DEVICE_ENROLLED,
                None,
                device.device_id,
            )
            return EnrollmentResult(
                device_id=device.device_id,
                name=device.name,
                path=path,
                code=code,
                office_fingerprint=devices.keys_of(office).fingerprint,
                device_fingerprint=devices.device_fingerprint(device),
            )

    def join(self, path: Path, code: str) -> JoinResult:
        """Laptop: take the identity from the office's enrollment file."""
        with self._factory.begin() as s:
            ident, office = devices.join(s, path, code)
            device_id = devices.local_device(s).device_id
            audit.append(s, device_id, AuditAction.DEVICE_JOINED, None, office.device_id)
            joined = {
                "device_id": device_id,
                "name": ident.name,
                "office_name": office.name,
                "office_fingerprint": devices.device_fingerprint(office),
                "device_fingerprint": devices.keys_of(ident).fingerprint,
            }
        # Only after the commit: a failed join keeps the file for another try.
        result = JoinResult(**joined, enrollment_note=remove_enrollment_file(path))
        if self._on_device_changed is not None:
            self._on_device_changed(result.device_id)
        return result

    def revoke(self, device_ref: str) -> DeviceView:
        """Office: refuse every further bundle of that device."""
        with self._factory.begin() as s:
            device = devices.revoke(s, device_ref)
            audit.append(
                s,
                devices.local_device(s).device_id,
                AuditAction.DEVICE_REVOKED,
                None,
                device.device_id,
            )
            device_id = device.device_id
        return next(d for d in self.devices() if d.device_id == device_id)

    # --- entitlement ----------------------------------------------------------------------

    def assign(self, case_ref: str, device_ref: str) -> bool:
        """Office: give a case to a laptop; False if it already held it."""
        with self._factory.begin() as s:
            case, device, changed = devices.assign(s, case_ref, device_ref)
            if changed:
                audit.append(
                    s,
                    devices.local_device(s).device_id,
                    AuditAction.CASE_ASSIGNED,
                    case.id,
                    device.device_id,
                )
            return changed

    def assign_all(self, device_ref: str) -> int:
        """Office: give every open (not deleted) case to a laptop; returns how many were new."""
        with self._factory.begin() as s:
            device = devices.active_laptop(s, device_ref)
            held = set(devices.assignments(s, device.device_id))
            new = 0
            me = devices.local_device(s).device_id
            for case_id in s.scalars(select(Case.id).where(Case.deleted.is_(False))):
                if case_id in held:
                    continue
                devices.assign(s, case_id, device.device_id)
                new += 1
            audit.append(s, me, AuditAction.CASE_ASSIGNED, None, f"{device.device_id} alle: {new}")
            return new

    def unassign(self, case_ref: str, device_ref: str) -> None:
        """Office: take a case back from a laptop (after it sent its pending edits)."""
        with self._factory.begin() as s:
            case, device = devices.unassign(s, case_ref, device_ref)
            audit.append(
                s,
                devices.local_device(s).device_id,
                AuditAction.CASE_WITHDRAWN,
                case.id,
                device.device_id,
            )

    def assigned_cases(self, device_ref: str) -> list[str]:
        """Case ids a laptop holds."""
        with self._factory() as s:
            device = devices.find_device(s, device_ref)
            return devices.assignments(s, device.device_id)

    def case_holders(self, case_id: str) -> dict[str, str]:
        """Device name → state (:class:`AssignmentState`) for one case."""
        with self._factory() as s:
            rows = s.execute(
                select(SyncDevice.name, CaseAssignment.state)
                .join(CaseAssignment, CaseAssignment.device_id == SyncDevice.device_id)
                .where(CaseAssignment.case_id == case_id)
            )
            return {name: state for name, state in rows}

    def pending_changes(self, device_ref: str) -> int:
        """Records the next bundle to that peer would carry."""
        with self._factory() as s:
            device = devices.find_device(s, device_ref)
            return exchange.pending_count(s, device.device_id)

    # --- bundles ----------------------------------------------------------------------------

    def export(
        self, to_device: str, out_dir: Path, token: OperationToken | None = None
    ) -> ExportResult:
        """Write a bundle for a peer into a folder (a USB stick); read back before returning."""
        return exchange.export_bundle(self._factory, to_device, out_dir, token)

    def inspect(self, path: Path) -> dict[str, Any]:
        """The manifest of a bundle; writes nothing."""
        return exchange.inspect_bundle(self._factory, path)

    def import_bundle(self, path: Path, token: OperationToken | None = None) -> ImportReport:
        """Check the whole bundle, then merge it in one transaction; a cancel changes nothing."""
        report = exchange.import_bundle(self._factory, path, token)
        if report.purged_cases:
            # Purged cases leave no freed page and no WAL page image behind.
            purge.compact(self._factory.kw["bind"])
        return report

    # --- conflicts and review ---------------------------------------------------------------

    def in_conflict(self, table: str, row_id: str) -> bool:
        """True while the record has versions from other devices nobody has decided on."""
        with self._factory() as s:
            return (
                s.execute(
                    select(Sibling.id)
                    .where(Sibling.table_name == table, Sibling.row_id == row_id)
                    .limit(1)
                ).first()
                is not None
            )

    def conflicts(self, case_id: str | None = None) -> list[ConflictView]:
        """Every open conflict (of one case, if given)."""
        with self._factory() as s:
            return [conflicts.view(s, t, r) for t, r in conflicts.conflict_rows(s, case_id)]

    def resolve(
        self,
        table: str,
        row_id: str,
        *,
        version: int | None = None,
        picks: Mapping[str, int] | None = None,
    ) -> None:
        """Resolve a conflict; the resolution travels like any edit."""
        with self._factory.begin() as s:
            conflicts.resolve(s, table, row_id, version=version, picks=picks)
            audit.append(
                s, devices.local_device(s).device_id, AuditAction.CONFLICT_RESOLVED, None, row_id
            )

    def review_items(self) -> list[ReviewView]:
        """Office: changes from laptops for cases they do not hold."""
        with self._factory() as s:
            return conflicts.review_items(s)

    def accept_review(self, item_id: int) -> None:
        """Office: take a queued change."""
        with self._factory.begin() as s:
            conflicts.accept_review(s, item_id)

    def discard_review(self, item_id: int) -> None:
        """Office: drop a queued change."""
        with self._factory.begin() as s:
            conflicts.discard_review(s, item_id)

    def dump(self) -> list[str]:
        """Canonical JSON lines of every record, sibling and tombstone."""
        with self._factory() as s:
            return list(conflicts.dump_lines(s))

    # --- entitlement for many cases at once --------------------------------------------------

    def assign_cases(
        self, case_ids: Sequence[str], device_ref: str, token: OperationToken | None = None
    ) -> int:
        """Office: give many cases to a laptop in one transaction; how many were new.

        A cancel (through ``token``) or any refused case changes nothing.
        """
        token = token or OperationToken()
        with self._factory.begin() as s:
            me = devices.local_device(s).device_id
            new = 0
            for done, case_ref in enumerate(case_ids):
                if done % _PROGRESS_EVERY == 0:
                    token.progress(done, len(case_ids))
                case, device, changed = devices.assign(s, case_ref, device_ref)
                if changed:
                    audit.append(s, me, AuditAction.CASE_ASSIGNED, case.id, device.device_id)
                    new += 1
            token.progress(len(case_ids), len(case_ids))
            return new

    def unassign_cases(
        self, case_ids: Sequence[str], device_ref: str, token: OperationToken | None = None
    ) -> int:
        """Office: take many cases back from a laptop in one transaction; how many.

        A cancel (through ``token``) or any refused case changes nothing.
        """
        token = token or OperationToken()
        with self._factory.begin() as s:
            me = devices.local_device(s).device_id
            for done, case_ref in enumerate(case_ids):
                if done % _PROGRESS_EVERY == 0:
                    token.progress(done, len(case_ids))
                case, device = devices.unassign(s, case_ref, device_ref)
                audit.append(s, me, AuditAction.CASE_WITHDRAWN, case.id, device.device_id)
            token.progress(len(case_ids), len(case_ids))
            return len(case_ids)
