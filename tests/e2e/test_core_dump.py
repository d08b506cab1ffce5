"""A crash leaves nothing readable: the running program cannot be dumped, by a crash or by gcore.

The real program (``python -m asd_desktop dump``) unlocks a demo vault and is held in
the middle of its dump (its output pipe is full), with the key, the passphrase and the
families' names in memory. The shell allowed core dumps (``ulimit -c unlimited``), the
kernel's core_pattern writes a file ``core`` into the working folder.

What this proves, and what not: an ordinary user account (here nobody, uid 65534, the
program's own user) gets no core file when the program crashes, and cannot attach to it
(``gcore``) although both work on an unhardened Python process of that user, whose core
does hold the passphrase. Root (CAP_SYS_PTRACE) can still read any process's memory; no
program can prevent that, and the test does not claim it.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from asd_desktop.demo import fill_demo
from asd_desktop.models import Case
from asd_desktop.services import vault
from asd_desktop.storage.paths import vault_path
from asd_desktop.storage.vault import Vault
from tests.conftest import PASSPHRASE

NOBODY = 65534
SETPRIV = shutil.which("setpriv")
GCORE = shutil.which("gcore")

pytestmark = [
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux process hardening"),
    pytest.mark.skipif(os.geteuid() != 0 or SETPRIV is None, reason="needs root and setpriv"),
]


def _core_pattern() -> str:
    return Path("/proc/sys/kernel/core_pattern").read_text().strip()


def _allow_cores() -> None:
    """What ``ulimit -c unlimited`` in the shell does, for the child about to start."""
    resource.setrlimit(resource.RLIMIT_CORE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))


def _as_nobody(argv: list[str], cwd: Path, **kwargs: Any) -> subprocess.Popen[bytes]:
    """``argv`` as nobody, in ``cwd``, with core dumps allowed (unlimited core size)."""
    assert SETPRIV is not None
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(cwd), "LANG": "C.UTF-8"}
    return subprocess.Popen(
        [SETPRIV, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", *argv],
        cwd=cwd,
        env=env,
        preexec_fn=_allow_cores,
        **kwargs,
    )


def _forms(text: str) -> set[bytes]:
    """How ``text`` can sit in memory: UTF-8, and Python's 1-, 2- or 4-byte string forms."""
    forms = {text.encode("utf-8"), text.encode("utf-16-le"), text.encode("utf-32-le")}
    with contextlib.suppress(UnicodeEncodeError):
        forms.add(text.encode("latin-1"))
    return forms


def _owned_by_nobody(*paths: Path) -> None:
    for top in paths:
        os.chown(top, NOBODY, NOBODY)
        for root, dirs, files in os.walk(top):
            for name in dirs + files:
                os.chown(Path(root) / name, NOBODY, NOBODY)


def _wait_for(path: Path, seconds: float = 20.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if path.exists() and path.stat().st_size > 0:
            time.sleep(0.3)  # the kernel may still be writing it
            return True
        time.sleep(0.05)
    return False


@pytest.fixture(scope="module")
def open_root() -> Iterator[Path]:
    """A folder nobody can reach (pytest's own temporary folders are root's only)."""
    root = Path(tempfile.mkdtemp(prefix="asd-core-"))
    os.chmod(root, 0o755)
    yield root
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="module")
def demo(open_root: Path) -> tuple[Path, Path, bytes, list[str]]:
    """A demo vault owned by nobody: (data folder, passphrase file, key, family names)."""
    root = open_root
    data = root / "daten"
    ov = vault.create_vault(data, PASSPHRASE, PASSPHRASE)
    fill_demo(
        ov.database.session_factory, ov.database.device_id, cases=6, contacts_per_case=3, seed=3
    )
    with ov.database.session_factory() as s:
        names = sorted({n for n in s.scalars(select(Case.family_name)) if len(n) >= 5})
    ov.close()
    key = Vault.load(vault_path(data)).unlock(PASSPHRASE)
    pw = root / "pw.txt"
    pw.write_text(PASSPHRASE + "\n", encoding="utf-8")
    _owned_by_nobody(data, pw)
    return data, pw, key, names


def _gcore_works_on_an_unhardened_process(folder: Path) -> None:
    """Control for the refusal below: the same user can gcore an ordinary Python process."""
    assert GCORE is not None
    sleeper = _as_nobody(
        [sys.executable, "-c", "import sys, time; print(flush=True); time.sleep(60)"],
        folder,
        stdout=subprocess.PIPE,
    )
    try:
        assert sleeper.stdout is not None
        sleeper.stdout.readline()
        _as_nobody(
            [GCORE, "-o", str(folder / "control-gcore"), str(sleeper.pid)],
            folder,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        ).wait(timeout=60)
    finally:
        sleeper.kill()
        sleeper.wait()
    made = list(folder.glob("control-gcore*"))
    assert made, "gcore does not work for this user here: the refusal below would prove nothing"
    for path in made:
        path.unlink()


def test_no_core_of_the_running_program(demo: tuple[Path, Path, bytes, list[str]], open_root: Path):
    if resource.getrlimit(resource.RLIMIT_CORE)[1] != resource.RLIM_INFINITY:
        pytest.skip("this test process may not allow core dumps to its children")
    if _core_pattern() != "core":
        pytest.skip(f"core_pattern is {_core_pattern()!r}, not a file in the working folder")
    data, pw, key, names = demo
    secrets = [key, key.hex().encode(), *_forms(PASSPHRASE), *(f for n in names for f in _forms(n))]

    # Control: an unhardened Python process of the same user, holding the passphrase.
    control_dir = open_root / "control"
    control_dir.mkdir()
    _owned_by_nobody(control_dir)
    control = _as_nobody(
        [
            sys.executable,
            "-c",
            f"import os, signal; pw = open({str(pw)!r}).read(); "
            "os.kill(os.getpid(), signal.SIGABRT)",
        ],
        control_dir,
    )
    control.wait(timeout=30)
    if not _wait_for(control_dir / "core"):
        pytest.skip("this kernel writes no core files here; nothing to compare against")
    control_core = (control_dir / "core").read_bytes()
    assert any(f in control_core for f in _forms(PASSPHRASE))  # the search finds it

    # The real program, unlocked and held mid-dump (nobody reads its output).
    run_dir = open_root / "run"
    run_dir.mkdir()
    _owned_by_nobody(run_dir)
    proc = _as_nobody(
        [
            sys.executable,
            "-m",
            "asd_desktop",
            "dump",
            "--data-dir",
            str(data),
            "--passphrase-file",
            str(pw),
        ],
        run_dir,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert proc.stdout is not None
        fcntl.fcntl(proc.stdout.fileno(), fcntl.F_SETPIPE_SZ, 4096)  # fills after a few lines
        assert proc.stdout.readline().startswith(b"{")  # unlocked: the dump has begun
        time.sleep(0.5)  # now blocked on the full pipe, the secrets in memory
        assert proc.poll() is None
        limits = Path(f"/proc/{proc.pid}/limits").read_text()
        core_line = next(line for line in limits.splitlines() if "core file" in line)
        assert core_line.split()[-3:-1] == ["0", "0"], core_line

        if GCORE is not None:
            _gcore_works_on_an_unhardened_process(run_dir)
            # gcore as the same user: refused for the hardened program.
            attach = _as_nobody(
                [GCORE, "-o", str(run_dir / "gcore"), str(proc.pid)],
                run_dir,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            attach.wait(timeout=60)
            assert not list(run_dir.glob("gcore*"))

        assert proc.poll() is None
        proc.send_signal(signal.SIGABRT)
        proc.wait(timeout=20)
        assert proc.returncode == -signal.SIGABRT
        time.sleep(0.5)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    cores = list(run_dir.glob("core*"))
    for core in cores:  # none is expected; if one were written, it must hold nothing
        raw = core.read_bytes()
        assert not [s for s in secrets if s in raw]
    assert cores == []
