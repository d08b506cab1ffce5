"""The drawing of the Netzwerkkarte: painted with QPainter, dragged by mouse, moved by keys."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QApplication, QSizePolicy, QWidget
from typing_extensions import override

from asd_desktop.domain.network import (
    DOT_RADIUS,
    HORIZON_LABELS,
    MapEntry,
    Place,
    hit,
    place_at,
)
from asd_desktop.domain.network_drawing import Scene
from asd_desktop.ui.network_map.painter import map_font, map_rect, map_scene, paint_scene

KEY_HELP = (
    "Bild auf/Bild ab: anderen Eintrag wählen. Pfeiltasten: in den Sektor links, rechts, "
    "oben oder unten. Plus oder Strg+Pfeil hoch: näher zur Mitte; Minus oder Strg+Pfeil "
    "runter: weiter weg. Eingabe: Beziehung. Entf: entfernen. Mit der Maus: ziehen."
)


class NetworkCanvas(QWidget):
    """The map drawn around its centre person; entries can be selected, dragged and moved.

    Signals:
        entry_selected(str): the id of the entry now selected ("" for none).
        entry_dropped(str, object): an entry was dragged to a :class:`Place`.
        key_move(str, str): move the selected entry: "left", "right", "up", "down",
            "closer" or "further".
        relation_requested(str): Enter on an entry.
        remove_requested(str): Delete on an entry.
    """

    entry_selected = Signal(str)
    entry_dropped = Signal(str, object)
    key_move = Signal(str, str)
    relation_requested = Signal(str)
    remove_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Netzwerkkarte (Zeichnung)")
        self.setAccessibleDescription(KEY_HELP)
        self.setToolTip(KEY_HELP)
        self.setMinimumSize(300, 300)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._entries: list[MapEntry] = []
        self._centre_name = ""
        self._scene: Scene | None = None
        self._selected = ""
        self._read_only = False
        self._banner = ""
        self._press: QPointF | None = None
        self._dragging = False
        self._drag_start: MapEntry | None = None
        self._background: tuple[tuple[int, int, float], QImage] | None = None
        #: Where a dragged entry would land, shown while dragging.
        self._drag_hint = ""

    @override
    def sizeHint(self) -> QSize:
        return QSize(620, 620)

    # --- content -------------------------------------------------------------------------

    def show_map(
        self,
        entries: Sequence[MapEntry],
        centre_name: str,
        *,
        read_only: bool = False,
        banner: str = "",
    ) -> None:
        """Show these entries around ``centre_name``; read-only for a saved version."""
        self._entries = list(entries)
        self._centre_name = centre_name
        self._read_only = read_only
        self._banner = banner
        self._scene = None
        if self._selected and not any(e.id == self._selected for e in self._entries):
            self._selected = ""
        self.update()

    def entries(self) -> list[MapEntry]:
        """The entries as drawn (a drag in progress included)."""
        return list(self._entries)

    def drag_hint(self) -> str:
        """Where the dragged entry would land ("→ Familie, sehr nah"); "" when not dragging."""
        return self._drag_hint

    def selected(self) -> str:
        """The id of the selected entry, "" for none."""
        return self._selected

    def select(self, entry_id: str) -> None:
        """Select an entry (e.g. chosen in the list beside the drawing)."""
        if entry_id != self._selected:
            self._selected = entry_id
            self.update()

    def scene(self) -> Scene:
        """The drawing's shapes (rebuilt only after a change)."""
        if self._scene is None:
            self._scene = map_scene(self._entries, self._centre_name)
        return self._scene

    def dot_position(self, entry_id: str) -> QPointF:
        """Where an entry's dot is on the widget (tests drag from here)."""
        centre, radius = map_rect(self.width(), self.height())
        for p in self.scene().placed:
            if p.entry.id == entry_id:
                return QPointF(centre.x() + p.x * radius, centre.y() - p.y * radius)
        raise KeyError(entry_id)

    def widget_point(self, x: float, y: float) -> QPointF:
        """The widget point of a point in map units (y up)."""
        centre, radius = map_rect(self.width(), self.height())
        return QPointF(centre.x() + x * radius, centre.y() - y * radius)

    def _map_point(self, pos: QPointF) -> tuple[float, float]:
        centre, radius = map_rect(self.width(), self.height())
        return (pos.x() - centre.x()) / radius, (centre.y() - pos.y()) / radius

    # --- painting ------------------------------------------------------------------------

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self.paint_on(painter)
        finally:
            painter.end()

    def paint_on(self, painter: QPainter) -> None:
        """Paint the whole map (also used by the benchmark on an image)."""
        centre, radius = map_rect(self.width(), self.height())
        drawing = self.scene()
        # Sectors, rings and their names do not change: painted once per size, then copied.
        key = (self.width(), self.height(), self.devicePixelRatioF())
        if self._background is None or self._background[0] != key:
            ratio = self.devicePixelRatioF()
            image = QImage(
                round(self.width() * ratio),
                round(self.height() * ratio),
                QImage.Format.Format_ARGB32_Premultiplied,
            )
            image.setDevicePixelRatio(ratio)
            image.fill(QColor("#ffffff"))
            back = QPainter(image)
            try:
                paint_scene(back, Scene(drawing.shapes[: drawing.background], ()), centre, radius)
            finally:
                back.end()
            self._background = (key, image)
        painter.drawImage(0, 0, self._background[1])
        paint_scene(painter, drawing, centre, radius, drawing.background)
        if self._selected:
            for p in self.scene().placed:
                if p.entry.id == self._selected:
                    pen = QPen(QColor("#d35400"), 3)
                    painter.setPen(pen)
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                    r = DOT_RADIUS * radius + 5
                    painter.drawEllipse(
                        QPointF(centre.x() + p.x * radius, centre.y() - p.y * radius), r, r
                    )
        banner = self._drag_hint or self._banner
        if banner:
            painter.setFont(map_font(13, True))
            painter.setPen(QColor("#1f4e79" if self._drag_hint else "#8a4b00"))
            painter.drawText(QRectF(8, 4, self.width() - 16, 22), banner)
        if self.hasFocus():
            pen = QPen(QColor("#1f4e79"), 2, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self.rect().adjusted(1, 1, -2, -2))

    @override
    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if not self._selected and self._entries:
            self._set_selected(self._entries[0].id)
        self.update()

    @override
    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    # --- mouse ---------------------------------------------------------------------------

    def _set_selected(self, entry_id: str) -> None:
        if entry_id != self._selected:
            self._selected = entry_id
            self.update()
            self.entry_selected.emit(entry_id)

    @override
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        x, y = self._map_point(event.position())
        _centre, radius = map_rect(self.width(), self.height())
        found = hit(self.scene().placed, x, y, DOT_RADIUS + 8 / radius)
        self._set_selected(found or "")
        self._press = event.position() if found and not self._read_only else None
        self._drag_start = next((e for e in self._entries if e.id == found), None)
        self._dragging = False

    @override
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None or not self._selected:
            return
        if not self._dragging:
            distance = (event.position() - self._press).manhattanLength()
            if distance < QApplication.startDragDistance():
                return
            self._dragging = True
        self.drag_to(event.position())

    def drag_to(self, pos: QPointF) -> None:
        """Move the selected entry under ``pos`` (shown at once; stored on release)."""
        place = self._clamped_place(pos)
        self._drag_hint = f"→ {place.sector.label}, {HORIZON_LABELS[place.horizon]}"
        self._entries = [
            replace(e, sector=place.sector, horizon=place.horizon, spot=place.spot)
            if e.id == self._selected
            else e
            for e in self._entries
        ]
        self._scene = None
        self.update()

    def _clamped_place(self, pos: QPointF) -> Place:
        x, y = self._map_point(pos)
        length = math.hypot(x, y)
        if length > 1.0:
            x, y = x / length * 0.99, y / length * 0.99
        return place_at(x, y)

    @override
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        dragged, self._dragging = self._dragging, False
        self._drag_hint = ""
        self._press = None
        start, self._drag_start = self._drag_start, None
        if not dragged or not self._selected or start is None:
            return
        place = self._clamped_place(event.position())
        if (place.sector, place.horizon, place.spot) != (start.sector, start.horizon, start.spot):
            self.entry_dropped.emit(self._selected, place)

    # --- keyboard ------------------------------------------------------------------------

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        ids = [e.id for e in self._entries]
        if key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp) and ids:
            step = 1 if key == Qt.Key.Key_PageDown else -1
            at = ids.index(self._selected) if self._selected in ids else -step
            self._set_selected(ids[(at + step) % len(ids)])
            return
        if not self._selected:
            super().keyPressEvent(event)
            return
        move = None
        if key == Qt.Key.Key_Up:
            move = "closer" if ctrl else "up"
        elif key == Qt.Key.Key_Down:
            move = "further" if ctrl else "down"
        elif key == Qt.Key.Key_Left:
            move = "left"
        elif key == Qt.Key.Key_Right:
            move = "right"
        elif key == Qt.Key.Key_Plus or event.text() == "+":
            move = "closer"
        elif key == Qt.Key.Key_Minus or event.text() == "-":
            move = "further"
        if move is not None:
            if not self._read_only:
                self.key_move.emit(self._selected, move)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self._read_only:
            self.relation_requested.emit(self._selected)
            return
        if key == Qt.Key.Key_Delete and not self._read_only:
            self.remove_requested.emit(self._selected)
            return
        super().keyPressEvent(event)
