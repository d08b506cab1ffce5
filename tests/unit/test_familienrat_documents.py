"""The Familienrat's documents printed through DocumentService on a real encrypted database."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select

from asd_desktop.domain.enums import (
    CouncilOutcome,
    CouncilPhase,
    DocumentKind,
    Invitation,
    ParticipantGroup,
)
from asd_desktop.models.audit import AuditEntry
from asd_desktop.models.documents import Document
from asd_desktop.models.errors import AsdError
from asd_desktop.reports.familienrat import address_lines
from asd_desktop.services.documents import (
    CaseFacts,
    DocumentAction,
    invitation_recipients,
    protocol_recipients,
)
from asd_desktop.services.familienrat import (
    CouncilView,
    DecisionInput,
    FamilyPhaseInput,
    InformationInput,
    ParticipantView,
    PreparationInput,
)
from asd_desktop.services.vault import OpenVault
from tests.unit.test_documents import make_agreement
from tests.unit.test_familienrat_service import (
    AGREEMENTS,
    CASEWORKER,
    FILE_NUMBER,
    PARTICIPANTS,
    follow_up,
    make_case,
    run_council,
)

LETTER_ON = dt.date(2026, 7, 20)


def _pdf_text(content: bytes, tmp_path: Path, layout: bool = False) -> str:
    path = tmp_path / "gelesen.pdf"
    path.write_bytes(content)
    args = ["pdftotext", *(["-layout"] if layout else []), "-enc", "UTF-8", str(path), "-"]
    out = subprocess.run(args, check=True, capture_output=True).stdout.decode("utf-8")
    path.unlink()
    return out if layout else " ".join(out.split())


def _source(opened: OpenVault, document_id: str) -> str | None:
    with opened.database.session_factory() as s:
        row = s.get(Document, document_id)
        assert row is not None
        return row.source_id


def _audited(opened: OpenVault) -> set[str]:
    with opened.database.session_factory() as s:
        return {
            e.detail or ""
            for e in s.scalars(
                select(AuditEntry).where(AuditEntry.action == DocumentAction.CREATED)
            )
        }


def test_invitations_go_to_family_and_surroundings_who_have_not_declined(opened, tmp_path):
    council = run_council(opened, until=CouncilPhase.PREPARATION)

    views = opened.documents.print_council_invitations(council.council_id)

    # Not the teacher (a professional) and not the uncle who declined.
    expected = ["Şükrü Yılmaz", "Ayşe Yılmaz", "Hatice Kaya", "Renate Schüßler"]
    assert [v.title for v in views] == [
        f"Familienrat: Einladung für {name} (18.07.2026)" for name in expected
    ]
    for view, name in zip(views, expected, strict=True):
        assert view.kind is DocumentKind.COUNCIL_INVITATION
        assert view.case_id == council.case_id
        assert _source(opened, view.id) == council.council_id
        text = _pdf_text(opened.documents.content(view.id), tmp_path)
        assert f"für {name}" in text
        assert "Samstag, 18. Juli 2026, um 14:00 Uhr" in text
        assert "Bürgerhaus Wilhelmsburg" in text
        assert (
            "Selin Aksoy (Stadtteilhilfe Wilhelmsburg e. V.), Veringstraße 41, 21107 Hamburg, Tel."
            in text
        )
        # The Sorgeformulierung stays out of what the family hands out.
        assert "Sorgen" not in text
    assert {v.id for v in views} <= _audited(opened)


def test_plan_holds_every_agreement_and_a_signature_line_per_participant(opened, tmp_path):
    council = run_council(opened)

    view = opened.documents.print_council_plan(council.council_id)

    assert view.kind is DocumentKind.COUNCIL_PLAN
    assert view.title == "Familienrat: Unser Plan (18.07.2026)"
    assert _source(opened, view.id) == council.council_id
    content = opened.documents.content(view.id)
    text = _pdf_text(content, tmp_path)
    for agreement in AGREEMENTS:
        assert agreement.what in text
        assert agreement.how_checked in text
    # The emergency plan comes from the proposal the agreement makes exact.
    assert "Wenn Oma Hatice krank ist, geht Doğan zu Renate Schüßler." in text
    assert "Am Samstag, 17. Oktober 2026 treffen wir uns wieder" in text
    signers = [p.name for p in PARTICIPANTS if p.invitation is not Invitation.DECLINED]
    for name in (*signers, CASEWORKER):
        assert name in text
    assert text.count("Datum, Unterschrift") == len(signers) + 1
    assert "Cem Yılmaz" not in text


def test_one_protocol_letter_per_participant_with_their_own_address(opened, tmp_path):
    council = run_council(opened)

    views = opened.documents.print_council_protocols(council.council_id, letter_on=LETTER_ON)

    recipients = [p for p in PARTICIPANTS if p.invitation is not Invitation.DECLINED]
    assert [v.title for v in views] == [
        f"Familienrat: Protokoll für {p.name} (18.07.2026)" for p in recipients
    ]
    assert len({v.sha256 for v in views}) == len(views)
    for view, person in zip(views, recipients, strict=True):
        assert view.kind is DocumentKind.COUNCIL_PROTOCOL
        assert _source(opened, view.id) == council.council_id
        layout = _pdf_text(opened.documents.content(view.id), tmp_path, layout=True)
        lines = [line.strip() for line in layout.splitlines()]
        assert any(line.startswith(person.name) for line in lines), person.name
        for part in address_lines(person.address):
            assert any(line.startswith(part) for line in lines), part
        for other in PARTICIPANTS:
            if other.address != person.address:
                assert address_lines(other.address)[0] not in layout, (person.name, other.name)
        assert f"Guten Tag {person.name}," in layout
        assert re.search(r"Datum\s+20\.07\.2026", layout)
        flat = " ".join(layout.split())
        for agreement in AGREEMENTS:
            assert agreement.what in flat


def test_review_summary_after_the_folge_rat(opened, tmp_path):
    council = run_council(opened)
    opened.familienrat.save_follow_up(council.council_id, follow_up(council))

    view = opened.documents.print_council_review(council.council_id)

    assert view.kind is DocumentKind.COUNCIL_REVIEW
    assert view.title == "Familienrat: Überprüfung der Vereinbarungen (17.10.2026)"
    text = _pdf_text(opened.documents.content(view.id), tmp_path)
    assert "Überprüfung eingehalten" in text
    assert "Überprüfung teilweise eingehalten" in text
    assert "Zweimal laut geworden." in text
    assert CouncilOutcome.ANOTHER.label in text
    assert "Insgesamt 26,5 Stunden – im üblichen Rahmen von 25–30 Stunden." in text
    assert "Finanziert über § 16 SGB VIII, nicht über Fachleistungsstunden." in text


def test_documents_cannot_be_printed_before_their_phase_has_the_data(opened):
    documents = opened.documents
    bare = opened.familienrat.start(make_case(opened, "ASD-M-2026-0999")).id

    with pytest.raises(AsdError, match="Datum, Uhrzeit oder Ort"):
        documents.print_council_invitations(bare)
    with pytest.raises(AsdError, match="Vereinbarungen"):
        documents.print_council_plan(bare)
    with pytest.raises(AsdError, match="Datum des Familienrats"):
        documents.print_council_protocols(bare)
    council = run_council(opened)
    with pytest.raises(AsdError, match="überprüft"):
        documents.print_council_review(council.council_id)
    assert documents.list_for_case(council.case_id) == []


def test_export_names_carry_no_personal_data_and_goal_agreements_still_print(opened, tmp_path):
    council = run_council(opened)
    documents = opened.documents
    documents.print_council_invitations(council.council_id)
    documents.print_council_plan(council.council_id)
    documents.print_council_protocols(council.council_id)
    opened.familienrat.save_follow_up(council.council_id, follow_up(council))
    documents.print_council_review(council.council_id)
    _, agreement_id = make_agreement(opened, "ASD-W-2026-0001")
    goal = documents.print_goal_agreement(agreement_id)

    written = documents.export_case(FILE_NUMBER, tmp_path / "akte")

    kinds = Counter(
        re.fullmatch(r"\d{4}-\d{2}-\d{2}_(fr_[a-z]+)(?:_nr\d+)?_[0-9a-f]{8}\.pdf", p.name).group(1)  # type: ignore[union-attr]
        for p in written
    )
    assert kinds == {"fr_einladung": 4, "fr_plan": 1, "fr_protokoll": 5, "fr_ueberpruefung": 1}
    for path in written:
        for word in ("Yılmaz", "Yilmaz", "Şükrü", "Hatice", "Kaya", "Schüßler", "Berger"):
            assert word not in path.name
    assert goal.kind is DocumentKind.GOAL_AGREEMENT
    assert documents.content(goal.id).startswith(b"%PDF-")


def test_recipients_follow_the_documented_rules():
    def person(**changes: object) -> ParticipantView:
        return dataclasses.replace(ParticipantView(name="X", id="p"), **changes)  # type: ignore[arg-type]

    people = (
        person(name="Familie", id="1"),
        person(name="Fachkraft", id="2", group=ParticipantGroup.PROFESSIONAL),
        person(name="Abgesagt", id="3", invitation=Invitation.DECLINED),
        person(name="Doch gekommen", id="4", invitation=Invitation.DECLINED, attended=True),
        person(name="Umfeld", id="5", group=ParticipantGroup.SURROUNDINGS),
    )
    view = CouncilView(
        id="c",
        case_id="k",
        origin_id=None,
        phase=CouncilPhase.DECISION,
        preparation=PreparationInput(),
        information=InformationInput(),
        family_phase=FamilyPhaseInput(),
        decision=DecisionInput(),
        outcome=None,
        hze_kind="",
        outcome_notes="",
        participants=people,
    )

    assert [p.name for p in invitation_recipients(view)] == ["Familie", "Umfeld"]
    assert [p.name for p in protocol_recipients(view)] == [
        "Familie",
        "Fachkraft",
        "Doch gekommen",
        "Umfeld",
    ]
    assert CaseFacts("A", "B", "C").caseworker == "C"
