"""What every command shares: exit codes, reading secrets from files, common options, the vault."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from asd_desktop.models.errors import AsdError
from asd_desktop.storage.paths import ENV_DATA_DIR

if TYPE_CHECKING:
    from asd_desktop.services.vault import OpenVault

EXIT_OK, EXIT_FAILED, EXIT_ERROR = 0, 1, 2

#: Runs one command: (parsed arguments, data folder) -> exit code.
Handler = Callable[[argparse.Namespace, Path], int]
#: argparse's sub-parser collection (a private class, ``_SubParsersAction``).
SubParsers = Any


class Parser(argparse.ArgumentParser):
    """A parser that never expands abbreviations: ``--passphrase X`` must not name a file."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:  # noqa: ANN401
        kwargs["allow_abbrev"] = False
        super().__init__(*args, **kwargs)


def add_data_dir(p: argparse.ArgumentParser) -> None:
    """Add ``--data-dir``."""
    p.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help=f"Datenordner (Vorgabe: ${ENV_DATA_DIR} oder der Benutzer-Datenordner)",
    )


def add_passphrase(p: argparse.ArgumentParser, required: bool = True) -> None:
    """Add ``--passphrase-file``."""
    p.add_argument(
        "--passphrase-file",
        required=required,
        help="Datei, deren erste Zeile die Passphrase ist (- für Standardeingabe)",
    )


def add_common(p: argparse.ArgumentParser) -> None:
    """Add ``--data-dir`` and ``--passphrase-file``."""
    add_data_dir(p)
    add_passphrase(p)


def _read_file_or_stdin(path: str, what: str) -> str:
    """The text of ``path`` (``-`` reads standard input); ``what`` names the file in errors."""
    try:
        return sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise AsdError(
            f"Die {what} »{path}« lässt sich nicht lesen. Bitte den Pfad prüfen."
        ) from exc


def read_passphrase_file(path: str) -> str:
    """The first line of ``path`` (``-`` reads standard input), without its line break."""
    raw = _read_file_or_stdin(path, "Passphrase-Datei")
    line = raw.splitlines()[0] if raw else ""
    if not line:
        raise AsdError(f"Die Passphrase-Datei »{path}« ist leer.")
    return line


def read_code_file(path: str) -> str:
    """The enrolment code in ``path`` (``-`` reads standard input), without surrounding space."""
    code = _read_file_or_stdin(path, "Code-Datei").strip()
    if not code:
        raise AsdError(f"Die Code-Datei »{path}« ist leer.")
    return code


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


@contextmanager
def opened_vault(args: argparse.Namespace, data_dir: Path) -> Iterator[OpenVault]:
    """The vault unlocked with ``--passphrase-file``, the data folder locked meanwhile."""
    from asd_desktop.services import vault

    pw = read_passphrase_file(args.passphrase_file)
    with vault.DataDirLock(data_dir):
        opened = vault.unlock_vault(data_dir, pw)
        try:
            yield opened
        finally:
            opened.close()
