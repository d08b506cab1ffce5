"""What every command shares: exit codes, reading secrets from files, common options, the vault."""

from __future__ import annotations

import argparse
import errno
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from typing_extensions import override

from asd_desktop.models.errors import AsdError
from asd_desktop.storage.paths import ENV_DATA_DIR, special_file_problem, vault_path
from asd_desktop.storage.server import ENV_DATABASE_URL

if TYPE_CHECKING:
    from asd_desktop.services.vault import OpenVault

EXIT_OK, EXIT_FAILED, EXIT_ERROR = 0, 1, 2

#: Runs one command: (parsed arguments, data folder) -> exit code.
Handler = Callable[[argparse.Namespace, Path], int]
#: argparse's sub-parser collection (a private class, ``_SubParsersAction``).
SubParsers = Any


class GermanHelpFormatter(argparse.HelpFormatter):
    """argparse's help with a German usage line and German placeholders."""

    @override
    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[Any],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, "Aufruf: " if prefix is None else prefix)

    @override
    def _get_default_metavar_for_optional(self, action: argparse.Action) -> str:
        return "WERT"


class Parser(argparse.ArgumentParser):
    """argparse in German, and it never expands abbreviations (``--pass X`` names no file).

    Sub-parsers are of this class too (argparse passes the class on). argparse's own
    texts come from gettext without a German catalogue; the headings and the help
    option are set here, and :meth:`error` translates its error messages.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:  # noqa: ANN401
        kwargs["allow_abbrev"] = False
        kwargs.setdefault("formatter_class", GermanHelpFormatter)
        add_help = kwargs.get("add_help", True)
        kwargs["add_help"] = False  # argparse's own help option is English
        super().__init__(*args, **kwargs)
        self._positionals.title = "Argumente"
        self._optionals.title = "Optionen"
        if add_help:
            self.add_argument(
                "-h",
                "--help",
                action="help",
                default=argparse.SUPPRESS,
                help="diese Hilfe anzeigen und beenden",
            )

    @override
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(
            EXIT_ERROR,
            f"Fehler: {german_usage_error(message)}\n"
            f"Bitte die Angaben prüfen; alle zeigt: {self.prog} --help\n",
        )


def _unquoted(value: str) -> str:
    """``'x'`` (argparse's repr of a value) as »x«."""
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        value = value[1:-1]
    return f"»{value}«"


def _names(listed: str) -> str:
    """The names in argparse's list of choices or options, quoted or not."""
    parts = [p.strip().strip("'\"") for p in re.split(r",\s*|\s+", listed) if p.strip()]
    return ", ".join(parts)


def _invalid_value(kind: str, value: str) -> str:
    if kind == "int":
        return f"{_unquoted(value)} ist keine ganze Zahl. Bitte eine Zahl wie 5 angeben."
    if kind == "float":
        return f"{_unquoted(value)} ist keine Zahl. Bitte eine Zahl wie 2.5 angeben."
    return f"{_unquoted(value)} ist hier nicht möglich."


def _required(listed: str) -> str:
    names = _names(listed)
    if "," in names:
        return f"Diese Angaben fehlen: {names}. Bitte sie ergänzen."
    return f"Die Angabe {names} fehlt. Bitte sie ergänzen."


def _unrecognized(listed: str) -> str:
    names = listed.split()
    if len(names) > 1:
        return (
            f"Diese Angaben kennt der Befehl nicht: {', '.join(names)}. "
            "Bitte die Schreibweise prüfen."
        )
    return f"Die Angabe {listed} kennt der Befehl nicht. Bitte die Schreibweise prüfen."


#: argparse's English message templates (Python 3.11 to 3.13) and their German text.
_USAGE_ERRORS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
    (
        re.compile(r"^argument (?P<arg>.+?): (?P<rest>.*)$", re.S),
        lambda m: f"{m['arg']}: {german_usage_error(m['rest'])}",
    ),
    (
        re.compile(r"^the following arguments are required: (?P<names>.*)$"),
        lambda m: _required(m["names"]),
    ),
    (re.compile(r"^unrecognized arguments: (?P<names>.*)$"), lambda m: _unrecognized(m["names"])),
    (
        re.compile(r"^invalid choice: (?P<value>.*?) \(choose from (?P<choices>.*)\)$"),
        lambda m: f"{_unquoted(m['value'])} gibt es nicht. Möglich sind: {_names(m['choices'])}.",
    ),
    (
        re.compile(r"^invalid (?P<kind>\S+) value: (?P<value>.*)$"),
        lambda m: _invalid_value(m["kind"], m["value"]),
    ),
    (
        re.compile(r"^expected one argument$"),
        lambda m: "Hier fehlt der Wert. Bitte genau einen Wert angeben.",
    ),
    (
        re.compile(r"^expected at most one argument$"),
        lambda m: "Bitte höchstens einen Wert angeben.",
    ),
    (
        re.compile(r"^expected at least one argument$"),
        lambda m: "Hier fehlt der Wert. Bitte mindestens einen Wert angeben.",
    ),
    (
        re.compile(r"^expected (?P<n>\d+) arguments?$"),
        lambda m: f"Bitte genau {m['n']} Werte angeben.",
    ),
    (
        re.compile(r"^not allowed with argument (?P<other>.*)$"),
        lambda m: f"nicht zusammen mit {m['other']} möglich. Bitte nur eine der beiden angeben.",
    ),
    (
        re.compile(r"^one of the arguments (?P<names>.*) is required$"),
        lambda m: f"Bitte eine dieser Angaben machen: {_names(m['names'])}.",
    ),
    (
        re.compile(r"^ignored explicit argument (?P<value>.*)$"),
        lambda m: f"Diese Angabe nimmt keinen Wert; {_unquoted(m['value'])} bitte weglassen.",
    ),
    (
        re.compile(r"^ambiguous option: (?P<option>\S+) could match (?P<names>.*)$"),
        lambda m: f"{m['option']} ist mehrdeutig: {_names(m['names'])}. Bitte ausschreiben.",
    ),
    (
        re.compile(r"^unexpected option string: (?P<option>.*)$"),
        lambda m: f"{m['option']} ist hier nicht möglich.",
    ),
)


def german_usage_error(message: str) -> str:
    """The German text of an argparse error message (a message already German stays as it is)."""
    for pattern, german in _USAGE_ERRORS:
        match = pattern.match(message)
        if match:
            return german(match)
    return message


def count(minimum: int) -> Callable[[str], int]:
    """An argparse ``type``: a whole number not below ``minimum``, refused in German."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"»{text}« ist keine ganze Zahl. Bitte eine Zahl ab {minimum} angeben."
            ) from None
        if value < minimum:
            raise argparse.ArgumentTypeError(
                f"{value} ist zu klein. Bitte eine Zahl ab {minimum} angeben."
            )
        return value

    return parse


def _os_texts() -> dict[int, tuple[str, str]]:
    """Per errno: what went wrong and what to do, in German (never the system's text)."""
    texts = {
        "ENOENT": ("gibt es nicht", "Bitte den Pfad prüfen."),
        "EACCES": (
            "ist für dieses Benutzerkonto gesperrt (keine Berechtigung)",
            "Bitte einen Ort wählen, an dem Sie lesen und schreiben dürfen, "
            "oder die Berechtigung erteilen lassen.",
        ),
        "EISDIR": ("ist ein Ordner, keine Datei", "Bitte eine Datei angeben."),
        "ENOTDIR": (
            "lässt sich nicht erreichen: ein Teil des Pfads ist eine Datei, kein Ordner",
            "Bitte den Pfad prüfen.",
        ),
        "ENOSPC": ("lässt sich nicht schreiben: der Datenträger ist voll", "Bitte Platz schaffen."),
        "EDQUOT": (
            "lässt sich nicht schreiben: Ihr Speicherplatz ist aufgebraucht",
            "Bitte Platz schaffen.",
        ),
        "EROFS": (
            "lässt sich nicht schreiben: der Datenträger ist schreibgeschützt",
            "Bitte einen beschreibbaren Ort wählen (z. B. den Schreibschutz des Sticks lösen).",
        ),
        "EEXIST": ("gibt es bereits", "Bitte einen anderen Namen oder Ordner wählen."),
        "ENAMETOOLONG": ("hat einen zu langen Namen", "Bitte einen kürzeren Pfad wählen."),
        "ELOOP": (
            "lässt sich nicht erreichen: zu viele Verknüpfungen im Pfad",
            "Bitte den Pfad prüfen.",
        ),
        "EIO": (
            "lässt sich nicht lesen oder schreiben: der Datenträger meldet einen Fehler",
            "Bitte den Datenträger prüfen.",
        ),
        "EBUSY": ("wird gerade benutzt", "Bitte später erneut versuchen."),
    }
    table = {getattr(errno, name): text for name, text in texts.items() if hasattr(errno, name)}
    table[errno.EPERM] = table[errno.EACCES]
    return table


OS_TEXTS = _os_texts()


def os_error_text(exc: OSError, path: Path | str | None = None) -> str | None:
    """A German sentence for a file-system error, or None when its errno is not a user's matter.

    Names the path (the user's own, or a file name that carries no names) and what to
    do; the system's English text (``strerror``) is never shown.
    """
    known = OS_TEXTS.get(exc.errno or -1)
    if known is None:
        return None
    problem, advice = known
    where = path if path is not None else exc.filename
    return f"»{where}« {problem}. {advice}" if where else f"Eine Datei {problem}. {advice}"


def _nearest_existing(path: Path) -> Path:
    """``path`` or the nearest folder above it that exists."""
    existing = path
    while not existing.exists() and existing.parent != existing:
        existing = existing.parent
    return existing


def check_folder_writable(folder: Path, what: str) -> None:
    """Refuse a folder that is a file or that this account may not create or write.

    Called before anything is created, so that a refused command leaves nothing behind.
    ``what`` names the folder in the message ("Datenordner", "Zielordner").
    """
    existing = _nearest_existing(folder)
    if not existing.is_dir():
        if existing == folder:
            raise AsdError(
                f"Der {what} »{folder}« ist eine Datei, kein Ordner. Bitte einen Ordner angeben."
            )
        raise AsdError(
            f"Der {what} »{folder}« lässt sich nicht anlegen: »{existing}« ist eine Datei, "
            "kein Ordner. Bitte einen anderen Ordner angeben."
        )
    if not os.access(existing, os.W_OK | os.X_OK):
        raise AsdError(
            f"Im Ordner »{existing}« darf dieses Benutzerkonto nicht schreiben; der {what} "
            f"»{folder}« lässt sich dort nicht anlegen oder beschreiben. Bitte einen Ordner "
            "wählen, in den Sie schreiben dürfen (z. B. im eigenen Benutzerordner)."
        )


def check_data_dir(data_dir: Path, *, vault_needed: bool) -> None:
    """Refuse an unusable data folder, or one without a vault when the command needs one."""
    check_folder_writable(data_dir, "Datenordner")
    special = special_file_problem(vault_path(data_dir))
    if special:
        raise AsdError(
            f"Der Tresor »{vault_path(data_dir)}« {special}. Bitte diese Datei entfernen und "
            "den Tresor (vault.json) aus der Sicherung zurückspielen; es wurde nichts verändert."
        )
    if vault_needed and not vault_path(data_dir).is_file():
        raise AsdError(
            f"Im Datenordner »{data_dir}« gibt es keinen Tresor (vault.json). Bitte mit "
            "--data-dir den Ordner angeben, in dem der Tresor liegt, den Tresor aus der "
            "Sicherung zurückspielen oder mit »asd-desktop vault init« einen neuen anlegen."
        )


def check_input_file(path: Path, what: str) -> None:
    """Refuse a file to read that does not exist or is a folder."""
    if not path.exists():
        raise AsdError(f"Die {what} »{path}« gibt es nicht. Bitte den Pfad prüfen.")
    if not path.is_file():
        raise AsdError(f"»{path}« ist ein Ordner, keine {what}. Bitte die Datei angeben.")


def add_data_dir(p: argparse.ArgumentParser, *, top_level: bool = False) -> None:
    """Add ``--data-dir`` and ``--database-url``."""
    p.add_argument(
        "--data-dir",
        type=Path,
        # Given before or after the command name; the command's parser must not reset it.
        default=None if top_level else argparse.SUPPRESS,
        metavar="ORDNER",
        help=f"Datenordner (Vorgabe: ${ENV_DATA_DIR} oder der Benutzer-Datenordner)",
    )
    p.add_argument(
        "--database-url",
        # Given before or after the command name; the command's parser must not reset it.
        default=None if top_level else argparse.SUPPRESS,
        metavar="ADRESSE",
        help="die Büro-Datenbank auf einem PostgreSQL-Server öffnen, z. B. "
        "postgresql+psycopg://rolle@server/asd_buero (Vorgabe: $"
        f"{ENV_DATABASE_URL}); der Tresor im Datenordner bleibt auf diesem Arbeitsplatz",
    )


def add_passphrase(p: argparse.ArgumentParser, required: bool = True) -> None:
    """Add ``--passphrase-file``."""
    p.add_argument(
        "--passphrase-file",
        required=required,
        metavar="DATEI",
        help="Datei, deren erste Zeile die Passphrase ist (- für Standardeingabe)",
    )


def add_common(p: argparse.ArgumentParser) -> None:
    """Add ``--data-dir`` and ``--passphrase-file``."""
    add_data_dir(p)
    add_passphrase(p)


def read_text_file(path: str, what: str) -> str:
    """The text of ``path`` (``-`` reads standard input); ``what`` names the file in errors."""
    name = "Standardeingabe" if path == "-" else f"{what} »{path}«"
    try:
        if path == "-":
            raw = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else None
            return sys.stdin.read() if raw is None else raw.decode("utf-8")
        return Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise AsdError(
            f"Die {name} ist keine Textdatei in UTF-8. Bitte sie als UTF-8-Text speichern "
            "(im Texteditor: »Speichern unter«, Kodierung UTF-8)."
        ) from None
    except OSError as exc:
        problem, advice = OS_TEXTS.get(exc.errno or -1, ("lässt sich nicht lesen", ""))
        raise AsdError(f"Die {name} {problem}. {advice or 'Bitte den Pfad prüfen.'}") from exc


def read_passphrase_file(path: str) -> str:
    """The first line of ``path`` (``-`` reads standard input), without its line break."""
    raw = read_text_file(path, "Passphrase-Datei")
    line = raw.splitlines()[0] if raw else ""
    if not line:
        raise AsdError(f"Die Passphrase-Datei »{path}« ist leer.")
    return line


def read_code_file(path: str) -> str:
    """The enrolment code in ``path`` (``-`` reads standard input), without surrounding space."""
    code = read_text_file(path, "Code-Datei").strip()
    if not code:
        raise AsdError(f"Die Code-Datei »{path}« ist leer.")
    return code


def read_identity(path: str) -> str:
    """The first ``AGE-SECRET-KEY-`` line of an age identity file."""
    lines = read_text_file(path, "Schlüsseldatei").splitlines()
    for line in lines:
        if line.strip().startswith("AGE-SECRET-KEY-"):
            return line.strip()
    raise AsdError(f"In »{path}« steht kein age-Schlüssel (AGE-SECRET-KEY-…).")


@contextmanager
def opened_vault(args: argparse.Namespace, data_dir: Path) -> Iterator[OpenVault]:
    """The vault unlocked with ``--passphrase-file``, the data folder locked meanwhile.

    The passphrase file and the data folder are checked first: nothing is created
    (not even the lock file) when either is unusable or there is no vault.
    """
    from asd_desktop.services import vault

    pw = read_passphrase_file(args.passphrase_file)
    check_data_dir(data_dir, vault_needed=True)
    with vault.DataDirLock(data_dir):
        opened = vault.unlock_vault(data_dir, pw)
        try:
            yield opened
        finally:
            opened.close()
