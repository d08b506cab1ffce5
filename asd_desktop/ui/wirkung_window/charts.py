"""The Wirkungsbericht's two bar charts, drawn with QPainter (PySide6-Essentials has no QtCharts).

They draw the same bars as the PDF (:func:`~asd_desktop.domain.wirkung.change_bars`,
:func:`~asd_desktop.domain.wirkung.count_bars`), in the same colours; a cell of
fewer than three cases draws no bar and reads ``< 3``. Each chart also says its
values in its accessible description, for a screen reader.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget
from typing_extensions import override

from asd_desktop.domain.wirkung import (
    NO_VALUE,
    ChangeBar,
    CountBar,
    count_text,
    percent_text,
    suppressed,
)

PILOT = QColor("#1f4e79")
COMPARISON = QColor("#c77c2e")
BASELINE = QColor("#9db7d1")
AXIS = QColor("#b0b7bf")
INK = QColor("#1a1a1a")
MUTED = QColor("#5f6368")


def _legend(painter: QPainter, x: float, y: float, items: Sequence[tuple[str, QColor]]) -> None:
    metrics = painter.fontMetrics()
    for label, colour in items:
        painter.fillRect(QRectF(x, y - 9, 12, 10), colour)
        painter.setPen(INK)
        painter.drawText(int(x + 16), int(y), label)
        x += 30 + metrics.horizontalAdvance(label)


class ChangeChart(QWidget):
    """Each row's change in percent: pilot and comparison as bars left or right of zero."""

    def __init__(self, parent: QWidget | None = None) -> None:
        """An empty chart until :meth:`set_bars`."""
        super().__init__(parent)
        self._bars: tuple[ChangeBar, ...] = ()
        self._names = ("Pilot", "Vergleich")
        self.setAccessibleName("Diagramm: Veränderung gegenüber dem ersten Stichtag")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def set_bars(self, bars: Sequence[ChangeBar], pilot: str, comparison: str) -> None:
        """Show ``bars`` for the two named groups."""
        self._bars = tuple(bars)
        self._names = (pilot, comparison)
        self.setAccessibleDescription(
            "; ".join(
                f"{b.label.strip()}: {pilot} {percent_text(b.pilot, b.decimals)}, "
                f"{comparison} {percent_text(b.comparison, b.decimals)}"
                for b in self._bars
            )
        )
        self.updateGeometry()
        self.update()

    def bars(self) -> tuple[ChangeBar, ...]:
        """What the chart shows."""
        return self._bars

    @override
    def sizeHint(self) -> QSize:
        return QSize(760, 40 + 18 * max(1, len(self._bars)))

    @override
    def minimumSizeHint(self) -> QSize:
        return QSize(420, 40 + 14 * max(1, len(self._bars)))

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        if not self._bars:
            painter.setPen(MUTED)
            painter.drawText(
                self.rect(), Qt.AlignmentFlag.AlignCenter, "Noch kein Bericht erstellt."
            )
            painter.end()
            return
        font = QFont(self.font())
        painter.setFont(font)
        metrics = QFontMetrics(font)
        width, height = self.width(), self.height()
        top = 26.0
        _legend(painter, 10, 16, ((self._names[0], PILOT), (self._names[1], COMPARISON)))
        row_h = max(14.0, (height - top - 6) / len(self._bars))
        label_w = min(
            width * 0.38, max(metrics.horizontalAdvance(b.label) for b in self._bars) + 12
        )
        value_w = metrics.horizontalAdvance("−172,7 %") + 8
        plot_x = label_w + value_w
        plot_w = max(40.0, width - plot_x - value_w - 8)
        zero = plot_x + plot_w / 2
        values = [abs(v) for b in self._bars for v in (b.pilot, b.comparison) if v is not None]
        scale = max([10.0, *values])
        painter.setPen(QPen(AXIS, 1))
        painter.drawLine(int(zero), int(top), int(zero), int(top + row_h * len(self._bars)))
        bar_h = max(4.0, min(9.0, (row_h - 4) / 2))
        small = QFont(font)
        small.setPointSizeF(max(6.0, font.pointSizeF() - 1.5))
        for index, bar in enumerate(self._bars):
            y = top + index * row_h
            bold = QFont(font)
            bold.setBold(bar.total)
            painter.setFont(bold)
            painter.setPen(INK)
            painter.drawText(
                QRectF(4, y, label_w - 8, row_h),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, int(label_w - 8)),
            )
            painter.setFont(small)
            middle = y + row_h / 2
            for offset, value, colour in (
                (-bar_h - 0.5, bar.pilot, PILOT),
                (0.5, bar.comparison, COMPARISON),
            ):
                rect_y = middle + offset
                if value is None:
                    painter.setPen(MUTED)
                    painter.drawText(QRectF(zero + 4, rect_y - 2, 60, bar_h + 4), 0, NO_VALUE)
                    continue
                length = plot_w / 2 * value / scale
                left = min(zero, zero + length)
                painter.fillRect(QRectF(left, rect_y, abs(length), bar_h), colour)
                painter.setPen(INK)
                text = percent_text(value, bar.decimals)
                if value >= 0:
                    box = QRectF(zero + length + 3, rect_y - 3, value_w, bar_h + 6)
                    align = Qt.AlignmentFlag.AlignLeft
                else:
                    box = QRectF(zero + length - 3 - value_w, rect_y - 3, value_w, bar_h + 6)
                    align = Qt.AlignmentFlag.AlignRight
                painter.drawText(box, align | Qt.AlignmentFlag.AlignVCenter, text)
        painter.end()


class CountChart(QWidget):
    """One group's running measures per group of kinds, on the first and the second day."""

    def __init__(self, parent: QWidget | None = None) -> None:
        """An empty chart until :meth:`set_bars`."""
        super().__init__(parent)
        self._bars: tuple[CountBar, ...] = ()
        self._title = ""
        self._days = ("", "")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def set_bars(self, bars: Sequence[CountBar], title: str, first: str, second: str) -> None:
        """Show ``bars`` of the group ``title`` on the days ``first`` and ``second``."""
        self._bars = tuple(bars)
        self._title = title
        self._days = (first, second)
        self.setAccessibleName(f"Diagramm: laufende Maßnahmen, {title}")
        self.setAccessibleDescription(
            "; ".join(
                f"{b.label}: {count_text(b.baseline)} am {first}, {count_text(b.until)} am {second}"
                for b in self._bars
            )
        )
        self.update()

    def bars(self) -> tuple[CountBar, ...]:
        """What the chart shows."""
        return self._bars

    @override
    def sizeHint(self) -> QSize:
        return QSize(420, 300)

    @override
    def minimumSizeHint(self) -> QSize:
        return QSize(260, 200)

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        font = QFont(self.font())
        bold = QFont(font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(INK)
        painter.drawText(10, 18, self._title)
        painter.setFont(font)
        if not self._bars:
            painter.end()
            return
        _legend(
            painter,
            10,
            38,
            ((f"am {self._days[0]}", BASELINE), (f"am {self._days[1]}", PILOT)),
        )
        metrics = painter.fontMetrics()
        width, height = self.width(), self.height()
        bottom = height - 2 * metrics.height() - 4
        top = 50.0 + metrics.height()
        scale = max([1, *(v for b in self._bars for v in (b.baseline, b.until))])
        slot = (width - 20) / len(self._bars)
        bar_w = min(28.0, slot / 3)
        painter.setPen(QPen(AXIS, 1))
        painter.drawLine(10, int(bottom), width - 10, int(bottom))
        for index, bar in enumerate(self._bars):
            centre = 10 + index * slot + slot / 2
            for shift, value, colour in (
                (-bar_w - 1, bar.baseline, BASELINE),
                (1, bar.until, PILOT),
            ):
                shown = 0 if suppressed(value) else value
                h = (bottom - top) * shown / scale
                painter.fillRect(QRectF(centre + shift, bottom - h, bar_w, h), colour)
                painter.setPen(INK)
                painter.drawText(
                    QRectF(
                        centre + shift - 10,
                        bottom - h - metrics.height() - 1,
                        bar_w + 20,
                        metrics.height(),
                    ),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                    count_text(value),
                )
            painter.setPen(INK)
            painter.drawText(
                QRectF(centre - slot / 2, bottom + 3, slot, 2 * metrics.height()),
                Qt.AlignmentFlag.AlignHCenter
                | Qt.AlignmentFlag.AlignTop
                | Qt.TextFlag.TextWordWrap,
                bar.label,
            )
        painter.end()
