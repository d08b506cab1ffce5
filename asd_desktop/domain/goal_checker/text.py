"""A goal text as the rules see it: sentences, clauses, and helpers on its analysis."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from asd_desktop.domain.goal_analysis import AnalysedText, Word
from asd_desktop.domain.goal_checker.patterns import _DATE_ANCHORS


@dataclass(frozen=True)
class Finding:
    """One comment on a goal text.

    Attributes:
        code: One of ``CODES``.
        message: German; says why the text misses a good goal and how to rephrase it.
        span: The character range ``(start, end)`` in the text that triggered the
            finding, or ``None`` when it is about the text as a whole.
    """

    code: str
    message: str
    span: tuple[int, int] | None


# A full stop ends a sentence unless it ends a number ("30. April"), an initial ("Frau K.",
# "z. B.", "d. h.") or a common abbreviation.
_NOT_AFTER = "".join(
    rf"(?<!\b{abbr})"
    for abbr in (
        "bzw",
        "ca",
        "usw",
        "etc",
        "Nr",
        "Dr",
        "Fr",
        "Hr",
        "ggf",
        "evtl",
        "inkl",
        "ff",
        "vgl",
        "bspw",
        "gem",
        "Gem",
        "Fam",
        "lt",
        "bzgl",
        "Std",
        "std",
        "Jan",
        "Feb",
        "Apr",
        "Aug",
        "Sept",
        "Okt",
        "Nov",
        "Dez",
    )
)

_SENTENCE_BOUNDARY = re.compile(
    rf"(?<!\d)(?<!\b\w){_NOT_AFTER}\.(?=\s|$)|[!?;:](?=\s|$)|\n"
    # a list's item ("a) …, b) …") ends what comes before it with its letter
    # an age in brackets ("Noah (5)") ends nothing
    # and neither does an office's short name ("Herr B. (ASD) klärt …")
    r"|(?:(?<=\s)|^)[a-h]\)(?=\s)|\((?!\d{1,2}\)|[A-ZÄÖÜ]{2,5}\))"
    r"|(?<!\(\d)(?<!\(\d\d)(?<![A-ZÄÖÜ]{2})\)|\s[–—•-]\s"
)

_TOKEN = re.compile(r"[^\W\d_][\w'’-]*|\d+")


def _segments(
    text: str, boundary: re.Pattern[str], start: int, end: int
) -> Iterator[tuple[int, int]]:
    pos = start
    for m in boundary.finditer(text, start, end):
        if text[pos : m.start()].strip():
            yield pos, m.start()
        pos = m.end()
    if text[pos:end].strip():
        yield pos, end


def _sentences(text: str) -> list[tuple[int, int]]:
    return list(_segments(text, _SENTENCE_BOUNDARY, 0, len(text)))


#: A comma ends a clause, but not inside a number ("2,5 Stunden").
_COMMA = re.compile(r"(?<!\d),|,(?!\d)")
#: A date in apposition ("bis Freitag, den 04.12.2026, ruft …") ends no clause.
_DATE_APPOSITION = re.compile(r"\s*den\s+\d{1,2}\.\s*(?:\d{1,2}\.(?:\d{2,4})?|[A-ZÄÖÜ]\w+)\s*$")


def _clauses(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sentences:
        parts = list(_segments(text, _COMMA, s, e))
        k = 0
        while k < len(parts):
            start, end = parts[k]
            if k + 1 < len(parts) and _DATE_APPOSITION.match(
                text, parts[k + 1][0], parts[k + 1][1]
            ):
                # the clause goes on after the date: one clause around it
                last = parts[k + 2][1] if k + 2 < len(parts) else parts[k + 1][1]
                out.append((start, last))
                k += 3
                continue
            out.append((start, end))
            k += 1
    return out


def _first_word(text: str, start: int, end: int) -> str:
    m = _TOKEN.search(text, start, end)
    return m.group().lower() if m else ""


@dataclass(frozen=True)
class _Text:
    text: str
    sentences: list[tuple[int, int]]
    clauses: list[tuple[int, int]]
    today: dt.date
    analysis: AnalysedText | None = None
    #: Results several checks ask for (the measure finding, the time-anchor phrases).
    memo: dict[str, object] = field(default_factory=dict, compare=False)

    @property
    def words(self) -> tuple[Word, ...]:
        return self.analysis.words if self.analysis else ()


def _quote(t: _Text, span: tuple[int, int]) -> str:
    word = " ".join(t.text[span[0] : span[1]].split())
    return word if len(word) <= 60 else word[:57] + "…"


def _words_in(t: _Text, start: int, end: int) -> list[Word]:
    return [w for w in t.words if start <= w.start < end]


_CHAIN_LINKS = frozenset(
    ("von", "vom", "aus", "der", "des", "ihrer", "seiner", "ihres", "seines", "meiner", "unserer")
)

_DATE_HEADS = frozenset(("ende", "anfang", "mitte", "beginn"))

_NOW = frozenset(("sofort", "heute", "morgen", "jetzt", "übermorgen"))

_TITLES = frozenset(("herr", "frau", "familie", "onkel", "tante", "oma", "opa"))


def _memo_spans(
    t: _Text, key: str, find: Callable[[_Text], list[tuple[int, int]]]
) -> list[tuple[int, int]]:
    """Spans found once per text (the rules ask for them word by word)."""
    if key not in t.memo:
        t.memo[key] = find(t)
    found = t.memo[key]
    return found if isinstance(found, list) else []


def _anchor_phrases(t: _Text) -> list[tuple[int, int]]:
    """Spans of "bis …"/"ab …" time phrases (computed once per text)."""
    return _memo_spans(t, "anchors", _find_anchor_phrases)


_GENERIC_START = re.compile(r"ab\s+(?:dem|der|den)\s", re.IGNORECASE)


def _find_anchor_phrases(t: _Text) -> list[tuple[int, int]]:
    """Spans of "bis …"/"ab …" time phrases: up to their noun and its attached phrases.

    "bis zur Rückkehr von Herrn K. aus der Reha" is one phrase (the Reha is the event's,
    not a help the goal names); "bis Ende März die Schuldnerberatung" ends at "März".
    """
    spans = []
    words = t.words
    # "ab der Entlassung aus der Klinik" is an event with its phrase, not a calendar date
    dates = [
        (m.start(), m.end())
        for m in _DATE_ANCHORS.finditer(t.text)
        if not _GENERIC_START.match(m.group())
    ]
    for i, w in enumerate(words):
        if w.lemma not in ("bis", "ab"):
            continue
        k = i + 1
        end = None
        while k < len(words) and not words[k].is_finite_verb and words[k].text not in ",.;:!?":
            if words[k].lemma in _NOW:
                end = k  # "ab sofort": the phrase ends at once
                break
            if end is None and words[k].pos.startswith(("ADJ(D", "PTKVZ", "VV")):
                break  # "ab und zu", a predicate: no noun phrase follows
            if words[k].is_noun or words[k].pos == "NE" or words[k].text[:1].isdigit():
                end = k
                nxt = words[k + 1] if k + 1 < len(words) else None
                if nxt is None:
                    break
                if words[k].lemma in _DATE_HEADS or nxt.text[:1].isdigit():
                    k += 1  # "Ende März", "Sommer 2027"
                    continue
                if _in_any(words[k].start, dates):
                    break  # "bis Ostern von der Suchtberatung": a date has no attached phrase
                if words[k].lemma in _TITLES and (nxt.pos == "NE" or nxt.is_noun):
                    k += 1  # "von Herrn Kaiser", "von Frau Jung": the name belongs to it
                    continue
                if nxt.text.lower() not in _CHAIN_LINKS:
                    break
            k += 1
        if end is not None:
            spans.append((w.start, words[end].end))
    return spans


def _in_any(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def _passive_sentence(t: _Text, w: Word) -> bool:
    """Whether the participle ``w`` is in a werden-passive: "werden" in its own clause.

    "Es wird besprochen, wer die Kinder betreut": "betreut" is in the wer-clause, whose
    verb it is; the "wird" belongs to the main clause.
    """
    s, e = _clause_of(t, w.start)
    return any(x.lemma == "werden" for x in _words_in(t, s, e))


def _has_finite_verb(t: _Text) -> bool:
    return any(w.is_finite_verb for w in t.words)


def _sentence_of(t: _Text, pos: int) -> tuple[int, int]:
    for s, e in t.sentences:
        if s <= pos < e:
            return s, e
    return 0, len(t.text)


def _clause_of(t: _Text, pos: int) -> tuple[int, int]:
    for s, e in t.clauses:
        if s <= pos < e:
            return s, e
    return _sentence_of(t, pos)


_NOT_COMPARED = frozenset(
    ("weit", "ander", "letzt", "inner", "äußer", "ober", "unter", "hinter", "alt", "jung")
)


def _is_comparative(w: Word) -> bool:
    """Whether ``w`` is an adjective in the comparative ("ruhiger"); a name is not ("Nasser")."""
    if w.text[:1].isupper() and w.pos.startswith("ADJ(D"):
        return False
    return _comparative_form(w)


def _comparative_form(w: Word) -> bool:
    low = w.text.lower()
    # before a noun, "-er" is the positive's ending ("in naher Zukunft", "mit klarer Stimme");
    # the comparative adds one more ("klarere", "ruhigeren")
    endings: tuple[str, ...] = ("ere", "eren", "erem", "erer", "eres")
    if not w.pos.startswith("ADJ(A"):
        endings = ("er", *endings)
    plain = low.translate(NO_UMLAUT)  # "stärker" from "stark"
    return (
        w.pos.startswith(("ADJ", "ADV"))
        and w.lemma not in _NOT_COMPARED
        and any(low == w.lemma + ending or plain == w.lemma + ending for ending in endings)
    )


#: "stärker" → "starker", "Tagesabläufe" → "Tagesablaufe": compares forms with umlaut.
NO_UMLAUT = str.maketrans("äöü", "aou")


def _verb_lemma(t: _Text, w: Word) -> str:
    """A verb's lemma with its separated particle ("geht … um" → "umgehen")."""
    if not w.is_finite_verb:
        return w.lemma
    _s, end = _clause_of(t, w.start)
    for nxt in t.words[t.words.index(w) + 1 :]:
        if nxt.start >= end:
            break
        if nxt.pos.startswith("PTKVZ"):
            return nxt.lemma + w.lemma
    return w.lemma


def _situation_named(t: _Text, w: Word, openers: tuple[str, ...] = ("wenn", "sobald")) -> bool:
    """Whether the line goes on to say when or what exactly ("…, wenn Lehrer etwas verlangen")."""
    end = t.text.find("\n", w.end)
    end = len(t.text) if end < 0 else end
    return any(x.lemma in openers for x in _words_in(t, w.end, end))


def _modified_end(t: _Text, w: Word) -> int:
    """The end of "psychisch belastbar": a modifier with the adjectives right after it."""
    end = w.end
    i = t.words.index(w)
    for nxt in t.words[i + 1 : i + 3]:
        if not nxt.pos.startswith(("ADJ", "VV(PP")):
            break
        end = nxt.end
    return end
