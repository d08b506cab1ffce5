"""The encrypted database: pragmas, migrations, the replicated-record base and the lock."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, event, select

from asd_desktop.domain.enums import Area, Role
from asd_desktop.models.base import LocalDevice
from asd_desktop.models.case import Case, Person
from asd_desktop.models.errors import AsdError, DataDirInUseError
from asd_desktop.models.ids import Hlc
from asd_desktop.services import vault
from asd_desktop.services.cases import AreaInput, CaseInput, PersonInput
from asd_desktop.storage.database import MIGRATIONS_DIR, Database
from asd_desktop.storage.lock import DataDirLock
from asd_desktop.storage.paths import db_path

TODAY = dt.date(2024, 4, 2)
AREA = AreaInput(Area.SERVICE, TODAY, "Antrag auf Hilfe zur Erziehung", "Team West")


@pytest.fixture
def key() -> bytes:
    return os.urandom(32)


@pytest.fixture
def db(tmp_path: Path, key: bytes) -> Iterator[vault.OpenVault]:
    """An open case file on a raw key (no vault, no KDF)."""
    opened = vault.open_with_key(tmp_path, key)
    yield opened
    opened.close()


def _case(opened: vault.OpenVault, number: str = "AZ-1", family: str = "Yılmaz") -> str:
    return opened.cases.create_case(CaseInput(number, family, TODAY), AREA).id


def _stored(opened: vault.OpenVault, cls: Any, row_id: str) -> Any:
    with opened.database.session_factory() as s:
        row = s.get(cls, row_id)
        assert row is not None
        s.expunge(row)
        return row


# --- pragmas and migrations ---------------------------------------------------------------


def test_every_connection_is_encrypted_durable_and_strict(db: vault.OpenVault):
    with db.database.engine.connect() as conn:

        def pragma(name: str) -> Any:
            return conn.exec_driver_sql(f"PRAGMA {name}").scalar()

        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2  # FULL
        assert pragma("foreign_keys") == 1
        assert pragma("secure_delete") == 1
        assert pragma("temp_store") == 2  # MEMORY: no unencrypted temp files
        assert str(pragma("cipher_version")).startswith("4")


def _head() -> str:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    scripts = ScriptDirectory.from_config(config)
    assert scripts.get_revision("0001") is not None  # the baseline stays in the history
    head = scripts.get_current_head()
    assert head is not None
    return head


def test_migrations_are_at_head_and_not_run_again_on_reopen(tmp_path: Path, key: bytes):
    first = Database.open(db_path(tmp_path), key)
    with first.engine.connect() as conn:
        versions = [
            tuple(r) for r in conn.exec_driver_sql("SELECT version_num FROM alembic_version")
        ]
        tables = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master")}
    device = first.device_id
    first.close()
    assert versions == [(_head(),)]
    assert {"cases", "persons", "area_assignments", "contacts", "audit_log"} <= tables

    statements: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(Engine, "before_cursor_execute", record)
    try:
        again = Database.open(db_path(tmp_path), key)
    finally:
        event.remove(Engine, "before_cursor_execute", record)
    try:
        assert again.device_id == device
        with again.engine.connect() as conn:
            again_versions = conn.exec_driver_sql("SELECT version_num FROM alembic_version")
            assert [tuple(r) for r in again_versions] == [(_head(),)]
    finally:
        again.close()
    # The reopen read the version and touched no schema.
    assert any("alembic_version" in s for s in statements)
    ddl = [s for s in statements if s.lstrip().upper().startswith(("CREATE", "ALTER", "DROP"))]
    assert ddl == []


def test_the_device_id_is_made_once_and_is_a_uuid7(db: vault.OpenVault):
    assert uuid.UUID(db.database.device_id).version == 7
    with db.database.session_factory() as s:
        assert len(s.scalars(select(LocalDevice)).all()) == 1


# --- the replicated base ------------------------------------------------------------------


def test_a_new_case_is_stamped_with_id_vector_dot_and_clock(db: vault.OpenVault):
    device = db.database.device_id
    case = _stored(db, Case, _case(db))
    assert uuid.UUID(case.id).version == 7
    assert uuid.UUID(case.id).variant == uuid.RFC_4122
    assert case.origin_device == device
    assert case.origin_counter >= 1
    assert case.version_vector == {device: case.origin_counter}
    assert case.hlc
    assert Hlc.decode(case.hlc).wall_ms > 0
    assert case.deleted is False
    assert case.unknown_fields == {}


def test_ids_of_rows_made_one_after_another_sort_by_time(db: vault.OpenVault):
    ids = [_case(db, f"AZ-{i}") for i in range(5)]
    created = [uuid.UUID(i).int >> 80 for i in ids]  # the 48-bit millisecond prefix
    assert created == sorted(created)
    assert len(set(ids)) == 5


def test_an_edit_advances_the_counter_and_keeps_the_vector_monotone(db: vault.OpenVault):
    device = db.database.device_id
    case_id = _case(db)
    before = _stored(db, Case, case_id)
    db.cases.update_case(case_id, CaseInput("AZ-1", "Yılmaz-Demir", TODAY))
    after = _stored(db, Case, case_id)
    assert after.origin_counter > before.origin_counter
    assert after.version_vector == {device: after.origin_counter}
    assert all(after.version_vector[d] >= n for d, n in before.version_vector.items())
    assert after.hlc > before.hlc
    # A device counter that every later change builds on.
    with db.database.session_factory() as s:
        local = s.get(LocalDevice, 1)
        assert local is not None
        assert local.counter >= after.origin_counter


def test_an_unchanged_row_is_not_restamped(db: vault.OpenVault):
    case_id = _case(db)
    before = _stored(db, Case, case_id)
    db.cases.get_case(case_id)  # reading (and auditing the opening) changes no case row
    assert _stored(db, Case, case_id).hlc == before.hlc


def test_the_clock_never_goes_backwards_when_the_wall_clock_does(
    db: vault.OpenVault, monkeypatch: pytest.MonkeyPatch
):
    case_id = _case(db)
    stamps = [_stored(db, Case, case_id).hlc]
    real = time.time
    monkeypatch.setattr(time, "time", lambda: real() - 3 * 24 * 3600)
    for n in range(3):
        db.cases.update_case(case_id, CaseInput("AZ-1", f"Yılmaz {n}", TODAY))
        stamps.append(_stored(db, Case, case_id).hlc)
    monkeypatch.undo()
    assert stamps == sorted(stamps)
    assert len(set(stamps)) == len(stamps)
    # The wall part stayed at the newest reading, days ahead of the clock; the logical part counted.
    clocks = [Hlc.decode(s) for s in stamps]
    assert all(c.wall_ms == clocks[1].wall_ms for c in clocks[1:])
    assert clocks[1].wall_ms > (real() - 24 * 3600) * 1000
    assert [c.logical for c in clocks[1:]] == sorted(c.logical for c in clocks[1:])


def test_deleting_a_replicated_row_is_refused(db: vault.OpenVault):
    case_id = _case(db)
    with db.database.session_factory() as s:
        s.delete(s.get(Case, case_id))
        with pytest.raises(AsdError, match="nicht gelöscht, sondern als gelöscht markiert"):
            s.commit()
    assert _stored(db, Case, case_id).family_name == "Yılmaz"


def test_a_tombstone_empties_the_personal_fields(db: vault.OpenVault):
    case_id = _case(db)
    person = db.cases.add_person(
        case_id,
        PersonInput(
            "Wójcik",
            "Małgorzata",
            birth_date=dt.date(2016, 2, 3),
            address="Am Markt 1",
            phone="0151 123",
            languages="Polnisch",
            roles=(Role.CHILD,),
        ),
    )
    before = _stored(db, Person, person.id)
    with db.database.session_factory.begin() as s:
        row = s.get(Person, person.id)
        assert row is not None
        row.deleted = True
    gone = _stored(db, Person, person.id)
    assert gone.deleted is True
    assert (gone.last_name, gone.first_name, gone.address, gone.phone, gone.languages) == (
        "",
        "",
        "",
        "",
        "",
    )
    assert gone.birth_date is None
    assert gone.origin_counter > before.origin_counter
    assert gone.case_id == case_id  # structure stays, only the personal content goes
    assert [p.id for p in db.cases.get_case(case_id).persons] == []


# --- the data-folder lock ---------------------------------------------------------------


def test_a_second_lock_on_the_same_folder_is_refused_and_a_released_one_can_be_taken(
    tmp_path: Path,
):
    first = DataDirLock(tmp_path)
    first.acquire()
    second = DataDirLock(tmp_path)
    with pytest.raises(DataDirInUseError) as err:
        second.acquire()
    assert "bereits geöffnet" in err.value.message
    first.release()
    first.release()  # twice is harmless
    with second, pytest.raises(DataDirInUseError):
        DataDirLock(tmp_path).acquire()
    with DataDirLock(tmp_path):
        pass


def test_a_lock_held_by_another_process_is_refused_and_freed_when_it_dies(tmp_path: Path):
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; "
            "from asd_desktop.storage.lock import DataDirLock; "
            "lock = DataDirLock(Path(sys.argv[1])); lock.acquire(); "
            "print('locked', flush=True); sys.stdin.read()",
            str(tmp_path),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(DataDirInUseError):
            DataDirLock(tmp_path).acquire()
    finally:
        holder.kill()  # no clean release: the OS must free the lock
        holder.wait()
        for stream in (holder.stdin, holder.stdout):
            if stream is not None:
                stream.close()
    with DataDirLock(tmp_path):
        pass


def test_closing_forgets_the_key_so_nothing_can_reconnect(opened):
    from sqlalchemy import text

    from asd_desktop.models.errors import DatabaseUnreadableError

    engine = opened.database.engine
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM cases")).scalar() == 0
    opened.database.close()
    with pytest.raises(DatabaseUnreadableError, match="gesperrt"), engine.connect():
        pass
