"""Paint the Netzwerkkarte's shapes with QPainter: the window's canvas and the PNG export.

The shapes come from :func:`asd_desktop.domain.network_drawing.scene`, the same the
printed page draws; names use the shipped DejaVu fonts, so window, picture and
paper match.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QImage,
    QPainter,
    QPen,
    QPolygonF,
)

from asd_desktop.domain.network import MapEntry
from asd_desktop.domain.network_drawing import (
    Circle,
    Line,
    Polygon,
    Scene,
    Text,
    Wedge,
    legend_lines,
    scene,
)
from asd_desktop.resources_path import resource

#: Qt measures text at this pixel size and scales (widths grow linearly with the size).
_MEASURE_PX = 100.0
_families: list[str] = []


def font_family() -> str:
    """DejaVu Sans, loaded from the shipped fonts once (the family the PDF uses too)."""
    if not _families:
        for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
            font_id = QFontDatabase.addApplicationFont(str(resource("fonts", name)))
            families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
            _families.extend(f for f in families if f not in _families)
        if not _families:
            _families.append(QFont().family())
    return _families[0]


def map_font(pixel_size: float, bold: bool) -> QFont:
    """The map's font at a pixel size."""
    font = QFont(font_family())
    font.setPixelSize(max(1, round(pixel_size)))
    font.setBold(bold)
    return font


@lru_cache(maxsize=4096)
def qt_measure(text: str, size: float, bold: bool) -> float:
    """Width of a text in map units (sizes in map units), measured with Qt's metrics."""
    metrics = QFontMetricsF(map_font(_MEASURE_PX, bold))
    return metrics.horizontalAdvance(text) / _MEASURE_PX * size


@lru_cache(maxsize=64)
def _colour(name: str) -> QColor:
    return QColor(name)


def map_scene(entries: Sequence[MapEntry], centre_name: str) -> Scene:
    """The drawing as Qt measures names."""
    return scene(entries, centre_name, qt_measure)


def map_rect(width: float, height: float, margin: float = 8.0) -> tuple[QPointF, float]:
    """Centre and outer radius of the map within a width × height area (room for labels)."""
    radius = max(10.0, min(width, height) / 2 / 1.1 - margin)
    return QPointF(width / 2, height / 2), radius


def paint_scene(
    painter: QPainter, drawing: Scene, centre: QPointF, radius: float, first: int = 0
) -> None:
    """Draw the shapes from ``first`` on; the centre at ``centre``, the outer ring at ``radius``."""
    cx, cy = centre.x(), centre.y()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    fonts: dict[tuple[int, bool], tuple[QFont, QFontMetricsF]] = {}
    for shape in drawing.shapes[first:]:
        if isinstance(shape, Wedge):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(_colour(shape.fill))
            box = QRectF(cx - radius, cy - radius, 2 * radius, 2 * radius)
            painter.drawPie(box, round(shape.start * 16), round(shape.extent * 16))
        elif isinstance(shape, Circle):
            pen = (
                QPen(_colour(shape.stroke), max(0.5, shape.width * radius))
                if shape.stroke
                else QPen(Qt.PenStyle.NoPen)
            )
            painter.setPen(pen)
            painter.setBrush(_colour(shape.fill) if shape.fill else QBrush(Qt.BrushStyle.NoBrush))
            r = shape.r * radius
            painter.drawEllipse(QPointF(cx + shape.x * radius, cy - shape.y * radius), r, r)
        elif isinstance(shape, Line):
            pen = QPen(_colour(shape.colour), max(0.5, shape.width * radius))
            if shape.dashed:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(
                QPointF(cx + shape.x1 * radius, cy - shape.y1 * radius),
                QPointF(cx + shape.x2 * radius, cy - shape.y2 * radius),
            )
        elif isinstance(shape, Polygon):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(_colour(shape.fill))
            painter.drawPolygon(
                QPolygonF([QPointF(cx + x * radius, cy - y * radius) for x, y in shape.points])
            )
        elif isinstance(shape, Text):
            key = (max(1, round(shape.size * radius)), shape.bold)
            known = fonts.get(key)
            if known is None:
                font = map_font(key[0], shape.bold)
                known = fonts[key] = (font, QFontMetricsF(font))
            painter.setFont(known[0])
            painter.setPen(_colour(shape.colour))
            x, y = cx + shape.x * radius, cy - shape.y * radius
            if shape.align != "left":
                width = known[1].horizontalAdvance(shape.text)
                x -= width if shape.align == "right" else width / 2
            painter.drawText(QPointF(x, y), shape.text)


def picture_image(
    entries: Sequence[MapEntry], centre_name: str, heading: str, subtitle: str, width: int = 1600
) -> QImage:
    """The map with its heading and legend as an image (the PNG for the Hilfeplan)."""
    pad = width * 0.04
    title_px = width * 0.026
    text_px = width * 0.0155
    legend = legend_lines(entries)
    map_side = width - 2 * pad
    line_h = text_px * 1.45
    # Legend lines wrap; reserve room generously (about 95 characters per line at this size).
    legend_rows = sum(1 + len(line) // 95 for line in legend)
    height = int(pad + title_px * 2.6 + map_side + pad * 0.5 + legend_rows * line_h + pad)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.setFont(map_font(title_px, True))
        painter.setPen(QColor("#1f4e79"))
        painter.drawText(QPointF(pad, pad + title_px), heading)
        painter.setFont(map_font(text_px * 1.1, False))
        painter.setPen(QColor("#1a1a1a"))
        painter.drawText(QPointF(pad, pad + title_px * 2.3), subtitle)
        top = pad + title_px * 2.6
        centre, radius = map_rect(map_side, map_side, 0)
        paint_scene(
            painter,
            map_scene(entries, centre_name),
            QPointF(pad + centre.x(), top + centre.y()),
            radius,
        )
        painter.setFont(map_font(text_px, False))
        painter.setPen(QColor("#1a1a1a"))
        box = QRectF(pad, top + map_side + pad * 0.5, width - 2 * pad, height)
        flags = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        painter.drawText(box, int(flags), "\n".join(legend))
    finally:
        painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    """The image as PNG bytes, in memory (no temporary file)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; only str works
    buffer.close()
    return bytes(data.data())


__all__ = [
    "font_family",
    "map_rect",
    "map_scene",
    "paint_scene",
    "picture_image",
    "png_bytes",
    "qt_measure",
]
