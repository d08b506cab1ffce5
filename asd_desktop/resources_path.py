"""Where the shipped resources (fonts, icons, style sheet) are, installed or in a checkout.

Qt-free on purpose: the reports below the UI need the fonts too.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def resources_dir() -> Path:
    """The ``resources`` folder: inside the package in a wheel, else at the repository root.

    Raises:
        FileNotFoundError: neither place holds the folder (a broken installation).
    """
    for candidate in (_PACKAGE / "resources", _PACKAGE.parent / "resources"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        f"resources folder missing: neither {_PACKAGE / 'resources'} "
        f"nor {_PACKAGE.parent / 'resources'} exists"
    )


def resource(*parts: str) -> Path:
    """A file inside the resources folder, e.g. ``resource("fonts", "DejaVuSans.ttf")``."""
    return resources_dir().joinpath(*parts)
