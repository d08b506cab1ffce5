"""``asd-desktop documents export``: the stored documents of a case as files.

``asd-desktop documents verify FILE.pdf`` (or ``--code``): is a paper the stored one?
"""

from __future__ import annotations

import argparse
from pathlib import Path

from asd_desktop.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    Handler,
    SubParsers,
    add_common,
    check_folder_writable,
    opened_vault,
)
from asd_desktop.domain.entrusted import Exit, held_notice
from asd_desktop.domain.german import counted
from asd_desktop.models.errors import AsdError


def register(sub: SubParsers) -> dict[str, Handler]:
    """Add the ``documents`` command; returns its handler."""
    documents = sub.add_parser("documents", help="gespeicherte Dokumente eines Falls")
    dsub = documents.add_subparsers(dest="documents_command", metavar="AKTION", required=True)
    export = dsub.add_parser("export", help="alle Dokumente eines Falls als Dateien schreiben")
    add_common(export)
    export.add_argument("--case", required=True, metavar="AKTENZEICHEN", help="Aktenzeichen")
    export.add_argument("--out", required=True, type=Path, metavar="ORDNER", help="Zielordner")
    verify = dsub.add_parser(
        "verify", help="prüfen, ob ein Dokument echt und unverändert ist (Datei oder Prüfcode)"
    )
    add_common(verify)
    verify.add_argument("file", nargs="?", type=Path, metavar="DATEI.pdf", help="die PDF-Datei")
    verify.add_argument("--code", metavar="PRÜFCODE", help="der Prüfcode vom Papier, abgetippt")
    return {"documents": _documents}


def _documents(args: argparse.Namespace, data_dir: Path) -> int:
    if args.documents_command == "verify":
        return _verify(args, data_dir)
    check_folder_writable(args.out, "Zielordner")
    with opened_vault(args, data_dir) as opened:
        written = opened.documents.export_case(args.case, args.out)
        held = opened.documents.entrusted_held(args.case)
    for path in written:
        print(path)
    print(f"{counted(len(written), 'Dokument', 'Dokumente')} geschrieben nach {args.out}")
    if held:
        print(held_notice(held, Exit.OUTPUT))
    return EXIT_OK


def _verify(args: argparse.Namespace, data_dir: Path) -> int:
    """Print the answer on the first line, the reason below; 0 only for "echt"."""
    if (args.file is None) == (args.code is None):
        raise AsdError(
            "Bitte entweder eine PDF-Datei angeben (asd-desktop documents verify DATEI.pdf) "
            "oder den Prüfcode vom Papier (--code 7K3M-9XQ2-4TPA-C)."
        )
    content = b""
    if args.file is not None:
        try:
            content = args.file.read_bytes()
        except OSError as exc:
            raise AsdError(
                f"Die Datei »{args.file}« kann nicht gelesen werden ({exc.strerror}). "
                "Bitte den Pfad prüfen."
            ) from exc
    with opened_vault(args, data_dir) as opened:
        if args.file is not None:
            result = opened.documents.verify_file(content)
        else:
            result = opened.documents.verify_code(args.code)
    for line in result.lines():
        print(line)
    return EXIT_OK if result.answer.startswith("echt") else EXIT_FAILED
