"""Letters to office standard: salutation, number, letterhead, page breaks, dates, file names."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest

from asd_desktop.domain.enums import Area, DocumentKind, MandateKind, Role, Salutation
from asd_desktop.domain.german import (
    NBSP,
    Addressee,
    child_phrase,
    salutation_line,
    sentence,
    unbreakable,
    upper_first,
    verb_for,
)
from asd_desktop.domain.office import Office
from asd_desktop.reports.familienrat import (
    render_invitation,
    render_plan,
    render_protocol,
    render_review,
)
from asd_desktop.reports.goal_agreement import GoalPrint, render_goal_agreement
from asd_desktop.reports.mandate_letter import MandateLetterPrint, render_mandate_letter
from asd_desktop.services.cases import AreaInput, CaseInput, PersonInput
from asd_desktop.services.documents import DocumentService, export_name
from asd_desktop.services.instruments import MandateInput
from asd_desktop.services.settings import Settings, load_settings, save_settings
from tests.unit.test_familienrat_pdf import INVITATION, PLAN, PROTOCOL, REVIEW
from tests.unit.test_goal_agreement_pdf import SAMPLE

OFFICE = Office(
    name="Jugendamt Hamburg-Mitte, Allgemeiner Sozialer Dienst",
    address="Klosterwall 2, 20095 Hamburg",
    phone="040 428 54-0",
    email="asd-mitte@hamburg-mitte.example",
    office_hours="Mo, Di, Fr 9–12 Uhr, Do 14–18 Uhr",
    caseworker_name="Jana Petersen",
    caseworker_phone="040 428 54-2317",
)
LETTERHEAD = (
    "Jugendamt Hamburg-Mitte",
    "Klosterwall 2",
    "20095 Hamburg",
    "040 428 54-0",
    "asd-mitte@hamburg-mitte.example",
    "Do 14–18 Uhr",
    "Jana Petersen",
    "040 428 54-2317",
)
TODAY = dt.date.today()

pytestmark = pytest.mark.skipif(
    any(shutil.which(t) is None for t in ("pdftotext", "pdfinfo")), reason="poppler missing"
)


def _write(path: Path, content: bytes) -> Path:
    path.write_bytes(content)
    return path


def _text(path: Path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *pages, str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return " ".join(out.replace(NBSP, " ").split())


def _pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True)
    line = next(x for x in info.stdout.splitlines() if x.startswith("Pages:"))
    return int(line.split()[1])


def _letter(**changes: object) -> MandateLetterPrint:
    base = MandateLetterPrint(
        file_number="ASD-2026-0412",
        family_name="Al Zein",
        letter_on=dt.date(2026, 3, 2),
        recipient="Khaled Al Zein\nRania Al Zein",
        recipient_address="Billstedter Hauptstraße 20, 22111 Hamburg",
        sender="Jana Petersen",
        kind=MandateKind.REQUIREMENT.value,
        issued_on=dt.date(2026, 3, 2),
        due_on=dt.date(2026, 3, 30),
        requirement="Die Kinder gehen jeden Tag in die Kita.",
        evidence_required="Bescheinigung der Kita",
        risk="Die Kinder waren drei Wochen nicht in der Kita.",
        consequence="Dann rufen wir das Familiengericht an.",
        how_checked="Anruf bei der Kita",
        salutation="Sehr geehrter Herr Al Zein, sehr geehrte Frau Al Zein,",
        children=2,
        office=OFFICE,
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


# --- the grammar, without a PDF ---------------------------------------------------------


def test_salutation_with_frau_herr_and_without():
    assert (
        salutation_line([Addressee(Salutation.MS, "Renate", "Schüßler")])
        == "Sehr geehrte Frau Schüßler,"
    )
    assert (
        salutation_line(
            [
                Addressee(Salutation.MR, "Khaled", "Al Zein"),
                Addressee(Salutation.MS, "Rania", "Al Zein"),
            ]
        )
        == "Sehr geehrter Herr Al Zein, sehr geehrte Frau Al Zein,"
    )
    assert (
        salutation_line([Addressee(Salutation.NONE, "Renate", "Schüßler")])
        == "Guten Tag Renate Schüßler,"
    )
    assert salutation_line([], "Familie Yılmaz") == "Guten Tag Familie Yılmaz,"


def test_number_verbs_and_sentences():
    assert child_phrase(1) == "Ihres Kindes"
    assert child_phrase(2) == "Ihrer Kinder"
    assert child_phrase(0) == "Ihres Kindes"
    assert verb_for("Khaled und Rania Al Zein", "hat", "haben") == "haben"
    assert verb_for("Mutter, Großmutter", "hat", "haben") == "haben"
    assert verb_for("Renate Schüßler", "hat", "haben") == "hat"
    assert upper_first("die Familie hat beraten") == "Die Familie hat beraten"
    assert upper_first("„ja“") == "„Ja“"
    assert sentence(" wir kommen") == "Wir kommen."
    assert unbreakable("Bürgerhaus (Raum / 3)") == f"Bürgerhaus (Raum{NBSP}/{NBSP}3)"
    assert unbreakable("§ 16 SGB VIII um 14:30 Uhr") == f"§{NBSP}16 SGB VIII um 14:30{NBSP}Uhr"


# --- the letters as printed ---------------------------------------------------------------


def test_mandate_letter_greets_with_frau_herr_counts_children_and_prints_the_letterhead(
    tmp_path,
):
    pdf = _write(tmp_path / "a.pdf", render_mandate_letter(_letter()))
    text = _text(pdf)
    assert "Sehr geehrter Herr Al Zein, sehr geehrte Frau Al Zein," in text
    assert "Guten Tag" not in text
    assert "das Wohl Ihrer Kinder ist gefährdet" in text
    assert "Ihres Kindes" not in text
    for line in LETTERHEAD:
        assert line in text, line
    one = _write(tmp_path / "b.pdf", render_mandate_letter(_letter(children=1, salutation="")))
    assert "das Wohl Ihres Kindes ist gefährdet" in _text(one)
    assert "Guten Tag Khaled Al Zein, Rania Al Zein," in _text(one)


@pytest.mark.parametrize("extra", [0, 2, 4, 6, 8, 10, 14])
def test_the_receipt_is_never_alone_on_a_page(tmp_path, extra):
    risk = " ".join(["Die Kinder waren oft nicht in der Kita und niemand hat angerufen."] * extra)
    pdf = _write(tmp_path / "r.pdf", render_mandate_letter(_letter(risk=risk or "Sorge.")))
    pages = _pages(pdf)
    for page in range(1, pages + 1):
        text = _text(pdf, page)
        if "Empfangsbestätigung Aktenzeichen" in text:
            assert "Mit freundlichen Grüßen" in text, (extra, page)
        if "Mit freundlichen Grüßen" in text:
            before = text.split("Mit freundlichen Grüßen")[0]
            assert "Wenn Sie Fragen haben" in before, (extra, page)


def test_a_short_letter_is_set_tighter_so_letter_and_receipt_share_one_page(tmp_path):
    data = _letter(risk="", consequence="", evidence_required="")
    pdf = _write(tmp_path / "s.pdf", render_mandate_letter(data))
    assert _pages(pdf) == 1
    assert "Empfangsbestätigung" in _text(pdf, 1)


def test_goal_agreement_says_haben_for_several_and_never_leaves_signatures_alone(tmp_path):
    data = dataclasses.replace(SAMPLE, concern_by="Khaled und Rania Al Zein", office=OFFICE)
    text = _text(_write(tmp_path / "z.pdf", render_goal_agreement(data)))
    assert "Das haben Khaled und Rania Al Zein gesagt:" in text
    for line in LETTERHEAD:
        assert line in text, line
    one = dataclasses.replace(SAMPLE, concern_by="Renate Schüßler")
    assert "Das hat Renate Schüßler gesagt:" in _text(
        _write(tmp_path / "o.pdf", render_goal_agreement(one))
    )
    for n in range(1, 12):
        goals = tuple(
            GoalPrint(
                f"Ziel {i}: Wir gehen jeden Tag pünktlich los.", "Die Uhr zeigt 7:30.", None, ""
            )
            for i in range(n)
        )
        pdf = _write(
            tmp_path / f"g{n}.pdf", render_goal_agreement(dataclasses.replace(data, goals=goals))
        )
        for page in range(2, _pages(pdf) + 1):
            text = _text(pdf, page)
            if "Unterschriften" in text:
                assert text.split("Unterschriften")[0].count(" ") > 12, (n, page, text)


@pytest.mark.parametrize(
    "render",
    [
        lambda: render_invitation(dataclasses.replace(INVITATION, office=OFFICE)),
        lambda: render_plan(dataclasses.replace(PLAN, office=OFFICE)),
        lambda: render_protocol(dataclasses.replace(PROTOCOL, office=OFFICE)),
        lambda: render_review(dataclasses.replace(REVIEW, office=OFFICE)),
    ],
    ids=["invitation", "plan", "protocol", "review"],
)
def test_familienrat_documents_print_the_office(tmp_path, render):
    text = _text(_write(tmp_path / "f.pdf", render()))
    for line in ("Jugendamt Hamburg-Mitte", "Klosterwall 2", "Jana Petersen", "040 428 54-2317"):
        assert line in text, line


def test_protocol_keeps_the_room_whole_and_starts_sentences_upper_case(tmp_path):
    data = dataclasses.replace(
        PROTOCOL, place="Bürgerhaus Wilhelmsburg, Mengestraße 20 (Raum / 3)", info_started_at=None
    )
    pdf = _write(tmp_path / "p.pdf", render_protocol(data))
    raw = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout.replace(NBSP, " ")
    assert "(Raum / 3)" in raw  # on one line
    assert "Die Familie hat von" in _text(pdf)


# --- the service: from the stored persons, and the stored documents ----------------------


def _case_with_parents(opened, children: int):
    case = opened.cases.create_case(
        CaseInput("ASD-2026-0412", "Al Zein", TODAY - dt.timedelta(days=30), "Jana Petersen"),
        AreaInput(Area.DANGER, TODAY - dt.timedelta(days=30), "Meldung der Kita", "Jana Petersen"),
    )
    address = "Billstedter Hauptstraße 20\n22111 Hamburg"
    opened.cases.add_person(
        case.id,
        PersonInput(
            "Al Zein", "Khaled", address=address, roles=(Role.CUSTODY,), salutation=Salutation.MR
        ),
    )
    opened.cases.add_person(
        case.id,
        PersonInput(
            "Al Zein", "Rania", address=address, roles=(Role.CUSTODY,), salutation=Salutation.MS
        ),
    )
    for n in range(children):
        opened.cases.add_person(case.id, PersonInput("Al Zein", f"Kind{n}", roles=(Role.CHILD,)))
    return case


def test_stored_letter_uses_the_persons_salutation_the_children_and_the_office(
    opened, data_dir, tmp_path
):
    save_settings(data_dir, Settings(office=OFFICE))
    assert load_settings(data_dir).office == OFFICE
    case = _case_with_parents(opened, children=2)
    mandate = opened.instruments.issue(
        case.id,
        MandateInput(
            MandateKind.REQUIREMENT,
            TODAY,
            TODAY + dt.timedelta(days=14),
            "Die Kinder gehen jeden Tag in die Kita.",
            risk="Die Kinder waren drei Wochen nicht in der Kita.",
            consequence="Dann rufen wir das Familiengericht an.",
            how_checked="Anruf bei der Kita",
        ),
    )
    letter_on = TODAY - dt.timedelta(days=3)
    view = opened.documents.print_mandate_letter(mandate.id, letter_on)
    text = _text(_write(tmp_path / "m.pdf", opened.documents.content(view.id)))
    assert "Sehr geehrter Herr Al Zein, sehr geehrte Frau Al Zein," in text
    assert "Ihrer Kinder" in text
    for line in LETTERHEAD:
        assert line in text, line
    assert view.document_date == letter_on
    assert opened.documents.list_for_case(case.id)[0].date == letter_on


def test_export_names_tell_documents_apart_without_names(opened, tmp_path):
    case = _case_with_parents(opened, children=1)
    documents: DocumentService = opened.documents
    for n in range(5):
        documents.store(
            case.id,
            DocumentKind.COUNCIL_INVITATION,
            f"Familienrat: Einladung für Gast {n}",
            f"%PDF-{n}".encode(),
            document_date=dt.date(2026, 7, 18),
            participant=n + 1,
        )
    views = documents.list_for_case(case.id)
    names = [export_name(v) for v in views]
    assert len(set(names)) == 5
    assert all(name.startswith("2026-07-18_fr_einladung_nr") for name in names)
    written = documents.export_case("ASD-2026-0412", tmp_path / "out")
    assert sorted(p.name for p in written) == sorted(names)
    assert not any("Al" in name or "Zein" in name for name in names)
