"""The goal checker: corpus quality targets, each code on focused examples, robustness."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from asd_desktop.domain.goal_checker import CODE_LABELS, CODES, Finding, check_goal
from tests.unit.goal_corpus import (
    BLIND2_HELD_OUT_FILE,
    BLIND3_HELD_OUT_FILE,
    BLIND4_HELD_OUT_FILES,
    BLIND5_HELD_OUT_FILES,
    BLIND_HELD_OUT_FILE,
    CORPUS,
    ELIF_GOAL,
    INDEPENDENT,
    INDEPENDENT_HELD_OUT,
    INDEPENDENT_USED_HELD_OUT,
    MUHAREM_GOAL,
    TODAY,
    blind_held_out,
    blind_overlap,
    score,
)

PRECISION_TARGET = 0.9
RECALL_TARGET = 0.85
GOOD_CLEAN_TARGET = 0.95


def codes(text: str, today: dt.date = TODAY) -> set[str]:
    return {f.code for f in check_goal(text, today=today)}


def _codes_of(text: str) -> set[str]:
    return codes(text)


# --- the corpus and the targets -------------------------------------------------------


def test_corpus_is_large_and_varied_enough():
    assert len(CORPUS) >= 150
    assert len({g.text for g in CORPUS}) == len(CORPUS), "duplicate texts"
    assert sum(1 for g in CORPUS if not g.codes) >= 60
    for code in CODES:
        assert sum(1 for g in CORPUS if code in g.codes) >= 15, code
    assert all(g.codes <= set(CODES) for g in CORPUS)
    own = [g for g in CORPUS if not g.independent]
    held_out = sum(1 for g in own if g.held_out)
    # 63 of the 227 texts written before tuning; later probes went to the tuning part
    assert held_out >= 60
    assert held_out / len(own) >= 0.2
    good = {g.text for g in CORPUS if not g.codes}
    assert {MUHAREM_GOAL, ELIF_GOAL} <= good
    assert sum(1 for g in CORPUS if len(g.codes) >= 2) >= 20


def test_the_independent_corpus_is_large_split_and_sourced():
    """Issue 14: >= 250 texts by others, >= 600 in all, each sourced.

    The first held-out part (213 rows) was measured four times and is tuning data now
    (``tuning_from_held_out``); the fresh set was measured once and is tuning data too
    (``tuning_from_fresh``); the held-out set is the blind file (see below).
    """
    assert len(CORPUS) >= 600
    assert len(INDEPENDENT) >= 250
    assert len(INDEPENDENT_USED_HELD_OUT) >= 150
    assert INDEPENDENT_HELD_OUT == [], "held-out means blind_held_out.jsonl now"
    assert len({g.text for g in CORPUS}) == len(CORPUS), "duplicate texts"
    assert all(g.source for g in INDEPENDENT)
    assert all(g.codes <= set(CODES) for g in INDEPENDENT)
    used_good = [g for g in INDEPENDENT_USED_HELD_OUT if not g.codes]
    assert len(used_good) >= 40
    for code in ("measure", "vague", "negative", "no_date", "vague_date", "not_family_subject"):
        assert sum(1 for g in INDEPENDENT_USED_HELD_OUT if code in g.codes) >= 10, code
    sources = {g.source.split(":")[0] for g in INDEPENDENT}
    assert {"doc", "web", "written"} <= sources


@pytest.mark.parametrize("part", ["whole", "held_out"])
def test_corpus_meets_the_quality_targets(part):
    goals = [g for g in CORPUS if not g.independent and (part == "whole" or g.held_out)]
    result = score(goals, _codes_of, CODES)
    misses = "\n".join(
        f"{text!r}: expected {sorted(want)}, got {sorted(got)}"
        for text, want, got in result.mismatches
    )
    for c in result.codes:
        assert c.precision >= PRECISION_TARGET, f"{c.code} precision {c.precision:.2f}\n{misses}"
        assert c.recall >= RECALL_TARGET, f"{c.code} recall {c.recall:.2f}\n{misses}"
    assert result.good_clean_share >= GOOD_CLEAN_TARGET, misses


def test_richtungsziele_are_checked_without_nagging():
    """The Richtungsziel part (held out): figures printed, so a run shows them."""
    goals = [g for g in CORPUS if g.direction and not g.independent]
    assert len(goals) >= 25
    assert sum(1 for g in goals if not g.codes) >= 10
    result = score(goals, _codes_of, CODES)
    for c in result.codes:
        print(f"Richtungsziel {c.code}: precision {c.precision:.2f}, recall {c.recall:.2f}")
    print(f"Richtungsziel good and clean: {result.good_goals_clean}/{result.good_goals}")
    by_code = {c.code: c for c in result.codes}
    assert by_code["office_voice"].precision >= PRECISION_TARGET
    assert by_code["office_voice"].recall >= RECALL_TARGET
    assert all(c.recall >= RECALL_TARGET for c in result.codes)
    # "…, Kita und Arbeit selbst." once read "Kita" as a subject; a list item without a
    # finite verb is no clause since round 4
    assert result.good_clean_share >= 0.9


def test_the_office_speaking_is_noted_not_passed_as_the_family_s_goal():
    text = "Die Mutter soll ihre Erziehungsfähigkeit stärken."
    findings = {f.code: f for f in check_goal(text, today=TODAY)}
    assert "office_voice" in findings
    finding = findings["office_voice"]
    assert finding.message.startswith("Das klingt nach dem Amt, nicht nach der Familie: »soll«")
    assert finding.span is not None
    assert text[finding.span[0] : finding.span[1]] == "soll"
    assert codes("Bis zum Halbjahreszeugnis sollen Ali und Sara jeden Tag lesen.") == {
        "office_voice"
    }
    # a "soll" in a subordinate clause or a conditional "Sollte" is not the office speaking
    assert codes("Wir Eltern wissen bis Ende März, was Tim tun soll, wenn er krank ist.") == set()
    assert "office_voice" not in codes("Sollte Tim krank sein, ruft Mama bis 8 Uhr an.")


def test_score_counts_false_positives_and_negatives():
    goals = [g for g in CORPUS if g.text == "SPFH"]
    result = score(goals, lambda text: {"vague"}, CODES)
    by_code = {c.code: c for c in result.codes}
    assert by_code["vague"].precision == 0.0
    assert by_code["measure"].recall == 0.0
    assert result.mismatches


# --- the method's own examples --------------------------------------------------------


def test_the_method_s_good_examples_pass_clean():
    assert check_goal(MUHAREM_GOAL, today=TODAY) == []
    assert check_goal(MUHAREM_GOAL.replace("\n", " "), today=TODAY) == []
    assert check_goal(ELIF_GOAL, today=TODAY) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("weitere Verselbständigung", {"vague", "no_date"}),
        ("Mutter kann Grenzen setzen", {"vague", "no_date"}),
        ("Stärkung der Erziehungsfähigkeit", {"vague", "hard_to_read", "no_date"}),
        (
            "eine Sozialpädagogische Familienhilfe für fünf Stunden pro Woche",
            {"measure", "no_date"},
        ),
    ],
)
def test_the_method_s_bad_examples_are_caught(text, expected):
    assert codes(text) == expected


# --- each code on focused examples ----------------------------------------------------

FOCUSED = [
    # measure
    ("Bis Ende März nimmt Frau K. an einem Elternkurs teil.", "measure", True),
    ("Teilnahme an der Erziehungsberatung bis zum 30. April", "measure", True),
    ("Bis zum 1. März zieht Kai in eine Wohngruppe.", "measure", True),
    ("Bis Ende Mai hat Frau K. eine Therapie begonnen.", "measure", True),
    ("Hilfe nach § 31 bis Ende März", "measure", True),
    ("Familienhelfer fünf Stunden pro Woche", "measure", True),
    ("Bis Ende März übt Elif zwei Stunden pro Woche Klavier.", "measure", False),
    ("Bis Ende April geht Doğan zweimal pro Woche zum Fußballtraining.", "measure", False),
    ("Bis Ende April fährt Elif in Begleitung ihres Bruders zur Schule.", "measure", False),
    # vague
    ("Bis zum 30. April fährt Elif selbstständig mit dem Bus zur Schule.", "vague", False),
    ("Bis zum 30. April fährt Elif selbständig mit dem Bus zur Schule.", "vague", False),
    ("Bis zum 30. April zeigt Elif mehr Selbstständigkeit.", "vague", True),
    ("Bis zum 30. April zeigt Elif mehr Selbständigkeit.", "vague", True),
    ("Bis zum 30. April ist die Verselbstständigung von Elif gelungen.", "vague", True),
    ("Bis Ende März kommt Leo regelmäßig zur Schule.", "vague", True),
    ("Bis Ende März kommt Leo regelmäßig, d. h. jeden Schultag, zur Schule.", "vague", False),
    ("Bis Ende März schläft Ida besser.", "vague", True),
    ("Bis Ende März schläft Ida an fünf Nächten pro Woche durch.", "vague", False),
    ("Bis Ende März ist Elif ein selbstständiger Schüler.", "vague", False),
    ("Klärung der Wohnsituation bis Ende März", "vague", True),
    ("Bis Ende März ist die Kommunikation in der Familie verbessert.", "vague", True),
    # negative
    ("Ben schlägt seine Schwester bis Ende Januar nicht mehr.", "negative", True),
    ("Bis Ende Januar gibt es keinen Streit mehr beim Essen.", "negative", True),
    ("Paul hört bis zum 1. März auf, seine Schwester zu ärgern.", "negative", True),
    ("Bis Ende Mai vermeidet Frau P. laute Worte vor den Kindern.", "negative", True),
    (
        "Bis zum 30. April ruft Frau Ç. an, wenn Can krank ist und nicht kommen kann.",
        "negative",
        False,
    ),
    (
        "Bis Ende März liest Elif nicht nur Comics, sondern auch ein Buch pro Monat.",
        "negative",
        False,
    ),
    # no_date
    ("Elif packt ihr Sportzeug jeden Dienstagmorgen.", "no_date", True),
    ("Murat macht seine Hausaufgaben täglich bis 17 Uhr.", "no_date", True),
    ("Murat macht seine Hausaufgaben täglich bis 17:00 Uhr.", "no_date", True),
    ("Murat macht seine Hausaufgaben täglich bis 17.00 Uhr.", "no_date", True),
    ("Ab sofort frühstücken wir jeden Montag zusammen.", "no_date", False),
    ("Jeden Dienstag bis zum 30. April frühstücken wir zusammen.", "no_date", False),
    ("Bis zu den Sommerferien 2027 frühstücken wir zusammen.", "no_date", False),
    ("Bis Ende März frühstücken wir zusammen.", "no_date", False),
    ("Bis zum 30.04.2027 frühstücken wir zusammen.", "no_date", False),
    ("In vier Wochen frühstücken wir zusammen.", "no_date", False),
    ("Bis Freitag hat Frau K. den Antrag abgegeben.", "no_date", False),
    # vague_date
    ("Frau R. sucht zeitnah eine Wohnung.", "vague_date", True),
    ("Perspektivisch lebt Tim wieder bei seinen Eltern.", "vague_date", True),
    ("Langfristig hat Herr W. eine Arbeitsstelle.", "vague_date", True),
    ("Frau R. sucht zeitnah eine Wohnung, spätestens bis zum 31. März.", "vague_date", False),
    ("Frau R. sucht zeitnah eine Wohnung.", "no_date", False),
    # not_family_subject
    ("Das Jugendamt klärt bis Ende März die Schulfrage.", "not_family_subject", True),
    ("Die Familienhelferin begleitet Frau A. bis Ende März zum Amt.", "not_family_subject", True),
    ("Der Träger stellt bis zum 1. Februar eine Fachkraft.", "not_family_subject", True),
    ("Bis Ende März klärt die Schulsozialarbeiterin die Pausenzeiten.", "not_family_subject", True),
    ("Herr K. vom Jugendamt ruft bis Freitag zurück.", "not_family_subject", True),
    (
        "Frau L. soll bis zum 30. April bei der Suche unterstützt werden.",
        "not_family_subject",
        True,
    ),
    ("Jonas wird bis Ende März in der Schule unterstützt.", "not_family_subject", True),
    ("Bis Ende Januar rufen wir die Familienhelferin an.", "not_family_subject", False),
    (
        "Ab sofort ruft die Mutter die Lehrerin an, wenn Elif krank ist.",
        "not_family_subject",
        False,
    ),
    ("Bis Ende März sind Elifs Schulsachen jeden Abend gepackt.", "not_family_subject", False),
    ("Bis Ende März soll Elif selbstständiger werden.", "not_family_subject", False),
    # hard_to_read
    ("Die Kindesmutter bringt Lina bis Ende März zur Kita.", "hard_to_read", True),
    ("Bis Ende März nutzt die Familie ihre Ressourcen.", "hard_to_read", True),
    ("Der KV holt Lina bis Ende März freitags ab.", "hard_to_read", True),
    ("Bis Ende März hat Elif einen KiTa-Platz.", "hard_to_read", False),
    ("Bis Ende März guckt Elif samstags mit Papa den HSV im TV.", "hard_to_read", False),
    (
        "Bis Ende März gehen wir "
        + "jeden Samstag mit den Kindern und der Oma " * 4
        + "in den Park.",
        "hard_to_read",
        True,
    ),
]


@pytest.mark.parametrize(("text", "code", "expected"), FOCUSED)
def test_focused_examples(text, code, expected):
    got = codes(text)
    assert (code in got) is expected, f"{text!r}: {sorted(got)}"


def test_a_deadline_far_away_is_vague_and_depends_on_today():
    text = "Bis 2031 hat Sofia einen Schulabschluss."
    assert codes(text, today=dt.date(2026, 11, 24)) == {"vague_date"}
    assert codes(text, today=dt.date(2030, 1, 1)) == set()
    assert codes("In fünf Jahren wohnt Lea allein.", today=TODAY) == {"vague_date"}
    assert codes("In zwei Jahren wohnt Lea allein.", today=TODAY) == set()
    assert "vague_date" not in codes("Bis 2031 und bis Ende März hat Sofia X geschafft.")


# --- the API ----------------------------------------------------------------------------


def test_findings_are_frozen_sorted_and_unique_with_german_messages():
    text = "Durch die SPFH werden die Eltern langfristig in ihrer Erziehungsfähigkeit gestärkt."
    findings = check_goal(text, today=TODAY)
    assert [f.code for f in findings] == [
        "measure",
        "vague",
        "vague_date",
        "not_family_subject",
        "hard_to_read",
    ]
    measure = findings[0]
    assert measure.span is not None
    assert text[measure.span[0] : measure.span[1]] == "SPFH"
    assert measure.message.startswith("»SPFH« ist eine Hilfeform")
    assert "Alltag" in measure.message
    with pytest.raises(dataclasses.FrozenInstanceError):
        measure.code = "vague"  # type: ignore[misc]
    assert set(CODE_LABELS) == set(CODES)


def test_no_date_has_no_span_and_names_examples():
    (finding,) = check_goal("Wir frühstücken jeden Morgen um 7 Uhr gemeinsam.", today=TODAY)
    assert finding == Finding("no_date", finding.message, None)
    assert "bis wann" in finding.message
    assert "bis zum 30. April" in finding.message


def test_blank_text_has_no_findings():
    assert check_goal("") == []
    assert check_goal("  \n\t ") == []


def test_today_defaults_to_the_current_date():
    next_year = dt.date.today().year + 1
    assert check_goal(f"Bis Ende März {next_year} frühstücken wir zusammen.") == []


# --- robustness -------------------------------------------------------------------------

GOAL_ALPHABET = st.sampled_from(
    [
        *"abcdeäöüßÄÖÜ ABCXYZ,.;:!?()§-–/0123456789\n\t'\"»«",
        "nicht",
        " mehr ",
        "wird ",
        "werden",
        "Jugendamt",
        " bis ",
        "zum ",
        "30.",
        " April",
        "SPFH",
        "Uhr",
        "jeden ",
        "Die ",
        "hört ",
        " auf",
        "nimmt ",
        " teil",
        "Stunden pro Woche",
        "İ",
        "ﬁ",
        "\u0301",
        "🙂",
        "2031",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(GOAL_ALPHABET, max_size=60).map("".join) | st.text(max_size=300))
def test_check_goal_never_raises_and_spans_lie_inside_the_text(text):
    findings = check_goal(text, today=TODAY)
    seen = [f.code for f in findings]
    assert len(seen) == len(set(seen))
    assert seen == sorted(seen, key=CODES.index)
    for f in findings:
        assert f.code in CODES
        assert f.message
        if f.span is not None:
            start, end = f.span
            assert 0 <= start < end <= len(text)


# --- issue 14: the analysed checker on texts its authors did not write ---------------------

ISSUE14_CODES = ("measure", "vague", "negative", "no_date", "vague_date", "not_family_subject")
ISSUE14_TARGET = 0.9
ISSUE14_GOOD_CLEAN = 0.97


def _analysed_codes(text: str) -> set[str]:
    from asd_desktop.language import check_goal_analysed

    return {f.code for f in check_goal_analysed(text, today=TODAY)}


BLIND_SETS: dict[str, Path | tuple[Path, ...]] = {
    "blind1": BLIND_HELD_OUT_FILE,
    "blind2": BLIND2_HELD_OUT_FILE,
    "blind3": BLIND3_HELD_OUT_FILE,
    "blind4": BLIND4_HELD_OUT_FILES,
    "blind5": BLIND5_HELD_OUT_FILES,
}


def _file_names(name: str) -> str:
    path = BLIND_SETS[name]
    return " + ".join(p.name for p in path) if isinstance(path, tuple) else path.name


@pytest.fixture(scope="module", params=sorted(BLIND_SETS))
def blind_score(request):
    """The analysed checker on a blind held-out set: totals only, never a text."""
    goals = blind_held_out(BLIND_SETS[request.param])
    if goals is None:
        pytest.skip(f"{_file_names(request.param)} is not there yet")
    return request.param, score(goals, _analysed_codes, CODES)


@pytest.mark.parametrize("name", sorted(BLIND_SETS))
def test_the_blind_held_out_sets_are_large_and_labelled(name):
    goals = blind_held_out(BLIND_SETS[name])
    if goals is None:
        pytest.skip(f"{_file_names(name)} is not there yet")
    # a short text a tuning writer also wrote word for word is left out of the score; with
    # thousands of tuning texts a few such coincidences are expected, never many
    overlap = blind_overlap(BLIND_SETS[name])
    assert overlap <= 0.03 * (len(goals) + overlap), f"{overlap} texts also in the tuning data"
    # messages give counts only: a held-out text is never printed
    assert len(goals) >= 290, f"{len(goals)} texts"
    good = sum(1 for g in goals if not g.codes)
    assert good >= 120, f"{good} good goals"
    assert sum(1 for g in goals if not g.codes <= set(CODES)) == 0, "unknown codes"
    for code in ISSUE14_CODES:
        assert sum(1 for g in goals if code in g.codes) >= 40, code
    corpus_texts = {g.text for g in CORPUS}
    assert sum(1 for g in goals if g.text in corpus_texts) == 0, "a held-out text is in the corpus"


# History: on the first held-out part (now tuning data) after round 3 vague P was 0.89 and
# good goals clean 57/59 = 96.6 %. The first fresh set (now tuning data), measured once after
# round 4: measure P 0.90 / R 0.84, vague P 0.84 / R 0.76, no_date P 0.88, vague_date R 0.83,
# not_family_subject R 0.897 missed; negative and good goals clean (99.1 %) met.
# The blind sets are measured once, after round 5; a code that misses the target there is a
# strict xfail carrying its measured figures.
_BLIND_MISSES: dict[tuple[str, str], str] = {
    # measured once with the rules of 590fe3d (benchmarks/RESULTS.md)
    ("blind2", "vague"): "blind2 after round 11: P 0.94 (60/64), R 0.845 (60/71)",
    ("blind1", "not_family_subject"): "blind1 after round 11: P 0.98, R 0.849 (45/53)",
    ("blind1", "good_clean"): "blind1 after round 11: 132/140 = 94.3 % good goals clean",
    # measured once with the rules of f8975e9 (after rounds 12-13)
    ("blind3", "vague"): "blind3 after round 13: P 1.00 (39/39), R 0.886 (39/44)",
    # Re-scored with the rules of 0039eff (after round 40; blind texts a tuning writer also
    # wrote are left out): blind1 not_family_subject R 0.887, 94.3 % clean; blind2 vague R
    # 0.884; blind3 vague R 0.884. blind4 (written before round 14, measured once) and the
    # clean gate blind5 (written after the freeze, measured once) meet every target.
}


@pytest.mark.parametrize("code", ISSUE14_CODES)
def test_blind_held_out_precision_and_recall_meet_the_targets(blind_score, code):
    """Quality gate (issue 14): per code P and R >= 0.9 on texts no rule author has seen."""
    name, result = blind_score
    c = {c.code: c for c in result.codes}[code]
    met = c.precision >= ISSUE14_TARGET and c.recall >= ISSUE14_TARGET
    reason = _BLIND_MISSES.get((name, code))
    if reason is not None:
        # strict: a recorded miss that is met now must be taken out of _BLIND_MISSES
        assert not met, f"{name} {code} meets the target now: remove it from _BLIND_MISSES"
        pytest.xfail(reason)
    assert c.precision >= ISSUE14_TARGET, (name, c)
    assert c.recall >= ISSUE14_TARGET, (name, c)


def test_blind_held_out_good_goals_get_no_finding(blind_score):
    """Target: at least 97 % of the good goals get no finding at all."""
    name, result = blind_score
    met = result.good_clean_share >= ISSUE14_GOOD_CLEAN
    reason = _BLIND_MISSES.get((name, "good_clean"))
    if reason is not None:
        assert not met, f"{name} good goals meet the target now: remove it from _BLIND_MISSES"
        pytest.xfail(reason)
    assert met, name


def test_the_analysis_is_better_than_the_word_lists_on_the_used_held_out_part():
    """History: on the first held-out part the rebuild beat the word lists on every code."""
    old = score(INDEPENDENT_USED_HELD_OUT, _codes_of, CODES)
    new = {c.code: c for c in score(INDEPENDENT_USED_HELD_OUT, _analysed_codes, CODES).codes}
    for c in old.codes:
        if c.code in ISSUE14_CODES:
            assert new[c.code].recall >= c.recall, c.code
    assert score(INDEPENDENT_USED_HELD_OUT, _analysed_codes, CODES).good_clean_share > (
        old.good_clean_share
    )


def test_the_tuning_data_meets_the_tuning_bar():
    """All independent texts (tuning, incl. the used held-out part): P >= 0.95, R >= 0.93
    per target code and >= 98 % of good goals clean, so rules are robust before the fresh
    set is measured."""
    result = score(INDEPENDENT, _analysed_codes, CODES)
    misses = "\n".join(
        f"{text!r}: expected {sorted(want)}, got {sorted(got)}"
        for text, want, got in result.mismatches
    )
    by_code = {c.code: c for c in result.codes}
    for code in ISSUE14_CODES:
        assert by_code[code].precision >= 0.95, f"{by_code[code]}\n{misses}"
        assert by_code[code].recall >= 0.93, f"{by_code[code]}\n{misses}"
    assert result.good_clean_share >= 0.98, misses


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # receiving a help phrased as the family's act
        ("Frau Schneider erhält ab Januar SPFH.", {"measure", "hard_to_read"}),
        ("Wir nehmen die Hilfe vom Jugendamt gern an.", {"measure", "no_date"}),
        # a family's own result is not a measure; a life event anchors the time
        ("Bis März hat Frau Klein einen Kitaplatz für Lena.", set()),
        ("Bis zur Geburt des Babys hat Familie Amini ein Kinderbett.", set()),
        # actorless nominal constructions and nominal style
        ("Die Anmeldung beim Kinderarzt erfolgt bis Februar.", {"not_family_subject"}),
        ("Sicherung des Schulbesuchs", {"vague", "no_date"}),
        # a vague state no word list holds; a daily time is no deadline
        ("Frau Wagner ist bis zum Sommer psychisch belastbar.", {"vague"}),
        ("Yara macht montags bis freitags ihre Hausaufgaben vor dem Abendessen.", {"no_date"}),
        # a professional as the subject right after the verb, without an article
        # (round 5: the helper of a help form acting names the help: a measure too)
        (
            "Bis März übt Familienhelferin Meyer mit Tim das Lesen.",
            {"measure", "not_family_subject"},
        ),
        # round 3: inner states by their form in the sentence (made-up texts, not corpus rows)
        ("Bis Mai fühlt sich Jan in seiner Klasse geborgen.", {"vague"}),
        ("Bis Mai hat sich Jan in der Kita eingelebt.", {"vague"}),
        ("Bis Juli hat Frau Bode ihren Ärger im Griff.", {"vague"}),
        ("Bis Juli sind die Zwillinge gut versorgt.", {"vague"}),
        ("Bis Juli ist Oskar motorisch sicher.", {"vague"}),
        ("Bis Juli hat Frau Gramm einen gelassenen Umgang mit Zoe.", {"vague"}),
        ("Bis zum Herbst ist das Essverhalten der Kinder altersgemäß.", {"vague"}),
        # … and words that only look vague
        ("Bis Juli öffnet Frau Bode jeden Morgen um 7 Uhr die Fenster.", set()),
        ("Bis Juli hat Oskar ein stabiles Laufrad.", set()),
        ("Bis Juli hat Frau Gramm einen Platz im Chor gefunden.", set()),
        ("Bis Juli hat Frau Gramm ihren Sprachkurs mit der Prüfung abgeschlossen.", set()),
        ("Bis zur U8 kennt Zoe ihre Farben.", set()),
        ("Beim nächsten Elternabend sitzen Mama und Papa nebeneinander.", set()),
        # round 4 (the used held-out part as tuning data; made-up texts, not corpus rows)
        ("Bis Mai lässt sich Herr Kuhn beim Amt beraten.", {"measure"}),
        ("Bis Juni ist Herr Kuhn an die Suchtambulanz angebunden.", {"measure"}),
        ("Bis Mai hat Familie Öz eine Einkaufshilfe aus dem Haus.", set()),
        ("In naher Zukunft kann Tim schwimmen.", {"vague_date"}),
        ("In drei bis vier Jahren kann Tim schwimmen.", {"vague_date"}),
        ("In zwei bis drei Wochen kann Tim schwimmen.", set()),
        ("Bis Mai werden die Umzugskartons verladen.", {"not_family_subject"}),
        ("Bis Mai ruft Frau Lenz vom Sozialdienst bei uns an.", {"not_family_subject"}),
        ("Bis Mai zankt sich Ole nicht mehr so oft mit Mia.", {"negative", "vague"}),
        ("Bis Juni ist Ida in ihrer neuen Klasse angekommen.", {"vague"}),
        (
            "Bis Mai hat Frau Kern eine Abklärung der Sprachentwicklung von Ben beim "
            "Kinderarzt vereinbart.",
            set(),
        ),
        # what is "sichergestellt" stays a state even with the clause (round 14: every
        # independent writer but the first)
        (
            "Bis Mai wird sichergestellt, dass Ben ein eigenes Bett hat.",
            {"not_family_subject", "vague"},
        ),
        ("Bis Mai achten wir darauf, dass Ben um 20 Uhr im Bett ist.", set()),
        # the verb after a time phrase, its subject two names (seen in the wizard)
        ("Ab Januar essen Şükrü und Ayşe jeden Abend um 18 Uhr mit den Kindern.", set()),
        ("Bis Mai sind die Stromkosten geregelt.", {"vague"}),
        ("Bis Mai hat Tim mit klarer Stimme ein Gedicht vorgetragen.", set()),
        ("Bis zum Umzug von Oma Inge aus dem Pflegeheim hat Tim ein eigenes Zimmer.", set()),
        ("Bis Mai geht Nele jeden Freitag zum Reitkurs.", set()),
        ("Bis Mai lässt sich Frau Roth von ihrer Schwester helfen.", set()),
        ("Bis Mai lässt sich Frau Roth von einer Suchtberaterin helfen.", {"measure"}),
        ("Ab sofort ruft Frau Uhl ihre Tante an, wenn sie sich überfordert fühlt.", set()),
        ("Bis Mai ist Herr Ott ein verlässlicher Vater.", {"vague"}),
        ("Bis Mai ist das Vertrauen zwischen Vater und Sohn wieder da.", {"vague"}),
        ("Bis Mai ist Lena selbstbewusster.", {"vague"}),
        ("Bis Mai geht es Lena in der Kita gut.", {"vague"}),
        ("Bis Mai sind sich die Eltern einig.", {"vague"}),
        ("Bis Mai sind sich die Eltern einig, wer Tim freitags abholt.", set()),
        ("Bis Mai ist Herr Ott offen für Gespräche mit der Schule.", {"vague"}),
        ("Bis Mai haben die Eltern eine gemeinsame Linie beim Fernsehen.", {"vague"}),
        ("Bis Mai fährt Ole mit der Linie 4 allein zur Schule.", set()),
        ("Nach dem Umzug hat Mia ein eigenes Zimmer.", set()),
        ("Nach der Schule macht Mia ihre Hausaufgaben.", {"no_date"}),
        ("Frau Ebert arbeitet bis Juni 15 Stunden pro Woche in einem Pflegeheim.", set()),
        ("Frau Ebert arbeitet bis Juni mit der Erziehungsbeiständin zusammen.", {"measure"}),
        ("Unterbringung von Mia in einer Wohngruppe bis zur Volljährigkeit", {"measure"}),
        ("Von Montag bis Freitag macht Mia um 16 Uhr Hausaufgaben.", {"no_date"}),
        ("Bis Mai ist Herr Ott erziehungsfähig.", {"vague"}),
        ("Bis Mai ist Herr Ott zahlungsfähig.", set()),
        ("Bis Mai kümmert sich das Jugendamt um einen Kitaplatz.", {"not_family_subject", "vague"}),
        ("Bis Mai haben wir einen Plan, wer sich freitags um Tim kümmert.", set()),
        ("Bis Mai hat die Familie eine feste Abendroutine.", {"vague"}),
        ("Bis Mai hat Frau Ott einen realistischen Blick auf ihre Schulden.", {"vague"}),
        ("Bis Mai hängt ein Plan für den Haushalt an der Küchentür.", set()),
        ("Bis Mai ist Frau Ott mit sich im Reinen.", {"vague"}),
        ("Bis Mai ist Frau Ott in psychiatrischer Behandlung.", {"measure"}),
        ("Bis Mai hat Frau Ott einen psychiatrischen Befund abgeholt.", set()),
        ("In einigen Wochen hat Frau Ott eine Wohnung.", {"vague_date"}),
        ("Innerhalb der nächsten Monate hat Frau Ott eine Wohnung.", {"vague_date"}),
        ("Sobald das Baby da ist, schläft es in seinem eigenen Bett.", set()),
        ("Bis Mai hat Herr Ott die Vaterschaftsanerkennung beim Standesamt unterschrieben.", set()),
        ("Bis Mai ist Frau Ott zuversichtlich.", {"vague"}),
        ("Bis Mai hat Frau Ott einen Termin für das Entwicklungsgespräch der Kita.", set()),
        ("Bis Mai hat Frau Ott einen günstigeren Handyvertrag.", set()),
        ("Bis Mai schläft Jan ruhiger.", {"vague"}),
    ],
)
def test_the_analysis_rules_on_focused_examples(text, expected):
    from asd_desktop.language import check_goal_analysed

    assert {f.code for f in check_goal_analysed(text, today=TODAY)} == expected


def test_findings_keep_spans_into_the_unchanged_text():
    from asd_desktop.language import check_goal_analysed

    text = "Jessica bekommt ab Februar Unterstützung von einer Familienhebamme."
    findings = check_goal_analysed(text, today=TODAY)
    measure = next(f for f in findings if f.code == "measure")
    assert measure.span is not None
    assert text[measure.span[0] : measure.span[1]] in ("Unterstützung", "Familienhebamme")
    assert measure.message.startswith("»")


def test_the_model_is_loaded_from_the_package_path(tmp_path, monkeypatch):
    from asd_desktop.language.analyser import GermanAnalyser, model_path

    monkeypatch.chdir(tmp_path)
    (tmp_path / "morphmodel_ger.pgz").write_bytes(b"not a model")
    assert model_path().is_file()
    assert model_path().parent.name == "HanTa"
    words = GermanAnalyser().analyse("Tim geht zur Schule.").words
    assert [w.pos for w in words][:2] == ["NE", "VV(FIN)"]


def test_the_rules_read_the_analysis_not_the_tagger():
    """The domain rules need only the dataclasses: a hand-made analysis decides."""
    from asd_desktop.domain.goal_analysis import AnalysedText, Word

    text = "Tom ist bis Ostern ausgeglichen."
    tags = [
        ("Tom", "NE", "tom"),
        ("ist", "VA(FIN)", "sein"),
        ("bis", "APPR", "bis"),
        ("Ostern", "NN", "ostern"),
        ("ausgeglichen", "ADJ(D)", "ausgeglichen"),
        (".", "$.", "."),
    ]
    words, pos = [], 0
    for token, tag, lemma in tags:
        start = text.index(token, pos)
        pos = start + len(token)
        words.append(Word(token, start, pos, tag, lemma, (lemma,)))
    analysis = AnalysedText(text, tuple(words))
    assert codes(text) == set(), "the word lists alone see nothing"
    findings = check_goal(text, today=TODAY, analysis=analysis)
    assert [f.code for f in findings] == ["vague"]
    assert findings[0].span == (text.index("ausgeglichen"), len(text) - 1)
    # an analysis of another text is ignored
    assert check_goal("Tom ist bis Ostern da.", today=TODAY, analysis=analysis) == []


def test_the_lattice_port_scores_exactly_as_hanta():
    """``_Lattice`` replaces HanTa's morpheme passes for speed; same results on corpus words."""
    from HanTa import HanoverTagger

    from asd_desktop.language.analyser import _TOKEN, _Lattice, model_path

    tagger = HanoverTagger.HanoverTagger(str(model_path()))
    lattice = _Lattice(tagger)
    words = sorted({m.group().lower() for g in CORPUS for m in _TOKEN.finditer(g.text)})
    words = [*words[::6], "erziehungskompetenzförderungsmaßnahme", "x", "qqq"]
    for word in map(tagger.normalize, words):
        expected = tagger.analyze_forward(word)
        assert lattice.forward(word) == expected, word
        for pos, _lp in expected[:2]:
            assert lattice.path(word, -pos) == tagger.analyze_viterbi(word, -pos), word
