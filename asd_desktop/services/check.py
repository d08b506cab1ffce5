"""``asd-desktop check``: SQLCipher page integrity, SQLite integrity, the audit chain."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text

from asd_desktop.services import audit
from asd_desktop.storage.database import Database


@dataclass(frozen=True)
class CheckResult:
    """One checked aspect: its name, whether it holds, and what was found."""

    name: str
    ok: bool
    detail: str


def check_database(database: Database) -> list[CheckResult]:
    """Run every check; never changes anything."""
    results: list[CheckResult] = []
    with database.engine.connect() as conn:
        cipher = [str(r[0]) for r in conn.execute(text("PRAGMA cipher_integrity_check"))]
        results.append(
            CheckResult(
                "SQLCipher-Seiten (HMAC)",
                not cipher,
                "alle Seiten unverändert" if not cipher else "; ".join(cipher[:5]),
            )
        )
        integrity = [str(r[0]) for r in conn.execute(text("PRAGMA integrity_check"))]
        ok = integrity == ["ok"]
        results.append(
            CheckResult("SQLite-Integrität", ok, "ok" if ok else "; ".join(integrity[:5]))
        )
        fk = list(conn.execute(text("PRAGMA foreign_key_check")))
        results.append(
            CheckResult(
                "Verweise zwischen Datensätzen",
                not fk,
                "ok" if not fk else f"{len(fk)} verwaiste Verweise",
            )
        )
    chain = audit.verify(database.session_factory)
    results.append(
        CheckResult(
            "Protokollkette",
            chain.ok,
            f"{chain.entries} Einträge, lückenlos"
            if chain.ok
            else f"Bruch bei Eintrag {chain.first_break}: {chain.reason}",
        )
    )
    return results
