"""Errors every layer may raise; each carries a German message a caseworker can act on."""

from __future__ import annotations


class AsdError(Exception):
    """Base of all expected failures; ``message`` is German and says what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class WrongPassphraseError(AsdError):
    """The passphrase does not open the vault."""


class VaultDamagedError(AsdError):
    """The vault file is missing, unreadable or carries impossible parameters."""


class DatabaseUnreadableError(AsdError):
    """The database file cannot be opened with the vault's key."""


class DataDirInUseError(AsdError):
    """Another running program holds the data folder."""


class StorageFullError(AsdError):
    """The disk is full or not writable; nothing was changed."""


class ValidationError(AsdError):
    """Input that cannot be stored; ``problems`` maps field names to German reasons."""

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__(" ".join(problems.values()))
        self.problems = problems


class NotFoundError(AsdError):
    """A record that should exist does not."""
