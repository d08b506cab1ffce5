"""The printed Netzwerkkarte: one A4 page, names whole, legend never cut, colours where expected."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from PIL import Image

from asd_desktop.domain.network import MapEntry, Sector, Support
from asd_desktop.reports.network_map import NetworkMapPrint, network_map_pdf

NAMES = [
    "Şükrü Yılmaz (Nachbar)",
    "Łucja Wójcik",
    "Hausaufgabenhilfe im Haus der Jugend Wilhelmsburg (montags und mittwochs)",
]


def _page(tmp_path: Path, entries: list[MapEntry]) -> tuple[str, Path]:
    pdf = tmp_path / "karte.pdf"
    pdf.write_bytes(
        network_map_pdf(
            NetworkMapPrint(
                "ASD-M-2024-0113",
                "Al Zein",
                "Muharem Al Zein",
                "Fassung 2 vom 24.11.2026",
                entries,
                review_label="Überprüfung der Zielvereinbarung vom 10.10.2026",
            )
        )
    )
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text, pdf


def test_the_page_shows_names_whole_with_their_letters_and_the_legend(tmp_path: Path) -> None:
    entries = [
        MapEntry("a", NAMES[0], Sector.FRIENDS, 2, supports=(Support.PRACTICAL,)),
        MapEntry("b", NAMES[1], Sector.FAMILY, 1, conflict=True),
        MapEntry("c", NAMES[2], Sector.PROFESSIONAL, 2, goals=("Z1: Hausaufgaben bis 18 Uhr",)),
    ]
    text, pdf = _page(tmp_path, entries)
    assert "Netzwerkkarte von Muharem Al Zein" in text
    assert "Fassung 2 vom 24.11.2026 · Überprüfung der Zielvereinbarung vom 10.10.2026" in text
    words = " ".join(text.split())
    for name in NAMES:
        for word in name.split():
            assert word in words, word
    assert "Z1: Hausaufgaben bis 18 Uhr" in words
    assert "Leere Sektoren: Schule, Ausbildung, Arbeit" in words
    # Looked at as a picture: the sectors carry their colours, the centre is white.
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-singlefile", str(pdf), str(tmp_path / "seite")],
        check=True,
    )
    image = Image.open(tmp_path / "seite.png").convert("RGB")
    width, height = image.size
    assert abs(width - 496) <= 1  # A4 at 60 dpi
    assert abs(height - 702) <= 1
    # The map's centre lies in the middle of the width, in the upper half of the page.
    cx = width // 2
    column = [image.getpixel((cx + 60, y)) for y in range(80, height // 2 + 120)]
    assert (0xE2, 0xF0, 0xD9) in column  # Freunde und Bekannte, top right


def test_a_long_legend_shrinks_the_map_and_stays_on_one_page(tmp_path: Path) -> None:
    goals = [f"Z{n}: Ein Handlungsziel mit einem langen Text Nummer {n}" for n in range(1, 31)]
    entries = [
        MapEntry(f"e{n}", f"Person {n}", list(Sector)[n % 4], 1 + n % 3, goals=(goals[n % 30],))
        for n in range(60)
    ]
    text, pdf = _page(tmp_path, entries)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    assert re.search(r"^Pages:\s+1$", info.stdout, re.M)
    words = " ".join(text.split())
    assert "Nummer 30" in words
    assert "Leere Sektoren: keiner" in words
