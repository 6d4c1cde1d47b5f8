"""Residents at a public meeting: the sign-in sheet (presentielijst) and the number present.

Wijkapp keeps only the number of residents, never their names: the presentielijst is
paper, printed from here or from the meeting screen (:class:`PresenceListBox`).
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QSpinBox, QVBoxLayout, QWidget

from wijkapp.changes import MEETINGS, Changes
from wijkapp.errors import NotFoundError
from wijkapp.i18n import _
from wijkapp.meetings import MAX_RESIDENTS
from wijkapp.workspace import Workspace

from ..bus import ChangeBus
from ..export_buttons import ExportButtons
from ..operations import room as room_ops
from ..style import set_role
from .meeting_widgets import label

NOT_COUNTED = -1
SAVE_DELAY_MS = 700


def spin_to_count(value: int) -> int | None:
    """The spin box's value as the stored count (``None``: not counted)."""
    return None if value <= NOT_COUNTED else value


def count_to_spin(count: int | None) -> int:
    """The stored count as the spin box's value."""
    return NOT_COUNTED if count is None else count


class ResidentsBox(QWidget):
    """"Bewoners aanwezig: [23]" (a number, no names) and "Presentielijst afdrukken".

    Compact, for the bar above "Wie is er?" in minutes mode.
    """

    def __init__(self, ws: Workspace, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        bus.changed.connect(self._on_changed)
        self.meeting_id: str | None = None
        self.count = QSpinBox()
        self.count.setRange(NOT_COUNTED, MAX_RESIDENTS)
        self.count.setSpecialValueText(_("niet geteld"))
        self.count.setAccessibleName(_("Aantal bewoners aanwezig"))
        self.count.setToolTip(_("Tel de bezoekers, bijvoorbeeld met de presentielijst. "
                                "Wijkapp bewaart alleen het aantal, geen namen."))
        self.count.setMinimumWidth(self.fontMetrics().averageCharWidth() * 14)
        self._timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save)
        self.count.valueChanged.connect(lambda _v: self._timer.start())
        self.count.editingFinished.connect(self.save)
        # One button here (the room is waiting); PDF maken is on the meeting screen.
        self.sheet = ExportButtons(
            ws, "presentielijst", modes=("print",),
            captions={"print": _("Presentielijst afdrukken")}, what=_("presentielijst"))
        set_role(self.sheet.buttons["print"], "")  # a normal button, not a big one
        caption = label(_("Aantal bewoners aanwezig:"))
        caption.setWordWrap(False)
        caption.setBuddy(self.count)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(caption)
        row.addWidget(self.count)
        row.addWidget(self.sheet)

    def load(self, meeting_id: str) -> None:
        """Show this meeting's count (unsaved typing in the box is saved first)."""
        if self._timer.isActive() and meeting_id != self.meeting_id:
            self.save()
        self.meeting_id = meeting_id
        self.sheet.set_meeting(meeting_id)
        try:
            stored = self.ws.meetings.get(meeting_id).residents_present
        except NotFoundError:
            return
        if not self._timer.isActive():
            self.count.blockSignals(True)
            self.count.setValue(count_to_spin(stored))
            self.count.blockSignals(False)

    def save(self) -> None:
        """Store the number now (when it changed)."""
        self._timer.stop()
        if not self.meeting_id:
            return
        count = spin_to_count(self.count.value())
        try:
            if self.ws.meetings.get(self.meeting_id).residents_present == count:
                return
        except NotFoundError:
            return
        room_ops.set_residents_present(self, self.meeting_id, count).run()

    def _on_changed(self, changes: Changes, source: object) -> None:
        # An undo (Ctrl+Z) changes the number back: show it, unless typing is going on.
        if (self.meeting_id and source is not self and changes.touches(MEETINGS)
                and self.meeting_id in changes.ids and not self._timer.isActive()):
            self.load(self.meeting_id)

    def hideEvent(self, event: object) -> None:  # noqa: N802
        if self._timer.isActive():
            self.save()
        super().hideEvent(event)  # type: ignore[arg-type]


class PresenceListBox(QGroupBox):
    """"Presentielijst" on the meeting screen: the sign-in sheet for a public meeting."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(_("Presentielijst"), parent)
        self.setAccessibleName(_("Presentielijst"))
        self.sheet = ExportButtons(
            ws, "presentielijst", modes=("print", "save"),
            captions={"print": _("Presentielijst afdrukken"), "save": _("PDF maken")},
            what=_("presentielijst"), wrap=True)
        layout = QVBoxLayout(self)
        layout.addWidget(label(_("Een openbare vergadering? Print een lijst waarop bezoekers "
                                 "hun naam en straat of organisatie zetten. Wijkapp bewaart "
                                 "geen namen; bij Notuleren noteert u alleen het aantal."),
                               "hint"))
        layout.addWidget(self.sheet)

    def set_meeting(self, meeting_id: str | None) -> None:
        """Print the sheet for this meeting."""
        self.sheet.set_meeting(meeting_id)
