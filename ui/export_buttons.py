"""One-click exports: "PDF maken", "Afdrukken" and "Mailen als bijlage", off the GUI thread.

:class:`ExportButtons` is the row of three big buttons for one export (used by the export
dialog, the meeting editor, minutes mode and the action list). Each click writes the file
on the long-job worker (:func:`ui.operations.base.run_in_background` with ``long=True``) while a busy
bar shows, then, back on the GUI thread:

* **PDF maken** — saves into the export folder and says "Gemaakt: <file>" with "Openen"
  and "Map tonen";
* **Afdrukken** — saves into a temp folder and opens the file in the system's viewer
  (:func:`wijkapp.export.open_file.open_with_system`), where the print dialog is one click
  away: the one route that works the same on Windows, macOS and Linux;
* **Mailen als bijlage** — saves into the export folder and shows the file selected in the
  file manager (:func:`ui.export_files.reveal_file`), with the hint "Sleep het bestand in
  uw e-mail".

Errors become a Dutch message box (:func:`warn`) and a red line under the buttons; a file
that was there stays whole (atomic writes). Also here: :class:`FolderChooser` (the
remembered export folder with "Andere map…") and :func:`grow_to_fit` for dialogs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLayout,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from wijkapp.errors import ValidationError
from wijkapp.i18n import N_, _
from wijkapp.workspace import Workspace

from . import export_files as files
from .export_files import MODES, PDF_FORMATS, PRINTABLE, ExportRequest
from .operations.base import error_sentence, run_in_background
from .screen_fit import SCROLL_NAME, fit_dialog, room_on
from .style import set_role
from .views.flow_layout import FlowLayout

__all__ = ["ExportButtons", "ExportRequest", "FolderChooser", "ResultLine", "MODES",
           "PDF_FORMATS", "PRINTABLE"]

def warn(parent: QWidget | None, text: str) -> None:
    """A Dutch message box (a seam for tests)."""
    QMessageBox.warning(parent, _("Niet gelukt"), text)


def grow_to_fit(window: QWidget) -> None:
    """Make a dialog tall enough for its wrapped text at its current width.

    Qt sizes a top-level window from its layout's minimum, ignoring height-for-width
    (wrapped labels), so at large text sizes buttons were cut off; call this from
    ``showEvent`` and ``resizeEvent``.
    """
    layout = window.layout()
    if layout is None or not layout.hasHeightForWidth():
        return
    need = layout.totalHeightForWidth(window.width())
    screen = window.screen()
    if screen is not None:  # never taller than the screen: ui.screen_fit makes it scroll
        need = min(need, room_on(screen.availableGeometry()).height())
    if need > window.minimumHeight():
        window.setMinimumHeight(need)
    if need > window.height():
        window.resize(window.width(), need)
    # Lay the rows out at the size the window has now: a resize from inside resizeEvent
    # can leave them where they were, with a part squeezed under its neighbour (the
    # buttons of "Vergadering gesloten" under the next line of text).
    layout.setGeometry(window.rect())


class GrowingDialog(QDialog):
    """A dialog that stays tall enough for its wrapped text (see :func:`grow_to_fit`)."""

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        grow_to_fit(self)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        grow_to_fit(self)


def alive(widget: QWidget | None) -> bool:
    """``True`` while the C++ side of ``widget`` still exists."""
    return widget is not None and isValid(widget)


# -- the buttons ------------------------------------------------------------------------
DEFAULT_CAPTIONS = {
    "save": N_("PDF maken"),
    "print": N_("Afdrukken"),
    "mail": N_("Mailen als bijlage"),
}


def save_caption(fmt: str) -> str:
    """"PDF maken" for PDFs, "Bestand maken" for every other format."""
    return _("PDF maken") if fmt in PDF_FORMATS else _("Bestand maken")


class ResultLine(QWidget):
    """Under the buttons: a busy bar, then "Gemaakt: <file>" with "Openen" and "Map tonen"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)  # moving bar: we cannot know how far a PDF is
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName(_("Bezig"))
        self.busy.setMaximumWidth(160)
        self.busy.hide()
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setAccessibleName(_("Uitkomst van de export"))
        self.open_button = QPushButton(_("Openen"), self)
        self.open_button.setAccessibleName(_("Gemaakt bestand openen"))
        self.open_button.clicked.connect(lambda _c=False: self._act(files.open_file))
        self.folder_button = QPushButton(_("Map tonen"), self)
        self.folder_button.setAccessibleName(_("Map met het gemaakte bestand tonen"))
        self.folder_button.clicked.connect(lambda _c=False: self._act(files.reveal_file))
        # The sentence on its own line, "Openen" and "Map tonen" under it: a wrapped
        # sentence beside buttons was measured too low at large text and drawn over the
        # next row.
        lines = QVBoxLayout(self)
        lines.setContentsMargins(0, 0, 0, 0)
        said = QHBoxLayout()
        said.addWidget(self.busy)
        said.addWidget(self.text, 1)
        lines.addLayout(said)
        acts = QHBoxLayout()
        acts.addWidget(self.open_button)
        acts.addWidget(self.folder_button)
        acts.addStretch(1)
        lines.addLayout(acts)
        self.clear()

    def clear(self) -> None:
        """Nothing to say yet."""
        self.path = None
        self.busy.hide()
        self.text.setText("")
        self.text.hide()
        self.open_button.hide()
        self.folder_button.hide()

    def working(self, text: str) -> None:
        """Show the busy bar with ``text``."""
        self.clear()
        self.busy.show()
        self._say(text, "")

    def done(self, path: Path, text: str) -> None:
        """The file is there: say so and offer Openen / Map tonen."""
        self.busy.hide()
        self.path = path
        self._say(text, "ok")
        self.open_button.show()
        self.folder_button.show()

    def failed(self, text: str) -> None:
        """Say what went wrong, in red."""
        self.clear()
        self._say(text, "error")

    def _say(self, text: str, role: str) -> None:
        self.text.setText(text)
        set_role(self.text, role)
        self.text.show()
        # The window grows for the new line (Qt does not, for wrapped text) once the
        # line is laid out, so the result never lies over the buttons above it.
        QTimer.singleShot(0, self._grow_window)

    def _grow_window(self) -> None:
        if not alive(self):
            return
        window = self.window()
        if window is not self and window.isVisible() and isinstance(window, QDialog):
            for buttons in window.findChildren(ExportButtons):
                buttons.hold_height()
            grow_to_fit(window)
            fit_dialog(window)  # no room left on the screen: the body scrolls instead
            body = window.findChild(QScrollArea, SCROLL_NAME)
            if body is not None:
                body.setWidgetResizable(True)  # Qt sizes the body for its text again

    def _act(self, action: Callable[[Path], None]) -> None:
        if self.path is None:
            return
        try:
            action(self.path)
        except ValidationError as error:
            warn(self, str(error))


class ExportButtons(QWidget):
    """A row of "PDF maken", "Afdrukken" and "Mailen als bijlage" for one export.

    ``ExportButtons(ws, "agenda", meeting_id)``; :meth:`set_request` / :meth:`set_meeting`
    change what is exported, ``modes`` picks which of the three buttons appear and
    ``captions`` renames them. ``exported(mode, path)`` fires after each file is made.
    The file goes to :func:`export_folder` (read at click time).
    """

    exported = Signal(str, str)  # (mode, path)
    failed = Signal(str)  # Dutch sentence

    def __init__(
        self,
        ws: Workspace,
        fmt: str,
        meeting_id: str | None = None,
        parent: QWidget | None = None,
        *,
        year: int | None = None,
        csv_kind: str = "actions",
        modes: Sequence[str] = MODES,
        captions: dict[str, str] | None = None,
        what: str = "",
        wrap: bool = False,
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self._request = ExportRequest(fmt, meeting_id, year, csv_kind)
        self._captions = captions or {}
        self._what = what
        self.busy = False
        self.buttons: dict[str, QPushButton] = {}
        # On a page the buttons go onto two rows at large text, not off its edge; a dialog
        # keeps them on one row, which ui.screen_fit holds in sight when the rest scrolls.
        row: QLayout = FlowLayout() if wrap else QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for mode in modes:
            widget = QPushButton(self)
            set_role(widget, "big")
            widget.clicked.connect(lambda _c=False, m=mode: self.run(m))
            self.buttons[mode] = widget
            row.addWidget(widget)
        if isinstance(row, QHBoxLayout):
            row.addStretch(1)  # the buttons keep their own width, on the left
        self.result = ResultLine(self)
        self.mail_hint = QLabel(self)
        self.mail_hint.setWordWrap(True)
        self.mail_hint.setAccessibleName(_("Zo voegt u het bestand toe aan uw e-mail"))
        # The one step left to do, so it stands out like the app's reminder bar.
        self.mail_hint.setStyleSheet("QLabel { background: #fff4d6; border: 1px solid #e0b44c;"
                                     " border-radius: 6px; padding: 6px; }")
        self.mail_hint.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.result)
        layout.addWidget(self.mail_hint)
        self._update_buttons()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        self._hold_button_height()
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self._hold_button_height()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.hold_height()

    def hold_height(self) -> None:
        """Never lower than the rows need at this width, the wrapped result line included:
        the layouts above kept an older, lower height and drew the result over the
        buttons at large text."""
        rows = self.layout()
        if rows is None or self.width() <= 0:
            return
        need = rows.totalHeightForWidth(self.width()) if rows.hasHeightForWidth() \
            else rows.minimumSize().height()
        if need != self.minimumHeight():
            self.setMinimumHeight(need)

    def _hold_button_height(self) -> None:
        """The big buttons' padding is not in their minimum size, so a short dialog gave
        them less room than they take and the result line was drawn over them."""
        for widget in self.buttons.values():
            widget.ensurePolished()
            widget.setMinimumHeight(0)
            widget.setMinimumHeight(widget.sizeHint().height())

    # -- what is exported ---------------------------------------------------------------
    def request(self) -> ExportRequest:
        """What a click exports now."""
        return self._request

    def set_request(self, request: ExportRequest) -> None:
        """Export something else from now on (the last result line is cleared)."""
        if request != self._request:
            self.result.clear()
            self.mail_hint.hide()
        self._request = request
        self._update_buttons()

    def set_meeting(self, meeting_id: str | None) -> None:
        """Export for another meeting."""
        self.set_request(replace(self._request, meeting_id=meeting_id))

    def _update_buttons(self) -> None:
        fmt = self._request.fmt
        what = f": {self._what}" if self._what else ""
        for mode, widget in self.buttons.items():
            caption = self._captions.get(mode) or (
                save_caption(fmt) if mode == "save" else _(DEFAULT_CAPTIONS[mode]))
            widget.setText(caption)
            widget.setAccessibleName(caption + what)
        printer = self.buttons.get("print")
        if printer is not None:
            printer.setVisible(fmt in PRINTABLE)  # a calendar or address file is not printed
            printer.setToolTip(
                _("Opent het bestand in uw PDF-programma. Kies daar Afdrukken (Ctrl+P)."))
        mail = self.buttons.get("mail")
        if mail is not None:
            mail.setToolTip(_("Bewaart het bestand en laat het zien in de map. "
                              "Sleep het daarna in uw e-mail."))

    # -- running ---------------------------------------------------------------------------
    def run(self, mode: str) -> None:
        """Make the file for ``mode`` ("save", "print" or "mail") in the background.

        While busy a second click is ignored; the buttons stay enabled so the keyboard
        focus never jumps away (to "Sluiten", say) while the file is made.
        """
        if self.busy:
            return
        request = self._request
        folder = files.export_folder()
        self.busy = True
        self._update_buttons()
        self.mail_hint.hide()
        self.result.working(_("Bezig met maken… U kunt gewoon verder werken."))
        run_in_background(
            lambda: files.write_export(self.ws, request, mode, folder),
            lambda path: self._done(mode, Path(path)),
            self._failed,
            long=True,
        )

    def _done(self, mode: str, path: Path) -> None:
        if not alive(self):
            return
        self.busy = False
        self._update_buttons()
        if mode == "print":
            try:
                files.open_file(path)
            except ValidationError as error:
                self._failed(error)
                return
            self.result.done(path, _("Geopend in uw PDF-programma: {name}. "
                                     "Kies daar Afdrukken (Ctrl+P).").format(name=path.name))
        elif mode == "mail":
            self.result.done(path, _("Bewaard: {name}\nin de map {folder}").format(
                name=path.name, folder=path.parent))
            self.mail_hint.setText(_("<b>Sleep het bestand in uw e-mail.</b> De map staat open "
                                     "en het bestand is gekozen. Of kies in uw e-mail "
                                     "‘Bijlage toevoegen’ en zoek het op in deze map."))
            self.mail_hint.show()
            try:
                files.reveal_file(path)
            except ValidationError as error:
                warn(self, str(error))
        else:
            self.result.done(path, _("Gemaakt: {name}\nin de map {folder}").format(
                name=path.name, folder=path.parent))
        self.exported.emit(mode, str(path))

    def _failed(self, error: BaseException) -> None:
        if not alive(self):
            return
        self.busy = False
        self._update_buttons()
        text = error_sentence(error)
        self.result.failed(_("Niet gelukt: {text}").format(text=text))
        self.failed.emit(text)
        warn(self, text)


def pick_folder(parent: QWidget | None, start: Path) -> Path | None:
    """Ask for a folder (a seam for tests); ``None`` when the user cancels."""
    chosen = QFileDialog.getExistingDirectory(parent, _("Kies de map voor uw bestanden"),
                                              str(start))
    return Path(chosen) if chosen else None


class FolderChooser(QWidget):
    """The export folder in words, with "Andere map…"; a new choice is remembered."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = files.export_folder()
        self.path_label = QLabel(self)
        self.path_label.setWordWrap(True)
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.path_label.setAccessibleName(_("Map waarin het bestand komt"))
        self.choose_button = QPushButton(_("Andere map…"), self)
        self.choose_button.setAccessibleName(_("Andere map kiezen"))
        self.choose_button.clicked.connect(lambda _c=False: self.choose())
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.path_label, 1)
        row.addWidget(self.choose_button, 0, Qt.AlignmentFlag.AlignTop)
        self._show()

    def choose(self) -> None:
        """Ask for another folder."""
        chosen = pick_folder(self, self.folder)
        if chosen is not None:
            self.set_folder(chosen)

    def set_folder(self, folder: Path) -> None:
        """Use (and remember) ``folder``."""
        self.folder = Path(folder)
        files.remember_export_folder(self.folder)
        self._show()

    def _show(self) -> None:
        self.path_label.setText(str(self.folder))


def heading_label(text: str, role: str = "heading") -> QLabel:
    """A wrapping label with a stylesheet role (heading, subheading, hint)."""
    widget = QLabel(text)
    widget.setWordWrap(True)
    set_role(widget, role)
    return widget
