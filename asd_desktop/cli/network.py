"""``asd-desktop network export``: every version of every Netzwerkkarte of a case, PDF and PNG.

The PDF is the printed A4 page (reportlab); the PNG is painted by the same Qt
painter the window uses, on an image, so the command needs no display (Qt's
offscreen platform). File names carry the Aktenzeichen and numbers, never a name.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from asd_desktop.cli.common import (
    EXIT_OK,
    Handler,
    SubParsers,
    add_common,
    check_folder_writable,
    opened_vault,
)
from asd_desktop.models.errors import AsdError
from asd_desktop.services.network import MapPicture
from asd_desktop.storage.atomic import atomic_write


def register(sub: SubParsers) -> dict[str, Handler]:
    """Add the ``network`` command; returns its handler."""
    network = sub.add_parser("network", help="Netzwerkkarten eines Falls")
    nsub = network.add_subparsers(dest="network_command", metavar="AKTION", required=True)
    export = nsub.add_parser(
        "export",
        help="jede gespeicherte Fassung jeder Netzwerkkarte des Falls als PDF (A4) und PNG "
        "schreiben; Dateinamen ohne Namen",
    )
    add_common(export)
    export.add_argument(
        "--case", required=True, metavar="AKTENZEICHEN", help="Aktenzeichen des Falls"
    )
    export.add_argument("--out", required=True, type=Path, metavar="ORDNER", help="Zielordner")
    return {"network": _network}


def file_stem(file_number: str, picture: MapPicture) -> str:
    """netzwerkkarte-ASD-M-2024-0113-karte-1-fassung-2 (no person's name)."""
    safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in file_number)
    version = f"fassung-{picture.version_number}" if picture.version_number else "aktuell"
    return f"netzwerkkarte-{safe}-karte-{picture.map_number}-{version}"


def _png(picture: MapPicture) -> bytes:
    """The picture painted by Qt, on the offscreen platform when no display is wanted."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from asd_desktop.ui.network_map.painter import picture_image, png_bytes

    if QGuiApplication.instance() is None:
        _keep.append(QGuiApplication(["asd-desktop"]))
    subtitle = picture.version_text + (f" · {picture.review_label}" if picture.review_label else "")
    return png_bytes(picture_image(picture.entries, picture.centre_name, picture.title, subtitle))


_keep: list[object] = []


def _network(args: argparse.Namespace, data_dir: Path) -> int:
    out: Path = args.out.expanduser()
    check_folder_writable(out, "Zielordner")
    with opened_vault(args, data_dir) as opened:
        wanted = args.case.strip()
        row = next((r for r in opened.cases.list_cases() if r.file_number == wanted), None)
        if row is None:
            raise AsdError(
                f"Einen Fall mit dem Aktenzeichen »{wanted}« gibt es in dieser Fallakte nicht. "
                "Bitte das Aktenzeichen prüfen (genau wie in der Fallliste)."
            )
        pictures = opened.network.pictures(row.id)
        if not pictures:
            print(f"Der Fall {wanted} hat keine Netzwerkkarte; nichts geschrieben.")
            return EXIT_OK
        out.mkdir(parents=True, exist_ok=True)
        written: list[str] = []
        for picture in pictures:
            stem = file_stem(wanted, picture)
            atomic_write(out / f"{stem}.pdf", opened.network.pdf(picture))
            atomic_write(out / f"{stem}.png", _png(picture))
            written += [f"{stem}.pdf", f"{stem}.png"]
    maps = len({p.map_id for p in pictures})
    print(
        f"{len(pictures)} Fassung{'' if len(pictures) == 1 else 'en'} von {maps} "
        f"Netzwerkkarte{'' if maps == 1 else 'n'} geschrieben nach {out}:"
    )
    for name in written:
        print(f"  {name}")
    print(
        "Die Dateien sind ein Export auf Ihren Wunsch und liegen unverschlüsselt vor: Sie "
        "zeigen Namen aus dem Netzwerk der Familie. Bitte wie Papierakten behandeln."
    )
    return EXIT_OK
