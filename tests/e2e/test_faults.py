"""Bad input and faults: each gets a German message, and nothing already stored is lost."""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from asd_desktop import cli
from asd_desktop.domain.enums import Area, ContactKind
from asd_desktop.models.errors import (
    DatabaseUnreadableError,
    StorageFullError,
    ValidationError,
)
from asd_desktop.services import vault
from asd_desktop.services.cases import AreaInput, CaseInput, ContactInput
from asd_desktop.services.check import check_database
from asd_desktop.storage.paths import db_path, vault_path
from asd_desktop.storage.vault import Vault
from tests.conftest import PASSPHRASE

WORKER = Path(__file__).with_name("storage_worker.py")
PAGE = 4096  # SQLCipher 4's default page size
LEAK_NAMES = ("Şükrü Yılmaz", "Małgorzata Wójcik", "Zzyzxtestname")
AREA = AreaInput(Area.GREY, dt.date(2024, 2, 1), "Hinweis der Schule", "Team Ost")


def _digests(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


def _pw_file(folder: Path, passphrase: str = PASSPHRASE) -> Path:
    path = folder / "pw.txt"
    path.write_text(passphrase + "\n", encoding="utf-8")
    return path


def _check(
    data_dir: Path, pw_file: Path, capfd: pytest.CaptureFixture[str]
) -> tuple[int, str, str]:
    capfd.readouterr()
    code = cli.main(["check", "--data-dir", str(data_dir), "--passphrase-file", str(pw_file)])
    out, err = capfd.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A closed demo case file made by ``asd-desktop demo`` (shared; copy before changing)."""
    base = tmp_path_factory.mktemp("demo")
    pw_file = _pw_file(base)
    data_dir = base / "daten"
    assert cli.main(["demo", "--data-dir", str(data_dir), "--passphrase-file", str(pw_file)]) == 0
    return data_dir, pw_file


def _copy(demo: tuple[Path, Path], tmp_path: Path) -> Path:
    target = tmp_path / "kopie"
    shutil.copytree(demo[0], target)
    return target


# --- healthy and tampered -------------------------------------------------------------------


def test_check_passes_on_a_healthy_demo(demo, tmp_path: Path, capfd):
    data_dir = _copy(demo, tmp_path)
    code, out, err = _check(data_dir, demo[1], capfd)
    assert code == cli.EXIT_OK, out + err
    assert "Prüfung bestanden." in out
    assert "FEHLER" not in out
    for name in ("SQLCipher-Seiten", "SQLite-Integrität", "Protokollkette"):
        assert f"OK      {name}" in out
    assert err == ""


@pytest.mark.parametrize(
    ("tamper", "finding"),
    [
        ("UPDATE audit_log SET detail = 'nachträglich' WHERE seq = 3", "Eintrag verändert"),
        ("UPDATE audit_log SET action = 'printed' WHERE seq = 3", "Eintrag verändert"),
        ("DELETE FROM audit_log WHERE seq = 3", "Eintrag 3 fehlt"),
        ("UPDATE audit_log SET prev_hash = entry_hash WHERE seq = 3", "Verkettung unterbrochen"),
    ],
)
def test_check_reports_a_tampered_audit_entry(demo, tmp_path: Path, capfd, tamper, finding):
    data_dir = _copy(demo, tmp_path)
    key = _unlock_key(data_dir)
    opened = vault.open_with_key(data_dir, key)
    try:
        with opened.database.engine.begin() as conn:
            assert conn.execute(text(tamper)).rowcount == 1
    finally:
        opened.close()
    code, out, err = _check(data_dir, demo[1], capfd)
    assert code == cli.EXIT_FAILED
    assert "FEHLER  Protokollkette: Bruch bei Eintrag" in out
    assert finding in out
    assert "Prüfung NICHT bestanden." in out
    assert "Traceback" not in err


def _unlock_key(data_dir: Path) -> bytes:
    return Vault.load(vault_path(data_dir)).unlock(PASSPHRASE)


# --- wrong key, foreign and damaged databases -------------------------------------------------


def test_a_wrong_key_is_refused_in_german_and_the_file_is_unchanged(tmp_path: Path):
    key = os.urandom(32)
    opened = vault.open_with_key(tmp_path, key)
    opened.cases.create_case(CaseInput("AZ-7", "Wójcik", dt.date(2024, 2, 1)), AREA)
    opened.close()
    before = _digests(tmp_path)
    with pytest.raises(DatabaseUnreadableError) as err:
        vault.open_with_key(tmp_path, os.urandom(32))
    assert "gehört zu einem anderen Tresor" in err.value.message
    assert "Sicherung" in err.value.message
    assert _digests(tmp_path) == before
    # The right key still opens it, with everything in it.
    again = vault.open_with_key(tmp_path, key)
    try:
        assert [r.file_number for r in again.cases.list_cases()] == ["AZ-7"]
    finally:
        again.close()


def test_a_database_from_another_vault_is_refused_and_left_alone(tmp_path: Path, capfd):
    pw_file = _pw_file(tmp_path)
    mine, theirs = tmp_path / "meine", tmp_path / "fremde"
    for folder in (mine, theirs):
        args = ["vault", "init", "--data-dir", str(folder), "--passphrase-file", str(pw_file)]
        assert cli.main(args) == 0
    # Someone copies the other laptop's database into this data folder.
    shutil.copyfile(db_path(theirs), db_path(mine))
    before = _digests(mine)

    with pytest.raises(DatabaseUnreadableError, match="anderen Tresor"):
        vault.unlock_vault(mine, PASSPHRASE)
    code, out, err = _check(mine, pw_file, capfd)
    assert code == cli.EXIT_FAILED
    assert "FEHLER  Datenbank öffnen: Die Datenbank lässt sich nicht öffnen" in out
    assert "Prüfung NICHT bestanden." in out
    assert "Traceback" not in err
    assert _digests(mine) == before


PLACES = {
    "first page": lambda pages: 0,
    "second page": lambda pages: 1,
    "third page": lambda pages: 2,
    "fourth page": lambda pages: 3,
    "middle page": lambda pages: pages // 2,
    "next to last page": lambda pages: pages - 2,
    "last page": lambda pages: pages - 1,
}


@pytest.mark.parametrize("place", PLACES.keys())
def test_a_damaged_page_is_found_and_told_in_german_without_a_traceback(
    demo, tmp_path: Path, capfd, place: str
):
    data_dir = _copy(demo, tmp_path)
    pages = db_path(data_dir).stat().st_size // PAGE
    assert pages >= 20, "the demo should span many pages"
    with db_path(data_dir).open("r+b") as f:
        f.seek(PLACES[place](pages) * PAGE + PAGE // 2)
        f.write(b"\xa5" * 24)

    code, out, err = _check(data_dir, demo[1], capfd)
    assert code == cli.EXIT_FAILED, out + err
    assert "FEHLER" in out
    assert "Prüfung NICHT bestanden." in out
    assert err == ""
    # Whichever way it shows, the caseworker is told what to do.
    assert "beschädigt" in out


def test_a_damaged_database_via_the_real_program_prints_no_traceback(demo, tmp_path: Path):
    data_dir = _copy(demo, tmp_path)
    pages = db_path(data_dir).stat().st_size // PAGE
    with db_path(data_dir).open("r+b") as f:
        f.seek((pages // 3) * PAGE + 1000)
        f.write(os.urandom(64))
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "asd_desktop",
            "check",
            "--data-dir",
            str(data_dir),
            "--passphrase-file",
            str(demo[1]),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == cli.EXIT_FAILED
    assert "Prüfung NICHT bestanden." in done.stdout
    assert "Traceback" not in done.stderr
    assert done.stderr == ""


# --- full disk --------------------------------------------------------------------------------


def test_a_full_disk_while_saving_the_vault_is_told_and_changes_nothing(
    tmp_path: Path, capfd, monkeypatch: pytest.MonkeyPatch
):
    pw_file = _pw_file(tmp_path)
    new_file = tmp_path / "neu.txt"
    new_file.write_text("Neue-lange-Passphrase-2024\n", encoding="utf-8")
    data_dir = tmp_path / "daten"
    assert (
        cli.main(["vault", "init", "--data-dir", str(data_dir), "--passphrase-file", str(pw_file)])
        == 0
    )
    before = vault_path(data_dir).read_bytes()

    def disk_full(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "replace", disk_full)
    capfd.readouterr()
    code = cli.main(
        [
            "vault",
            "change-passphrase",
            "--data-dir",
            str(data_dir),
            "--passphrase-file",
            str(pw_file),
            "--new-passphrase-file",
            str(new_file),
        ]
    )
    monkeypatch.undo()
    _out, err = capfd.readouterr()
    assert code == cli.EXIT_ERROR
    assert err.startswith("Fehler: Die Datei konnte nicht gespeichert werden")
    assert "Datenträger ist voll" in err
    assert "Traceback" not in err
    assert vault_path(data_dir).read_bytes() == before
    assert [p.name for p in data_dir.iterdir() if ".tmp" in p.name] == []
    vault.unlock_vault(data_dir, PASSPHRASE).close()


def test_a_full_disk_while_writing_the_database_keeps_what_was_stored(tmp_path: Path, capfd):
    key = os.urandom(32)
    opened = vault.open_with_key(tmp_path, key)
    case_id = opened.cases.create_case(
        CaseInput("AZ-VOLL-1", "Wójcik", dt.date(2024, 2, 1)), AREA
    ).id
    first = opened.cases.record_contact(
        case_id, ContactInput(dt.datetime(2024, 2, 2, 9, 0), ContactKind.PHONE, note="Erster")
    )
    # The disk fills up: the file may not grow beyond its current size.
    with opened.database.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
        conn.exec_driver_sql(f"PRAGMA max_page_count = {pages}")
    stored = [first.id]

    def fill_up() -> None:
        for n in range(200):
            big = ContactInput(
                dt.datetime(2024, 2, 2, 10, 0), ContactKind.PHONE, note=f"{n} " + "x" * 3000
            )
            stored.append(opened.cases.record_contact(case_id, big).id)

    with pytest.raises(StorageFullError) as err:
        fill_up()
    assert len(stored) < 200
    assert "Datenträger ist voll" in err.value.message
    assert "erhalten" in err.value.message
    # The program goes on: what was stored can still be read in the same session.
    assert {c.id for c in opened.cases.get_case(case_id).contacts} == set(stored)
    opened.close()

    again = vault.open_with_key(tmp_path, key)
    try:
        detail = again.cases.get_case(case_id)
        assert detail.family_name == "Wójcik"
        assert {c.id for c in detail.contacts} == set(stored)
        assert all(r.ok for r in check_database(again.database))
    finally:
        again.close()


# --- input that cannot be stored --------------------------------------------------------------


def test_a_duplicate_aktenzeichen_is_refused_in_german(tmp_path: Path):
    opened = vault.open_with_key(tmp_path, os.urandom(32))
    try:
        first = opened.cases.create_case(
            CaseInput("AZ-2024-17", "Yılmaz", dt.date(2024, 2, 1)), AREA
        )
        for number in ("AZ-2024-17", "  AZ-2024-17 "):
            with pytest.raises(ValidationError) as err:
                opened.cases.create_case(CaseInput(number, "Wójcik", dt.date(2024, 2, 1)), AREA)
            assert "»AZ-2024-17« ist bereits vergeben" in err.value.problems["file_number"]
        other = opened.cases.create_case(
            CaseInput("AZ-2024-18", "Wójcik", dt.date(2024, 2, 1)), AREA
        )
        with pytest.raises(ValidationError, match="bereits vergeben"):
            opened.cases.update_case(
                other.id, CaseInput("AZ-2024-17", "Wójcik", dt.date(2024, 2, 1))
            )
        rows = opened.cases.list_cases()
        assert sorted((r.file_number, r.family_name) for r in rows) == [
            ("AZ-2024-17", "Yılmaz"),
            ("AZ-2024-18", "Wójcik"),
        ]
        assert opened.cases.get_case(first.id).family_name == "Yılmaz"
    finally:
        opened.close()


# --- nothing personal in temp folders or on stderr --------------------------------------------


def test_no_names_reach_temp_files_or_stderr(tmp_path: Path):
    tmpdir = tmp_path / "tmp"
    tmpdir.mkdir()
    data_dir = tmp_path / "daten"
    pw_file = _pw_file(tmp_path)
    (tmp_path / "falsch").mkdir()
    wrong_file = _pw_file(tmp_path / "falsch", "Falsche-Passphrase-123")
    env = dict(os.environ, TMPDIR=str(tmpdir), TEMP=str(tmpdir), TMP=str(tmpdir))
    env["SQLITE_TMPDIR"] = str(tmpdir)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )

    program = ["-m", "asd_desktop"]
    where = ["--data-dir", str(data_dir)]
    steps = [
        run(*program, "vault", "init", *where, "--passphrase-file", str(pw_file)),
        run(str(WORKER), "fill", str(data_dir), str(pw_file), *LEAK_NAMES),
        run(*program, "check", *where, "--passphrase-file", str(pw_file)),
        run(*program, "check", *where, "--passphrase-file", str(wrong_file)),
    ]
    assert [s.returncode for s in steps] == [0, 0, 0, cli.EXIT_ERROR]
    assert f"{len(LEAK_NAMES)} Fälle gespeichert, {len(LEAK_NAMES)} gefunden" in steps[1].stdout
    assert "Prüfung bestanden." in steps[2].stdout
    assert "Passphrase ist nicht richtig" in steps[3].stderr

    words = {w for name in LEAK_NAMES for w in name.split()} | set(LEAK_NAMES)
    words |= {"Sukru", "Yilmaz", "Malgorzata", "Wojcik"}
    for step in steps:
        assert "Traceback" not in step.stderr
        for word in words:
            assert word.lower() not in step.stderr.lower()
    # Nothing at all was put into the temp folder (SQLite keeps its temp data in memory).
    assert sorted(p.name for p in tmpdir.rglob("*")) == []
