"""The command line: ``asd-desktop`` opens the window; subcommands do everything scriptable."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from asd_desktop import __version__
from asd_desktop.cli_sync import register as register_sync
from asd_desktop.models.errors import AsdError, DatabaseUnreadableError
from asd_desktop.storage.paths import ENV_DATA_DIR, default_data_dir

EXIT_OK, EXIT_FAILED, EXIT_ERROR = 0, 1, 2


def read_passphrase_file(path: str) -> str:
    """The first line of ``path`` (``-`` reads standard input), without its line break."""
    try:
        raw = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise AsdError(
            f"Die Passphrase-Datei »{path}« lässt sich nicht lesen. Bitte den Pfad prüfen."
        ) from exc
    line = raw.splitlines()[0] if raw else ""
    if not line:
        raise AsdError(f"Die Passphrase-Datei »{path}« ist leer.")
    return line


def _add_data_dir(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help=f"Datenordner (Vorgabe: ${ENV_DATA_DIR} oder der Benutzer-Datenordner)",
    )


def _add_common(p: argparse.ArgumentParser) -> None:
    _add_data_dir(p)
    _add_passphrase(p)


def _add_passphrase(p: argparse.ArgumentParser, required: bool = True) -> None:
    p.add_argument(
        "--passphrase-file",
        required=required,
        help="Datei, deren erste Zeile die Passphrase ist (- für Standardeingabe)",
    )


class _Parser(argparse.ArgumentParser):
    """A parser that never expands abbreviations: ``--passphrase X`` must not name a file."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:  # noqa: ANN401
        kwargs["allow_abbrev"] = False
        super().__init__(*args, **kwargs)


def build_parser() -> argparse.ArgumentParser:
    """All commands and options (sub-commands inherit the parser class)."""
    parser = _Parser(
        prog="asd-desktop",
        description="Fallarbeit im ASD: verschlüsselte Fallakte. Ohne Befehl öffnet sich das "
        "Programmfenster.",
    )
    parser.add_argument("--version", action="version", version=f"asd-desktop {__version__}")
    _add_data_dir(parser)
    sub = parser.add_subparsers(dest="command", metavar="BEFEHL")

    vault = sub.add_parser("vault", help="Tresor: anlegen, Passphrase ändern, wiederherstellen")
    vsub = vault.add_subparsers(dest="vault_command", metavar="AKTION", required=True)
    init = vsub.add_parser("init", help="neuen Tresor und neue Datenbank anlegen")
    _add_data_dir(init)
    _add_passphrase(init)
    init.add_argument("--recovery-recipient", help="öffentlicher Schlüssel der Dienststelle")
    change = vsub.add_parser("change-passphrase", help="Passphrase ändern (neu verpacken)")
    _add_data_dir(change)
    _add_passphrase(change)
    change.add_argument("--new-passphrase-file", required=True)
    rec_set = vsub.add_parser(
        "set-recovery", help="Wiederherstellungsschlüssel der Dienststelle eintragen"
    )
    _add_data_dir(rec_set)
    _add_passphrase(rec_set)
    rec_set.add_argument("--recipient", required=True, help="age1… der Dienststelle")
    recover = vsub.add_parser(
        "recover", help="mit dem Schlüssel der Dienststelle eine neue Passphrase setzen"
    )
    _add_data_dir(recover)
    recover.add_argument(
        "--identity", required=True, help="Datei mit der age-Identität (AGE-SECRET-KEY-…)"
    )
    what = recover.add_mutually_exclusive_group(required=True)
    what.add_argument("--new-passphrase-file", help="Datei mit der neuen Passphrase")
    what.add_argument(
        "--print-db-key",
        action="store_true",
        help="den rohen Datenbankschlüssel (hex) ausgeben, für SQLCipher-4-Werkzeuge",
    )

    check = sub.add_parser("check", help="Datenbank und Protokollkette prüfen")
    _add_data_dir(check)
    _add_passphrase(check)

    demo = sub.add_parser("demo", help="einen Demo-Tresor mit erfundenen Familien anlegen")
    _add_data_dir(demo)
    _add_passphrase(demo)
    demo.add_argument("--cases", type=int, default=None, help="Anzahl Fälle (z. B. 5000)")
    demo.add_argument("--contacts-per-case", type=int, default=50)
    demo.add_argument("--seed", type=int, default=2014)

    bench = sub.add_parser("bench", help="Messungen auf einem Demo-Tresor")
    _add_data_dir(bench)
    _add_passphrase(bench)
    bench.add_argument("--json", action="store_true", help="Ergebnis als JSON")
    bench.add_argument(
        "--rounds", type=int, default=3, help="Wiederholungen der teuren Messungen (Vorgabe 3)"
    )
    bench.add_argument(
        "--workload-cases",
        type=int,
        default=30,
        help="Fälle im Vergleich verschlüsselt/unverschlüsselt (Vorgabe 30)",
    )

    documents = sub.add_parser("documents", help="gespeicherte Dokumente eines Falls")
    dsub = documents.add_subparsers(dest="documents_command", metavar="AKTION", required=True)
    export = dsub.add_parser("export", help="alle Dokumente eines Falls als Dateien schreiben")
    _add_data_dir(export)
    _add_passphrase(export)
    export.add_argument("--case", required=True, metavar="AKTENZEICHEN", help="Aktenzeichen")
    export.add_argument("--out", required=True, type=Path, metavar="ORDNER", help="Zielordner")

    _HANDLERS.update(register_sync(sub, _add_common))

    goal_check = sub.add_parser(
        "goal-check",
        help="Ziele prüfen: Hinweise zu Maßnahmen, unklaren Worten, fehlendem »bis wann« …",
        description="Prüft Zielformulierungen, eine je Zeile von der Standardeingabe oder als "
        "Argumente, und gibt Hinweise aus. Hinweise sind keine Fehler: Exit-Code 0.",
    )
    goal_check.add_argument("texts", nargs="*", metavar="ZIEL", help="zu prüfende Ziele")
    goal_check.add_argument(
        "--json", action="store_true", help="je Ziel eine Zeile JSON: text und findings"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = build_parser().parse_args(argv)
    data_dir: Path = args.data_dir or default_data_dir()
    try:
        if args.command is None:
            from asd_desktop.app import run_app

            return run_app(data_dir)
        handler = _HANDLERS[args.command]
        return handler(args, data_dir)
    except AsdError as exc:
        print(f"Fehler: {exc.message}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("Abgebrochen.", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        # The reader of our output (e.g. ``head``) stopped early; nothing to report.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except (OSError, MemoryError, RuntimeError, ValueError, LookupError, TypeError) as exc:
        # Unexpected: name the kind only; its text could quote a record's values.
        print(
            f"Interner Fehler ({type(exc).__name__}). Angefangene Änderungen wurden "
            "zurückgenommen. Bitte den Fehler mit dem Befehl melden, der ihn auslöste.",
            file=sys.stderr,
        )
        return EXIT_ERROR


def _vault(args: argparse.Namespace, data_dir: Path) -> int:
    from asd_desktop.services import vault

    with vault.DataDirLock(data_dir):
        if args.vault_command == "init":
            pw = read_passphrase_file(args.passphrase_file)
            vault.create_vault(data_dir, pw, pw, args.recovery_recipient).close()
            print(f"Tresor angelegt in {data_dir}")
        elif args.vault_command == "change-passphrase":
            old = read_passphrase_file(args.passphrase_file)
            new = read_passphrase_file(args.new_passphrase_file)
            vault.change_passphrase(data_dir, old, new, new)
            print("Passphrase geändert.")
        elif args.vault_command == "set-recovery":
            pw = read_passphrase_file(args.passphrase_file)
            vault.set_recovery_recipient(data_dir, pw, args.recipient)
            print("Wiederherstellungsschlüssel der Dienststelle eingetragen.")
        elif args.vault_command == "recover":
            identity = read_identity(args.identity)
            if args.print_db_key:
                print(vault.recover_data_key(data_dir, identity).hex())
            else:
                new = read_passphrase_file(args.new_passphrase_file)
                vault.unlock_with_recovery(data_dir, identity, new, new)
                print("Neue Passphrase gesetzt.")
    return EXIT_OK


def read_identity(path: str) -> str:
    """The first ``AGE-SECRET-KEY-`` line of an age identity file."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise AsdError(f"Die Schlüsseldatei »{path}« lässt sich nicht lesen.") from exc
    for line in lines:
        if line.strip().startswith("AGE-SECRET-KEY-"):
            return line.strip()
    raise AsdError(f"In »{path}« steht kein age-Schlüssel (AGE-SECRET-KEY-…).")


def _check(args: argparse.Namespace, data_dir: Path) -> int:
    from asd_desktop.services import vault
    from asd_desktop.services.check import check_database

    pw = read_passphrase_file(args.passphrase_file)
    with vault.DataDirLock(data_dir):
        try:
            opened = vault.unlock_vault(data_dir, pw)
        except DatabaseUnreadableError as exc:
            # The passphrase was right; that the database does not open is the finding.
            print(f"FEHLER  Datenbank öffnen: {exc.message}")
            print("Prüfung NICHT bestanden.")
            return EXIT_FAILED
        try:
            results = check_database(opened.database)
        finally:
            opened.close()
    for r in results:
        print(f"{'OK    ' if r.ok else 'FEHLER'}  {r.name}: {r.detail}")
    ok = all(r.ok for r in results)
    print("Prüfung bestanden." if ok else "Prüfung NICHT bestanden.")
    return EXIT_OK if ok else EXIT_FAILED


def _demo(args: argparse.Namespace, data_dir: Path) -> int:
    from asd_desktop.demo import fill_demo
    from asd_desktop.services import vault

    pw = read_passphrase_file(args.passphrase_file)
    if vault.vault_exists(data_dir):
        raise AsdError(
            f"Im Ordner »{data_dir}« gibt es bereits einen Tresor; er bleibt unverändert. "
            "Der Demo-Tresor wird nur in einem neuen, leeren Ordner angelegt: bitte mit "
            "--data-dir einen anderen Ordner angeben."
        )
    with vault.DataDirLock(data_dir):
        opened = vault.create_vault(data_dir, pw, pw)
        try:
            summary = fill_demo(
                opened.database.session_factory,
                opened.database.device_id,
                cases=args.cases,
                contacts_per_case=args.contacts_per_case,
                seed=args.seed,
                progress=lambda done, total: print(
                    f"\r{done}/{total} Fälle", end="", file=sys.stderr, flush=True
                ),
            )
        finally:
            opened.close()
    print(file=sys.stderr)
    print(f"Demo-Tresor angelegt in {data_dir}: {summary}")
    return EXIT_OK


def _bench(args: argparse.Namespace, data_dir: Path) -> int:
    # The benchmark lives in the source checkout's benchmarks/, not in the installed wheel.
    try:
        from benchmarks.demo_bench import run_bench
    except ModuleNotFoundError as exc:
        if exc.name not in ("benchmarks", "benchmarks.demo_bench"):
            raise
        print(
            "Fehler: Die Messungen laufen nur aus dem Quellcode-Verzeichnis (Ordner "
            "benchmarks/); im installierten Paket sind sie nicht enthalten.",
            file=sys.stderr,
        )
        return EXIT_ERROR

    pw = read_passphrase_file(args.passphrase_file)
    return run_bench(
        data_dir,
        pw,
        as_json=args.json,
        rounds=max(1, args.rounds),
        workload_cases=max(1, args.workload_cases),
    )


def _documents(args: argparse.Namespace, data_dir: Path) -> int:
    from asd_desktop.services import vault

    pw = read_passphrase_file(args.passphrase_file)
    with vault.DataDirLock(data_dir):
        opened = vault.unlock_vault(data_dir, pw)
        try:
            written = opened.documents.export_case(args.case, args.out)
        finally:
            opened.close()
    for path in written:
        print(path)
    print(f"{len(written)} Dokument(e) geschrieben nach {args.out}")
    return EXIT_OK


_HANDLERS = {"vault": _vault, "check": _check, "demo": _demo, "bench": _bench}
_HANDLERS["documents"] = _documents


def _goal_check(args: argparse.Namespace, data_dir: Path) -> int:
    """Print the goal checker's findings for each goal (arguments, else one per stdin line)."""
    import json

    from asd_desktop.goals import CODE_LABELS, check_goal

    if args.texts:
        lines: list[str] = list(args.texts)
    else:
        raw = getattr(sys.stdin, "buffer", None)
        text = raw.read().decode("utf-8", errors="replace") if raw else sys.stdin.read()
        lines = text.splitlines()
    first = True
    for line in lines:
        goal = line.strip()
        if not goal:
            continue
        findings = check_goal(goal)
        if args.json:
            record = {
                "text": goal,
                "findings": [{"code": f.code, "message": f.message} for f in findings],
            }
            print(json.dumps(record, ensure_ascii=False))
            continue
        if not first:
            print()
        first = False
        print(f"Ziel: {goal}")
        if not findings:
            print("  keine Hinweise")
        for f in findings:
            print(f"  - {CODE_LABELS[f.code]} ({f.code}): {f.message}")
    return EXIT_OK


_HANDLERS["goal-check"] = _goal_check
