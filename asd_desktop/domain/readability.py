"""How easy a German text is to read: Amstad's Flesch score and the Wiener Sachtextformel.

Pure standard library. Syllables are counted as groups of vowels (ie, ei, ai, au,
eu, äu count once), which is how both formulas are usually applied to German.

- Flesch-Reading-Ease for German (Amstad 1978): ``180 − ASL − 58.5 × ASW``, with ASL the
  words per sentence and ASW the syllables per word; 0 (very hard) to 100 (very easy).
- First Wiener Sachtextformel (Bamberger/Vanecek 1984): a school year, 4 (easy) to 15.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+|\n+")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_VOWELS = re.compile(r"(?:äu|eu|au|ai|ei|ie|[aeiouyäöü])+", re.IGNORECASE)

#: Amstad's bands, lower bound → word.
_BANDS = (
    (90, "sehr leicht"),
    (80, "leicht"),
    (70, "eher leicht"),
    (60, "mittel"),
    (50, "eher schwer"),
    (30, "schwer"),
    (-1000, "sehr schwer"),
)


def syllables(word: str) -> int:
    """Syllables of a German word (at least 1)."""
    return max(1, len(_VOWELS.findall(word)))


def sentences(text: str) -> list[str]:
    """The text's sentences (cut at . ! ? ; : and line breaks), without empty ones."""
    return [s.strip() for s in _SENTENCE_END.split(text) if _WORD.search(s)]


@dataclass(frozen=True)
class Readability:
    """The figures for one text."""

    flesch: float
    wiener: float
    words: int
    sentences: int
    #: The longest sentences, longest first, with their word counts.
    longest: tuple[tuple[str, int], ...]

    @property
    def band(self) -> str:
        """Amstad's word for the Flesch score ("mittel", "schwer" …)."""
        return next(word for low, word in _BANDS if self.flesch >= low)

    def summary(self) -> str:
        """One German line: score, band, school year."""
        return (
            f"Lesbarkeit (Flesch nach Amstad): {self.flesch:.0f} von 100 – {self.band}; "
            f"Wiener Sachtextformel: Schulstufe {self.wiener:.1f}"
        )


def readability(text: str, longest: int = 2) -> Readability | None:
    """The figures for ``text``; None when it has no words."""
    parts = sentences(text)
    words = [w for s in parts for w in _WORD.findall(s)]
    if not words or not parts:
        return None
    counts = [syllables(w) for w in words]
    asl = len(words) / len(parts)
    asw = sum(counts) / len(words)
    flesch = max(0.0, min(100.0, 180 - asl - 58.5 * asw))
    ms = 100 * sum(1 for c in counts if c >= 3) / len(words)
    iw = 100 * sum(1 for w in words if len(w) > 6) / len(words)
    es = 100 * sum(1 for c in counts if c == 1) / len(words)
    wiener = 0.1935 * ms + 0.1672 * asl + 0.1297 * iw - 0.0327 * es - 0.875
    ranked = sorted(((s, len(_WORD.findall(s))) for s in parts), key=lambda p: -p[1])
    return Readability(
        flesch=round(flesch, 1),
        wiener=round(wiener, 1),
        words=len(words),
        sentences=len(parts),
        longest=tuple(ranked[:longest]),
    )
