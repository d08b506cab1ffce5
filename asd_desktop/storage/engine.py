"""The SQLCipher 4 engine: raw key first, verified, then the durability pragmas."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event

from asd_desktop.models.errors import DatabaseUnreadableError
from asd_desktop.storage.search import fold

BUSY_TIMEOUT_S = 10.0


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
        conn.execute("PRAGMA journal_mode = WAL").fetchone()
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA temp_store = MEMORY")  # no unencrypted temp files
        conn.create_function("asd_fold", 1, fold, deterministic=True)
    except BaseException:
        conn.close()
        raise
    return conn


def create_encrypted_engine(db_path: Path, key: bytes) -> Engine:
    """A SQLAlchemy engine whose every connection is keyed and configured."""
    engine = create_engine(
        "sqlite://",
        creator=lambda: connect_encrypted(db_path, key),
        module=sqlcipher3,
        pool_pre_ping=False,
    )
    _use_explicit_transactions(engine)
    return engine


def _use_explicit_transactions(engine: Engine) -> None:
    """Let SQLAlchemy, not pysqlite, begin transactions (needed for correct SAVEPOINTs)."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:  # noqa: ANN401
        dbapi_conn.isolation_level = None

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:  # noqa: ANN401
        conn.exec_driver_sql("BEGIN")
