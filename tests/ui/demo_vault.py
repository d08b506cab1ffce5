"""The demo case file, filled once per test session and copied for every test that needs it."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from asd_desktop.demo import fill_demo
from asd_desktop.services import vault
from tests.conftest import PASSPHRASE

TODAY = dt.date.today()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder with the hand-written demo families (filling takes a while: once only)."""
    data_dir = tmp_path_factory.mktemp("demo") / "daten"
    ov = vault.create_vault(data_dir, PASSPHRASE, PASSPHRASE)
    try:
        fill_demo(
            ov.database.session_factory,
            ov.database.device_id,
            cases=None,
            contacts_per_case=0,
            seed=1,
            today=TODAY,
        )
    finally:
        ov.close()
    return data_dir


@pytest.fixture
def demo_dir(demo_template: Path, tmp_path: Path) -> Path:
    """This test's own copy of the demo data folder (locked)."""
    target = tmp_path / "daten"
    shutil.copytree(demo_template, target)
    return target


@pytest.fixture
def demo(demo_dir: Path) -> Iterator[vault.OpenVault]:
    """This test's own copy of the demo case file, unlocked."""
    ov = vault.unlock_vault(demo_dir, PASSPHRASE)
    yield ov
    ov.close()
