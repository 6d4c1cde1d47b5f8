"""Minutes mode ("Notuleren"): one screen per agenda item, used live during the meeting.

Notes are saved ~300 ms after the last keystroke and, while typing goes on, at the latest
one second after the first unsaved key (:class:`ui.autosave.AutoSaver`, the one autosave
mechanism of every editor); and at once on focus-out, on switching items, when the screen
hides and when the window closes (:meth:`MinutesView.flush`), so nothing typed is lost. Decisions and actions are added per item; the standard item
"Actiepunten van vorige vergaderingen" shows the open actions of earlier meetings.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from wijkapp.agenda import AgendaItem
from wijkapp.changes import (
    ACTION_REVIEWS,
    ACTIONS,
    AGENDA_ITEMS,
    ATTENDANCE,
    DECISIONS,
    MEETINGS,
    PEOPLE,
    Changes,
)
from wijkapp.errors import NotFoundError
from wijkapp.i18n import _
from wijkapp.workspace import Workspace

from ..autosave import AutoSaver, Snapshot
from ..bus import ChangeBus
from ..labels import (
    action_row_label,
    cell_text,
    date_time_label,
    kind_label,
    minutes_label,
    notes_counter_label,
)
from ..live import ANY, Follow
from ..one_paint import scroll_body
from ..operations import agenda as agenda_ops
from ..operations import meetings as meeting_ops
from ..operations.actions import add_action
from ..operations.base import CoreOp, error_sentence, show_failure
from ..operations.decisions import add_decision
from ..plainlang_editor import attach_plain_language, board_terms
from ..readability_meter import ReadabilityMeter
from .meeting_dialogs import ActionDialog, DecisionDialog
from .meeting_send import AfterCloseDialog
from .meeting_widgets import button, label
from .minutes_keys import install_minutes_keys
from .minutes_panels import AttendancePanel, CarriedOverPanel, NotesEdit
from .room_bar import RoomBar

SAVE_DELAY_MS = 300
SAVE_AT_LATEST_MS = 1000
ATTENDANCE_STEP = "attendance"
#: Widths (in average characters) below which minutes mode stacks: agenda above the notes,
#: and attendance choices under each name.
SIDE_BY_SIDE_CHARS = 90
ATTENDANCE_ROW_CHARS = 100
QWIDGETSIZE_MAX = (1 << 24) - 1
#: What minutes mode shows (everything of its meeting).
WATCH = {kind: ANY for kind in (MEETINGS, AGENDA_ITEMS, ATTENDANCE, PEOPLE, ACTIONS,
                                ACTION_REVIEWS, DECISIONS)}
ACTIONS_STEP = "carried-over"  # shown when the agenda has no "actions" item


class _TakesGivenHeight(QWidget):
    """A page that fills the height its scroll area gives it (the notes shrink to their
    minimum first), instead of its preferred height: so "Besluit toevoegen" and
    "Actiepunt toevoegen" stay in sight at 150 %."""

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return False


class MinutesView(QWidget):
    """Minute one meeting; ``load(meeting_id)`` shows it."""

    back_requested = Signal()
    meeting_closed = Signal(str)
    step_shown = Signal(str)  # the key of the step now shown (the room bar follows it)

    def __init__(self, ws: Workspace, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.bus = bus
        self.meeting_id: str | None = None
        self.item_id: str | None = None  # the item whose notes are in the editor
        self.after_close: AfterCloseDialog | None = None  # offered after closing
        self.saver = AutoSaver(self._collect_notes, self._save_notes, delay_ms=SAVE_DELAY_MS,
                               max_wait_ms=SAVE_AT_LATEST_MS, parent=self)
        self.saver.saved.connect(self._saved)
        self.saver.failed.connect(self._save_failed)
        self._build()
        # Own edits come through too: a decision or action added here must appear in the
        # lists; refresh() skips the ones the screen already shows (own notes, attendance).
        self.live = Follow(self, bus, "minutes", self._on_changed, WATCH, own_edits=True)
        self.room = RoomBar(self)  # the chair's clock and the presentatiescherm
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(2, self.room)

    # -- layout -------------------------------------------------------------------
    def _build(self) -> None:
        # Top-down: each part joins the screen as it is made, in the order Tab walks them.
        # Under the app's stylesheet every reparenting re-styles the whole subtree that
        # moves, so a finished tree set in place at the end was styled again per level.
        layout = QVBoxLayout(self)
        top = self.top = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        layout.addLayout(top)
        # Sub-heading size, not a page heading: at 150 % every line saved is a line more
        # of the notes box in sight while typing live.
        self.heading = label("", "subheading")
        layout.addWidget(self.heading)
        body = self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        layout.addLayout(body, 1)
        top.addWidget(button(_("← Terug naar voorbereiden"), self._back),
                      0, Qt.AlignmentFlag.AlignLeft)
        top.addStretch(1)
        self.export_button = button(
            _("Exporteren…"), self.show_export, name=_("Verslag of lijst exporteren"),
            tip=_("Verslag, besluitenlijst of actiepuntenlijst als PDF, of in Word."))
        self.close_button = button(_("Vergadering sluiten"), self.close_meeting, role="primary")
        finish = QHBoxLayout()
        top.addLayout(finish)
        finish.addStretch(1)
        finish.addWidget(self.export_button)
        finish.addWidget(self.close_button)

        self.steps = QListWidget(self)
        self.steps.setAccessibleName(_("Agendapunten om te notuleren"))
        self.steps.currentRowChanged.connect(self._show_step)
        self.steps.setWordWrap(True)
        self.steps.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.steps.setMinimumWidth(self.fontMetrics().averageCharWidth() * 22)
        body.addWidget(self.steps, 1)
        right = QVBoxLayout()
        body.addLayout(right, 3)
        self.pages = QStackedWidget(self)
        right.addWidget(self.pages, 1)
        attendance_scroll = QScrollArea(self.pages)  # many invitees at large text: it scrolls
        attendance_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the names
        attendance_scroll.setWidgetResizable(True)
        attendance_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.pages.addWidget(attendance_scroll)
        self.attendance = AttendancePanel(self.ws)
        scroll_body(attendance_scroll, self.attendance)
        scroll = QScrollArea(self.pages)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to its fields, not onto it
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.pages.addWidget(scroll)
        item_page = _TakesGivenHeight()
        scroll_body(scroll, item_page)
        item_layout = QVBoxLayout(item_page)

        self.item_title = label("", "subheading")
        item_layout.addWidget(self.item_title)
        self.item_info = label("", "hint")
        item_layout.addWidget(self.item_info)
        self.carried = CarriedOverPanel(self.ws, item_page)
        item_layout.addWidget(self.carried)  # only shown on "Actiepunten van vorige vergaderingen"
        self.notes_label = label(_("Aantekeningen (worden meteen bewaard):"), "subheading")
        item_layout.addWidget(self.notes_label)
        self.notes = NotesEdit(item_page)
        self.notes.setAccessibleName(_("Aantekeningen bij dit agendapunt"))
        self.notes.setPlaceholderText(_("Typ hier wat er besproken wordt."))
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)  # grows when room
        self.notes.textChanged.connect(self._notes_changed)
        self.notes.focus_lost.connect(self.flush)
        item_layout.addWidget(self.notes, 1)
        actions_row = QHBoxLayout()
        item_layout.addLayout(actions_row)  # right under the notes: in sight at 150 %
        self.decision_button = button(_("Besluit toevoegen"), self.add_decision, role="primary")
        self.action_button = button(_("Actiepunt toevoegen"), self.add_action, role="primary")
        self.keys = install_minutes_keys(self, self.decision_button, self.action_button)
        actions_row.addWidget(self.decision_button)
        actions_row.addWidget(self.action_button)
        actions_row.addStretch(1)
        self.notes_meter = ReadabilityMeter(item_page)
        self.notes_highlighter = attach_plain_language(
            self.notes, self.notes_meter, board_terms(self.ws)
        )
        item_layout.addWidget(self.notes_meter)
        self.saved_label = label("", "hint")
        item_layout.addWidget(self.saved_label)
        self.outcomes_label = label(_("Besloten en afgesproken bij dit punt:"), "subheading")
        item_layout.addWidget(self.outcomes_label)
        self.outcomes = QListWidget(item_page)
        self.outcomes.setAccessibleName(_("Besluiten en actiepunten bij dit punt"))
        self.outcomes.setWordWrap(True)
        self.outcomes.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.outcomes.setMaximumHeight(self.fontMetrics().lineSpacing() * 7)
        item_layout.addWidget(self.outcomes)

        nav = QHBoxLayout()
        right.addLayout(nav)
        self.prev_button = button(_("← Vorig punt"), lambda: self._step(-1))
        self.next_button = button(_("Volgend punt →"), lambda: self._step(1), role="primary")
        nav.addWidget(self.prev_button)
        nav.addStretch(1)
        nav.addWidget(self.next_button)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.arrange()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        """Minutes mode takes the height it is given (its notes and lists scroll inside), so
        the window's page does not scroll "Volgend punt" out of sight at 150 %."""
        return False

    def arrange(self) -> None:
        """At large text on a laptop: the buttons at the top on two lines, the agenda above
        the notes instead of beside them, the attendance choices under each name — so
        nothing is cut off at the right and nothing scrolls sideways."""
        width = self.width()
        spacing = self.top.spacing()
        items = [self.top.itemAt(i) for i in range(self.top.count())]
        top_needs = sum(item.minimumSize().width() + spacing for item in items if item is not None)
        self.top.setDirection(QBoxLayout.Direction.TopToBottom if top_needs > width
                              else QBoxLayout.Direction.LeftToRight)
        chars = self.fontMetrics().averageCharWidth()
        side = width >= chars * SIDE_BY_SIDE_CHARS
        self.body.setDirection(QBoxLayout.Direction.LeftToRight if side
                               else QBoxLayout.Direction.TopToBottom)
        self.steps.setMaximumHeight(QWIDGETSIZE_MAX if side
                                    else self.fontMetrics().lineSpacing() * 5)
        self.steps.setMinimumWidth(chars * 22 if side else 0)
        self.attendance.set_stacked(width < chars * ATTENDANCE_ROW_CHARS)

    # -- loading ------------------------------------------------------------------------
    def load(self, meeting_id: str, select_item: str | None = None) -> None:
        """Minute this meeting, starting at attendance (or at ``select_item``)."""
        self.flush()
        self.meeting_id = meeting_id
        self.item_id = None
        self.live.pending = None  # everything is loaded fresh below
        self._load_steps(select_item or ATTENDANCE_STEP)

    def _load_steps(self, select: str | None) -> None:
        if not self.meeting_id:
            return
        if not self._load_heading():
            self.back_requested.emit()
            return
        items = self.ws.agenda.for_meeting(self.meeting_id)
        self.steps.blockSignals(True)
        self.steps.clear()
        self._add_step(_("Wie is er?"), ATTENDANCE_STEP)
        for number, item in enumerate(items, start=1):
            self._add_step(f"{number}. {item.title}", item.id)
        if not any(item.standard == "actions" for item in items):
            self._add_step(_("Actiepunten van vorige vergaderingen"), ACTIONS_STEP)
        row = next((r for r in range(self.steps.count()) if self._step_key(r) == select), 0)
        self.steps.setCurrentRow(row)
        self.steps.blockSignals(False)
        self._show_step(row)

    def _load_heading(self) -> bool:
        """Show the meeting's title and date; ``False`` when the meeting is gone."""
        try:
            meeting = self.ws.meetings.get(self.meeting_id or "")
        except NotFoundError:
            return False
        self.heading.setText(
            _("Notuleren: {title}, {when}").format(
                title=meeting.title, when=date_time_label(meeting.starts_at)
            )
        )
        held = meeting.status == "held"
        self.close_button.setEnabled(not held)
        self.close_button.setToolTip(_("Deze vergadering is al gesloten.") if held else "")
        return True

    def _add_step(self, text: str, key: str) -> None:
        entry = QListWidgetItem(text)
        entry.setData(Qt.ItemDataRole.UserRole, key)
        self.steps.addItem(entry)

    def _step_key(self, row: int) -> str | None:
        entry = self.steps.item(row)
        return entry.data(Qt.ItemDataRole.UserRole) if entry else None

    def current_step(self) -> str | None:
        """The key of the step shown: an agenda item id, ``attendance`` or ``carried-over``."""
        return self._step_key(self.steps.currentRow())

    def select_step(self, key: str) -> None:
        """Show a step by key."""
        for row in range(self.steps.count()):
            if self._step_key(row) == key:
                self.steps.setCurrentRow(row)
                return

    def _show_step(self, row: int) -> None:
        self.flush()
        key = self._step_key(row)
        self.prev_button.setEnabled(row > 0)
        self.next_button.setEnabled(row < self.steps.count() - 1)
        if key is None or not self.meeting_id:
            return
        if key == ATTENDANCE_STEP:
            self.item_id = None
            self.attendance.load(self.meeting_id)
            self.pages.setCurrentIndex(0)
            self.step_shown.emit(key)
            return
        self.pages.setCurrentIndex(1)
        item = None if key == ACTIONS_STEP else self._item(key)
        self._show_item(item)
        self.step_shown.emit(key)

    def _item(self, item_id: str) -> AgendaItem | None:
        try:
            return self.ws.agenda.get(item_id)
        except NotFoundError:
            return None

    def _show_item(self, item: AgendaItem | None) -> None:
        same = item is not None and item.id == self.item_id
        self.item_id = item.id if item else None
        has_notes = item is not None
        for widget in (self.notes_label, self.notes, self.saved_label):
            widget.setVisible(has_notes)
        if item is None:
            self.item_title.setText(_("Actiepunten van vorige vergaderingen"))
            self.item_info.setText("")
        else:
            self.item_title.setText(self.steps.currentItem().text())
            info = [kind_label(item.kind), item.presenter, minutes_label(item.planned_minutes)]
            self.item_info.setText(" · ".join(p for p in info if p))
            if not same:  # never replace what is on screen with an older copy
                unconfirmed = self.saver.unconfirmed(item.id)
                text = unconfirmed["notes"] if unconfirmed else item.notes
                self.notes.blockSignals(True)
                self.notes.setPlainText(text)
                self.notes.blockSignals(False)
                self.notes_highlighter.analyse_now()  # the meter fits the item at once
                self.saved_label.setText(notes_counter_label(text))
        show_carried = item is None or item.standard == "actions"
        self.carried.setVisible(show_carried)
        if show_carried and self.meeting_id:
            self.carried.load(self.meeting_id)
        self._load_outcomes()

    def _load_outcomes(self) -> None:
        self.outcomes.clear()
        if not self.meeting_id:
            return
        decisions = self.ws.decisions.for_meeting(self.meeting_id)
        actions = self.ws.actions.for_meeting(self.meeting_id)
        for decision in decisions:
            if decision.agenda_item_id == self.item_id:
                self.outcomes.addItem(
                    _("Besluit {number}: {text}").format(number=decision.number,
                                                         text=cell_text(decision.text))
                )
        for action in actions:
            if action.agenda_item_id == self.item_id:
                row = action_row_label(cell_text(action.what), action.owner_name,
                                       action.due_date, 0)
                self.outcomes.addItem(_("Actiepunt: {row}").format(row=row))
        if not self.outcomes.count():
            self.outcomes.addItem(_("Nog niets."))

    def _step(self, delta: int) -> None:
        row = self.steps.currentRow() + delta
        if 0 <= row < self.steps.count():
            self.steps.setCurrentRow(row)

    # -- notes ---------------------------------------------------------------------------
    def _notes_changed(self) -> None:
        if self.item_id is None:
            return
        self.saved_label.setText(_("Bezig met bewaren…"))
        self.saver.touch()

    def flush(self) -> None:
        """Save the notes now if anything is unsaved (safe to call any time)."""
        self.saver.flush()

    def _collect_notes(self) -> Snapshot | None:
        if self.item_id is None:
            return None
        return Snapshot(self.item_id, {"notes": self.notes.toPlainText()})

    def _save_notes(self, item_id: str | None, values: dict[str, str]) -> CoreOp:
        return agenda_ops.save_notes(self, item_id or "", values["notes"])

    def _saved(self, item_id: str, _record_id: object, _changes: object) -> None:
        if item_id == self.item_id and not self.saver.pending:
            self.saved_label.setText(notes_counter_label(self.notes.toPlainText()))

    def _save_failed(self, item_id: str, error: BaseException) -> None:
        if item_id == self.item_id:
            self.saver.mark_unsaved()  # keep the text; the next keystroke or focus-out retries
            self.saved_label.setText(
                _("Niet bewaard! Uw tekst staat er nog; probeer het zo opnieuw.")
                + " " + error_sentence(error)
            )
        else:
            show_failure(self, error)

    def hideEvent(self, event: object) -> None:  # noqa: N802
        self.flush()
        super().hideEvent(event)  # type: ignore[arg-type]

    # -- decisions and actions -------------------------------------------------------------
    def add_decision(self) -> None:
        """Ask for a decision under the current item."""
        if not self.meeting_id:
            return
        self.flush()
        dialog = DecisionDialog(self.item_title.text(), self)
        if dialog.exec() == DecisionDialog.DialogCode.Accepted:
            add_decision(self, self.meeting_id, dialog.text(), agenda_item_id=self.item_id).run()

    def add_action(self) -> None:
        """Ask who does what by when, under the current item."""
        if not self.meeting_id:
            return
        self.flush()
        dialog = ActionDialog(self.ws.contacts.all(), self, goals=self.ws.goals.all())
        if dialog.exec() == ActionDialog.DialogCode.Accepted:
            values = dialog.values()
            add_action(
                self,
                self.meeting_id,
                values["what"],
                owner_id=values["owner_id"],
                due_date=values["due_date"],
                agenda_item_id=self.item_id,
                goal_id=values["goal_id"],
            ).run()

    # -- closing ---------------------------------------------------------------------------
    def ask_to_close(self) -> bool:
        """Ask before closing the meeting (tests replace this)."""
        box = QMessageBox(self)
        box.setWindowTitle(_("Vergadering sluiten"))
        box.setText(_("Is de vergadering afgelopen? Wijkapp noteert de sluitingstijd."))
        box.setInformativeText(_("U kunt de aantekeningen daarna nog aanvullen."))
        yes = box.addButton(_("Ja, sluiten"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(_("Nee, verder notuleren"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is yes

    def close_meeting(self) -> None:
        """Mark the meeting held with the closing time, after asking."""
        if not self.meeting_id or not self.ask_to_close():
            return
        self.flush()
        meeting_id = self.meeting_id
        meeting_ops.close_meeting(self, meeting_id).success(
            lambda _c: self._closed(meeting_id)
        ).run()

    def _closed(self, meeting_id: str) -> None:
        """Back to the list, with "Verslag maken" and "Actiepuntenlijst versturen" offered."""
        self.meeting_closed.emit(meeting_id)
        self.after_close = AfterCloseDialog(self.ws, meeting_id, self.window())
        self.after_close.open()

    def show_export(self) -> None:
        """The export dialog, set to this meeting's verslag."""
        from ..exporting import open_export_dialog

        self.flush()
        open_export_dialog(self.window(), self.ws, fmt="minutes", meeting_id=self.meeting_id)

    def _back(self) -> None:
        self.flush()
        self.back_requested.emit()

    # -- refresh ----------------------------------------------------------------------------
    def refresh(self, changes: Changes | None = None, source: object = None) -> None:
        """Reload what ``changes`` touched; never throws away unsaved typing."""
        if not self.meeting_id:
            return
        if changes is None or (changes.touches(AGENDA_ITEMS) and source is not self):
            self._reload_keep_notes(self.current_step())
            return
        if changes.touches(MEETINGS):
            self._load_heading()
        if (
            changes.touches(ATTENDANCE, PEOPLE)
            and self.pages.currentIndex() == 0
            and source is not self.attendance  # the ticked radio already shows it
        ):
            self.attendance.load(self.meeting_id)
        if changes.touches(ACTIONS, ACTION_REVIEWS) and self.carried.isVisible():
            self.carried.load(self.meeting_id)
        if changes.touches(DECISIONS, ACTIONS):
            self._load_outcomes()

    def _reload_keep_notes(self, key: str | None) -> None:
        """Rebuild the steps without throwing away unsaved typing."""
        self.flush()
        self._load_steps(key)

    def _on_changed(self, changes: Changes | None) -> None:
        self.refresh(changes, self.live.last_source)
