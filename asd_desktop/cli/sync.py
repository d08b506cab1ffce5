"""``asd-desktop bundle|device|dump``: devices, case assignment, bundles and the dump."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from asd_desktop.cli.common import (
    EXIT_OK,
    Handler,
    SubParsers,
    add_common,
    check_folder_writable,
    check_input_file,
    opened_vault,
    read_code_file,
)
from asd_desktop.domain.german import counted
from asd_desktop.domain.sync_states import DeviceScope
from asd_desktop.models.errors import AsdError


def register(sub: SubParsers) -> dict[str, Handler]:
    """Add the ``bundle``, ``device`` and ``dump`` commands; returns their handlers."""
    bundle = sub.add_parser("bundle", help="Austauschpakete schreiben, einlesen, ansehen")
    bsub = bundle.add_subparsers(dest="bundle_command", metavar="AKTION", required=True)
    export = bsub.add_parser("export", help="ein Paket für ein Gerät schreiben")
    add_common(export)
    export.add_argument(
        "--to", required=True, metavar="GERÄT", help="Empfänger (Name oder Kennung)"
    )
    export.add_argument("--out", required=True, type=Path, metavar="ORDNER", help="Zielordner")
    imp = bsub.add_parser("import", help="ein Paket prüfen und einlesen")
    add_common(imp)
    imp.add_argument("file", type=Path, metavar="DATEI")
    inspect = bsub.add_parser("inspect", help="die Kopfdaten eines Pakets zeigen (schreibt nichts)")
    add_common(inspect)
    inspect.add_argument("file", type=Path, metavar="DATEI")

    device = sub.add_parser("device", help="Geräte: Büro einrichten, Laptops einrichten, zuteilen")
    dsub = device.add_subparsers(dest="device_command", metavar="AKTION", required=True)
    office = dsub.add_parser("init-office", help="diese Datenbank zum Büro machen")
    add_common(office)
    office.add_argument(
        "--name", required=True, metavar="NAME", help="Name des Büros, z. B. »ASD Bezirk Nord«"
    )
    enroll = dsub.add_parser("enroll", help="Büro: einen Laptop einrichten (Einrichtungsdatei)")
    add_common(enroll)
    enroll.add_argument("--name", required=True, metavar="NAME", help="Name des Geräts")
    enroll.add_argument("--out", required=True, type=Path, metavar="ORDNER", help="Zielordner")
    enroll.add_argument(
        "--replaces",
        metavar="GERÄT",
        help="ersetzt dieses (z. B. aus Sicherung zurückgespielte) Gerät",
    )
    enroll.add_argument(
        "--role",
        choices=("fallfuehrung", "familienrat"),
        default=None,
        help="was das Gerät von seinen Fällen bekommt: fallfuehrung (ganze Fälle, Vorgabe) "
        "oder familienrat (Familienrat-Koordination, extern: nur der Familienrat)",
    )
    join = dsub.add_parser("join", help="Laptop: die Einrichtungsdatei aus dem Büro übernehmen")
    add_common(join)
    join.add_argument("file", type=Path, metavar="DATEI")
    join.add_argument(
        "--code-file",
        required=True,
        metavar="DATEI",
        help="Datei mit dem Einrichtungscode (- für Standardeingabe)",
    )
    lst = dsub.add_parser("list", help="eingetragene Geräte zeigen")
    add_common(lst)
    revoke = dsub.add_parser("revoke", help="Büro: ein Gerät sperren")
    add_common(revoke)
    revoke.add_argument("device", metavar="GERÄT")
    for name, text in (("assign", "Fälle zuteilen"), ("unassign", "Fälle zurücknehmen")):
        p = dsub.add_parser(name, help=f"Büro: einem Laptop {text}")
        add_common(p)
        p.add_argument("device", metavar="GERÄT")
        p.add_argument("cases", nargs="*", metavar="FALL", help="Aktenzeichen oder Fall-Kennung")
        if name == "assign":
            p.add_argument("--all", action="store_true", help="alle offenen Fälle zuteilen")
    cases = dsub.add_parser("cases", help="die einem Laptop zugeteilten Fälle zeigen")
    add_common(cases)
    cases.add_argument("device", metavar="GERÄT")

    dump = sub.add_parser(
        "dump", help="alle Datensätze, Konfliktfassungen und Löschungen als kanonisches JSON"
    )
    add_common(dump)
    return {"bundle": _bundle, "device": _device, "dump": _dump}


def _dt(value: Any) -> str:  # noqa: ANN401
    return value.strftime("%d.%m.%Y %H:%M") if value else "—"


def _bundle(args: argparse.Namespace, data_dir: Path) -> int:
    from asd_desktop.services.sync.tables import record_label

    if args.bundle_command == "export":
        check_folder_writable(args.out, "Zielordner")
    else:
        check_input_file(args.file, "Paketdatei")
    with opened_vault(args, data_dir) as ov:
        if args.bundle_command == "export":
            result = ov.sync.export(args.to, args.out)
            print(f"Paket geschrieben: {result.path}")
            print(
                f"{counted(result.total, 'Datensatz', 'Datensätze')} für "
                f"»{result.recipient_name}« "
                f"(Paket Nr. {result.sequence}), gelesen und geprüft."
            )
            return EXIT_OK
        if args.bundle_command == "inspect":
            manifest = ov.sync.inspect(args.file)
            print(json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True))
            return EXIT_OK
        report = ov.sync.import_bundle(args.file)
        if report.already_imported:
            print(
                f"Dieses Paket von »{report.sender_name}« wurde bereits eingelesen; "
                "nichts geändert."
            )
            return EXIT_OK
        print(
            f"Paket von »{report.sender_name}« eingelesen: "
            f"{counted(report.total, 'Datensatz', 'Datensätze')}."
        )
        for label, count in sorted((record_label(t), n) for t, n in report.changed.items()):
            print(f"  {label}: {count}")
        if report.new_conflicts:
            conflicts = counted(len(report.new_conflicts), "neuer Konflikt", "neue Konflikte")
            print(
                f"{conflicts} – bitte im Programmfenster unter Datei → Konfliktposteingang "
                "entscheiden, welche Fassung gilt:"
            )
            for conflict in report.new_conflicts:
                print(f"  {conflict.text}")
        if report.refused_message:
            print(report.refused_message)
        if report.refused_records_message:
            print(report.refused_records_message)
        if report.resend_message:
            print(report.resend_message)
        if report.withdrawn_cases:
            taken = counted(report.withdrawn_cases, "Fall wurde", "Fälle wurden")
            print(f"{taken} vom Büro zurückgenommen.")
        if report.evicted_cases:
            gone = counted(
                report.evicted_cases,
                "zurückgenommener Fall wurde",
                "zurückgenommene Fälle wurden",
            )
            print(f"{gone} von diesem Gerät entfernt.")
        return EXIT_OK


def _device(args: argparse.Namespace, data_dir: Path) -> int:
    code = ""  # the enrolment code, read before anything is opened
    if args.device_command == "enroll":
        check_folder_writable(args.out, "Zielordner")
    elif args.device_command == "join":
        check_input_file(args.file, "Einrichtungsdatei")
        code = read_code_file(args.code_file)
    with opened_vault(args, data_dir) as ov:
        sync = ov.sync
        command = args.device_command
        if command == "init-office":
            status = sync.init_office(args.name)
            print(f"Diese Datenbank ist jetzt das Büro »{status.name}«.")
            print(f"Schlüssel-Fingerabdruck: {status.fingerprint}")
            return EXIT_OK
        if command == "enroll":
            scope = DeviceScope.FAMILIENRAT if args.role == "familienrat" else ""
            result = sync.enroll(args.name, args.out, args.replaces, scope)
            print(f"Einrichtungsdatei: {result.path}")
            if scope:
                print(f"Rolle: {DeviceScope(scope).label} – bekommt nur den Familienrat der Fälle")
            print(f"Einrichtungscode:  {result.code}")
            print(f"Gerät »{result.name}« ({result.device_id})")
            print(f"Fingerabdruck Büro:  {result.office_fingerprint}")
            print(f"Fingerabdruck Gerät: {result.device_fingerprint}")
            print("Den Code nur persönlich weitergeben; die Fingerabdrücke am Gerät vergleichen.")
            return EXIT_OK
        if command == "join":
            joined = sync.join(args.file, code)
            print(f"Dieses Gerät ist jetzt »{joined.name}« ({joined.device_id}).")
            print(f"Büro: »{joined.office_name}«")
            print(f"Fingerabdruck Büro:  {joined.office_fingerprint}")
            print(f"Fingerabdruck Gerät: {joined.device_fingerprint}")
            print(joined.enrollment_note)
            print("Bitte mit den Fingerabdrücken vergleichen, die das Büro zeigt.")
            return EXIT_OK
        if command == "list":
            status = sync.status()
            print(f"Dieses Gerät: {status.role_label} »{status.name}« ({status.device_id})")
            if status.fingerprint:
                print(f"Fingerabdruck: {status.fingerprint}")
            for peer in status.peers:
                role = "Familienrat" if peer.moderator else peer.role_label
                print(
                    f"{peer.device_id}  {role:<6}  {peer.state_label:<10}  "
                    f"Fälle {peer.assigned_cases:>4}  Import {_dt(peer.last_import_at)}  "
                    f"Export {_dt(peer.last_export_at)}  {peer.name}"
                )
            return EXIT_OK
        if command == "revoke":
            device = sync.revoke(args.device)
            print(f"Gerät »{device.name}« ist gesperrt; seine Pakete werden abgelehnt.")
            return EXIT_OK
        if command == "cases":
            for case_id in sync.assigned_cases(args.device):
                print(case_id)
            return EXIT_OK
        if command == "assign" and args.all:
            print(f"{counted(sync.assign_all(args.device), 'Fall', 'Fälle')} neu zugeteilt.")
            return EXIT_OK
        if not args.cases:
            raise AsdError("Bitte mindestens einen Fall (Aktenzeichen) angeben.")
        for case_ref in args.cases:
            if command == "assign":
                changed = sync.assign(case_ref, args.device)
                print(f"{case_ref}: {'zugeteilt' if changed else 'war schon zugeteilt'}")
            else:
                sync.unassign(case_ref, args.device)
                print(f"{case_ref}: wird zurückgenommen (nach dem nächsten Austausch entfernt)")
        return EXIT_OK


def _dump(args: argparse.Namespace, data_dir: Path) -> int:
    with opened_vault(args, data_dir) as ov:
        lines = ov.sync.dump()
    for line in lines:
        sys.stdout.write(line + "\n")
    sys.stdout.flush()
    return EXIT_OK
