"""Program settings that hold nothing personal, kept as ``settings.json`` in the data folder."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from asd_desktop.storage.atomic import atomic_write

SETTINGS_FILE = "settings.json"
MIN_IDLE_MINUTES, MAX_IDLE_MINUTES = 1, 120
DEFAULT_IDLE_MINUTES = 5


@dataclass(frozen=True)
class Settings:
    """What a caseworker may adjust; never names or case data."""

    idle_lock_minutes: int = DEFAULT_IDLE_MINUTES


def settings_path(data_dir: Path) -> Path:
    """The settings file in ``data_dir``."""
    return data_dir / SETTINGS_FILE


def load_settings(data_dir: Path) -> Settings:
    """The stored settings; defaults when the file is missing or unreadable."""
    try:
        raw = json.loads(settings_path(data_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    minutes = raw.get("idle_lock_minutes") if isinstance(raw, dict) else None
    if isinstance(minutes, bool) or not isinstance(minutes, int):
        return Settings()
    return Settings(idle_lock_minutes=_clamp(minutes))


def save_settings(data_dir: Path, settings: Settings) -> None:
    """Store ``settings`` atomically (raises StorageFullError when the disk is full)."""
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    value = Settings(idle_lock_minutes=_clamp(settings.idle_lock_minutes))
    atomic_write(settings_path(data_dir), json.dumps(asdict(value), indent=2).encode("utf-8"))


def _clamp(minutes: int) -> int:
    return max(MIN_IDLE_MINUTES, min(MAX_IDLE_MINUTES, minutes))
