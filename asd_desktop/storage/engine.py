"""The SQLCipher 4 engine: raw key first, verified, then the durability pragmas."""

from __future__ import annotations

import os
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.pool import QueuePool

from asd_desktop.models.errors import AsdError, DatabaseUnreadableError, StorageFullError
from asd_desktop.storage.paths import owner_only, special_file_problem
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
    prepare_database_files(db_path)
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


def prepare_database_files(db_path: Path) -> None:
    """Refuse a FIFO or device in place of the database; create it readable by its owner only.

    SQLite creates the -wal and -shm files with the database file's mode, so an owner-only
    database file gives owner-only companions (and looser existing ones are tightened).
    """
    for path in (
        db_path,
        db_path.with_name(db_path.name + "-wal"),
        db_path.with_name(db_path.name + "-shm"),
    ):
        special = special_file_problem(path)
        if special:
            raise DatabaseUnreadableError(
                f"Die Datenbank lässt sich nicht öffnen: »{path.name}« im Datenordner {special}. "
                "Bitte diese Datei entfernen und die Sicherung des Datenordners zurückspielen; "
                "es wurde nichts verändert."
            )
    try:
        fd = os.open(db_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass
    except OSError:
        return  # sqlcipher reports what is wrong with the folder in its own words
    else:
        os.close(fd)
    for path in (
        db_path,
        db_path.with_name(db_path.name + "-wal"),
        db_path.with_name(db_path.name + "-shm"),
    ):
        owner_only(path)


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

    def derive(self, purpose: bytes) -> bytes:
        """A 256-bit key for one purpose (HKDF-SHA256 from the data key); raises once forgotten."""
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.kdf.hkdf import HKDF

        hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=purpose)
        return hkdf.derive(self.key())

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
    _holders[engine] = holder
    return engine


#: The key holder each encrypted engine connects with (the audit chain derives its key).
_holders: weakref.WeakKeyDictionary[Engine, KeyHolder] = weakref.WeakKeyDictionary()


def key_holder_of(engine: Engine) -> KeyHolder | None:
    """The key holder of an engine made here (None for any other engine)."""
    return _holders.get(engine)


def connect_read_only(db_path: Path, key: bytes) -> Any:  # noqa: ANN401 - DB-API connection
    """A keyed connection that cannot write: the file is opened read-only and queries only.

    Nothing is created (no empty database where none is), no pragma that writes runs;
    ``asd-desktop check`` verifies the file exactly as it is.
    """
    special = special_file_problem(db_path)
    if special:
        raise DatabaseUnreadableError(
            f"Die Datenbank lässt sich nicht prüfen: »{db_path.name}« {special}. Es wurde "
            "nichts verändert."
        )
    if not db_path.is_file():
        raise DatabaseUnreadableError(
            f"Im Datenordner gibt es keine Datenbank (»{db_path.name}«). Bitte die Sicherung "
            "des Datenordners zurückspielen."
        )
    wal = db_path.with_name(db_path.name + "-wal")
    # Closed cleanly (no -wal file): immutable, so not even a -shm file is made. After a
    # crash the -wal holds committed changes that must be read: read-only with the WAL.
    uri = f"{db_path.resolve().as_uri()}?mode=ro" + ("" if wal.exists() else "&immutable=1")
    conn = sqlcipher3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S, check_same_thread=False)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(key_pragma(key))
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError as exc:
            raise DatabaseUnreadableError(
                "Die Datenbank lässt sich nicht öffnen: sie ist beschädigt oder gehört zu "
                "einem anderen Tresor. Die Datei selbst wurde nicht verändert."
            ) from exc
        conn.execute("PRAGMA query_only = ON")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.create_function("asd_fold", 1, fold, deterministic=True)
    except BaseException:
        conn.close()
        raise
    return conn


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
