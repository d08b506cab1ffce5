"""``asd-desktop network export``: all versions of all maps as PDF and PNG, file names nameless."""

from __future__ import annotations

import datetime as dt
import re
import subprocess

import pytest

from asd_desktop import cli
from asd_desktop.domain.enums import Area, Role
from asd_desktop.domain.network import EntrySource, Sector, Support
from asd_desktop.services import vault
from asd_desktop.services.cases import AreaInput, CaseInput, PersonInput
from asd_desktop.services.network import EntryInput, RelationInput, VersionInput
from tests.conftest import PASSPHRASE

TODAY = dt.date.today()
LONG = "Hausaufgabenhilfe im Haus der Jugend Wilhelmsburg (montags und mittwochs)"


@pytest.fixture(autouse=True)
def _full_qt_application(qapp):
    """The export runs in this process and makes a QGuiApplication if there is none; a
    widget test later in the same worker would then abort. With pytest-qt's QApplication
    made first, the export uses that one."""
    return qapp


@pytest.fixture
def pw_file(tmp_path):
    path = tmp_path / "passphrase.txt"
    path.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return str(path)


@pytest.fixture
def with_maps(data_dir):
    opened = vault.create_vault(data_dir, PASSPHRASE, PASSPHRASE)
    try:
        case = opened.cases.create_case(
            CaseInput("ASD-M-2024-0113", "Yılmaz", TODAY, "Frau Krüger"),
            AreaInput(Area.SERVICE, TODAY, "Erstaufnahme", "Frau Krüger"),
        )
        child = opened.cases.add_person(
            case.id, PersonInput("Yılmaz", "Doğan", roles=(Role.CHILD,))
        )
        net = opened.network
        m = net.create_map(case.id, child.id)
        granny = net.add_entry(
            m.id, EntryInput(EntrySource.NAME, "Oma Ayşe Kaya", Sector.FAMILY, 2)
        )
        net.add_entry(m.id, EntryInput(EntrySource.NAME, LONG, Sector.PROFESSIONAL, 2))
        net.save_version(m.id, VersionInput(TODAY - dt.timedelta(days=182)))
        net.move_entry(granny.id, Sector.FAMILY, 1)
        net.set_relation(granny.id, RelationInput((Support.PRACTICAL,)))
        net.save_version(m.id, VersionInput(TODAY))
        net.create_map(case.id, None, "Şükrü Yılmaz")  # never saved: exported as it is now
    finally:
        opened.close()


def test_export_writes_every_version_as_pdf_and_png(data_dir, pw_file, with_maps, tmp_path, capsys):
    out = tmp_path / "export"
    code = cli.main(
        [
            "network",
            "export",
            "--data-dir",
            str(data_dir),
            "--case",
            "ASD-M-2024-0113",
            "--out",
            str(out),
            "--passphrase-file",
            pw_file,
        ]
    )
    assert code == 0
    names = sorted(p.name for p in out.iterdir())
    stems = [
        "netzwerkkarte-ASD-M-2024-0113-karte-1-fassung-1",
        "netzwerkkarte-ASD-M-2024-0113-karte-1-fassung-2",
        "netzwerkkarte-ASD-M-2024-0113-karte-2-aktuell",
    ]
    assert names == sorted(f"{s}.{ext}" for s in stems for ext in ("pdf", "png"))
    assert "3 Fassungen von 2 Netzwerkkarten" in capsys.readouterr().out
    text = subprocess.run(
        ["pdftotext", "-layout", str(out / f"{stems[1]}.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Netzwerkkarte von Doğan Yılmaz" in text
    assert f"Fassung 2 vom {TODAY:%d.%m.%Y}" in text
    assert "Oma Ayşe Kaya" in text
    # The long name is printed whole (wrapped at spaces, never cut).
    for word in LONG.split():
        assert word in text
    assert "Unterstützung: E = emotional" in text
    assert "Anteil professioneller Helfer: 50 %" in text
    assert (out / f"{stems[0]}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    # The PDF's metadata names no one.
    info = subprocess.run(
        ["pdfinfo", str(out / f"{stems[0]}.pdf")], capture_output=True, text=True, check=True
    ).stdout
    assert "Yılmaz" not in info
    assert re.search(r"^Pages:\s+1$", info, re.M)


def test_an_unknown_file_number_is_a_clear_message(data_dir, pw_file, with_maps, tmp_path, capsys):
    out = tmp_path / "export"
    code = cli.main(
        [
            "network",
            "export",
            "--data-dir",
            str(data_dir),
            "--case",
            "ASD-X-0000",
            "--out",
            str(out),
            "--passphrase-file",
            pw_file,
        ]
    )
    assert code != 0
    assert "Aktenzeichen »ASD-X-0000«" in capsys.readouterr().err
    assert not out.exists()
