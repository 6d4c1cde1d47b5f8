"""Putting a backup back while the app is open (Bestand → Reservekopieën → Terugzetten).

:func:`restore_in_app` closes the workspace, restores, reopens and gives the main window
the new workspace (its views are rebuilt). The backups dialog calls it; it imports no view.
"""

from __future__ import annotations

import datetime as dt
import errno
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from wijkapp.backups import backup_dir, make_backup, restore
from wijkapp.errors import StorageError, WijkappError, WriteFailedError
from wijkapp.file_errors import disk_problem
from wijkapp.i18n import _
from wijkapp.privacy import erasure_notice
from wijkapp.workspace import Workspace

from .operations.base import wait_for_workers
from .operations.context import app_context


@dataclass(frozen=True)
class RestoreResult:
    """What :func:`restore_in_app` did: the reopened workspace and where the old data went."""

    workspace: Workspace
    safety_backup: Path
    aside: Path | None

    def message(self, when: str) -> str:
        """The Dutch sentence for the user afterwards (and who was erased again, if anyone)."""
        text = _(
            "De reservekopie van {when} is teruggezet. U ziet nu die gegevens.\n\n"
            "Hoe het vlak daarvoor was, is bewaard als reservekopie. U vindt die bovenaan "
            "in de lijst, als u dit toch niet wilde."
        ).format(when=when)
        notice = erasure_notice(getattr(self.workspace, "erasures_reapplied", []))
        return f"{text}\n\n{notice}" if notice else text


def restore_in_app(
    window: Any, backup_path: Path, *, now: Callable[[], dt.datetime] = dt.datetime.now
) -> RestoreResult:
    """Put ``backup_path`` back as the window's database while the app is open.

    Steps: save what views still hold, wait for the worker, copy the chosen backup (so
    thinning cannot remove it), make a fresh backup of the current state, close the
    workspace, :func:`wijkapp.backups.restore` (the current file is moved aside, never
    overwritten), reopen, and give the window the new workspace (its views are rebuilt).
    Raises a :class:`WijkappError` when it could not; the window then has a working
    workspace again (the old file, or the fresh backup).
    """
    old: Workspace = window.ws
    path = old.path
    save_everything = getattr(window, "save_everything", None)
    if callable(save_everything):
        save_everything()
    wait_for_workers(30_000)
    QApplication.processEvents()
    chosen = backup_dir(path) / f"{path.stem}.terug-te-zetten{path.suffix}"
    try:
        shutil.copy2(backup_path, chosen)
    except OSError as error:
        chosen.unlink(missing_ok=True)
        if error.errno == errno.ENOSPC:
            raise disk_problem(path, error) from None
        raise WriteFailedError(_(
            "De reservekopie kan niet worden gelezen of gekopieerd ({reason}). Er is niets "
            "veranderd."
        ).format(reason=error.strerror or error)) from None
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        safety = make_backup(old, now())
        board_id = old.board_id if old.has_board else None
        old.close()
        try:
            aside = restore(chosen, path)
        except Exception:
            _reopen(window, path, board_id, fallback=safety)
            raise
        _reopen(window, path, board_id, fallback=safety)
    finally:
        QApplication.restoreOverrideCursor()
        for suffix in ("", "-wal", "-shm"):  # reading it in WAL mode leaves these beside it
            chosen.with_name(chosen.name + suffix).unlink(missing_ok=True)
    return RestoreResult(window.ws, safety, aside)


def _reopen(window: Any, path: Path, board_id: str | None, fallback: Path) -> None:
    """Open ``path`` again (else put ``fallback`` back first) and hand it to the window."""
    try:
        ws = Workspace(path) if path.exists() else None
    except StorageError:
        ws = None
    if ws is None:
        restore(fallback, path)
        ws = Workspace(path)
    if board_id is not None:
        try:
            ws.use_board(board_id)
        except WijkappError:
            pass  # the backup predates this board: the file's first board is shown
    replace_workspace(window, ws)


def replace_workspace(window: Any, ws: Workspace) -> None:
    """Give ``window`` (the main window) a newly opened workspace and rebuild its views.

    Uses ``window.replace_workspace(ws)`` when the window has one; otherwise swaps
    ``window.ws``, the app context's workspace and the backup scheduler's, drops the
    built views and builds the current one again.
    """
    own = getattr(window, "replace_workspace", None)
    if callable(own):
        own(ws)
        return
    window.ws = ws
    try:
        app_context().workspace = ws
    except RuntimeError:
        pass  # no running app (a test without a context)
    scheduler = getattr(window, "backups", None)
    if scheduler is not None:
        scheduler.use(ws)
    sharing = getattr(window, "sharing", None)
    if sharing is not None:
        sharing.use(ws)  # the restored file shares (or not) as it did when backed up
    views: dict[str, QWidget] = getattr(window, "views", {})
    for view in list(views.values()):
        view.setParent(None)
        view.deleteLater()
    views.clear()
    nav = getattr(window, "nav", None)
    current = nav.currentItem() if nav is not None else None
    if current is not None:  # the navigation keeps each view's key with its entry
        window.show_view(current.data(Qt.ItemDataRole.UserRole))
    for refresh in ("update_title", "update_undo_actions"):
        method = getattr(window, refresh, None)
        if callable(method):
            method()
