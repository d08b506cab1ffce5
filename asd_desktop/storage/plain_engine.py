"""An UNENCRYPTED engine for one purpose only: measuring the SQLCipher overhead.

``asd-desktop bench`` runs the same workload on fictional demo data once with the
real encrypted engine and once with this one. It uses the same bundled SQLite
build (``sqlcipher3`` without a key) and the same pragmas, so the ratio shows the
cost of encryption alone. Never use it for real case data.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from asd_desktop.storage.engine import BUSY_TIMEOUT_S
from asd_desktop.storage.search import fold


def create_plain_engine_for_benchmark(db_path: Path) -> Engine:
    """A plain SQLite engine configured like :func:`create_encrypted_engine`, minus the key."""

    def connect() -> Any:  # noqa: ANN401 - DB-API connection
        conn = sqlcipher3.connect(str(db_path), timeout=BUSY_TIMEOUT_S, check_same_thread=False)
        try:
            # Keep in step with storage.engine.connect_encrypted.
            conn.execute("PRAGMA journal_mode = WAL").fetchone()
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA secure_delete = ON")
            conn.execute("PRAGMA temp_store = MEMORY")
            conn.create_function("asd_fold", 1, fold, deterministic=True)
        except BaseException:
            conn.close()
            raise
        return conn

    engine = create_engine("sqlite://", creator=connect, module=sqlcipher3, poolclass=QueuePool)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:  # noqa: ANN401
        dbapi_conn.isolation_level = None

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:  # noqa: ANN401
        conn.exec_driver_sql("BEGIN")

    return engine
