"""``asd-desktop privacy``: retention and deletion with four eyes, from the command line.

``due`` lists the cases due for deletion; ``propose`` (first person) and ``delete`` (second
person, Aktenzeichen typed again) delete a case everywhere; ``deleted`` lists the ids of
deleted cases (content-free) and ``redelete`` deletes them again after an older backup was
restored.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from asd_desktop.cli.common import EXIT_OK, Handler, SubParsers, add_common, opened_vault
from asd_desktop.models.errors import AsdError
from asd_desktop.services.retention import RetentionService, deleted_cases
from asd_desktop.services.settings import load_settings
from asd_desktop.services.vault import OpenVault


def register(sub: SubParsers) -> dict[str, Handler]:
    """Add the ``privacy`` command; returns its handler."""
    privacy = sub.add_parser("privacy", help="Aufbewahrung und Löschung (§ 84 SGB X)")
    psub = privacy.add_subparsers(dest="privacy_command", metavar="AKTION", required=True)
    due = psub.add_parser("due", help="Fälle, die zur Löschung fällig sind")
    add_common(due)
    propose = psub.add_parser("propose", help="Löschung vormerken (erste Person)")
    add_common(propose)
    propose.add_argument("--case", required=True, metavar="AKTENZEICHEN", help="Aktenzeichen")
    propose.add_argument("--by", required=True, metavar="NAME", help="Ihr Name")
    delete = psub.add_parser(
        "delete", help="vorgemerkte Löschung bestätigen (zweite Person): endgültig, überall"
    )
    add_common(delete)
    delete.add_argument("--case", required=True, metavar="AKTENZEICHEN", help="Aktenzeichen")
    delete.add_argument("--by", required=True, metavar="NAME", help="Name der zweiten Person")
    delete.add_argument(
        "--confirm", required=True, metavar="AKTENZEICHEN", help="das Aktenzeichen noch einmal"
    )
    deleted = psub.add_parser("deleted", help="Kennungen der gelöschten Fälle (ohne Namen)")
    add_common(deleted)
    again = psub.add_parser(
        "redelete", help="nach dem Zurückspielen einer älteren Sicherung erneut löschen"
    )
    add_common(again)
    again.add_argument("case_ids", nargs="+", metavar="FALL-ID", help="aus 'privacy deleted'")
    again.add_argument("--by", required=True, metavar="NAME", help="Ihr Name")
    return {"privacy": _privacy}


def _service(opened: OpenVault) -> RetentionService:
    rules = load_settings(opened.data_dir).retention
    return RetentionService(
        opened.database.session_factory, opened.database.device_id, lambda: rules
    )


def _case_id(service: RetentionService, number: str, today: dt.date) -> str:
    for view in service.due_list(today):
        if view.file_number == number.strip():
            return view.case_id
    raise AsdError(
        f"Kein zur Löschung fälliger Fall hat das Aktenzeichen »{number}«. Die Liste zeigt "
        "'asd-desktop privacy due'."
    )


def _privacy(args: argparse.Namespace, data_dir: Path) -> int:
    today = dt.date.today()
    command = args.privacy_command
    with opened_vault(args, data_dir) as opened:
        service = _service(opened)
        if command == "due":
            rows = service.due_list(today)
            for view in rows:
                state = (
                    f"Löschsperre: {view.legal_hold_reason}"
                    if view.retention.held
                    else (f"vorgemerkt von {view.requested_by}" if view.requested_by else "fällig")
                )
                due = f"{view.unheld_due_on:%d.%m.%Y}" if view.unheld_due_on else "–"
                print(f"{view.file_number}\t{due}\t{state}")
            print(f"{len(rows)} Fälle zur Löschung fällig.")
        elif command == "propose":
            case_id = _case_id(service, args.case, today)
            service.request_deletion(case_id, args.by, today)
            print(
                f"Löschung von {args.case.strip()} vorgemerkt von {args.by.strip()}. Eine zweite "
                "Person bestätigt mit 'asd-desktop privacy delete'."
            )
        elif command == "delete":
            case_id = _case_id(service, args.case, today)
            report = service.confirm_deletion(case_id, args.by, args.confirm, today)
            print(
                f"{args.case.strip()} endgültig gelöscht ({report.rows} Datensätze); "
                f"Löschaufträge an {report.purge_orders} Laptop(s) gehen mit dem nächsten Paket."
            )
        elif command == "deleted":
            for case_id, at in deleted_cases(opened.database.session_factory):
                print(f"{case_id}\t{at:%d.%m.%Y}")
        else:
            for case_id in args.case_ids:
                try:
                    report = service.reapply_deletion(case_id, args.by)
                except AsdError as exc:
                    print(f"{case_id}: {exc.message}")
                    continue
                print(f"{case_id}: erneut gelöscht ({report.rows} Datensätze).")
    return EXIT_OK
