"""Every ordinary mistake on the command line: German, exit code 2, nothing created."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from asd_desktop import cli
from asd_desktop.models import ActionGoal, Case
from asd_desktop.services import vault
from tests.conftest import PASSPHRASE
from tests.sync.trio import Trio

#: argparse's and the system's English, and the catch-all for unexpected errors.
ENGLISH = (
    "usage:",
    "error:",
    "the following arguments",
    "invalid choice",
    "choose from",
    "unrecognized arguments",
    "invalid int value",
    "positional arguments",
    "options:",
    "show this help",
    "show program's version",
    "expected one argument",
    "No such file",
    "Permission denied",
    "Operation not permitted",
    "Is a directory",
    "Not a directory",
    "No space left",
    "Read-only file system",
    "File exists",
    "Interner Fehler",
    "Traceback",
)


class Cli:
    """Runs the command line in this process; keeps exit code and what it printed."""

    def __init__(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.tmp = tmp_path
        self.capsys = capsys
        self.data_dir = tmp_path / "daten"
        self.pw = self.file("pw.txt", PASSPHRASE + "\n")
        self.out = ""
        self.err = ""

    def file(self, name: str, content: str | bytes) -> Path:
        path = self.tmp / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    def __call__(self, *args: str | Path) -> int:
        self.capsys.readouterr()
        try:
            code = cli.main([str(a) for a in args])
        except SystemExit as exc:  # argparse's own exit (help, usage errors)
            code = exc.code if isinstance(exc.code, int) else 2
        self.out, self.err = self.capsys.readouterr()
        return code

    def where(self, folder: Path | None = None) -> list[str]:
        return ["--data-dir", str(folder or self.data_dir), "--passphrase-file", str(self.pw)]

    def assert_german_refusal(self, *words: str) -> None:
        """Exit 2 was returned by the caller; the message is German and names what to do."""
        assert self.err.startswith(("Fehler: ", "Aufruf: ")), self.err
        assert "Fehler: " in self.err
        for word in words:
            assert word in self.err, (word, self.err)
        for english in ENGLISH:
            assert english not in self.err, (english, self.err)
            assert english not in self.out, (english, self.out)
        assert "Bitte" in self.err  # says what to do


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    return Cli(tmp_path, capsys)


# --- help ---------------------------------------------------------------------------------------


def test_main_help_is_german(run: Cli):
    assert run("--help") == 0
    assert run.out.startswith("Aufruf: asd-desktop ")
    for heading in ("Argumente:", "Optionen:", "-h, --help", "diese Hilfe anzeigen und beenden"):
        assert heading in run.out
    assert "--version" in run.out
    assert "Versionsnummer" in run.out
    assert "--data-dir ORDNER" in run.out
    for english in ENGLISH:
        assert english not in run.out, english


@pytest.mark.parametrize(
    "command", [["vault", "init"], ["demo"], ["bundle"], ["device", "join"], ["goal-check"]]
)
def test_subcommand_help_is_german(run: Cli, command: list[str]):
    assert run(*command, "--help") == 0
    assert run.out.startswith(f"Aufruf: asd-desktop {' '.join(command)} ")
    assert "Optionen:" in run.out
    assert "diese Hilfe anzeigen und beenden" in run.out
    for english in ENGLISH:
        assert english not in run.out, english


# --- argparse's errors --------------------------------------------------------------------------


def test_a_missing_required_option_is_named_in_german(run: Cli):
    assert run("vault", "init", "--data-dir", run.data_dir) == cli.EXIT_ERROR
    run.assert_german_refusal("Aufruf: asd-desktop vault init", "--passphrase-file fehlt")
    assert "asd-desktop vault init --help" in run.err
    assert not run.data_dir.exists()


def test_an_unknown_command_lists_the_known_ones(run: Cli):
    assert run("frobnicate") == cli.EXIT_ERROR
    run.assert_german_refusal("»frobnicate« gibt es nicht", "Möglich sind: vault, check")


def test_an_unknown_option_is_named(run: Cli):
    assert run("vault", "init", *run.where(), "--bogus") == cli.EXIT_ERROR
    run.assert_german_refusal("--bogus kennt der Befehl nicht")
    assert not run.data_dir.exists()


def test_a_missing_value_is_named(run: Cli):
    assert run("vault", "init", "--data-dir", run.data_dir, "--passphrase-file") == 2
    run.assert_german_refusal("--passphrase-file", "Wert")
    assert not run.data_dir.exists()


@pytest.mark.parametrize(
    ("option", "value", "words"),
    [
        ("--cases", "x", ("»x« ist keine ganze Zahl",)),
        ("--cases", "-5", ("-5 ist zu klein", "ab 1")),
        ("--cases", "0", ("0 ist zu klein", "ab 1")),
        ("--contacts-per-case", "-1", ("-1 ist zu klein", "ab 0")),
    ],
)
def test_demo_refuses_a_bad_count_before_creating_anything(
    run: Cli, option: str, value: str, words: tuple[str, ...]
):
    assert run("demo", *run.where(), option, value) == cli.EXIT_ERROR
    run.assert_german_refusal(option, *words)
    assert not run.data_dir.exists()


def test_bench_refuses_zero_rounds(run: Cli):
    assert run("bench", *run.where(), "--rounds", "0") == cli.EXIT_ERROR
    run.assert_german_refusal("--rounds", "0 ist zu klein")
    assert not run.data_dir.exists()


# --- the data folder ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [["vault", "init"], ["check"], ["demo"], ["dump"], ["device", "list"], ["bundle", "import"]],
)
def test_a_data_folder_that_is_a_file_is_named(run: Cli, command: list[str]):
    a_file = run.file("daten.txt", "kein Ordner\n")
    extra = [str(run.pw)] if command == ["bundle", "import"] else []
    assert run(*command, *extra, *run.where(a_file)) == cli.EXIT_ERROR
    run.assert_german_refusal(f"»{a_file}« ist eine Datei, kein Ordner")
    assert a_file.read_text(encoding="utf-8") == "kein Ordner\n"


def test_a_data_folder_below_a_file_is_named(run: Cli):
    a_file = run.file("daten.txt", "kein Ordner\n")
    assert run("vault", "init", *run.where(a_file / "unter")) == cli.EXIT_ERROR
    run.assert_german_refusal("lässt sich nicht anlegen", f"»{a_file}« ist eine Datei")


@pytest.mark.parametrize(
    "command",
    [
        ["check"],
        ["dump"],
        ["device", "list"],
        ["documents", "export", "--case", "ASD-1", "--out", "{tmp}/ziel"],
        ["vault", "change-passphrase", "--new-passphrase-file", "{pw}"],
    ],
)
def test_a_missing_vault_is_named_and_nothing_is_created(run: Cli, command: list[str]):
    argv = [a.format(tmp=run.tmp, pw=run.pw) for a in command]
    assert run(*argv, *run.where()) == cli.EXIT_ERROR
    run.assert_german_refusal("keinen Tresor", "asd-desktop vault init")
    assert not run.data_dir.exists()  # neither the folder nor a lock file in it
    assert not (run.tmp / "ziel").exists()


def test_device_join_without_a_vault_creates_nothing(run: Cli):
    enrollment = run.file("laptop.asdenroll", "egal\n")
    code = run.file("code.txt", "AAAA-BBBB\n")
    assert run("device", "join", enrollment, "--code-file", code, *run.where()) == 2
    run.assert_german_refusal("keinen Tresor")
    assert not run.data_dir.exists()
    assert enrollment.exists()


def test_an_existing_empty_data_folder_gets_no_lock_file(run: Cli):
    run.data_dir.mkdir()
    assert run("check", *run.where()) == cli.EXIT_ERROR
    run.assert_german_refusal("keinen Tresor")
    assert list(run.data_dir.iterdir()) == []


def test_a_folder_the_user_may_not_write_is_named(run: Cli, monkeypatch: pytest.MonkeyPatch):
    # Tests may run as root, who may write anywhere: the permission is what os.access says.
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode: False if Path(p) == run.tmp else real_access(p, mode)
    )
    assert run("vault", "init", *run.where()) == cli.EXIT_ERROR
    run.assert_german_refusal("darf dieses Benutzerkonto nicht schreiben", f"»{run.tmp}«")
    assert not run.data_dir.exists()


# --- files named on the command line ------------------------------------------------------------


def test_a_passphrase_file_that_is_not_utf8_is_named(run: Cli):
    latin1 = run.file("pw-latin1.txt", "Sonnenblume-Küchentisch-42\n".encode("latin-1"))
    argv: list[str | Path] = [
        "vault",
        "init",
        "--data-dir",
        run.data_dir,
        "--passphrase-file",
        latin1,
    ]
    assert run(*argv) == cli.EXIT_ERROR
    run.assert_german_refusal(f"Passphrase-Datei »{latin1}«", "UTF-8")
    assert "UnicodeDecodeError" not in run.err
    assert not run.data_dir.exists()


@pytest.mark.parametrize(
    ("name", "words"),
    [("fehlt.txt", ("gibt es nicht",)), (".", ("ist ein Ordner, keine Datei",))],
)
def test_an_unreadable_passphrase_file_is_named(run: Cli, name: str, words: tuple[str, ...]):
    argv: list[str | Path] = [
        "demo",
        "--data-dir",
        run.data_dir,
        "--passphrase-file",
        run.tmp / name,
    ]
    assert run(*argv) == cli.EXIT_ERROR
    run.assert_german_refusal("Passphrase-Datei", *words)
    assert not run.data_dir.exists()


def test_a_short_passphrase_creates_nothing(run: Cli):
    short = run.file("kurz.txt", "kurz\n")
    argv: list[str | Path] = ["demo", "--data-dir", run.data_dir, "--passphrase-file", short]
    assert run(*argv) == cli.EXIT_ERROR
    assert "Passphrase" in run.err
    assert not run.data_dir.exists()


@pytest.mark.parametrize(
    ("code", "english", "german"),
    [
        (errno.ENOENT, "No such file or directory", "gibt es nicht"),
        (errno.EACCES, "Permission denied", "keine Berechtigung"),
        (errno.EPERM, "Operation not permitted", "keine Berechtigung"),
        (errno.EISDIR, "Is a directory", "ist ein Ordner"),
        (errno.ENOTDIR, "Not a directory", "kein Ordner"),
        (errno.ENOSPC, "No space left on device", "Datenträger ist voll"),
        (errno.EROFS, "Read-only file system", "schreibgeschützt"),
    ],
)
def test_file_system_errors_are_told_in_german_by_their_errno(
    run: Cli, monkeypatch: pytest.MonkeyPatch, code: int, english: str, german: str
):
    target = run.data_dir / "asd.db"

    def fail(*_args: object, **_kwargs: object) -> vault.OpenVault:
        raise OSError(code, english, str(target))

    monkeypatch.setattr(vault, "create_vault", fail)
    assert run("vault", "init", *run.where()) == cli.EXIT_ERROR
    run.assert_german_refusal(f"»{target}«", german)


def test_an_output_folder_below_a_file_is_refused_before_opening(run: Cli):
    vault.create_vault(run.data_dir, PASSPHRASE, PASSPHRASE).close()
    before = sorted(p.name for p in run.data_dir.iterdir())
    a_file = run.file("ziel.txt", "\n")
    argv: list[str | Path] = ["documents", "export", "--case", "ASD-1", "--out", a_file / "unter"]
    assert run(*argv, *run.where()) == cli.EXIT_ERROR
    run.assert_german_refusal("Zielordner", f"»{a_file}« ist eine Datei")
    # Refused before the vault was opened: not even the lock file was made.
    assert sorted(p.name for p in run.data_dir.iterdir()) == before


def test_a_missing_bundle_is_named_before_opening(run: Cli):
    assert run("bundle", "import", run.tmp / "fehlt.asdbundle", *run.where()) == 2
    run.assert_german_refusal("Paketdatei", "gibt es nicht")
    assert not run.data_dir.exists()


# --- the import report --------------------------------------------------------------------------


def test_import_report_names_the_case_by_its_aktenzeichen(trio: Trio, run: Cli):
    goal = trio.o.first_goal_ids(1)[0]
    case = trio.o.get(Case, trio.o.get(ActionGoal, goal).case_id)
    trio.a.edit(ActionGoal, goal, text="Text von A")
    trio.b.edit(ActionGoal, goal, text="Text von B")
    trio.send(trio.a, trio.o)
    bundle = trio.export(trio.b, trio.o)

    office = trio.o.ov.data_dir
    assert run("bundle", "import", bundle, *run.where(office)) == cli.EXIT_OK, run.err
    assert "1 neuer Konflikt –" in run.out
    assert "neue Konflikte" not in run.out
    assert f"im Fall {case.file_number}" in run.out
    assert goal not in run.out
    assert case.id not in run.out
    assert "Datensätze" in run.out or "1 Datensatz" in run.out
