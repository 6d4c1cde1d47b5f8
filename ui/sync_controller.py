"""The sync controller: syncs the shared board on its OWN worker thread, so saves never wait.

:class:`SyncController` syncs at start, every few minutes, when the folder comes back, on
"Nu bijwerken" and on close. The screens around it (status bar, dialogs) are
:mod:`ui.sharing`.
"""

from __future__ import annotations

import datetime as dt
import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from wijkapp.changes import Changes
from wijkapp.i18n import _
from wijkapp.sync.board import BoardSync
from wijkapp.sync.texts import status_line
from wijkapp.workspace import Workspace

from .operations.base import error_sentence

log = logging.getLogger(__name__)

#: A sync every five minutes while the app is open; the folder is checked every 30 s.
SYNC_INTERVAL_MS = 5 * 60 * 1000
FOLDER_CHECK_MS = 30 * 1000

_sync_pool: QThreadPool | None = None


def sync_pool() -> QThreadPool:
    """The sync's own worker (one thread): saves on the core worker never wait behind it."""
    global _sync_pool
    if _sync_pool is None:
        _sync_pool = QThreadPool()
        _sync_pool.setMaxThreadCount(1)
    return _sync_pool


class _Signals(QObject):
    finished = Signal(object, object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self.fn, self.signals = fn, signals

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as error:  # noqa: BLE001 - handed to the GUI thread
            log.debug("sync failed: %s", traceback.format_exc())
            self.signals.finished.emit(None, error)
        else:
            self.signals.finished.emit(result, None)


_alive: set[_Signals] = set()


def run_on_sync_worker(fn: Callable[[], Any], done: Callable[[Any], None],
                       failed: Callable[[BaseException], None]) -> None:
    signals = _Signals()
    _alive.add(signals)

    def finished(result: Any, error: BaseException | None) -> None:
        _alive.discard(signals)
        if error is not None:
            failed(error)
        else:
            done(result)

    signals.finished.connect(finished)
    sync_pool().start(_Job(fn, signals))


def changes_of(report: Any) -> Changes:
    """What a sync changed, as the views understand it."""
    return Changes(frozenset(t for t, _ in report.written), frozenset(r for _, r in report.written),
                   None, None)


class SyncController(QObject):
    """Keeps a shared board up to date in the background; never an error box for "offline"."""

    updated = Signal()

    def __init__(self, ws: Workspace, bus: Any = None, parent: QObject | None = None, *,
                 interval_ms: int = SYNC_INTERVAL_MS) -> None:
        super().__init__(parent)
        self.ws = ws
        self.bus = bus
        self.sync = BoardSync(ws)
        self.busy = False
        self.closed = False
        self.reachable = True
        self.last_error: str | None = None
        self.last_report: Any = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.sync_soon)
        self.folder_timer = QTimer(self)
        self.folder_timer.setInterval(FOLDER_CHECK_MS)
        self.folder_timer.timeout.connect(self._check_folder)
        if bus is not None:
            bus.changed.connect(self._changed)

    def _changed(self, _changes: Any, _source: Any) -> None:
        """An erasure goes out at once: the old words must leave the shared state soon."""
        if self.shared and not self.closed and self.sync.has_unsent_erasures:
            self.sync_soon()

    @property
    def shared(self) -> bool:
        return self.sync.is_shared

    def use(self, ws: Workspace) -> None:
        """Share ``ws`` from now on (after a restore reopened the file)."""
        sync_pool().waitForDone(20_000)
        self.ws = ws
        self.sync = BoardSync(ws)
        self.busy = False
        self.updated.emit()
        self.sync_soon()  # the colleagues' files bring back what the backup lacked

    def start(self) -> None:
        """Sync now (when shared) and then every few minutes."""
        self.timer.start()
        self.folder_timer.start()
        self.sync_soon()

    def _check_folder(self) -> None:
        folder = self.sync.folder if self.shared else None
        now = folder is not None and folder.is_dir()
        if now and not self.reachable:
            self.sync_soon()  # the folder (or the USB stick) is back
        self.reachable = now if folder is not None else True
        self.updated.emit()

    def sync_soon(self) -> None:
        """One sync on the sync worker; skipped while one runs."""
        if self.busy or self.closed or not self.shared:
            self.updated.emit()
            return
        self.busy = True
        sync = self.sync
        run_on_sync_worker(sync.sync, self._done, self._failed)
        self.updated.emit()

    def _done(self, report: Any) -> None:
        self.busy = False
        self.last_report = report
        self.last_error = None
        folder = self.sync.folder
        self.reachable = folder is None or folder.is_dir()
        if self.bus is not None and report.written:
            self.bus.emit_changes(changes_of(report))
        self.updated.emit()

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        self.last_error = error_sentence(error)
        log.warning("sync failed: %s", error)
        self.updated.emit()

    def status_text(self, now: dt.datetime | None = None) -> str:
        if not self.shared:
            return ""
        status = self.sync.status()
        text = status_line(status, self.reachable, status.open_conflicts, now)
        if self.busy:
            text += " · " + _("bezig met bijwerken…")
        return text

    def on_close(self) -> None:
        """A last sync before the window closes (it never raises)."""
        self.closed = True
        self.timer.stop()
        self.folder_timer.stop()
        sync_pool().waitForDone(20_000)
        if not self.shared:
            return
        try:
            folder = self.sync.folder
            if folder is not None and folder.is_dir():
                self.sync.sync()
        except Exception as error:  # noqa: BLE001 - closing must go on
            log.warning("sync on close failed: %s", error)
