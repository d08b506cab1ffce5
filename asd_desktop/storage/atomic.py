"""Atomic file writes: temp file beside the target, restrictive mode, fsync, rename."""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path

from asd_desktop.models.errors import AsdError, StorageFullError

_DISK_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES}


def atomic_write(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves either the old or the new file.

    Raises:
        StorageFullError: the disk is full or not writable; the old file is untouched.
    """
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if exc.errno in _DISK_FULL:
            raise StorageFullError(
                "Die Datei konnte nicht gespeichert werden: der Datenträger ist voll oder "
                "schreibgeschützt. Bitte Platz schaffen und es erneut versuchen; "
                "es wurde nichts verändert."
            ) from exc
        raise AsdError(
            f"Die Datei »{path.name}« konnte nicht gespeichert werden ({exc.strerror}). "
            "Bitte den Datenträger prüfen und es erneut versuchen; es wurde nichts verändert."
        ) from exc


def fsync_dir(directory: Path) -> None:
    """Make a rename in ``directory`` durable (no-op where directories cannot be opened)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
