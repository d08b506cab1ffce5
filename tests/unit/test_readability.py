"""Readability of the family's text (issue 18): Amstad's Flesch and the Wiener Sachtextformel."""

from __future__ import annotations

from types import SimpleNamespace

from asd_desktop.domain.familienrat import AgreementView
from asd_desktop.domain.readability import readability, sentences, syllables
from asd_desktop.ui.familienrat.decision_wizard import plan_readability
from asd_desktop.ui.goal_wizard.summary_page import readability_text
from tests.unit.test_documents import make_draft

PLAIN = "Wir essen jeden Abend zusammen. Emre geht gern zur Schule. Papa bringt ihn hin."
OFFICIAL = (
    "Die Inanspruchnahme sozialpädagogischer Unterstützungsleistungen erfolgt unter "
    "Berücksichtigung der familiären Ressourcenausstattung sowie der Kooperationsbereitschaft "
    "der Erziehungsberechtigten im Rahmen der Hilfeplanung."
)


def test_syllables_and_sentences():
    assert [syllables(w) for w in ("Haus", "Schule", "Zielvereinbarung", "Eltern")] == [1, 2, 5, 2]
    assert sentences("Eins. Zwei!\nDrei") == ["Eins.", "Zwei!", "Drei"]


def test_plain_words_read_easier_than_official_ones():
    plain, official = readability(PLAIN), readability(OFFICIAL)
    assert plain is not None
    assert official is not None
    assert plain.flesch > 80 > 30 > official.flesch
    assert plain.band in {"leicht", "sehr leicht"}
    assert official.band == "sehr schwer"
    assert plain.wiener < 4 < 12 < official.wiener
    assert readability("") is None


def test_the_summary_line_names_the_longest_sentences():
    long_sentence = (
        "Wir Eltern und Łukasz kennen und nutzen bis zu den Sommerferien viele Wege, damit "
        "Łukasz an seiner jetzigen Schule bleiben kann und morgens gern hingeht."
    )
    line = readability_text(make_draft(direction_goal=long_sentence))
    assert line.startswith("Lesbarkeit (Flesch nach Amstad): ")
    assert "Wiener Sachtextformel: Schulstufe" in line
    assert f"Längste Sätze: „{long_sentence}“ (25 Wörter)" in line


def test_the_familienrat_plan_names_its_readability():
    agreements = (
        AgreementView(what="Oma Hatice holt Eylül dienstags von der Kita ab.", how_checked=""),
        AgreementView(
            what="Der Vater ruft jeden Sonntag um 18 Uhr an und fragt, wie die Woche war.",
            how_checked="Eylül erzählt es der Mutter.",
        ),
    )
    line = plan_readability(SimpleNamespace(agreements=agreements))  # type: ignore[arg-type]
    assert line.startswith("Plan: Lesbarkeit (Flesch nach Amstad): ")
    assert "„Der Vater ruft jeden Sonntag um 18 Uhr an und fragt, wie die Woche war.“" in line
