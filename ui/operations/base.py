"""Run core calls on one serialized worker thread; callbacks come back on the GUI thread.

Usage in a widget::

    CoreOp(parent=self, op=lambda ws: ws.agenda.delete(item_id)).success(
        lambda changes: ...).run()

Any :class:`~wijkapp.changes.Changes` result is broadcast on the app's ``ChangeBus``.
A :class:`~wijkapp.errors.WijkappError` is shown as a Dutch message box (and passed to
the failure callback); nothing the user typed is thrown away by the operation.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from wijkapp.changes import Changes
from wijkapp.errors import WijkappError
from wijkapp.i18n import _

_pool: QThreadPool | None = None
_long_pool: QThreadPool | None = None


def worker_pool() -> QThreadPool:
    """One thread: every core call is serialized, in submission order."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(1)
    return _pool


def long_job_pool() -> QThreadPool:
    """A thread of its own for long jobs (backups, exports, reports, checks).

    They read through the workspace's lock query by query (or on a connection of their
    own), so a save on :func:`worker_pool` never waits behind a whole export.
    """
    global _long_pool
    if _long_pool is None:
        _long_pool = QThreadPool()
        _long_pool.setMaxThreadCount(1)
    return _long_pool


def wait_for_workers(msecs: int = 30_000) -> None:
    """Let running saves and long jobs finish (before closing or swapping the file)."""
    worker_pool().waitForDone(msecs)
    long_job_pool().waitForDone(msecs)


class _Signals(QObject):
    finished = Signal(object, object)  # (result, error)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self.fn = fn
        self.signals = signals

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as error:  # noqa: BLE001 - handed to the GUI thread
            error.__wijkapp_trace__ = traceback.format_exc()  # type: ignore[attr-defined]
            self.signals.finished.emit(None, error)
        else:
            self.signals.finished.emit(result, None)


_alive: set[_Signals] = set()


def run_in_background(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    *,
    long: bool = False,
) -> None:
    """Run ``fn`` on the worker; call ``on_done(result)`` or ``on_error(exc)`` on the GUI thread.

    ``long=True`` runs it on the long-job worker instead (backups, exports, reports), so
    saves typed meanwhile are not queued behind it.
    """
    signals = _Signals()
    _alive.add(signals)

    def finished(result: Any, error: BaseException | None) -> None:
        _alive.discard(signals)
        if error is not None:
            if on_error:
                on_error(error)
        elif on_done:
            on_done(result)

    signals.finished.connect(finished)
    (long_job_pool() if long else worker_pool()).start(_Job(fn, signals))


def error_sentence(error: BaseException) -> str:
    """The Dutch sentence to show for ``error``."""
    if isinstance(error, WijkappError):
        return str(error)
    return _(
        "Er ging iets mis dat Wijkapp niet verwachtte. Uw werk is bewaard tot de laatste "
        "wijziging. Technische melding: {error}"
    ).format(error=error)


def show_failure(parent: QWidget | None, error: BaseException) -> None:
    """The Dutch message box for a failed operation."""
    QMessageBox.warning(parent, _("Niet gelukt"), error_sentence(error))


class CoreOp:
    """One operation on the workspace: ``op(ws)`` runs in the background."""

    def __init__(self, parent: QWidget | None, op: Callable[[Any], Any]) -> None:
        self._parent = parent
        self._op = op
        self._success: Callable[[Any], object] | None = None
        self._failure: Callable[[BaseException], None] | None = None
        self._message: str | None = None
        self._box = True

    def without_box(self) -> CoreOp:
        """Do not show a message box on failure: the caller shows it in place (autosave)."""
        self._box = False
        return self

    def success(self, callback: Callable[[Any], object]) -> CoreOp:
        """Called on the GUI thread with the result."""
        self._success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> CoreOp:
        """Called on the GUI thread with the error (after the message box)."""
        self._failure = callback
        return self

    def with_message(self, text: str) -> CoreOp:
        """A short Dutch confirmation for the status bar on success."""
        self._message = text
        return self

    def run(self) -> None:
        """Start the operation."""
        from .context import app_context

        context = app_context()
        ws = context.workspace

        def done(result: Any) -> None:
            if isinstance(result, Changes):
                context.bus.emit_changes(result, self._parent)
            if self._message:
                context.show_status(self._message)
            if self._success:
                self._success(result)

        def failed(error: BaseException) -> None:
            if self._box:
                show_failure(self._parent, error)
            if self._failure:
                self._failure(error)

        run_in_background(lambda: self._op(ws), done, failed)
