"""Program settings, kept as ``settings.json`` in the data folder.

The file holds no data of any family: only the idle lock and the caseworker's
own office letterhead (office name, address, phone, e-mail, office hours, the
caseworker's name and direct line), which every letter prints. Those are the
caseworker's professional contact details, printed on every letter anyway, so
they may live outside the encrypted vault.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from asd_desktop.domain.office import Office, office_from_mapping
from asd_desktop.domain.retention import RetentionRules, rules_from_mapping
from asd_desktop.domain.working_days import DEFAULT_STATE, FEDERAL_STATES
from asd_desktop.storage.atomic import atomic_write
from asd_desktop.storage.paths import special_file_problem

SETTINGS_FILE = "settings.json"
MIN_IDLE_MINUTES, MAX_IDLE_MINUTES = 1, 120
DEFAULT_IDLE_MINUTES = 5


@dataclass(frozen=True)
class Settings:
    """What a caseworker may adjust; never a family's names or case data."""

    idle_lock_minutes: int = DEFAULT_IDLE_MINUTES
    #: The office's federal state (two-letter code); its public holidays move proposed dates.
    federal_state: str = DEFAULT_STATE
    #: The letterhead (Datei → Dienststelle …); the caseworker's own office data.
    office: Office = field(default_factory=Office)
    #: Whether the first-start prompt for the office was shown (and filled in or skipped).
    office_prompted: bool = False
    #: The office's retention rules (what starts the clock, how long; domain.retention).
    retention: RetentionRules = field(default_factory=RetentionRules)


def settings_path(data_dir: Path) -> Path:
    """The settings file in ``data_dir``."""
    return data_dir / SETTINGS_FILE


def load_settings(data_dir: Path) -> Settings:
    """The stored settings; defaults when the file is missing or unreadable."""
    if special_file_problem(settings_path(data_dir)):
        return Settings()  # a FIFO or device here would block the read forever
    try:
        raw = json.loads(settings_path(data_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    if not isinstance(raw, dict):
        return Settings()
    minutes = raw.get("idle_lock_minutes")
    if isinstance(minutes, bool) or not isinstance(minutes, int):
        minutes = DEFAULT_IDLE_MINUTES
    return Settings(
        idle_lock_minutes=_clamp(minutes),
        office=office_from_mapping(raw.get("office")),
        office_prompted=raw.get("office_prompted") is True,
        federal_state=_state(raw.get("federal_state")),
        retention=rules_from_mapping(raw.get("retention")),
    )


def save_settings(data_dir: Path, settings: Settings) -> None:
    """Store ``settings`` atomically (raises StorageFullError when the disk is full)."""
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    value = replace(
        settings,
        idle_lock_minutes=_clamp(settings.idle_lock_minutes),
        federal_state=_state(settings.federal_state),
    )
    atomic_write(settings_path(data_dir), json.dumps(asdict(value), indent=2).encode("utf-8"))


def _clamp(minutes: int) -> int:
    return max(MIN_IDLE_MINUTES, min(MAX_IDLE_MINUTES, minutes))


def _state(value: object) -> str:
    """A known federal state code, else the default (Hamburg)."""
    return value if isinstance(value, str) and value in FEDERAL_STATES else DEFAULT_STATE
