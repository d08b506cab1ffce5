"""The audit chain's anchor: its length and head outside the database, keyed by the data key.

The audit log lives inside the encrypted database, so a copy of an older database file
(or one whose last entries were deleted with the key at hand) would carry a shorter
chain that is whole in itself. The anchor file beside the database keeps the chain's
length and the hash of its newest entry, with a MAC from a key derived from the data
key; ``check`` compares the two. It is written (atomically, owner-only) after every
committed transaction that appended to the chain.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import hmac
import json
import os
import stat
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, event
from sqlalchemy.orm import Session, sessionmaker

from asd_desktop.models.audit import AuditEntry
from asd_desktop.models.errors import AsdError
from asd_desktop.storage.engine import KeyHolder, connect_read_only, engine_for, key_holder_of
from asd_desktop.storage.paths import special_file_problem
from asd_desktop.storage.server import server_for

ANCHOR_FILE = "audit-anchor.json"
ANCHOR_FORMAT = "asd-desktop-audit-anchor"
_MAX_BYTES = 4096
#: ``Session.info`` keys: the audit key's source (set by the Database), and what a
#: transaction appended (read after its commit to move the anchor).
AUDIT_KEY = "asd_audit_key"
ANCHOR_PATH = "asd_audit_anchor"
APPENDED = "asd_audit_appended"
#: The HKDF purpose of the audit key.
AUDIT_KEY_PURPOSE = b"asd-desktop audit chain mac v1"

_lock = threading.Lock()


class AnchorDamagedError(Exception):
    """The anchor file is there but unreadable, altered or made with another key."""


@dataclass(frozen=True)
class Anchor:
    """The chain as last committed: entries, newest hash, first entry with a keyed hash.

    ``renewed_at``: the anchor was missing although the chain was already keyed, and was
    made anew with this entry; what came before it can no longer be vouched for.
    """

    length: int
    head: str
    keyed_from: int
    renewed_at: int = 0


def entry_hash(
    seq: int,
    at: dt.datetime,
    device_id: str,
    action: str,
    case_id: str | None,
    detail: str,
    prev_hash: str,
    key: bytes | None = None,
) -> str:
    """HMAC-SHA256 (SHA-256 without ``key``) over one audit entry and its predecessor's hash."""
    payload = json.dumps(
        [seq, at.isoformat(), device_id, action, case_id, detail, prev_hash],
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode("utf-8")
    if key is None:
        return hashlib.sha256(payload).hexdigest()
    return hmac.new(key, payload, hashlib.sha256).hexdigest()


def anchor_path(db_path: Path) -> Path:
    """The anchor file beside the database file."""
    return db_path.with_name(ANCHOR_FILE)


def _mac(key: bytes, length: int, head: str, keyed_from: int, renewed_at: int) -> str:
    payload = json.dumps(
        [ANCHOR_FORMAT, length, head, keyed_from, renewed_at], separators=(",", ":")
    )
    return hmac.new(key, payload.encode("ascii"), hashlib.sha256).hexdigest()


def read_anchor(path: Path, key: bytes) -> Anchor | None:
    """The anchor, None if there is none; :class:`AnchorDamagedError` if it does not hold."""
    problem = special_file_problem(path)
    if problem:
        raise AnchorDamagedError(problem)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise AnchorDamagedError("lässt sich nicht lesen") from exc
    with os.fdopen(fd, "rb") as f:
        if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
            raise AnchorDamagedError("ist keine gewöhnliche Datei")
        raw = f.read(_MAX_BYTES + 1)
    try:
        doc = json.loads(raw)
        if doc["format"] != ANCHOR_FORMAT or len(raw) > _MAX_BYTES:
            raise ValueError(doc["format"])
        length, head, keyed_from, renewed_at, mac = (
            doc["length"],
            doc["head"],
            doc["keyed_from"],
            doc.get("renewed_at", 0),
            doc["mac"],
        )
        if not (
            type(length) is int
            and type(keyed_from) is int
            and type(renewed_at) is int
            and isinstance(head, str)
        ):
            raise TypeError(length)
    except (ValueError, KeyError, TypeError) as exc:
        raise AnchorDamagedError("ist unvollständig oder verändert") from exc
    if not isinstance(mac, str) or not hmac.compare_digest(
        mac, _mac(key, length, head, keyed_from, renewed_at)
    ):
        raise AnchorDamagedError("wurde verändert oder gehört zu einem anderen Tresor")
    return Anchor(length=length, head=head, keyed_from=keyed_from, renewed_at=renewed_at)


def write_anchor(
    path: Path,
    key: bytes,
    length: int,
    head: str,
    first_keyed: int,
    renewed: Callable[[], bool] = lambda: False,
) -> None:
    """Record the chain's new length and head; never moves the anchor backwards.

    ``first_keyed`` is used only when there is no anchor yet (the first keyed entry);
    ``renewed`` then says whether the chain was keyed before it (the anchor went missing).
    """
    with _lock:
        try:
            current = read_anchor(path, key)
        except AnchorDamagedError:
            return  # left as found: ``check`` reports it, the program does not cover it up
        if current is not None and current.length >= length:
            return
        if current is not None:
            keyed_from, renewed_at = current.keyed_from, current.renewed_at
        else:
            keyed_from, renewed_at = first_keyed, (first_keyed if renewed() else 0)
        doc = {
            "format": ANCHOR_FORMAT,
            "length": length,
            "head": head,
            "keyed_from": keyed_from,
            "renewed_at": renewed_at,
            "mac": _mac(key, length, head, keyed_from, renewed_at),
        }
        _replace(path, json.dumps(doc, indent=1).encode("ascii"))


def _replace(path: Path, data: bytes) -> None:
    """Temp file, fsync, rename: the old or the new anchor, never half.

    The folder is not synced: after a power loss the anchor may be one step behind, which
    ``check`` accepts.
    """
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}-{threading.get_ident()}")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()
        # The audit entry is committed; a full disk must not turn it into an error. The
        # anchor stays one step behind, which ``check`` accepts.


def install(factory: sessionmaker[Session], engine: Engine, db_path: Path) -> None:
    """Key the audit chain of ``engine``'s database and move its anchor after every commit.

    Sessions of ``factory`` carry the audit key's source and the anchor's place (the audit
    service reads both); a commit that appended entries writes the new length and head.
    An engine not made by :func:`~asd_desktop.storage.engine.create_encrypted_engine`
    (or :func:`read_only`) is left as it is.
    """
    holder = key_holder_of(engine)
    if holder is None:
        return
    path = anchor_path(db_path)
    factory.configure(info=session_info(holder, db_path))

    @event.listens_for(factory, "after_commit")
    def _anchor(session: Session) -> None:
        first = session.info.pop(APPENDED, None)
        if first is None:
            return
        try:
            with engine.connect() as conn:
                last = conn.exec_driver_sql(
                    "SELECT seq, entry_hash FROM audit_log ORDER BY seq DESC LIMIT 1"
                ).first()
            if last is not None:
                key = holder.derive(AUDIT_KEY_PURPOSE)
                write_anchor(
                    path,
                    key,
                    int(last[0]),
                    str(last[1]),
                    int(first),
                    lambda: _keyed_before(engine, int(first), key),
                )
        except Exception:  # the change is committed; check accepts a stale anchor
            pass

    @event.listens_for(factory, "after_soft_rollback")
    def _rolled_back(session: Session, _previous: object) -> None:
        session.info.pop(APPENDED, None)


def _keyed_before(engine: Engine, first: int, key: bytes) -> bool:
    """Whether the entry before ``first`` carries a keyed hash (the chain was anchored once)."""
    with Session(engine) as s:
        entry = s.get(AuditEntry, first - 1)
        if entry is None:
            return False
        fields = (entry.seq, entry.at, entry.device_id, entry.action, entry.case_id)
        expected = entry_hash(*fields, entry.detail, entry.prev_hash, key)
        return hmac.compare_digest(expected, entry.entry_hash)


def session_info(holder: KeyHolder, db_path: Path) -> dict[str, object]:
    """What every session carries for the audit chain: its key's source, the anchor's place."""
    return {AUDIT_KEY: lambda: holder.derive(AUDIT_KEY_PURPOSE), ANCHOR_PATH: anchor_path(db_path)}


@dataclass
class ReadOnlyDatabase:
    """A database opened to read only (``asd-desktop check``): engine and sessions."""

    engine: Engine
    session_factory: sessionmaker[Session]
    _holder: KeyHolder

    def close(self) -> None:
        """Close every connection and forget the key."""
        self.engine.dispose()
        self._holder.forget()


def read_only(db_path: Path, key: bytes) -> ReadOnlyDatabase:
    """Open the file to read only: no migration, no device row, no audit entry, no write."""
    if server_for(db_path.parent) is not None:
        raise AsdError(
            "»asd-desktop check« prüft die verschlüsselte Datei eines Laptops oder Büros. Eine "
            "Büro-Datenbank auf einem PostgreSQL-Server prüft der Verwalter mit den Werkzeugen "
            "des Servers (pg_amcheck, Sicherung zurückspielen zur Probe; siehe "
            "docs/OPERATIONS-POSTGRESQL.md). Es wurde nichts verändert."
        )
    holder = KeyHolder(key)
    engine = engine_for(lambda: connect_read_only(db_path, holder.key()))
    factory = sessionmaker(engine, expire_on_commit=False, info=session_info(holder, db_path))
    return ReadOnlyDatabase(engine, factory, holder)
