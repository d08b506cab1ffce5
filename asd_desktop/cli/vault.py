"""``asd-desktop vault …`` (make, re-key, recover the vault) and ``asd-desktop check``."""

from __future__ import annotations

import argparse
from pathlib import Path

from asd_desktop.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    Handler,
    SubParsers,
    add_data_dir,
    add_passphrase,
    check_data_dir,
    read_identity,
    read_passphrase_file,
)
from asd_desktop.models.errors import AsdError, DatabaseUnreadableError


def register(sub: SubParsers) -> dict[str, Handler]:
    """Add the ``vault`` and ``check`` commands; returns their handlers."""
    vault = sub.add_parser("vault", help="Tresor: anlegen, Passphrase ändern, wiederherstellen")
    vsub = vault.add_subparsers(dest="vault_command", metavar="AKTION", required=True)
    init = vsub.add_parser("init", help="neuen Tresor und neue Datenbank anlegen")
    add_data_dir(init)
    add_passphrase(init)
    init.add_argument(
        "--recovery-recipient", metavar="AGE1…", help="öffentlicher Schlüssel der Dienststelle"
    )
    change = vsub.add_parser("change-passphrase", help="Passphrase ändern (neu verpacken)")
    add_data_dir(change)
    add_passphrase(change)
    change.add_argument(
        "--new-passphrase-file",
        required=True,
        metavar="DATEI",
        help="Datei, deren erste Zeile die neue Passphrase ist",
    )
    rec_set = vsub.add_parser(
        "set-recovery", help="Wiederherstellungsschlüssel der Dienststelle eintragen"
    )
    add_data_dir(rec_set)
    add_passphrase(rec_set)
    rec_set.add_argument(
        "--recipient", required=True, metavar="AGE1…", help="age1… der Dienststelle"
    )
    recover = vsub.add_parser(
        "recover", help="mit dem Schlüssel der Dienststelle eine neue Passphrase setzen"
    )
    add_data_dir(recover)
    recover.add_argument(
        "--identity",
        required=True,
        metavar="DATEI",
        help="Datei mit der age-Identität (AGE-SECRET-KEY-…)",
    )
    what = recover.add_mutually_exclusive_group(required=True)
    what.add_argument(
        "--new-passphrase-file", metavar="DATEI", help="Datei mit der neuen Passphrase"
    )
    what.add_argument(
        "--print-db-key",
        action="store_true",
        help="den rohen Datenbankschlüssel (hex) ausgeben, für SQLCipher-4-Werkzeuge",
    )

    check = sub.add_parser("check", help="Datenbank und Protokollkette prüfen")
    add_data_dir(check)
    add_passphrase(check)
    return {"vault": _vault, "check": _check}


def _vault(args: argparse.Namespace, data_dir: Path) -> int:
    from asd_desktop.services import vault

    # Every file is read and the folder checked before the lock file is created.
    command = args.vault_command
    if command == "init":
        pw = read_passphrase_file(args.passphrase_file)
        check_data_dir(data_dir, vault_needed=False)
        if vault.vault_exists(data_dir):
            raise AsdError(
                "In diesem Datenordner gibt es bereits einen Tresor. Bitte entsperren statt "
                "neu anlegen, oder mit --data-dir einen anderen Ordner angeben."
            )
        problem = vault.passphrase_problem(pw, pw)
        if problem:
            raise AsdError(problem)
        if args.recovery_recipient:
            from asd_desktop.storage.vault import recovery_recipient

            recovery_recipient(args.recovery_recipient)  # a wrong key: nothing is created
        with vault.DataDirLock(data_dir):
            vault.create_vault(data_dir, pw, pw, args.recovery_recipient).close()
        print(f"Tresor angelegt in {data_dir}")
    elif command == "change-passphrase":
        old = read_passphrase_file(args.passphrase_file)
        new = read_passphrase_file(args.new_passphrase_file)
        check_data_dir(data_dir, vault_needed=True)
        with vault.DataDirLock(data_dir):
            vault.change_passphrase(data_dir, old, new, new)
        print("Passphrase geändert.")
    elif command == "set-recovery":
        pw = read_passphrase_file(args.passphrase_file)
        check_data_dir(data_dir, vault_needed=True)
        with vault.DataDirLock(data_dir):
            vault.set_recovery_recipient(data_dir, pw, args.recipient)
        print("Wiederherstellungsschlüssel der Dienststelle eingetragen.")
    elif command == "recover":
        identity = read_identity(args.identity)
        chosen = None if args.print_db_key else read_passphrase_file(args.new_passphrase_file)
        check_data_dir(data_dir, vault_needed=True)
        with vault.DataDirLock(data_dir):
            if chosen is None:
                print(vault.recover_data_key(data_dir, identity).hex())
            else:
                vault.unlock_with_recovery(data_dir, identity, chosen, chosen)
                print("Neue Passphrase gesetzt.")
    return EXIT_OK


def _check(args: argparse.Namespace, data_dir: Path) -> int:
    from asd_desktop.services import vault
    from asd_desktop.services.check import check_database

    pw = read_passphrase_file(args.passphrase_file)
    check_data_dir(data_dir, vault_needed=True)
    with vault.DataDirLock(data_dir):
        # Read-only: no migration, no audit entry, no device row; the files stay as they are.
        database = vault.open_for_check(data_dir, pw)
        try:
            with database.engine.connect():
                pass  # opens, keys and verifies the file before any check runs
            results = check_database(database)
        except DatabaseUnreadableError as exc:
            # The passphrase was right; that the database does not open is the finding.
            print(f"FEHLER  Datenbank öffnen: {exc.message}")
            print("Prüfung NICHT bestanden.")
            return EXIT_FAILED
        finally:
            database.close()
    for r in results:
        print(f"{'OK    ' if r.ok else 'FEHLER'}  {r.name}: {r.detail}")
    ok = all(r.ok for r in results)
    print("Prüfung bestanden." if ok else "Prüfung NICHT bestanden.")
    return EXIT_OK if ok else EXIT_FAILED
