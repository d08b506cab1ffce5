"""The Familienrat's printed documents, read back with poppler's tools as a reader would."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from asd_desktop.domain.enums import (
    AgreementKept,
    CouncilActivity,
    CouncilOutcome,
    Financing,
    ProposalDecision,
)
from asd_desktop.reports.familienrat import (
    WHAT_IS_A_COUNCIL,
    CouncilAgreementPrint,
    InvitationPrint,
    PlanPrint,
    ProposalPrint,
    ProtocolPrint,
    ReviewItemPrint,
    ReviewPrint,
    address_lines,
    kept_counts,
    render_invitation,
    render_plan,
    render_protocol,
    render_review,
)

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"
POPPLER = ("pdftotext", "pdffonts", "pdfinfo", "pdftoppm")
FILE_NUMBER = "ASD-M-2023-0871"
MEETING = dt.datetime(2026, 7, 18, 14, 0)
REVIEW_ON = dt.date(2026, 10, 17)

AGREEMENTS = (
    CouncilAgreementPrint(
        what="Wenn Şükrü Spätschicht hat, macht Doğan seine Hausaufgaben dienstags und "
        "donnerstags von 15:00 bis 16:30 Uhr bei Oma Hatice.",
        who="Doğan, Hatice Kaya (Oma)",
        due_on=dt.date(2026, 7, 21),
        how_checked="Oma Hatice hakt die Tage im Hausaufgabenheft ab; Herr Berger schaut "
        "freitags hinein.",
        fallback="Wenn Oma Hatice krank ist, geht Doğan zu Renate Schüßler (Nachbarin) nebenan.",
    ),
    CouncilAgreementPrint(
        what="Wenn es laut wird, verlässt Şükrü Yılmaz den Raum und geht zehn Minuten hinaus, "
        "bevor er weiterredet.",
        who="Şükrü Yılmaz",
        due_on=dt.date(2026, 7, 18),
        how_checked="Ayşe und Doğan sagen beim Folge-Rat, ob es geklappt hat.",
        fallback="Ayşe ruft Onkel Cem an; er kommt vorbei oder holt Doğan für den Abend ab.",
    ),
    CouncilAgreementPrint(
        what="Ayşe Yılmaz geht jeden Mittwoch um 9:30 Uhr ins Elterncafé im KiFaZ.",
        who="Ayşe Yılmaz, Renate Schüßler begleitet sie die ersten drei Male",
        due_on=dt.date(2026, 8, 31),
        how_checked="Ayşe erzählt beim Folge-Rat, was sie dort erlebt hat.",
    ),
)

INVITATION = InvitationPrint(
    file_number=FILE_NUMBER,
    family_name="Yılmaz",
    participant="Hatice Kaya",
    invited_by="Ayşe Yılmaz",
    meeting_at=MEETING,
    place="Bürgerhaus Wilhelmsburg, Mengestraße 20, 21107 Hamburg (Raum 3)",
    food=True,
    childcare=True,
    interpreter=True,
    setting_notes="Oma Hatice kocht; Eylül wird im Nebenraum betreut.",
    moderator="Selin Aksoy (Stadtteilhilfe Wilhelmsburg e. V.)",
    moderator_contact="Tel. 040 5550 3170",
)

PLAN = PlanPrint(
    file_number=FILE_NUMBER,
    family_name="Yılmaz",
    meeting_at=MEETING,
    place=INVITATION.place,
    concern="Wir machen uns Sorgen, weil es abends oft laut wird und Doğan Angst hat, wenn "
    "sein Vater schreit.",
    minimum_requirements="Kein Kind wird geschlagen, geschubst oder fest gepackt.",
    agreements=AGREEMENTS,
    review_on=REVIEW_ON,
    signers=("Şükrü Yılmaz", "Ayşe Yılmaz", "Hatice Kaya", "Cem Yılmaz", "Renate Schüßler"),
    caseworker="Murat Aydın",
    moderator="Selin Aksoy (Stadtteilhilfe Wilhelmsburg e. V.)",
)

PROTOCOL = ProtocolPrint(
    file_number=FILE_NUMBER,
    family_name="Yılmaz",
    letter_on=dt.date(2026, 7, 20),
    meeting_at=MEETING,
    place=INVITATION.place,
    recipient="Şükrü Yılmaz",
    recipient_address="Rotenhäuser Damm 12, 21107 Hamburg",
    sender="Selin Aksoy",
    sender_org="Stadtteilhilfe Wilhelmsburg e. V.",
    sender_contact="Veringstraße 41, 21107 Hamburg\nTel. 040 5550 3170",
    concern=PLAN.concern,
    minimum_requirements=PLAN.minimum_requirements,
    help_options="Elternkurs „Starke Eltern – starke Kinder“ im KiFaZ (Frau Öztürk); "
    "Erziehungsberatung Wilhelmsburg.",
    info_started_at=MEETING,
    family_phase_start=MEETING.replace(hour=14, minute=50),
    family_phase_end=MEETING.replace(hour=17, minute=20),
    attended=("Şükrü Yılmaz", "Ayşe Yılmaz", "Hatice Kaya", "Renate Schüßler", "Thomas Berger"),
    proposals=(
        ProposalPrint(
            what=AGREEMENTS[0].what,
            who=AGREEMENTS[0].who,
            due_on=AGREEMENTS[0].due_on,
            how_checked=AGREEMENTS[0].how_checked,
            fallback=AGREEMENTS[0].fallback,
            decision=ProposalDecision.ACCEPTED,
        ),
        ProposalPrint(
            what="Şükrü bleibt ruhig.",
            who="Şükrü Yılmaz",
            due_on=None,
            how_checked="",
            fallback=AGREEMENTS[1].fallback,
            decision=ProposalDecision.ACCEPTED,
            improvement="Nachgebessert: was Şükrü genau tut, wenn es laut wird.",
        ),
    ),
    agreements=AGREEMENTS,
    approved_by="Murat Aydın",
    review_on=REVIEW_ON,
)

REVIEW = ReviewPrint(
    file_number=FILE_NUMBER,
    family_name="Yılmaz",
    meeting_at=MEETING,
    review_on=REVIEW_ON,
    reviewed_on=REVIEW_ON,
    items=(
        ReviewItemPrint(
            AGREEMENTS[0].what, AGREEMENTS[0].who, AGREEMENTS[0].due_on, AgreementKept.KEPT
        ),
        ReviewItemPrint(
            AGREEMENTS[1].what,
            AGREEMENTS[1].who,
            AGREEMENTS[1].due_on,
            AgreementKept.PARTLY,
            "Meist ja; zweimal ist Şükrü geblieben und hat geschrien.",
        ),
        ReviewItemPrint(
            AGREEMENTS[2].what,
            AGREEMENTS[2].who,
            AGREEMENTS[2].due_on,
            AgreementKept.NOT_KEPT,
            "Das Elterncafé war in den Sommerferien geschlossen.",
        ),
    ),
    outcome=CouncilOutcome.ANOTHER,
    hze_kind="",
    notes="Der nächste Folge-Rat soll klären, wer Ayşe ins Elterncafé begleitet.",
    hours=(
        (CouncilActivity.PREPARATION, 12.5),
        (CouncilActivity.MEETING, 8.0),
        (CouncilActivity.FOLLOW_UP, 6.5),
    ),
    usual_hours=(25.0, 30.0),
    financing=Financing.SHA,
    caseworker="Murat Aydın",
    moderator="Selin Aksoy (Stadtteilhilfe Wilhelmsburg e. V.)",
)


@pytest.fixture(scope="module", autouse=True)
def _poppler() -> None:
    missing = [tool for tool in POPPLER if shutil.which(tool) is None]
    assert not missing, f"poppler-utils fehlt ({missing}); scripts/setup installiert es"


def _run(*args: str | Path | int) -> str:
    return subprocess.run(
        [str(a) for a in args], check=True, capture_output=True, text=True, encoding="utf-8"
    ).stdout


def _flat(text: str) -> str:
    return " ".join(text.split())


def _text(path: Path) -> str:
    return _flat(_run("pdftotext", "-enc", "UTF-8", path, "-"))


def _pages(path: Path) -> int:
    match = re.search(r"^Pages:\s+(\d+)$", _run("pdfinfo", path), re.MULTILINE)
    assert match
    return int(match.group(1))


RENDERERS = {
    "einladung": (render_invitation, INVITATION, "Einladung zum Familienrat"),
    "plan": (render_plan, PLAN, "Unser Plan"),
    "protokoll": (render_protocol, PROTOCOL, "Protokoll des Familienrats"),
    "ueberpruefung": (render_review, REVIEW, "Überprüfung der Vereinbarungen"),
}


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("fr")
    out = {}
    for name, (render, data, _) in RENDERERS.items():
        path = folder / f"{name}.pdf"
        path.write_bytes(render(data))  # type: ignore[operator]
        out[name] = path
    return out


def _window_text(path: Path) -> str:
    """The text inside the window field of page 1 (DIN 5008 B: 20/45 mm, 85 × 45 mm)."""
    mm = 72 / 25.4
    return _run(
        "pdftotext",
        "-f",
        1,
        "-l",
        1,
        "-x",
        round(20 * mm),
        "-y",
        round(45 * mm),
        "-W",
        round(85 * mm),
        "-H",
        round(45 * mm),
        "-layout",
        "-enc",
        "UTF-8",
        path,
        "-",
    )


def test_invitation_names_the_guest_the_day_the_place_and_the_setting(pdfs):
    text = _text(pdfs["einladung"])

    assert "Einladung zum Familienrat" in text
    assert "für Hatice Kaya" in text
    assert "Wir, Familie Yılmaz, laden Sie herzlich" in text
    assert "Samstag, 18. Juli 2026, um 14:00 Uhr" in text
    assert _flat(INVITATION.place) in text
    assert _flat(WHAT_IS_A_COUNCIL) in text
    for setting in (
        "Für Essen und Trinken ist gesorgt.",
        "Für die Kinder gibt es eine Betreuung.",
        "Eine Dolmetscherin oder ein Dolmetscher ist dabei.",
        INVITATION.setting_notes,
    ):
        assert setting in text
    assert "Bitte sagen Sie Ayşe Yılmaz Bescheid" in text
    assert "Ayşe Yılmaz für Familie Yılmaz" in text
    assert "Selin Aksoy (Stadtteilhilfe Wilhelmsburg e. V.), Tel. 040 5550 3170" in text
    assert _pages(pdfs["einladung"]) == 1


def test_invitation_leaves_out_a_setting_the_family_did_not_choose(tmp_path):
    plain = dataclasses.replace(
        INVITATION, food=False, childcare=False, interpreter=False, setting_notes="", invited_by=""
    )
    path = tmp_path / "einladung.pdf"
    path.write_bytes(render_invitation(plain))
    text = _text(path)

    for setting in ("Essen", "Betreuung", "Dolmetscher", "Was Sie erwartet"):
        assert setting not in text
    assert "Bitte sagen Sie uns Bescheid" in text


def test_plan_has_every_agreement_with_emergency_plan_review_date_and_signatures(pdfs):
    text = _text(pdfs["plan"])

    assert text.index("Unser Plan") < text.index("Worum es geht")
    assert text.index("Worum es geht") < text.index("Was wir vereinbart haben")
    assert text.index("Was wir vereinbart haben") < text.index("Wann schauen wir wieder")
    assert text.index("Wann schauen wir wieder") < text.index("Unterschriften")
    for agreement in AGREEMENTS:
        assert _flat(agreement.what) in text
        assert _flat(agreement.who) in text
        assert _flat(agreement.how_checked) in text
        assert german(agreement.due_on) in text
    assert text.count("Wenn es nicht klappt") == 2
    assert _flat(AGREEMENTS[0].fallback) in text
    assert _flat(PLAN.minimum_requirements) in text
    assert "Am Samstag, 17. Oktober 2026 treffen wir uns wieder" in text
    lines = _run("pdftotext", "-layout", "-enc", "UTF-8", pdfs["plan"], "-").splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == "Unterschriften")
    signatures = lines[start:]
    for name in (*PLAN.signers, PLAN.caseworker):
        at = next(i for i, line in enumerate(signatures) if name in line)
        assert signatures[at - 1].strip() == "", name
        assert "Datum, Unterschrift" in " ".join(signatures[at + 1 : at + 3]), name
    count = sum(line.count("Datum, Unterschrift") for line in signatures)
    assert count == len(PLAN.signers) + 1
    assert "Fachkraft im Allgemeinen Sozialen Dienst" in text


def german(day: dt.date | None) -> str:
    assert day is not None
    return day.strftime("%d.%m.%Y")


def test_protocol_window_holds_sender_line_name_and_address_and_nothing_else(pdfs):
    window = _window_text(pdfs["protokoll"])
    lines = [line.strip() for line in window.splitlines() if line.strip()]

    assert lines == [
        "Selin Aksoy · Stadtteilhilfe Wilhelmsburg e. V.",
        "Şükrü Yılmaz",
        "Rotenhäuser Damm 12",
        "21107 Hamburg",
    ]


def test_protocol_is_a_letter_with_subject_results_agreements_and_closing(pdfs):
    text = _text(pdfs["protokoll"])

    order = [
        "Protokoll des Familienrats vom 18.07.2026",
        "Guten Tag Şükrü Yılmaz,",
        "Worum es geht",
        "Wer dabei war",
        "Welche Hilfen genannt wurden",
        "Die Ergebnisse der Familie",
        "Was vereinbart wurde",
        "Wann schauen wir wieder darauf?",
        "Mit freundlichen Grüßen",
    ]
    positions = [text.index(part) for part in order]
    assert positions == sorted(positions)
    assert _flat(PROTOCOL.concern) in text
    assert ", ".join(PROTOCOL.attended) in text
    assert "von 14:50 Uhr bis 17:20 Uhr allein beraten, ohne Fachkräfte" in text
    for proposal in PROTOCOL.proposals:
        assert _flat(proposal.what) in text
    assert "Nachgebessert: was Şükrü genau tut, wenn es laut wird." in text
    for agreement in AGREEMENTS:
        assert _flat(agreement.what) in text
    assert "Murat Aydın, hat diesen Vereinbarungen zugestimmt" in text
    assert "Koordination des Familienrats, Stadtteilhilfe Wilhelmsburg e. V." in text
    first = _run("pdftotext", "-f", 1, "-l", 1, "-layout", "-enc", "UTF-8", pdfs["protokoll"], "-")
    assert re.search(r"Datum\s+20\.07\.2026", first)
    assert re.search(r"Aktenzeichen\s+ASD-M-2023-0871", first)
    assert re.search(r"Familienrat vom\s+18\.07\.2026", first)


def test_protocol_address_on_several_lines_or_long_still_fits_the_window(tmp_path):
    data = dataclasses.replace(
        PROTOCOL,
        recipient="Małgorzata Wójcik-Żak",
        recipient_address="bei Familie Dvořák\nVogelhüttendeich 3\nHinterhaus, 2. Stock links\n"
        "21107 Hamburg-Wilhelmsburg\nDeutschland",
    )
    path = tmp_path / "protokoll.pdf"
    path.write_bytes(render_protocol(data))
    lines = [line.strip() for line in _window_text(path).splitlines() if line.strip()]

    assert lines[1:] == [
        "Małgorzata Wójcik-Żak",
        "bei Familie Dvořák",
        "Vogelhüttendeich 3",
        "Hinterhaus, 2. Stock links",
        "21107 Hamburg-Wilhelmsburg",
        "Deutschland",
    ]


def test_review_lists_how_each_agreement_was_kept_the_outcome_hours_and_financing(pdfs):
    text = _text(pdfs["ueberpruefung"])

    for item, status in zip(
        REVIEW.items, ("eingehalten", "teilweise eingehalten", "nicht eingehalten"), strict=True
    ):
        assert f"{_flat(item.what)} Überprüfung {status}" in text
        if item.comment:
            assert _flat(item.comment) in text
    assert "1 von 3 Vereinbarungen eingehalten, 1 teilweise, 1 nicht eingehalten." in text
    assert "Wie es weitergeht" in text
    assert "ein weiterer Folge-Rat" in text
    assert _flat(REVIEW.notes) in text
    lines = _run("pdftotext", "-layout", "-enc", "UTF-8", pdfs["ueberpruefung"], "-")
    assert re.search(r"Vorbereitung\s+12,5", lines)
    assert re.search(r"Durchführung\s+8,0", lines)
    assert re.search(r"Nachbereitung\s+6,5", lines)
    assert re.search(r"zusammen\s+27,0", lines)
    assert "Insgesamt 27 Stunden – im üblichen Rahmen von 25–30 Stunden." in text
    assert "Finanziert über SHA-Mittel, nicht über Fachleistungsstunden." in text


def test_review_with_hze_names_its_kind_and_flags_hours_above_the_usual(tmp_path):
    data = dataclasses.replace(
        REVIEW,
        outcome=CouncilOutcome.HZE,
        hze_kind="Sozialpädagogische Familienhilfe (§ 31 SGB VIII)",
        hours=((CouncilActivity.PREPARATION, 20.0), (CouncilActivity.MEETING, 14.5)),
        financing=None,
        items=(*REVIEW.items, ReviewItemPrint("Noch offen", "Cem Yılmaz", None, None)),
    )
    path = tmp_path / "ueberpruefung.pdf"
    path.write_bytes(render_review(data))
    text = _text(path)

    assert "Übergang in eine Hilfe zur Erziehung" in text
    assert "Art der Hilfe: Sozialpädagogische Familienhilfe (§ 31 SGB VIII)" in text
    assert "Insgesamt 34,5 Stunden – mehr als die üblichen 25–30 Stunden." in text
    assert "Die Finanzierung ist noch nicht eingetragen" in text
    assert "Noch offen Überprüfung noch nicht überprüft" in text
    assert "1 von 4 Vereinbarungen eingehalten" in text


@pytest.mark.parametrize("kind", sorted(RENDERERS))
def test_only_dejavu_is_used_and_embedded(pdfs, kind):
    output = _run("pdffonts", pdfs[kind])
    fonts = {line.split()[0].split("+")[-1]: line.split() for line in output.splitlines()[2:]}

    assert set(fonts) <= {"DejaVuSans", "DejaVuSans-Bold"}
    assert "DejaVuSans" in fonts
    assert all(columns[-5] == "yes" for columns in fonts.values())
    assert "Helvetica" not in output


@pytest.mark.parametrize("kind", sorted(RENDERERS))
def test_every_page_is_numbered_and_carries_the_aktenzeichen(pdfs, kind):
    path = pdfs[kind]
    pages = _pages(path)
    for page in range(1, pages + 1):
        text = _flat(_run("pdftotext", "-f", page, "-l", page, "-enc", "UTF-8", path, "-"))
        assert f"Seite {page} von {pages}" in text
        assert "Aktenzeichen" in text
        assert FILE_NUMBER in text


@pytest.mark.parametrize("kind", sorted(RENDERERS))
def test_metadata_is_the_document_kind_and_names_no_one(pdfs, kind):
    info = _run("pdfinfo", pdfs[kind])
    title = RENDERERS[kind][2]

    assert re.search(rf"^Title:\s+{re.escape(title)}$", info, re.MULTILINE)
    assert re.search(r"^Author:\s+asd-desktop$", info, re.MULTILINE)
    for word in ("Yılmaz", "Şükrü", "Hatice", "Aksoy", "Aydın", FILE_NUMBER):
        assert word not in info
    assert "(A4)" in info


@pytest.mark.parametrize("kind", sorted(RENDERERS))
def test_the_same_data_gives_the_same_bytes(kind):
    render, data, _ = RENDERERS[kind]
    first = render(data)  # type: ignore[operator]

    assert first.startswith(b"%PDF-")
    assert render(data) == first  # type: ignore[operator]
    assert render(dataclasses.replace(data, family_name="Dvořák")) != first  # type: ignore[operator, type-var]


def test_markup_in_the_familys_words_is_printed_as_written(tmp_path):
    odd = CouncilAgreementPrint(
        what="Mama & Papa <3 essen um 18:30 Uhr <b>zusammen</b>.",
        who="alle & Oma",
        due_on=None,
        how_checked="",
    )
    path = tmp_path / "plan.pdf"
    path.write_bytes(
        render_plan(
            dataclasses.replace(
                PLAN,
                agreements=(odd,),
                review_on=None,
                minimum_requirements="",
                meeting_at=None,
                concern="",
            )
        )
    )
    text = _text(path)

    assert "Mama & Papa <3 essen um 18:30 Uhr <b>zusammen</b>." in text
    assert "alle & Oma" in text
    for left_out in ("Bis wann?", "Wenn es nicht klappt", "Wann schauen wir", "Worum es geht"):
        assert left_out not in text


def test_many_agreements_and_signers_flow_over_pages(tmp_path):
    many = tuple(
        dataclasses.replace(AGREEMENTS[0], what=f"Vereinbarung {n}: {AGREEMENTS[0].what}")
        for n in range(1, 13)
    )
    people = tuple(f"Person {n} Żak" for n in range(1, 12))
    path = tmp_path / "plan.pdf"
    path.write_bytes(render_plan(dataclasses.replace(PLAN, agreements=many, signers=people)))
    text = _text(path)
    pages = _pages(path)

    assert pages >= 4
    assert f"Seite {pages} von {pages}" in text
    for agreement in many:
        assert _flat(agreement.what) in text
    assert text.count("Datum, Unterschrift") == len(people) + 1


def test_address_lines_split_one_line_at_the_commas():
    assert address_lines("Rotenhäuser Damm 12, 21107 Hamburg") == [
        "Rotenhäuser Damm 12",
        "21107 Hamburg",
    ]
    assert address_lines("c/o Kaya\nGeorg-Wilhelm-Straße 80, Hinterhaus\n21107 Hamburg") == [
        "c/o Kaya",
        "Georg-Wilhelm-Straße 80, Hinterhaus",
        "21107 Hamburg",
    ]
    assert address_lines("  ") == []


def test_kept_counts_reads_as_a_sentence():
    items = REVIEW.items
    assert (
        kept_counts(items) == "1 von 3 Vereinbarungen eingehalten, 1 teilweise, 1 nicht eingehalten"
    )
    assert kept_counts(items[:1]) == "1 von 1 Vereinbarung eingehalten"
    assert (
        kept_counts(items[1:])
        == "0 von 2 Vereinbarungen eingehalten, 1 teilweise, 1 nicht eingehalten"
    )


def test_pages_render_as_pictures_for_people_to_look_at(pdfs):
    SCREENSHOTS.mkdir(exist_ok=True)
    for name, path in pdfs.items():
        for old in SCREENSHOTS.glob(f"fr_doc_{name}-*.png"):
            old.unlink()
        _run("pdftoppm", "-png", "-r", "80", path, SCREENSHOTS / f"fr_doc_{name}")
        pictures = sorted(SCREENSHOTS.glob(f"fr_doc_{name}-*.png"))

        assert len(pictures) == _pages(path), name
        assert all(p.stat().st_size > 10_000 for p in pictures), name
