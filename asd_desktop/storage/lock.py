"""A lock on the data folder so that only one program works on it at a time."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import TracebackType

from asd_desktop.models.errors import DataDirInUseError

LOCK_NAME = "asd-desktop.lock"


class DataDirLock:
    """An exclusive, non-blocking OS lock on ``DATA_DIR/asd-desktop.lock``.

    The OS releases it when the process dies, so a crash never leaves a stale lock.
    """

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / LOCK_NAME
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock or raise :class:`DataDirInUseError`."""
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            _lock(fd)
        except OSError as exc:
            os.close(fd)
            raise DataDirInUseError(
                "asd-desktop ist bereits geöffnet und arbeitet mit diesem Datenordner. "
                "Bitte das bereits geöffnete Fenster verwenden oder es zuerst schließen."
            ) from exc
        self._fd = fd

    def release(self) -> None:
        """Give the lock back; safe to call twice."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> DataDirLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()


def _lock(fd: int) -> None:
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt

        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
