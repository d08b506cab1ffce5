"""``asd-desktop calendar export``: the dated items of every case for the office calendar."""

from __future__ import annotations

import argparse
from pathlib import Path

from asd_desktop.cli.common import EXIT_OK, Handler, SubParsers, add_common, opened_vault


def register(sub: SubParsers) -> dict[str, Handler]:
    """Add the ``calendar`` command; returns its handler."""
    calendar = sub.add_parser("calendar", help="Termine und Fristen für den Bürokalender")
    csub = calendar.add_subparsers(dest="calendar_command", metavar="AKTION", required=True)
    export = csub.add_parser(
        "export",
        help="alle offenen Termine und Fristen als iCalendar-Datei (.ics) schreiben; "
        "nur Aktenzeichen und Art, keine Namen",
    )
    add_common(export)
    export.add_argument(
        "--out", required=True, type=Path, metavar="DATEI.ics", help="Zieldatei (.ics)"
    )
    return {"calendar": _calendar}


def _calendar(args: argparse.Namespace, data_dir: Path) -> int:
    out: Path = args.out.expanduser()
    with opened_vault(args, data_dir) as opened:
        summary = opened.calendar.export(out)
    print(
        f"Export in den Bürokalender geschrieben: {summary.path} — {summary.items} offene "
        f"Termine und Fristen (neu: {summary.new}, geändert: {summary.changed}, "
        f"entfallen: {summary.cancelled})."
    )
    print(
        "Die Datei ist ein Export auf Ihren Wunsch und liegt unverschlüsselt vor: Sie nennt nur "
        "Aktenzeichen und Art des Termins, keine Namen und keine Notizen. Beim erneuten "
        "Import werden die Termine im Kalender aktualisiert, nicht verdoppelt."
    )
    return EXIT_OK
