"""Parts of minutes mode: attendance ticks, the open actions of earlier meetings, notes editor.

Both rebuild from the core on demand (``load``) and write through operations.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from wijkapp.actions import Action
from wijkapp.i18n import _
from wijkapp.timeutil import today
from wijkapp.workspace import Workspace

from ..labels import action_row_label, attendance_label, is_overdue, review_label
from ..operations import meetings as meeting_ops
from ..style import set_role
from .meeting_widgets import button, label

ATTENDANCE_CHOICES = ("present", "absent_notice", "absent")


class NotesEdit(QPlainTextEdit):
    """A plain-text notes editor that reports losing focus."""

    focus_lost = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        self.focus_lost.emit()
        super().focusOutEvent(event)


def _clear(layout: QGridLayout | QVBoxLayout) -> None:
    while layout.count():
        child = layout.takeAt(0)
        widget = child.widget() if child is not None else None
        if widget is not None:
            widget.deleteLater()


class AttendancePanel(QWidget):
    """One row per invitee with aanwezig / afwezig met bericht / afwezig."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.meeting_id: str | None = None
        self.groups: dict[str, QButtonGroup] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(label(_("Wie is er?"), "heading"))
        layout.addWidget(
            label(
                _(
                    "Kies per persoon. Wie er niet op staat, voegt u toe bij Vergadering voorbereiden."
                ),
                "hint",
            )
        )
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(12)
        self.rows: list[tuple[QLabel, list[QRadioButton]]] = []
        self.stacked = False
        layout.addLayout(self.grid)
        layout.addStretch(1)

    def load(self, meeting_id: str) -> None:
        """Show the meeting's invitees with their current status."""
        self.meeting_id = meeting_id
        _clear(self.grid)
        self.groups = {}
        self.rows = []
        for entry in self.ws.meetings.attendance(meeting_id):
            name = QLabel(entry.name)
            name.setWordWrap(True)
            group = QButtonGroup(self)
            radios = []
            for status in ATTENDANCE_CHOICES:
                radio = QRadioButton(attendance_label(status))
                radio.setAccessibleName(f"{entry.name}: {attendance_label(status)}")
                radio.setProperty("status", status)
                radio.setChecked(entry.status == status)
                group.addButton(radio)
                radios.append(radio)
            self.rows.append((name, radios))
            group.buttonClicked.connect(
                lambda radio, pid=entry.person_id: self._choose(pid, radio.property("status"))
            )
            self.groups[entry.person_id] = group
        self._place()
        if not self.groups:
            self.grid.addWidget(label(_("Er is nog niemand uitgenodigd."), "hint"), 0, 0)

    def set_stacked(self, stacked: bool) -> None:
        """Choices beside each name (``False``) or on a line under it (large text)."""
        if stacked != self.stacked:
            self.stacked = stacked
            self._place()

    def _place(self) -> None:
        for name, radios in self.rows:
            for widget in (name, *radios):
                self.grid.removeWidget(widget)
        for index, (name, radios) in enumerate(self.rows):
            row = index * 2 if self.stacked else index
            self.grid.addWidget(name, row, 0, 1, 3 if self.stacked else 1)
            for column, radio in enumerate(radios, start=0 if self.stacked else 1):
                self.grid.addWidget(radio, row + 1 if self.stacked else row, column)

    def _choose(self, person_id: str, status: str) -> None:
        if self.meeting_id:
            meeting_ops.set_attendance(self, self.meeting_id, person_id, status).run()


class CarriedOverPanel(QWidget):
    """Open actions of earlier meetings with Afgerond / Uitstellen / Laten staan."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.meeting_id: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label(_("Actiepunten van vorige vergaderingen"), "subheading"))
        layout.addWidget(
            label(
                _("Loop ze samen langs: is het klaar, schuift het op, of blijft het staan?"), "hint"
            )
        )
        self.rows = QVBoxLayout()
        layout.addLayout(self.rows)

    def load(self, meeting_id: str) -> None:
        """Rebuild the list for this meeting."""
        self.meeting_id = meeting_id
        _clear(self.rows)
        outcomes = {r.action_id: r.outcome for r in self.ws.actions.reviews_in(meeting_id)}
        actions = self.ws.actions.carried_over(meeting_id)
        for action in actions:
            self.rows.addWidget(self._row(action, outcomes.get(action.id)))
        if not actions:
            self.rows.addWidget(label(_("Er staan geen actiepunten open. Mooi!"), "hint"))

    def _row(self, action: Action, outcome: str | None) -> QWidget:
        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        outer = QVBoxLayout(frame)
        layout = QHBoxLayout()
        text = label(
            action_row_label(
                action.what, action.owner_name, action.due_date, action.times_postponed
            )
        )
        text.setAccessibleName(_("Actiepunt: {what}").format(what=action.what))
        if is_overdue(action.due_date, action.status, today()):
            set_role(text, "error")
            text.setText(text.text() + " — " + _("te laat"))
        outer.addWidget(text)
        outer.addLayout(layout)
        if outcome:
            layout.addWidget(label(_("Nu: {outcome}").format(outcome=review_label(outcome)), "ok"))
        if action.status == "open":
            for caption, handler, chosen in (
                (_("Afgerond"), self._done, "done"),
                (_("Uitstellen"), self._postpone, "postponed"),
                (_("Laten staan"), self._keep, "kept"),
            ):
                widget = button(
                    caption,
                    partial(handler, action.id),
                    name=f"{caption}: {action.what}",
                )
                widget.setEnabled(outcome != chosen)
                layout.addWidget(widget)
        layout.addStretch(1)
        return frame

    def _done(self, action_id: str) -> None:
        from ..operations.actions import mark_action_done

        mark_action_done(self, action_id, in_meeting=self.meeting_id).run()

    def _postpone(self, action_id: str) -> None:
        from ..operations.actions import postpone_action

        postpone_action(self, action_id, in_meeting=self.meeting_id).run()

    def _keep(self, action_id: str) -> None:
        from ..operations.actions import keep_action

        if self.meeting_id:
            keep_action(self, action_id, in_meeting=self.meeting_id).run()
