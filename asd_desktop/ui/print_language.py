"""Which language a document for the family is printed in, besides German (issue 18).

Asked only when someone in the case speaks a language the program has a translation
for ("Deutsch, Arabisch" → Arabic offered first); otherwise German only, no question.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QComboBox, QInputDialog, QWidget

from asd_desktop.reports.i18n import choices, language_for

GERMAN_ONLY = "Nur Deutsch"


def family_language(languages: Iterable[str]) -> str | None:
    """The first shipped language named in the persons' ``languages`` fields."""
    for value in languages:
        code = language_for(value)
        if code is not None:
            return code
    return None


def ask_language(parent: QWidget, languages: Iterable[str]) -> str | None:
    """The code to print with ("" = German only), or None if the caseworker cancelled.

    No question when nobody in the case is recorded with a shipped language.
    """
    preselect = family_language(languages)
    if preselect is None:
        return ""
    options = [(code, f"Deutsch und {label}") for code, label in choices()]
    labels = [GERMAN_ONLY, *(label for _, label in options)]
    current = 1 + [code for code, _ in options].index(preselect)
    label, ok = QInputDialog.getItem(
        parent,
        "Sprache des Dokuments",
        "Jemand in der Familie spricht eine Sprache, in die das Dokument übersetzt werden kann.\n"
        "Jede feste Überschrift und jeder feste Satz steht dann auch in dieser Sprache;\n"
        "was die Familie gesagt hat, bleibt in ihren eigenen Worten.",
        labels,
        current,
        False,
    )
    if not ok:
        return None
    return dict((text, code) for code, text in options).get(label, "")


def language_combo(accessible: str = "Sprache der Familie für den Ausdruck") -> QComboBox:
    """A choice "Nur Deutsch" or "Deutsch und …" for pages that print without asking."""
    combo = QComboBox()
    combo.setAccessibleName(accessible)
    combo.addItem(GERMAN_ONLY, "")
    for code, label in choices():
        combo.addItem(f"Deutsch und {label}", code)
    return combo


def preselect(combo: QComboBox, languages: Iterable[str]) -> None:
    """Select the family's language (or German only) in a :func:`language_combo`."""
    code = family_language(languages) or ""
    index = combo.findData(code)
    combo.setCurrentIndex(max(0, index))


def chosen(combo: QComboBox) -> str:
    """The code chosen in a :func:`language_combo` ("" = German only)."""
    value = combo.currentData()
    return value if isinstance(value, str) else ""
