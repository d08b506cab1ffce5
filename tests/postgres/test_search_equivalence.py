"""The same queries find the same cases on the laptop's SQLite and the office's PostgreSQL."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from asd_desktop.domain.enums import Area, ContactKind
from asd_desktop.services import vault
from asd_desktop.services.cases import AreaInput, CaseInput, CaseQuery, ContactInput, PersonInput
from asd_desktop.storage import server
from tests.conftest import PASSPHRASE

TODAY = dt.date(2026, 11, 24)
AREA = AreaInput(Area.SERVICE, TODAY, "Erstaufnahme", "Frau Krüger")

#: (Aktenzeichen, family, description, persons (last, first), contact note)
FAMILIES = [
    ("2026/0001", "Yılmaz", "Schulabsentismus", [("Yılmaz", "Şükrü"), ("Yılmaz", "İpek")], ""),
    ("2026/0002", "Wójcik", "Trennung der Eltern", [("Wójcik", "Łukasz")], "Kita-Platz fehlt"),
    ("2026/0003", "Al Zein", "", [("Al Zein", "Muharem")], "Hausaufgaben bis 18 Uhr"),
    ("2026/0004", "Søndergård", "Umzug aus Århus", [("Søndergård", "Bjørn")], "Ærø, Øre"),
    ("2026/0005", "Đorđević", "Pflegefamilie", [("Đorđević", "Đurđa")], "Großeltern"),
    ("2026/0006", "Müller-Lüdenscheidt", "Straßensozialarbeit", [("Müller", "Jürgen")], ""),
    ("2026/0007", "Œuvray", "Kinderschutz § 8a", [("Œuvray", "Cœlestine")], "e-mail: a_b@x.de"),
    ("2026/0008", "Kowalski", "Kindergarten", [("Kowalski", "Zoë")], "Café, naïve Größe"),
    ("2025/0117", "Öztürk", "Inobhutnahme 2025", [("Öztürk", "Ömer")], "Rückführung 12.3."),
]

QUERIES = [
    "yilmaz",
    "YIL",
    "şükrü",
    "sukru",
    "ipek",
    "İpek",
    "wojcik",
    "łukasz",
    "lukasz",
    "LUK",
    "2026/0002",
    "2026",
    "0117",
    "hausaufgaben",
    "muharem hausauf",
    "muharem wojcik",
    "sondergard",
    "søn",
    "bjorn",
    "arhus",
    "aero",
    "ore",
    "dordevic",
    "đurđa",
    "durda",
    "grosseltern",
    "großeltern",
    "gross",
    "muller",
    "müller-lüd",
    "ludenscheidt",
    "strasse",
    "straßen",
    "oeuvray",
    "œuvray",
    "coelestine",
    "8a",
    "a_b",
    "mail",
    "kinder",
    "kindergarten",
    "kind garten",
    "zoe",
    "cafe",
    "naive",
    "grosse",
    "ozturk",
    "ömer",
    "omer",
    "inobhut",
    "12",
    "rueck",
    "ruckfuhrung",
    "x",
    "de",
    "k",
    "",
    "  ---  ",
    '"unbalanced',
    "*",
    "a*b",
    "NOT",
    "OR kita",
    "kita-platz",
    "Trennung AND",
    "(eltern",
]


def _fill(ov: vault.OpenVault) -> None:
    for number, family, description, persons, note in FAMILIES:
        case = ov.cases.create_case(
            CaseInput(number, family, TODAY, "Frau Krüger", description=description), AREA
        )
        for last, first in persons:
            ov.cases.add_person(case.id, PersonInput(last, first))
        if note:
            ov.cases.record_contact(
                case.id, ContactInput(dt.datetime(2026, 11, 1, 16), ContactKind.PHONE, note=note)
            )


def _found(ov: vault.OpenVault, query: str) -> list[str]:
    return sorted(r.file_number for r in ov.cases.list_cases(CaseQuery(text=query)))


def test_every_query_finds_the_same_cases_on_both_databases(tmp_path: Path, pg_url: str) -> None:
    laptop = vault.create_vault(tmp_path / "sqlite", PASSPHRASE, PASSPHRASE)
    server.use_server(tmp_path / "pg", pg_url)
    hub = vault.create_vault(tmp_path / "pg", PASSPHRASE, PASSPHRASE)
    try:
        assert hub.database.on_server
        assert not laptop.database.on_server
        _fill(laptop)
        _fill(hub)
        differences = {
            q: (_found(laptop, q), _found(hub, q))
            for q in QUERIES
            if _found(laptop, q) != _found(hub, q)
        }
        assert differences == {}
        # The equivalence is not an empty one: the folding rules find what they should.
        assert _found(hub, "sukru") == ["2026/0001"]
        assert _found(hub, "lukasz") == ["2026/0002"]
        assert _found(hub, "bjorn") == ["2026/0004"]
        assert _found(hub, "durda") == ["2026/0005"]
        assert _found(hub, "grosseltern") == ["2026/0005"]
        assert _found(hub, "oeuvray") == ["2026/0007"]
        assert _found(hub, "kind") == ["2026/0007", "2026/0008"]
        assert len(_found(hub, "")) == len(FAMILIES)
    finally:
        laptop.close()
        hub.close()
        server.use_server(tmp_path / "pg", None)
