"""The command line: ``asd-desktop`` opens the window; subcommands do everything scriptable."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from asd_desktop import __version__
from asd_desktop.cli import calendar as calendar_commands
from asd_desktop.cli import demo as demo_commands
from asd_desktop.cli import documents as documents_commands
from asd_desktop.cli import goals as goals_commands
from asd_desktop.cli import network as network_commands
from asd_desktop.cli import office as office_commands
from asd_desktop.cli import privacy as privacy_commands
from asd_desktop.cli import report as report_commands
from asd_desktop.cli import sync as sync_commands
from asd_desktop.cli import vault as vault_commands
from asd_desktop.cli.common import (
    EXIT_ERROR,
    EXIT_OK,
    Handler,
    Parser,
    add_data_dir,
    check_data_dir,
    os_error_text,
)
from asd_desktop.models.errors import AsdError
from asd_desktop.storage import server
from asd_desktop.storage.paths import default_data_dir
from asd_desktop.storage.server import ENV_DATABASE_URL


def build_parser() -> argparse.ArgumentParser:
    """All commands and options (sub-commands inherit the parser class)."""
    return _parser_and_handlers()[0]


def _parser_and_handlers() -> tuple[argparse.ArgumentParser, dict[str, Handler]]:
    """The parser, and the handler of each command by its name."""
    parser = Parser(
        prog="asd-desktop",
        description="Fallarbeit im ASD: verschlüsselte Fallakte. Ohne Befehl öffnet sich das "
        "Programmfenster.",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"asd-desktop {__version__}",
        help="die Versionsnummer anzeigen und beenden",
    )
    add_data_dir(parser, top_level=True)
    sub = parser.add_subparsers(dest="command", metavar="BEFEHL")
    handlers: dict[str, Handler] = {}
    # The order here is the order of ``asd-desktop --help``.
    for register in (
        vault_commands.register,
        demo_commands.register,
        documents_commands.register,
        sync_commands.register,
        goals_commands.register,
        network_commands.register,
        calendar_commands.register,
        office_commands.register,
        privacy_commands.register,
        report_commands.register,
    ):
        handlers.update(register(sub))
    return parser, handlers


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code.

    Started as the program (no ``argv``: the console script, ``python -m asd_desktop``, the
    built program, and through it the window), the process is hardened first: no core
    dump, not dumpable, owner-only files. A test that calls ``main([...])`` in its own
    process keeps that process as it is.
    """
    if argv is None:
        from asd_desktop.storage.process import harden_process

        harden_process()  # before any key, passphrase or name is in memory
    parser, handlers = _parser_and_handlers()
    args = parser.parse_args(argv)
    data_dir: Path = args.data_dir or default_data_dir()
    try:
        server.use_server(data_dir, args.database_url or os.environ.get(ENV_DATABASE_URL))
        if args.command is None:
            from asd_desktop.app import run_app

            check_data_dir(data_dir, vault_needed=False)
            return run_app(data_dir)
        handler = handlers[args.command]
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
    except OSError as exc:
        # A folder or file the user named (or a file named after no one): say what to do.
        text = os_error_text(exc)
        if text is None:
            return _internal_error(exc)
        print(f"Fehler: {text}", file=sys.stderr)
        return EXIT_ERROR
    except (MemoryError, RuntimeError, ValueError, LookupError, TypeError) as exc:
        return _internal_error(exc)


def _internal_error(exc: BaseException) -> int:
    """Report an unexpected error by its kind only; its text could quote a record's values."""
    print(
        f"Interner Fehler ({type(exc).__name__}). Angefangene Änderungen wurden "
        "zurückgenommen. Bitte den Fehler mit dem Befehl melden, der ihn auslöste.",
        file=sys.stderr,
    )
    return EXIT_ERROR
