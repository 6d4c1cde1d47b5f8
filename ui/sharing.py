"""Sharing the board with the other laptops of the board, in the GUI.

* :class:`~ui.sync_controller.SyncController` (its own module) — syncs at start, every few
  minutes, when the folder comes back, on "Nu bijwerken" and on close, on its OWN worker
  thread, so saves never wait behind it.
* :class:`SyncStatusBar` — "Gedeeld · bijgewerkt 14:02 · 3 wijzigingen van anderen · [Nu bijwerken]".
* :class:`SharingDialog` — "Delen met het bestuur": folder, passphrase, the laptops, who
  numbers decisions, e-mail files.
* :class:`JoinDialog` — "Aansluiten bij een bestuur" (first run): folder or file + passphrase.
* :class:`ConflictsDialog` — "Wijzigingen van anderen" with [Mijn waarde terugzetten].
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from wijkapp.errors import WijkappError
from wijkapp.i18n import _
from wijkapp.sync.board import BoardSync
from wijkapp.sync.files import check_passphrase
from wijkapp.sync.texts import notice_sentence, when_text
from wijkapp.workspace import Workspace

from .export_buttons import GrowingDialog, grow_to_fit
from .one_paint import scroll_body
from .operations.base import error_sentence
from .style import set_role
from .sync_controller import SyncController, changes_of
from .views.meeting_widgets import button, label

log = logging.getLogger(__name__)

class SyncStatusBar(QWidget):
    """The part of the status bar that tells how up to date the shared board is."""

    def __init__(self, controller: SyncController, open_conflicts: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.text = QLabel()
        self.text.setAccessibleName(_("Stand van het delen"))
        self.conflicts_button = button(_("Bekijken"), open_conflicts,
                                       tip=_("Wijzigingen van anderen bekijken"))
        self.now_button = button(_("Nu bijwerken"), controller.sync_soon)
        layout.addWidget(self.text)
        layout.addWidget(self.conflicts_button)
        layout.addWidget(self.now_button)
        controller.updated.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        shared = self.controller.shared
        self.setVisible(shared)
        if not shared:
            return
        self.text.setText(self.controller.status_text())
        self.conflicts_button.setVisible(bool(self.controller.sync.conflicts()))
        self.now_button.setEnabled(not self.controller.busy)


class ConflictsDialog(GrowingDialog):
    """"Wijzigingen van anderen": each notice with [Mijn waarde terugzetten] and [OK]."""

    def __init__(self, sync: BoardSync, bus: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sync = sync
        self.bus = bus
        self.setWindowTitle(_("Wijzigingen van anderen"))
        self.setMinimumWidth(640)
        outer = QVBoxLayout(self)
        outer.addWidget(label(_("Wijzigingen van anderen"), "heading"))
        outer.addWidget(label(_("Soms veranderden twee laptops tegelijk hetzelfde. Eén waarde is "
                                "gebleven; hier ziet u wat er met uw wijziging gebeurde."), "hint"))
        self.list_holder = QWidget()
        self.rows = QVBoxLayout(self.list_holder)
        self.rows.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setAccessibleName(_("Wijzigingen van anderen"))
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll_body(scroll, self.list_holder)
        outer.addWidget(scroll, 1)
        close = button(_("Sluiten"), self.accept)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(close)
        outer.addLayout(bottom)
        self.fill()

    def fill(self) -> None:
        while self.rows.count():
            item = self.rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        notices = self.sync.conflicts()
        if not notices:
            self.rows.addWidget(label(_("Er zijn geen wijzigingen van anderen om te bekijken."), "hint"))
        for notice in notices:
            frame = QFrame()
            set_role(frame, "card")
            box = QVBoxLayout(frame)
            box.addWidget(label(notice_sentence(self.sync, notice)))
            buttons = QHBoxLayout()
            buttons.addStretch(1)
            if notice.kind == "overwritten":
                buttons.addWidget(button(_("Mijn waarde terugzetten"),
                                         partial(self.restore, notice.id)))
            buttons.addWidget(button(_("OK"), partial(self.dismiss, notice.id)))
            box.addLayout(buttons)
            self.rows.addWidget(frame)
        self.rows.addStretch(1)

    def restore(self, conflict_id: int) -> None:
        try:
            changes = self.sync.restore_mine(conflict_id)
        except WijkappError as error:
            self.rows.insertWidget(0, label(str(error), "error"))
            return
        if self.bus is not None:
            self.bus.emit_changes(changes)
        self.fill()

    def dismiss(self, conflict_id: int) -> None:
        self.sync.dismiss(conflict_id)
        self.fill()


def _passphrase_edit(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setAccessibleName(name)
    return edit


class SharingDialog(GrowingDialog):
    """"Delen met het bestuur": start sharing, or see the laptops and share by e-mail."""

    def __init__(self, controller: SyncController, parent: QWidget | None = None, *,
                 choose_folder: Callable[[], str] | None = None,
                 choose_save: Callable[[], str] | None = None,
                 choose_open: Callable[[], list[str]] | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.sync = controller.sync
        self._choose_folder = choose_folder or (lambda: QFileDialog.getExistingDirectory(
            self, _("Kies de gedeelde map")))
        self._choose_save = choose_save or (lambda: QFileDialog.getSaveFileName(
            self, _("Mijn wijzigingen opslaan om te mailen"), "", _("Wijkapp-deelbestand (*.wijksync)"))[0])
        self._choose_open = choose_open or (lambda: QFileDialog.getOpenFileNames(
            self, _("Bestand van een bestuurslid inlezen"), "", _("Wijkapp-deelbestand (*.wijksync)"))[0])
        self.setWindowTitle(_("Delen met het bestuur"))
        self.setMinimumWidth(680)
        self.outer = QVBoxLayout(self)
        self.message = label("", "hint")
        self.build()

    def _clear(self) -> None:
        while self.outer.count():
            item = self.outer.takeAt(0)
            if item is None:
                break
            widget, sub = item.widget(), item.layout()
            if widget is not None and widget is not self.message:
                widget.deleteLater()
            elif sub is not None:
                _clear_layout(sub)

    def build(self) -> None:
        self._clear()
        self.outer.addWidget(label(_("Delen met het bestuur"), "heading"))
        if self.sync.is_shared:
            self._build_shared()
        else:
            self._build_start()
        self.outer.addWidget(self.message)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(button(_("Sluiten"), self.accept))
        self.outer.addLayout(bottom)
        if self.isVisible():
            grow_to_fit(self)

    def _build_start(self) -> None:
        self.outer.addWidget(label(_(
            "Alle bestuursleden werken dan met hetzelfde geheugen. Kies een map die alle laptops "
            "zien (Nextcloud, OneDrive, SURFdrive, een netwerkmap of een USB-stick). Wijkapp zet daar "
            "alleen versleutelde deelbestanden neer; uw eigen bestand blijft op deze laptop."), ""))
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        row = QHBoxLayout()
        self.folder_edit = QLineEdit()
        self.folder_edit.setAccessibleName(_("Gedeelde map"))
        row.addWidget(self.folder_edit, 1)
        row.addWidget(button(_("Kies map…"), self._pick_folder))
        form.addRow(_("Gedeelde map:"), row)
        self.name_edit = QLineEdit(self.sync.laptop_name if self.sync._get("laptop_name") else "")
        self.name_edit.setAccessibleName(_("Naam van deze laptop"))
        self.name_edit.setPlaceholderText(_("Bijvoorbeeld: laptop van Marja"))
        form.addRow(_("Naam van deze laptop (zo zien de anderen hem):"), self.name_edit)
        self.pass_edit = _passphrase_edit(_("Wachtwoord van het bestuur"))
        self.pass_again = _passphrase_edit(_("Wachtwoord nog een keer"))
        form.addRow(_("Wachtwoord van het bestuur (minstens 8 tekens):"), self.pass_edit)
        form.addRow(_("Nog een keer:"), self.pass_again)
        self.outer.addLayout(form)
        self.outer.addWidget(label(_("Geef het wachtwoord persoonlijk door aan de andere "
                                     "bestuursleden, niet in dezelfde e-mail als een deelbestand."), "hint"))
        start = button(_("Delen"), self.start_sharing, role="big")
        start.setDefault(True)
        line = QHBoxLayout()
        line.addStretch(1)
        line.addWidget(start)
        self.outer.addLayout(line)

    def _pick_folder(self) -> None:
        chosen = self._choose_folder()
        if chosen:
            self.folder_edit.setText(chosen)

    def start_sharing(self) -> None:
        folder = self.folder_edit.text().strip()
        try:
            if not folder:
                raise WijkappError(_("Kies eerst de gedeelde map."))
            check_passphrase(self.pass_edit.text())
            if self.pass_edit.text() != self.pass_again.text():
                raise WijkappError(_("De twee wachtwoorden zijn niet gelijk."))
            self.sync.share(Path(folder), self.pass_edit.text(), self.name_edit.text().strip() or None)
        except WijkappError as error:
            self.show_message(str(error), "error")
            return
        self.controller.updated.emit()
        self.build()
        self.show_message(_("Het wijkplatform wordt nu gedeeld. Laat de andere bestuursleden "
                            "'Aansluiten bij een bestuur' kiezen."), "hint")

    def _build_shared(self) -> None:
        status = self.sync.status()
        self.outer.addWidget(label(_("Gedeelde map: {folder}").format(
            folder=status.folder or _("geen (alleen via e-mail)"))))
        self.outer.addWidget(label(_("Laptops van het bestuur"), "subheading"))
        numbering = ""
        for laptop in status.laptops:
            name = laptop.name + (" " + _("(deze laptop)") if laptop.me else "")
            line = _("{name} — bijgewerkt {when}").format(name=name, when=when_text(laptop.made_at))
            if laptop.numbers_decisions:
                numbering = laptop.name
                line += " — " + _("nummert de besluiten")
            self.outer.addWidget(label(line))
        for person, count in status.erasures.items():
            if count < len(status.laptops):
                self.outer.addWidget(label(_("Een gewist contact is {line}; wacht nog op de andere "
                                             "laptops.").format(line=status.erasure_line(person)), "hint"))
        self.outer.addWidget(label(_("Besluiten nummeren: {who}").format(
            who=numbering or _("nog niet bekend")), "subheading"))
        if status.numbering_laptop != self.sync.laptop_id:
            self.outer.addWidget(label(_("Neemt deze laptop het nummeren over (bijvoorbeeld een nieuwe "
                                         "secretaris)? Spreek het eerst af: twee laptops die tegelijk "
                                         "nummeren geven dubbele nummers."), "hint"))
            take = button(_("Deze laptop nummert de besluiten vanaf nu"), self.take_numbering)
            self.outer.addWidget(take)
        row = QHBoxLayout()
        row.addWidget(button(_("Nu bijwerken"), self.sync_now))
        row.addStretch(1)
        self.outer.addLayout(row)
        self.outer.addWidget(label(_("Zonder gedeelde map: per e-mail"), "subheading"))
        self.outer.addWidget(label(_("Bewaar uw wijzigingen in een bestand en mail het aan de andere "
                                     "bestuursleden; lees hun bestanden hier in."), "hint"))
        for text, slot in ((_("Mijn wijzigingen opslaan om te mailen…"), self.save_for_mail),
                           (_("Bestand van een bestuurslid inlezen…"), self.read_file)):
            mail_row = QHBoxLayout()
            mail_row.addWidget(button(text, slot))
            mail_row.addStretch(1)
            self.outer.addLayout(mail_row)

    def show_message(self, text: str, role: str) -> None:
        self.message.setText(text)
        set_role(self.message, role)

    def take_numbering(self) -> None:
        self.sync.take_numbering()
        self.build()
        self.show_message(_("Deze laptop nummert nu de besluiten. De andere laptops horen het bij "
                            "de volgende keer bijwerken."), "hint")

    def sync_now(self) -> None:
        self.controller.sync_soon()
        self.show_message(_("Bezig met bijwerken…"), "hint")
        self.controller.updated.connect(self._after_sync)

    def _after_sync(self) -> None:
        if self.controller.busy:
            return
        self.controller.updated.disconnect(self._after_sync)
        self.build()
        self.show_message(self.controller.last_error or _("Bijgewerkt."), "hint")

    def save_for_mail(self) -> None:
        target = self._choose_save()
        if not target:
            return
        try:
            saved = self.sync.save_for_mail(Path(target))
        except (WijkappError, OSError) as error:
            self.show_message(error_sentence(error) if isinstance(error, WijkappError) else str(error), "error")
            return
        self.show_message(_("Bewaard: {path}. Stuur dit bestand als bijlage naar de andere "
                            "bestuursleden.").format(path=saved), "hint")

    def read_file(self) -> None:
        chosen = self._choose_open()
        if not chosen:
            return
        try:
            report = self.sync.sync(files=[Path(p) for p in chosen])
        except WijkappError as error:
            self.show_message(str(error), "error")
            return
        if self.controller.bus is not None and report.written:
            self.controller.bus.emit_changes(changes_of(report))
        self.controller.updated.emit()
        self.build()
        text = _("Ingelezen.") if not report.problems else " ".join(report.problems)
        self.show_message(text, "error" if report.problems else "hint")


def _clear_layout(layout: Any) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item.widget() is not None:
            item.widget().deleteLater()
        elif item.layout() is not None:
            _clear_layout(item.layout())


class JoinDialog(GrowingDialog):
    """"Aansluiten bij een bestuur": a new local board from a shared folder or a received file."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None, *,
                 choose_folder: Callable[[], str] | None = None,
                 choose_file: Callable[[], str] | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.report: Any = None
        self._choose_folder = choose_folder or (lambda: QFileDialog.getExistingDirectory(
            self, _("Kies de gedeelde map")))
        self._choose_file = choose_file or (lambda: QFileDialog.getOpenFileName(
            self, _("Kies het ontvangen bestand"), "", _("Wijkapp-deelbestand (*.wijksync)"))[0])
        self.setWindowTitle(_("Aansluiten bij een bestuur"))
        self.setMinimumWidth(640)
        outer = QVBoxLayout(self)
        outer.addWidget(label(_("Aansluiten bij een bestuur"), "heading"))
        outer.addWidget(label(_("Kies de map die het bestuur deelt, of het bestand dat u per e-mail "
                                "kreeg, en typ het wachtwoord van het bestuur."), ""))
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        row = QHBoxLayout()
        self.source_edit = QLineEdit()
        self.source_edit.setAccessibleName(_("Gedeelde map of ontvangen bestand"))
        row.addWidget(self.source_edit, 1)
        row.addWidget(button(_("Map…"), lambda: self._pick(self._choose_folder)))
        row.addWidget(button(_("Bestand…"), lambda: self._pick(self._choose_file)))
        form.addRow(_("Gedeelde map of ontvangen bestand:"), row)
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(_("Naam van deze laptop"))
        self.name_edit.setPlaceholderText(_("Bijvoorbeeld: laptop van Piet"))
        form.addRow(_("Naam van deze laptop:"), self.name_edit)
        self.pass_edit = _passphrase_edit(_("Wachtwoord van het bestuur"))
        form.addRow(_("Wachtwoord van het bestuur:"), self.pass_edit)
        outer.addLayout(form)
        self.error = label("", "error")
        self.error.hide()
        outer.addWidget(self.error)
        line = QHBoxLayout()
        line.addStretch(1)
        line.addWidget(button(_("Annuleren"), self.reject))
        self.join_button = button(_("Aansluiten"), self.join, role="big")
        self.join_button.setDefault(True)
        line.addWidget(self.join_button)
        outer.addLayout(line)

    def _pick(self, chooser: Callable[[], str]) -> None:
        chosen = chooser()
        if chosen:
            self.source_edit.setText(chosen)

    def join(self) -> None:
        source = self.source_edit.text().strip()
        try:
            if not source:
                raise WijkappError(_("Kies eerst de gedeelde map of het ontvangen bestand."))
            if not self.pass_edit.text():
                raise WijkappError(_("Typ het wachtwoord van het bestuur."))
            self.report = BoardSync(self.ws).join(Path(source), self.pass_edit.text(),
                                                  self.name_edit.text().strip() or None)
        except WijkappError as error:
            self.error.setText(str(error))
            self.error.show()
            return
        self.accept()


def install(window: Any) -> SyncController:
    """Hook sharing into the main window: menu item, status bar, background sync."""
    controller = SyncController(window.ws, window.bus, window)
    bar = SyncStatusBar(controller, lambda: open_conflicts(window, controller))
    window.statusBar().addPermanentWidget(bar)
    window.sync_bar = bar
    later = getattr(window, "after_first_paint", None)
    if callable(later):
        later(controller.start)  # start-up work waits until the window has painted
    else:
        controller.start()
    return controller


def open_sharing(window: Any, controller: SyncController) -> None:
    SharingDialog(controller, window).exec()
    controller.updated.emit()


def open_conflicts(window: Any, controller: SyncController) -> None:
    ConflictsDialog(controller.sync, controller.bus, window).exec()
    controller.updated.emit()


__all__ = [
    "ConflictsDialog", "JoinDialog", "QPushButton", "SharingDialog",
    "SyncStatusBar", "install", "open_conflicts", "open_sharing",
]
