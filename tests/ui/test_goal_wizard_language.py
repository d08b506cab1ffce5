"""The live goal checker in the real wizard with the German model (issue 14)."""

from __future__ import annotations

import threading

from asd_desktop.language import analyser as analyser_module
from asd_desktop.language import analyser_if_ready
from asd_desktop.services.goals import PAGE_DIRECTION, PAGE_GOALS
from tests.ui import test_goal_wizard as base

# The goal wizard's own fixtures: a real vault, a case, the wizard on screen.
detail = base.detail
printed = base.printed
make_wizard = base.make_wizard
_fill_first_pages = base._fill_first_pages
_next = base._next
screenshot = base.screenshot

#: Vague in a way no word list holds; the word lists alone say nothing.
INNER_STATE = "Frau Wagner ist bis zum Sommer psychisch belastbar."
#: A good goal whose time anchor is an event: the word lists alone say "ohne bis wann".
EVENT_ANCHOR = "Bis zur Geburt des Babys hat Familie Amini ein Kinderbett und einen Kinderwagen."


def test_the_model_loads_off_the_gui_thread_and_the_goals_page_uses_it(qtbot, make_wizard):
    wizard = make_wizard()
    loader = analyser_module._loading
    if analyser_if_ready() is None:
        # the wizard started the load in a worker thread; the GUI thread was not blocked
        assert loader is not None
        assert loader is not threading.main_thread()
        assert loader.name == "german-model"
    qtbot.waitUntil(lambda: analyser_if_ready() is not None, timeout=60_000)

    _fill_first_pages(qtbot, wizard)
    assert wizard.currentId() == PAGE_GOALS
    page = wizard.goals_page
    page.text_edit.setPlainText(INNER_STATE)
    assert [f.code for f in page.checker.findings()] == ["vague"]
    assert "»psychisch belastbar«" in page.checker.messages()[0]
    assert page.text_edit.extraSelections(), "the vague words are underlined"
    assert page.text_edit.toPlainText() == INNER_STATE, "the text is never changed"
    screenshot(wizard, "wizard_4_handlungsziele_analyse")

    page.text_edit.setPlainText(EVENT_ANCHOR)
    assert page.checker.findings() == []
    assert page.checker.status_label.text() == "Keine Hinweise."


def test_the_richtungsziel_is_checked_with_the_model(qtbot, make_wizard):
    wizard = make_wizard()
    qtbot.waitUntil(lambda: analyser_if_ready() is not None, timeout=60_000)
    _fill_first_pages(qtbot, wizard)
    wizard.back()
    assert wizard.currentId() == PAGE_DIRECTION
    page = wizard.direction_page
    page.direction_edit.setPlainText(
        "Bis zum Frühjahr erfolgt die Rückführung von Tim in den Haushalt der Mutter."
    )
    codes = {f.code for f in page.checker.findings()}
    assert codes == {"measure", "not_family_subject"}
    page.direction_edit.setPlainText(
        "Bis zur Geburt unseres zweiten Kindes haben wir eine Wohnung, in der jedes Kind ein "
        "Bett hat."
    )
    assert page.checker.findings() == []
    _next(wizard)
    assert wizard.currentId() == PAGE_GOALS


def test_a_long_new_word_is_analysed_when_typing_pauses(qtbot, make_wizard):
    """A keystroke never waits for HanTa on a long unseen word; the pause brings the analysis."""
    from asd_desktop.language import analysis_pending

    wizard = make_wizard()
    qtbot.waitUntil(lambda: analyser_if_ready() is not None, timeout=60_000)
    _fill_first_pages(qtbot, wizard)
    page = wizard.goals_page
    text = "Bis zur Geburt des Babys hat Familie Amini einen Geschwisterkinderwagen."
    assert analysis_pending(text)
    with qtbot.waitSignal(page.checker.rechecked, timeout=5_000):
        page.text_edit.setPlainText(text)
        # at once: the word lists alone, which miss the event as a time anchor
        assert [f.code for f in page.checker.findings()] == ["no_date"]
    assert page.checker.findings() == []
    assert not page.text_edit.extraSelections()
    assert not analysis_pending(text)


def test_what_one_ensures_and_a_plain_klappt_are_vague_in_the_wizard(qtbot, make_wizard):
    """Writers' majority (issue 14, rounds 14-40): "stellt sicher, dass …" and "klappt"
    name no act one could see; a concrete routine with the same words stays clean."""
    wizard = make_wizard()
    qtbot.waitUntil(lambda: analyser_if_ready() is not None, timeout=60_000)
    _fill_first_pages(qtbot, wizard)
    page = wizard.goals_page
    page.text_edit.setPlainText("Frau Kaya stellt bis März sicher, dass die Kinder versorgt sind.")
    assert [f.code for f in page.checker.findings()] == ["vague"]
    assert "»stellt bis März sicher«" in page.checker.messages()[0]
    screenshot(wizard, "wizard_4_handlungsziele_sichergestellt")
    page.text_edit.setPlainText("Das Zähneputzen klappt bis Ostern.")
    assert [f.code for f in page.checker.findings()] == ["vague"]
    page.text_edit.setPlainText(
        "Ab Januar putzen Lina und Ben jeden Abend um 19:30 Uhr zwei Minuten die Zähne."
    )
    assert page.checker.findings() == []
