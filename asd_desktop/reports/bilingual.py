"""Fixed texts printed in German and, beneath each, in the family's language.

A renderer asks :class:`Bilingual` for its headings, labels and sentences; with no
language (``""``) everything is German only, exactly as before. Right-to-left
sentences are set by :class:`~asd_desktop.reports.common.RtlParagraph`, right-aligned.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from asd_desktop.reports.common import MUTED, Paragraph, RtlParagraph, Styles, heading
from asd_desktop.reports.fonts import BOLD, REGULAR
from asd_desktop.reports.i18n import Translation, translation

_SMALL = 8.5


class Stacked(Flowable):
    """A heading and its translation as one flowable that never splits.

    Its ``style`` is the heading's, so code that keeps a heading with what follows
    recognises it. (Two paragraphs, not one with a line break: poppler reads a
    right-to-left line in logical order only when it is a block of its own.)
    """

    def __init__(self, first: Paragraph, second: Flowable) -> None:
        super().__init__()
        self.first = first
        self.second = second
        self.style = first.style
        self._heights = (0.0, 0.0)

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:  # noqa: N803 - reportlab's
        """Both parts one above the other."""
        _, h1 = self.first.wrap(aW, aH)
        _, h2 = self.second.wrap(aW, aH)
        self._heights = (h1, h2)
        self.width = aW
        self.height = h1 + h2
        return aW, self.height

    def getSpaceBefore(self) -> float:  # noqa: N802 - reportlab's
        """The heading's space before."""
        return float(self.first.getSpaceBefore())

    def getSpaceAfter(self) -> float:  # noqa: N802 - reportlab's
        """The translation's space after."""
        return float(self.second.getSpaceAfter())

    def draw(self) -> None:
        """The heading on top, the translation below."""
        _, h2 = self._heights
        self.first.drawOn(self.canv, 0, h2)
        self.second.drawOn(self.canv, 0, 0)


class Bilingual:
    """The fixed texts of one document, in German and (if chosen) a second language."""

    def __init__(self, st: Styles, language: str = "") -> None:
        """``language`` is a shipped code (``tr``, ``ar`` …) or "" for German only."""
        self.st = st
        self.tr: Translation | None = translation(language) if language else None
        self.second = ParagraphStyle(
            "second",
            parent=st.body,
            fontName=REGULAR,
            fontSize=_SMALL + 0.5,
            leading=(_SMALL + 0.5) * 1.45,
            textColor=MUTED,
            alignment=TA_LEFT,
            spaceAfter=4,
        )

    def said(self, german: str, **values: str) -> str:
        """The translation of a fixed German text ("" without language or translation)."""
        return self.tr.get(german, **values) if self.tr is not None else ""

    def heading(self, plain: str, term: str = "") -> Flowable:
        """A section heading; the translation small beneath it (one flowable)."""
        german = heading(self.st, plain, term)
        second = self.said(plain)
        if not second:
            return german
        below = ParagraphStyle("heading_second", parent=self.second, spaceAfter=5)
        if self.tr is not None and self.tr.rtl:
            return Stacked(german, RtlParagraph(second, below))
        return Stacked(german, Paragraph(escape(second), below))

    def label(self, german: str) -> str:
        """A short label as Paragraph markup: German, the translation small beneath."""
        second = self.said(german)
        return escape(german) + (f"<br/>{self._small(second)}" if second else "")

    def sentence(
        self, german_markup: str, style: ParagraphStyle, key: str = "", **values: str
    ) -> list[Flowable]:
        """A German sentence (markup) and its translation beneath, in the right direction.

        ``key`` is the German text as in the translation file (default: the markup).
        """
        out: list[Flowable] = [Paragraph(german_markup, style)]
        second = self.said(key or german_markup, **values)
        if second:
            out.append(self.translated(second, bold=style.fontName == BOLD))
        return out

    def translated(self, value: str, bold: bool = False) -> Flowable:
        """A translated sentence alone, small and muted; right-aligned if right to left."""
        style = self.second
        if bold:
            style = ParagraphStyle("second_bold", parent=style, fontName=BOLD)
        if self.tr is not None and self.tr.rtl:
            return RtlParagraph(value, style)
        return Paragraph(escape(value), style)

    def note(self) -> list[Flowable]:
        """Which language, who translated, and for an unreviewed file a note saying so."""
        if self.tr is None:
            return []
        tr = self.tr
        line = f"Übersetzung: {tr.name} ({tr.native_name}) · {tr.translated_by}"
        out: list[Flowable] = [Paragraph(escape(line), self.st.small)]
        if not tr.reviewed:
            german = (
                "Diese Übersetzung wurde nicht von Muttersprachler*innen geprüft. "
                "Im Zweifel gilt der deutsche Text."
            )
            out.append(Paragraph(escape(german), self.st.small))
            second = tr.get(german)
            if second:
                out.append(self.translated(second))
        own = "Was die Familie gesagt hat, steht in ihren eigenen Worten da."
        if tr.get(own):
            out.append(Paragraph(escape(own), self.st.small))
            out.append(self.translated(tr.get(own)))
        return out

    @staticmethod
    def _small(value: str) -> str:
        return f'<font size="{_SMALL}" color="#5f6368">{escape(value)}</font>'
