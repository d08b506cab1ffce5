"""The Netzwerkkarte tab: canvas (QPainter), list, dialogs, and the PNG painter."""

from asd_desktop.ui.network_map.canvas import NetworkCanvas
from asd_desktop.ui.network_map.tab import NetworkMapTab

__all__ = ["NetworkCanvas", "NetworkMapTab"]
