"""``asd-desktop documents export`` on the demo's Familienrat case, read back with poppler."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from asd_desktop import cli
from asd_desktop.domain.enums import CouncilOutcome, CouncilPhase
from asd_desktop.reports.familienrat import address_lines
from asd_desktop.services import vault
from asd_desktop.services.cases import CaseQuery
from asd_desktop.services.familienrat import CouncilView
from tests.conftest import PASSPHRASE

#: The demo family whose Familienrat went through every phase.
FAMILY = "Yılmaz"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"


def _run(*args: str | Path | int) -> str:
    return subprocess.run(
        [str(a) for a in args], check=True, capture_output=True, text=True, encoding="utf-8"
    ).stdout


def _layout(path: Path) -> str:
    return _run("pdftotext", "-layout", "-enc", "UTF-8", path, "-")


def _flat(text: str) -> str:
    return " ".join(text.split())


def _kind(path: Path) -> str:
    match = re.fullmatch(r"\d{4}-\d{2}-\d{2}_([a-z_]+?)(?:_nr\d+)?_[0-9a-f]{8}\.pdf", path.name)
    assert match, path.name
    return match.group(1)


@dataclass(frozen=True)
class Demo:
    """The exported demo case."""

    file_number: str
    council: CouncilView
    follow_up: CouncilView
    files: list[Path]

    def of_kind(self, kind: str) -> list[Path]:
        """The exported files of one kind (e.g. "fr_protokoll")."""
        return [p for p in self.files if _kind(p) == kind]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Demo:
    """The demo vault, the Familienrat case's first council, and the exported files."""
    root = tmp_path_factory.mktemp("demo")
    data_dir = root / "daten"
    pw_file = root / "passphrase.txt"
    pw_file.write_text(PASSPHRASE + "\n", encoding="utf-8")
    options = ["--data-dir", str(data_dir), "--passphrase-file", str(pw_file)]
    assert cli.main(["demo", *options]) == 0
    opened = vault.unlock_vault(data_dir, PASSPHRASE)
    try:
        # The Yılmaz family of the demo (the Wirkungsbericht's many closed cases may share the
        # name): the one whose case holds the councils.
        row, councils = next(
            (r, found)
            for r in opened.cases.list_cases(CaseQuery(status=None))
            if r.family_name == FAMILY and (found := opened.familienrat.list_for_case(r.id))
        )
        first = next(c for c in councils if c.origin_id is None)
        council = opened.familienrat.get(first.id)
        follow_up = opened.familienrat.get(council.follow_up_ids[0])
    finally:
        opened.close()
    out = root / "akte"
    assert (
        cli.main(["documents", "export", "--case", row.file_number, "--out", str(out), *options])
        == 0
    )
    return Demo(row.file_number, council, follow_up, sorted(out.iterdir()))


def test_the_demo_council_went_through_every_phase_to_a_folge_rat(demo):
    council, follow_up = demo.council, demo.follow_up

    assert council.phase is CouncilPhase.CLOSED
    assert council.outcome is CouncilOutcome.ANOTHER
    assert all(a.reviews for a in council.agreements)
    assert any(p.fallback for p in council.proposals)
    assert council.total_hours > 0
    assert council.preparation.financing is not None
    assert follow_up.origin_id == council.id
    assert follow_up.phase is CouncilPhase.PREPARATION
    assert follow_up.participants
    assert len({p.name for p in follow_up.participants}) == len(follow_up.participants)


def test_export_writes_the_plan_and_one_protocol_per_participant(demo):
    council = demo.council
    kinds = [_kind(p) for p in demo.files]

    assert kinds.count("fr_plan") == 1
    assert kinds.count("fr_protokoll") == len(council.participants)
    assert kinds.count("fr_ueberpruefung") == 1
    assert kinds.count("fr_einladung") >= 1
    names = [p.name for p in council.participants]
    assert "Şükrü Yılmaz" in names
    for path in demo.files:
        for person in names:
            for word in person.split():
                assert word not in path.name


def test_each_protocol_has_its_own_name_and_address_and_no_one_elses(demo):
    council = demo.council
    letters = {}
    for path in demo.of_kind("fr_protokoll"):
        greeting = re.search(r"Guten Tag (.+),", _layout(path))
        assert greeting
        letters[greeting.group(1).strip()] = path

    assert set(letters) == {p.name for p in council.participants}
    for person in council.participants:
        text = _layout(letters[person.name])
        lines = [line.strip() for line in text.splitlines()]
        assert any(line.startswith(person.name) for line in lines), person.name
        assert address_lines(person.address)
        for part in address_lines(person.address):
            assert any(line.startswith(part) for line in lines), (person.name, part)
        for other in council.participants:
            if address_lines(other.address) != address_lines(person.address):
                street = address_lines(other.address)[0]
                assert street not in text, (person.name, other.name)


def test_the_plan_has_every_agreement(demo):
    council = demo.council
    (plan,) = demo.of_kind("fr_plan")
    text = _flat(_layout(plan))
    raw = _flat(_run("pdftotext", "-enc", "UTF-8", plan, "-"))

    for agreement in council.agreements:
        assert _flat(agreement.what) in raw, agreement.what
        assert _flat(agreement.how_checked) in raw
    for person in council.participants:
        assert person.name in text
    assert council.decision.approved_by in text
    assert raw.count("Datum, Unterschrift") == len(council.participants) + 1


def test_every_file_uses_only_dejavu_and_numbers_its_pages(demo):
    for path in demo.files:
        fonts = _run("pdffonts", path).splitlines()[2:]
        names = {line.split()[0].split("+")[-1] for line in fonts}
        assert names <= {"DejaVuSans", "DejaVuSans-Bold"}, path.name
        assert "DejaVuSans" in names
        pages = int(re.search(r"^Pages:\s+(\d+)$", _run("pdfinfo", path), re.M).group(1))  # type: ignore[union-attr]
        first = _flat(_run("pdftotext", "-f", 1, "-l", 1, "-enc", "UTF-8", path, "-"))
        assert f"Seite 1 von {pages}" in first, path.name
        assert f"Aktenzeichen: {demo.file_number}" in first


def test_the_demo_documents_render_as_pictures(demo):
    SCREENSHOTS.mkdir(exist_ok=True)
    for old in SCREENSHOTS.glob("fr_doc_demo_*.png"):
        old.unlink()
    shukru = next(
        p for p in demo.of_kind("fr_protokoll") if "Guten Tag Şükrü Yılmaz," in _layout(p)
    )
    chosen = {
        "einladung": demo.of_kind("fr_einladung")[0],
        "plan": demo.of_kind("fr_plan")[0],
        "protokoll": shukru,
        "ueberpruefung": demo.of_kind("fr_ueberpruefung")[0],
    }
    for name, path in chosen.items():
        _run("pdftoppm", "-png", "-r", "80", path, SCREENSHOTS / f"fr_doc_demo_{name}")

    pictures = sorted(SCREENSHOTS.glob("fr_doc_demo_*.png"))
    assert {p.name.split("-")[0] for p in pictures} == {f"fr_doc_demo_{n}" for n in chosen}
    assert all(p.stat().st_size > 10_000 for p in pictures)
