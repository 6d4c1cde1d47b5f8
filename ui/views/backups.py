"""The "Reservekopieën" dialog: the backups newest first, make one now, put one back.

Also the pure wording helpers the safety screens share (:func:`backup_age_text`,
:func:`backup_when_text`, :func:`size_text`); they touch neither Qt nor the database.
Restoring is done by :func:`ui.restoring.restore_in_app`, which swaps the open workspace.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from wijkapp.backups import (
    BackupInfo,
    KeptAside,
    backup_dir,
    list_backups,
    list_kept_aside,
    make_backup,
)
from wijkapp.i18n import _, ngettext
from wijkapp.workspace import Workspace

from ..labels import date_time_label
from ..operations.base import error_sentence, run_in_background
from ..restoring import restore_in_app
from .meeting_widgets import button, label

log = logging.getLogger(__name__)

#: ``confirm(parent, title, text, yes_text) -> bool``; tests pass a recorder.
Confirm = Callable[[QWidget | None, str, str, str], bool]
#: ``tell(parent, title, text)``: an information message.
Tell = Callable[[QWidget | None, str, str], None]


def backup_age_text(taken: dt.datetime, now: dt.datetime) -> str:
    """``vandaag om 14:05``, ``gisteren om 09:30``, ``3 dagen geleden``, ``5 weken geleden``."""
    days = (now.date() - taken.date()).days
    clock = f"{taken:%H:%M}"
    if days <= 0:
        return _("vandaag om {time}").format(time=clock)
    if days == 1:
        return _("gisteren om {time}").format(time=clock)
    if days < 14:
        return ngettext("{n} dag geleden", "{n} dagen geleden", days).format(n=days)
    if days < 61:
        weeks = days // 7
        return ngettext("{n} week geleden", "{n} weken geleden", weeks).format(n=weeks)
    months = days // 30
    return ngettext("{n} maand geleden", "{n} maanden geleden", months).format(n=months)


def backup_when_text(taken: dt.datetime, now: dt.datetime) -> str:
    """The age in words, with the full date when it is older than yesterday."""
    age = backup_age_text(taken, now)
    if (now.date() - taken.date()).days <= 1:
        return age
    return f"{age} ({date_time_label(taken)})"


def size_text(size: int) -> str:
    """``340 kB`` or ``1,2 MB`` (Dutch decimal comma)."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} kB"
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")


def backup_row_text(backup: BackupInfo | KeptAside, now: dt.datetime) -> str:
    """Two lines of the list: when in words; then the full date and how big.

    A copy Wijkapp kept aside (before a restore or an update) says so on its first line.
    """
    age = backup_age_text(backup.taken_at, now)
    if isinstance(backup, KeptAside):
        why = (_("bewaard voor het terugzetten") if backup.reason == "voor-terugzetten"
               else _("bewaard voor het bijwerken naar een nieuwe versie"))
        age = f"{age} ({why})"
    return f"{age}\n{date_time_label(backup.taken_at)}  ·  {size_text(backup.size)}"


def fit_to_text(dialog: QWidget, chars: int = 62) -> None:
    """Size ``dialog`` for its text: about ``chars`` characters wide, tall enough for all of it.

    Word-wrapped labels only know their height for a given width, and the stylesheet
    fonts apply when the dialog is shown; so call this on show and after the text changed.
    """
    layout = dialog.layout()
    if layout is None:
        return
    layout.activate()
    width = max(dialog.width(), chars * dialog.fontMetrics().averageCharWidth(),
                layout.totalMinimumSize().width())
    height = (layout.totalHeightForWidth(width) if layout.hasHeightForWidth()
              else layout.totalSizeHint().height())
    dialog.resize(width, max(height, dialog.height() if dialog.isVisible() else 0))


def ask_yes_no(parent: QWidget | None, title: str, text: str, yes_text: str) -> bool:
    """A question with two worded buttons; "Nee, niet doen" is the safe default."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton,
                      parent)
    yes = box.addButton(yes_text, QMessageBox.ButtonRole.AcceptRole)
    no = box.addButton(_("Nee, niet doen"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no)
    box.exec()
    return box.clickedButton() is yes


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    """An information message with one OK button."""
    QMessageBox.information(parent, title, text)


class BackupsDialog(QDialog):
    """List, make and restore backups of the open workspace.

    ``parent`` is the main window: restoring swaps its workspace (see
    :func:`ui.restoring.restore_in_app`). ``confirm``/``tell`` replace the modal questions in tests.
    """

    def __init__(
        self,
        parent: QWidget,
        ws: Workspace,
        *,
        confirm: Confirm = ask_yes_no,
        tell: Tell = show_info,
        now: Callable[[], dt.datetime] = dt.datetime.now,
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self._window = parent
        self._confirm = confirm
        self._tell = tell
        self._now = now
        self.setWindowTitle(_("Reservekopieën"))
        layout = QVBoxLayout(self)
        # The dialog grows with its text (150-200 % text size), never cuts it off.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addWidget(label(_("Reservekopieën"), "heading"))
        layout.addWidget(label(_(
            "Wijkapp maakt zelf een reservekopie als u Wijkapp opent, elk half uur als u "
            "iets verandert, en als u Wijkapp sluit. Oude kopieën ruimt Wijkapp vanzelf op."
        ), "hint"))
        self.list = QListWidget()
        self.list.setAccessibleName(_("Reservekopieën, de nieuwste bovenaan"))
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.list.itemDoubleClicked.connect(lambda _item: self.restore_selected())
        layout.addWidget(self.list, 1)
        self.status = label("", "hint")
        self.status.setAccessibleName(_("Melding"))
        layout.addWidget(self.status)
        row = QHBoxLayout()
        self.make_button = button(_("Nu een reservekopie maken"), self.make_now, role="primary")
        self.restore_button = button(
            _("Terugzetten…"), self.restore_selected,
            name=_("Gekozen reservekopie terugzetten"),
            tip=_("Zet de gekozen reservekopie terug. Uw huidige gegevens worden eerst bewaard."),
        )
        close = button(_("Sluiten"), self.accept)
        row.addWidget(self.make_button)
        row.addWidget(self.restore_button)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self.folder = label(_("Ze staan in de map: {folder}").format(
            folder=backup_dir(ws.path)), "hint")
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.folder)
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        """Size the dialog for its text once the stylesheet fonts apply."""
        super().showEvent(event)
        fit_to_text(self)

    def backups(self) -> list[BackupInfo | KeptAside]:
        """The backups shown, newest first (the list's rows in order)."""
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.list.count())]

    def refresh(self) -> None:
        """Read the backup folder again and show it, keeping the chosen row when possible."""
        chosen = self.list.currentItem().data(Qt.ItemDataRole.UserRole) \
            if self.list.currentItem() else None
        self.list.clear()
        now = self._now()
        found: list[BackupInfo | KeptAside] = [*list_backups(self.ws.path),
                                                *list_kept_aside(self.ws.path)]
        found.sort(key=lambda b: b.taken_at, reverse=True)
        for backup in found:
            item = QListWidgetItem(backup_row_text(backup, now))
            item.setData(Qt.ItemDataRole.UserRole, backup)
            self.list.addItem(item)
            if chosen is not None and backup.path == chosen.path:
                self.list.setCurrentItem(item)
        if not found:
            self.status.setText(_("Er is nog geen reservekopie. Maak er nu een."))
        else:
            if not self.status.text():
                self.status.setText(_(
                    "Wilt u terug naar een eerdere stand? Kies die in de lijst en klik op "
                    "Terugzetten…"))
            if self.list.currentRow() < 0:
                self.list.setCurrentRow(0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.list.currentRow() >= 0)

    def make_now(self) -> None:
        """Make a verified backup in the background; the list shows it when done."""
        self.make_button.setEnabled(False)
        self.status.setText(_("Bezig met een reservekopie maken…"))
        ws, now = self.ws, self._now()

        def done(_path: Path) -> None:
            self.make_button.setEnabled(True)
            self.list.setCurrentRow(-1)
            self.refresh()
            self.status.setText(_("De reservekopie is gemaakt en gecontroleerd."))

        def failed(error: BaseException) -> None:
            self.make_button.setEnabled(True)
            self.status.setText(error_sentence(error))

        run_in_background(lambda: make_backup(ws, now), done, failed, long=True)

    def restore_selected(self) -> None:
        """Ask, then put the chosen backup back (the current data is backed up first)."""
        item = self.list.currentItem()
        if item is None:
            return
        backup: BackupInfo | KeptAside = item.data(Qt.ItemDataRole.UserRole)
        when = backup_when_text(backup.taken_at, self._now())
        question = _(
            "Wilt u de reservekopie van {when} terugzetten?\n\n"
            "Alles wat u daarna hebt ingevoerd, staat er dan niet meer in. Wijkapp maakt eerst "
            "nog een reservekopie van hoe het nu is. Zo kunt u altijd terug."
        ).format(when=when)
        if not self._confirm(self, _("Reservekopie terugzetten"), question,
                             _("Ja, terugzetten")):
            return
        try:
            result = restore_in_app(self._window, backup.path, now=self._now)
        except Exception as error:  # noqa: BLE001 - told in Dutch, the app keeps running
            log.exception("restore from %s failed", backup.path)
            self._tell(self, _("Terugzetten niet gelukt"), error_sentence(error))
            self.ws = getattr(self._window, "ws", self.ws)
            self.refresh()
            return
        self.ws = result.workspace
        self.refresh()
        self.status.setText(_("De reservekopie van {when} is teruggezet.").format(when=when))
        self._tell(self, _("Teruggezet"), result.message(when))

