"""The fonts every printed document uses: DejaVu Sans, and fallbacks chosen per character.

Never Helvetica: reportlab's standard fonts know only Latin-1 and silently print
ş, ğ, ı, ł, ż, ř as black boxes. DejaVu (Latin, Greek, Cyrillic) is embedded
(subset) into every PDF. A character DejaVu lacks is printed in the first shipped
fallback that has it: Noto Sans Arabic (Arabic, Persian/Dari), Noto Sans Hebrew,
Noto Sans Devanagari, Noto Sans Thai and Droid Sans Fallback (Chinese, Japanese,
Korean). Arabic script is shaped (joining forms) and right-to-left runs are put in
visual order here, so that the glyphs stand right and ``pdftotext`` gives the text
back in logical order; Devanagari is shaped by HarfBuzz inside reportlab.

A character that no shipped font has is found by :func:`missing_characters` before a
document is stored (see ``asd_desktop.services.documents``), so nobody prints a
name as empty boxes without being told.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from xml.sax.saxutils import escape, unescape

from arabic_reshaper import ArabicReshaper
from bidi import get_display
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, TTFontFile

from asd_desktop.resources_path import resource

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"

_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}
_lock = threading.Lock()


@dataclass(frozen=True)
class Fallback:
    """A shipped fallback font: its regular and (if shipped) bold file."""

    name: str
    regular: str
    bold: str | None
    #: Text in this font needs HarfBuzz shaping (conjuncts, vowel signs).
    shaped: bool = False


#: In order of preference; the first that has a character prints it.
FALLBACKS: tuple[Fallback, ...] = (
    Fallback("NotoSansArabic", "NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf"),
    Fallback("NotoSansHebrew", "NotoSansHebrew-Regular.ttf", "NotoSansHebrew-Bold.ttf"),
    Fallback(
        "NotoSansDevanagari",
        "NotoSansDevanagari-Regular.ttf",
        "NotoSansDevanagari-Bold.ttf",
        shaped=True,
    ),
    Fallback("NotoSansThai", "NotoSansThai-Regular.ttf", "NotoSansThai-Bold.ttf"),
    Fallback("DroidSansFallback", "DroidSansFallback.ttf", None),
)
_BY_NAME = {f.name: f for f in FALLBACKS}
#: Joining forms and the lam-alef ligatures; vowel marks (harakat) are kept, not dropped.
_RESHAPER = ArabicReshaper(configuration={"delete_harakat": False, "support_ligatures": True})


def register_fonts() -> tuple[str, str]:
    """Register DejaVu Sans and DejaVu Sans Bold once; returns (regular, bold) names.

    The family mapping lets ``<b>`` in a Paragraph pick the bold face.
    """
    with _lock:
        registered = set(pdfmetrics.getRegisteredFontNames())
        for name, file_name in _FILES.items():
            if name not in registered:
                pdfmetrics.registerFont(TTFont(name, str(resource("fonts", file_name))))
        addMapping(REGULAR, 0, 0, REGULAR)
        addMapping(REGULAR, 1, 0, BOLD)
        addMapping(REGULAR, 0, 1, REGULAR)
        addMapping(REGULAR, 1, 1, BOLD)
    return REGULAR, BOLD


def register_fallback(name: str) -> str:
    """Register one fallback font (and its bold face) on first use; returns its name."""
    fallback = _BY_NAME[name]
    bold_name = f"{name}-Bold" if fallback.bold else name
    with _lock:
        registered = set(pdfmetrics.getRegisteredFontNames())
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, str(resource("fonts", fallback.regular))))
        if fallback.bold and bold_name not in registered:
            pdfmetrics.registerFont(TTFont(bold_name, str(resource("fonts", fallback.bold))))
        addMapping(name, 0, 0, name)
        addMapping(name, 1, 0, bold_name)
        addMapping(name, 0, 1, name)
        addMapping(name, 1, 1, bold_name)
    return name


def has_bold(name: str) -> bool:
    """Whether the fallback ``name`` ships a bold face."""
    return _BY_NAME[name].bold is not None


@cache
def _coverage(file_name: str) -> frozenset[int]:
    """The code points a shipped font file has a glyph for (read once)."""
    face = TTFontFile(str(resource("fonts", file_name)))
    return frozenset(c for c, g in face.charToGlyph.items() if g)


def _in_font(code: int, file_name: str) -> bool:
    return code in _coverage(file_name)


#: Characters that take the font of the text around them (spaces, joiners, marks).
def _neutral(ch: str) -> bool:
    if ch.isspace() or ch in "\u200c\u200d\u200e\u200f\u00a0":
        return True
    cat = unicodedata.category(ch)
    return cat in {"Cf", "Zs"}


def _ignorable(ch: str) -> bool:
    """Control and formatting characters need no glyph."""
    return ch.isspace() or unicodedata.category(ch) in {"Cc", "Cf", "Zl", "Zp"}


_SCRIPT_FONTS = (
    (0x0590, 0x05FF, "NotoSansHebrew"),
    (0x0600, 0x06FF, "NotoSansArabic"),
    (0x0750, 0x077F, "NotoSansArabic"),
    (0x08A0, 0x08FF, "NotoSansArabic"),
    (0xFB1D, 0xFB4F, "NotoSansHebrew"),
    (0xFB50, 0xFDFF, "NotoSansArabic"),
    (0xFE70, 0xFEFF, "NotoSansArabic"),
)


@cache
def font_for(ch: str) -> str | None:
    """The font that prints ``ch``: DejaVu, the first fallback that has it, or None."""
    code = ord(ch)
    # DejaVu has unshaped Arabic and Hebrew letters: these scripts take their own font.
    for start, end, name in _SCRIPT_FONTS:
        if start <= code <= end:
            return name if _in_font(code, _BY_NAME[name].regular) else None
    if code < 0x250 or _in_font(code, _FILES[REGULAR]):
        return REGULAR
    for fallback in FALLBACKS:
        if _in_font(code, fallback.regular):
            return fallback.name
    return None


def missing_characters(value: str) -> list[str]:
    """The characters of ``value`` that no shipped font can print (each once, in order)."""
    seen: list[str] = []
    for ch in value:
        if ch not in seen and not _ignorable(ch) and font_for(ch) is None:
            seen.append(ch)
    return seen


def describe_character(ch: str) -> str:
    """A missing character as a person can find it: ``U+13000 (EGYPTIAN HIEROGLYPH A001)``."""
    name = unicodedata.name(ch, "")
    return f"U+{ord(ch):04X}" + (f" ({name})" if name else "")


def runs(value: str) -> list[tuple[str, str]]:
    """``value`` cut into (font, text) runs (see :func:`_runs`)."""
    return list(_runs(value))


@lru_cache(maxsize=4096)
def _runs(value: str) -> tuple[tuple[str, str], ...]:
    """``value`` cut into (font, text) runs; neutral characters join the run they stand in.

    A character no font has stays with DejaVu (it prints as a box; the warning
    before storing names it).
    """
    out: list[tuple[str, str]] = []
    pending = ""  # neutral characters not yet given to a run
    for ch in value:
        if _neutral(ch):
            pending += ch
            continue
        font = font_for(ch) or REGULAR
        if out and out[-1][0] == font:
            out[-1] = (font, out[-1][1] + pending + ch)
        else:
            if pending:
                if out:
                    out[-1] = (out[-1][0], out[-1][1] + pending)
                else:
                    out.append((REGULAR, pending))
            out.append((font, ch))
        pending = ""
    if pending:
        if out:
            out[-1] = (out[-1][0], out[-1][1] + pending)
        else:
            out.append((REGULAR, pending))
    return tuple(out)


_RTL_FONTS = frozenset({"NotoSansArabic", "NotoSansHebrew"})


@lru_cache(maxsize=4096)
def visual(font: str, value: str, harfbuzz: bool = False) -> str:
    """A run as it is drawn left to right: Arabic shaped, right-to-left runs reordered.

    With ``harfbuzz`` (a paragraph reportlab shapes itself) only the words are put
    in visual order: HarfBuzz shapes each word and runs it right to left.
    """
    if font not in _RTL_FONTS:
        return value
    if harfbuzz:
        return " ".join(reversed(value.split(" ")))
    if font == "NotoSansArabic":
        value = _RESHAPER.reshape(value)
    # The run's words keep their spaces; only the run itself is reordered.
    lead = len(value) - len(value.lstrip())
    trail = len(value) - len(value.rstrip())
    core = value.strip()
    shown = str(get_display(core, base_dir="R"))
    return value[:lead] + shown + (value[len(value) - trail :] if trail else "")


def is_rtl(value: str) -> bool:
    """Whether ``value`` is mostly right-to-left text (an Arabic or Hebrew sentence)."""
    strong = [unicodedata.bidirectional(c) for c in value if c.isalpha()]
    if not strong:
        return False
    rtl = sum(1 for b in strong if b in {"R", "AL"})
    return rtl * 2 > len(strong)


def needs_shaping(value: str) -> bool:
    """Whether ``value`` holds characters that only print right after HarfBuzz shaping."""
    return any(
        font_for(ch) in {f.name for f in FALLBACKS if f.shaped} for ch in value if not ch.isascii()
    )


_TAG = re.compile(r"(<[^>]*>)")


@lru_cache(maxsize=4096)
def script_markup(markup: str, harfbuzz: bool = False) -> str:
    """Paragraph markup with every run DejaVu lacks wrapped in its fallback font.

    Tags are kept as they are; text between them is unescaped, cut into runs,
    Arabic and Hebrew runs shaped and put in visual order, and escaped again.
    Markup of pure DejaVu text comes back unchanged.
    """
    if markup.isascii():
        return markup
    parts: list[str] = []
    for piece in _TAG.split(markup):
        if not piece or piece.startswith("<"):
            parts.append(piece)
            continue
        plain = unescape(piece)
        if not harfbuzz and _has_rtl(plain):
            # The whole piece in visual order at once: punctuation, digits and Latin
            # words inside an Arabic sentence stand where a reader expects them.
            shown = str(
                get_display(_RESHAPER.reshape(plain), base_dir="R" if is_rtl(plain) else "L")
            )
            for font, chunk in runs(shown):
                parts.append(_wrapped(font, escape(chunk)))
            continue
        for font, chunk in runs(plain):
            parts.append(_wrapped(font, escape(visual(font, chunk, harfbuzz))))
    return "".join(parts)


def _has_rtl(value: str) -> bool:
    return any(unicodedata.bidirectional(c) in {"R", "AL"} for c in value if not c.isascii())


def _wrapped(font: str, chunk: str) -> str:
    if font == REGULAR:
        return chunk
    register_fallback(font)
    return f'<font face="{font}">{chunk}</font>'


def fallbacks_used(values: Iterable[str]) -> set[str]:
    """The fallback fonts the given texts need (for tests and the size check)."""
    used: set[str] = set()
    for value in values:
        used.update(f for f, _ in runs(value) if f != REGULAR)
    return used
