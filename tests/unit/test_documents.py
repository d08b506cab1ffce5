"""The case's documents on a real encrypted database: store, check, print, export."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select, text

from asd_desktop.demo import fill_demo
from asd_desktop.domain.enums import Area, DocumentKind, GoalStatus, ResourceKind
from asd_desktop.models.audit import AuditEntry
from asd_desktop.models.documents import Document
from asd_desktop.models.errors import AsdError, NotFoundError
from asd_desktop.services import audit
from asd_desktop.services.cases import AreaInput, CaseInput, CaseQuery, PersonInput
from asd_desktop.services.documents import (
    DocumentAction,
    agreement_print,
    export_name,
    sha256_hex,
)
from asd_desktop.services.goals import (
    ActionGoalDraft,
    GoalDraft,
    ResourceDraft,
    StepDraft,
)
from asd_desktop.services.vault import OpenVault

FILE_NUMBER = "ASD-W-2026-0815"
AGREED = dt.date(2026, 11, 24)
PEOPLE = ("Małgorzata Wójcik", "Łukasz Wójcik", "Zofia Żak")
CASEWORKER = "Jiří Dvořák"
GOALS = (
    ActionGoalDraft(
        text="Łukasz geht jeden Morgen um 7:30 Uhr mit gepacktem Ranzen aus dem Haus.",
        indicator="Frau Żak sieht ihn jeden Tag vor dem ersten Klingeln im Klassenraum.",
        due_on=dt.date(2027, 3, 31),
        involved="Łukasz, Małgorzata Wójcik",
    ),
    ActionGoalDraft(
        text="Małgorzata Wójcik und Łukasz essen jeden Abend um 18:30 Uhr zusammen.",
        indicator="Łukasz erzählt beim Abendessen von seinem Tag.",
        due_on=dt.date(2027, 2, 28),
        involved="Małgorzata Wójcik, Łukasz, Şükrü Yılmaz (Nachbar)",
    ),
)


def make_case(opened: OpenVault, file_number: str = FILE_NUMBER) -> str:
    """A Leistungsbereich case of the Wójcik family with its people."""
    row = opened.cases.create_case(
        CaseInput(file_number, "Wójcik", dt.date(2026, 9, 1), CASEWORKER),
        AreaInput(Area.SERVICE, dt.date(2026, 9, 1), "Mutter bittet um Beratung", CASEWORKER),
    )
    for full in PEOPLE:
        first, last = full.split(" ")
        opened.cases.add_person(row.id, PersonInput(last_name=last, first_name=first))
    return row.id


def make_draft(**changes: object) -> GoalDraft:
    """A finished Zielerarbeitung for the Wójcik family."""
    values: dict[str, object] = {
        "concern": "Łukasz soll wieder gern in die Schule gehen.",
        "concern_by": "Małgorzata Wójcik",
        "will": "Morgens ohne Streit aus dem Haus kommen.",
        "priority": "Die Morgen zuerst.",
        "direction_goal": "Wir kommen bis Ostern jeden Morgen ruhig und pünktlich aus dem Haus.",
        "direction_people": "Małgorzata Wójcik und Łukasz",
        "action_goals": GOALS,
        "resources": (
            ResourceDraft(ResourceKind.SOCIAL, "Nachbar Doğan bringt Łukasz mittwochs.", (0,)),
            ResourceDraft(ResourceKind.PERSONAL, "Łukasz ist ein Frühaufsteher.", (0, 1)),
            ResourceDraft(ResourceKind.SOCIAL_SPACE, "Offener Treff im Stadtteil.", ()),
        ),
        "steps": (StepDraft("Zofia Żak", "ruft freitags kurz an", AGREED),),
        "place": "Wohnung der Familie",
        "agreed_on": AGREED,
        "review_on": dt.date(2027, 2, 23),
        "present": PEOPLE,
        "caseworker": CASEWORKER,
    }
    values.update(changes)
    return GoalDraft(**values)  # type: ignore[arg-type]


def make_agreement(opened: OpenVault, file_number: str = FILE_NUMBER) -> tuple[str, str]:
    """A case with a finished agreement: (case id, agreement id)."""
    case_id = make_case(opened, file_number)
    return case_id, opened.goals.finish(case_id, make_draft()).id


def pdf_text(content: bytes, tmp_path: Path) -> str:
    path = tmp_path / "gelesen.pdf"
    path.write_bytes(content)
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True
    ).stdout.decode("utf-8")
    path.unlink()
    return " ".join(out.split())


def _actions(opened: OpenVault) -> list[tuple[str, str | None, str]]:
    with opened.database.session_factory() as s:
        return [
            (e.action, e.case_id, e.detail)
            for e in s.scalars(select(AuditEntry).order_by(AuditEntry.seq))
        ]


@pytest.fixture
def agreement(opened):
    return make_agreement(opened)


def test_printed_agreement_is_stored_with_its_sha256(opened, agreement, tmp_path):
    case_id, agreement_id = agreement

    view = opened.documents.print_goal_agreement(agreement_id)
    content = opened.documents.content(view.id)

    assert view.case_id == case_id
    assert view.kind is DocumentKind.GOAL_AGREEMENT
    assert view.title == "Zielvereinbarung vom 24.11.2026"
    assert view.sha256 == hashlib.sha256(content).hexdigest() == sha256_hex(content)
    assert view.size == len(content) > 1000
    assert content.startswith(b"%PDF-")
    with opened.database.session_factory() as s:
        row = s.get(Document, view.id)
        assert row is not None
        assert row.source_id == agreement_id
    assert (DocumentAction.CREATED, case_id, view.id) in _actions(opened)
    text_ = pdf_text(content, tmp_path)
    for name in (*PEOPLE, CASEWORKER, "Şükrü Yılmaz"):
        assert name in text_
    for goal in GOALS:
        assert goal.text in text_
        assert goal.indicator in text_
    assert FILE_NUMBER in text_
    assert "Wir kommen bis Ostern jeden Morgen ruhig und pünktlich aus dem Haus." in text_
    assert "Nachbar Doğan bringt Łukasz mittwochs." in text_
    assert "Offener Treff im Stadtteil." in text_


def test_every_print_is_a_new_document_listed_newest_first(opened, agreement):
    case_id, agreement_id = agreement
    first = opened.documents.print_goal_agreement(agreement_id)
    second = opened.documents.print_goal_agreement(agreement_id)

    listed = opened.documents.list_for_case(case_id)

    assert [d.id for d in listed] == [second.id, first.id]
    assert listed[0] == second
    assert listed[0].size == len(opened.documents.content(second.id))
    assert opened.documents.document(first.id) == first
    other = make_case(opened, "ASD-W-2026-0999")
    assert opened.documents.list_for_case(other) == []


def test_changed_content_is_detected(opened, agreement):
    _, agreement_id = agreement
    view = opened.documents.print_goal_agreement(agreement_id)
    original = opened.documents.content(view.id)
    tampered = original.replace(b"Zielvereinbarung", b"Zielvereinbarunq", 1)
    assert tampered != original

    with opened.database.engine.begin() as conn:
        conn.execute(
            text("UPDATE documents SET content = :c WHERE id = :i"), {"c": tampered, "i": view.id}
        )

    with pytest.raises(AsdError, match="Prüfsumme") as caught:
        opened.documents.content(view.id)
    assert "verändert" in caught.value.message
    with pytest.raises(AsdError, match="Prüfsumme"):
        opened.documents.save_copy(view.id, Path("/nonexistent/never-written.pdf"))


def test_changed_checksum_is_detected_too(opened, agreement):
    _, agreement_id = agreement
    view = opened.documents.print_goal_agreement(agreement_id)
    with opened.database.engine.begin() as conn:
        conn.execute(
            text("UPDATE documents SET sha256 = :s WHERE id = :i"), {"s": "0" * 64, "i": view.id}
        )

    with pytest.raises(AsdError, match="Prüfsumme"):
        opened.documents.content(view.id)


def test_print_and_save_are_audited(opened, agreement, tmp_path):
    case_id, agreement_id = agreement
    view = opened.documents.print_goal_agreement(agreement_id)

    opened.documents.record_printed(view.id)
    target = tmp_path / "kopie.pdf"
    opened.documents.save_copy(view.id, target)

    assert target.read_bytes() == opened.documents.content(view.id)
    assert target.stat().st_mode & 0o777 == 0o600
    actions = _actions(opened)
    assert (DocumentAction.PRINTED, case_id, view.id) in actions
    assert (DocumentAction.SAVED, case_id, view.id) in actions
    assert audit.verify(opened.database.session_factory).ok
    with pytest.raises(NotFoundError):
        opened.documents.record_printed("0" * 36)


def test_export_writes_the_stored_bytes_under_names_without_personal_data(
    opened, agreement, tmp_path
):
    case_id, agreement_id = agreement
    first = opened.documents.print_goal_agreement(agreement_id)
    second_agreement = opened.goals.finish(
        case_id, make_draft(agreed_on=dt.date(2026, 12, 1), review_on=dt.date(2027, 3, 1))
    )
    second = opened.documents.print_goal_agreement(second_agreement.id)
    out = tmp_path / "export"

    written = opened.documents.export_case(f"  {FILE_NUMBER} ", out)

    assert len(written) == 2
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in written)
    stored = {v.sha256: opened.documents.content(v.id) for v in (first, second)}
    for path in written:
        data = path.read_bytes()
        assert data == stored[hashlib.sha256(data).hexdigest()]
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}_zielvereinbarung_[0-9a-f]{8}\.pdf", path.name)
        for word in ("Wójcik", "Wojcik", "Łukasz", "Żak", "Dvořák", FILE_NUMBER):
            assert word.lower() not in path.name.lower()
        assert path.stat().st_mode & 0o777 == 0o600
    assert export_name(first) in {p.name for p in written}
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no temp files left
    assert (DocumentAction.EXPORTED, case_id, "2 Dokumente") in _actions(opened)


def test_export_of_an_unknown_aktenzeichen_says_so(opened, tmp_path):
    with pytest.raises(NotFoundError, match="Aktenzeichen »ASD-X-0000«"):
        opened.documents.export_case("ASD-X-0000", tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_store_refuses_empty_content_and_unknown_cases(opened, agreement):
    case_id, _ = agreement
    with pytest.raises(AsdError, match="leeres Dokument"):
        opened.documents.store(case_id, DocumentKind.GOAL_AGREEMENT, "Leer", b"")
    with pytest.raises(NotFoundError):
        opened.documents.store("0" * 36, DocumentKind.GOAL_AGREEMENT, "x", b"%PDF-1.4")
    with pytest.raises(NotFoundError):
        opened.documents.content("0" * 36)


def test_printed_resources_are_those_of_this_agreement_or_of_the_whole_case(opened, agreement):
    case_id, agreement_id = agreement
    later = opened.goals.finish(
        case_id,
        make_draft(
            action_goals=(GOALS[1],),
            resources=(ResourceDraft(ResourceKind.MATERIAL, "Ein Wecker mit Licht.", (0,)),),
        ),
    )
    resources = opened.goals.case_resources(case_id)

    first = agreement_print(opened.goals.agreement(agreement_id), FILE_NUMBER, "Wójcik", resources)
    second = agreement_print(later, FILE_NUMBER, "Wójcik", resources)

    first_texts = {r.description: r.helps for r in first.resources}
    assert first_texts == {
        "Nachbar Doğan bringt Łukasz mittwochs.": (1,),
        "Łukasz ist ein Frühaufsteher.": (1, 2),
        "Offener Treff im Stadtteil.": (),
    }
    assert {r.description: r.helps for r in second.resources} == {
        "Ein Wecker mit Licht.": (1,),
        "Offener Treff im Stadtteil.": (),
    }
    assert first.present == PEOPLE
    assert first.caseworker == CASEWORKER
    assert [g.text for g in first.goals] == [g.text for g in GOALS]


def test_demo_family_al_zein_has_a_signed_agreement_with_a_review(opened, tmp_path):
    db = opened.database
    fill_demo(db.session_factory, db.device_id, cases=None, contacts_per_case=0, seed=1)
    case = next(
        r for r in opened.cases.list_cases(CaseQuery(status=None)) if r.family_name == "Al Zein"
    )

    overview = opened.goals.overview(case.id)
    documents = opened.documents.list_for_case(case.id)

    assert len(overview.agreements) == 1
    agreement = overview.agreements[0]
    assert len(agreement.goals) == 3
    assert "Muharem" in agreement.direction_goal
    assert "18:00 Uhr" in agreement.goals[0].text
    assert all(g.indicator and g.due_on and g.involved for g in agreement.goals)
    assert [g.status for g in agreement.goals] == [None, GoalStatus.PARTLY, None]
    assert len(documents) == 1
    assert documents[0].kind is DocumentKind.GOAL_AGREEMENT
    text_ = pdf_text(opened.documents.content(documents[0].id), tmp_path)
    assert "Muharem" in text_
    assert "ASD-M-2024-0113" in text_
    for name in agreement.present:
        assert name in text_
    assert audit.verify(db.session_factory).ok
