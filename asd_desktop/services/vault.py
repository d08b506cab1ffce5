"""Opening, creating and re-keying the encrypted case file in a data folder."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from asd_desktop.models.errors import AsdError, ValidationError
from asd_desktop.services import audit
from asd_desktop.services.audit import AuditAction
from asd_desktop.services.calendar_export import CalendarExportService
from asd_desktop.services.cases import CaseService
from asd_desktop.services.consultation import ConsultationService
from asd_desktop.services.deadlines import DeadlineService
from asd_desktop.services.documents import DocumentService
from asd_desktop.services.familienrat import FamilienratService
from asd_desktop.services.goals import GoalService
from asd_desktop.services.hilfen import HilfeService
from asd_desktop.services.instruments import InstrumentService
from asd_desktop.services.network import NetworkService
from asd_desktop.services.settings import load_settings
from asd_desktop.services.sozialraum import SozialraumService
from asd_desktop.services.steps import StepService
from asd_desktop.services.sync import SyncService
from asd_desktop.storage import anchor
from asd_desktop.storage.database import Database
from asd_desktop.storage.engine import damaged_database_error
from asd_desktop.storage.lock import DataDirLock
from asd_desktop.storage.paths import db_path, vault_path
from asd_desktop.storage.vault import MIN_PASSPHRASE_LENGTH, Vault, passphrase_problem

__all__ = [
    "MIN_PASSPHRASE_LENGTH",
    "DataDirLock",
    "OpenVault",
    "UnlockThrottle",
    "change_passphrase",
    "create_vault",
    "open_with_key",
    "passphrase_problem",
    "recover_data_key",
    "set_recovery_recipient",
    "unlock_vault",
    "unlock_with_recovery",
    "vault_exists",
]


@dataclass
class OpenVault:
    """An unlocked case file: the database and the services built on it."""

    data_dir: Path
    database: Database
    cases: CaseService
    goals: GoalService
    documents: DocumentService
    familienrat: FamilienratService
    sozialraum: SozialraumService
    consultations: ConsultationService
    instruments: InstrumentService
    sync: SyncService
    steps: StepService
    deadlines: DeadlineService
    calendar: CalendarExportService
    network: NetworkService
    hilfen: HilfeService

    def close(self) -> None:
        """Drop every connection and with them the key."""
        self.database.close()


def vault_exists(data_dir: Path) -> bool:
    """True once a vault has been created in ``data_dir``."""
    return vault_path(data_dir).exists()


def create_vault(
    data_dir: Path, passphrase: str, repeated: str, recovery_recipient: str | None = None
) -> OpenVault:
    """First start: a new vault, a new encrypted database, opened."""
    problem = passphrase_problem(passphrase, repeated)
    if problem:
        raise ValidationError({"passphrase": problem})
    if vault_exists(data_dir):
        raise AsdError(
            "In diesem Datenordner gibt es bereits einen Tresor. "
            "Bitte entsperren statt neu anlegen."
        )
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    if db_path(data_dir).exists():
        raise AsdError(
            "Im Datenordner liegt eine Datenbank ohne Tresor. Bitte den Tresor (vault.json) "
            "aus der Sicherung zurückspielen; die Datenbank wurde nicht verändert."
        )
    vault, key = Vault.create(passphrase, recovery_recipient)
    vault.save(vault_path(data_dir))
    return open_with_key(data_dir, key)


def open_with_key(data_dir: Path, key: bytes) -> OpenVault:
    """Open the database with its data key (no KDF); migrations run here."""
    database = Database.open(db_path(data_dir), key)
    try:
        anchor.install(database.session_factory, database.engine, db_path(data_dir))
        with database.session_factory.begin() as s:
            audit.append(s, database.device_id, AuditAction.UNLOCKED)
    except DBAPIError as exc:
        database.close()
        raise damaged_database_error() from exc
    except BaseException:
        database.close()
        raise
    sf, device = database.session_factory, database.device_id
    opened = OpenVault(
        data_dir,
        database,
        cases=CaseService(sf, device),
        goals=GoalService(sf, device),
        documents=DocumentService(sf, device, office=lambda: load_settings(data_dir).office),
        familienrat=FamilienratService(sf, device),
        sozialraum=SozialraumService(sf, device, office=lambda: load_settings(data_dir).office),
        consultations=ConsultationService(sf, device),
        instruments=InstrumentService(sf, device),
        sync=SyncService(sf, on_device_changed=_device_setter(database)),
        steps=StepService(sf, device),
        deadlines=DeadlineService(sf, device),
        calendar=CalendarExportService(sf, device),
        hilfen=HilfeService(sf, device, office=lambda: load_settings(data_dir).office),
        network=NetworkService(sf, device),
    )
    state = load_settings(data_dir).federal_state
    opened.goals.federal_state = opened.familienrat.federal_state = state
    return opened


def _device_setter(database: Database) -> Callable[[str], None]:
    def set_device(device_id: str) -> None:
        database.device_id = device_id

    return set_device


def open_for_check(data_dir: Path, passphrase: str) -> anchor.ReadOnlyDatabase:
    """Unlock to verify only: the files are read as they are, nothing is written or migrated."""
    key = Vault.load(vault_path(data_dir)).unlock(passphrase)
    return anchor.read_only(db_path(data_dir), key)


def unlock_vault(data_dir: Path, passphrase: str) -> OpenVault:
    """Unlock with the passphrase; a wrong one raises and changes nothing."""
    key = Vault.load(vault_path(data_dir)).unlock(passphrase)
    return open_with_key(data_dir, key)


def change_passphrase(data_dir: Path, old: str, new: str, repeated: str) -> None:
    """Re-wrap the data key under a new passphrase; the database is not re-encrypted."""
    problem = passphrase_problem(new, repeated)
    if problem:
        raise ValidationError({"passphrase": problem})
    path = vault_path(data_dir)
    vault = Vault.load(path)
    key = vault.unlock(old)
    vault.rewrap(key, new).save(path)


def set_recovery_recipient(data_dir: Path, passphrase: str, recipient: str) -> None:
    """Also wrap the data key to the office's recovery key (age X25519 public key)."""
    path = vault_path(data_dir)
    vault = Vault.load(path)
    key = vault.unlock(passphrase)
    vault.with_recovery(key, recipient).save(path)


def recover_data_key(data_dir: Path, identity: str) -> bytes:
    """The raw data key, unwrapped with the office's age identity."""
    return Vault.load(vault_path(data_dir)).recover(identity)


def unlock_with_recovery(data_dir: Path, identity: str, new: str, repeated: str) -> None:
    """Forgotten passphrase: unwrap with the office identity and set a new passphrase."""
    problem = passphrase_problem(new, repeated)
    if problem:
        raise ValidationError({"passphrase": problem})
    path = vault_path(data_dir)
    vault = Vault.load(path)
    key = vault.recover(identity)
    vault.rewrap(key, new).save(path)


class UnlockThrottle:
    """Repeated wrong passphrases slow down: 0, 1, 2, 4 … seconds, at most 30."""

    MAX_DELAY_S = 30.0

    def __init__(self) -> None:
        self.failures = 0
        self._not_before = 0.0

    def delay_after(self, failures: int) -> float:
        """Seconds to wait after ``failures`` consecutive failures."""
        if failures <= 1:
            return 0.0
        return float(min(2 ** (failures - 2), self.MAX_DELAY_S))

    def failed(self) -> float:
        """Record a failure; returns the seconds before the next try is accepted."""
        self.failures += 1
        wait = self.delay_after(self.failures)
        self._not_before = time.monotonic() + wait
        return wait

    def succeeded(self) -> None:
        """Reset after a successful unlock."""
        self.failures = 0
        self._not_before = 0.0

    def remaining(self) -> float:
        """Seconds still to wait before the next attempt (0 if none)."""
        return max(0.0, self._not_before - time.monotonic())
