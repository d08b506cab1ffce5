"""``asd-desktop report wirkung``: the Wirkungsbericht on the command line (table, CSV, PDF)."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from asd_desktop.cli.common import EXIT_OK, Handler, SubParsers, add_common, opened_vault
from asd_desktop.models.errors import AsdError


def _date(text: str) -> dt.date:
    """A reference day as 31.12.2012 or 2012-12-31."""
    value = text.strip()
    for pattern in ("%d.%m.%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise argparse.ArgumentTypeError(
        f"»{text}« ist kein Datum. Bitte als TT.MM.JJJJ angeben, z. B. 31.12.2012."
    )


def register(sub: SubParsers) -> dict[str, Handler]:
    """Add the ``report`` command; returns its handler."""
    report = sub.add_parser("report", help="Auswertungen über viele Fälle, ohne Namen")
    rsub = report.add_subparsers(dest="report_command", metavar="BERICHT", required=True)
    wirkung = rsub.add_parser(
        "wirkung",
        help="Wirkungsbericht: laufende Hilfen einer Pilotgruppe und einer Vergleichsgruppe "
        "an zwei Stichtagen, Ausgaben und bereinigter Effekt",
        description="Zählt die laufenden Hilfen einer Pilotgruppe (Team, Sozialraum oder "
        "Bezirk) und einer Vergleichsgruppe an zwei Stichtagen, die Ausgaben je Kalenderjahr "
        "und den bereinigten Effekt. Ohne --comparison: der Rest der Datenbank. Felder mit "
        "weniger als drei Fällen stehen als »< 3«; der Bericht nennt keine Namen.",
    )
    add_common(wirkung)
    wirkung.add_argument(
        "--pilot", required=True, metavar="GRUPPE", help="Team, Sozialraum oder Bezirk"
    )
    wirkung.add_argument(
        "--comparison",
        default=None,
        metavar="GRUPPE",
        help="Vergleichsgruppe (Vorgabe: der Rest der Datenbank)",
    )
    wirkung.add_argument(
        "--baseline", required=True, type=_date, metavar="DATUM", help="erster Stichtag"
    )
    wirkung.add_argument(
        "--until", required=True, type=_date, metavar="DATUM", help="zweiter Stichtag"
    )
    wirkung.add_argument("--csv", type=Path, default=None, metavar="DATEI", help="als CSV")
    wirkung.add_argument("--pdf", type=Path, default=None, metavar="DATEI", help="als PDF")
    return {"report": _report}


def _report(args: argparse.Namespace, data_dir: Path) -> int:
    from asd_desktop.domain.wirkung import period_problem, table_lines
    from asd_desktop.models.errors import ValidationError
    from asd_desktop.services.wirkung import (
        REST,
        WirkungService,
        load_costs,
        write_csv,
        write_pdf,
    )

    problem = period_problem(args.baseline, args.until)
    if problem:
        raise AsdError(f"{problem} Bitte --baseline und --until prüfen.")
    targets = [p.expanduser() for p in (args.csv, args.pdf) if p is not None]
    for target in targets:
        if target.is_dir():
            raise AsdError(f"»{target}« ist ein Ordner. Bitte einen Dateinamen angeben.")
        if not target.parent.is_dir():
            raise AsdError(
                f"Den Ordner »{target.parent}« gibt es nicht. Bitte einen vorhandenen Ordner "
                "angeben; es wurde nichts geschrieben."
            )
    with opened_vault(args, data_dir) as opened:
        service = WirkungService(opened.database.session_factory)
        try:
            pilot = service.find_group(args.pilot, "Pilotgruppe")
            comparison = (
                REST
                if args.comparison is None
                else service.find_group(args.comparison, "Vergleichsgruppe")
            )
            report = service.report(
                pilot, comparison, args.baseline, args.until, load_costs(data_dir, pilot)
            )
        except ValidationError as exc:
            raise AsdError(" ".join(exc.problems.values())) from None
    print("\n".join(table_lines(report)))
    if args.csv is not None:
        print(f"\nCSV geschrieben: {write_csv(report, args.csv.expanduser())}")
    if args.pdf is not None:
        print(f"PDF geschrieben: {write_pdf(report, args.pdf.expanduser())}")
    return EXIT_OK
