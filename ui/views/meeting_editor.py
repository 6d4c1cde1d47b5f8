"""Prepare one meeting: when and where, who is invited, and the agenda.

Every change is saved at once through an operation (no Save button). Agenda items are
added and edited in a dialog, moved by drag-and-drop, with Alt+Up/Alt+Down or the
"Omhoog"/"Omlaag" buttons, and removed with a "Terugzetten" bar (and Ctrl+Z).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from wijkapp.changes import AGENDA_ITEMS, ATTENDANCE, MEETINGS, PEOPLE, Changes
from wijkapp.errors import NotFoundError
from wijkapp.i18n import _
from wijkapp.meetings import Meeting
from wijkapp.workspace import Workspace

from ..bus import ChangeBus
from ..labels import date_time_label, meeting_status_label
from ..live import ANY, Except, Follow
from ..one_paint import scroll_body
from ..operations import agenda as agenda_ops
from ..operations import meetings as meeting_ops
from .meeting_agenda import UNDO_DELETE_STEP, AgendaEditing, table_key_action
from .meeting_dialogs import AgendaItemDialog, required_problem
from .meeting_roles import MeetingRoles
from .meeting_send import SendAgendaBox
from .meeting_widgets import button, date_time_edit, label, read_qdatetime, set_qdatetime
from .residents import PresenceListBox

__all__ = ["UNDO_DELETE_STEP", "MeetingEditor", "table_key_action"]

#: The fields of the side column (see MeetingEditor.__getattr__).
_SIDE_FIELDS = frozenset({"title_edit", "when_edit", "place_edit", "form_error", "roles",
                          "invitees", "new_person"})
#: What the editor shows: the meeting, its invitees and its agenda (not the notes).
WATCH = {
    MEETINGS: ANY,
    ATTENDANCE: ANY,
    PEOPLE: ("name", "board_member"),
    AGENDA_ITEMS: Except("notes"),
}


class MeetingEditor(AgendaEditing, QWidget):
    """The editor of one meeting; ``load(meeting_id)`` shows it."""

    back_requested = Signal()
    minutes_requested = Signal(str)  # meeting id

    def __init__(self, ws: Workspace, bus: ChangeBus, parent: QWidget | None = None,
                 side_later: bool = False) -> None:
        super().__init__(parent)
        self.ws = ws
        self.bus = bus
        self.meeting_id: str | None = None
        self._select_after_reload: str | None = None
        self._date_timer = QTimer(self, singleShot=True, interval=700)
        self._date_timer.timeout.connect(self._save_date)
        self._side_built = False
        self._build()
        if not side_later:  # (MeetingsView makes it in a pause of its own: warm_steps)
            self._build_side()
        self.live = Follow(self, bus, "meeting editor", self._on_changed, WATCH, own_edits=True)

    # -- layout -------------------------------------------------------------------
    def _build(self) -> None:
        # Top-down: the scroll area and its page hang in the editor before they are filled.
        # Under the app's stylesheet every reparenting re-styles the whole subtree that
        # moves, so a finished page set in place at the end was styled again per level.
        layout = QVBoxLayout(self)
        # One row when it fits; at large text "back" above the other two (no sideways scroll).
        self.top = top = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        layout.addLayout(top)
        self.scroll_area = scroll = QScrollArea()
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no nameless Tab stop: its fields are
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout.addWidget(scroll, 1)
        body = QWidget()
        scroll_body(scroll, body)
        body_layout = QVBoxLayout(body)
        self.heading = label("", "heading")
        self.back_button = button(_("← Alle vergaderingen"), self.back_requested.emit)
        self.minutes_button = button(
            _("Notuleren"),
            self._start_minutes,
            role="big",
            tip=_(
                "Tijdens de vergadering: aantekeningen, besluiten en actiepunten per agendapunt."
            ),
        )
        top.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        actions = QHBoxLayout()
        actions.addStretch(1)
        top.addLayout(actions, 1)
        self.send_button = button(
            _("Agenda versturen"), self.show_send_box, role="primary",
            tip=_("Naar onderaan: de uitnodiging met agenda maken, afdrukken of mailen."))
        actions.addWidget(self.send_button)
        actions.addWidget(self.minutes_button)

        # Each group joins the page as it is made, in the order Tab walks them.
        self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        body_layout.addWidget(self.heading)
        body_layout.addLayout(self.columns, 1)
        self.columns.addWidget(self._build_agenda_box(body), 3)
        # The side column and the foot ("Agenda versturen", the presence list) may be
        # made in pauses of their own (warm_steps), or as the first meeting loads: building
        # the whole page at once froze the window for 45-80 ms while it started.
        self._body, self._body_layout = body, body_layout
        self._send_box: SendAgendaBox | None = None
        self._presence_box: PresenceListBox | None = None

    def _build_side(self) -> None:
        """When and where, the roles and the invitees, beside the agenda (made once)."""
        if self._side_built:
            return
        self._side_built = True
        body = self._body
        side = QVBoxLayout()
        self.columns.addLayout(side, 2)

        when_box = QGroupBox(_("Wanneer en waar"), body)
        side.addWidget(when_box)
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName(_("Titel van de vergadering"))
        self.title_edit.editingFinished.connect(self._save_title)
        self.when_edit = date_time_edit(dt.datetime.now(), _("Datum en tijd van de vergadering"))
        self.when_edit.dateTimeChanged.connect(lambda _v: self._date_timer.start())
        self.when_edit.editingFinished.connect(self._save_date)
        self.place_edit = QLineEdit()
        self.place_edit.setAccessibleName(_("Plaats van de vergadering"))
        self.place_edit.setPlaceholderText(_("Bijvoorbeeld: Buurthuis De Baandert"))
        self.place_edit.editingFinished.connect(self._save_place)
        self.form_error = label("", "error")
        self.form_error.hide()
        form = QFormLayout(when_box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # labels above fields
        form.addRow(_("Titel:"), self.title_edit)
        form.addRow(_("Datum en tijd:"), self.when_edit)
        form.addRow(_("Plaats:"), self.place_edit)
        self.roles = MeetingRoles(self.ws, form, when_box)  # voorzitter, notulist
        form.addRow(self.form_error)
        form.addRow(label(_("Alles wordt meteen bewaard."), "hint"))

        people_box = QGroupBox(_("Genodigden"), body)
        side.addWidget(people_box, 1)
        people_layout = QVBoxLayout(people_box)
        people_layout.addWidget(label(_("Vink aan wie er uitgenodigd is."), "hint"))
        self.invitees = QListWidget(people_box)
        self.invitees.setAccessibleName(_("Genodigden: vink aan wie uitgenodigd is"))
        self.invitees.itemChanged.connect(self._invitee_toggled)
        self.invitees.setWordWrap(True)
        self.invitees.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.invitees.setMinimumHeight(self.fontMetrics().lineSpacing() * 5)
        people_layout.addWidget(self.invitees, 1)
        self.new_person = QLineEdit(people_box)
        self.new_person.setAccessibleName(_("Naam van een andere persoon"))
        self.new_person.setPlaceholderText(_("Naam van iemand anders"))
        self.new_person.returnPressed.connect(self._invite_new)
        invite_row = QHBoxLayout()
        people_layout.addLayout(invite_row)
        invite_row.addWidget(self.new_person, 1)
        invite_row.addWidget(button(_("Uitnodigen"), self._invite_new))

    def __getattr__(self, name: str) -> object:
        """A field of the side column asked for before it was made: made now."""
        if name in _SIDE_FIELDS and not self.__dict__.get("_side_built", True):
            self._build_side()
            return getattr(self, name)
        raise AttributeError(name)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        self._build_side()  # shown before a meeting loads: the page is whole
        super().showEvent(event)

    def warm_steps(self) -> list[Callable[[], object]]:
        """What :class:`ui.warmup.ViewWarmer` may make in later pauses, in Tab order."""
        return [self._build_side, self._make_foot]

    def _make_foot(self) -> None:
        if self._send_box is not None:
            return
        self._build_side()  # above the foot, also in the order Tab walks the page
        self._send_box = SendAgendaBox(self.ws, self._body)
        self._body_layout.addWidget(self._send_box)
        self._presence_box = PresenceListBox(self.ws, self._body)
        self._body_layout.addWidget(self._presence_box)
        if self.meeting_id:
            self._send_box.set_meeting(self.meeting_id)
            self._presence_box.set_meeting(self.meeting_id)

    @property
    def send_box(self) -> SendAgendaBox:
        """"Agenda versturen" at the foot of the page (made now when not there yet)."""
        self._make_foot()
        assert self._send_box is not None
        return self._send_box

    @property
    def presence_box(self) -> PresenceListBox:
        """The presence list at the foot of the page (made now when not there yet)."""
        self._make_foot()
        assert self._presence_box is not None
        return self._presence_box

    def show_send_box(self) -> None:
        """Scroll to "Agenda versturen" and put the focus on "PDF maken"."""
        self.flush()
        self.scroll_area.ensureWidgetVisible(self.send_box)
        self.send_box.agenda.buttons["save"].setFocus()

    def resizeEvent(self, event: object) -> None:  # noqa: N802
        """Side by side when there is room, stacked when the text is large or the window small."""
        narrow = self.width() < self.fontMetrics().averageCharWidth() * 120
        direction = QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight
        if self.columns.direction() != direction:
            self.columns.setDirection(direction)
        buttons = (self.back_button, self.send_button, self.minutes_button)
        row = sum(b.sizeHint().width() for b in buttons) + 4 * max(0, self.top.spacing()) + 40
        direction = (QBoxLayout.Direction.TopToBottom if self.width() < row
                     else QBoxLayout.Direction.LeftToRight)
        if self.top.direction() != direction:
            self.top.setDirection(direction)
        super().resizeEvent(event)  # type: ignore[arg-type]

    def load(self, meeting_id: str, select_item: str | None = None) -> None:
        """Show one meeting (and select an agenda item)."""
        self._build_side()
        if self.meeting_id != meeting_id:
            self.undo_bar.hide()
            self.form_error.hide()
        self.meeting_id = meeting_id
        self.live.pending = None  # everything is loaded fresh below
        self.send_box.set_meeting(meeting_id)
        self.presence_box.set_meeting(meeting_id)
        self._select_after_reload = select_item
        self._load_form()
        self._load_invitees()
        self._load_agenda()

    def meeting(self) -> Meeting | None:
        """The meeting shown, or ``None`` when it is gone."""
        if not self.meeting_id:
            return None
        try:
            return self.ws.meetings.get(self.meeting_id)
        except NotFoundError:
            return None

    def _load_form(self, force: bool = True) -> None:
        meeting = self.meeting()
        if meeting is None:
            return
        heading = _("Vergadering van {when}").format(when=date_time_label(meeting.starts_at))
        if meeting.status != "planned":
            heading += f" ({meeting_status_label(meeting.status)})"
        self.heading.setText(heading)
        if force or not self.title_edit.hasFocus():
            self.title_edit.setText(meeting.title)
            self.title_edit.setCursorPosition(0)
        if force or not self.place_edit.hasFocus():
            self.place_edit.setText(meeting.place)
            self.place_edit.setCursorPosition(0)
        if (force or not self.when_edit.hasFocus()) and not self._date_timer.isActive():
            self.when_edit.blockSignals(True)
            set_qdatetime(self.when_edit, meeting.start)
            self.when_edit.blockSignals(False)
        self.roles.load(meeting)

    def _load_invitees(self) -> None:
        if not self.meeting_id:
            return
        invited = {a.person_id for a in self.ws.meetings.attendance(self.meeting_id)}
        meeting = self.meeting()
        if meeting is not None:  # a new or renamed person is a choice for chair too
            self.roles.load(meeting)
        people = self.ws.contacts.all()
        # Board members first, then the people already invited, then everyone else.
        people.sort(key=lambda p: (not p.board_member, p.id not in invited, p.name.casefold()))
        self.invitees.blockSignals(True)
        self.invitees.clear()
        for person in people:
            text = person.name + (_(" (bestuur)") if person.board_member else "")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = person.id in invited
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.invitees.addItem(item)
        self.invitees.blockSignals(False)

    def refresh(self, changes: Changes | None = None) -> None:
        """Reload what ``changes`` touched (everything for ``None``)."""
        if changes is None or changes.touches(MEETINGS):
            self._load_form(force=changes is None)
        if changes is None or changes.touches(ATTENDANCE, PEOPLE):
            self._load_invitees()
        if changes is None or changes.touches(AGENDA_ITEMS):
            self._load_agenda()

    def _on_changed(self, changes: Changes | None) -> None:
        if self.meeting_id:
            self.refresh(changes)

    # -- meeting fields ---------------------------------------------------------------
    def _save_title(self) -> None:
        meeting = self.meeting()
        text = self.title_edit.text()
        if meeting is None or text.strip() == meeting.title:
            return
        problem = required_problem(text, _("een titel voor de vergadering"))
        if problem:
            self.form_error.setText(problem + " " + _("De oude titel blijft staan."))
            self.form_error.show()
            return
        self.form_error.hide()
        meeting_ops.update_meeting(self, meeting.id, title=text.strip()).run()

    def _save_place(self) -> None:
        meeting = self.meeting()
        if meeting is None or self.place_edit.text() == meeting.place:
            return
        meeting_ops.update_meeting(self, meeting.id, place=self.place_edit.text()).run()

    def _save_date(self) -> None:
        self._date_timer.stop()
        meeting = self.meeting()
        if meeting is None:
            return
        value = read_qdatetime(self.when_edit)
        if value == meeting.start:
            return
        meeting_ops.update_meeting(self, meeting.id, starts_at=value).run()

    def flush(self) -> None:
        """Save a pending date change (before leaving or closing)."""
        if self._date_timer.isActive():
            self._save_date()

    def hideEvent(self, event: object) -> None:  # noqa: N802
        self.flush()
        super().hideEvent(event)  # type: ignore[arg-type]

    # -- invitees ------------------------------------------------------------------------
    def _invitee_toggled(self, item: QListWidgetItem) -> None:
        if not self.meeting_id:
            return
        person_id = item.data(Qt.ItemDataRole.UserRole)
        if item.checkState() == Qt.CheckState.Checked:
            meeting_ops.set_attendance(self, self.meeting_id, person_id, "invited").run()
        else:
            meeting_ops.remove_invitee(self, self.meeting_id, person_id).run()

    def _invite_new(self) -> None:
        name = self.new_person.text()
        if not self.meeting_id or not name.strip():
            return
        self.new_person.clear()
        meeting_ops.invite_new_person(self, self.meeting_id, name).run()

    # -- agenda ------------------------------------------------------------------------
    def add_item(self) -> None:
        """Ask for a new topic and add it before Rondvraag."""
        if not self.meeting_id:
            return
        dialog = AgendaItemDialog(None, self, goals=self.ws.goals.all())
        if dialog.exec() != AgendaItemDialog.DialogCode.Accepted:
            return
        values = dialog.values()
        title = values.pop("title")
        agenda_ops.add_item(self, self.meeting_id, title, **values).success(
            lambda changes: self._after_reload(changes.id) if changes.id else None
        ).run()

    def edit_selected(self) -> None:
        """Edit the selected item in a dialog."""
        item_id = self.selected_item_id()
        if not item_id:
            return
        dialog = AgendaItemDialog(self.ws.agenda.get(item_id), self, goals=self.ws.goals.all())
        if dialog.exec() == AgendaItemDialog.DialogCode.Accepted:
            agenda_ops.update_item(self, item_id, **dialog.values()).run()

    def _start_minutes(self) -> None:
        self.flush()
        if self.meeting_id:
            self.minutes_requested.emit(self.meeting_id)
