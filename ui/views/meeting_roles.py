"""Voorzitter and notulist of one meeting: two pick-lists in the meeting editor.

The minutes (verslag) print both; the board's members come first in each list, then the
other contacts. Choosing saves at once (one undo step, "Vergadering gewijzigd").
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QWidget

from wijkapp.contacts import Person
from wijkapp.i18n import N_, _
from wijkapp.meetings import Meeting
from wijkapp.workspace import Workspace

from ..operations import meetings as meeting_ops

#: Meeting field → (caption, accessible name).
ROLES = {
    "chair_id": (N_("Voorzitter:"), N_("Voorzitter van deze vergadering")),
    "secretary_id": (N_("Notulist:"), N_("Notulist van deze vergadering")),
}


def role_people(people: list[Person]) -> list[Person]:
    """Board members first, then everyone else, each by name."""
    return sorted(people, key=lambda p: (not p.board_member, p.name.casefold()))


class MeetingRoles:
    """The two pick-lists, added as rows to a form of the meeting editor."""

    def __init__(self, ws: Workspace, form: QFormLayout, parent: QWidget) -> None:
        self.ws = ws
        self.parent = parent
        self.meeting_id: str | None = None
        self.combos: dict[str, QComboBox] = {}
        for field, (caption, name) in ROLES.items():
            combo = QComboBox(parent)
            combo.setAccessibleName(_(name))
            combo.setMinimumContentsLength(12)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.activated.connect(lambda _index, f=field: self._chosen(f))
            form.addRow(_(caption), combo)
            self.combos[field] = combo

    def load(self, meeting: Meeting) -> None:
        """Show the meeting's chair and note-taker (people list refreshed too)."""
        self.meeting_id = meeting.id
        people = role_people(self.ws.contacts.all())
        for field, combo in self.combos.items():
            chosen = getattr(meeting, field)
            if combo.hasFocus() and combo.view().isVisible():
                continue  # the list is open: do not pull it from under the mouse
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(_("— nog niet gekozen —"), None)
            for person in people:
                combo.addItem(person.name, person.id)
            index = combo.findData(chosen) if chosen else 0
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)

    def _chosen(self, field: str) -> None:
        if not self.meeting_id:
            return
        value = self.combos[field].currentData()
        meeting = self.ws.meetings.get(self.meeting_id)
        if getattr(meeting, field) != value:
            meeting_ops.update_meeting(self.parent, self.meeting_id, **{field: value}).run()
