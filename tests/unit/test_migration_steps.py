"""Migration 0008: every stored next step becomes an open-step record, nothing lost."""

from __future__ import annotations

import datetime as dt
import shutil
import uuid
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import select

from asd_desktop.domain.enums import Area, ContactKind
from asd_desktop.models import Step
from asd_desktop.services import vault
from asd_desktop.services.cases import AreaInput, CaseInput, ContactInput
from asd_desktop.storage.database import MIGRATIONS_DIR
from asd_desktop.storage.engine import create_encrypted_engine
from asd_desktop.storage.paths import db_path, vault_path
from asd_desktop.storage.vault import Vault
from tests.conftest import PASSPHRASE

NAMESPACE = uuid.UUID("6f1e4c1e-9a51-4c0e-8a4b-3d5f0c2b7a10")
WHEN = dt.datetime(2026, 11, 30, 10, 0)


def _at_0007_with_next_steps(data_dir: Path) -> dict[str, str]:
    ov = vault.create_vault(data_dir, PASSPHRASE, PASSPHRASE)
    try:
        case = ov.cases.create_case(
            CaseInput(file_number="ASD-M-0001", family_name="Kaya", opened_on=WHEN.date()),
            AreaInput(Area.SERVICE, WHEN.date(), "Antrag", "Team West"),
        )
        kept = ov.cases.record_contact(
            case.id,
            ContactInput(
                WHEN,
                ContactKind.HOME_VISIT_ANNOUNCED,
                note="Hausbesuch",
                next_step="Kita-Anwesenheit einholen",
                next_step_due=dt.date(2026, 12, 4),
            ),
        )
        old = ov.cases.record_contact(
            case.id, ContactInput(WHEN, ContactKind.PHONE, note="Anruf", next_step="Termin")
        )
        fixed = ov.cases.record_contact(
            case.id,
            ContactInput(WHEN, ContactKind.PHONE, note="Anruf", next_step="Termin beim Kinderarzt"),
            corrects_id=old.id,
        )
        ov.cases.record_contact(case.id, ContactInput(WHEN, ContactKind.PHONE, note="ohne"))
    finally:
        ov.close()
    key = Vault.load(vault_path(data_dir)).unlock(PASSPHRASE)
    engine = create_encrypted_engine(db_path(data_dir), key)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.connect() as conn:
        # As the program migrates: batch operations rebuild tables, so foreign keys are off
        # (set outside the transaction) while the downgrade runs.
        raw = conn.connection.dbapi_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys = OFF")
        with conn.begin():
            config.attributes["connection"] = conn
            command.downgrade(config, "0007")
    engine.dispose()
    return {"kept": kept.id, "old": old.id, "fixed": fixed.id}


def _steps(data_dir: Path) -> list[Step]:
    ov = vault.unlock_vault(data_dir, PASSPHRASE)  # migrates to head
    try:
        with ov.database.session_factory() as s:
            steps = list(s.scalars(select(Step).order_by(Step.text)))
            s.expunge_all()
            return steps
    finally:
        ov.close()


def test_every_current_next_step_becomes_a_step_and_two_machines_agree(tmp_path: Path) -> None:
    ids = _at_0007_with_next_steps(tmp_path / "a")
    shutil.copytree(tmp_path / "a", tmp_path / "b")
    steps = _steps(tmp_path / "a")
    assert [(s.text, s.due_on, s.contact_id) for s in steps] == [
        ("Kita-Anwesenheit einholen", dt.date(2026, 12, 4), ids["kept"]),
        ("Termin beim Kinderarzt", None, ids["fixed"]),  # the correction's step, not the old one
    ]
    assert all(s.id == str(uuid.uuid5(NAMESPACE, s.contact_id or "")) for s in steps)
    assert all(s.done_on is None and not s.deleted for s in steps)
    assert all(s.version_vector == {s.origin_device: s.origin_counter} for s in steps)
    # Another machine migrating the same contacts makes the very same records.
    other = _steps(tmp_path / "b")
    assert [(s.id, s.text, s.hlc) for s in other] == [(s.id, s.text, s.hlc) for s in steps]
