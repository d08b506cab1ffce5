"""Where the data lives: platformdirs' user data folder unless told otherwise."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import platformdirs

ENV_DATA_DIR = "ASD_DESKTOP_DATA_DIR"
VAULT_FILE = "vault.json"
DB_FILE = "asd.db"


def default_data_dir() -> Path:
    """``$ASD_DESKTOP_DATA_DIR`` if set, else the platform's user data folder."""
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir("asd-desktop", appauthor=False, roaming=False))


def vault_path(data_dir: Path) -> Path:
    """The vault file in ``data_dir``."""
    return data_dir / VAULT_FILE


def db_path(data_dir: Path) -> Path:
    """The encrypted database in ``data_dir``."""
    return data_dir / DB_FILE


def special_file_problem(path: Path) -> str | None:
    """Why ``path`` cannot be one of our files (a FIFO, device, socket, folder), or None.

    Checked before anything opens the file: reading a FIFO would wait forever for a writer.
    A missing file is no problem here (the caller decides whether it must exist).
    """
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return None
    except OSError:
        return "lässt sich nicht prüfen"
    if stat.S_ISLNK(mode):
        try:
            mode = path.stat().st_mode
        except OSError:
            return "ist eine Verknüpfung, deren Ziel fehlt"
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "ist ein Ordner, keine Datei"
    if stat.S_ISFIFO(mode):
        return "ist eine Pipe (FIFO), keine gewöhnliche Datei"
    if stat.S_ISSOCK(mode):
        return "ist ein Socket, keine gewöhnliche Datei"
    return "ist eine Gerätedatei, keine gewöhnliche Datei"


def owner_only(path: Path) -> None:
    """Take group and others' access away from an existing file of ours (best effort)."""
    try:
        mode = path.stat().st_mode
        if stat.S_ISREG(mode) and mode & 0o077:
            os.chmod(path, stat.S_IMODE(mode) & 0o700)
    except OSError:
        pass
