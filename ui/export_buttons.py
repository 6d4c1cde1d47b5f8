"""One-click exports: "PDF maken", "Afdrukken" and "Mailen als bijlage", off the GUI thread.

:class:`ExportButtons` is the row of three big buttons for one export (used by the export
dialog, the meeting editor, minutes mode and the action list). Each click writes the file
on the one serialized worker (:func:`ui.operations.base.run_in_background`) while a busy
bar shows, then, back on the GUI thread:

* **PDF maken** — saves into the export folder and says "Gemaakt: <file>" with "Openen"
  and "Map tonen";
* **Afdrukken** — saves into a temp folder and opens the file in the system's viewer
  (:func:`wijkapp.export.open_file.open_with_system`), where the print dialog is one click
  away: the one route that works the same on Windows, macOS and Linux;
* **Mailen als bijlage** — saves into the export folder and shows the file selected in the
  file manager (:func:`reveal_file`), with the hint "Sleep het bestand in uw e-mail".

The export folder is remembered in ``export.json`` beside the app preferences; by
default it is ``Documenten/Wijkapp`` (QStandardPaths). Errors become a Dutch message box
and a red line under the buttons; a file that was there stays whole (atomic writes).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from wijkapp.errors import ValidationError, WriteFailedError
from wijkapp.export import export
from wijkapp.export import open_file as open_file_module
from wijkapp.i18n import N_, _
from wijkapp.workspace import Workspace

from .operations.base import error_sentence, run_in_background
from .preferences import config_dir
from .style import set_role

PDF_FORMATS = frozenset({"agenda", "minutes", "summary", "decisions", "actions"})
#: Formats "Afdrukken" can open in a viewer with a print button (Word prints .docx).
PRINTABLE = PDF_FORMATS | {"docx"}
MODES = ("save", "print", "mail")
EXPORT_PREFS = "export.json"


@dataclass(frozen=True)
class ExportRequest:
    """What to export: a key of ``wijkapp.export.FORMATS`` and its scope."""

    fmt: str
    meeting_id: str | None = None
    year: int | None = None
    csv_kind: str = "actions"


# -- the export folder -------------------------------------------------------------------
def default_export_folder() -> Path:
    """``<Documenten>/Wijkapp`` (the user's home when the system names no documents folder)."""
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return (Path(docs) if docs else Path.home()) / "Wijkapp"


def export_folder() -> Path:
    """The folder the user chose last time, else :func:`default_export_folder`."""
    try:
        data = json.loads((config_dir() / EXPORT_PREFS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {}
    folder = data.get("folder") if isinstance(data, dict) else None
    return Path(folder) if isinstance(folder, str) and folder else default_export_folder()


def remember_export_folder(folder: Path) -> bool:
    """Store ``folder`` for next time; ``False`` when the settings cannot be written."""
    path = config_dir() / EXPORT_PREFS
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_suffix(".tmp")
        temp.write_text(json.dumps({"folder": str(folder)}, ensure_ascii=False), encoding="utf-8")
        os.replace(temp, path)
    except OSError:
        return False
    return True


def print_folder() -> Path:
    """Where "Afdrukken" puts its file: a Wijkapp folder in the system's temp folder."""
    return Path(tempfile.gettempdir()) / "Wijkapp afdrukken"


def ensure_folder(folder: Path) -> Path:
    """Create ``folder`` when needed; a Dutch :class:`WriteFailedError` when that fails."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass
    if not folder.is_dir():
        raise WriteFailedError(
            _("De map '{folder}' kan niet worden gemaakt of gebruikt. "
              "Kies een andere map met 'Andere map…'.").format(folder=folder)
        )
    return folder


def write_export(ws: Workspace, request: ExportRequest, mode: str, folder: Path) -> Path:
    """Write one export (on the worker); "print" goes to :func:`print_folder`."""
    target = ensure_folder(print_folder() if mode == "print" else folder)
    return export(ws, request.fmt, target, meeting_id=request.meeting_id, year=request.year,
                  csv_kind=request.csv_kind)


# -- showing the file ---------------------------------------------------------------------
def reveal_command(path: Path, platform: str = sys.platform) -> str | list[str]:
    """The command that shows ``path`` in the file manager (selected where possible).

    Windows: ``explorer /select,"path"`` (one string: explorer needs its own quoting);
    macOS: ``open -R path``; Linux: the folder is opened (no common "select" there).
    """
    if platform.startswith("win"):
        return f'explorer /select,"{path}"'
    if platform == "darwin":
        return ["open", "-R", str(path)]
    return ["xdg-open", str(path.parent)]


def reveal_file(path: Path | str) -> None:
    """Show ``path`` in the file manager; returns at once.

    Raises :class:`ValidationError` with a Dutch sentence when nothing could be started.
    """
    path = Path(path).resolve()
    try:
        subprocess.Popen(  # noqa: S603 - fixed program, the path is one argument
            reveal_command(path),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    except OSError:
        raise ValidationError(
            _("De map kon niet worden geopend. U vindt het bestand hier: {path}").format(path=path)
        ) from None


def open_file(path: Path | str) -> None:
    """Open ``path`` in its program (looked up at call time, so tests can replace it)."""
    open_file_module.open_with_system(path)


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
    if need > window.minimumHeight():
        window.setMinimumHeight(need)
    if need > window.height():
        window.resize(window.width(), need)


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
        self.open_button.clicked.connect(lambda _c=False: self._act(open_file))
        self.folder_button = QPushButton(_("Map tonen"), self)
        self.folder_button.setAccessibleName(_("Map met het gemaakte bestand tonen"))
        self.folder_button.clicked.connect(lambda _c=False: self._act(reveal_file))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.busy)
        row.addWidget(self.text, 1)
        row.addWidget(self.open_button)
        row.addWidget(self.folder_button)
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
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self._request = ExportRequest(fmt, meeting_id, year, csv_kind)
        self._captions = captions or {}
        self._what = what
        self.busy = False
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for mode in modes:
            widget = QPushButton(self)
            set_role(widget, "big")
            widget.clicked.connect(lambda _c=False, m=mode: self.run(m))
            self.buttons[mode] = widget
            row.addWidget(widget)
        row.addStretch(1)
        # The app style paints big buttons blue even when disabled; busy must look busy.
        self.setStyleSheet('QPushButton[role="big"]:disabled { background: #f0f0f0;'
                           ' color: #6b6b6b; border-color: #c8c8c8; }')
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
            widget.setEnabled(not self.busy)
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
        """Make the file for ``mode`` ("save", "print" or "mail") in the background."""
        if self.busy:
            return
        request = self._request
        folder = export_folder()
        self.busy = True
        self._update_buttons()
        self.mail_hint.hide()
        self.result.working(_("Bezig met maken… U kunt gewoon verder werken."))
        run_in_background(
            lambda: write_export(self.ws, request, mode, folder),
            lambda path: self._done(mode, Path(path)),
            self._failed,
        )

    def _done(self, mode: str, path: Path) -> None:
        if not alive(self):
            return
        self.busy = False
        self._update_buttons()
        if mode == "print":
            try:
                open_file(path)
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
                reveal_file(path)
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

