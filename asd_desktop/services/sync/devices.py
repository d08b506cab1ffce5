"""Roles, keys, the device registry, enrollment in person and case assignments."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from asd_desktop.domain.sync_states import AssignmentState, BlockedReason, DeviceRole, DeviceScope
from asd_desktop.models.base import LocalDevice
from asd_desktop.models.case import Case
from asd_desktop.models.errors import AsdError, NotFoundError
from asd_desktop.models.ids import uuid7
from asd_desktop.models.sync import (
    CaseAssignment,
    ImportedBundle,
    SyncDevice,
    SyncIdentity,
    WithdrawnCase,
)
from asd_desktop.services.sync.tables import replicated_tables
from asd_desktop.storage.bundle_file import (
    BundleDamagedError,
    DeviceKeys,
    fingerprint,
    new_enrollment_code,
    read_enrollment,
    write_enrollment,
)
from asd_desktop.storage.server import lock_hub

ENROLLMENT_FORMAT = "asd-enrollment"


def now() -> dt.datetime:
    """UTC now without tzinfo, as every timestamp column stores it."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def identity(session: Session) -> SyncIdentity | None:
    """This database's sync identity, if it has one."""
    return session.get(SyncIdentity, 1)


def require_identity(session: Session, role: str | None = None) -> SyncIdentity:
    """The identity, or a message saying how to set the device up."""
    ident = identity(session)
    if ident is None:
        raise AsdError(
            "Dieses Gerät ist noch nicht für den Austausch eingerichtet. Im Büro: "
            "»asd-desktop device init-office«; auf einem Laptop: die Einrichtungsdatei aus "
            "dem Büro mit »asd-desktop device join« übernehmen."
        )
    if role == DeviceRole.OFFICE and ident.role != DeviceRole.OFFICE:
        raise AsdError("Das geht nur im Büro (auf der Büro-Datenbank), nicht auf einem Laptop.")
    if role == DeviceRole.LAPTOP and ident.role != DeviceRole.LAPTOP:
        raise AsdError("Das geht nur auf einem Laptop, nicht im Büro.")
    return ident


def keys_of(ident: SyncIdentity) -> DeviceKeys:
    """The identity's key pair."""
    return DeviceKeys(signing_private=ident.signing_private, age_identity=ident.age_identity)


def local_device(session: Session) -> LocalDevice:
    """The device row (id, counter, clock)."""
    device = session.get(LocalDevice, 1)
    if device is None:  # pragma: no cover - created when the database is opened
        raise AsdError("Interner Fehler: die Geräte-Kennung fehlt in der Datenbank.")
    return device


def bump_counter(session: Session) -> int:
    """Advance this device's counter without a version (marks a point peers acknowledge)."""
    lock_hub(session)  # on a server hub: the counter is shared by every workstation
    device = local_device(session)
    device.counter += 1
    return device.counter


def init_office(session: Session, name: str) -> SyncIdentity:
    """Make this database the office hub with new keys."""
    if not name.strip():
        raise AsdError("Bitte einen Namen für das Büro angeben, z. B. »ASD Bezirk Nord«.")
    if identity(session) is not None:
        raise AsdError("Diese Datenbank ist bereits für den Austausch eingerichtet.")
    keys = DeviceKeys.generate()
    ident = SyncIdentity(
        id=1,
        role=DeviceRole.OFFICE,
        name=name.strip(),
        signing_private=keys.signing_private,
        age_identity=keys.age_identity,
        knowledge={},
        stable={},
        created_at=now(),
    )
    session.add(ident)
    return ident


def find_device(session: Session, ref: str) -> SyncDevice:
    """A registered device by id, id prefix (8+ characters) or exact name."""
    ref = ref.strip()
    device = session.get(SyncDevice, ref)
    if device is not None:
        return device
    matches = list(session.scalars(select(SyncDevice).where(SyncDevice.name == ref)))
    if not matches and len(ref) >= 8:
        matches = list(
            session.scalars(select(SyncDevice).where(SyncDevice.device_id.like(f"{ref}%")))
        )
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        raise AsdError(f"»{ref}« passt auf mehrere Geräte. Bitte die Geräte-Kennung angeben.")
    raise NotFoundError(
        f"Ein Gerät »{ref}« ist nicht eingetragen. »asd-desktop device list« zeigt die Geräte."
    )


def enroll(
    session: Session, name: str, out_dir: Path, replaces: str | None = None, scope: str = ""
) -> tuple[SyncDevice, Path, str]:
    """Office: register a new laptop and write its enrollment file, protected by a code.

    ``scope`` says what the laptop receives of its cases (:class:`DeviceScope`); a
    replacement keeps the scope of the device it replaces unless another is given.
    """
    office = require_identity(session, DeviceRole.OFFICE)
    if not name.strip():
        raise AsdError("Bitte einen Namen für das Gerät angeben, z. B. »Laptop Frau Kaya«.")
    if scope not in set(DeviceScope):
        raise AsdError(
            f"»{scope}« ist keine Rolle für ein Gerät. Möglich: ganze Fälle (leer) oder "
            "»familienrat« (Familienrat-Koordination, extern)."
        )
    old = find_device(session, replaces) if replaces else None
    if old is not None and not scope:
        scope = old.scope or ""
    keys = DeviceKeys.generate()
    device_id = uuid7()
    device = SyncDevice(
        device_id=device_id,
        name=name.strip(),
        role=DeviceRole.LAPTOP,
        signing_public=keys.signing_public,
        age_recipient=keys.age_recipient,
        enrolled_at=now(),
        blocked_reason=BlockedReason.NONE,
        acked={},
        next_sequence=1,
        scope=scope,
    )
    session.add(device)
    office_keys = keys_of(office)
    data: dict[str, Any] = {
        "format": ENROLLMENT_FORMAT,
        "version": 1,
        "device_id": device_id,
        "name": device.name,
        # The laptop keeps what it receives (an external moderator shows the Familienrat only).
        "scope": scope,
        "signing_private": base64.b64encode(keys.signing_private).decode("ascii"),
        "age_identity": keys.age_identity,
        "office": {
            "device_id": local_device(session).device_id,
            "name": office.name,
            "signing_public": base64.b64encode(office_keys.signing_public).decode("ascii"),
            "age_recipient": office_keys.age_recipient,
        },
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"asd-einrichtung-{device_id[-12:]}.asdenroll"
    code = new_enrollment_code()
    if old is not None:
        old.revoked_at = now()
        old.replaced_by = device_id
        counter = bump_counter(session)
        for assignment in session.scalars(
            select(CaseAssignment).where(CaseAssignment.device_id == old.device_id)
        ):
            session.add(
                CaseAssignment(
                    case_id=assignment.case_id,
                    device_id=device_id,
                    state=AssignmentState.ACTIVE,
                    assigned_at_counter=counter,
                    epoch=counter,
                    changed_at=now(),
                )
            )
            session.delete(assignment)
    session.flush()
    write_enrollment(path, data, code)
    return device, path, code


def join(session: Session, path: Path, code: str) -> tuple[SyncIdentity, SyncDevice]:
    """Laptop: take the identity the office made; on a restored laptop, start a new identity.

    Rows this database made under its previous identity are stamped again under the new
    one, so edits the office has not seen are sent instead of being mistaken for old ones.
    """
    data = read_enrollment(path, code)
    if data.get("format") != ENROLLMENT_FORMAT or data.get("version") != 1:
        raise BundleDamagedError(
            "Diese Datei ist keine Einrichtungsdatei von asd-desktop. Bitte die Datei "
            "verwenden, die das Büro beim Einrichten dieses Geräts erzeugt hat."
        )
    try:
        office_data = data["office"]
        device_id = str(data["device_id"])
        keys = DeviceKeys(
            signing_private=base64.b64decode(data["signing_private"], validate=True),
            age_identity=str(data["age_identity"]),
        )
        office_public = base64.b64decode(office_data["signing_public"], validate=True)
        office_id = str(office_data["device_id"])
        office_name = str(office_data["name"])
        office_recipient = str(office_data["age_recipient"])
        name = str(data["name"])
        # Older enrollment files carry no scope: whole cases.
        scope = str(data.get("scope") or DeviceScope.WHOLE)
        if scope not in set(DeviceScope):
            raise ValueError(scope)
    except (KeyError, TypeError, ValueError, binascii.Error) as exc:
        raise BundleDamagedError(
            "Die Einrichtungsdatei ist unvollständig. Bitte im Büro eine neue erzeugen lassen."
        ) from exc
    current = identity(session)
    if current is not None and current.role == DeviceRole.OFFICE:
        raise AsdError("Diese Datenbank ist das Büro; ein Büro wird nicht als Laptop eingerichtet.")
    device = local_device(session)
    if device.device_id == device_id:
        raise AsdError("Dieses Gerät ist mit dieser Einrichtungsdatei bereits eingerichtet.")
    old_id = device.device_id
    knowledge = dict(current.knowledge) if current is not None else {}
    if current is not None:
        session.delete(current)
        session.flush()
    for peer in session.scalars(select(SyncDevice)):
        session.delete(peer)
    # Sequences count per sender and recipient; the old identity's history does not apply.
    session.execute(delete(ImportedBundle))
    session.flush()
    session.add(
        SyncIdentity(
            id=1,
            role=DeviceRole.LAPTOP,
            name=name,
            signing_private=keys.signing_private,
            age_identity=keys.age_identity,
            knowledge=knowledge,
            stable={},
            created_at=now(),
        )
    )
    office = SyncDevice(
        device_id=office_id,
        name=office_name,
        role=DeviceRole.OFFICE,
        signing_public=office_public,
        age_recipient=office_recipient,
        enrolled_at=now(),
        blocked_reason=BlockedReason.NONE,
        acked={},
        next_sequence=1,
        # On a laptop the office's row keeps this laptop's own scope (what it receives).
        scope=scope,
    )
    session.add(office)
    device.device_id = device_id
    device.counter = 0
    session.flush()
    _restamp(session, old_id)
    return session.get(SyncIdentity, 1) or _missing(), office


def _missing() -> SyncIdentity:  # pragma: no cover - just added in the same transaction
    raise AsdError("Interner Fehler: die Geräte-Identität fehlt.")


def _restamp(session: Session, old_id: str) -> None:
    """Every row last written under ``old_id`` becomes a new version of this device."""
    device = local_device(session)
    conn = session.connection()
    for table in replicated_tables():
        rows = conn.execute(
            select(table.c.id, table.c.version_vector).where(table.c.origin_device == old_id)
        ).all()
        for row_id, vector in rows:
            device.counter += 1
            new_vector = dict(vector or {})
            new_vector[device.device_id] = device.counter
            conn.execute(
                update(table)
                .where(table.c.id == row_id)
                .values(
                    version_vector=new_vector,
                    origin_device=device.device_id,
                    origin_counter=device.counter,
                )
            )


def revoke(session: Session, ref: str) -> SyncDevice:
    """Office: refuse every further bundle of that device."""
    require_identity(session, DeviceRole.OFFICE)
    device = find_device(session, ref)
    if device.role == DeviceRole.OFFICE:
        raise AsdError("Das Büro selbst kann nicht gesperrt werden.")
    if device.revoked_at is None:
        device.revoked_at = now()
    return device


def active_laptop(session: Session, ref: str) -> SyncDevice:
    """A laptop that may receive cases."""
    device = find_device(session, ref)
    if device.role != DeviceRole.LAPTOP:
        raise AsdError(f"»{device.name}« ist kein Laptop; Fälle werden Laptops zugeteilt.")
    if device.revoked_at is not None:
        raise AsdError(f"»{device.name}« ist gesperrt und bekommt keine Fälle mehr.")
    return device


def find_case(session: Session, ref: str) -> Case:
    """A case by id or by its Aktenzeichen."""
    case = session.get(Case, ref.strip())
    if case is None:
        matches = list(
            session.scalars(
                select(Case).where(Case.file_number == ref.strip(), Case.deleted.is_(False))
            )
        )
        if len(matches) > 1:
            raise AsdError(
                f"Das Aktenzeichen »{ref}« gibt es mehrfach. Bitte die Fall-Kennung angeben."
            )
        case = matches[0] if matches else None
    if case is None or case.deleted:
        raise NotFoundError(f"Einen Fall »{ref}« gibt es nicht.")
    return case


def assign(session: Session, case_ref: str, device_ref: str) -> tuple[Case, SyncDevice, bool]:
    """Office: the laptop receives the whole case with its next bundle. False if it had it."""
    require_identity(session, DeviceRole.OFFICE)
    case = find_case(session, case_ref)
    device = active_laptop(session, device_ref)
    existing = session.get(CaseAssignment, (case.id, device.device_id))
    if existing is not None and existing.state == AssignmentState.ACTIVE:
        return case, device, False
    counter = bump_counter(session)
    if existing is None:
        session.add(
            CaseAssignment(
                case_id=case.id,
                device_id=device.device_id,
                state=AssignmentState.ACTIVE,
                assigned_at_counter=counter,
                epoch=counter,
                changed_at=now(),
            )
        )
    else:
        existing.state = AssignmentState.ACTIVE
        existing.assigned_at_counter = counter
        existing.epoch = counter
        existing.changed_at = now()
    return case, device, True


def unassign(session: Session, case_ref: str, device_ref: str) -> tuple[Case, SyncDevice]:
    """Office: take a case back; the laptop sends its pending edits, then evicts the case."""
    require_identity(session, DeviceRole.OFFICE)
    case = find_case(session, case_ref)
    device = find_device(session, device_ref)
    existing = session.get(CaseAssignment, (case.id, device.device_id))
    if existing is None:
        raise AsdError(f"Der Fall ist »{device.name}« nicht zugeteilt.")
    if existing.state != AssignmentState.WITHDRAWING:
        # A new instruction: its epoch is newer than every assignment sent before.
        existing.epoch = bump_counter(session)
    existing.state = AssignmentState.WITHDRAWING
    existing.changed_at = now()
    return case, device


def send_again(session: Session, case_id: str, device_id: str) -> bool:
    """Office: a laptop reported records of a held case missing; send the whole case again."""
    existing = session.get(CaseAssignment, (case_id, device_id))
    if existing is None or existing.state != AssignmentState.ACTIVE:
        return False
    counter = bump_counter(session)
    existing.assigned_at_counter = counter
    existing.epoch = counter
    existing.changed_at = now()
    return True


def assignments(
    session: Session, device_id: str, states: tuple[str, ...] = (AssignmentState.ACTIVE,)
) -> list[str]:
    """Case ids held by a laptop in the given states."""
    return list(
        session.scalars(
            select(CaseAssignment.case_id).where(
                CaseAssignment.device_id == device_id, CaseAssignment.state.in_(states)
            )
        )
    )


def assigned_counts(session: Session) -> dict[str, int]:
    """Active cases per device."""
    rows = session.execute(
        select(CaseAssignment.device_id, func.count())
        .where(CaseAssignment.state == AssignmentState.ACTIVE)
        .group_by(CaseAssignment.device_id)
    )
    return {device_id: count for device_id, count in rows}


def withdrawn_pending(session: Session) -> list[WithdrawnCase]:
    """Laptop: cases the office took back that are not yet evicted."""
    return list(session.scalars(select(WithdrawnCase).where(WithdrawnCase.evicted_at.is_(None))))


def is_moderator(device: SyncDevice | None) -> bool:
    """Whether ``device`` is an external Familienrat moderator's (receives the Familienrat only)."""
    # On a moderator's laptop the office's row carries the laptop's own scope: not a moderator.
    return (
        device is not None
        and device.role == DeviceRole.LAPTOP
        and device.scope == DeviceScope.FAMILIENRAT
    )


def device_fingerprint(device: SyncDevice) -> str:
    """The fingerprint to compare in person."""
    return fingerprint(device.signing_public)
