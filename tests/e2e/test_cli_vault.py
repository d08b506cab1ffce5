"""``asd-desktop vault …`` and ``asd-desktop check``: messages and exit codes (0, 1, 2)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyrage
import pytest
from sqlalchemy import text

from asd_desktop import cli
from asd_desktop.models.errors import WrongPassphraseError
from asd_desktop.services import vault
from asd_desktop.storage.paths import vault_path
from tests.conftest import PASSPHRASE

NEW = "Neue-Passphrase-fuer-2025"


class Cli:
    """Runs the command line in this process and keeps what it printed."""

    def __init__(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.tmp = tmp_path
        self.capsys = capsys
        self.data_dir = tmp_path / "daten"
        self.pw = self.file("pw.txt", PASSPHRASE + "\n")
        self.new = self.file("neu.txt", NEW + "\n")
        self.out = ""
        self.err = ""

    def file(self, name: str, content: str) -> Path:
        path = self.tmp / name
        path.write_text(content, encoding="utf-8")
        return path

    def __call__(self, *args: str | Path) -> int:
        self.capsys.readouterr()
        code = cli.main([str(a) for a in args])
        self.out, self.err = self.capsys.readouterr()
        assert "Traceback" not in self.err
        return code

    def where(self) -> list[str]:
        return ["--data-dir", str(self.data_dir)]

    def init(self, *extra: str | Path) -> int:
        return self("vault", "init", *self.where(), "--passphrase-file", self.pw, *extra)


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    return Cli(tmp_path, capsys)


@pytest.fixture
def office(tmp_path: Path) -> tuple[pyrage.x25519.Identity, Path]:
    ident = pyrage.x25519.Identity.generate()
    path = tmp_path / "amt.key"
    path.write_text(f"# created: heute\n# public key: {ident.to_public()}\n{ident}\n")
    return ident, path


# --- vault init ---------------------------------------------------------------------------------


def test_init_creates_the_vault_and_refuses_a_second_one(run: Cli):
    assert run.init() == cli.EXIT_OK
    assert run.out.startswith("Tresor angelegt in ")
    assert run.err == ""
    before = vault_path(run.data_dir).read_bytes()
    assert run.init() == cli.EXIT_ERROR
    assert run.err.startswith("Fehler: In diesem Datenordner gibt es bereits einen Tresor.")
    assert vault_path(run.data_dir).read_bytes() == before


def test_init_refuses_a_short_passphrase_in_german(run: Cli):
    short = run.file("kurz.txt", "elf-Zeichen\n")
    assert run("vault", "init", *run.where(), "--passphrase-file", short) == cli.EXIT_ERROR
    assert "mindestens 12 Zeichen" in run.err
    assert not vault_path(run.data_dir).exists()


@pytest.mark.parametrize("content", ["", "\n", "\n\nPassphrase-in-Zeile-drei\n"])
def test_an_empty_passphrase_file_is_refused_in_german(run: Cli, content: str):
    empty = run.file("leer.txt", content)
    assert run("vault", "init", *run.where(), "--passphrase-file", empty) == cli.EXIT_ERROR
    assert run.err.strip() == f"Fehler: Die Passphrase-Datei »{empty}« ist leer."
    assert not vault_path(run.data_dir).exists()


def test_a_missing_passphrase_file_is_refused_in_german(run: Cli):
    missing = run.tmp / "gibt-es-nicht.txt"
    assert run("check", *run.where(), "--passphrase-file", missing) == cli.EXIT_ERROR
    assert f"Die Passphrase-Datei »{missing}« gibt es nicht" in run.err


def test_the_passphrase_is_never_taken_from_the_command_line(run: Cli):
    with pytest.raises(SystemExit) as exit_:
        run("vault", "init", *run.where(), "--passphrase", PASSPHRASE)
    assert exit_.value.code == cli.EXIT_ERROR
    assert PASSPHRASE not in run.capsys.readouterr().out


def test_passphrase_file_dash_reads_standard_input(tmp_path: Path):
    data_dir = tmp_path / "daten"

    def program(*args: str, stdin: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [
                sys.executable,
                "-m",
                "asd_desktop",
                *args,
                "--data-dir",
                str(data_dir),
                "--passphrase-file",
                "-",
            ],
            input=stdin,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )

    done = program("vault", "init", stdin=PASSPHRASE + "\n")
    assert done.returncode == cli.EXIT_OK, done.stderr
    assert "Tresor angelegt" in done.stdout
    vault.unlock_vault(data_dir, PASSPHRASE).close()
    empty = program("check", stdin="")
    assert empty.returncode == cli.EXIT_ERROR
    assert "Fehler: Die Passphrase-Datei »-« ist leer." in empty.stderr


def test_init_with_an_invalid_recovery_key_creates_nothing(run: Cli):
    existed = run.data_dir.exists()
    assert run.init("--recovery-recipient", "age1kaputt") == cli.EXIT_ERROR
    assert "Wiederherstellungsschlüssel der Dienststelle ist ungültig" in run.err
    assert not vault_path(run.data_dir).exists()
    # the folder is left as it was: not created, and no lock file in it
    assert run.data_dir.exists() == existed
    if existed:
        assert list(run.data_dir.iterdir()) == []


# --- change passphrase, recovery -----------------------------------------------------------------


def test_change_passphrase_messages_and_codes(run: Cli):
    assert run.init() == 0
    args = ["vault", "change-passphrase", *run.where()]
    assert run(*args, "--passphrase-file", run.new, "--new-passphrase-file", run.pw) == 2
    assert "Fehler: Die Passphrase ist nicht richtig." in run.err
    short = run.file("kurz.txt", "zu kurz\n")
    assert run(*args, "--passphrase-file", run.pw, "--new-passphrase-file", short) == 2
    assert "mindestens 12 Zeichen" in run.err
    assert run(*args, "--passphrase-file", run.pw, "--new-passphrase-file", run.new) == 0
    assert run.out.strip() == "Passphrase geändert."
    with pytest.raises(WrongPassphraseError):
        vault.unlock_vault(run.data_dir, PASSPHRASE)
    vault.unlock_vault(run.data_dir, NEW).close()


def test_recovery_messages_and_codes(run: Cli, office: tuple[pyrage.x25519.Identity, Path]):
    ident, identity_file = office
    assert run.init() == 0
    recover: list[str | Path] = ["vault", "recover", *run.where(), "--identity"]

    # No office key yet.
    assert run(*recover, identity_file, "--print-db-key") == 2
    assert "keinen Wiederherstellungsschlüssel" in run.err

    set_recovery: list[str | Path] = [
        "vault",
        "set-recovery",
        *run.where(),
        "--passphrase-file",
        run.pw,
    ]
    assert run(*set_recovery, "--recipient", "age1kaputt") == 2
    assert "beginnt mit »age1…«" in run.err
    assert run(*set_recovery, "--recipient", str(ident.to_public())) == 0
    assert run.out.strip() == "Wiederherstellungsschlüssel der Dienststelle eingetragen."

    assert run(*recover, identity_file, "--print-db-key") == 0
    key_hex = run.out.strip()
    assert len(key_hex) == 64
    assert bytes.fromhex(key_hex) == vault.recover_data_key(run.data_dir, str(ident))

    stranger = run.file("fremd.key", f"{pyrage.x25519.Identity.generate()}\n")
    assert run(*recover, stranger, "--print-db-key") == 2
    assert "lässt sich der Tresor nicht öffnen" in run.err
    no_key = run.file("leer.key", "# nichts\n")
    assert run(*recover, no_key, "--print-db-key") == 2
    assert "kein age-Schlüssel" in run.err
    assert run(*recover, run.tmp / "fehlt.key", "--print-db-key") == 2
    assert "Die Schlüsseldatei" in run.err
    assert "gibt es nicht" in run.err
    with pytest.raises(SystemExit) as exit_:
        run(*recover, identity_file)  # neither a new passphrase nor the key: which one?
    assert exit_.value.code == 2

    assert run(*recover, identity_file, "--new-passphrase-file", run.new) == 0
    assert run.out.strip() == "Neue Passphrase gesetzt."
    vault.unlock_vault(run.data_dir, NEW).close()


# --- check ----------------------------------------------------------------------------------------


def test_check_codes_ok_failed_and_error(run: Cli):
    check = ["check", *run.where()]
    # No vault in the folder: an error, said in German.
    assert run(*check, "--passphrase-file", run.pw) == cli.EXIT_ERROR
    assert "keinen Tresor" in run.err

    assert run.init() == 0
    assert run(*check, "--passphrase-file", run.pw) == cli.EXIT_OK
    assert run.out.strip().endswith("Prüfung bestanden.")
    assert run.out.count("OK    ") == 4

    assert run(*check, "--passphrase-file", run.new) == cli.EXIT_ERROR
    assert "Fehler: Die Passphrase ist nicht richtig." in run.err
    assert run.out == ""

    with vault.DataDirLock(run.data_dir):
        assert run(*check, "--passphrase-file", run.pw) == cli.EXIT_ERROR
        assert "bereits geöffnet" in run.err

    opened = vault.unlock_vault(run.data_dir, PASSPHRASE)
    with opened.database.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET device_id = 'fremd' WHERE seq = 1"))
    opened.close()
    assert run(*check, "--passphrase-file", run.pw) == cli.EXIT_FAILED
    assert "FEHLER  Protokollkette: Bruch bei Eintrag 1: Eintrag verändert" in run.out
    assert run.out.strip().endswith("Prüfung NICHT bestanden.")
