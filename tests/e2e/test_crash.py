"""Crash safety: a writing process killed with SIGKILL never loses a committed entry."""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from asd_desktop import cli
from asd_desktop.domain.enums import Area
from asd_desktop.models.case import Contact
from asd_desktop.services import vault
from asd_desktop.services.cases import AreaInput, CaseInput
from asd_desktop.storage.paths import db_path, vault_path
from asd_desktop.storage.vault import Vault
from tests.conftest import PASSPHRASE
from tests.e2e.storage_worker import KEY_ENV

WORKER = Path(__file__).with_name("storage_worker.py")
KILLS = 25

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


def _committed_ids(stdout: bytes) -> list[str]:
    """The ids the worker printed; a line cut off by the kill has no newline and is ignored."""
    text = stdout.decode("ascii")
    complete = text if text.endswith("\n") else text[: text.rfind("\n") + 1]
    return [line for line in complete.splitlines() if line]


def _stored_contact_ids(data_dir: Path, key: bytes) -> set[str]:
    opened = vault.open_with_key(data_dir, key)
    try:
        with opened.database.session_factory() as s:
            return set(s.scalars(select(Contact.id)))
    finally:
        opened.close()


def _kill_once(
    rng: random.Random, during_start_up: bool, data_dir: Path, case_id: str, env: dict[str, str]
) -> list[str]:
    """Start a writer, SIGKILL it at a random point; return the ids it reported committed."""
    proc = subprocess.Popen(
        [sys.executable, str(WORKER), "contacts", str(data_dir), case_id],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert proc.stdout is not None
    assert proc.stderr is not None
    try:
        if during_start_up:
            # Anywhere from start-up through unlock (migrations, audit entry) into writing.
            time.sleep(rng.uniform(0.0, 1.0))
            first = b""
        else:
            first = proc.stdout.readline()
            assert first, f"writer ended before writing: {proc.stderr.read()!r}"
            time.sleep(rng.uniform(0.0, 0.3))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        rest = proc.stdout.read()
        err = proc.stderr.read()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        proc.stderr.close()
    # Killed by us, not ended by an error of its own.
    assert proc.returncode == -signal.SIGKILL, err.decode(errors="replace")
    assert b"Traceback" not in err
    return _committed_ids(first + rest)


@pytest.mark.slow
def test_sigkill_at_random_points_keeps_every_commit_and_check_passes(tmp_path, capsys):
    data_dir = tmp_path / "daten"
    pw_file = tmp_path / "pw.txt"
    pw_file.write_text(PASSPHRASE + "\n", encoding="utf-8")
    assert (
        cli.main(["vault", "init", "--data-dir", str(data_dir), "--passphrase-file", str(pw_file)])
        == 0
    )
    key = Vault.load(vault_path(data_dir)).unlock(PASSPHRASE)
    opened = vault.open_with_key(data_dir, key)
    case_id = opened.cases.create_case(
        CaseInput("AZ-CRASH-1", "Absturz", dt.date(2024, 5, 1)),
        AreaInput(Area.SERVICE, dt.date(2024, 5, 1), "Hilfe zur Erziehung", "Team Nord"),
    ).id
    opened.close()

    env = dict(os.environ, **{KEY_ENV: key.hex()})
    seed = int.from_bytes(os.urandom(4), "big")
    rng = random.Random(seed)
    committed: set[str] = set()
    for round_no in range(1, KILLS + 1):
        during_start_up = round_no % 4 == 0
        committed.update(_kill_once(rng, during_start_up, data_dir, case_id, env))
        where = "start-up" if during_start_up else "writing"
        context = f"seed={seed} round={round_no} killed during {where}"

        capsys.readouterr()
        code = cli.main(["check", "--data-dir", str(data_dir), "--passphrase-file", str(pw_file)])
        out = capsys.readouterr()
        assert code == cli.EXIT_OK, f"{context}\n{out.out}{out.err}"
        assert "Prüfung bestanden." in out.out, context
        assert "FEHLER" not in out.out, context

        missing = committed - _stored_contact_ids(data_dir, key)
        assert not missing, f"{context}: {len(missing)} committed contacts lost"

    # Every writing round reported at least one commit before it was killed.
    assert len(committed) >= KILLS - KILLS // 4
    # The crashes left no stale lock: the folder can be taken again.
    with vault.DataDirLock(data_dir):
        pass
    assert db_path(data_dir).exists()
