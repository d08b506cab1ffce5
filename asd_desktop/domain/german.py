"""German letter grammar: salutations, grammatical number and unbreakable tokens.

Pure functions, no Qt, no SQLAlchemy, no reportlab: the services decide what a
letter says with them, the reports print it, and both are tested without either.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from asd_desktop.domain.enums import Salutation

NBSP = "\u00a0"

#: Words that join several speakers: "Khaled und Rania", "Mutter, Vater".
_SEVERAL = re.compile(r"(,|;|&|\+|\bund\b|\bsowie\b|\bmit\b|/)", re.IGNORECASE)
#: A short bracketed token such as "(Raum / 3)" or "(2. OG)".
_BRACKETED = re.compile(r"\(([^()\n]{1,30})\)")
#: "§ 16", "Nr. 3", "14:30 Uhr", "3 Monate", "20 / 3": a number with what belongs to it.
_GLUED = (
    re.compile(r"(§§?|Nr\.|Abs\.|Art\.|S\.) (?=\d)"),
    re.compile(r"(?<=\d) (?=(Uhr|Stunden|Minuten|Wochen|Monate|Tage|EUR|€|%)\b)"),
    re.compile(r"(?<=\S) / (?=\S)"),
)


@dataclass(frozen=True)
class Addressee:
    """A person a letter speaks to: salutation, first and last name."""

    salutation: Salutation
    first_name: str
    last_name: str

    @property
    def full_name(self) -> str:
        """First and last name, as in "Renate Schüßler"."""
        return f"{self.first_name.strip()} {self.last_name.strip()}".strip()


def greeting(addressee: Addressee) -> str:
    """One person's salutation with the comma's text before it, without the comma.

    "Sehr geehrte Frau Schüßler", "Sehr geehrter Herr Al Zein", and without a
    salutation "Guten Tag Renate Schüßler" (a first name never follows Frau/Herr).
    """
    last = addressee.last_name.strip()
    if addressee.salutation is Salutation.MS and last:
        return f"Sehr geehrte Frau {last}"
    if addressee.salutation is Salutation.MR and last:
        return f"Sehr geehrter Herr {last}"
    return f"Guten Tag {addressee.full_name}".strip()


def salutation_line(addressees: Sequence[Addressee], fallback: str = "") -> str:
    """The letter's salutation line, ending in a comma.

    Several persons each get their own salutation, the later ones in lower
    case: "Sehr geehrte Frau Al Zein, sehr geehrter Herr Al Zein,". Without any
    addressee, ``fallback`` is greeted ("Guten Tag Familie Yılmaz,"), and
    without that "Guten Tag,".
    """
    parts = [greeting(a) for a in addressees if a.full_name]
    if not parts:
        name = fallback.strip()
        return f"Guten Tag {name}," if name else "Guten Tag,"
    later = [lower_first(p) for p in parts[1:]]
    return ", ".join([parts[0], *later]) + ","


def child_phrase(children: int, dative: bool = False) -> str:
    """The children in the genitive (Ihres Kindes / Ihrer Kinder) or dative (Ihrem Kind / …).

    Unknown (0) counts as one child: a letter about a child always concerns at
    least one.
    """
    if dative:
        return "Ihren Kindern" if children > 1 else "Ihrem Kind"
    return "Ihrer Kinder" if children > 1 else "Ihres Kindes"


def child_accusative(children: int) -> str:
    """The children in the accusative: Ihr Kind / Ihre Kinder."""
    return "Ihre Kinder" if children > 1 else "Ihr Kind"


def several_people(names: str) -> bool:
    """Whether a free-text list of people names more than one ("Khaled und Rania Al Zein")."""
    return bool(_SEVERAL.search(names.strip()))


def verb_for(names: str, singular: str, plural: str) -> str:
    """``singular`` for one speaker, ``plural`` for several: "hat" / "haben"."""
    return plural if several_people(names) else singular


def upper_first(value: str) -> str:
    """``value`` with its first letter upper case: a sentence starts with a capital."""
    for index, char in enumerate(value):
        if char.isalpha():
            return value[:index] + char.upper() + value[index + 1 :]
        if not char.isspace() and char not in "„“\"'(«»":
            return value
    return value


def lower_first(value: str) -> str:
    """``value`` with its first letter lower case (a later salutation after a comma)."""
    return value[:1].lower() + value[1:] if value else value


def sentence(value: str) -> str:
    """A sentence as printed: stripped, starting upper case, ending in a full stop.

    Text that already ends in ".", "!", "?" or ":" keeps its ending.
    """
    text = upper_first(value.strip())
    if text and text[-1] not in ".!?:…":
        text += "."
    return text


def unbreakable(value: str) -> str:
    """``value`` with non-breaking spaces where a line must not break.

    Inside short brackets ("(Raum / 3)"), around a slash between words
    ("Raum / 3"), after "§" or "Nr." before a number, and between a number and
    its unit ("14:30 Uhr").
    """
    text = _BRACKETED.sub(lambda m: "(" + m.group(1).replace(" ", NBSP) + ")", value)
    for pattern in _GLUED:
        text = pattern.sub(lambda m: m.group(0).replace(" ", NBSP), text)
    return text


def counted(n: int, one: str, many: str) -> str:
    """``n`` with the noun in the right number: "1 neuer Konflikt", "3 neue Konflikte"."""
    return f"{n} {one if n == 1 else many}"


__all__ = [
    "NBSP",
    "Addressee",
    "child_accusative",
    "child_phrase",
    "counted",
    "greeting",
    "lower_first",
    "salutation_line",
    "sentence",
    "several_people",
    "unbreakable",
    "upper_first",
    "verb_for",
]


#: The months' German names, January first (independent of the system locale).
MONTHS = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)
#: The weekdays' German names, Monday first (``date.weekday()`` order).
WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
