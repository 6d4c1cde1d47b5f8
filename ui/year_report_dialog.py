"""Bestand → Jaarverslag maken: choose the year, write the report on the worker with a
progress dialog fed by a Qt signal (the worker never touches a widget), then "Openen" or
"Map tonen".
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLayout,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wijkapp.i18n import _
from wijkapp.workspace import Workspace

from . import export_buttons, export_files
from .export_buttons import FolderChooser, GrowingDialog, alive, heading_label
from .operations.base import error_sentence, run_in_background
from .style import set_role


class YearReportDialog(GrowingDialog):
    """Asks which year (default this year) and where; "Jaarverslag maken" accepts."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Jaarverslag maken — Wijkapp"))
        this_year = dt.date.today().year
        years = {this_year} | {int(m.starts_at[:4]) for m in ws.meetings.all()}
        self.year_combo = QComboBox()
        self.year_combo.setAccessibleName(_("Van welk jaar"))
        for year in sorted(years, reverse=True):
            self.year_combo.addItem(str(year), year)
        self.year_combo.setCurrentIndex(self.year_combo.findData(this_year))
        year_label = QLabel(_("Van welk &jaar?"))
        year_label.setBuddy(self.year_combo)
        self.folder = FolderChooser()
        self.make_button = QPushButton(_("Jaarverslag maken"))
        set_role(self.make_button, "big")
        self.make_button.setDefault(True)
        self.make_button.clicked.connect(lambda _c=False: self.accept())
        cancel = QPushButton(_("Annuleren"))
        cancel.clicked.connect(lambda _c=False: self.reject())
        row = QHBoxLayout()
        row.addWidget(year_label)
        row.addWidget(self.year_combo)
        row.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.make_button)
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addWidget(heading_label(_("Jaarverslag maken")))
        layout.addWidget(heading_label(_("Een PDF voor de gemeente en de gemeenteraad: wat het "
                                    "wijkplatform in dat jaar deed, met grafieken."), "hint"))
        layout.addLayout(row)
        layout.addWidget(heading_label(_("Waar bewaren?"), "subheading"))
        layout.addWidget(self.folder)
        layout.addLayout(buttons)

    def year(self) -> int:
        """The chosen year."""
        return int(self.year_combo.currentData())


def ask_year(parent: QWidget | None, ws: Workspace) -> tuple[int, Path] | None:
    """Ask for the year and folder; ``None`` when the user cancels (a seam for tests)."""
    dialog = YearReportDialog(ws, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.year(), dialog.folder.folder


class YearReportRun(QObject):
    """One jaarverslag being written: a progress dialog, then "Openen" / "Map tonen"."""

    progressed = Signal(int, int)  # emitted on the worker, handled on the GUI thread

    def __init__(self, parent: QWidget | None, ws: Workspace, year: int, folder: Path) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.ws = ws
        self.year = year
        self.folder = folder
        self.percent = 0
        self.shown: list[int] = []  # every percentage the progress dialog showed
        self.path: Path | None = None
        self.error: str | None = None
        self.result_box: QMessageBox | None = None
        self.progress = QProgressDialog(
            _("Het jaarverslag van {year} wordt gemaakt…").format(year=year), "", 0, 100, parent)
        self.progress.setWindowTitle(_("Jaarverslag maken"))
        self.progress.setCancelButton(None)  # the worker cannot stop halfway; it is quick
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progressed.connect(self._on_progress)

    def start(self) -> None:
        """Write the report on the worker."""
        from wijkapp.export.year_report import write_year_report

        self.progress.setValue(0)
        self.progress.show()
        ws, year, folder, report = self.ws, self.year, self.folder, self.progressed.emit

        def work() -> Path:
            return write_year_report(ws, year, export_files.ensure_folder(folder), report)

        run_in_background(work, self._done, self._failed, long=True)

    def _on_progress(self, done: int, total: int) -> None:
        self.percent = round(100 * done / total) if total else 100
        self.shown.append(self.percent)
        if alive(self.progress):
            self.progress.setValue(self.percent)

    def _done(self, path: Path) -> None:
        self.path = Path(path)
        self._on_progress(1, 1)
        if alive(self.progress):
            self.progress.close()
        box = QMessageBox(self.parent_widget)
        box.setWindowTitle(_("Jaarverslag gemaakt"))
        box.setText(_("Gemaakt: {name}\nin de map {folder}").format(
            name=self.path.name, folder=self.path.parent))
        opener = box.addButton(_("Openen"), QMessageBox.ButtonRole.AcceptRole)
        folder = box.addButton(_("Map tonen"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(_("Sluiten"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(opener)
        box.buttonClicked.connect(
            lambda clicked: self.open_result() if clicked is opener
            else self.show_folder() if clicked is folder else None)
        self.result_box = box
        box.open()

    def _failed(self, error: BaseException) -> None:
        if alive(self.progress):
            self.progress.close()
        self.error = error_sentence(error)
        export_buttons.warn(self.parent_widget, self.error)

    def open_result(self) -> None:
        """Open the report in the PDF program."""
        self._act(export_files.open_file)

    def show_folder(self) -> None:
        """Show the report in the file manager."""
        self._act(export_files.reveal_file)

    def _act(self, action: object) -> None:
        if self.path is None:
            return
        try:
            action(self.path)  # type: ignore[operator]
        except Exception as error:  # noqa: BLE001 - shown in Dutch
            export_buttons.warn(self.parent_widget, error_sentence(error))


def make_year_report(parent: QWidget | None, ws: Workspace, *, year: int | None = None,
                     folder: Path | None = None) -> YearReportRun | None:
    """Bestand → Jaarverslag maken: ask the year (unless given), then write the report
    in the background with a progress dialog. Returns the run, or ``None`` on cancel."""
    if year is None:
        chosen = ask_year(parent, ws)
        if chosen is None:
            return None
        year, folder = chosen
    run = YearReportRun(parent, ws, year, folder or export_files.export_folder())
    run.start()
    return run
