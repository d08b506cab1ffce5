"""Bilingual documents: the fixed texts in the family's language, from shipped files.

One file per language in ``resources/translations/<code>.json``: its German and
native name, whether it runs right to left, who translated it, whether a native
speaker has reviewed it, and the translations keyed by the exact German text.
Nothing is translated at run time; what the family said stays in their words.
A text without a translation is printed in German only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache

from asd_desktop.resources_path import resource

#: The shipped languages, in the order a dialog offers them.
LANGUAGES: tuple[str, ...] = ("tr", "ar", "ru", "pl", "fa-AF", "uk", "en")

#: The German wording of a person's ``languages`` field → language code.
_BY_GERMAN_NAME = {
    "türkisch": "tr",
    "arabisch": "ar",
    "russisch": "ru",
    "polnisch": "pl",
    "dari": "fa-AF",
    "persisch": "fa-AF",
    "farsi": "fa-AF",
    "ukrainisch": "uk",
    "englisch": "en",
}


@dataclass(frozen=True)
class Translation:
    """One language's file."""

    code: str
    name: str
    native_name: str
    rtl: bool
    translated_by: str
    reviewed: bool
    strings: dict[str, str] = field(default_factory=dict)

    def get(self, german: str, **values: str) -> str:
        """The translation of ``german`` with ``{date}`` etc. filled in; "" if there is none."""
        text = self.strings.get(german, "")
        return text.format(**values) if text and values else text


@cache
def translation(code: str) -> Translation:
    """The shipped translation for ``code`` (e.g. "tr", "fa-AF").

    Raises:
        KeyError: no such language is shipped.
    """
    if code not in LANGUAGES:
        raise KeyError(code)
    data = json.loads(resource("translations", f"{code}.json").read_text(encoding="utf-8"))
    return Translation(
        code=code,
        name=str(data["name"]),
        native_name=str(data["native_name"]),
        rtl=bool(data["rtl"]),
        translated_by=str(data["translated_by"]),
        reviewed=bool(data["reviewed_by_native_speaker"]),
        strings={str(k): str(v) for k, v in data["strings"].items()},
    )


def language_for(languages: str) -> str | None:
    """The first shipped language named in a person's ``languages`` field ("Deutsch, Arabisch")."""
    for word in languages.replace(";", ",").replace("/", ",").split(","):
        code = _BY_GERMAN_NAME.get(word.strip().lower())
        if code is not None:
            return code
    return None


def choices() -> list[tuple[str, str]]:
    """(code, "Türkisch (Türkçe)") for a print dialog's language choice."""
    out = []
    for code in LANGUAGES:
        tr = translation(code)
        out.append((code, f"{tr.name} ({tr.native_name})"))
    return out
