"""The fonts every printed document uses: DejaVu Sans, shipped with the program.

Never Helvetica: reportlab's standard fonts know only Latin-1 and silently print
ş, ğ, ı, ł, ż, ř as black boxes. DejaVu is embedded (subset) into every PDF.
"""

from __future__ import annotations

import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from asd_desktop.resources_path import resource

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"

_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}
_lock = threading.Lock()


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
