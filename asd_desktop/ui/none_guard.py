"""A guard against a reference-count bug of PySide6 6.12 on Python 3.11.

Some PySide6 6.12 wrappers (e.g. ``QComboBox.addItem``) return ``None`` without taking a
reference to it. Each call lowers ``None``'s reference count by one, and after a few
thousand calls CPython 3.11 aborts with "Fatal Python error: none_dealloc" — a crash in
the middle of a caseworker's day. From Python 3.12 on ``None`` is immortal and the bug is
harmless. On 3.11 we give ``None`` a reference count no session can use up (2**40).
"""

from __future__ import annotations

import ctypes
import sys

#: References added to ``None``: more than a session's lost references, by far.
BALLAST = 1 << 40


def protect_none() -> None:
    """Make the lost references of the PySide6 bug harmless (only needed before 3.12)."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    refcount = ctypes.c_ssize_t.from_address(id(None))
    if refcount.value < BALLAST:
        refcount.value += BALLAST


protect_none()
