"""Where the data lives: platformdirs' user data folder unless told otherwise."""

from __future__ import annotations

import os
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
