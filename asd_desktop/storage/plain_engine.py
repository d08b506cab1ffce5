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
from sqlalchemy import Engine

from asd_desktop.storage.engine import BUSY_TIMEOUT_S, configure_connection, engine_for


def create_plain_engine_for_benchmark(db_path: Path) -> Engine:
    """A plain SQLite engine configured like :func:`create_encrypted_engine`, minus the key."""

    def connect() -> Any:  # noqa: ANN401 - DB-API connection
        conn = sqlcipher3.connect(str(db_path), timeout=BUSY_TIMEOUT_S, check_same_thread=False)
        try:
            configure_connection(conn)
        except BaseException:
            conn.close()
            raise
        return conn

    return engine_for(connect)
