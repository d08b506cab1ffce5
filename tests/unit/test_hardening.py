"""The hardened process: anchored audit chain, read-only check, special files, modes, KDF damage."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from asd_desktop import cli
from asd_desktop.domain.enums import Area
from asd_desktop.models.errors import (
    DatabaseUnreadableError,
    VaultDamagedError,
    WrongPassphraseError,
)
from asd_desktop.services import audit, vault
from asd_desktop.services.cases import AreaInput, CaseInput
from asd_desktop.storage.anchor import ANCHOR_FILE
from asd_desktop.storage.database import Database
from asd_desktop.storage.paths import db_path, vault_path
from asd_desktop.storage.vault import Vault
from tests.conftest import PASSPHRASE


def _check(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    pw = data_dir.parent / "pw.txt"
    pw.write_text(PASSPHRASE + "\n", encoding="utf-8")
    capsys.readouterr()
    code = cli.main(["check", "--data-dir", str(data_dir), "--passphrase-file", str(pw)])
    return code, capsys.readouterr().out


_counter = iter(range(1_000_000))


def _some_history(opened: vault.OpenVault, cases: int = 3) -> None:
    day = dt.date(2026, 1, 5)
    for _ in range(cases):
        n = next(_counter)
        opened.cases.create_case(
            CaseInput(f"AZ-{n}", f"Familie {n}", day, "Frau Krüger"),
            AreaInput(Area.SERVICE, day, "Antrag auf Hilfe zur Erziehung", "Frau Krüger"),
        )


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One new case file (made once: the key derivation and the migrations take seconds)."""
    root = tmp_path_factory.mktemp("hardening") / "daten"
    vault.create_vault(root, PASSPHRASE, PASSPHRASE).close()
    return root


@pytest.fixture
def closed(template: Path, tmp_path: Path) -> Path:
    """A private copy of the template's data folder, not unlocked (no key derivation)."""
    data_dir = tmp_path / "daten"
    shutil.copytree(template, data_dir)
    return data_dir


@pytest.fixture
def opened(template: Path, tmp_path: Path) -> Iterator[vault.OpenVault]:
    """A private copy of the template, unlocked."""
    data_dir = tmp_path / "daten"
    shutil.copytree(template, data_dir)
    ov = vault.unlock_vault(data_dir, PASSPHRASE)
    yield ov
    ov.close()


def _raw_database(data_dir: Path) -> Database:
    """The database opened with its key but without the program's audit wiring (a tamperer)."""
    key = Vault.load(vault_path(data_dir)).unlock(PASSPHRASE)
    return Database.open(db_path(data_dir), key)


# --- (2) the anchored audit chain ----------------------------------------------------------------


def test_chain_is_keyed_and_anchored(opened: vault.OpenVault, capsys: pytest.CaptureFixture[str]):
    _some_history(opened)
    data_dir = opened.data_dir
    opened.close()
    anchor = json.loads((data_dir / ANCHOR_FILE).read_text())
    code, out = _check(data_dir, capsys)
    assert code == cli.EXIT_OK, out
    assert f"{anchor['length']} Einträge, lückenlos, verankert" in out


def test_deleting_the_last_entries_is_found(
    opened: vault.OpenVault, capsys: pytest.CaptureFixture[str]
):
    _some_history(opened)
    data_dir = opened.data_dir
    opened.close()
    raw = _raw_database(data_dir)
    with raw.engine.begin() as conn:
        top = conn.execute(text("SELECT max(seq) FROM audit_log")).scalar_one()
        conn.execute(text("DELETE FROM audit_log WHERE seq > :n"), {"n": top - 2})
    raw.close()
    code, out = _check(data_dir, capsys)
    assert code == cli.EXIT_FAILED
    assert "die letzten 2 Einträge fehlen" in out


def test_a_rewritten_and_rehashed_chain_is_found(
    opened: vault.OpenVault, capsys: pytest.CaptureFixture[str]
):
    _some_history(opened)
    data_dir = opened.data_dir
    opened.close()
    raw = _raw_database(data_dir)
    with raw.engine.begin() as conn:
        rows = conn.execute(
            text("SELECT seq, at, device_id, action, case_id, detail FROM audit_log ORDER BY seq")
        ).all()
        prev = audit.GENESIS
        for seq, at, device, action, case_id, detail in rows:
            detail = "" if action != "case_created" else "umgeschrieben"
            at_value = at if isinstance(at, dt.datetime) else dt.datetime.fromisoformat(str(at))
            new = audit.entry_hash(seq, at_value, device, action, case_id, detail, prev)
            conn.execute(
                text(
                    "UPDATE audit_log SET detail = :d, prev_hash = :p, entry_hash = :h "
                    "WHERE seq = :s"
                ),
                {"d": detail, "p": prev, "h": new, "s": seq},
            )
            prev = new
    raw.close()
    code, out = _check(data_dir, capsys)
    assert code == cli.EXIT_FAILED
    assert "Protokollkette: Bruch bei Eintrag 1: Eintrag ohne Schlüssel neu berechnet" in out


def test_an_older_copy_of_the_database_is_found(
    opened: vault.OpenVault, capsys: pytest.CaptureFixture[str], tmp_path: Path
):
    data_dir = opened.data_dir
    _some_history(opened, 1)
    opened.close()
    old = tmp_path / "alt.db"
    shutil.copy2(db_path(data_dir), old)
    again = vault.unlock_vault(data_dir, PASSPHRASE)
    _some_history(again, 2)
    again.close()
    shutil.copy2(old, db_path(data_dir))  # whole in itself, but shorter than the anchor
    code, out = _check(data_dir, capsys)
    assert code == cli.EXIT_FAILED
    assert "Einträge fehlen (verankert:" in out


def test_a_removed_anchor_is_found(closed: Path, capsys: pytest.CaptureFixture[str]):
    data_dir = closed
    (data_dir / ANCHOR_FILE).unlink()
    code, out = _check(data_dir, capsys)
    assert code == cli.EXIT_FAILED
    assert f"die Verankerung ({ANCHOR_FILE}) fehlt" in out


def test_a_renewed_anchor_is_named(opened: vault.OpenVault, capsys: pytest.CaptureFixture[str]):
    _some_history(opened, 1)
    data_dir = opened.data_dir
    opened.close()
    (data_dir / ANCHOR_FILE).unlink()  # lost (or removed to hide a shortened chain) …
    vault.unlock_vault(data_dir, PASSPHRASE).close()  # … and the program anchors anew
    code, out = _check(data_dir, capsys)
    assert code == cli.EXIT_OK, out
    assert "verankert erst ab Eintrag 4: die Verankerung (audit-anchor.json) fehlte" in out


# --- (3) check reads without writing --------------------------------------------------------------


def test_check_writes_nothing(opened: vault.OpenVault, capsys: pytest.CaptureFixture[str]):
    _some_history(opened, 1)
    data_dir = opened.data_dir
    opened.close()
    lock = data_dir / "asd-desktop.lock"
    before = {
        p.name: (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(data_dir.iterdir())
        if p != lock
    }
    code, out = _check(data_dir, capsys)
    assert code == cli.EXIT_OK, out
    after = {
        p.name: (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(data_dir.iterdir())
        if p != lock
    }
    assert after == before  # same files, same bytes, same times: no audit entry, no migration
    reopened = vault.unlock_vault(data_dir, PASSPHRASE)
    with reopened.database.session_factory() as s:
        actions = [r[0] for r in s.execute(text("SELECT action FROM audit_log ORDER BY seq"))]
    reopened.close()
    # Made, unlocked by the fixture, case created, unlocked again here: none by check.
    assert actions == ["unlocked", "unlocked", "case_created", "unlocked"]


# --- (4) a FIFO in place of the vault or the database ---------------------------------------------


def _within(seconds: float, call: object) -> BaseException | None:
    """Run ``call`` in a thread; the error it raised, or fail if it hangs."""
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            call()  # type: ignore[operator]
            outcome.append(None)
        except BaseException as exc:
            outcome.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    assert outcome, f"no answer within {seconds} s (it hangs)"
    return outcome[0]


def test_a_fifo_as_vault_is_refused_at_once(data_dir: Path):
    data_dir.mkdir(parents=True)
    os.mkfifo(vault_path(data_dir))
    error = _within(5, lambda: vault.unlock_vault(data_dir, PASSPHRASE))
    assert isinstance(error, VaultDamagedError)
    assert "Pipe (FIFO)" in error.message


def test_a_fifo_as_database_is_refused_at_once(closed: Path):
    data_dir = closed
    db_path(data_dir).unlink()
    os.mkfifo(db_path(data_dir))
    error = _within(5, lambda: vault.unlock_vault(data_dir, PASSPHRASE))
    assert isinstance(error, DatabaseUnreadableError)
    assert "Pipe (FIFO)" in error.message


def test_a_fifo_as_settings_file_does_not_block_the_unlock(closed: Path):
    data_dir = closed
    settings = data_dir / "settings.json"
    settings.unlink(missing_ok=True)
    os.mkfifo(settings)
    error = _within(10, lambda: vault.unlock_vault(data_dir, PASSPHRASE).close())
    assert error is None  # opened with the default settings


def test_check_refuses_a_fifo_vault_in_german(data_dir: Path, capsys: pytest.CaptureFixture[str]):
    data_dir.mkdir(parents=True)
    os.mkfifo(vault_path(data_dir))
    pw = data_dir.parent / "pw.txt"
    pw.write_text(PASSPHRASE + "\n", encoding="utf-8")
    code = _within(
        5,
        lambda: sys.exit(
            cli.main(["check", "--data-dir", str(data_dir), "--passphrase-file", str(pw)])
        ),
    )
    assert isinstance(code, SystemExit)
    assert code.code == cli.EXIT_ERROR
    assert "Pipe (FIFO)" in capsys.readouterr().err


# --- (5) owner-only files -------------------------------------------------------------------------


def test_files_are_readable_by_the_owner_only(opened: vault.OpenVault):
    old_mask = os.umask(0o022)  # as a careless environment would have it
    try:
        _some_history(opened, 1)
        data_dir = opened.data_dir
        files = [p for p in data_dir.iterdir() if p.is_file()]
        names = {p.name for p in files}
        assert {"vault.json", "asd.db", "asd.db-wal", "asd.db-shm", ANCHOR_FILE} <= names
        for path in files:
            assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, path.name
        assert stat.S_IMODE(data_dir.stat().st_mode) & 0o077 == 0
    finally:
        os.umask(old_mask)


def test_a_looser_database_file_is_tightened(closed: Path):
    data_dir = closed
    os.chmod(db_path(data_dir), 0o644)
    vault.unlock_vault(data_dir, PASSPHRASE).close()
    assert stat.S_IMODE(db_path(data_dir).stat().st_mode) == 0o600


def test_the_process_is_hardened_at_start():
    probe = (
        "import ctypes, resource, os\n"
        "from asd_desktop.storage.process import harden_process\n"
        "h = harden_process()\n"
        "libc = ctypes.CDLL(None)\n"
        "print(libc.prctl(3, 0, 0, 0, 0), resource.getrlimit(resource.RLIMIT_CORE), "
        "oct(os.umask(0)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == ["0", "(0,", "0)", "0o77"]


# --- (6) tampered key-derivation parameters ------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("time_cost", 4),
        ("memory_kib", 128 * 1024),
        ("parallelism", 5),
        ("salt", "AAAAAAAAAAAAAAAAAAAAAA=="),
    ],
)
def test_tampered_kdf_parameters_are_damage_not_a_wrong_passphrase(
    closed: Path, field: str, value: object
):
    data_dir = closed
    path = vault_path(data_dir)
    doc = json.loads(path.read_bytes())
    doc["kdf"][field] = value
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(VaultDamagedError, match="beschädigt: die Parameter der Schlüsselableitung"):
        vault.unlock_vault(data_dir, PASSPHRASE)


def test_a_wrong_passphrase_is_still_a_wrong_passphrase(closed: Path):
    data_dir = closed
    with pytest.raises(WrongPassphraseError):
        vault.unlock_vault(data_dir, "eine ganz andere Passphrase")
