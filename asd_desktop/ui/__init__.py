"""The Qt user interface (everything that imports PySide6 lives here and in app.py)."""

from asd_desktop.ui import none_guard as _none_guard  # noqa: F401 - before any Qt call
