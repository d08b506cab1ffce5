"""``asd-desktop documents export``: the stored documents of a case as files."""

from __future__ import annotations

import argparse
from pathlib import Path

from asd_desktop.cli.common import (
    EXIT_OK,
    Handler,
    SubParsers,
    add_common,
    check_folder_writable,
    opened_vault,
)
from asd_desktop.domain.german import counted


def register(sub: SubParsers) -> dict[str, Handler]:
    """Add the ``documents`` command; returns its handler."""
    documents = sub.add_parser("documents", help="gespeicherte Dokumente eines Falls")
    dsub = documents.add_subparsers(dest="documents_command", metavar="AKTION", required=True)
    export = dsub.add_parser("export", help="alle Dokumente eines Falls als Dateien schreiben")
    add_common(export)
    export.add_argument("--case", required=True, metavar="AKTENZEICHEN", help="Aktenzeichen")
    export.add_argument("--out", required=True, type=Path, metavar="ORDNER", help="Zielordner")
    return {"documents": _documents}


def _documents(args: argparse.Namespace, data_dir: Path) -> int:
    check_folder_writable(args.out, "Zielordner")
    with opened_vault(args, data_dir) as opened:
        written = opened.documents.export_case(args.case, args.out)
    for path in written:
        print(path)
    print(f"{counted(len(written), 'Dokument', 'Dokumente')} geschrieben nach {args.out}")
    return EXIT_OK
