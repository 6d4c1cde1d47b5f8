"""Keeping the volunteer's data safe from the GUI: automatic backups, restore, Over Wijkapp.

The main window and the app start call into this module:

* :class:`BackupScheduler` — a backup at start-up (in the background), every 30 minutes
  when something changed, and on close (synchronously; the close always goes on);
* :func:`open_backups_dialog` — Bestand → Reservekopieën;
* :func:`show_about` — Help → Over Wijkapp;
* :func:`offer_restore` — a damaged file at start: offer the newest good backup.

Putting a backup back while the app is open is :func:`ui.restoring.restore_in_app`.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget
from shiboken6 import isValid

from wijkapp.backups import (
    BackupInfo,
    backup_if_changed,
    newest_good_backup,
    restore,
)
from wijkapp.errors import WijkappError
from wijkapp.i18n import _
from wijkapp.workspace import Workspace

from .operations.base import error_sentence, run_in_background, wait_for_workers
from .style import set_role

if TYPE_CHECKING:  # the dialogs are imported when first opened: not before the first paint
    from .views.backups import BackupsDialog, Tell

log = logging.getLogger(__name__)

#: Automatic backups while the app is open: every half hour (when something changed).
BACKUP_INTERVAL_MS = 30 * 60 * 1000


def _alive(widget: object) -> bool:
    """False once Qt has deleted the C++ side of ``widget`` (a late callback must not crash)."""
    return widget is not None and isValid(widget)


class BackupScheduler(QObject):
    """Automatic backups of the window's workspace.

    ``start()``: one backup in the background when the file changed since the newest
    backup, then a timer every ``interval_ms``. ``on_close()``: a last backup, synchronously,
    that never raises. A failure is a calm Dutch status message, never a crash.
    ``clock`` names the backups (tests pass a clock that moves on).
    """

    def __init__(
        self,
        ws: Workspace,
        window: QWidget | None = None,
        *,
        interval_ms: int = BACKUP_INTERVAL_MS,
        clock: Callable[[], dt.datetime] = dt.datetime.now,
    ) -> None:
        super().__init__(window)
        self.ws = ws
        self._window = window
        self._clock = clock
        self._busy = False
        self._closed = False
        self.made: list[Path] = []
        self.failures: list[str] = []
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.backup_soon)

    def start(self) -> None:
        """The start-up backup (in the background) and the half-hourly timer."""
        self.backup_soon()
        self.timer.start()

    def use(self, ws: Workspace) -> None:
        """Back up ``ws`` from now on (after a restore reopened the file)."""
        self.ws = ws

    def backup_soon(self) -> None:
        """Back up in the background if the file changed; skipped while one is running."""
        if self._busy or self._closed:
            return
        self._busy = True
        ws, now = self.ws, self._clock()
        run_in_background(lambda: backup_if_changed(ws, now), self._done, self._failed,
                          long=True)

    def _done(self, path: Path | None) -> None:
        self._busy = False
        if path is not None:
            self.made.append(path)

    def _failed(self, error: BaseException) -> None:
        self._busy = False
        self._report(error)

    def _report(self, error: BaseException) -> None:
        log.warning("automatic backup failed: %s", error)
        reason = str(error) if isinstance(error, WijkappError) else error_sentence(error)
        text = _("De automatische reservekopie is niet gelukt. Uw werk zelf is wel bewaard. "
                 "{reason}").format(reason=reason)
        self.failures.append(text)
        window = self._window
        show = getattr(window, "show_status", None)
        if _alive(window) and callable(show):
            show(text)

    def on_close(self) -> Path | None:
        """The last backup before the window closes; returns its path (``None``: none needed).

        Runs on the GUI thread after the worker is idle; any failure is logged, so the
        close always goes on.
        """
        self.timer.stop()
        self._closed = True
        try:
            wait_for_workers(10_000)
            path = backup_if_changed(self.ws, self._clock())
        except Exception as error:  # noqa: BLE001 - never stop the window from closing
            log.warning("backup on close failed: %s", error)
            self.failures.append(str(error))
            return None
        if path is not None:
            self.made.append(path)
        return path


# -- Bestand → Reservekopieën and Help → Over -----------------------------------------------
def open_backups_dialog(window: QWidget, ws: Workspace, **options: Any) -> BackupsDialog:
    """Show the "Reservekopieën" dialog for the main window's workspace (modal)."""
    from .views.backups import BackupsDialog

    dialog = BackupsDialog(window, ws, **options)
    dialog.exec()
    return dialog


def show_about(window: QWidget | None, ws: Workspace, **options: Any) -> QWidget:
    """Show "Over Wijkapp": version, where the data lives, its health, the newest backup."""
    from .views.about import AboutDialog

    dialog = AboutDialog(window, ws, **options)
    dialog.exec()
    return dialog


# -- a damaged file at start ----------------------------------------------------------------
def restore_offer_box(parent: QWidget | None, path: Path, backup: BackupInfo,
                      now: dt.datetime | None = None) -> QMessageBox:
    """The question for a damaged file: "Reservekopie terugzetten" or "Niet nu"."""
    from .views.backups import backup_when_text

    when = backup_when_text(backup.taken_at, now or dt.datetime.now())
    title = _("Het bestand is beschadigd")
    text = _(
        "Wijkapp kan uw bestand niet goed lezen. Wijkapp heeft er niets aan veranderd.\n\n"
        "Er is een goede reservekopie van {when}. Wilt u die terugzetten? Wat u daarna hebt "
        "ingevoerd, staat er niet in.\n\n"
        "Het beschadigde bestand gooit Wijkapp niet weg. Het blijft onder een andere naam "
        "in dezelfde map staan:\n{folder}"
    ).format(when=when, folder=path.parent)
    box = QMessageBox(QMessageBox.Icon.Warning, title, title,
                      QMessageBox.StandardButton.NoButton, parent)
    message = box.findChild(QLabel, "qt_msgbox_label")
    if message is not None:
        set_role(message, "subheading")
    box.setInformativeText(text)
    box.restore_button = box.addButton(  # type: ignore[attr-defined]
        _("Reservekopie terugzetten"), QMessageBox.ButtonRole.AcceptRole)
    set_role(box.restore_button, "primary")  # type: ignore[attr-defined]
    later = box.addButton(_("Niet nu"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(box.restore_button)  # type: ignore[attr-defined]
    box.setEscapeButton(later)
    return box


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    """An information box (:func:`ui.views.backups.show_info`, imported when first shown)."""
    from .views.backups import show_info as show

    show(parent, title, text)


def _ask_restore(parent: QWidget | None, path: Path, backup: BackupInfo) -> bool:
    box = restore_offer_box(parent, path, backup)
    box.exec()
    return box.clickedButton() is box.restore_button  # type: ignore[attr-defined]


def offer_restore(
    parent: QWidget | None,
    path: Path,
    error: BaseException,
    *,
    ask: Callable[[QWidget | None, Path, BackupInfo], bool] | None = None,
    tell: Tell | None = None,
) -> bool:
    """Offer the newest good backup for the damaged file at ``path``.

    Returns ``True`` when the backup was put back (the caller opens the file again);
    ``False`` when there is no good backup, the user chose "Niet nu", or it failed.
    The damaged file's bytes are never changed: declined, it stays where it is; restored,
    it is moved aside under a new name in the same folder, and ``tell`` says where.
    """
    ask = ask or _ask_restore
    tell = tell or show_info
    path = Path(path)
    log.warning("damaged database %s: %s", path, error)
    backup = newest_good_backup(path)
    if backup is None or not ask(parent, path, backup):
        return False
    try:
        aside = restore(backup.path, path)
    except Exception as failure:  # noqa: BLE001 - told in Dutch; the app shows its own message
        log.exception("restore of %s failed", path)
        tell(parent, _("Terugzetten niet gelukt"), error_sentence(failure))
        return False
    text = _("De reservekopie is teruggezet. Wijkapp opent nu.")
    if aside is not None:
        text += "\n\n" + _("Het beschadigde bestand is bewaard als:\n{aside}").format(aside=aside)
    tell(parent, _("Teruggezet"), text)
    return True
