"""``asd-desktop check``: SQLCipher page integrity, SQLite integrity, the audit chain."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from asd_desktop.domain.german import counted
from asd_desktop.models.errors import AsdError
from asd_desktop.services import audit
from asd_desktop.storage.anchor import ANCHOR_FILE, ReadOnlyDatabase
from asd_desktop.storage.database import Database

_HMAC_FAILED = re.compile(r"HMAC verification failed for page (\d+)")
#: What a step reports when the database fails while it reads (damaged pages).
UNREADABLE = "lässt sich nicht lesen, die Datenbank ist beschädigt"


@dataclass(frozen=True)
class CheckResult:
    """One checked aspect: its name, whether it holds, and what was found."""

    name: str
    ok: bool
    detail: str


def check_database(database: Database | ReadOnlyDatabase) -> list[CheckResult]:
    """Run every check; never changes anything, and a damaged page fails a check, not the run.

    ``asd-desktop check`` passes a database opened read-only (no migration, no audit entry).
    """
    steps: list[tuple[str, Callable[[], tuple[bool, str]]]] = [
        ("SQLCipher-Seiten (HMAC)", lambda: _on_connection(database, _cipher_pages)),
        ("SQLite-Integrität", lambda: _on_connection(database, _integrity)),
        ("Verweise zwischen Datensätzen", lambda: _on_connection(database, _foreign_keys)),
        ("Protokollkette", lambda: _chain(database)),
    ]
    results: list[CheckResult] = []
    for name, step in steps:
        try:
            ok, detail = step()
        # SQLCipher answers every read after a failed page check with SQLITE_NOMEM.
        except (DBAPIError, AsdError, MemoryError):
            database.engine.dispose()  # the next step starts on a fresh connection
            ok, detail = False, UNREADABLE
        results.append(CheckResult(name, ok, detail))
    return results


def _on_connection(
    database: Database | ReadOnlyDatabase, step: Callable[[Connection], tuple[bool, str]]
) -> tuple[bool, str]:
    with database.engine.connect() as conn:
        return step(conn)


def _cipher_pages(conn: Connection) -> tuple[bool, str]:
    cipher = [
        _HMAC_FAILED.sub(r"Seite \1 verändert oder beschädigt", str(r[0]))
        for r in conn.execute(text("PRAGMA cipher_integrity_check"))
    ]
    return not cipher, "alle Seiten unverändert" if not cipher else "; ".join(cipher[:5])


def _integrity(conn: Connection) -> tuple[bool, str]:
    integrity = [str(r[0]) for r in conn.execute(text("PRAGMA integrity_check"))]
    ok = integrity == ["ok"]
    return ok, "ok" if ok else "; ".join(integrity[:5])


def _foreign_keys(conn: Connection) -> tuple[bool, str]:
    fk = list(conn.execute(text("PRAGMA foreign_key_check")))
    return not fk, "ok" if not fk else f"{len(fk)} verwaiste Verweise"


def _chain(database: Database | ReadOnlyDatabase) -> tuple[bool, str]:
    chain = audit.verify(database.session_factory)
    if chain.ok:
        text = f"{counted(chain.entries, 'Eintrag', 'Einträge')}, lückenlos"
        if chain.renewed_at:
            return True, (
                f"{text}, verankert erst ab Eintrag {chain.renewed_at}: die Verankerung "
                f"({ANCHOR_FILE}) fehlte und wurde dort neu angelegt; ob davor Einträge "
                "gelöscht wurden, lässt sich nicht mehr belegen"
            )
        return True, text + (", verankert" if chain.anchored else "")
    return False, f"Bruch bei Eintrag {chain.first_break}: {chain.reason}"
