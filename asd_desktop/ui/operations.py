"""The one way slow work runs: a service call on a worker thread, its outcome on the GUI thread.

Shaped like anki's ``CollectionOp``/``QueryOp``, without a global main window::

    Op(self, lambda token: sync.import_bundle(path, token), title="Paket nicht eingelesen")
        .success(self._imported)
        .with_progress("Paket wird eingelesen …", cancellable=True)
        .run()

The call runs on a ``QThreadPool`` worker and receives an :class:`OperationToken`; it never
touches a widget. Its result or error comes back to the GUI thread through a queued signal;
meanwhile every :class:`BusyScope` from the parent up to its top-level window keeps the
registered actions and widgets disabled, and an optional :class:`ProgressPanel` (not modal,
polled with a timer) shows how far the work is and offers "Abbrechen". An :class:`AsdError`
the caller does not handle becomes one German message through :class:`FailureMessage`;
any other exception is raised again on the GUI thread, as if the call had run there.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from typing import ClassVar, Generic, TypeVar

import shiboken6
from PySide6.QtCore import (
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
    SignalInstance,
    Slot,
)
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from asd_desktop.models.errors import AsdError
from asd_desktop.models.progress import CancelledError, OperationToken

T = TypeVar("T")

#: How often the progress panel reads the token (the worker never calls back).
POLL_MS = 50
#: Work done sooner than this shows no panel at all (no flicker for quick saves).
PANEL_DELAY_MS = 300
CANCELLING = "Wird abgebrochen …"
DEFAULT_TITLE = "asd-desktop"

Disableable = QAction | QWidget


class BusyScope(QObject):
    """What one window disables while any operation started inside it runs.

    A window registers its scope once (``BusyScope(self, actions)``); an :class:`Op` finds
    every scope from its parent up through the parent windows, so an import started in
    the Synchronisation view also disables the main window's menus.

    Args:
        owner: the window (or page) whose actions are guarded; the scope is its child.
        targets: the actions and widgets to disable, or a callable naming them.
        restore: called when the last operation ends, instead of re-enabling what was
            enabled before; for a window whose enabled state depends on more than this.

    Signals:
        busy_changed(bool): the first operation started (True) or the last one ended.
    """

    busy_changed = Signal(bool)

    def __init__(
        self,
        owner: QWidget,
        targets: Iterable[Disableable] | Callable[[], Iterable[Disableable]],
        restore: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(owner)
        self.setObjectName("asd_busy_scope")
        self._targets = targets
        self._restore = restore
        self._running = 0
        self._disabled: list[Disableable] = []

    @property
    def busy(self) -> bool:
        """True while an operation of this window runs."""
        return self._running > 0

    def enter(self) -> None:
        """An operation started: disable the targets (the first time)."""
        self._running += 1
        if self._running > 1:
            return
        targets = self._targets() if callable(self._targets) else self._targets
        self._disabled = [t for t in targets if t.isEnabled()]
        for target in self._disabled:
            target.setEnabled(False)
        self.busy_changed.emit(True)

    def leave(self) -> None:
        """An operation ended: restore the targets once none is left."""
        self._running = max(0, self._running - 1)
        if self._running:
            return
        disabled, self._disabled = self._disabled, []
        if self._restore is not None:
            self._restore()
        else:
            for target in disabled:
                if shiboken6.isValid(target):
                    target.setEnabled(True)
        self.busy_changed.emit(False)

    @staticmethod
    def around(widget: QWidget | None) -> list[BusyScope]:
        """The scopes of ``widget`` and of every widget it sits in, innermost first."""
        scopes: list[BusyScope] = []
        while widget is not None:
            scope = widget.findChild(
                BusyScope, "asd_busy_scope", Qt.FindChildOption.FindDirectChildrenOnly
            )
            if isinstance(scope, BusyScope):
                scopes.append(scope)
            widget = widget.parentWidget()
        return scopes


class FailureMessage:
    """The one place an operation's :class:`AsdError` becomes a German message box."""

    @classmethod
    def show(cls, parent: QWidget | None, title: str, error: AsdError) -> None:
        """Tell the caseworker; a cancel is a calm information, anything else a warning."""
        if isinstance(error, CancelledError):
            QMessageBox.information(parent, title, error.message)
        else:
            QMessageBox.warning(parent, title, error.message)


class ProgressPanel(QDialog):
    """A label, a bar and "Abbrechen" for one running operation; never modal, never blocks.

    Signals:
        cancel_requested: the caseworker pressed "Abbrechen" (or closed the panel).
    """

    cancel_requested = Signal()

    def __init__(self, label: str, *, cancellable: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(label.rstrip(" .…"))
        self.setAccessibleName(f"Fortschritt: {label}")
        self.setModal(False)
        self.label = QLabel(label)
        self.label.setWordWrap(True)
        self.label.setAccessibleName("Was gerade geschieht")
        self.bar = QProgressBar()
        self.bar.setAccessibleName("Fortschritt")
        self.bar.setRange(0, 0)  # busy until the work reports a total
        self.bar.setMinimumWidth(360)
        self.cancel_button = QPushButton("&Abbrechen")
        self.cancel_button.setAccessibleName("Abbrechen")
        self.cancel_button.setVisible(cancellable)
        self.cancel_button.clicked.connect(self._on_cancel)
        self._cancellable = cancellable
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addLayout(row)

    def show_state(self, done: int, total: int) -> None:
        """Show (done, total) as read from the token."""
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))

    @Slot()
    def _on_cancel(self) -> None:
        if not self._cancellable:
            return
        self.label.setText(CANCELLING)
        self.cancel_button.setEnabled(False)
        self.cancel_requested.emit()

    @override
    def reject(self) -> None:
        # Escape cancels where cancelling is offered; the panel closes when the work ends.
        self._on_cancel()

    @override
    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()
        self._on_cancel()


class _Relay(QObject):
    """Lives in the GUI thread; the worker's emit of ``arrived`` is queued to its slot."""

    arrived = Signal(object, object)  # (result, exception)
    finished = Signal()

    def __init__(self, deliver: Callable[[object, object], None]) -> None:
        super().__init__()
        self._deliver = deliver
        self.arrived.connect(self._on_arrived, Qt.ConnectionType.QueuedConnection)

    @Slot(object, object)
    def _on_arrived(self, result: object, error: object) -> None:
        self._deliver(result, error)


class _Runnable(QRunnable):
    """Runs the call on a pool thread and hands the outcome to the relay."""

    def __init__(self, call: Callable[[], object], relay: _Relay) -> None:
        super().__init__()
        self._call = call
        self._relay = relay

    @override
    def run(self) -> None:
        try:
            result = self._call()
        except BaseException as exc:  # handed to the GUI thread, raised there if a bug
            self._relay.arrived.emit(None, exc)
        else:
            self._relay.arrived.emit(result, None)


class Op(Generic[T]):
    """One slow service call: run off the GUI thread, success or failure back on it.

    Args:
        parent: the widget the work belongs to; its windows' :class:`BusyScope` apply,
            messages and the progress panel are shown over it.
        call: the service call; receives the token and must not touch any widget.
        title: the title of the message a failure shows by default.

    After :meth:`run`, ``done`` turns True on the GUI thread, ``result``/``error`` hold the
    outcome, and the ``finished`` signal is emitted once every callback returned.
    """

    _running: ClassVar[set[Op[object]]] = set()
    pool: ClassVar[QThreadPool | None] = None

    def __init__(
        self,
        parent: QWidget | None,
        call: Callable[[OperationToken], T],
        *,
        title: str = "",
    ) -> None:
        self._parent = parent
        self._call = call
        self._title = title or (parent.window().windowTitle() if parent else "") or DEFAULT_TITLE
        self._success: Callable[[T], object] | None = None
        self._failure: Callable[[AsdError], object] | None = None
        self._on_progress: Callable[[int, int], object] | None = None
        self._progress_label: str | None = None
        self._cancellable = False
        self._scopes: list[BusyScope] = []
        self._relay = _Relay(self._deliver)
        self._poll = QTimer(self._relay)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._read_token)
        self._last_state = (-1, -1)
        self.token = OperationToken()
        self.panel: ProgressPanel | None = None
        self.done = False
        self.result: T | None = None
        self.error: BaseException | None = None

    # --- building -------------------------------------------------------------------------

    def success(self, callback: Callable[[T], object]) -> Op[T]:
        """Call ``callback(result)`` on the GUI thread when the call returned."""
        self._success = callback
        return self

    def failure(self, callback: Callable[[AsdError], object]) -> Op[T]:
        """Handle an :class:`AsdError` (cancel included) instead of the default message."""
        self._failure = callback
        return self

    def on_progress(self, callback: Callable[[int, int], object]) -> Op[T]:
        """Call ``callback(done, total)`` on the GUI thread when the token's state moved."""
        self._on_progress = callback
        return self

    def with_progress(self, label: str, *, cancellable: bool = False) -> Op[T]:
        """Show a progress panel with ``label`` (and "Abbrechen") if the work takes a while."""
        self._progress_label = label
        self._cancellable = cancellable
        return self

    # --- running --------------------------------------------------------------------------

    @property
    def finished(self) -> SignalInstance:
        """Emitted on the GUI thread after the success or failure callback returned."""
        return self._relay.finished

    @property
    def running(self) -> bool:
        """True from :meth:`run` until the outcome was delivered."""
        return self in Op._running and not self.done

    def run(self) -> Op[T]:
        """Start the call on a worker thread; returns at once."""
        if not Op._running:
            # A full garbage collection holds the interpreter lock while it walks every
            # object: with the window's long-lived objects frozen it walks only the new ones.
            gc.freeze()
        Op._running.add(self)  # type: ignore[arg-type]
        self._scopes = BusyScope.around(self._parent)
        for scope in self._scopes:
            scope.enter()
        if self._progress_label is not None:
            host = self._parent.window() if self._parent is not None else None
            panel = ProgressPanel(self._progress_label, cancellable=self._cancellable, parent=host)
            panel.cancel_requested.connect(self.cancel)
            self.panel = panel
            QTimer.singleShot(PANEL_DELAY_MS, self._relay, self._show_panel)
        if self._progress_label is not None or self._on_progress is not None:
            self._poll.start()
        token, call = self.token, self._call
        pool = Op.pool or QThreadPool.globalInstance()
        pool.start(_Runnable(lambda: call(token), self._relay))
        return self

    def cancel(self) -> None:
        """Ask the call to stop at its next ``token.check()``."""
        self.token.cancel()
        if self.panel is not None and shiboken6.isValid(self.panel):
            self.panel.label.setText(CANCELLING)
            self.panel.cancel_button.setEnabled(False)

    def _show_panel(self) -> None:
        panel = self.panel
        if panel is not None and not self.done and shiboken6.isValid(panel):
            panel.show()

    def _read_token(self) -> None:
        state = self.token.state()
        if state == self._last_state:
            return
        self._last_state = state
        if self.panel is not None and shiboken6.isValid(self.panel):
            self.panel.show_state(*state)
        if self._on_progress is not None:
            self._on_progress(*state)

    def _deliver(self, result: object, error: object) -> None:
        self._poll.stop()
        self._read_token()  # the last state, so a listener sees the end
        self.done = True
        Op._running.discard(self)
        if not Op._running:
            gc.unfreeze()
        panel, self.panel = self.panel, None
        if panel is not None and shiboken6.isValid(panel):
            panel.hide()
            panel.deleteLater()
        for scope in self._scopes:
            if shiboken6.isValid(scope):
                scope.leave()
        self._scopes = []
        try:
            self._hand_over(result, error)
        finally:
            self._relay.finished.emit()

    def _hand_over(self, result: object, error: object) -> None:
        parent = self._parent
        alive = parent is None or shiboken6.isValid(parent)
        if isinstance(error, BaseException):
            self.error = error
            if not isinstance(error, AsdError):
                raise error  # a bug: surface it on the GUI thread, where it is reported
            if not alive:
                return
            if self._failure is not None:
                self._failure(error)
            else:
                FailureMessage.show(parent, self._title, error)
            return
        self.result = result  # type: ignore[assignment]
        if alive and self._success is not None:
            self._success(result)  # type: ignore[arg-type]
