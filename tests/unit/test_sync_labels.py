"""Every field the conflict inbox may show has a German name."""

from __future__ import annotations

from asd_desktop.services.sync.tables import FIELD_LABELS, RECORD_LABELS, replicated_tables

BOOKKEEPING = {"id", "case_id", "version_vector", "origin_device", "origin_counter", "hlc"}


def test_every_travelling_field_and_record_has_a_german_name() -> None:
    unnamed = [
        f"{table.name}.{column.name}"
        for table in replicated_tables()
        for column in table.columns
        if column.name not in BOOKKEEPING | {"unknown_fields"} and column.name not in FIELD_LABELS
    ]
    assert unnamed == []
    assert sorted(t.name for t in replicated_tables() if t.name not in RECORD_LABELS) == []
