"""The exchange on the command line, as an administrator scripts it: three data folders."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from asd_desktop import cli
from tests.conftest import PASSPHRASE


class Cli:
    """Runs ``asd-desktop`` in this process and keeps what it printed."""

    def __init__(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.tmp = tmp_path
        self.capsys = capsys
        self.pw = tmp_path / "pw.txt"
        self.pw.write_text(PASSPHRASE + "\n", encoding="utf-8")
        self.out = ""
        self.err = ""

    def __call__(self, folder: str, *args: str | Path) -> int:
        self.capsys.readouterr()
        argv = [str(a) for a in args]
        argv += ["--data-dir", str(self.tmp / folder), "--passphrase-file", str(self.pw)]
        code = cli.main(argv)
        captured = self.capsys.readouterr()
        self.out, self.err = captured.out, captured.err
        return code

    def line(self, prefix: str) -> str:
        return next(x for x in self.out.splitlines() if x.startswith(prefix))


def _bundle_path(run: Cli) -> Path:
    return Path(run.line("Paket geschrieben: ").split(": ", 1)[1])


def test_office_and_two_laptops_exchange_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run = Cli(tmp_path, capsys)
    assert run("o", "demo") == 0
    assert run("o", "device", "init-office", "--name", "ASD Bezirk Nord") == 0
    office_fp = run.line("Schlüssel-Fingerabdruck:").split(": ")[1]
    codes = {}
    for name, folder in (("Laptop Kaya", "a"), ("Laptop Brandt", "b")):
        assert run("o", "device", "enroll", "--name", name, "--out", tmp_path / "stick") == 0
        code_file = tmp_path / f"code-{folder}"
        code_file.write_text(run.line("Einrichtungscode:").split()[1] + "\n", encoding="utf-8")
        enroll_file = Path(run.line("Einrichtungsdatei:").split(": ")[1])
        codes[folder] = enroll_file
        assert run(folder, "vault", "init") == 0
        if folder == "a":
            # A wrong code is refused with a clear message, changes nothing, keeps the file.
            wrong = tmp_path / "wrong"
            wrong.write_text("AAAA-BBBB-CCCC-DDDD-EEEE-FFFF\n", encoding="utf-8")
            assert run("c", "vault", "init") == 0
            assert run("c", "device", "join", enroll_file, "--code-file", wrong) == 2
            assert "Einrichtungscode passt nicht" in run.err
            assert enroll_file.exists()
        assert run(folder, "device", "join", enroll_file, "--code-file", code_file) == 0, run.err
        assert office_fp in run.out  # the fingerprint to compare in person
        # The file holds the laptop's private keys: gone from the stick after joining.
        assert not enroll_file.exists()
        assert "gelöscht" in run.out
    assert run("o", "device", "assign", "Laptop Kaya", "--all") == 0
    assert run("o", "device", "assign", "Laptop Brandt", "--all") == 0
    assert run("o", "device", "list") == 0
    assert "Laptop Kaya" in run.out
    assert "Laptop Brandt" in run.out
    for folder, name in (("a", "Laptop Kaya"), ("b", "Laptop Brandt")):
        assert run("o", "bundle", "export", "--to", name, "--out", tmp_path / "stick") == 0
        bundle = _bundle_path(run)
        assert "Kaya" not in bundle.name  # file names carry no names
        assert run(folder, "bundle", "inspect", bundle) == 0
        manifest = json.loads(run.out)
        assert manifest["recipients"] == [manifest["recipients"][0]]
        assert manifest["counts"]["cases"] >= 10
        assert run(folder, "bundle", "import", bundle) == 0, run.err
        assert "eingelesen" in run.out
        assert run(folder, "bundle", "import", bundle) == 0
        assert "bereits eingelesen" in run.out
    dumps = {}
    for folder in ("o", "a", "b"):
        assert run(folder, "dump") == 0
        dumps[folder] = run.out
    assert dumps["a"] == dumps["o"] == dumps["b"]
    assert len(dumps["o"].splitlines()) > 100
    # A bundle for Kaya's laptop is refused on Brandt's, with exit code 2 and nothing changed.
    assert run("o", "bundle", "export", "--to", "Laptop Kaya", "--out", tmp_path / "stick") == 0
    to_a = _bundle_path(run)
    assert run("b", "bundle", "import", to_a) == 2
    assert "anderes Gerät" in run.err
    assert run("b", "dump") == 0
    assert run.out == dumps["b"]


def test_inspect_runs_as_a_separate_process_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run = Cli(tmp_path, capsys)
    assert run("o", "vault", "init") == 0
    assert run("o", "device", "init-office", "--name", "Büro") == 0
    assert run("o", "device", "enroll", "--name", "L", "--out", tmp_path / "stick") == 0
    assert run("o", "bundle", "export", "--to", "L", "--out", tmp_path / "stick") == 0
    bundle = _bundle_path(run)
    before = sorted(p.name for p in (tmp_path / "o").iterdir())
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "asd_desktop",
            "bundle",
            "inspect",
            str(bundle),
            "--data-dir",
            str(tmp_path / "o"),
            "--passphrase-file",
            str(run.pw),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["sequence"] == 1
    assert sorted(p.name for p in (tmp_path / "o").iterdir()) == before
