"""The moderator's view: an external Familienrat moderator's laptop gets the Familienrat only.

Real encrypted databases (the trio's office O with the demo families, and a fourth
laptop M enrolled as "Familienrat-Koordination (extern)"), real bundles through a stick.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from asd_desktop import cli
from asd_desktop.domain.entrusted import Exit
from asd_desktop.domain.enums import DocumentKind
from asd_desktop.domain.sync_states import DeviceScope
from asd_desktop.models import Case
from asd_desktop.models.documents import Document
from asd_desktop.models.familienrat import FamilyCouncil
from asd_desktop.models.privacy import EntrustedConsent
from asd_desktop.services import vault
from asd_desktop.services.sync import devices
from asd_desktop.services.sync.moderator import CASE_FIELDS, COUNCIL_DOCUMENT_KINDS, COUNCIL_TABLES
from asd_desktop.services.sync.tables import case_column, replicated_tables
from tests.conftest import PASSPHRASE
from tests.sync.trio import Node, Trio


def _moderator(trio: Trio, root: Path) -> Node:
    result = trio.o.ov.sync.enroll(
        "Laptop Frau Yilmaz (Familienrat)", root / "einrichtung-m", scope=DeviceScope.FAMILIENRAT
    )
    ov = vault.create_vault(root / "m", PASSPHRASE, PASSPHRASE)
    ov.sync.join(result.path, result.code)
    return Node("M", ov)


def _council_case(o: Node) -> str:
    """A demo case with a Familienrat (and goals, persons … beside it)."""
    with o.ov.database.session_factory() as s:
        return str(
            s.scalars(
                select(FamilyCouncil.case_id)
                .where(FamilyCouncil.deleted.is_(False))
                .group_by(FamilyCouncil.case_id)
                .order_by(func.count().desc())
            ).first()
        )


def _two_documents(o: Node, case_id: str) -> tuple[str, str]:
    """Two letters of the case outside the Familienrat; a consent opens the first to it."""
    ids = []
    with o.ov.database.session_factory.begin() as s:
        for title in ("Schreiben an die Schule", "Schreiben an den Kinderarzt"):
            doc = Document(
                case_id=case_id,
                kind=DocumentKind.MANDATE_LETTER.value,
                title=title,
                created_at=dt.datetime(2026, 11, 20, 9, 0),
                sha256=hashlib.sha256(title.encode()).hexdigest(),
                content=b"%PDF-1.4 " + title.encode(),
                entrusted_by="Mutter",
            )
            s.add(doc)
            s.flush()
            ids.append(doc.id)
        s.add(
            EntrustedConsent(
                case_id=case_id,
                record_table="documents",
                record_id=ids[0],
                given_by="Mutter",
                given_on=dt.date(2026, 11, 21),
                purpose="für die Vorbereitung des Familienrats",
                covers=[Exit.MODERATOR.value],
            )
        )
    return ids[0], ids[1]


def _rows(lines: list[str]) -> list[dict[str, object]]:
    return [json.loads(line) for line in lines]


def _case_rows_elsewhere(o: Node, case_id: str) -> dict[str, set[str]]:
    """Office: the ids of every record of the case outside the Familienrat part."""
    found: dict[str, set[str]] = {}
    with o.ov.database.session_factory() as s:
        conn = s.connection()
        for table in replicated_tables():
            key = case_column(table)
            if key is None or table.name in COUNCIL_TABLES or table.name == "cases":
                continue
            ids = set(conn.execute(select(table.c.id).where(table.c[key] == case_id)).scalars())
            if table.name == "documents":
                kinds = {
                    i: k
                    for i, k in conn.execute(
                        select(table.c.id, table.c.kind).where(table.c[key] == case_id)
                    ).tuples()
                }
                ids = {i for i in ids if kinds[i] not in COUNCIL_DOCUMENT_KINDS}
            if ids:
                found[table.name] = ids
    return found


def _cli_dump(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """``asd-desktop dump`` of that data folder: canonical JSON lines on standard output."""
    pw = data_dir.parent / "pw-m.txt"
    pw.write_text(PASSPHRASE + "\n", encoding="utf-8")
    capsys.readouterr()
    assert cli.main(["dump", "--data-dir", str(data_dir), "--passphrase-file", str(pw)]) == 0
    return capsys.readouterr().out.splitlines()


def test_the_moderators_dump_holds_only_the_familienrat_part(
    trio: Trio, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    m = _moderator(trio, tmp_path)
    try:
        baseline = set(m.dump())  # what a new database holds of itself (reference data)
        peer = next(p for p in trio.o.ov.sync.devices() if p.device_id == m.device_id)
        assert peer.moderator
        assert peer.scope_label == "Familienrat-Koordination (extern)"
        case_id = _council_case(trio.o)
        other_cases = [c for c in trio.o.case_ids() if c != case_id]
        consented, withheld = _two_documents(trio.o, case_id)
        trio.o.ov.sync.assign(case_id, m.device_id)
        report = trio.send(trio.o, m)
        assert report.changed["family_councils"] >= 1

        lines = _cli_dump(m.ov.data_dir, capsys)
        assert lines == m.dump()
        received = _rows([line for line in lines if line not in baseline])
        tables = {r["table"] for r in received}
        assert tables <= {"cases", "documents", *COUNCIL_TABLES}, tables
        assert "family_councils" in tables
        assert "council_participants" in tables

        # Of the case, only what is needed to show it; nothing of any other case.
        (case_row,) = [r["data"] for r in received if r["table"] == "cases"]
        assert isinstance(case_row, dict)
        assert case_row["id"] == case_id
        with trio.o.ov.database.session_factory() as s:
            office_case = s.get(Case, case_id)
            assert office_case is not None
            description = office_case.description
        assert case_row["family_name"] == office_case.family_name
        assert description.strip()  # the demo case has a description …
        assert case_row["description"] == ""  # … which the moderator does not get
        shown = {k for k, v in case_row.items() if v not in ("", None, [], {}, False)}
        assert shown - {"id", "version_vector", "origin_device", "origin_counter", "hlc"} <= (
            CASE_FIELDS
        )
        text = "\n".join(lines)
        assert not [c for c in other_cases if c in text]
        # Every other record of the case (persons, goals, Aufträge, assessments …) stays away.
        elsewhere = _case_rows_elsewhere(trio.o, case_id)
        assert "persons" in elsewhere
        assert len(elsewhere) >= 3, elsewhere
        elsewhere["documents"].discard(consented)  # opened by the consent (asserted below)
        leaked = {t: {i for i in ids if i in text} for t, ids in elsewhere.items()}
        assert {t: ids for t, ids in leaked.items() if ids} == {}
        # A document reaches the moderator only as a Familienrat document or by consent.
        assert consented in text
        assert withheld not in text
        for row in received:
            data = row["data"]
            assert isinstance(data, dict)
            if row["table"] == "documents" and data["id"] != consented:
                assert data["kind"] in COUNCIL_DOCUMENT_KINDS
                assert not data.get("entrusted_by")
            else:
                assert data.get("case_id", data["id"]) == case_id
    finally:
        m.ov.close()


def test_the_moderators_edits_travel_back_others_are_refused_and_withdrawal_evicts(
    trio: Trio, tmp_path: Path
):
    m = _moderator(trio, tmp_path)
    try:
        case_id = _council_case(trio.o)
        trio.o.ov.sync.assign(case_id, m.device_id)
        trio.send(trio.o, m)
        with m.ov.database.session_factory() as s:
            council_id = s.scalars(
                select(FamilyCouncil.id).where(FamilyCouncil.case_id == case_id)
            ).first()
        assert council_id is not None

        # The moderator edits the council (travels back) and the case (refused).
        m.edit(FamilyCouncil, council_id, place="Gemeindehaus St. Marien, Saal 2")
        m.edit(Case, case_id, family_name="Umbenannt vom Moderator")
        report = trio.send(m, trio.o)
        assert report.changed.get("family_councils") == 1
        assert report.refused_records == {"Fall": 1}
        assert "außerhalb des Familienrats (Fall: 1)" in report.refused_records_message
        assert trio.o.get(FamilyCouncil, council_id).place == "Gemeindehaus St. Marien, Saal 2"
        assert trio.o.get(Case, case_id).family_name != "Umbenannt vom Moderator"

        # And the office's edit of the council reaches the moderator.
        trio.o.edit(FamilyCouncil, council_id, setting_notes="Dolmetscherin für Türkisch bestellt")
        trio.send(trio.o, m)
        assert m.get(FamilyCouncil, council_id).setting_notes.startswith("Dolmetscherin")

        # After the Folge-Rat the office ends the assignment: the laptop deletes and confirms.
        trio.o.ov.sync.unassign(case_id, m.device_id)
        report = trio.send(trio.o, m)
        assert report.evicted_cases == 1
        assert case_id not in "\n".join(m.dump())
        trio.send(m, trio.o)
        with trio.o.ov.database.session_factory() as s:
            assert case_id not in devices.assignments(s, m.device_id, ("active", "withdrawing"))
    finally:
        m.ov.close()
