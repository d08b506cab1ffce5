"""The letter stating an Auftrag or Auflage: every name whole, the receipt, kept as document."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest

from asd_desktop.domain.enums import Area, DocumentKind, MandateKind, Role
from asd_desktop.services.cases import AreaInput, CaseInput, PersonInput
from asd_desktop.services.instruments import MandateInput

TODAY = dt.date.today()
START = TODAY - dt.timedelta(days=30)
SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"

pytestmark = pytest.mark.skipif(
    any(shutil.which(t) is None for t in ("pdftotext", "pdftoppm")), reason="poppler missing"
)


def _run(*args: str | Path) -> str:
    return subprocess.run(
        [str(a) for a in args], check=True, capture_output=True, text=True, encoding="utf-8"
    ).stdout


def _text(path: Path) -> str:
    return " ".join(_run("pdftotext", "-enc", "UTF-8", path, "-").split())


def _case(opened, area: Area, number: str, family: str, persons):
    row = opened.cases.create_case(
        CaseInput(number, family, START, "Jana Petersen"),
        AreaInput(area, START, "Meldung der Kita", "Jana Petersen"),
    )
    for first, last, address in persons:
        opened.cases.add_person(
            row.id,
            PersonInput(last, first, address=address, roles=(Role.CUSTODY,)),
        )
    return row


def test_auftrag_letter_names_everyone_whole_and_has_the_receipt(opened, tmp_path):
    case = _case(
        opened,
        Area.GREY,
        "ASD-2025-0801",
        "Yılmaz",
        [("Şükrü", "Yılmaz", "Öjendorfer Weg 3\n22111 Hamburg")],
    )
    m = opened.instruments.issue(
        case.id,
        MandateInput(
            MandateKind.CHECK,
            TODAY,
            TODAY + dt.timedelta(days=14),
            "Nachweis, dass Emre regelmäßig die Schule besucht.",
            evidence_required="Anwesenheitsbescheinigung der Schule für März bis Mai",
            risk="Emre fehlt häufig unentschuldigt in der Schule.",
            consequence="Wir nehmen gemeinsam im Team eine Gefährdungseinschätzung vor.",
        ),
    )
    doc = opened.documents.print_mandate_letter(m.id)
    assert doc.kind is DocumentKind.MANDATE_LETTER
    assert "Şükrü Yılmaz" in doc.title
    path = tmp_path / "auftrag.pdf"
    path.write_bytes(opened.documents.content(doc.id))
    text = _text(path)
    for expected in (
        "Şükrü Yılmaz",
        "Öjendorfer Weg 3",
        "Auftrag des Jugendamts",
        "Anwesenheitsbescheinigung der Schule",
        f"bis {TODAY + dt.timedelta(days=14):%d.%m.%Y}",
        "Gefährdungseinschätzung",
        "Empfangsbestätigung",
        "Ich habe den Auftrag vom",
        "Erhalten am:",
        "Unterschrift:",
        "Jana Petersen",
        "ASD-2025-0801",
    ):
        assert expected in text, expected
    assert "Seite 1 von" in text


def test_auflage_letter_to_two_persons_with_custody(opened, tmp_path):
    case = _case(
        opened,
        Area.DANGER,
        "ASD-2025-0802",
        "Wójcik",
        [
            ("Małgorzata", "Wójcik", "Billstedter Hauptstraße 12, 22111 Hamburg"),
            ("Zbigniew", "Wójcik", ""),
        ],
    )
    assert opened.instruments.custody_names(case.id) == "Małgorzata Wójcik, Zbigniew Wójcik"
    m = opened.instruments.issue(
        case.id,
        MandateInput(
            MandateKind.REQUIREMENT,
            TODAY,
            TODAY + dt.timedelta(days=7),
            "Zofia wird bis zur Frist bei der Kinderärztin vorgestellt.",
            risk="Die Verletzung am Arm bleibt unbehandelt.",
            how_checked="Bescheinigung der Praxis; unangemeldeter Hausbesuch",
            consequence="Wir rufen das Familiengericht an.",
            addressed_to="Małgorzata Wójcik\nZbigniew Wójcik",
        ),
    )
    doc = opened.documents.print_mandate_letter(m.id)
    path = tmp_path / "auflage.pdf"
    path.write_bytes(opened.documents.content(doc.id))
    text = _text(path)
    for expected in (
        "Małgorzata Wójcik",
        "Zbigniew Wójcik",
        "Billstedter Hauptstraße 12",
        "Auflage des Jugendamts",
        "Die Verletzung am Arm bleibt unbehandelt.",
        "So prüfen wir",
        "Familiengericht",
        "Ich habe die Auflage vom",
        "Empfangsbestätigung",
    ):
        assert expected in text, expected
    SCREENSHOTS.mkdir(exist_ok=True)
    _run("pdftoppm", "-png", "-r", "70", path, SCREENSHOTS / "i6a_letter_auflage")
    assert list(SCREENSHOTS.glob("i6a_letter_auflage*.png"))
