"""The printed Zielvereinbarung, read back with poppler's tools as a reader would see it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from asd_desktop.domain.enums import ResourceKind
from asd_desktop.reports.goal_agreement import (
    RESOURCE_HEADINGS,
    AgreementPrint,
    GoalPrint,
    ResourcePrint,
    StepPrint,
    goal_list,
    render_goal_agreement,
)
from asd_desktop.resources_path import resource, resources_dir

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"
POPPLER = ("pdftotext", "pdffonts", "pdfinfo", "pdftoppm")

SAMPLE = AgreementPrint(
    file_number="ASD-M-2026-0042",
    family_name="Yılmaz",
    agreed_on=dt.date(2026, 11, 24),
    place="Wohnung der Familie, Veringstraße 41",
    concern="Emre soll an seiner Schule bleiben. Die Briefe der Schule machen uns Angst.",
    concern_by="Şükrü Yılmaz (Vater)",
    will="Wir wollen, dass Emre morgens pünktlich und gern in die Schule geht und dass es "
    "abends weniger Streit um die Hausaufgaben gibt.",
    priority="Zuerst: jeden Tag pünktlich in der Schule.",
    direction_goal="Wir Eltern und Emre kennen und nutzen bis zu den Sommerferien 2027 Wege, "
    "damit Emre an seiner jetzigen Schule bleiben kann.",
    direction_people="Şükrü Yılmaz, Ayşe Yılmaz und Emre",
    goals=(
        GoalPrint(
            "Emre macht seine Hausaufgaben jeden Tag vollständig und selbstständig bis 18:00 Uhr.",
            "Das Hausaufgabenheft ist jeden Abend um 18:00 Uhr abgehakt; Frau Wójcik bestätigt "
            "es freitags.",
            dt.date(2027, 7, 9),
            "Emre, Ayşe Yılmaz, Małgorzata Wójcik (Nachbarin)",
        ),
        GoalPrint(
            "Emre ist jeden Tag von Anfang bis Ende in der Schule; wenn er krank ist, "
            "entschuldigen ihn die Eltern am selben Tag.",
            "Im Klassenbuch steht kein unentschuldigter Fehltag.",
            dt.date(2027, 7, 9),
            "Emre, Şükrü Yılmaz, Onkel Doğan",
        ),
        GoalPrint(
            "Emre geht respektvoll und friedlich mit Mitschülern und Lehrkräften um, auch in "
            "der Pause.",
            "Die Klassenlehrerin Frau Zofia Żak meldet keinen Eintrag wegen Streit.",
            dt.date(2027, 7, 9),
            "Emre, Zofia Żak",
        ),
    ),
    resources=(
        ResourcePrint(
            ResourceKind.PERSONAL, "Emre ist stark in Mathematik und spielt gern Fußball.", (1, 3)
        ),
        ResourcePrint(
            ResourceKind.SOCIAL,
            "Nachbarin Małgorzata Wójcik hilft dienstags und donnerstags bei den Hausaufgaben.",
            (1,),
        ),
        ResourcePrint(
            ResourceKind.SOCIAL,
            "Onkel Doğan bringt Emre morgens zur Schule, wenn er Frühschicht hat.",
            (2,),
        ),
        ResourcePrint(ResourceKind.MATERIAL, "Ein eigener Schreibtisch in Emres Zimmer.", (1,)),
        ResourcePrint(
            ResourceKind.SOCIAL_SPACE,
            "Hausaufgabenhilfe im Haus der Jugend (montags und mittwochs).",
            (1,),
        ),
        ResourcePrint(ResourceKind.SOCIAL_SPACE, "Fußballverein SV Wilhelmsburg.", ()),
    ),
    steps=(
        StepPrint("Ayşe Yılmaz", "weckt Emre um 6:45 Uhr", dt.date(2026, 11, 25)),
        StepPrint("Jiří Dvořák (Schulsozialarbeit)", "lädt Emre zur Fußball-AG ein", None),
        StepPrint("Emre", "fragt Frau Wójcik nach festen Hausaufgaben-Tagen", dt.date(2026, 12, 1)),
    ),
    review_on=dt.date(2027, 2, 23),
    present=("Şükrü Yılmaz", "Ayşe Yılmaz", "Emre Yılmaz", "Doğan Yılmaz"),
    caseworker="Małgorzata Wójcik",
)

NAMES = (
    "Şükrü Yılmaz",
    "Ayşe Yılmaz",
    "Emre Yılmaz",
    "Doğan Yılmaz",
    "Małgorzata Wójcik",
    "Jiří Dvořák",
    "Zofia Żak",
    "Doğan",
)


@pytest.fixture(scope="module", autouse=True)
def _poppler() -> None:
    missing = [tool for tool in POPPLER if shutil.which(tool) is None]
    assert not missing, f"poppler-utils fehlt ({missing}); scripts/setup installiert es"


def _run(*args: str | Path | int) -> str:
    return subprocess.run(
        [str(a) for a in args], check=True, capture_output=True, text=True, encoding="utf-8"
    ).stdout


def _write(tmp_path: Path, content: bytes, name: str = "zv.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


def _flat(text: str) -> str:
    """Whitespace (line breaks, non-breaking spaces) folded to single spaces."""
    return " ".join(text.split())


def _text(path: Path) -> str:
    return _flat(_run("pdftotext", "-enc", "UTF-8", path, "-"))


def _layout_lines(path: Path) -> list[str]:
    """The text as laid out on the page: columns side by side on one line."""
    return _run("pdftotext", "-layout", "-enc", "UTF-8", path, "-").splitlines()


def _numbered(lines: list[str], number: int, text: str) -> bool:
    """True if a line starts with ``number.`` followed by the text's first words."""
    start = " ".join(text.split()[:4])
    return any(re.match(rf"\s*{number}\.\s+{re.escape(start)}", line) for line in lines)


def _pages(path: Path) -> int:
    match = re.search(r"^Pages:\s+(\d+)$", _run("pdfinfo", path), re.MULTILINE)
    assert match
    return int(match.group(1))


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _write(tmp_path_factory.mktemp("zv"), render_goal_agreement(SAMPLE))


def test_every_name_and_goal_reads_back_exactly(sample_pdf):
    text = _text(sample_pdf)

    for name in NAMES:
        assert name in text, name
    for goal in SAMPLE.goals:
        assert _flat(goal.text) in text
        assert _flat(goal.indicator) in text
        assert _flat(goal.involved) in text
    for r in SAMPLE.resources:
        assert _flat(r.description) in text
    for step in SAMPLE.steps:
        assert step.what in text
        assert step.who in text
    assert _flat(SAMPLE.direction_goal) in text
    assert _flat(SAMPLE.will) in text
    assert _flat(SAMPLE.concern) in text
    assert "ASD-M-2026-0042" in text
    assert "24.11.2026" in text
    assert "09.07.2027" in text
    assert "Am 23.02.2027 schauen wir gemeinsam" in text


def test_title_sections_and_numbered_goals_are_in_order(sample_pdf):
    text = _text(sample_pdf)

    order = [
        "Zielvereinbarung",
        "Worum es geht",
        "Was wir verändern wollen",
        "Unser gemeinsames Ziel",
        "Unsere Ziele, Schritt für Schritt",
        "Was uns dabei hilft",
        "Die ersten Schritte",
        "Wann sprechen wir wieder darüber?",
        "Unterschriften",
    ]
    positions = [text.index(heading) for heading in order]
    assert positions == sorted(positions)
    goal_positions = [text.index(_flat(g.text)) for g in SAMPLE.goals]
    assert goal_positions == sorted(goal_positions)
    lines = _layout_lines(sample_pdf)
    for n, goal in enumerate(SAMPLE.goals, start=1):
        assert _numbered(lines, n, goal.text), n
    assert text.count("Woran merken wir es?") == len(SAMPLE.goals)
    assert "hilft bei Ziel 1 und 3" in text
    for kind in ResourceKind:
        assert RESOURCE_HEADINGS[kind] in text


def test_everyone_present_and_the_caseworker_get_a_signature_line(sample_pdf):
    lines = _layout_lines(sample_pdf)
    start = next(i for i, line in enumerate(lines) if line.strip() == "Unterschriften")
    signatures = lines[start:]

    for name in (*SAMPLE.present, SAMPLE.caseworker):
        at = next(i for i, line in enumerate(signatures) if name in line)
        # Above the name the line to sign on (no text), below it what to write there.
        assert signatures[at - 1].strip() == "", name
        assert "Datum, Unterschrift" in " ".join(signatures[at + 1 : at + 3]), name
    assert "Fachkraft im Allgemeinen Sozialen Dienst" in " ".join(signatures)
    count = sum(line.count("Datum, Unterschrift") for line in signatures)
    assert count == len(SAMPLE.present) + 1


def test_only_dejavu_is_used_and_embedded(sample_pdf):
    lines = _run("pdffonts", sample_pdf).splitlines()[2:]
    fonts = {line.split()[0].split("+")[-1]: line.split() for line in lines}

    assert set(fonts) == {"DejaVuSans", "DejaVuSans-Bold"}
    for columns in fonts.values():
        assert columns[-5] == "yes"  # embedded
    assert "Helvetica" not in _run("pdffonts", sample_pdf)


def test_every_page_is_numbered_with_the_total_and_carries_the_aktenzeichen(sample_pdf):
    pages = _pages(sample_pdf)
    assert pages >= 2
    for page in range(1, pages + 1):
        text = _flat(_run("pdftotext", "-f", page, "-l", page, "-enc", "UTF-8", sample_pdf, "-"))
        assert f"Seite {page} von {pages}" in text
        assert "Aktenzeichen: ASD-M-2026-0042" in text


def test_metadata_names_no_one(sample_pdf):
    info = _run("pdfinfo", sample_pdf)

    assert re.search(r"^Title:\s+Zielvereinbarung$", info, re.MULTILINE)
    assert re.search(r"^Author:\s+asd-desktop$", info, re.MULTILINE)
    assert re.search(r"^Creator:\s+asd-desktop$", info, re.MULTILINE)
    for word in ("Yılmaz", "Wójcik", "Emre", "ASD-M-2026-0042"):
        assert word not in info
    page_size = re.search(r"^Page size:\s+(.*)$", info, re.MULTILINE)
    assert page_size
    assert "(A4)" in page_size.group(1)


def test_the_same_agreement_gives_the_same_bytes():
    first = render_goal_agreement(SAMPLE)
    assert first.startswith(b"%PDF-")
    assert render_goal_agreement(SAMPLE) == first
    changed = dataclasses.replace(SAMPLE, caseworker="Jiří Dvořák")
    assert render_goal_agreement(changed) != first


def test_markup_in_the_familys_words_is_printed_as_written(tmp_path):
    data = dataclasses.replace(
        SAMPLE,
        concern="Mama & Papa <3 wollen Ruhe am Abend",
        goals=(
            GoalPrint(
                "Wir essen um 18:30 Uhr <b>zusammen</b>.", "Jeden Abend & am Wochenende.", None, ""
            ),
        ),
        resources=(),
        steps=(),
        priority="",
        place="",
        review_on=None,
    )
    path = _write(tmp_path, render_goal_agreement(data))
    text = _text(path)

    assert "Mama & Papa <3 wollen Ruhe am Abend" in text
    assert "Wir essen um 18:30 Uhr <b>zusammen</b>." in text
    # Empty parts are left out rather than printed as empty headings.
    for heading in ("Was uns dabei hilft", "Die ersten Schritte", "Wann sprechen wir", "Ort"):
        assert heading not in text
    assert "Bis wann?" not in text


def test_many_goals_flow_over_pages_with_correct_numbers(tmp_path):
    goals = tuple(
        GoalPrint(
            f"Ziel Nummer {n}: Doğan räumt jeden Abend um 19:00 Uhr sein Zimmer auf.",
            f"Indikator {n}: Das Zimmer ist um 19:30 Uhr aufgeräumt.",
            dt.date(2027, 1, n),
            "Doğan, Zofia Żak",
        )
        for n in range(1, 16)
    )
    people = tuple(f"Person {n} Żak" for n in range(1, 10))
    path = _write(
        tmp_path, render_goal_agreement(dataclasses.replace(SAMPLE, goals=goals, present=people))
    )
    text = _text(path)
    pages = _pages(path)

    assert pages >= 4
    assert f"Seite {pages} von {pages}" in text
    lines = _layout_lines(path)
    for n, goal in enumerate(goals, start=1):
        assert goal.text in text
        assert _numbered(lines, n, goal.text), n
    assert text.count("Datum, Unterschrift") == len(people) + 1


def test_goal_list_reads_as_spoken():
    assert goal_list(()) == ""
    assert goal_list((2,)) == "Ziel 2"
    assert goal_list((1, 3)) == "Ziel 1 und 3"
    assert goal_list((1, 2, 3)) == "Ziel 1, 2 und 3"


def test_fonts_are_found_in_the_checkout():
    assert resources_dir().name == "resources"
    assert resource("fonts", "DejaVuSans.ttf").is_file()
    assert resource("fonts", "DejaVuSans-Bold.ttf").is_file()


def test_pages_render_as_pictures_for_people_to_look_at(sample_pdf):
    SCREENSHOTS.mkdir(exist_ok=True)
    for old in SCREENSHOTS.glob("goal_agreement-*.png"):
        old.unlink()
    _run("pdftoppm", "-png", "-r", "80", sample_pdf, SCREENSHOTS / "goal_agreement")
    pictures = sorted(SCREENSHOTS.glob("goal_agreement-*.png"))

    assert len(pictures) == _pages(sample_pdf)
    assert all(p.stat().st_size > 10_000 for p in pictures)
