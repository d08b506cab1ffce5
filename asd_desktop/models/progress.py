"""The small token a slow service call is given: it reports progress and notices cancel.

Services never call back into the UI. They call ``token.progress(done, total)`` now and
then and ``token.check()`` between steps; ``check`` raises :class:`CancelledError` once the
person asked to cancel, so the service's transaction rolls back and nothing changes. The
window reads the token's state from the GUI thread; the token itself holds no Qt object.
"""

from __future__ import annotations

import threading

from asd_desktop.models.errors import AsdError


class CancelledError(AsdError):
    """The person cancelled the operation; nothing was changed."""

    def __init__(self, message: str = "Abgebrochen. Es wurde nichts verändert.") -> None:
        super().__init__(message)


class OperationToken:
    """Progress and cancel of one running operation, safe to share between two threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cancelled = threading.Event()
        self._done = 0
        self._total = 0

    def progress(self, done: int, total: int) -> None:
        """Record how far the work is; also a point where a cancel takes effect."""
        with self._lock:
            self._done, self._total = done, total
        self.check()

    def check(self) -> None:
        """Raise :class:`CancelledError` if cancel was asked for."""
        if self._cancelled.is_set():
            raise CancelledError()

    def cancel(self) -> None:
        """Ask the work to stop at its next check."""
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        """True once cancel was asked for."""
        return self._cancelled.is_set()

    def state(self) -> tuple[int, int]:
        """(done, total) as last reported."""
        with self._lock:
            return self._done, self._total


#: A token that is never cancelled, for callers without a window (the command line).
def no_token() -> OperationToken:
    """A fresh token nobody cancels."""
    return OperationToken()
