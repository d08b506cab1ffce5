"""Export and import of bundles: every check first, then one transaction."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from sqlalchemy import Table, and_, delete, func, or_, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from asd_desktop import __version__
from asd_desktop.domain.sync_states import AssignmentState, BlockedReason, DeviceRole
from asd_desktop.domain.vectors import covered, join, meet, vector_of
from asd_desktop.models.case import Case
from asd_desktop.models.errors import AsdError
from asd_desktop.models.goals import WizardDraft
from asd_desktop.models.ids import Hlc, uuid7
from asd_desktop.models.progress import CancelledError, OperationToken
from asd_desktop.models.sync import (
    CaseAssignment,
    CaseInstruction,
    ImportedBundle,
    JoinedVersion,
    ResendRequest,
    ReviewItem,
    Sibling,
    SyncDevice,
    SyncIdentity,
    WithdrawnCase,
)
from asd_desktop.services import audit
from asd_desktop.services.audit import AuditAction
from asd_desktop.services.entrusted import held_for_sharing
from asd_desktop.services.sync import devices, purge_orders, rows
from asd_desktop.services.sync.merge import Merger
from asd_desktop.services.sync.moderator import ModeratorView, may_change, redact
from asd_desktop.services.sync.tables import (
    case_column,
    record_label,
    replicated_tables,
    table_named,
)
from asd_desktop.services.sync.views import ConflictRef, ExportResult, ImportReport
from asd_desktop.storage import case_summaries, dialect, search
from asd_desktop.storage.bundle_file import (
    BundleDamagedError,
    BundleError,
    NotAddressedHereError,
    OpenedBundle,
    UntrustedSenderError,
    fingerprint,
    open_bundle,
    read_manifest_unverified,
    write_bundle,
)
from asd_desktop.storage.replication import MERGING, clock_ms
from asd_desktop.storage.server import lock_hub

#: The schema this release writes and reads (the newest migration).
SCHEMA_VERSION = 8
#: The oldest reader that understands what this release writes.
MIN_READER_VERSION = 8
#: What a reader must support to merge our bundles; a bundle needing more is refused.
CAPABILITIES = ("rows-v1", "siblings-v1", "entitlement-v1")
BUNDLE_FORMAT = "asd-bundle"
BUNDLE_SUFFIX = ".asdbundle"

_BATCH = 400


class ImportCancelledError(CancelledError):
    """The person cancelled the import; nothing was changed."""

    def __init__(self) -> None:
        super().__init__("Der Import wurde abgebrochen. Es wurde nichts verändert.")


class RestoredDeviceError(BundleError):
    """A device's counters went backwards: it runs on a restored backup."""


# --- export -------------------------------------------------------------------------------


def export_bundle(
    factory: sessionmaker[Session],
    to_ref: str,
    out_dir: Path,
    token: OperationToken | None = None,
) -> ExportResult:
    """Write every version the peer has not acknowledged into a bundle in ``out_dir``.

    A cancel (through ``token``) leaves no file behind and changes nothing.
    """
    with factory() as s:
        # Several office workstations may export to the same device at once (the hub on
        # PostgreSQL): the export holds the hub lock and reserves its sequence number in
        # this transaction, so no two bundles to a device share a number.
        on_server = s.get_bind().dialect.name == "postgresql"
        if on_server:
            lock_hub(s)
        ident = devices.require_identity(s)
        peer = devices.find_device(s, to_ref)
        _check_peer_can_receive(ident, peer)
        me = devices.local_device(s)
        knowledge = _knowledge(ident, me.device_id, me.counter)
        ack = dict(peer.acked)
        scope: dict[str, Any]
        if ident.role == DeviceRole.OFFICE:
            full: dict[str, int] = dict(
                s.execute(
                    select(CaseAssignment.case_id, CaseAssignment.epoch).where(
                        CaseAssignment.device_id == peer.device_id,
                        CaseAssignment.state == AssignmentState.ACTIVE,
                        CaseAssignment.assigned_at_counter > ack.get(me.device_id, 0),
                    )
                )
                .tuples()
                .all()
            )
            withdraw: dict[str, int] = dict(
                s.execute(
                    select(CaseAssignment.case_id, CaseAssignment.epoch).where(
                        CaseAssignment.device_id == peer.device_id,
                        CaseAssignment.state == AssignmentState.WITHDRAWING,
                    )
                )
                .tuples()
                .all()
            )
            scope = {
                "cases": "assigned",
                "full_cases": sorted(full),
                "withdraw": sorted(withdraw),
                # Every instruction's epoch: a laptop applies only what is newer.
                "epochs": {**full, **withdraw},
            }
            stable = office_stable(s, knowledge)
        else:
            evicted: dict[str, int] = dict(
                s.execute(
                    select(WithdrawnCase.case_id, WithdrawnCase.epoch).where(
                        WithdrawnCase.evicted_at.isnot(None)
                    )
                )
                .tuples()
                .all()
            )
            resend = list(s.scalars(select(ResendRequest.case_id)))
            scope = {
                "cases": "all",
                "full_cases": [],
                "evicted": sorted(evicted),
                "evicted_epochs": evicted,
                "resend": sorted(resend),
            }
            stable = {}
        scope.update(purge_orders.export_scope(s, ident.role, peer.device_id))
        sequence = peer.next_sequence
        if on_server:
            peer.next_sequence = sequence + 1
        bundle_id = uuid7()
        keys = devices.keys_of(ident)
        counts: dict[str, int] = {}
        manifest: dict[str, Any] = {
            "format": BUNDLE_FORMAT,
            "format_version": 1,
            "bundle_id": bundle_id,
            "kind": "data",
            "created_at": devices.now().isoformat(timespec="seconds"),
            "app_version": __version__,
            "sender": {"device_id": me.device_id, "key_fingerprint": keys.fingerprint},
            "recipients": [peer.device_id],
            "sequence": sequence,
            "schema_version": SCHEMA_VERSION,
            "min_reader_version": MIN_READER_VERSION,
            "capabilities": [*CAPABILITIES, *purge_orders.capabilities(scope)],
            "knowledge": knowledge,
            "stable": stable,
            "base": ack,
            "scope": scope,
            "counts": counts,
        }
        # § 65 SGB VIII: what was entrusted to the caseworker stays on the laptop.
        hold_back = (
            held_for_sharing(s, replicated_tables()) if ident.role == DeviceRole.LAPTOP else {}
        )
        # An external Familienrat moderator's device: only the Familienrat part of its cases.
        moderator = _moderator_view(s, ident, peer)
        lines = _payload(
            s,
            ident.role,
            peer.device_id,
            ack,
            _origins(ident, me.device_id),
            set(scope["full_cases"]),
            counts,
            token or OperationToken(),
            hold_back,
            moderator=moderator,
        )
        out_dir.mkdir(parents=True, exist_ok=True)
        name = f"asd-{me.device_id[-8:]}-an-{peer.device_id[-8:]}-{sequence:05d}{BUNDLE_SUFFIX}"
        path = out_dir / name
        write_bundle(
            path,
            manifest,
            lines,
            keys,
            [peer.age_recipient, keys.age_recipient],
            compression_level=3,
        )
        recipient_name = peer.name
        peer_id = peer.device_id
        if on_server:
            s.commit()  # the bundle is written: its number stays taken
    with factory.begin() as s:
        sent_to = s.get(SyncDevice, peer_id)
        if sent_to is not None:
            sent_to.next_sequence = max(sent_to.next_sequence, sequence + 1)
            sent_to.last_export_at = devices.now()
        audit.append(
            s, devices.local_device(s).device_id, AuditAction.BUNDLE_EXPORTED, None, bundle_id
        )
    return ExportResult(
        path=path,
        bundle_id=bundle_id,
        recipient_name=recipient_name,
        counts={k: v for k, v in counts.items() if v},
        sequence=sequence,
        entrusted_held=len(hold_back.get("contacts", ())) + len(hold_back.get("documents", ())),
    )


def _check_peer_can_receive(ident: SyncIdentity, peer: SyncDevice) -> None:
    if peer.revoked_at is not None:
        raise AsdError(f"»{peer.name}« ist gesperrt; an gesperrte Geräte wird nichts exportiert.")
    if peer.blocked_reason == BlockedReason.RESTORED:
        raise AsdError(
            f"»{peer.name}« wurde aus einer Sicherung wiederhergestellt; bis es im Büro neu "
            "eingerichtet ist (Gerät ersetzen), wird nichts dorthin exportiert."
        )
    if ident.role == DeviceRole.LAPTOP and peer.role != DeviceRole.OFFICE:
        raise AsdError("Ein Laptop tauscht Pakete nur mit dem Büro aus.")
    if ident.role == DeviceRole.OFFICE and peer.role != DeviceRole.LAPTOP:
        raise AsdError("Das Büro exportiert Pakete an eingerichtete Laptops.")


def _knowledge(ident: SyncIdentity, me: str, counter: int) -> dict[str, int]:
    knowledge = {d: c for d, c in (ident.knowledge or {}).items() if d != me}
    if counter:
        knowledge[me] = counter
    return knowledge


def office_stable(s: Session, knowledge: Mapping[str, int]) -> dict[str, int]:
    """What every active device (and the office) has: tombstones below it may go."""
    acks = [
        dict(d.acked)
        for d in s.scalars(select(SyncDevice).where(SyncDevice.revoked_at.is_(None)))
        if d.role == DeviceRole.LAPTOP
    ]
    return meet([dict(knowledge), *acks])


def _uncovered_clause(table: Table) -> Any:  # noqa: ANN401 - a SQL fragment
    return dialect.vector_exceeds(table)


def _unacknowledged(table: Table, ack: Mapping[str, int], origins: Iterable[str]) -> Any:  # noqa: ANN401
    """Rows with a version the peer lacks: found by their (indexed) dot, plus joined ones.

    ``origins`` are all devices whose versions this database holds (its knowledge and
    itself), so every term is an index range and SQLite can answer the OR from indexes.
    """
    by_dot = [
        and_(table.c.origin_device == device, table.c.origin_counter > ack.get(device, 0))
        for device in sorted(set(origins))
    ]
    joined = table.c.id.in_(
        select(JoinedVersion.row_id).where(JoinedVersion.table_name == table.name)
    ) & _uncovered_clause(table)
    return or_(*by_dot, joined)


def _scope_statement(
    table: Table,
    role: str,
    peer_id: str,
    ack: Mapping[str, int],
    origins: Iterable[str],
    full_cases: set[str],
    moderator: ModeratorView | None = None,
) -> Any:  # noqa: ANN401
    key = case_column(table)
    uncovered = _unacknowledged(table, ack, origins)
    if role != DeviceRole.OFFICE or key is None:
        return uncovered if moderator is None else uncovered & moderator.condition(table)
    in_scope = table.c[key].in_(
        select(CaseAssignment.case_id).where(
            CaseAssignment.device_id == peer_id, CaseAssignment.state == AssignmentState.ACTIVE
        )
    )
    condition = in_scope & uncovered
    if full_cases:
        condition = condition | table.c[key].in_(sorted(full_cases))
    return condition if moderator is None else condition & moderator.condition(table)


def _moderator_view(s: Session, ident: SyncIdentity, peer: SyncDevice) -> ModeratorView | None:
    """Office: what limits a bundle to an external moderator's device (None: whole cases)."""
    if ident.role != DeviceRole.OFFICE or not devices.is_moderator(peer):
        return None
    return ModeratorView.read(s)


def _origins(ident: SyncIdentity, me: str) -> set[str]:
    return {*(ident.knowledge or {}), me}


def pending_count(s: Session, peer_id: str) -> int:
    """Records the peer has not acknowledged yet (what the next bundle would carry)."""
    ident = devices.require_identity(s)
    peer = s.get(SyncDevice, peer_id)
    if peer is None:
        return 0
    ack_json = json.dumps(dict(peer.acked))
    total = 0
    conn = s.connection()
    origins = _origins(ident, devices.local_device(s).device_id)
    moderator = _moderator_view(s, ident, peer)
    for table in replicated_tables():
        stmt = select(func.count()).select_from(table)
        stmt = stmt.where(
            _scope_statement(table, ident.role, peer_id, peer.acked, origins, set(), moderator)
        )
        total += int(conn.execute(stmt, {"ack": ack_json}).scalar_one())
    return total


def _payload(
    s: Session,
    role: str,
    peer_id: str,
    ack: Mapping[str, int],
    origins: set[str],
    full_cases: set[str],
    counts: dict[str, int],
    token: OperationToken,
    hold_back: Mapping[str, set[str]] | None = None,
    moderator: ModeratorView | None = None,
) -> Iterator[bytes]:
    """The lines of the payload, streamed from the database table by table."""
    ack_json = json.dumps(ack)
    conn = s.connection()
    held: set[str] | None = None
    if role == DeviceRole.OFFICE:
        held = set(devices.assignments(s, peer_id, (AssignmentState.ACTIVE,)))
    tables = replicated_tables()
    for number, table in enumerate(tables):
        token.progress(number, len(tables))
        key = case_column(table)
        stmt = select(table).where(
            _scope_statement(table, role, peer_id, ack, origins, full_cases, moderator)
        )
        result = conn.execution_options(yield_per=1000).execute(stmt, {"ack": ack_json})
        encode = rows.row_encoder(table)
        count = 0
        skip = (hold_back or {}).get(table.name, set())
        for row in result:
            if skip and row.id in skip:
                continue
            count += 1
            if not count % 2000:
                token.check()
            data = encode(row)
            if moderator is not None:
                data = redact(table.name, data)
            yield _line({"t": table.name, "r": data})
        if moderator is not None and not moderator.sends_siblings(table):
            counts[table.name] = count
            continue
        for data, case_id in conn.execute(
            select(Sibling.data, Sibling.case_id).where(Sibling.table_name == table.name)
        ):
            if held is not None and key is not None and case_id not in held:
                continue
            if skip and data.get("id") in skip:
                continue
            if case_id in full_cases or not covered(vector_of(data), ack):
                count += 1
                yield _line({"t": table.name, "s": 1, "r": data})
        counts[table.name] = count


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def _line(obj: Mapping[str, Any]) -> bytes:
    return _ENCODER.encode(obj).encode()


# --- inspect --------------------------------------------------------------------------------


def inspect_bundle(factory: sessionmaker[Session], path: Path) -> dict[str, Any]:
    """The manifest of a bundle this device can decrypt; writes nothing."""
    with factory() as s:
        ident = devices.require_identity(s)
        age_identity = ident.age_identity
    manifest, _raw, _sig, _payload_bytes = read_manifest_unverified(path, [age_identity])
    return manifest


# --- import ---------------------------------------------------------------------------------


def import_bundle(
    factory: sessionmaker[Session], path: Path, token: OperationToken | None = None
) -> ImportReport:
    """Check the whole bundle, then merge it in one transaction; any error changes nothing."""
    with factory() as s:
        ident = devices.require_identity(s)
        me = devices.local_device(s).device_id
        age_identity = ident.age_identity
        registry = {
            d.device_id: (d.signing_public, d.revoked_at is not None, d.name, d.blocked_reason)
            for d in s.scalars(select(SyncDevice))
        }
        role = ident.role

    def signing_key_for(manifest: dict[str, Any]) -> bytes:
        validate_manifest(manifest)
        if me not in manifest["recipients"]:
            raise NotAddressedHereError(
                "Dieses Paket ist an ein anderes Gerät adressiert und wird hier nicht "
                "eingelesen. Es wurde nichts verändert."
            )
        sender = manifest["sender"]["device_id"]
        entry = registry.get(sender)
        if entry is None:
            raise UntrustedSenderError(
                "Das Paket stammt von einem unbekannten Gerät (nicht vertrauenswürdiger "
                "Absender). Nur eingerichtete Geräte können Pakete senden. Es wurde nichts "
                "verändert."
            )
        public, revoked, name, _blocked = entry
        if revoked:
            raise UntrustedSenderError(
                f"Das Paket stammt von »{name}«; dieses Gerät ist gesperrt. Es wurde nichts "
                "verändert. Falls das Gerät weiterarbeiten soll, im Büro neu einrichten."
            )
        if manifest["sender"]["key_fingerprint"] != fingerprint(public):
            raise UntrustedSenderError(
                f"Das Paket gibt »{name}« als Absender an, ist aber mit einem anderen Schlüssel "
                "unterschrieben (nicht vertrauenswürdiger Absender). Es wurde nichts verändert."
            )
        return public

    # The signed hash covers every byte; the lines are parsed (and bounded) once, in the merge.
    opened = open_bundle(path, [age_identity], signing_key_for, check_lines=False)
    manifest = opened.manifest
    sender_id = manifest["sender"]["device_id"]
    sender_name = registry[sender_id][2]
    if registry[sender_id][3] == BlockedReason.RESTORED:
        raise _restored(sender_name)
    bundle_id = manifest["bundle_id"]

    def merge(repair: bool) -> ImportReport:
        with factory.begin() as s:
            # On a server hub: one merge at a time; a bundle another workstation merged
            # meanwhile is then seen below and not merged twice.
            lock_hub(s)
            if s.get(ImportedBundle, bundle_id) is not None:
                return ImportReport(bundle_id, sender_name, already_imported=True)
            _check_not_restored(s, manifest, me, sender_name)
            return _merge_bundle(s, opened, role, me, sender_name, token, repair=repair)

    try:
        try:
            return merge(repair=False)
        except IntegrityError:
            if role != DeviceRole.LAPTOP:
                raise
            # Records of a held case are missing here: keep what is whole, ask for the rest.
            return merge(repair=True)
    except CancelledError as exc:
        raise ImportCancelledError() from exc
    except IntegrityError as exc:
        raise BundleDamagedError(
            "Das Paket verweist auf Datensätze, die hier fehlen. Bitte beim Absender ein neues "
            "Paket exportieren lassen. Es wurde nichts verändert."
        ) from exc
    except RestoredDeviceError:
        if role == DeviceRole.OFFICE:
            with factory.begin() as s:
                sender = s.get(SyncDevice, sender_id)
                if sender is not None:
                    sender.blocked_reason = BlockedReason.RESTORED
        raise


def _restored(name: str) -> RestoredDeviceError:
    return RestoredDeviceError(
        f"Die Zähler von »{name}« sind rückwärts gelaufen: das Gerät wurde offenbar aus einer "
        "Sicherung wiederhergestellt. Damit nichts doppelt oder falsch ankommt, werden seine "
        "Pakete abgelehnt, bis es im Büro neu eingerichtet wurde (Gerät ersetzen). Es wurde "
        "nichts verändert."
    )


def _check_not_restored(s: Session, manifest: Mapping[str, Any], me: str, sender_name: str) -> None:
    sender = manifest["sender"]["device_id"]
    sequence = manifest["sequence"]
    counter = manifest["knowledge"].get(sender, 0)
    if manifest["knowledge"].get(me, 0) > devices.local_device(s).counter:
        # The peer has seen more of our edits than we have made: we are the restored one.
        raise RestoredDeviceError(
            "Das Büro kennt mehr Änderungen dieses Geräts, als es selbst hat: diese Datenbank "
            "wurde offenbar aus einer Sicherung wiederhergestellt. Bitte das Gerät im Büro neu "
            "einrichten lassen (Gerät ersetzen) und die neue Einrichtungsdatei übernehmen. Es "
            "wurde nichts verändert."
        )
    earlier = (
        s.execute(
            select(ImportedBundle.sequence, ImportedBundle.sender_counter).where(
                ImportedBundle.sender == sender
            )
        )
        .tuples()
        .all()
    )
    for seq, seen_counter in earlier:
        if (
            seq == sequence
            or (seq < sequence and seen_counter > counter)
            or (seq > sequence and seen_counter < counter)
        ):
            raise _restored(sender_name)


def _merge_bundle(
    s: Session,
    opened: OpenedBundle,
    role: str,
    me: str,
    sender_name: str,
    token: OperationToken | None,
    *,
    repair: bool = False,
) -> ImportReport:
    manifest = opened.manifest
    sender_id = manifest["sender"]["device_id"]
    s.info[MERGING] = True
    dialect.defer_foreign_keys(s)
    ident = devices.require_identity(s)
    device = devices.local_device(s)
    knowledge_before = _knowledge(ident, me, device.counter)
    scope = manifest["scope"]
    # Purge orders first: a purged case is refused in every line and instruction below.
    purged, newly_purged = purge_orders.apply_on_import(s, role, me, sender_id, scope)
    scope = purge_orders.without(scope, purged)
    withdrawn = 0
    refused: set[str] = set()
    if role == DeviceRole.LAPTOP:
        full_cases, withdrawn = _apply_instructions(s, scope)
        refused = set(
            s.scalars(select(CaseInstruction.case_id).where(CaseInstruction.held.is_(False)))
        )
    else:
        full_cases = set()
    merger = Merger(s, knowledge_before, full_cases=full_cases)
    entitled: set[str] | None = None
    # The cases this hub has, read once (a laptop's first bundle opens thousands).
    known_cases = set(s.scalars(select(Case.id))) if role == DeviceRole.OFFICE else set()
    #: Office, from an external moderator's device: records outside the Familienrat refused.
    from_moderator = False
    refused_records: dict[str, int] = {}
    if role == DeviceRole.OFFICE:
        entitled = set(
            devices.assignments(s, sender_id, (AssignmentState.ACTIVE, AssignmentState.WITHDRAWING))
        )
        from_moderator = devices.is_moderator(s.get(SyncDevice, sender_id))
    review = 0
    refused_cases: set[str] = set()
    total = int(manifest["payload"]["lines"])
    done = 0
    batch: list[dict[str, Any]] = []
    batch_table: Table | None = None

    def flush() -> None:
        if batch_table is not None and batch:
            merger.merge(batch_table, batch)

    for line in opened.lines():
        table = _line_table(line)
        version = line["r"]
        if purged:
            key = case_column(table)
            if key is not None and version.get(key) in purged:
                # A case deleted for good: nothing of it comes back, from any bundle.
                done += 1
                continue
        if refused:
            key = case_column(table)
            if key is not None and version.get(key) in refused:
                # A case the office took back (a newer instruction than this bundle's).
                done += 1
                continue
        if from_moderator and not may_change(table.name, version):
            label = record_label(table.name)
            refused_records[label] = refused_records.get(label, 0) + 1
            done += 1
            continue
        if entitled is not None:
            key = case_column(table)
            case_id = version.get(key) if key else None
            if isinstance(case_id, str) and case_id not in entitled:
                if table.name == "cases" and case_id not in known_cases:
                    # A case the laptop opened itself: it holds it from now on.
                    s.add(
                        CaseAssignment(
                            case_id=case_id,
                            device_id=sender_id,
                            state=AssignmentState.ACTIVE,
                            assigned_at_counter=0,
                            changed_at=devices.now(),
                        )
                    )
                    entitled.add(case_id)
                else:
                    refused_cases.add(case_id)
                    s.add(
                        ReviewItem(
                            device_id=sender_id,
                            table_name=table.name,
                            row_id=str(version.get("id", "")),
                            case_id=case_id,
                            data=version,
                            received_at=devices.now(),
                        )
                    )
                    review += 1
                    done += 1
                    continue
        if table is not batch_table or len(batch) >= _BATCH:
            flush()
            batch = []
            batch_table = table
            if token is not None:
                token.progress(done, total)
        batch.append(version)
        done += 1
    flush()
    if token is not None:
        token.progress(total, total)

    # Knowledge, acknowledgements and the bundle record.
    sender_knowledge = {d: int(c) for d, c in manifest["knowledge"].items()}
    ident.knowledge = {
        d: c for d, c in join([ident.knowledge or {}, sender_knowledge]).items() if d != me
    }
    sender = s.get(SyncDevice, sender_id)
    assert sender is not None
    # An old bundle read late must not move the acknowledgement backwards.
    acked = join([dict(sender.acked or {}), sender_knowledge])
    sender.acked = acked
    sender.last_import_at = devices.now()
    if merger.result.max_hlc:
        clock = Hlc.decode(device.hlc) if device.hlc else Hlc(0, 0)
        device.hlc = clock.receive(Hlc.decode(merger.result.max_hlc), clock_ms()).encode()

    affected = set(merger.result.case_ids)
    evicted = resend = 0
    if role == DeviceRole.LAPTOP:
        stable = {d: int(c) for d, c in manifest["stable"].items()}
        ident.stable = join([dict(ident.stable or {}), stable])
        s.flush()
        if repair:
            resend = _drop_incomplete(s, affected)
        evicted = _evict_acknowledged(s, acked, affected)
    else:
        epochs = scope.get("evicted_epochs", {})
        for case_id in scope.get("evicted", []):
            condition = and_(
                CaseAssignment.case_id == case_id,
                CaseAssignment.device_id == sender_id,
                CaseAssignment.state == AssignmentState.WITHDRAWING,
            )
            if case_id in epochs:
                # Only the withdrawal the laptop carried out, never a later instruction.
                condition = and_(condition, CaseAssignment.epoch == epochs[case_id])
            s.execute(delete(CaseAssignment).where(condition))
        for case_id in scope.get("resend", []):
            devices.send_again(s, case_id, sender_id)
        ident.stable = office_stable(s, _knowledge(ident, me, device.counter))
    purge_tombstones(s, ident.stable, affected)

    summary = {
        "changed": dict(merger.result.changed),
        "conflicts": len(merger.result.new_conflicts),
        "review": review,
    }
    s.add(
        ImportedBundle(
            bundle_id=manifest["bundle_id"],
            sender=sender_id,
            sequence=manifest["sequence"],
            sender_counter=int(sender_knowledge.get(sender_id, 0)),
            imported_at=devices.now(),
            summary=summary,
        )
    )
    s.flush()
    case_summaries.refresh(s, affected)
    # Evicted or purged cases are included: their index entries go with them.
    search.reindex(s, affected)
    audit.append(s, me, AuditAction.BUNDLE_IMPORTED, None, manifest["bundle_id"])
    # Foreign keys are deferred: a bundle that points to missing records fails at commit.
    s.info[MERGING] = False
    return ImportReport(
        bundle_id=manifest["bundle_id"],
        sender_name=sender_name,
        already_imported=False,
        changed=dict(merger.result.changed),
        new_conflicts=[
            ConflictRef(t, r, c, record_label(t), _file_number(s, c))
            for t, r, c in merger.result.new_conflicts
        ],
        review_items=review,
        evicted_cases=evicted,
        withdrawn_cases=withdrawn,
        refused_cases=_case_labels(s, refused_cases),
        refused_records=refused_records,
        resend_cases=resend,
        purged_cases=newly_purged,
    )


def _newer_instruction(s: Session, case_id: str, epoch: int) -> CaseInstruction | None:
    """The laptop's instruction record if ``epoch`` is newer than the last one applied."""
    record = s.get(CaseInstruction, case_id)
    if record is None:
        record = CaseInstruction(case_id=case_id, epoch=epoch, held=True)
        s.add(record)
        return record
    return record if epoch > record.epoch else None


def _apply_instructions(s: Session, scope: Mapping[str, Any]) -> tuple[set[str], int]:
    """Laptop: apply the office's assign and withdraw instructions that are newer than known.

    Returns the cases whose whole content this bundle brings (newer assignments only) and
    the number of cases newly withdrawn. Instructions older than the last applied one for
    their case come from a bundle read out of order and are ignored.
    """
    epochs = scope.get("epochs", {})
    full: set[str] = set()
    withdrawn = 0
    for case_id in scope.get("full_cases", []):
        epoch = int(epochs.get(case_id, 0))
        record = _newer_instruction(s, case_id, epoch)
        if record is None:
            continue
        record.epoch, record.held = epoch, True
        full.add(case_id)
        s.execute(delete(WithdrawnCase).where(WithdrawnCase.case_id == case_id))
        request = s.get(ResendRequest, case_id)
        if request is not None and epoch > request.epoch:
            s.delete(request)
    for case_id in scope.get("withdraw", []):
        epoch = int(epochs.get(case_id, 0))
        record = _newer_instruction(s, case_id, epoch)
        if record is None:
            continue
        record.epoch, record.held = epoch, False
        s.execute(delete(ResendRequest).where(ResendRequest.case_id == case_id))
        pending = s.get(WithdrawnCase, case_id)
        if pending is None:
            s.add(WithdrawnCase(case_id=case_id, withdrawn_at=devices.now(), epoch=epoch))
        else:
            pending.epoch, pending.evicted_at = epoch, None
            pending.withdrawn_at = devices.now()
        withdrawn += 1
    s.flush()
    return full, withdrawn


def _drop_incomplete(s: Session, affected: set[str]) -> int:
    """Laptop: remove arrived records whose parents are missing and ask for their cases again.

    Runs only when a bundle failed its foreign-key check; what stays is whole, and the
    office sends the whole of each named case with the next bundle.
    """
    conn = s.connection()
    requested: set[str] = set()
    for _round in range(len(replicated_tables())):
        violations = conn.exec_driver_sql("PRAGMA foreign_key_check").tuples().all()
        if not violations:
            break
        for table_name, rowid, _parent, _fk in violations:
            table = table_named(str(table_name))
            if table is None:
                continue
            key = case_column(table)
            row = conn.execute(
                select(table.c.id, *([table.c[key]] if key else [])).where(
                    text(f"{table.name}.rowid = :rowid")
                ),
                {"rowid": rowid},
            ).first()
            if row is None:
                continue
            case_id = row[1] if key else None
            conn.execute(delete(table).where(table.c.id == row[0]))
            conn.execute(
                delete(Sibling).where(Sibling.table_name == table.name, Sibling.row_id == row[0])
            )
            if isinstance(case_id, str):
                requested.add(case_id)
                affected.add(case_id)
    for case_id in sorted(requested):
        instruction = s.get(CaseInstruction, case_id)
        epoch = instruction.epoch if instruction is not None else 0
        if s.get(ResendRequest, case_id) is None:
            s.add(ResendRequest(case_id=case_id, epoch=epoch, requested_at=devices.now()))
    return len(requested)


def _file_number(s: Session, case_id: str | None) -> str:
    """The Aktenzeichen of a case ("" for no case or a case without one)."""
    case = s.get(Case, case_id) if case_id else None
    return case.file_number if case is not None and case.file_number else ""


def _case_labels(s: Session, case_ids: set[str]) -> list[str]:
    labels = []
    for case_id in sorted(case_ids):
        case = s.get(Case, case_id)
        labels.append(case.file_number if case is not None and case.file_number else case_id)
    return labels


def _line_table(line: Mapping[str, Any]) -> Table:
    name = line.get("t")
    table = table_named(name) if isinstance(name, str) else None
    if table is None or not isinstance(line.get("r"), dict):
        raise BundleDamagedError(
            "Das Paket enthält Daten, die diese Version von asd-desktop nicht kennt. Bitte "
            "asd-desktop auf die Version des Absenders aktualisieren. Es wurde nichts verändert."
        )
    return table


def _evict_acknowledged(s: Session, office_knowledge: Mapping[str, int], affected: set[str]) -> int:
    """Remove withdrawn cases whose every version the office has; no tombstones."""
    evicted = 0
    for withdrawn in devices.withdrawn_pending(s):
        case_id = withdrawn.case_id
        if not _case_acknowledged(s, case_id, office_knowledge):
            continue
        remove_case_rows(s, case_id)
        withdrawn.evicted_at = devices.now()
        audit.append(s, devices.local_device(s).device_id, AuditAction.CASE_EVICTED, case_id)
        affected.add(case_id)
        evicted += 1
    return evicted


def _case_acknowledged(s: Session, case_id: str, knowledge: Mapping[str, int]) -> bool:
    conn = s.connection()
    for table in replicated_tables():
        key = case_column(table)
        if key is None:
            continue
        for vector in conn.execute(
            select(table.c.version_vector).where(table.c[key] == case_id)
        ).scalars():
            if not covered(vector or {}, knowledge):
                return False
    return all(
        covered(vector_of(data), knowledge)
        for data in conn.execute(select(Sibling.data).where(Sibling.case_id == case_id)).scalars()
    )


def remove_case_rows(s: Session, case_id: str) -> None:
    """Physically remove a case and everything of it (eviction only; never a user action)."""
    conn = s.connection()
    for table in reversed(replicated_tables()):
        key = case_column(table)
        if key is not None:
            conn.execute(delete(table).where(table.c[key] == case_id))
    conn.execute(delete(Sibling).where(Sibling.case_id == case_id))
    conn.execute(delete(WizardDraft).where(WizardDraft.case_id == case_id))


def purge_tombstones(s: Session, stable: Mapping[str, int], affected: set[str]) -> int:
    """Remove tombstones every device has acknowledged, unless a conflict or a child needs them."""
    if not stable:
        return 0
    conn = s.connection()
    purged = 0
    for table in reversed(replicated_tables()):
        key = case_column(table)
        candidates = (
            conn.execute(
                select(table.c.id, table.c.version_vector, *([table.c[key]] if key else [])).where(
                    table.c.deleted == True  # noqa: E712 - "= 1" matches the partial index
                )
            )
            .tuples()
            .all()
        )
        for row in candidates:
            row_id, vector = row[0], row[1]
            if not covered(vector or {}, stable):
                continue
            if conn.execute(
                select(Sibling.id).where(Sibling.table_name == table.name, Sibling.row_id == row_id)
            ).first():
                continue
            if _referenced(s, table, row_id):
                continue
            conn.execute(delete(table).where(table.c.id == row_id))
            if key is not None and isinstance(row[2], str):
                affected.add(row[2])
            purged += 1
    return purged


def _referenced(s: Session, table: Table, row_id: str) -> bool:
    conn = s.connection()
    for child in replicated_tables():
        for fk in child.foreign_keys:
            if (
                fk.column.table is table
                and fk.parent.table is child
                and conn.execute(select(fk.parent).where(fk.parent == row_id).limit(1)).first()
            ):
                return True
    return False


# --- manifest -------------------------------------------------------------------------------


def validate_manifest(m: Mapping[str, Any]) -> None:
    """Refuse a manifest this release cannot read, before anything else is trusted."""
    if m.get("format") != BUNDLE_FORMAT or m.get("format_version") != 1:
        raise BundleDamagedError(
            "Diese Datei ist kein Austauschpaket von asd-desktop. Es wurde nichts verändert."
        )
    minimum = m.get("min_reader_version")
    if type(minimum) is not int:
        raise _bad_manifest("min_reader_version")
    if minimum > SCHEMA_VERSION:
        raise BundleError(
            f"Dieses Paket braucht eine neuere Version von asd-desktop (Datenstand {minimum}, "
            f"diese Version kann {SCHEMA_VERSION}). Bitte asd-desktop aktualisieren und das "
            "Paket dann erneut einlesen. Es wurde nichts verändert."
        )
    capabilities = m.get("capabilities")
    if not isinstance(capabilities, list) or not all(isinstance(c, str) for c in capabilities):
        raise _bad_manifest("capabilities")
    missing = sorted(set(capabilities) - {*CAPABILITIES, purge_orders.CAPABILITY})
    if missing:
        raise BundleError(
            "Dieses Paket braucht Funktionen einer neueren Version von asd-desktop "
            f"({', '.join(missing)}). Bitte asd-desktop aktualisieren. Es wurde nichts verändert."
        )
    sender = m.get("sender")
    if not (
        isinstance(sender, dict)
        and isinstance(sender.get("device_id"), str)
        and isinstance(sender.get("key_fingerprint"), str)
    ):
        raise _bad_manifest("sender")
    for key in ("bundle_id", "kind", "created_at"):
        if not isinstance(m.get(key), str):
            raise _bad_manifest(key)
    if type(m.get("sequence")) is not int or m["sequence"] < 1:
        raise _bad_manifest("sequence")
    recipients = m.get("recipients")
    if not isinstance(recipients, list) or not all(isinstance(r, str) for r in recipients):
        raise _bad_manifest("recipients")
    for key in ("knowledge", "stable", "base"):
        vector = m.get(key)
        if not isinstance(vector, dict) or not all(
            isinstance(d, str) and type(c) is int and c >= 0 for d, c in vector.items()
        ):
            raise _bad_manifest(key)
    scope = m.get("scope")
    if not isinstance(scope, dict):
        raise _bad_manifest("scope")
    for key in ("full_cases", "withdraw", "evicted", "resend", *purge_orders.LIST_KEYS):
        ids = scope.get(key, [])
        if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
            raise _bad_manifest(f"scope.{key}")
    for key in ("epochs", "evicted_epochs", *purge_orders.EPOCH_KEYS):
        epochs = scope.get(key, {})
        if not isinstance(epochs, dict) or not all(
            isinstance(c, str) and type(e) is int and e >= 0 for c, e in epochs.items()
        ):
            raise _bad_manifest(f"scope.{key}")
    payload = m.get("payload")
    if not isinstance(payload, dict) or type(payload.get("lines")) is not int:
        raise _bad_manifest("payload")


def _bad_manifest(field: str) -> BundleDamagedError:
    return BundleDamagedError(
        f"Die Kopfdaten des Pakets sind unvollständig (»{field}«). Bitte die Datei erneut "
        "vom Absender exportieren lassen. Es wurde nichts verändert."
    )
