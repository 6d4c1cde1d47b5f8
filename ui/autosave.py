"""The one autosave mechanism of every editor (record panels, the action list, minutes mode).

An editor calls :meth:`AutoSaver.touch` on every change. A save happens a moment after the
last change (``delay_ms``) and, while the user keeps typing, at the latest ``max_wait_ms``
after the first unsaved change, so a power cut never costs more than about a second of
typing. Each save carries a :class:`Snapshot` of its record's values taken when the save
starts: switching to another record, starting a new one or a running save never throws
newer typing away. Saves run on the serialized core worker in order; long jobs (backups,
exports, reports) run on their own worker, so a save never waits behind them.

A new record has no id until its first save returns: its snapshots carry a token
(:meth:`AutoSaver.new_token`); a later snapshot of the same new record waits for the id and
is then saved as an update of it.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from wijkapp.changes import Changes

from .operations.base import CoreOp

NEW_PREFIX = "nieuw:"
_tokens = itertools.count(1)


@dataclass(frozen=True)
class Snapshot:
    """What one save writes: the record (an id, or a token of a new record) and its values."""

    key: str
    values: dict[str, Any] = field(default_factory=dict)


def is_new_key(key: str | None) -> bool:
    """True for the token of a record that has no id yet."""
    return bool(key) and str(key).startswith(NEW_PREFIX)


class AutoSaver(QObject):
    """Saves an editor by itself; see the module docstring.

    ``collect()`` returns the :class:`Snapshot` to save now, or ``None`` when nothing may be
    saved yet (e.g. an empty required field; the editor shows why). ``save(record_id,
    values)`` returns the not-yet-started :class:`CoreOp` that writes it (``record_id``
    ``None``: create). ``saved(key, record_id, changes)`` and ``failed(key, error)`` report
    each save on the GUI thread.
    """

    saved = Signal(str, object, object)  # key, record id, Changes
    failed = Signal(str, object)  # key, error

    def __init__(
        self,
        collect: Callable[[], Snapshot | None],
        save: Callable[[str | None, dict[str, Any]], CoreOp],
        *,
        delay_ms: int = 600,
        max_wait_ms: int = 1000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._collect = collect
        self._save = save
        self._timer = QTimer(self, singleShot=True, interval=delay_ms)
        self._timer.timeout.connect(self.flush)
        self._deadline = QTimer(self, singleShot=True, interval=max_wait_ms)
        self._deadline.timeout.connect(self.flush)
        self.dirty = False
        self._in_flight = 0
        self._creating: set[str] = set()  # tokens whose create is running
        self._waiting: dict[str, Snapshot] = {}  # token -> newest snapshot waiting for its id
        self._ids: dict[str, str] = {}  # token -> id the create returned
        self._unconfirmed: dict[str, tuple[int, dict[str, Any]]] = {}  # key -> (serial, values)
        self._serial = itertools.count(1)
        self._retry: dict[str, Snapshot] = {}  # key -> snapshot whose save failed

    # -- state ------------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        """True while a save is running or waiting for a new record's id."""
        return bool(self._in_flight or self._waiting)

    @property
    def pending(self) -> bool:
        """True when anything typed is not yet confirmed as saved."""
        return self.dirty or self.busy or bool(self._retry)

    @staticmethod
    def new_token() -> str:
        """A key for a record that does not exist yet."""
        return f"{NEW_PREFIX}{next(_tokens)}"

    def record_id(self, key: str) -> str | None:
        """The id of ``key``: itself, or the id a new record's create returned."""
        if is_new_key(key):
            return self._ids.get(key)
        return key

    def unconfirmed(self, key: str | None) -> dict[str, Any] | None:
        """The newest values of ``key`` sent to be saved and not yet confirmed, if any."""
        if not key:
            return None
        entry = self._unconfirmed.get(key)
        return entry[1] if entry else None

    # -- the editor's calls ------------------------------------------------------------------
    def touch(self, *_args: Any) -> None:
        """The user changed something: save soon, and within ``max_wait_ms`` at the latest."""
        self.dirty = True
        self._timer.start()
        if not self._deadline.isActive():
            self._deadline.start()

    def flush(self) -> None:
        """Save now what is unsaved (safe to call any time, also while a save runs)."""
        self._timer.stop()
        self._deadline.stop()
        retry, self._retry = self._retry, {}
        for old in retry.values():  # failed earlier (a full disk?): try again, oldest first
            self._send(old)
        if not self.dirty:
            return
        snapshot = self._collect()
        if snapshot is None:
            return  # nothing may be saved yet; stays dirty so the next change tries again
        self.dirty = False
        self._send(snapshot)

    def mark_unsaved(self) -> None:
        """A save failed while its record is still on screen: the next change or flush retries."""
        self.dirty = True

    def forget(self) -> None:
        """Drop unsaved changes of the record on screen (it was just deleted)."""
        self._timer.stop()
        self._deadline.stop()
        self.dirty = False

    # -- saving -------------------------------------------------------------------------------
    def _send(self, snapshot: Snapshot) -> None:
        key = snapshot.key
        serial = next(self._serial)
        self._unconfirmed[key] = (serial, snapshot.values)
        record_id = self.record_id(key)
        if is_new_key(key) and record_id is None:
            if key in self._creating:
                self._waiting[key] = snapshot  # saved as an update once the id is known
                return
            self._creating.add(key)
        self._in_flight += 1
        self._save(record_id, dict(snapshot.values)).without_box().success(
            lambda changes: self._done(key, serial, changes)
        ).failure(lambda error: self._failed(snapshot, error)).run()

    def _done(self, key: str, serial: int, changes: Any) -> None:
        self._in_flight -= 1
        if is_new_key(key) and key in self._creating:
            self._creating.discard(key)
            if isinstance(changes, Changes) and changes.id:
                self._ids[key] = changes.id
        entry = self._unconfirmed.get(key)
        if entry and entry[0] == serial:
            del self._unconfirmed[key]
        waiting = self._waiting.pop(key, None)
        if waiting is not None:
            self._send(waiting)
        self.saved.emit(key, self.record_id(key), changes)

    def _failed(self, snapshot: Snapshot, error: BaseException) -> None:
        key = snapshot.key
        self._in_flight -= 1
        self._creating.discard(key)
        waiting = self._waiting.pop(key, None)
        # Kept, never dropped: the next flush sends the newest values of this record again.
        self._retry[key] = waiting or snapshot
        self.failed.emit(key, error)


def flush_all_editors(root: QObject) -> None:
    """Save now whatever any autosaving editor under ``root`` holds (close, restore, shutdown)."""
    for saver in root.findChildren(AutoSaver):
        saver.flush()
