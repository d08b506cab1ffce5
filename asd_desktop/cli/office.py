"""``asd-desktop office migrate|grant``: the office hub moves to a PostgreSQL server."""

from __future__ import annotations

import argparse
from pathlib import Path

from asd_desktop.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    Handler,
    SubParsers,
    add_common,
    add_data_dir,
    check_data_dir,
    read_passphrase_file,
)
from asd_desktop.domain.sync_states import DeviceRole
from asd_desktop.models.errors import AsdError


def register(sub: SubParsers) -> dict[str, Handler]:
    """Add the ``office`` command; returns its handler."""
    office = sub.add_parser(
        "office", help="Büro-Datenbank: auf einen PostgreSQL-Server umziehen, Rollen freischalten"
    )
    osub = office.add_subparsers(dest="office_command", metavar="AKTION", required=True)
    move = osub.add_parser(
        "migrate",
        help="die Büro-Datenbank dieses Datenordners in eine leere PostgreSQL-Datenbank "
        "kopieren, vergleichen und erst dann die alte Datei stilllegen",
    )
    add_common(move)
    move.add_argument(
        "--to",
        required=True,
        metavar="ADRESSE",
        help="die leere Ziel-Datenbank, z. B. postgresql+psycopg://asd_eigentuemer@server/asd_buero",
    )
    grant = osub.add_parser(
        "grant",
        help="Verwalter: einer Anmelde-Rolle die Rechte für die tägliche Arbeit geben "
        "(lesen und schreiben, keine Änderung am Schema); mit --database-url des Eigentümers",
    )
    add_data_dir(grant)
    grant.add_argument("role", metavar="ROLLE", help="die Anmelde-Rolle eines Arbeitsplatzes")
    return {"office": _office}


def _office(args: argparse.Namespace, data_dir: Path) -> int:
    if args.office_command == "migrate":
        return _migrate(args, data_dir)
    return _grant(args)


def _migrate(args: argparse.Namespace, data_dir: Path) -> int:
    from asd_desktop.services import vault
    from asd_desktop.storage import server
    from asd_desktop.storage.paths import vault_path
    from asd_desktop.storage.transfer import copy_hub
    from asd_desktop.storage.vault import Vault

    url = server.parse_url(args.to)
    where = server.display_url(url)
    pw = read_passphrase_file(args.passphrase_file)
    check_data_dir(data_dir, vault_needed=True)
    server.use_server(data_dir, None)  # the source is this folder's file
    with vault.DataDirLock(data_dir):
        key = Vault.load(vault_path(data_dir)).unlock(pw)
        source = vault.open_with_key(data_dir, key)
        try:
            status = source.sync.status()
            if status.role == DeviceRole.LAPTOP:
                raise AsdError(
                    "Dieser Datenordner gehört zu einem Laptop. Nur die Büro-Datenbank zieht auf "
                    "einen Server um; Laptops behalten ihre verschlüsselte Datei."
                )
            target = server.create_server_engine(url)
            server.register_key(target, lambda: key)  # seals the office's keys on the server
            try:
                with target.connect() as conn:
                    server.refuse_superuser(conn)
                print(f"Kopiere die Büro-Datenbank nach »{where}« …")
                counts = copy_hub(source.database.engine, target)
            finally:
                target.dispose()
            expected = source.sync.dump()
        finally:
            source.close()
        server.use_server(data_dir, args.to)
        moved = vault.open_with_key(data_dir, key)
        try:
            actual = moved.sync.dump()
        finally:
            moved.close()
            server.use_server(data_dir, None)
        if actual != expected:
            print(
                f"Fehler: Der Vergleich (asd-desktop dump) zeigt Unterschiede: {len(expected)} "
                f"Zeilen hier, {len(actual)} auf dem Server. Die alte Datei bleibt in Benutzung; "
                "bitte die Ziel-Datenbank leeren (dropdb/createdb) und den Fehler melden."
            )
            return EXIT_FAILED
        server.mark_moved(data_dir, url)
    rows = sum(counts.values())
    print(
        f"Umgezogen: {rows} Zeilen in {len(counts)} Tabellen, der Vergleich (asd-desktop dump, "
        f"{len(expected)} Datensätze) ist gleich."
    )
    print(
        f"Die Datei in »{data_dir}« ist stillgelegt; ab jetzt: asd-desktop --database-url "
        f"{where} … Der Tresor (vault.json) bleibt im Datenordner: jeder Arbeitsplatz, der "
        "Pakete schreibt oder liest, braucht eine Kopie davon."
    )
    return EXIT_OK


def _grant(args: argparse.Namespace) -> int:
    from asd_desktop.storage import roles, server

    url = getattr(args, "database_url", None)
    if not url:
        raise AsdError(
            "Bitte mit --database-url die Büro-Datenbank angeben, angemeldet als Eigentümer "
            "des Schemas (z. B. postgresql+psycopg://asd_eigentuemer@server/asd_buero)."
        )
    engine = server.create_server_engine(url)
    try:
        roles.grant_application_role(engine, args.role)
    finally:
        engine.dispose()
    print(
        f"Die Rolle »{args.role}« darf jetzt in »{server.display_url(url)}« lesen und schreiben "
        "(keine Änderungen am Schema, kein Superuser)."
    )
    return EXIT_OK
