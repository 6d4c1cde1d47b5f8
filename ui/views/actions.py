"""Actiepunten: every open action, late ones first in red with the words "te laat".

Filter by person and by meeting, mark done, postpone four weeks (counted: "2× uitgesteld"),
and edit wat / wie / klaar vóór / doel in the editor under the list (saved by itself).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from wijkapp.actions import Action
from wijkapp.changes import ACTIONS, GOALS, MEETINGS, PEOPLE, Changes
from wijkapp.i18n import N_, _, ngettext
from wijkapp.timeutil import today
from wijkapp.workspace import Workspace

from ..bus import ChangeBus
from ..labels import Row, action_row, meeting_label, required_text_problem
from ..live import ANY, Follow, in_background
from ..models.records import RowRef
from ..operations.actions import (
    add_action,
    mark_action_done,
    postpone_action,
    reopen_action,
    update_action,
)
from ..operations.base import CoreOp
from ..style import set_role
from .flow_layout import FlowLayout
from .meeting_dialogs import GoalCombo
from .meeting_widgets import button
from .record_panel import RecordPanel
from .widgets import DateField, PersonCombo, heading, hint, refill_combo, show_problem

#: What the list, its filters and the editor show.
WATCH = {
    ACTIONS: ANY,
    PEOPLE: ("name",),
    MEETINGS: ("title", "starts_at"),
    GOALS: ("title", "building_block", "area_id"),
}
_NO_MEETING = "__none__"
#: (people, meeting entries, goals) for the filters and the editor's choices.
Choices = tuple[list[tuple[str, str]], list[tuple[str, str]], list[Any]]


class ActionsView(RecordPanel):
    """The action list with filters, and the editor under it; see the module docstring.

    A :class:`RecordPanel` like the other follow-up screens: selection, new records,
    autosave and keeping the selection across refreshes come from there.
    """

    nav_title = N_("Actiepunten")
    kind = ACTIONS
    new_title = N_("Nieuw actiepunt")
    item_title = N_("Actiepunt")
    empty_text = N_("Kies links een actiepunt, of maak een nieuw actiepunt.")
    stacked = True  # five columns: the editor goes under the list

    def __init__(self, ws: Workspace, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(ws, [_("Wat"), _("Wie"), _("Klaar vóór"), _("Stand"), _("Vergadering")],
                         _("Lijst met actiepunten"), _("&Nieuw actiepunt"), parent, keep=(2, 3))
        self.bus = bus
        self.filters: tuple[Any, Any, bool] = (None, None, False)
        self._quiet_filters = False  # the filters' choices are refilled, not chosen
        self._choices_due = False  # the next background fill makes the choices too
        self._labels: dict[str, str] = {}  # meeting labels of the rows being made
        self._day = today()
        self._build_top()
        self._build_buttons()
        self._build_editor()
        # No choices yet: the first fill (``refresh(None)``, always before the view is used)
        # brings them, on the worker when the view is on screen or warmed (≈ 20 ms).
        self.live = Follow(self, bus, "actions", self.refresh, WATCH, own_edits=True)
        self.live.start()

    # -- layout ---------------------------------------------------------------------
    def _build_top(self) -> None:
        """Heading, the list button, the hint and the filters above the list."""
        top = QHBoxLayout()
        top.addWidget(heading(_(self.nav_title), self), 1)
        self.export_button = button(
            _("Actiepuntenlijst maken"), self.make_list,
            tip=_("De lijst als PDF: maken, afdrukken of mailen als bijlage"), parent=self, role="primary")
        top.addWidget(self.export_button)
        self.top.addLayout(top)
        self.top.addWidget(hint(_("Wat is afgesproken, wie het doet en wanneer het klaar moet "
                                  "zijn. Te late actiepunten staan bovenaan, in rood."), self))
        filters = FlowLayout()  # on two lines at large text
        self.person_filter = QComboBox(self)
        self.person_filter.setAccessibleName(_("Toon actiepunten van"))
        self.meeting_filter = QComboBox(self)
        self.meeting_filter.setAccessibleName(_("Toon actiepunten uit vergadering"))
        self.show_done = QCheckBox(_("Ook afgeronde tonen"), self)
        self.show_done.setAccessibleName(_("Ook afgeronde actiepunten tonen"))
        for caption, combo in ((_("&Persoon:"), self.person_filter),
                               (_("&Vergadering:"), self.meeting_filter)):
            pair = QWidget(self)  # label and choice stay together when the row wraps
            pair_layout = QHBoxLayout(pair)
            pair_layout.setContentsMargins(0, 0, 0, 0)
            label = QLabel(caption, pair)
            label.setBuddy(combo)
            pair_layout.addWidget(label)
            pair_layout.addWidget(combo, 1)
            filters.addWidget(pair)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
            combo.currentIndexChanged.connect(lambda _i: self._filter())
        filters.addWidget(self.show_done)
        self.show_done.toggled.connect(lambda _b: self._filter())
        self.top.addLayout(filters)

    def _build_buttons(self) -> None:
        """Klaar, uitstellen and weer openen beside "Nieuw actiepunt", under the list."""
        self.tree.activated.connect(lambda _index: self.what_edit.setFocus())
        self._relayout = QTimer(self)  # wrapped rows need new heights when columns resize
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(0)
        self._relayout.timeout.connect(self.tree.doItemsLayout)
        self.tree.header().sectionResized.connect(lambda *_a: self._relayout.start())
        row = FlowLayout()  # the buttons go onto two lines at large text
        self.done_button = button(_("&Klaar"), self.mark_done,
                                  tip=_("Het gekozen actiepunt is gedaan"), parent=self,
                                  role="primary")
        self.postpone_button = button(_("&Uitstellen (4 weken)"), self.postpone,
                                      tip=_("Schuif de datum 4 weken op; dit wordt geteld"),
                                      parent=self)
        self.reopen_button = button(_("&Weer openen"), self.reopen,
                                    tip=_("Zet een afgerond actiepunt weer open"), parent=self)
        while self.buttons.count():  # "Nieuw" and its stretch: the buttons flow instead
            self.buttons.takeAt(0)
        set_role(self.new_button, "")  # "Klaar" is the button most used here
        for widget in (self.done_button, self.postpone_button, self.reopen_button,
                       self.new_button):
            row.addWidget(widget)
        self.buttons.addLayout(row, 1)
        self.delete_button.hide()  # an action is done, postponed or reopened, not deleted

    def _build_editor(self) -> None:
        """Wat, wie, klaar vóór and doel in a grid (see :meth:`_place_editor`); the
        message and "Preventief" beside the title: the rows below are full at 150 %."""
        editor = self.editor
        self.editor_layout.removeWidget(self.editor_title)
        self.editor_layout.removeWidget(self.message)
        self.editor_layout.setContentsMargins(0, 8, 0, 0)
        title_row = QHBoxLayout()
        title_row.addWidget(self.editor_title)
        title_row.addWidget(self.message, 1)
        self.preventive = QCheckBox(_("Preventief"), editor)
        self.preventive.setToolTip(
            _("Dit actiepunt voorkomt problemen (telt mee in het jaarverslag)"))
        title_row.addWidget(self.preventive)
        self.editor_layout.insertLayout(0, title_row)
        self.what_edit = QPlainTextEdit(editor)
        self.what_edit.setTabChangesFocus(True)
        self.what_edit.setPlaceholderText(_("Bijvoorbeeld: Gemeente bellen over de lantaarnpaal"))
        lines = self.what_edit.fontMetrics().lineSpacing()
        self.what_edit.setMinimumHeight(lines * 3)
        self.what_edit.setMaximumHeight(lines * 5)  # the list keeps the room; longer scrolls
        self.owner_combo = PersonCombo(_("Wie doet het"), editor)
        self.due_field = DateField(_("Klaar vóór"), editor)
        self.goal_combo = GoalCombo(editor)
        self._editor_grid = QGridLayout()
        self._editor_parts: list[tuple[QLabel, QWidget]] = []
        for caption, field in ((_("Wat moet er gebeuren"), self.what_edit),
                               (_("Wie doet het"), self.owner_combo),
                               (_("Klaar vóór"), self.due_field),
                               (_("Hoort bij doel (buurtagenda)"), self.goal_combo)):
            label = QLabel(caption + ":", editor)
            label.setBuddy(field)
            if not field.accessibleName():
                field.setAccessibleName(caption)
            self._editor_parts.append((label, field))
            self.watch_field(field)
        self.watch_field(self.preventive)
        self._editor_wide: bool | None = None
        self._place_editor()
        self.editor_layout.insertLayout(1, self._editor_grid)
        self.reload_editor()

    def _place_editor(self) -> None:
        """Wat · wie · klaar vóór side by side when the screen has room (doel under wie);
        at large text wie and klaar vóór go beside "wat" with the doel under them, so the
        editor is never wider than the laptop (three columns needed 1515 px at 175 %)."""
        (what_label, what), (owner_label, owner), (due_label, due), (goal_label, goal) = \
            self._editor_parts
        screen = self.screen()
        room = (screen.availableGeometry().width() if screen is not None else 1366) \
            - self.fontMetrics().averageCharWidth() * 34  # the navigation beside the page
        three = sum(max(label.sizeHint().width(), field.sizeHint().width())
                    for label, field in self._editor_parts[:3]) + 100
        wide = three <= room
        if wide == self._editor_wide:
            return
        self._editor_wide = wide
        grid = self._editor_grid
        for label, field in self._editor_parts:
            grid.removeWidget(label)
            grid.removeWidget(field)
            label.setWordWrap(not wide)  # a narrow label never decides the width
        top = Qt.AlignmentFlag.AlignTop
        grid.addWidget(what_label, 0, 0)
        grid.addWidget(owner_label, 0, 1)
        grid.addWidget(owner, 1, 1, top)
        grid.addWidget(due_label, 0, 2)
        grid.addWidget(due, 1, 2, top)
        if wide:
            grid.addWidget(what, 1, 0, 2, 1)
            grid.addWidget(goal_label, 2, 1, top)
            grid.addWidget(goal, 2, 2, top)
            stretches = (5, 3, 3)
        else:
            grid.addWidget(what, 1, 0, 3, 1)
            grid.addWidget(goal_label, 2, 1, 1, 2)
            grid.addWidget(goal, 3, 1, 1, 2, top)
            stretches = (3, 1, 1)
        for column, stretch in enumerate(stretches):
            grid.setColumnStretch(column, stretch)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange) \
                and hasattr(self, "_editor_parts"):
            self._place_editor()  # Ctrl++ / Ctrl+-: the editor re-arranges at once
            lines = self.what_edit.fontMetrics().lineSpacing()
            self.what_edit.setMinimumHeight(lines * 3)
            self.what_edit.setMaximumHeight(lines * 5)

    # -- hooks -----------------------------------------------------------------------
    def manager(self) -> Any:
        return self.ws.actions

    def records(self) -> list[Action]:
        """The actions the filters let through (no Qt: runs on the worker)."""
        person, meeting, show_done = self.filters
        actions = self.ws.actions.all() if show_done else self.ws.actions.open()
        if person:
            actions = [a for a in actions if a.owner_id == person]
        if meeting == _NO_MEETING:
            actions = [a for a in actions if not a.meeting_id]
        elif meeting:
            actions = [a for a in actions if a.meeting_id == meeting]
        self._labels = {m.id: meeting_label(m.starts_at, m.title) for m in self.ws.meetings.all()}
        self._day = today()
        return actions

    def row(self, record: Action) -> Row:
        return action_row(record.what, record.owner_name, record.due_date, record.status,
                          record.times_postponed, self._labels.get(record.meeting_id or "", ""),
                          self._day)

    def tooltip(self, record: Action) -> str | None:
        return record.what

    def filtering(self) -> bool:
        return any(self.filters)

    def count_text(self, count: int, late: int) -> str:
        return ngettext("{n} actiepunt in de lijst, waarvan {late} te laat.",
                        "{n} actiepunten in de lijst, waarvan {late} te laat.", count).format(
            n=count, late=late)

    def list_filter(self) -> tuple[Any, Any, bool]:
        return self.filters

    def choices(self) -> Choices:
        """People, meeting entries and goals for the filters and the editor (no Qt)."""
        people = [(p.id, p.name) for p in self.ws.contacts.all()]
        meetings = sorted(self.ws.meetings.all(), key=lambda m: m.starts_at, reverse=True)
        entries = [(m.id, meeting_label(m.starts_at, m.title)) for m in meetings]
        return people, [*entries, (_NO_MEETING, _("Buiten een vergadering"))], self.ws.goals.all()

    def show_choices(self, choices: Choices) -> None:
        people, meetings, goals = choices
        self._quiet_filters = True
        try:
            refill_combo(self.person_filter, _("Iedereen"), people)
            refill_combo(self.meeting_filter, _("Alle vergaderingen"), meetings)
        finally:
            self._quiet_filters = False
        self.filters = self._read_filters()
        for widget in (self.owner_combo, self.goal_combo):
            widget.blockSignals(True)  # new choices are not the user's edit
        try:
            self.owner_combo.set_people(people)
            self.goal_combo.set_goals(goals)
        finally:
            for widget in (self.owner_combo, self.goal_combo):
                widget.blockSignals(False)

    def load(self, record: Action | None) -> None:
        is_open = bool(record and record.status == "open")
        self.done_button.setEnabled(is_open)
        self.postpone_button.setEnabled(is_open)
        self.reopen_button.setEnabled(bool(record and record.status != "open"))
        if record is None:
            self.what_edit.setPlainText("")
            self.owner_combo.set_selection(None, "")
            self.due_field.set_value(None)
            self.goal_combo.set_goal_id(None)
            self.preventive.setChecked(False)
            return
        if self.what_edit.toPlainText() != record.what:
            self.what_edit.setPlainText(record.what)
        self.owner_combo.set_selection(record.owner_id, record.owner_name)
        self.due_field.set_value(record.due_date)
        self.goal_combo.set_goal_id(record.goal_id)
        self.preventive.setChecked(bool(record.preventive))

    def problem(self) -> str | None:
        return required_text_problem(self.what_edit.toPlainText(), _("wat er moet gebeuren"),
                                     100_000)

    def values(self) -> dict[str, Any]:
        owner_id, owner_name = self.owner_combo.selection()
        values = {"what": self.what_edit.toPlainText(), "owner_id": owner_id,
                  "owner_name": owner_name, "due_date": self.due_field.value(),
                  "goal_id": self.goal_combo.goal_id(), "preventive": self.preventive.isChecked()}
        if self.creating:  # a new action belongs to the meeting the list shows
            meeting = self.meeting_filter.currentData()
            values["meeting_id"] = None if meeting in (None, _NO_MEETING) else meeting
        return values

    def save_op(self, record_id: str | None, values: dict[str, Any]) -> CoreOp:
        fields = dict(values)
        meeting = fields.pop("meeting_id", None)
        if record_id is None:
            what = fields.pop("what")
            return add_action(self, meeting, what, **fields)
        return update_action(self, record_id, **fields)

    # -- contract ---------------------------------------------------------------------
    def refresh(self, changes: Changes | None = None, kinds: Sequence[str] = ()) -> None:
        """Reload the list (and the filters' choices when people, meetings or goals
        changed); ``live`` calls it for the changes this view shows. On screen, the rows
        and choices are made on the worker; the window answers meanwhile."""
        if changes is None or changes.touches(PEOPLE, MEETINGS, GOALS):
            if not in_background(self):
                self.show_choices(self.choices())
            elif not self._behind:
                self._choices_due = True
        super().refresh(changes, kinds or (PEOPLE, MEETINGS, GOALS))

    def fill_later(self, then: Callable[[], None] | None = None,
                   choices: bool = False) -> None:
        due, self._choices_due = self._choices_due, False
        super().fill_later(then, choices or due)

    def open_record(self, kind: str, record_id: str) -> None:
        """Show and select the action ``record_id`` (filters are reset to show it)."""
        if kind != ACTIONS or not self.ws.actions.exists(record_id):
            return
        self.person_filter.setCurrentIndex(0)
        self.meeting_filter.setCurrentIndex(0)
        if self.ws.actions.get(record_id).status != "open":
            self.show_done.setChecked(True)
        self.select(record_id)
        self.tree.setFocus()

    def start_new(self, focus: bool = True) -> None:
        """Empty the editor for a new action (saved once "wat" is filled in), for the
        person the list is filtered on."""
        super().start_new(focus)
        owner = self.person_filter.currentData()
        if owner:
            self.owner_combo.set_selection(owner, self.person_filter.currentText())

    def rows(self) -> list[RowRef]:
        """The rows of the list in display order (made at once when still loading)."""
        return self.items()

    def visible_actions(self) -> list[Action]:
        """The actions the filters let through, late ones first."""
        return [self.ws.actions.get(ref.record_id) for ref in self.rows()]

    def _read_filters(self) -> tuple[Any, Any, bool]:
        return (self.person_filter.currentData(), self.meeting_filter.currentData(),
                self.show_done.isChecked())

    def _filter(self) -> None:
        """A filter changed: list what it lets through now."""
        if self._quiet_filters:
            return
        self.filters = self._read_filters()
        self.fill()

    # -- buttons -----------------------------------------------------------------------
    def make_list(self) -> None:
        """The export dialog, set to the actiepuntenlijst (PDF maken / Afdrukken / Mailen)."""
        from ..exporting import open_export_dialog

        self.saver.flush()
        open_export_dialog(self.window(), self.ws, fmt="actions")

    def mark_done(self) -> None:
        """Mark the selected action as done today; when done ones are not shown, the editor
        moves on to the action that was below it (never keeps showing the done one)."""
        if self.current_id:
            self.saver.flush()
            done_id = self.current_id
            ids = [ref.record_id for ref in self.rows()]
            after = ids[ids.index(done_id) + 1:] + ids[:ids.index(done_id)][::-1] \
                if done_id in ids else []
            action = self.get(done_id)
            what = action.what if action is not None else ""
            mark_action_done(self, done_id).success(
                lambda _c: self._moved_on(done_id, after, what)).run()

    def _moved_on(self, done_id: str, after: list[str], what: str) -> None:
        if self.show_done.isChecked() or self.current_id != done_id:
            return
        self.rows()  # the list as it is now
        following = next((i for i in after if self.model.index_of(i).isValid()), None)
        if following:
            self.select(following)
        else:
            self.current_id = None
            self.reload_editor()
        first_line = (what.splitlines() or [""])[0]
        short = first_line if len(first_line) <= 60 else first_line[:57] + "…"
        show_problem(self.message, None,
                     _("‘{what}’ is klaar. Terugzetten kan met Ctrl+Z.").format(what=short))

    def postpone(self) -> None:
        """Postpone the selected action four weeks (the count goes up)."""
        if self.current_id:
            self.saver.flush()
            postpone_action(self, self.current_id).run()

    def reopen(self) -> None:
        """Open the selected done action again."""
        if self.current_id:
            reopen_action(self, self.current_id).run()
