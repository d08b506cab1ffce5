"""The print language question (issue 18): asked only when the family speaks a shipped language."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QWidget

from asd_desktop.ui.print_language import (
    GERMAN_ONLY,
    ask_language,
    chosen,
    family_language,
    language_combo,
    preselect,
)


def test_no_question_without_a_shipped_language(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    assert ask_language(parent, ["Deutsch", "Tschechisch", ""]) == ""
    assert family_language(["Deutsch", "Türkisch, Deutsch"]) == "tr"


def _answer(choice: str, seen: list[str]) -> None:
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, QInputDialog)
    seen.append(dialog.textValue())
    if choice:
        dialog.setTextValue(choice)
    dialog.accept()


def test_the_familys_language_is_offered_first_and_can_be_declined(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[str] = []
    QTimer.singleShot(0, lambda: _answer("", seen))
    assert ask_language(parent, ["Deutsch, Arabisch"]) == "ar"
    assert seen == ["Deutsch und Arabisch (العربية)"]
    QTimer.singleShot(0, lambda: _answer(GERMAN_ONLY, seen))
    assert ask_language(parent, ["Dari"]) == ""


def test_the_familienrat_pages_choice_preselects_the_participants_language(qtbot):
    combo = language_combo()
    qtbot.addWidget(combo)
    preselect(combo, ["", "Deutsch, Türkisch"])
    assert chosen(combo) == "tr"
    assert combo.currentText() == "Deutsch und Türkisch (Türkçe)"
    preselect(combo, ["Deutsch"])
    assert chosen(combo) == ""
    assert combo.count() == 8
