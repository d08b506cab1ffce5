"""Shared fixtures: headless Qt, a fast-KDF-free way to get an open case file."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from asd_desktop.services import vault
from asd_desktop.storage import server

PASSPHRASE = "Sonnenblume-Küchentisch-42"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """An empty data folder."""
    return tmp_path / "daten"


#: Service tests that run against both hub databases: the encrypted SQLite file and an office
#: hub on PostgreSQL (a throwaway server, see tests/pg.py).
BOTH_BACKENDS = {
    "test_cases",
    "test_case_summaries",
    "test_consultation_service",
    "test_deadlines_service",
    "test_documents",
    "test_drafts_service",
    "test_familienrat_service",
    "test_goals_service",
    "test_instruments_service",
    "test_sozialraum_service",
    "test_calendar_export",
    "test_wirkung_service",
    "test_hilfen_service",
    "test_network_service",
    "test_document_proofs",
}


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Run the service tests (``opened``) and the sync scenarios (``trio``) on both backends."""
    module = metafunc.module.__name__.rsplit(".", 1)[-1]
    wants = "opened" in metafunc.fixturenames and module in BOTH_BACKENDS
    three = "trio" in metafunc.fixturenames or "trio_template" in metafunc.fixturenames
    wants = wants or (three and module.startswith("test_scenario"))
    if wants and "hub_backend" in metafunc.fixturenames:
        metafunc.parametrize("hub_backend", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture
def hub_backend(request: pytest.FixtureRequest) -> str:
    """Where the hub (``opened``, the office O) lives: "sqlite" or "postgresql"."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture
def opened(
    data_dir: Path, hub_backend: str, request: pytest.FixtureRequest
) -> Iterator[vault.OpenVault]:
    """A freshly created, unlocked case file (on PostgreSQL when so parametrized)."""
    if hub_backend == "postgresql":
        server.use_server(data_dir, request.getfixturevalue("pg_url"))
    ov = vault.create_vault(data_dir, PASSPHRASE, PASSPHRASE)
    yield ov
    ov.close()
    server.use_server(data_dir, None)


# The three-database fixtures of the sync tests (after PASSPHRASE: that module imports it).
from tests.pg import pg_cluster, pg_url  # noqa: E402, F401
from tests.sync.trio import (  # noqa: E402, F401
    trio,
    trio_template,
    trio_template_pg,
    trio_template_sqlite,
)
