"""The office hub on a PostgreSQL server: URL, engine, errors, the hub lock, sealed keys.

Everything PostgreSQL-specific lives here and in :mod:`asd_desktop.storage.database`;
the models and services stay the same on both databases. Laptops stay on SQLCipher.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
import os
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, Connection, ExceptionContext, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.attributes import set_committed_value

from asd_desktop.models.audit import AuditEntry
from asd_desktop.models.base import LocalDevice
from asd_desktop.models.errors import AsdError, DatabaseUnreadableError
from asd_desktop.models.sync import SyncIdentity
from asd_desktop.storage.atomic import atomic_write

ENV_DATABASE_URL = "ASD_DATABASE_URL"
SCHEME = "postgresql+psycopg"
#: Written next to a SQLite hub that moved to a server: the new place, without a password.
MOVED_FILE = "umgezogen.json"
#: The one advisory lock every writing transaction on the hub takes (an arbitrary constant).
HUB_LOCK_KEY = 0x41534448  # "ASDH"
_LOCKED = "asd_hub_locked"
_LOCAL_HOSTS = {"", "localhost", "127.0.0.1", "::1"}
_WEAK_SSL = {"disable", "allow", "prefer"}

# --- URLs ---------------------------------------------------------------------------------


def is_server_url(value: str | None) -> bool:
    """Whether ``value`` names a database server (not a data folder)."""
    return bool(value) and str(value).startswith(("postgresql", "postgres:"))


def parse_url(value: str) -> URL:
    """The server URL, checked: psycopg 3, a database name, TLS unless the server is local."""
    try:
        url = make_url(value)
    except ArgumentError:
        raise AsdError(
            f"»{value}« ist keine gültige Datenbank-Adresse. Bitte so angeben: "
            "postgresql+psycopg://rolle@server/datenbank"
        ) from None
    if url.drivername != SCHEME:
        raise AsdError(
            f"Die Datenbank-Adresse muss mit »{SCHEME}://« beginnen (angegeben: "
            f"»{url.drivername}://…«). Beispiel: postgresql+psycopg://rolle@server/datenbank"
        )
    if not url.database:
        raise AsdError(
            "In der Datenbank-Adresse fehlt der Name der Datenbank. Beispiel: "
            "postgresql+psycopg://rolle@server/asd_buero"
        )
    host = url.host or ""
    socket_dir = str(url.query.get("host", ""))
    local = host in _LOCAL_HOSTS or (not host and socket_dir.startswith("/"))
    sslmode = str(url.query.get("sslmode", ""))
    if not local:
        if sslmode in _WEAK_SSL:
            raise AsdError(
                f"Der Datenbank-Server »{host}« ist nicht auf diesem Rechner: die Verbindung "
                f"muss verschlüsselt sein (TLS). »sslmode={sslmode}« ist dafür nicht zulässig; "
                "bitte »sslmode=verify-full« (oder »require«) angeben."
            )
        if not sslmode:
            url = url.update_query_dict({"sslmode": "verify-full"})
    return url


def display_url(url: URL | str) -> str:
    """The URL as it may be shown: never with its password."""
    parsed = make_url(url) if isinstance(url, str) else url
    return unquote(parsed.render_as_string(hide_password=True))


def hub_place(url: URL | str) -> str:
    """Where the hub lives, as the window names it: "<host>/<database>".

    Never the role or the password; a Unix socket on this computer is "localhost".
    """
    parsed = make_url(url) if isinstance(url, str) else url
    host = parsed.host or ""
    if not host:
        socket_dir = str(parsed.query.get("host", ""))
        host = socket_dir if socket_dir and not socket_dir.startswith("/") else "localhost"
    if parsed.port:
        host = f"{host}:{parsed.port}"
    return f"{host}/{parsed.database or ''}"


def engine_place(engine: Engine) -> str | None:
    """:func:`hub_place` of a PostgreSQL engine; None for a SQLite file."""
    return hub_place(engine.url) if _on_server(engine) else None


# --- the engine ---------------------------------------------------------------------------


def create_server_engine(url: str | URL) -> Engine:
    """A SQLAlchemy engine on the PostgreSQL hub (psycopg 3), errors in German."""
    parsed = parse_url(url) if isinstance(url, str) else url
    engine = create_engine(
        parsed,
        pool_size=4,
        max_overflow=4,
        pool_pre_ping=True,
        # Error messages must never carry a record's values (names, notes) to stderr.
        hide_parameters=True,
        connect_args={"application_name": "asd-desktop", "connect_timeout": 10},
    )
    where = display_url(parsed)
    role = parsed.username or os.environ.get("PGUSER", "") or "?"

    def translate(ctx: ExceptionContext) -> BaseException | None:
        return translate_server_error(ctx.original_exception, where, role)

    event.listen(engine, "handle_error", translate, retval=True)
    return engine


def _sqlstate(exc: BaseException) -> str:
    return str(getattr(exc, "sqlstate", "") or "")


def translate_server_error(exc: BaseException, where: str, role: str) -> AsdError | None:
    """The caseworker's error for a server failure that is about access, not the code."""
    state = _sqlstate(exc)
    if state == "42501":
        return AsdError(
            f"Die Anmeldung »{role}« hat auf der Datenbank »{where}« nicht die nötigen Rechte. "
            "Es wurde nichts verändert. Bitte den Verwalter bitten, die Rolle mit "
            "»asd-desktop office grant« freizuschalten."
        )
    if state in ("28P01", "28000"):
        return AsdError(
            f"Der Datenbank-Server hat die Anmeldung »{role}« für »{where}« abgelehnt. Bitte "
            "Benutzername und Passwort (z. B. in ~/.pgpass) beim Verwalter prüfen."
        )
    if state == "3D000":
        return AsdError(
            f"Die Datenbank »{where}« gibt es auf dem Server nicht. Bitte die Adresse prüfen "
            "oder die Datenbank vom Verwalter anlegen lassen."
        )
    if state in ("53100",):
        return AsdError(
            "Auf dem Datenbank-Server ist der Speicher voll: die letzte Änderung wurde nicht "
            "gespeichert. Bitte den Verwalter verständigen."
        )
    if type(exc).__name__ == "OperationalError" and not state:
        return AsdError(
            f"Der Datenbank-Server für »{where}« ist nicht erreichbar. Bitte die Netzwerk"
            "verbindung prüfen oder den Verwalter fragen, ob der Server läuft. Es wurde "
            "nichts verändert."
        )
    return None


def refuse_superuser(conn: Connection) -> None:
    """A workstation must not sign in as a superuser (it could read and change anything)."""
    row = conn.execute(
        text("SELECT rolsuper, current_user FROM pg_roles WHERE rolname = current_user")
    ).first()
    if row is not None and row[0]:
        raise AsdError(
            f"Die Anmeldung »{row[1]}« ist ein Superuser des Datenbank-Servers. Für die Büro-"
            "Datenbank bitte eine eigene Rolle ohne Sonderrechte verwenden (Eigentümer des "
            "Schemas zum Einrichten, je Arbeitsplatz eine Anwendungsrolle); siehe "
            "docs/OPERATIONS-POSTGRESQL.md."
        )


# --- one writer at a time ------------------------------------------------------------------


def lock_hub(session: Session) -> None:
    """Serialise writers on the server hub: the device counter, clock and knowledge are one.

    Every transaction that writes takes one advisory transaction lock before its first
    change reaches the server (released at commit or rollback). After waiting, the
    hub's device row and sync identity are re-read, so counters continue where the
    other workstation's transaction left them. A no-op on SQLite (one writer anyway).
    """
    if session.info.get(_LOCKED) or session.get_bind().dialect.name != "postgresql":
        return
    session.info[_LOCKED] = True
    session.connection().execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": HUB_LOCK_KEY})
    for model in (LocalDevice, SyncIdentity):
        obj = session.identity_map.get((model, (1,), None))
        if obj is not None and not session.is_modified(obj):
            session.refresh(obj)


def _reset_lock(session: Session, *_args: Any) -> None:  # noqa: ANN401
    session.info.pop(_LOCKED, None)


def _lock_before_flush(session: Session, *_args: Any) -> None:  # noqa: ANN401
    lock_hub(session)


def _lock_before_dml(state: Any) -> None:  # noqa: ANN401 - ORMExecuteState
    if state.is_insert or state.is_update or state.is_delete:
        lock_hub(state.session)
    elif state.is_select and any(m.class_ is AuditEntry for m in state.all_mappers):
        # audit.append reads the last entry to chain the next one to it.
        lock_hub(state.session)


def install_hooks(session_class: sessionmaker[Session]) -> None:
    """Register the hub lock; before every other flush hook (so counters are fresh)."""
    event.listen(session_class, "after_begin", _reset_lock)
    event.listen(session_class, "after_soft_rollback", _reset_lock)
    event.listen(session_class, "before_flush", _lock_before_flush)
    event.listen(session_class, "do_orm_execute", _lock_before_dml)


# --- the office's keys: sealed with the workstation vault's key -----------------------------

_SEAL_PREFIX = "asd-sealed-1:"
_engine_keys: weakref.WeakKeyDictionary[Engine, Callable[[], bytes]] = weakref.WeakKeyDictionary()


def register_key(engine: Engine, key: Callable[[], bytes]) -> None:
    """The vault key that seals the office identity's private keys on this engine."""
    _engine_keys[engine] = key


def _seal_key(engine: Engine) -> bytes:
    getter = _engine_keys.get(engine)
    if getter is None:
        raise DatabaseUnreadableError(
            "Die Schlüssel des Büros liegen verschlossen auf dem Server; ohne den entsperrten "
            "Tresor dieses Arbeitsplatzes lassen sie sich nicht öffnen."
        )
    return hmac.new(getter(), b"asd-desktop office identity seal", hashlib.sha256).digest()


def seal(engine: Engine, plain: bytes) -> str:
    """``plain`` encrypted (AES-256-GCM) under the workstation vault's key, as text."""
    nonce = os.urandom(12)
    sealed = AESGCM(_seal_key(engine)).encrypt(nonce, plain, b"sync_identity")
    return _SEAL_PREFIX + base64.b64encode(nonce + sealed).decode("ascii")


def unseal(engine: Engine, value: str) -> bytes:
    """The plain bytes of a :func:`seal` result; a foreign vault gets a German message."""
    raw = base64.b64decode(value[len(_SEAL_PREFIX) :])
    try:
        return AESGCM(_seal_key(engine)).decrypt(raw[:12], raw[12:], b"sync_identity")
    except Exception:
        raise DatabaseUnreadableError(
            "Die Schlüssel des Büros lassen sich mit dem Tresor dieses Arbeitsplatzes nicht "
            "öffnen: er gehört nicht zu diesem Büro. Bitte den Tresor des Büros (vault.json) "
            "vom Verwalter auf diesen Arbeitsplatz kopieren lassen."
        ) from None


def is_sealed(value: object) -> bool:
    """Whether a stored key column holds a sealed value."""
    if isinstance(value, bytes):
        return value.startswith(_SEAL_PREFIX.encode("ascii"))
    return isinstance(value, str) and value.startswith(_SEAL_PREFIX)


def _on_server(engine: Any) -> bool:  # noqa: ANN401
    return getattr(getattr(engine, "dialect", None), "name", "") == "postgresql"


def _unseal_loaded(target: SyncIdentity, context: Any) -> None:  # noqa: ANN401 - QueryContext
    engine = context.session.get_bind() if context.session is not None else None
    if engine is None or not _on_server(engine):
        return
    if is_sealed(target.signing_private):
        plain = unseal(engine, bytes(target.signing_private).decode("ascii"))
        set_committed_value(target, "signing_private", plain)
    if is_sealed(target.age_identity):
        plain_age = unseal(engine, target.age_identity).decode("utf-8")
        set_committed_value(target, "age_identity", plain_age)


def _seal_before_write(_mapper: Any, connection: Any, target: SyncIdentity) -> None:  # noqa: ANN401
    if not _on_server(connection.engine):
        return
    plain = (target.signing_private, target.age_identity)
    target.__dict__["_asd_plain_keys"] = plain
    if not is_sealed(plain[0]):
        target.signing_private = seal(connection.engine, bytes(plain[0])).encode("ascii")
    if not is_sealed(plain[1]):
        target.age_identity = seal(connection.engine, plain[1].encode("utf-8"))


def _restore_after_write(_mapper: Any, _connection: Any, target: SyncIdentity) -> None:  # noqa: ANN401
    plain = target.__dict__.pop("_asd_plain_keys", None)
    if plain is not None:
        set_committed_value(target, "signing_private", plain[0])
        set_committed_value(target, "age_identity", plain[1])


event.listen(SyncIdentity, "load", _unseal_loaded)
event.listen(SyncIdentity, "refresh", lambda t, c, _a: _unseal_loaded(t, c))
event.listen(SyncIdentity, "before_insert", _seal_before_write)
event.listen(SyncIdentity, "before_update", _seal_before_write)
event.listen(SyncIdentity, "after_insert", _restore_after_write)
event.listen(SyncIdentity, "after_update", _restore_after_write)


# --- a SQLite hub that moved ------------------------------------------------------------------


def moved_marker(data_dir: Path) -> Path:
    """The file that says a data folder's hub now lives on a server."""
    return data_dir / MOVED_FILE


def mark_moved(data_dir: Path, url: URL | str) -> None:
    """Record that the hub of ``data_dir`` moved to ``url`` (shown without password)."""
    body = {
        "moved_to": display_url(url),
        "moved_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }
    atomic_write(moved_marker(data_dir), json.dumps(body, ensure_ascii=False).encode("utf-8"))


def refuse_if_moved(data_dir: Path) -> None:
    """Refuse to open a SQLite hub that moved to a server, naming the new place."""
    marker = moved_marker(data_dir)
    if not marker.exists():
        return
    try:
        where = str(json.loads(marker.read_text(encoding="utf-8"))["moved_to"])
    except (OSError, ValueError, KeyError, TypeError):
        where = "(unbekannt)"
    raise AsdError(
        f"Diese Büro-Datenbank ist auf den Datenbank-Server »{where}« umgezogen und wird hier "
        f"nicht mehr benutzt. Bitte mit »--database-url {where}« öffnen (mit dem Passwort der "
        "Anmeldung, z. B. aus ~/.pgpass)."
    )


# --- which hub a data folder opens ---------------------------------------------------------

_urls: dict[Path, str] = {}


def use_server(data_dir: Path, url: str | None) -> None:
    """In this program run, open the hub of ``data_dir`` on ``url`` (None: the local file)."""
    key = data_dir.resolve()
    if url:
        parse_url(url)
        _urls[key] = url
    else:
        _urls.pop(key, None)


def server_for(data_dir: Path) -> str | None:
    """The server URL this run opens for ``data_dir``, if any."""
    return _urls.get(data_dir.resolve())
