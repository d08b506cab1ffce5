"""A separate process that writes to a case file, for crash and leak tests.

Run as ``python storage_worker.py COMMAND DATA_DIR ...``:

``contacts DATA_DIR CASE_ID``
    Opens the case file with the raw key from ``$ASD_TEST_DB_KEY`` (hex, no KDF),
    holds the data-folder lock like the application does, and records contacts
    forever. Each contact's id is printed only after its transaction committed.

``fill DATA_DIR PASSPHRASE_FILE NAME...``
    Unlocks with the passphrase, stores one case per name (the name as family
    name, person and contact note), searches for each name and prints how many
    cases it stored.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

from asd_desktop.domain.enums import Area, ContactKind, Role
from asd_desktop.services import vault
from asd_desktop.services.cases import AreaInput, CaseInput, CaseQuery, ContactInput, PersonInput

KEY_ENV = "ASD_TEST_DB_KEY"


def record_contacts_forever(data_dir: Path, case_id: str) -> None:
    """Append contacts until killed; print each id after its commit."""
    key = bytes.fromhex(os.environ[KEY_ENV])
    lock = vault.DataDirLock(data_dir)
    lock.acquire()
    opened = vault.open_with_key(data_dir, key)
    n = 0
    while True:
        n += 1
        view = opened.cases.record_contact(
            case_id,
            ContactInput(
                occurred_at=dt.datetime(2024, 5, 1, 9, 0) + dt.timedelta(minutes=n),
                kind=ContactKind.HOME_VISIT_ANNOUNCED,
                duration_minutes=n % 120,
                present="Mutter, Kind",
                note=f"Hausbesuch Nummer {n}: " + "Gespräch über den Alltag. " * (n % 7),
                next_step="Nächster Termin" if n % 3 else "",
            ),
        )
        sys.stdout.write(view.id + "\n")
        sys.stdout.flush()


def fill(data_dir: Path, passphrase_file: Path, names: list[str]) -> None:
    """Store one case per name through the services, then search for each."""
    passphrase = passphrase_file.read_text(encoding="utf-8").splitlines()[0]
    with vault.DataDirLock(data_dir):
        opened = vault.unlock_vault(data_dir, passphrase)
        try:
            for i, name in enumerate(names):
                row = opened.cases.create_case(
                    CaseInput(f"LEAK-{i}", name, dt.date(2024, 1, 2), description=name),
                    AreaInput(Area.GREY, dt.date(2024, 1, 2), f"Sorge um {name}", "Team"),
                )
                opened.cases.add_person(
                    row.id, PersonInput(name, name, roles=(Role.MOTHER,), address=name)
                )
                opened.cases.record_contact(
                    row.id,
                    ContactInput(dt.datetime(2024, 1, 3, 10, 0), ContactKind.PHONE, note=name),
                )
                opened.cases.get_case(row.id)
            found = sum(len(opened.cases.list_cases(CaseQuery(text=n))) for n in names)
        finally:
            opened.close()
    print(f"{len(names)} Fälle gespeichert, {found} gefunden")


def main(argv: list[str]) -> int:
    """Dispatch on the command word."""
    command, data_dir = argv[0], Path(argv[1])
    if command == "contacts":
        record_contacts_forever(data_dir, argv[2])
    elif command == "fill":
        fill(data_dir, Path(argv[2]), argv[3:])
    else:
        raise SystemExit(f"unknown command {command!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
