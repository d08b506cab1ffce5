"""The raw page scan finds a deleted name unless secure_delete and compaction ran."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import text

from asd_desktop.domain.enums import Area, ContactKind
from asd_desktop.services import vault
from asd_desktop.services.cases import AreaInput, CaseInput, ContactInput, PersonInput
from asd_desktop.storage import purge
from asd_desktop.storage.paths import db_path
from tests.privacy.raw_pages import leftovers

WORDS = ["Wendelgard", "Ottokarstrasse"]


def _case_with_names(ov: vault.OpenVault) -> str:
    row = ov.cases.create_case(
        CaseInput(file_number="51-0815", family_name="Wendelgard", opened_on=dt.date(2020, 1, 1)),
        AreaInput(
            area=Area.GREY, decided_on=dt.date(2020, 1, 1), reason="Sorge", decided_by="Fr. K"
        ),
    )
    ov.cases.add_person(row.id, PersonInput(last_name="Wendelgard", first_name="Ida"))
    for n in range(30):
        ov.cases.record_contact(
            row.id,
            ContactInput(
                occurred_at=dt.datetime(2020, 2, 1, 9) + dt.timedelta(days=n),
                kind=ContactKind.PHONE,
                note=f"Anruf {n}, Familie Wendelgard in der Ottokarstrasse",
            ),
        )
    return row.id


def test_without_secure_delete_and_vacuum_the_scan_finds_the_name(opened: vault.OpenVault) -> None:
    case_id = _case_with_names(opened)
    key = opened.database._key_holder.key()  # type: ignore[union-attr]
    with opened.database.session_factory.begin() as s:
        s.execute(text("PRAGMA secure_delete = OFF"))
        purge.remove_case(s, case_id)
    opened.close()
    assert leftovers(db_path(opened.data_dir), key, WORDS) != []


def test_remove_case_and_compaction_leave_nothing(opened: vault.OpenVault) -> None:
    case_id = _case_with_names(opened)
    key = opened.database._key_holder.key()  # type: ignore[union-attr]
    with opened.database.session_factory.begin() as s:
        purge.remove_case(s, case_id)
    purge.compact(opened.database.engine)
    assert leftovers(db_path(opened.data_dir), key, WORDS) == []
    opened.close()
    assert leftovers(db_path(opened.data_dir), key, WORDS) == []
