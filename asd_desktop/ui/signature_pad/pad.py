"""The field a person signs in: strokes as vectors in the unit square, with pen pressure."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget
from typing_extensions import override

#: A mouse or a finger has no pressure: drawn as half pressure.
NO_PRESSURE = 0.5


class SignaturePad(QWidget):
    """Captures a signature as strokes of (x, y, pressure) with x, y in 0–1 (y downwards).

    Mouse, a pen on a tablet (``QTabletEvent``, pressure kept) and touch each draw;
    ``input_kind`` says which was used last ("mouse", "pen" or "touch").
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.strokes: list[list[tuple[float, float, float]]] = []
        self.input_kind = "mouse"
        self._drawing = False
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_TabletTracking, False)
        self.setMinimumSize(400, 110)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Unterschriftsfeld")
        self.setAccessibleDescription(
            "Hier mit Maus, Stift oder Finger unterschreiben. Entf leert das Feld."
        )
        self.setCursor(Qt.CursorShape.CrossCursor)

    @override
    def sizeHint(self) -> QSize:
        return QSize(560, 150)

    def clear(self) -> None:
        """Remove every stroke."""
        self.strokes = []
        self.update()
        self.changed.emit()

    def is_empty(self) -> bool:
        """Whether nothing has been drawn yet."""
        return not any(len(s) > 1 for s in self.strokes)

    # drawing from any input

    def _point(self, pos: QPointF, pressure: float) -> tuple[float, float, float]:
        w, h = max(1, self.width() - 1), max(1, self.height() - 1)
        x = min(1.0, max(0.0, pos.x() / w))
        y = min(1.0, max(0.0, pos.y() / h))
        return (x, y, min(1.0, max(0.0, pressure)))

    def _begin(self, pos: QPointF, pressure: float, kind: str) -> None:
        self.input_kind = kind
        self._drawing = True
        self.strokes.append([self._point(pos, pressure)])
        self.update()

    def _extend(self, pos: QPointF, pressure: float) -> None:
        if self._drawing and self.strokes:
            self.strokes[-1].append(self._point(pos, pressure))
            self.update()

    def _end(self) -> None:
        if self._drawing:
            self._drawing = False
            self.changed.emit()

    @override
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position(), NO_PRESSURE, "mouse")

    @override
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._extend(event.position(), NO_PRESSURE)

    @override
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._extend(event.position(), NO_PRESSURE)
        self._end()

    @override
    def tabletEvent(self, event: QTabletEvent) -> None:
        kind = event.type()
        if kind == QEvent.Type.TabletPress:
            self._begin(event.position(), event.pressure(), "pen")
        elif kind == QEvent.Type.TabletMove:
            self._extend(event.position(), event.pressure())
        elif kind == QEvent.Type.TabletRelease:
            self._extend(event.position(), event.pressure())
            self._end()
        event.accept()

    @override
    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd):
            assert isinstance(event, QTouchEvent)
            points = event.points()
            if points:
                pos = points[0].position()
                if kind == QEvent.Type.TouchBegin:
                    self._begin(pos, NO_PRESSURE, "touch")
                elif kind == QEvent.Type.TouchUpdate:
                    self._extend(pos, NO_PRESSURE)
                else:
                    self._extend(pos, NO_PRESSURE)
                    self._end()
            event.accept()
            return True
        return super().event(event)

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.clear()
            return
        super().keyPressEvent(event)

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        painter.setPen(QPen(QColor("#b0b7bf"), 1))
        base = self.height() * 0.8
        painter.drawLine(QPointF(12, base), QPointF(self.width() - 12, base))
        if self.hasFocus():
            painter.drawRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5))
        w, h = self.width() - 1, self.height() - 1
        for stroke in self.strokes:
            for (x1, y1, p1), (x2, y2, _) in itertools.pairwise(stroke):
                painter.setPen(
                    QPen(
                        QColor("#1a1a1a"),
                        1.2 + 2.5 * p1,
                        Qt.PenStyle.SolidLine,
                        Qt.PenCapStyle.RoundCap,
                    )
                )
                painter.drawLine(QPointF(x1 * w, y1 * h), QPointF(x2 * w, y2 * h))
        painter.end()
