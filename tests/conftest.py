"""Shared fixtures: headless Qt, a fast-KDF-free way to get an open case file."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from asd_desktop.services import vault

PASSPHRASE = "Sonnenblume-Küchentisch-42"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """An empty data folder."""
    return tmp_path / "daten"


@pytest.fixture
def opened(data_dir: Path) -> Iterator[vault.OpenVault]:
    """A freshly created, unlocked case file."""
    ov = vault.create_vault(data_dir, PASSPHRASE, PASSPHRASE)
    yield ov
    ov.close()


# The three-database fixtures of the sync tests (after PASSPHRASE: that module imports it).
from tests.sync.trio import trio, trio_template  # noqa: E402, F401
