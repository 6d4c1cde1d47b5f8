"""In the room: the chair's clock and the presentatiescherm, as a bar in minutes mode.

:class:`RoomBar` sits under the heading of minutes mode. It only listens to minutes mode
(its ``step_shown`` and ``meeting_closed`` signals, the notes editor's ``textChanged``)
and to the app's change bus, so minutes mode itself stays small:

* the clock line: time on the current item against its planned minutes, the meeting's
  running total against the plan, a quiet colour (and a word) when an item runs over,
  "Klok pauzeren/starten"; the time is stored on the items every 30 seconds and at each
  item change, so it survives a crash and reaches the verslag;
* "Op het scherm tonen" (F5) opens the :class:`~ui.views.projector.ProjectorWindow`; while
  it is open: "Zwart scherm" (Ctrl+B), "Klok op het scherm", "Notities meetonen" and
  "Scherm sluiten" (Shift+F5). Ctrl+Page Down / Ctrl+Page Up go to the next / previous item.

The projector shows text as saved in the core; the notes only with "Notities meetonen".
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QVBoxLayout, QWidget
from shiboken6 import isValid

from wijkapp.changes import Changes
from wijkapp.errors import NotFoundError
from wijkapp.i18n import _
from wijkapp.meeting_clock import (
    ALMOST,
    ITEM_TIMES_SETTING,
    OVER,
    ClockReading,
    MeetingClock,
    clock_text,
)
from wijkapp.timeutil import today

from ..operations import room as room_ops
from ..style import set_role
from .flow_layout import FlowLayout
from .meeting_widgets import button, label
from .projector import ProjectorWindow
from .projector_content import (
    ATTENDANCE_STEP,
    DURING,
    ProjectorContent,
    clock_line,
    planned_label,
    projector_content,
)
from .residents import ResidentsBox

if TYPE_CHECKING:
    from .minutes import MinutesView

TICK_MS = 1000
SAVE_EVERY_MS = 30_000
_PROJECTOR_KINDS = ("meetings", "agenda_items", "decisions", "actions", "action_reviews",
                    "boards", "attendance")

#: The room's keys; Help → Sneltoetsen lists them (see ui.shortcuts).
SHOW_KEYS = "F5"
CLOSE_KEYS = "Shift+F5"
BLANK_KEYS = "Ctrl+B"
NEXT_KEYS = "Ctrl+PgDown"
PREVIOUS_KEYS = "Ctrl+PgUp"


def item_clock_label(reading: ClockReading) -> str:
    """``Dit punt: 4:10 van 10 min.`` — with "bijna om" or "over de tijd"."""
    if reading.item_id is None:
        return _("Dit punt: —")
    spent = clock_text(reading.item_seconds)
    if reading.item_planned is None:
        return _("Dit punt: {spent}").format(spent=spent)
    text = _("Dit punt: {spent} van {planned}").format(
        spent=spent, planned=planned_label(reading.item_planned))
    if reading.item_status == OVER:
        text += " — " + _("over de tijd")
    elif reading.item_status == ALMOST:
        text += " — " + _("bijna om")
    return text


def total_clock_label(reading: ClockReading) -> str:
    """``Hele vergadering: 45:10 van 1 uur 30 min.``"""
    spent = clock_text(reading.total_seconds)
    if reading.total_planned is None:
        return _("Hele vergadering: {spent}").format(spent=spent)
    text = _("Hele vergadering: {spent} van {planned}").format(
        spent=spent, planned=planned_label(reading.total_planned))
    if reading.total_status == OVER:
        text += " — " + _("over de tijd")
    return text


def status_role(status: str) -> str:
    """The stylesheet role that colours a clock label (quiet: colour, no sound)."""
    return {ALMOST: "clock-almost", OVER: "clock-over"}.get(status, "clock")


CLOCK_STYLE = (
    'QLabel[role="clock"] { padding: 2px 8px; font-weight: bold; }'
    ' QLabel[role="clock-almost"] { padding: 2px 8px; font-weight: bold;'
    ' background: #ffe08a; border-radius: 4px; }'
    ' QLabel[role="clock-over"] { padding: 2px 8px; font-weight: bold; color: white;'
    ' background: #b00020; border-radius: 4px; }'
)


class RoomBar(QWidget):
    """The clock and projector controls of one :class:`~ui.views.minutes.MinutesView`."""

    def __init__(self, view: MinutesView, now: Callable[[], float] = time.monotonic) -> None:
        super().__init__(view)
        self.view = view
        self.ws = view.ws
        self.now_source = now  # seconds; tests inject their own clock
        self.meeting_id: str | None = None
        self.step: str | None = None
        self.clock: MeetingClock | None = None
        self.projector: ProjectorWindow | None = None
        self._content: ProjectorContent | None = None
        self.on_second_screen = False
        self.residents = ResidentsBox(self.ws, view.bus)
        self._build()
        self._tick = QTimer(self, interval=TICK_MS)
        self._tick.timeout.connect(self.tick)
        self._saver = QTimer(self, interval=SAVE_EVERY_MS)
        self._saver.timeout.connect(self.save_clock)
        self.shortcuts: dict[str, QShortcut] = {}
        for keys, slot in (
            (SHOW_KEYS, self.show_projector),
            (CLOSE_KEYS, self.close_projector),
            (BLANK_KEYS, self.toggle_blank),
            (NEXT_KEYS, lambda: self._step(+1)),
            (PREVIOUS_KEYS, lambda: self._step(-1)),
        ):
            shortcut = QShortcut(QKeySequence(keys), view)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
            self.shortcuts[keys] = shortcut
        view.step_shown.connect(self.follow_step)
        view.meeting_closed.connect(self._meeting_closed)
        view.notes.textChanged.connect(self._notes_typed)
        view.bus.changed.connect(self._on_changed)
        # A bound method: Qt drops the connection when this bar is destroyed.
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication)
        app.screenAdded.connect(self._screens_changed)

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.setStyleSheet(CLOCK_STYLE)
        self.show_button = button(
            _("Op het scherm tonen (F5)"), self.show_projector, name=_("Op het scherm tonen"),
            tip=_("Toont de agenda, het punt van nu en de besluiten groot op de beamer."))
        self.item_clock = label("", "clock")
        self.item_clock.setWordWrap(False)
        self.item_clock.setAccessibleName(_("Tijd bij dit punt"))
        self.total_clock = label("", "clock")
        self.total_clock.setWordWrap(False)
        self.total_clock.setAccessibleName(_("Tijd van de hele vergadering"))
        self.clock_button = button(_("Klok starten"), self.toggle_clock,
                                   tip=_("De klok telt de tijd per agendapunt."))
        self.times_box = QCheckBox(_("Tijd per punt in het verslag"))
        self.times_box.setToolTip(_("Het verslag noemt dan bij elk punt hoe lang het duurde."))
        self.times_box.toggled.connect(self._times_toggled)
        clock_row = FlowLayout()
        for widget in (self.show_button, self.residents, self.item_clock, self.total_clock,
                       self.clock_button, self.times_box):
            clock_row.addWidget(widget)

        self.blank_button = button(_("Zwart (Ctrl+B)"), self.toggle_blank,
                                   name=_("Zwart scherm"),
                                   tip=_("Maakt het scherm zwart; nog eens drukken en het is terug."))
        self.blank_button.setCheckable(True)
        self.clock_on_screen = QCheckBox(_("Klok op het scherm"))
        self.clock_on_screen.toggled.connect(lambda _on: self._push_clock())
        self.notes_on_screen = QCheckBox(_("Notities meetonen"))
        self.notes_on_screen.setToolTip(
            _("Iedereen leest dan mee terwijl u typt. Anders toont het scherm alleen "
              "besluiten en actiepunten."))
        self.notes_on_screen.toggled.connect(lambda _on: self.refresh_projector())
        self.close_button = button(_("Scherm sluiten"), self.close_projector,
                                   tip=_("Sluit het presentatiescherm (Shift+F5)."))
        self.screen_hint = label("", "hint")
        projector_row = FlowLayout()
        for widget in (self.blank_button, self.clock_on_screen, self.notes_on_screen,
                       self.close_button):
            projector_row.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(clock_row)
        layout.addLayout(projector_row)
        layout.addWidget(self.screen_hint)
        self._update_projector_controls()

    # -- following minutes mode ------------------------------------------------------------
    def follow_step(self, key: str) -> None:
        """Minutes mode shows step ``key``: move the clock and the projector along."""
        meeting_id = self.view.meeting_id
        if meeting_id != self.meeting_id:
            self._load_meeting(meeting_id)
        self.step = key or None
        if self.clock is not None:
            self.clock.switch_to(self.step)
            self.save_clock()
        on_attendance = key == ATTENDANCE_STEP
        if on_attendance and meeting_id:
            self.residents.load(meeting_id)
        self.residents.setVisible(on_attendance)  # counted while people come in
        self.item_clock.setVisible(not on_attendance)
        self.tick()
        self.refresh_projector()

    def _load_meeting(self, meeting_id: str | None) -> None:
        """A new meeting in minutes mode: store the old clock, start one for this meeting."""
        self.save_clock()
        self.meeting_id = meeting_id
        self.clock = None
        self._tick.stop()
        self._saver.stop()
        if not meeting_id:
            return
        try:
            meeting = self.ws.meetings.get(meeting_id)
        except NotFoundError:
            return
        self.clock = MeetingClock(self.ws.agenda.for_meeting(meeting_id), self.now_source)
        if meeting.status == "planned" and meeting.start.date() == today():
            self.clock.start()  # on the day itself the clock just runs
        self._tick.start()
        self._saver.start()
        self.times_box.blockSignals(True)
        self.times_box.setChecked(bool(self.ws.settings().get(ITEM_TIMES_SETTING)))
        self.times_box.blockSignals(False)

    def _meeting_closed(self, meeting_id: str) -> None:
        if self.clock is not None and meeting_id == self.meeting_id:
            self.clock.switch_to(None)
            self.clock.pause()
            self.save_clock()
        self.step = None
        self.tick()
        self.refresh_projector()

    def _on_changed(self, changes: Changes, source: object) -> None:
        if not self.meeting_id:
            return
        if changes.touches("agenda_items") and self.clock is not None:
            self.clock.reload(self.ws.agenda.for_meeting(self.meeting_id))
            self.tick()
        if changes.touches("boards"):
            self.times_box.blockSignals(True)
            self.times_box.setChecked(bool(self.ws.settings().get(ITEM_TIMES_SETTING)))
            self.times_box.blockSignals(False)
        if changes.touches(*_PROJECTOR_KINDS):
            self.refresh_projector()

    def _notes_typed(self) -> None:
        if self.notes_on_screen.isChecked():
            self.refresh_projector()

    def _step(self, delta: int) -> None:
        target = self.view.next_button if delta > 0 else self.view.prev_button
        if target.isEnabled():
            target.click()

    # -- the clock ---------------------------------------------------------------------------
    def tick(self) -> None:
        """Show the clock now (every second, and after each change)."""
        if self.clock is None:
            self.item_clock.setText("")
            self.total_clock.setText("")
            self.clock_button.setEnabled(False)
            return
        reading = self.clock.reading()
        self.item_clock.setText(item_clock_label(reading))
        set_role(self.item_clock, status_role(reading.item_status))
        self.total_clock.setText(total_clock_label(reading))
        set_role(self.total_clock, status_role(reading.total_status))
        self.clock_button.setEnabled(True)
        caption = _("Klok pauzeren") if reading.running else _("Klok starten")
        if self.clock_button.text() != caption:
            self.clock_button.setText(caption)
            self.clock_button.setAccessibleName(caption)
        if self.projector is not None and self.clock_on_screen.isChecked():
            self._push_clock()

    def toggle_clock(self) -> None:
        """Klok starten / Klok pauzeren."""
        if self.clock is None:
            return
        if self.clock.running:
            self.clock.pause()
            self.save_clock()
        else:
            self.clock.start()
        self.tick()

    def save_clock(self) -> None:
        """Store the time measured since the last save (in the background)."""
        if self.clock is None or not self.meeting_id:
            return
        measured = self.clock.take_unsaved()
        if measured:
            room_ops.save_clock_time(self.view, measured).run()

    def flush(self) -> None:
        """Store the clock now (the window is closing)."""
        self.save_clock()

    def hideEvent(self, event: object) -> None:  # noqa: N802
        self.save_clock()  # the clock keeps running while the secretary looks elsewhere
        super().hideEvent(event)  # type: ignore[arg-type]

    def _times_toggled(self, on: bool) -> None:
        room_ops.set_item_times_in_minutes(self.view, on).run()

    # -- the projector -------------------------------------------------------------------------
    def show_projector(self) -> None:
        """Open the presentatiescherm (or bring it forward when it is open)."""
        if self.projector is not None and isValid(self.projector):
            self.projector.raise_()
            self.refresh_projector()
            return
        window = self.view.window()
        projector = ProjectorWindow(window)
        projector.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        projector.next_requested.connect(lambda: self._step(+1))
        projector.previous_requested.connect(lambda: self._step(-1))
        projector.blank_toggled.connect(self._blank_changed)
        projector.closed.connect(self._projector_closed)
        self.projector = projector
        self.refresh_projector()
        self.on_second_screen = projector.place(window.screen())
        if self.on_second_screen:
            window.activateWindow()  # the secretary types on; the room reads on the beamer
        self._update_projector_controls()

    def _screens_changed(self, _screen: object = None) -> None:
        """A beamer plugged in while the window is open: move the projector there."""
        if self.projector is not None and not self.on_second_screen:
            self.on_second_screen = self.projector.place(self.view.window().screen())
            self._update_projector_controls()

    def close_projector(self) -> None:
        """Close the presentatiescherm."""
        if self.projector is not None:
            self.projector.close()

    def toggle_blank(self) -> None:
        """Black screen on or off (the room looks at the speaker)."""
        if self.projector is not None:
            self.projector.set_blank(not self.projector.blank)

    def _blank_changed(self, blank: bool) -> None:
        self.blank_button.setChecked(blank)

    def _projector_closed(self) -> None:
        self.projector = None
        self.on_second_screen = False
        self._update_projector_controls()

    def _update_projector_controls(self) -> None:
        is_open = self.projector is not None
        for widget in (self.blank_button, self.clock_on_screen, self.notes_on_screen,
                       self.close_button):
            widget.setVisible(is_open)
        if not is_open:
            self.blank_button.setChecked(False)
            self.screen_hint.setText("")
        elif self.on_second_screen:
            self.screen_hint.setText(_("Het presentatiescherm staat op het tweede scherm."))
        else:
            self.screen_hint.setText(
                _("Geen tweede scherm gevonden: sleep het venster naar de beamer en druk "
                  "daar op F11 (volledig scherm)."))
        self.screen_hint.setVisible(is_open)

    def refresh_projector(self) -> None:
        """Give the projector what it should show now (text as saved in the core)."""
        if self.projector is None or not self.meeting_id:
            return
        live = None
        if (self.notes_on_screen.isChecked() and self.step
                and self.step == self.view.item_id):
            live = self.view.notes.toPlainText()
        self._content = projector_content(self.ws, self.meeting_id, self.step, live_notes=live)
        self._push_clock()

    def _push_clock(self) -> None:
        """Put the clock on the projector's content (only when the chair wants it)."""
        if self.projector is None:
            return
        content = self._content
        if (content is not None and content.phase == DURING and self.clock is not None
                and self.clock_on_screen.isChecked()):
            reading = self.clock.reading()
            status = reading.item_status if reading.item_id else reading.total_status
            content = replace(content, clock=clock_line(reading), clock_status=status)
        self.projector.set_content(content)
