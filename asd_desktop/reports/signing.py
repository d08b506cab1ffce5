"""Signature lines that can be signed on screen: a blank image on every line, filled later.

Every signature line of a document carries an image mask of fixed size and length,
blank when rendered. Signing on screen fills exactly that image, in place, with the
strokes drawn (rasterised here, in pure Python) and one line of small pixel text
saying when and that it is a simple electronic signature. Nothing else in the file
moves; the stamp is then signed anew as a new version (see ``services.signatures``).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from typing import Any

from reportlab.pdfbase.pdfdoc import PDFObject, xObjectName
from reportlab.platypus import Flowable

from asd_desktop.reports import proof

#: The image's pixels: 400 × 85 for a 75 mm × 16 mm line (about 135 dpi).
WIDTH = 400
HEIGHT = 85
_ROW = WIDTH // 8
_DATA = _ROW * HEIGHT
#: A stroke point: x and y in the pad's unit square (y downwards) and pen pressure 0–1.
Point = Sequence[float]
Stroke = Sequence[Point]

_OPENING = b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ImageMask true " % (
    WIDTH,
    HEIGHT,
)


def _image(line: int, data: bytes, name: str = "") -> bytes:
    """The image object; ``name`` (printed under the line anyway) lets the dialog say whose."""
    label = ("\ufeff" + name[:60]).encode("utf-16-be").hex().encode("ascii")
    return (
        _OPENING
        + b"/AsdSignature %03d /AsdSigner <%s> /Decode [0 1] /Length %d >>\nstream\n"
        % (line, label, _DATA)
        + data
        + b"\nendstream"
    )


#: Every bit 1: nothing is painted (an image mask paints where a sample is 0).
_BLANK_DATA = b"\xff" * _DATA


class _BlankLine(PDFObject):
    __RefOnly__ = 1

    def __init__(self, line: int, name: str) -> None:
        self.line = line
        self.name = name

    def format(self, document: object) -> bytes:
        return _image(self.line, _BLANK_DATA, self.name)


class SignatureSpot(Flowable):
    """The blank image above a signature line; numbered in drawing order from 1."""

    def __init__(self, width: float, height: float, name: str = "") -> None:
        super().__init__()
        self.width = width
        self.height = height
        self.name = name

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:  # noqa: N803 - reportlab's
        """Its fixed size."""
        return self.width, self.height

    def draw(self) -> None:
        """Reference this line's image (registered on first use in this document)."""
        doc: Any = getattr(self.canv, "_doc")  # noqa: B009 - reportlab keeps its document there
        line = int(getattr(doc, "_asd_signature_lines", 0)) + 1
        doc._asd_signature_lines = line
        name = f"AsdSignature{line}"
        if not doc.hasForm(name):
            doc.Reference(_BlankLine(line, self.name), xObjectName(name))
        self.canv.saveState()
        self.canv.scale(self.width, self.height)
        self.canv.doForm(name)
        self.canv.restoreState()


def lines(content: bytes) -> list[int]:
    """The signature line numbers a stored PDF has, in order."""
    return [n for n, _ in named_lines(content)]


def named_lines(content: bytes) -> list[tuple[int, str]]:
    """(line number, name printed under it) for every signature line, in order."""
    found = []
    at = content.find(_OPENING)
    while at >= 0:
        start = at + len(_OPENING) + len(b"/AsdSignature ")
        number = int(content[start : start + 3])
        name = ""
        open_at = content.find(b"/AsdSigner <", start, start + 400)
        if open_at >= 0:
            close = content.find(b">", open_at + 12)
            raw = bytes.fromhex(content[open_at + 12 : close].decode("ascii"))
            name = raw.decode("utf-16-be", "replace").lstrip("\ufeff")
        found.append((number, name))
        at = content.find(_OPENING, at + 1)
    return found


def _find(content: bytes, line: int) -> int:
    marker = _OPENING + b"/AsdSignature %03d " % line
    at = content.find(marker)
    if at < 0:
        raise ValueError(f"no signature line {line}")
    return at


def _data_at(content: bytes, line: int) -> int:
    return content.index(b"stream\n", _find(content, line)) + len(b"stream\n")


def signed(content: bytes, line: int, strokes: Sequence[Stroke], note: str) -> bytes:
    """``content`` with line ``line`` showing ``strokes`` and ``note`` (same length)."""
    at = _data_at(content, line)
    return content[:at] + raster(strokes, note) + content[at + _DATA :]


def is_signed(content: bytes, line: int) -> bool:
    """Whether line ``line`` shows a signature (its image is not blank)."""
    at = _data_at(content, line)
    return content[at : at + _DATA] != _BLANK_DATA


def raster(strokes: Sequence[Stroke], note: str) -> bytes:
    """The strokes as a 1-bit mask (0 = ink), with ``note`` in pixel letters at the bottom.

    Line width follows the pen's pressure (1.2 to 3.2 pixels); a mouse gives 0.5.
    """
    ink = bytearray(_BLANK_DATA)
    area_height = HEIGHT - 12  # the note's row stays free

    def dot(cx: float, cy: float, radius: float) -> None:
        r = math.ceil(radius)
        for y in range(max(0, int(cy) - r), min(area_height, int(cy) + r + 1)):
            for x in range(max(0, int(cx) - r), min(WIDTH, int(cx) + r + 1)):
                if (x - cx) ** 2 + (y - cy) ** 2 <= radius * radius:
                    ink[y * _ROW + x // 8] &= ~(0x80 >> (x % 8)) & 0xFF

    for stroke in strokes:
        points = [
            (p[0] * (WIDTH - 1), p[1] * (area_height - 1), p[2] if len(p) > 2 else 0.5)
            for p in stroke
        ]
        for i, (x, y, pressure) in enumerate(points):
            radius = 0.6 + 1.0 * max(0.0, min(1.0, pressure))
            dot(x, y, radius)
            if i + 1 < len(points):
                nx, ny, _ = points[i + 1]
                steps = int(max(abs(nx - x), abs(ny - y)))
                for s in range(1, steps):
                    t = s / steps
                    dot(x + (nx - x) * t, y + (ny - y) * t, radius)
    _pixel_note(ink, note.upper(), HEIGHT - 9)
    return bytes(ink)


def _pixel_note(ink: bytearray, text: str, top: int) -> None:
    """``text`` in the stamp's 5×7 pixel letters, left-aligned at row ``top``."""
    for index, ch in enumerate(text[: WIDTH // 6]):
        rows = proof.pixel_rows(ch)
        for r, bits in enumerate(rows):
            for col in range(5):
                if bits & (0x10 >> col):
                    x = index * 6 + col
                    ink[(top + r) * _ROW + x // 8] &= ~(0x80 >> (x % 8)) & 0xFF


def note_for(signed_at: dt.datetime) -> str:
    """The small line under a signature drawn on screen."""
    return f"AM BILDSCHIRM UNTERSCHRIEBEN {signed_at:%d.%m.%Y %H:%M} - EINF. E-SIGNATUR"
