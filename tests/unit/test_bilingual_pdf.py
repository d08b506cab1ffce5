"""Bilingual Zielvereinbarung and every script (issue 18), checked with poppler on real PDFs.

Each shipped language: its translated headings come back from ``pdftotext``; names
in Arabic, Dari, Chinese, Japanese, Korean, Devanagari, Greek, Cyrillic, Hebrew and
Thai come back in logical order with no replacement characters; the pages are
rendered to PNG (the screenshots folder keeps the Arabic one to look at).
"""

from __future__ import annotations

import dataclasses
import subprocess
import unicodedata
from pathlib import Path

import pytest

from asd_desktop.reports import fonts
from asd_desktop.reports.familienrat.invitation import render_invitation
from asd_desktop.reports.familienrat.plan import render_plan
from asd_desktop.reports.goal_agreement import AgreementPrint, render_goal_agreement
from asd_desktop.reports.i18n import LANGUAGES, language_for, translation
from asd_desktop.reports.mandate_letter import render_mandate_letter
from tests.unit.test_familienrat_pdf import INVITATION, PLAN
from tests.unit.test_goal_agreement_pdf import SAMPLE
from tests.unit.test_letters_office_standard import _letter

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"

#: A name in each script (the brief's list); the ones needing shaping are marked.
NAMES = {
    "Arabic": "فاطمة الزين",
    "Dari": "گلالی احمدزی",
    "Chinese": "王小明",
    "Japanese": "さくら 山田",
    "Korean": "김민준",
    "Devanagari": "सीमा देवी",
    "Greek": "Ελένη Παπαδοπούλου",
    "Cyrillic": "Ольга Шевченко",
    "Hebrew": "שרה לוי",
    "Thai": "สมชาย ใจดี",
}
HEADINGS = ("Worum es geht", "Was wir verändern wollen", "Die ersten Schritte", "Unterschriften")


def _with_names(language: str) -> AgreementPrint:
    return dataclasses.replace(
        SAMPLE,
        language=language,
        family_name="Al Zein " + NAMES["Arabic"],
        present=(*SAMPLE.present[:1], *NAMES.values()),
        concern_by=NAMES["Dari"],
    )


def _words(value: str) -> str:
    """Letters and spaces only: poppler places neutral punctuation at the edge of a
    right-to-left line by its own rules (a known limitation, docs/DECISIONS.md)."""
    plain = unicodedata.normalize("NFKC", value).replace("\u200c", "")
    kept = "".join(c if not unicodedata.category(c).startswith("P") else " " for c in plain)
    return " ".join(kept.split())


def _text(path: Path) -> str:
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True
    ).stdout.decode("utf-8")
    # Arabic letters come back as their presentation forms (the glyphs drawn);
    # NFKC gives the letters; bidi marks poppler adds are dropped.
    plain = unicodedata.normalize("NFKC", out)
    plain = "".join(c for c in plain if c not in "\u202a\u202b\u202c\u200e\u200f")
    return " ".join(plain.split())


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("bilingual")
    out = {}
    for language in LANGUAGES:
        path = root / f"zv-{language}.pdf"
        path.write_bytes(render_goal_agreement(_with_names(language)))
        out[language] = path
    return out


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_prints_its_headings_and_every_name(rendered, language, tmp_path):
    path = rendered[language]
    text = _text(path)
    tr = translation(language)
    for german in HEADINGS:
        assert german in text
        second = _words(tr.get(german))
        assert second
        assert second in _words(text), (language, german)
    assert "nicht von Muttersprachler*innen geprüft" in text
    for script, name in NAMES.items():
        if script == "Devanagari":
            # Shaped by HarfBuzz: poppler puts a space inside a syllable ("दे वी").
            assert name.replace(" ", "") in text.replace(" ", ""), language
        else:
            assert name in text, (language, script)
    assert "\ufffd" not in text
    # Every page looked at: rendered as PNG without poppler complaining.
    done = subprocess.run(
        ["pdftoppm", "-png", "-r", "60", str(path), str(tmp_path / "page")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "Error" not in done.stderr
    assert len(list(tmp_path.glob("page-*.png"))) >= 2
    if language == "ar":
        SCREENSHOTS.mkdir(exist_ok=True)
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "60",
                "-f",
                "1",
                "-l",
                "1",
                str(path),
                str(SCREENSHOTS / "zielvereinbarung-arabisch"),
            ],
            check=True,
        )


def test_arabic_and_dari_sentences_come_back_in_logical_order(rendered):
    text = _words(_text(rendered["ar"]))
    for german in (
        "Hier steht, was wir gemeinsam besprochen und vereinbart haben.",
        "Was die Familie gesagt hat, steht in ihren eigenen Worten da.",
    ):
        assert _words(translation("ar").get(german)) in text, german
    # Vowel marks are kept (the tanween of معًا), not dropped by the shaping.
    assert "معًا" in text
    dari = _words(_text(rendered["fa-AF"]))
    assert _words(translation("fa-AF").get("Was wir verändern wollen")) in dari
    assert _words(NAMES["Dari"]) in dari


def test_german_only_print_is_unchanged_by_the_languages():
    german = render_goal_agreement(SAMPLE)
    assert german == render_goal_agreement(dataclasses.replace(SAMPLE, language=""))


def test_a_character_no_font_has_is_found_and_named():
    value = f"Frau {NAMES['Chinese']} \U00013000 und \ue000"
    missing = fonts.missing_characters(value)
    assert missing == ["\U00013000", "\ue000"]
    assert fonts.describe_character("\U00013000") == "U+13000 (EGYPTIAN HIEROGLYPH A001)"
    assert fonts.missing_characters("".join(NAMES.values())) == []


def test_language_from_a_persons_languages_field():
    assert language_for("Deutsch, Arabisch") == "ar"
    assert language_for("Dari; Paschtu") == "fa-AF"
    assert language_for("Deutsch") is None


@pytest.mark.parametrize("language", ["ar", "tr", "uk"])
def test_familienrat_invitation_and_plan_print_in_the_familys_language(language, tmp_path):
    tr = translation(language)
    invitation = dataclasses.replace(INVITATION, language=language, participant=NAMES["Arabic"])
    plan = dataclasses.replace(PLAN, language=language, signers=(NAMES["Dari"], NAMES["Korean"]))
    for name, content, headings in (
        (
            "einladung",
            render_invitation(invitation),
            ("Was ist ein Familienrat?", "Wann?", "Für Essen und Trinken ist gesorgt."),
        ),
        (
            "plan",
            render_plan(plan),
            ("Unser Plan", "Unterschriften", "Wann schauen wir wieder darauf?", "Wer?"),
        ),
    ):
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(content)
        text = _words(_text(path))
        for german in headings:
            assert _words(german) in text
            assert _words(tr.get(german)) in text, (language, name, german)
        assert "nicht von Muttersprachler innen geprüft" in text
    assert _words(NAMES["Arabic"]) in _words(_text(tmp_path / "einladung.pdf"))
    assert NAMES["Korean"] in _text(tmp_path / "plan.pdf")


@pytest.mark.parametrize("language", ["ar", "pl"])
def test_auflage_letter_prints_in_the_familys_language(language, tmp_path):
    letter = _letter(kind="auflage", language=language, recipient=NAMES["Arabic"])
    path = tmp_path / "auflage.pdf"
    path.write_bytes(render_mandate_letter(letter))
    text = _words(_text(path))
    tr = translation(language)
    for german in ("Auflage des Jugendamts", "Was Sie tun müssen", "Empfangsbestätigung"):
        assert _words(german) in text
        assert _words(tr.get(german)) in text, (language, german)
    assert _words(NAMES["Arabic"]) in text


def test_the_familys_own_words_in_arabic_read_top_down(tmp_path):
    said = (
        "نريد أن يذهب ابننا إلى المدرسة كل صباح في الوقت المحدد وأن نتناول العشاء معًا كل "
        "مساء دون شجار حول الواجبات المدرسية"
    )
    path = tmp_path / "zv.pdf"
    path.write_bytes(render_goal_agreement(dataclasses.replace(SAMPLE, will=said)))
    text = _words(_text(path))
    # Over two lines, and still the words in the order they were said.
    assert _words(said) in text
