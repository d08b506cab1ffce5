"""The SQLCipher 4 engine: raw key first, verified, then the durability pragmas."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.pool import QueuePool

from asd_desktop.models.errors import AsdError, DatabaseUnreadableError, StorageFullError
from asd_desktop.storage.search import fold

BUSY_TIMEOUT_S = 10.0

#: SQLite's texts for SQLITE_FULL, SQLITE_CORRUPT and SQLITE_NOTADB (sqlcipher3 has no codes).
_FULL_TEXT = "database or disk is full"
_DAMAGED_TEXTS = ("database disk image is malformed", "file is not a database")


def translate_error(exc: BaseException) -> AsdError | None:
    """The caseworker's error for a SQLite failure that is about the file, not the code."""
    text = str(exc)
    if _FULL_TEXT in text:
        return StorageFullError(
            "Der Datenträger ist voll: die letzte Änderung wurde nicht gespeichert, alles "
            "vorher Gespeicherte ist erhalten. Bitte Platz schaffen und es erneut versuchen."
        )
    if any(t in text for t in _DAMAGED_TEXTS):
        return damaged_database_error()
    return None


def damaged_database_error() -> DatabaseUnreadableError:
    """The error for a database whose key is right but whose pages cannot be read."""
    return DatabaseUnreadableError(
        "Die Datenbank ist beschädigt: ein Teil davon lässt sich nicht mehr lesen. Bitte "
        "nichts weiter eingeben, »asd-desktop check« ausführen und die Sicherung des "
        "Datenordners zurückspielen."
    )


def key_pragma(key: bytes) -> str:
    """The ``PRAGMA key`` statement for a raw 256-bit key (no SQLCipher KDF)."""
    return f"PRAGMA key = \"x'{key.hex()}'\""


def connect_encrypted(db_path: Path, key: bytes) -> Any:  # noqa: ANN401 - DB-API connection
    """A DB-API connection to the encrypted file, keyed, verified and configured."""
    conn = sqlcipher3.connect(str(db_path), timeout=BUSY_TIMEOUT_S, check_same_thread=False)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(key_pragma(key))
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError as exc:
            raise DatabaseUnreadableError(
                "Die Datenbank lässt sich nicht öffnen: sie ist beschädigt oder gehört zu "
                "einem anderen Tresor. Bitte die Sicherung des Datenordners zurückspielen; "
                "die Datei selbst wurde nicht verändert."
            ) from exc
        version = conn.execute("PRAGMA cipher_version").fetchone()
        if not version or not str(version[0]).startswith("4"):
            raise DatabaseUnreadableError(
                "Die eingebaute Datenbank-Verschlüsselung hat eine unerwartete Version. "
                "Bitte asd-desktop neu installieren."
            )
        try:
            configure_connection(conn)
        except sqlcipher3.DatabaseError as exc:
            raise (translate_error(exc) or damaged_database_error()) from exc
    except BaseException:
        conn.close()
        raise
    return conn


def configure_connection(conn: Any) -> None:  # noqa: ANN401 - DB-API connection
    """Durability and safety pragmas, and the search folding function, on a keyed connection."""
    conn.execute("PRAGMA journal_mode = WAL").fetchone()
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute("PRAGMA temp_store = MEMORY")  # no unencrypted temp files
    conn.create_function("asd_fold", 1, fold, deterministic=True)


class KeyHolder:
    """The data key an engine connects with, until :meth:`forget` drops it.

    After ``forget`` the engine cannot open a new connection, so a locked
    program cannot reach the database even through a stray reference.
    """

    def __init__(self, key: bytes) -> None:
        self._key: bytearray | None = bytearray(key)

    def key(self) -> bytes:
        """The key; raises once forgotten."""
        if self._key is None:
            raise DatabaseUnreadableError(
                "Die Fallakte ist gesperrt. Bitte zuerst mit der Passphrase entsperren."
            )
        return bytes(self._key)

    def forget(self) -> None:
        """Overwrite and drop the key (best effort: Python may hold other copies)."""
        if self._key is not None:
            self._key[:] = bytes(len(self._key))
            self._key = None


def create_encrypted_engine(db_path: Path, key: bytes | KeyHolder) -> Engine:
    """A SQLAlchemy engine whose every connection is keyed and configured."""
    holder = key if isinstance(key, KeyHolder) else KeyHolder(key)
    engine = engine_for(lambda: connect_encrypted(db_path, holder.key()))
    event.listen(engine, "handle_error", _caseworker_error, retval=True)
    return engine


def engine_for(creator: Callable[[], Any]) -> Engine:
    """An engine over connections made by ``creator``, with explicit transactions."""
    engine = create_engine(
        "sqlite://",
        creator=creator,
        module=sqlcipher3,
        # One connection per checkout (the "sqlite://" URL would pick a per-thread
        # singleton, which makes two sessions in one thread share a transaction).
        poolclass=QueuePool,
        pool_size=4,
        max_overflow=4,
        # Error messages must never carry a record's values (names, notes) to stderr.
        hide_parameters=True,
    )
    _use_explicit_transactions(engine)
    return engine


def _caseworker_error(ctx: ExceptionContext) -> BaseException | None:
    """Turn a full disk or a damaged file into an error with a German message."""
    return translate_error(ctx.original_exception)


def _use_explicit_transactions(engine: Engine) -> None:
    """Let SQLAlchemy, not pysqlite, begin transactions (needed for correct SAVEPOINTs)."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:  # noqa: ANN401
        dbapi_conn.isolation_level = None

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:  # noqa: ANN401
        conn.exec_driver_sql("BEGIN")
