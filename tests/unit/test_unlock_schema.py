"""Unlock checks the schema version cheaply; migrations and the full foreign-key check run
only when the schema is behind, and ``asd-desktop check`` still checks every reference."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, event

from asd_desktop.domain.enums import Area
from asd_desktop.services import vault
from asd_desktop.services.cases import AreaInput, CaseInput
from asd_desktop.services.check import check_database
from asd_desktop.storage.database import MIGRATIONS_DIR, Database, head_revision
from asd_desktop.storage.engine import create_encrypted_engine
from asd_desktop.storage.paths import db_path

TODAY = dt.date(2024, 4, 2)
#: A table the sync-bookkeeping migration (0006) creates.
NEW_IN_0006 = "sync_assignments"
AREA = AreaInput(Area.SERVICE, TODAY, "Antrag auf Hilfe zur Erziehung", "Team West")


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


@contextmanager
def _statements() -> Iterator[list[str]]:
    """Every SQL statement any engine sends to its driver while the block runs."""
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(statement)

    event.listen(Engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(Engine, "before_cursor_execute", record)


def _fk_checks(statements: list[str]) -> int:
    return sum("foreign_key_check" in s.lower() for s in statements)


def _schema_changes(statements: list[str]) -> list[str]:
    changing = ("CREATE", "ALTER", "DROP", "UPDATE ALEMBIC_VERSION", "INSERT INTO ALEMBIC_VERSION")
    return [s for s in statements if s.lstrip().upper().startswith(changing)]


def _version(database: Database) -> list[str]:
    with database.engine.connect() as conn:
        return [r[0] for r in conn.exec_driver_sql("SELECT version_num FROM alembic_version")]


@pytest.fixture
def key() -> bytes:
    return os.urandom(32)


def test_the_cheap_head_is_alembics_head():
    assert head_revision() == ScriptDirectory.from_config(_config()).get_current_head()


def test_a_new_database_is_migrated_and_its_references_checked(tmp_path: Path, key: bytes):
    with _statements() as seen:
        database = Database.open(db_path(tmp_path), key)
    try:
        assert _version(database) == [head_revision()]
    finally:
        database.close()
    assert _fk_checks(seen) == 1
    assert _schema_changes(seen)


def test_a_database_at_head_opens_without_migrations_or_reference_check(tmp_path: Path, key: bytes):
    Database.open(db_path(tmp_path), key).close()

    with _statements() as seen:
        again = Database.open(db_path(tmp_path), key)
    try:
        assert _version(again) == [head_revision()]
    finally:
        again.close()
    assert any("alembic_version" in s for s in seen)  # the version was read …
    assert _fk_checks(seen) == 0  # … and nothing that grows with the records ran
    assert _schema_changes(seen) == []


def test_an_older_database_is_migrated_and_checked_on_unlock(tmp_path: Path, key: bytes):
    engine = create_encrypted_engine(db_path(tmp_path), key)
    config = _config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0005")
    engine.dispose()

    with _statements() as seen:
        database = Database.open(db_path(tmp_path), key)
    try:
        assert _version(database) == [head_revision()]
        with database.engine.connect() as conn:
            tables = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master")}
    finally:
        database.close()
    assert _fk_checks(seen) == 1
    assert _schema_changes(seen)
    assert head_revision() != "0005"
    assert NEW_IN_0006 in tables


def test_check_still_finds_orphaned_references_the_unlock_no_longer_looks_for(
    tmp_path: Path, key: bytes
):
    opened = vault.open_with_key(tmp_path, key)
    try:
        case_id = opened.cases.create_case(CaseInput("AZ-1", "Yılmaz", TODAY), AREA).id
        with opened.database.engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            assert raw is not None
            raw.execute("PRAGMA foreign_keys = OFF")
            raw.execute("DELETE FROM cases WHERE id = ?", (case_id,))
            raw.commit()
            raw.execute("PRAGMA foreign_keys = ON")
    finally:
        opened.close()

    with _statements() as seen:
        again = vault.open_with_key(tmp_path, key)
    try:
        assert _fk_checks(seen) == 0
        with _statements() as checked:
            results = {r.name: r for r in check_database(again.database)}
    finally:
        again.close()
    assert _fk_checks(checked) == 1
    references = results["Verweise zwischen Datensätzen"]
    assert not references.ok
    assert "verwaiste Verweise" in references.detail
