"""Help → "Over Wijkapp": what a helper on the phone needs to know, in plain Dutch.

Name and version, where the data lives (with "Map openen"), whether the file is healthy,
how old the newest backup is, a warning for a synced or network folder, and the SQLite
and schema versions. The health check runs in the background, so the dialog opens at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLayout, QVBoxLayout, QWidget

from wijkapp import __version__
from wijkapp.i18n import _, ngettext
from wijkapp.workspace import Workspace

from ..operations.base import error_sentence, run_in_background
from ..style import set_role
from .backups import backup_when_text, fit_to_text
from .meeting_widgets import button, label


def open_folder(folder: Path) -> None:
    """Show ``folder`` in the file manager (Verkenner, Finder, …)."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def backup_line(newest: str | None, count: int, now: dt.datetime) -> str:
    """``vandaag om 14:05`` and on the next line ``Er zijn 6 reservekopieën.``.

    Without a backup: what to do to make one.
    """
    if not newest:
        return _("Er is nog geen reservekopie. Kies Bestand → Reservekopieën om er een te maken.")
    when = backup_when_text(dt.datetime.fromisoformat(newest), now)
    total = ngettext("Er is {n} reservekopie.", "Er zijn {n} reservekopieën.", count)
    return f"{when}\n{total.format(n=count)}"


def health_line(report: dict[str, Any]) -> tuple[str, bool]:
    """The verdict on the file in words, and whether it is good news."""
    if report.get("healthy"):
        return _("In orde. Het bestand is gecontroleerd en heeft geen fouten."), True
    problems = report.get("problems") or []
    return _("Er is iets mis: {problems} Zet een reservekopie terug via Bestand → "
             "Reservekopieën, of vraag hulp.").format(problems=" ".join(problems)), False


class AboutDialog(QDialog):
    """The "Over Wijkapp" dialog. ``open_folder`` and ``now`` are replaceable for tests."""

    def __init__(
        self,
        parent: QWidget | None,
        ws: Workspace,
        *,
        open_folder: Callable[[Path], None] = open_folder,
        now: Callable[[], dt.datetime] = dt.datetime.now,
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self._open_folder = open_folder
        self._now = now
        self.setWindowTitle(_("Over Wijkapp"))
        layout = QVBoxLayout(self)
        # The dialog grows with its text (150-200 % text size), never cuts it off.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addWidget(label(_("Wijkapp {version}").format(version=__version__), "heading"))
        layout.addWidget(label(_("Het geheugen en de stem van het wijkplatform."), "hint"))
        fields = QVBoxLayout()
        fields.setSpacing(4)
        self.path = self._field(fields, _("Uw gegevens staan in"), str(ws.path))
        self.path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warning = label("", "error")
        self.warning.setAccessibleName(_("Waarschuwing over de map"))
        self.warning.hide()
        fields.addWidget(self.warning)
        self.health = self._field(fields, _("Controle van het bestand"),
                                  _("Bezig met controleren…"))
        self.backup = self._field(fields, _("Nieuwste reservekopie"), _("Bezig met kijken…"))
        self.technical = self._field(fields, _("Technische gegevens"), "")
        layout.addLayout(fields)
        layout.addSpacing(12)
        layout.addStretch(1)
        row = QHBoxLayout()
        self.open_button = button(
            _("Map openen"), self.open_data_folder, name=_("Map met uw gegevens openen"),
            tip=_("Laat de map met uw gegevens en reservekopieën zien."))
        close = button(_("Sluiten"), self.accept, role="primary")
        row.addWidget(self.open_button)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        close.setDefault(True)
        close.setFocus()
        self.report: dict[str, Any] | None = None
        run_in_background(ws.check, self.show_report, self._check_failed, long=True)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        """Size the dialog for its text once the stylesheet fonts apply."""
        super().showEvent(event)
        fit_to_text(self)

    def _field(self, fields: QVBoxLayout, caption: str, text: str) -> QLabel:
        value = label(text)
        value.setAccessibleName(caption)
        title = QLabel(caption)
        set_role(title, "subheading")
        title.setBuddy(value)
        fields.addSpacing(8)
        fields.addWidget(title)
        fields.addWidget(value)
        return value

    def text(self) -> str:
        """Everything the dialog says, as plain text (for tests and support)."""
        return "\n".join(w.text() for w in self.findChildren(QLabel) if w.isVisibleTo(self))

    def show_report(self, report: dict[str, Any]) -> None:
        """Fill in the result of ``ws.check()``."""
        self.report = report
        verdict, good = health_line(report)
        self.health.setText(verdict)
        set_role(self.health, "ok" if good else "error")
        self.backup.setText(backup_line(report["newest_backup"], report["backup_count"],
                                        self._now()))
        self.technical.setText(_("SQLite {sqlite}, schema-versie {schema}").format(
            sqlite=report["sqlite_version"], schema=report["schema_version"]))
        warnings = report.get("warnings") or []
        self.warning.setText(_("Let op: {text}").format(text=" ".join(warnings)))
        self.warning.setVisible(bool(warnings))
        if self.isVisible():
            fit_to_text(self)

    def _check_failed(self, error: BaseException) -> None:
        self.health.setText(error_sentence(error))
        set_role(self.health, "error")
        self.backup.setText("")

    def open_data_folder(self) -> None:
        """"Map openen": the folder that holds the database and its backups."""
        self._open_folder(self.ws.path.parent)
