"""The "Stem van de wijk" card of Stand van zaken: signals nobody followed up in N weeks.

Double-click (or Enter) on a line opens the signal in the register.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGroupBox, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from wijkapp.changes import BOARDS, SIGNAL_FOLLOWUPS, SIGNALS
from wijkapp.i18n import _, ngettext
from wijkapp.signals import Signal
from wijkapp.workspace import Workspace

from ..labels import date_text
from ..style import OVERDUE
from .widgets import hint

#: Changes that can change the card.
WATCHED = (SIGNALS, SIGNAL_FOLLOWUPS, BOARDS)


def forgotten_lines(signals: list[Signal], on: dt.date) -> list[str]:
    """``"Kapotte bankjes — gehoord op 16 okt 2026, 6 weken geleden"`` per forgotten signal."""
    lines = []
    for signal in signals:
        weeks = max((on - signal.day).days // 7, 0)
        ago = ngettext("{n} week geleden", "{n} weken geleden", weeks).format(n=weeks)
        lines.append(_("{title} — gehoord op {date}, {ago}").format(
            title=signal.title.replace("\n", " "), date=date_text(signal.heard_on), ago=ago))
    return lines


class ForgottenSignalsCard(QGroupBox):
    """Signals without any follow-up after the board's number of weeks."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(_("Stem van de wijk: wacht op opvolging"), parent)
        self.ws = ws
        layout = QVBoxLayout(self)
        self.note = hint("", self)
        layout.addWidget(self.note)
        self.list = QListWidget(self)
        self.list.setAccessibleName(_("Signalen die wachten op opvolging"))
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setMaximumHeight(self.fontMetrics().lineSpacing() * 8)
        self.list.itemActivated.connect(self._open)
        layout.addWidget(self.list)

    def refresh(self, on: dt.date) -> None:
        """Recount the forgotten signals on day ``on``."""
        self.show_loaded(self.load(on))

    def load(self, on: dt.date) -> tuple[list[Signal], int, list[str]]:
        """The forgotten signals on ``on``, the follow-up weeks and the lines (no Qt: this
        runs on the worker for the Stand van zaken)."""
        signals = self.ws.signals.forgotten(on)
        return signals, self.ws.signals.followup_weeks(), forgotten_lines(signals, on)

    def show_loaded(self, loaded: tuple[list[Signal], int, list[str]]) -> None:
        """Show what :meth:`load` read."""
        signals, weeks, lines = loaded
        self.note.setText(ngettext(
            "Signalen van bewoners zonder opvolging na {weeks} week.",
            "Signalen van bewoners zonder opvolging na {weeks} weken.", weeks).format(weeks=weeks))
        self.list.clear()
        for line, signal in zip(lines, signals, strict=True):
            item = QListWidgetItem(line, self.list)
            item.setForeground(QColor(OVERDUE))
            item.setData(Qt.ItemDataRole.UserRole, signal.id)
        if not signals:
            self.list.addItem(_("Alle signalen zijn opgepakt."))

    def _open(self, item: QListWidgetItem) -> None:
        signal_id = item.data(Qt.ItemDataRole.UserRole)
        window = self.window()
        if signal_id and hasattr(window, "open_record"):
            window.open_record("signals", signal_id)
