"""Actiepunten: every open action, late ones first in red with the words "te laat".

Filter by person and by meeting, mark done, postpone four weeks (counted: "2× uitgesteld"),
and edit wat / wie / klaar vóór / doel in the editor under the list (saved by itself).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from wijkapp.actions import Action
from wijkapp.changes import ACTIONS, GOALS, MEETINGS, PEOPLE, Changes
from wijkapp.i18n import N_, _, ngettext
from wijkapp.timeutil import today
from wijkapp.workspace import Workspace

from ..autosave import AutoSaver, Snapshot
from ..bus import ChangeBus
from ..labels import action_row, meeting_label, required_text_problem
from ..live import ANY, Follow, cancel_loads, in_background, load_in_background
from ..models.records import ID_ROLE, ListRow, RecordListModel, RowRef
from ..operations.actions import (
    add_action,
    mark_action_done,
    postpone_action,
    reopen_action,
    update_action,
)
from ..operations.base import CoreOp, error_sentence, show_failure
from .flow_layout import FlowLayout
from .meeting_dialogs import GoalCombo
from .meeting_widgets import button
from .widgets import (
    DateField,
    PersonCombo,
    heading,
    hint,
    list_view,
    message_label,
    refill_combo,
    show_problem,
)

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
#: (rows in order, the listed actions by id).
Made = tuple[list[ListRow], dict[str, Action]]


class ActionsView(QWidget):
    """The action list with filters and an editor; see the module docstring."""

    nav_title = N_("Actiepunten")

    def __init__(self, ws: Workspace, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.bus = bus
        self.current_id: str | None = None
        self._creating = False
        self._new_key: str | None = None
        self._actions: dict[str, Action] = {}
        self.saver = AutoSaver(self._collect, self._save_op, parent=self)
        self.saver.saved.connect(self._saved)
        self.saver.failed.connect(self._save_failed)
        self._build()
        self.live = Follow(self, bus, "actions", self.refresh, WATCH, own_edits=True)
        self.live.start()

    # -- layout ---------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(heading(_(self.nav_title), self), 1)
        self.export_button = button(
            _("Actiepuntenlijst maken"), self.make_list,
            tip=_("De lijst als PDF: maken, afdrukken of mailen als bijlage"), parent=self, role="primary")
        top.addWidget(self.export_button)
        outer.addLayout(top)
        outer.addWidget(hint(_("Wat is afgesproken, wie het doet en wanneer het klaar moet zijn. "
                               "Te late actiepunten staan bovenaan, in rood."), self))

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
        filters.addWidget(self.show_done)
        for combo in (self.person_filter, self.meeting_filter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
        outer.addLayout(filters)

        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setChildrenCollapsible(False)
        left = QWidget(split)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.model = RecordListModel(
            [_("Wat"), _("Wie"), _("Klaar vóór"), _("Stand"), _("Vergadering")], self)
        self.tree = list_view(self.model, _("Lijst met actiepunten"), left, keep=(2, 3))
        self._quiet = False  # selecting from code, not the user
        self._loading = False  # rows are being made on the worker
        self._then: list[Any] = []
        self._relayout = QTimer(self)  # wrapped rows need new heights when columns resize
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(0)
        self._relayout.timeout.connect(self.tree.doItemsLayout)
        self.tree.header().sectionResized.connect(lambda *_a: self._relayout.start())
        left_layout.addWidget(self.tree, 1)
        self.count_label = QLabel(left)
        self.count_label.setWordWrap(True)
        left_layout.addWidget(self.count_label)
        buttons = FlowLayout()  # the buttons go onto two lines at large text
        self.done_button = button(_("&Klaar"), self.mark_done,
                                  tip=_("Het gekozen actiepunt is gedaan"), parent=left, role="primary")
        self.postpone_button = button(_("&Uitstellen (4 weken)"), self.postpone,
                                      tip=_("Schuif de datum 4 weken op; dit wordt geteld"), parent=left)
        self.reopen_button = button(_("&Weer openen"), self.reopen,
                                    tip=_("Zet een afgerond actiepunt weer open"), parent=left)
        self.new_button = button(_("&Nieuw actiepunt"), self.start_new, parent=left)
        for widget in (self.done_button, self.postpone_button, self.reopen_button,
                       self.new_button):
            buttons.addWidget(widget)
        left_layout.addLayout(buttons)

        editor = QWidget(split)
        editor_layout = QVBoxLayout(editor)
        editor_layout.setContentsMargins(0, 8, 0, 0)
        self.editor_title = heading(_("Actiepunt"), editor, role="subheading")
        self.editor_message = message_label(editor)
        title_row = QHBoxLayout()
        title_row.addWidget(self.editor_title)
        title_row.addWidget(self.editor_message, 1)
        # "Preventief" sits beside the title: the rows below are full at 150 %.
        self.preventive = QCheckBox(_("Preventief"), editor)
        self.preventive.setToolTip(_("Dit actiepunt voorkomt problemen (telt mee in het jaarverslag)"))
        title_row.addWidget(self.preventive)
        editor_layout.addLayout(title_row)
        grid = QGridLayout()
        self.what_edit = QPlainTextEdit(editor)
        self.what_edit.setTabChangesFocus(True)
        self.what_edit.setPlaceholderText(_("Bijvoorbeeld: Gemeente bellen over de lantaarnpaal"))
        self.what_edit.setMinimumHeight(self.what_edit.fontMetrics().lineSpacing() * 3)
        self.owner_combo = PersonCombo(_("Wie doet het"), editor)
        self.due_field = DateField(_("Klaar vóór"), editor)
        self.goal_combo = GoalCombo(editor)
        self._editor_grid = grid
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
        self._editor_wide: bool | None = None
        self._place_editor()
        editor_layout.addLayout(grid)
        editor_layout.addStretch(1)
        split.addWidget(left)
        split.addWidget(editor)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([520, 160])
        outer.addWidget(split, 1)

        self.person_filter.currentIndexChanged.connect(lambda _i: self._fill_list())
        self.meeting_filter.currentIndexChanged.connect(lambda _i: self._fill_list())
        self.show_done.toggled.connect(lambda _b: self._fill_list())
        self.tree.selectionModel().currentChanged.connect(
            lambda _a, _b: None if self._quiet else self._selection_changed())
        self.tree.activated.connect(lambda _index: self.what_edit.setFocus())
        self.what_edit.textChanged.connect(self.saver.touch)
        self.owner_combo.editTextChanged.connect(lambda _t: self.saver.touch())
        self.due_field.changed.connect(self.saver.touch)
        self.goal_combo.currentIndexChanged.connect(lambda _i: self.saver.touch())
        self.preventive.toggled.connect(lambda _b: self.saver.touch())

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
        if wide:
            grid.addWidget(what, 1, 0, 2, 1)
            grid.addWidget(owner_label, 0, 1)
            grid.addWidget(owner, 1, 1, top)
            grid.addWidget(due_label, 0, 2)
            grid.addWidget(due, 1, 2, top)
            grid.addWidget(goal_label, 2, 1, top)
            grid.addWidget(goal, 2, 2, top)
            stretches = (5, 3, 3)
        else:
            grid.addWidget(what, 1, 0, 3, 1)
            grid.addWidget(owner_label, 0, 1)
            grid.addWidget(owner, 1, 1, top)
            grid.addWidget(due_label, 0, 2)
            grid.addWidget(due, 1, 2, top)
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

    def event(self, event: QEvent) -> bool:  # noqa: D102 - Qt override
        if event.type() == QEvent.Type.DeferredDelete:
            # Being deleted (e.g. the views rebuilt after a restore): tearing down the list
            # moves its current row, which is not the user choosing a record.
            self._quiet = True
        return super().event(event)

    # -- contract ---------------------------------------------------------------------
    def refresh(self, changes: Changes | None = None) -> None:
        """Reload filters and list (``live`` calls it for the changes this view shows).

        On screen, the rows and choices are made on the worker; the window answers meanwhile.
        """
        choices = changes is None or changes.touches(PEOPLE, MEETINGS, GOALS)

        def then() -> None:
            if self.current_id and not self.saver.pending:
                if changes is None or self.current_id in changes.ids:
                    self._load_editor()

        if in_background(self):
            self._fill_later(choices, then)
            return
        if choices:
            self._fill_filters()
        self._fill_list()
        then()

    def open_record(self, kind: str, record_id: str) -> None:
        """Show and select the action ``record_id`` (filters are reset to show it)."""
        if kind != "actions" or not self.ws.actions.exists(record_id):
            return
        self.person_filter.setCurrentIndex(0)
        self.meeting_filter.setCurrentIndex(0)
        if self.ws.actions.get(record_id).status != "open":
            self.show_done.setChecked(True)
        self._fill_list()
        self.select(record_id)
        self.tree.setFocus()

    # -- list ------------------------------------------------------------------------------
    def _choices(self) -> Choices:
        """People, meeting entries and goals for the filters and the editor (no Qt)."""
        people = [(p.id, p.name) for p in self.ws.contacts.all()]
        meetings = sorted(self.ws.meetings.all(), key=lambda m: m.starts_at, reverse=True)
        entries = [(m.id, meeting_label(m.starts_at, m.title)) for m in meetings]
        return people, [*entries, (_NO_MEETING, _("Buiten een vergadering"))], self.ws.goals.all()

    def _fill_filters(self, choices: Choices | None = None) -> None:
        people, meetings, goals = choices or self._choices()
        refill_combo(self.person_filter, _("Iedereen"), people)
        refill_combo(self.meeting_filter, _("Alle vergaderingen"), meetings)
        self.owner_combo.set_people(people)
        self.goal_combo.set_goals(goals)

    def _filters(self) -> tuple[Any, Any, bool]:
        return (self.person_filter.currentData(), self.meeting_filter.currentData(),
                self.show_done.isChecked())

    def _make_rows(self, filters: tuple[Any, Any, bool]) -> Made:
        """The rows the filters let through, late ones first (no Qt: runs on the worker)."""
        person, meeting, show_done = filters
        labels = {m.id: meeting_label(m.starts_at, m.title) for m in self.ws.meetings.all()}
        actions = self.ws.actions.all() if show_done else self.ws.actions.open()
        if person:
            actions = [a for a in actions if a.owner_id == person]
        if meeting == _NO_MEETING:
            actions = [a for a in actions if not a.meeting_id]
        elif meeting:
            actions = [a for a in actions if a.meeting_id == meeting]
        day = today()
        rows = {a.id: action_row(a.what, a.owner_name, a.due_date, a.status, a.times_postponed,
                                 labels.get(a.meeting_id or "", ""), day) for a in actions}
        actions.sort(key=lambda a: rows[a.id].sort_key)
        made = [ListRow(a.id, tuple(rows[a.id].cells), rows[a.id].late, tooltip=a.what)
                for a in actions]
        return made, {a.id: a for a in actions}

    def visible_actions(self) -> list[Action]:
        """The actions the filters let through, late ones first."""
        rows, actions = self._make_rows(self._filters())
        return [actions[row.id] for row in rows]

    def _fill_list(self) -> None:
        cancel_loads(self.tree)  # a background load still running is dropped
        self._loading = False
        self._show_rows(self._make_rows(self._filters()))
        waiting, self._then = self._then, []
        for then in waiting:
            then()

    def _fill_later(self, choices: bool, then: Any = None) -> None:
        """Make the choices (when ``choices``) and the rows on the worker, then show them."""
        filters = self._filters()
        self._loading = True
        if then is not None:
            self._then.append(then)

        def load() -> tuple[Choices | None, Made]:
            return (self._choices() if choices else None), self._make_rows(filters)

        def show(result: tuple[Choices | None, Made]) -> None:
            made_choices, made = result
            self._loading = False
            if made_choices is not None:
                self._fill_filters(made_choices)
            if self._filters() != filters:  # a filter changed meanwhile: its rows now
                made = self._make_rows(self._filters())
            self._show_rows(made)
            waiting, self._then = self._then, []
            for callback in waiting:
                callback()

        load_in_background(self.tree, load, show)

    def _show_rows(self, made: Made) -> None:
        rows, self._actions = made
        self._quiet = True
        try:
            self.model.set_rows(rows)
        finally:
            self._quiet = False
        late_count = sum(row.late for row in rows)
        self.count_label.setText(
            ngettext("{n} actiepunt in de lijst, waarvan {late} te laat.",
                     "{n} actiepunten in de lijst, waarvan {late} te laat.", len(rows)).format(
                n=len(rows), late=late_count))
        if self.current_id and not self._creating:
            self.select(self.current_id, load=False)
        self._update_buttons()

    def rows(self) -> list[RowRef]:
        """The rows of the list in display order (made at once when still loading)."""
        if self._loading:
            self._fill_list()
        return self.model.rows()

    def select(self, action_id: str, load: bool = True) -> None:
        """Select the row of ``action_id`` (and load it into the editor)."""
        self.rows()
        index = self.model.index_of(action_id)
        if not index.isValid():
            return
        self._quiet = not load
        try:
            self.tree.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
        finally:
            self._quiet = False
        self.tree.scrollTo(index)
        if load:
            self._selection_changed()

    def _selection_changed(self) -> None:
        index = self.tree.currentIndex()
        new_id = index.siblingAtColumn(0).data(ID_ROLE) if index.isValid() else None
        if new_id == self.current_id and not self._creating:
            return
        self.saver.flush()  # a snapshot of this action is saved, even while a save runs
        self.saver.forget()
        self._creating = False
        self.current_id = new_id
        self._load_editor()
        self._update_buttons()

    def _update_buttons(self) -> None:
        action = self._actions.get(self.current_id or "")
        is_open = bool(action and action.status == "open")
        self.done_button.setEnabled(is_open)
        self.postpone_button.setEnabled(is_open)
        self.reopen_button.setEnabled(bool(action and action.status != "open"))

    # -- editor ----------------------------------------------------------------------------
    def _load_editor(self) -> None:
        action = self.ws.actions.get(self.current_id) if (
            self.current_id and self.ws.actions.exists(self.current_id)) else None
        widgets = (self.what_edit, self.owner_combo, self.due_field, self.goal_combo,
                   self.preventive)
        for widget in widgets:
            widget.blockSignals(True)
        if action is None:
            self.what_edit.setPlainText("")
            self.owner_combo.set_selection(None, "")
            self.due_field.set_value(None)
            self.goal_combo.set_goal_id(None)
            self.preventive.setChecked(False)
        else:
            if self.what_edit.toPlainText() != action.what:
                self.what_edit.setPlainText(action.what)
            self.owner_combo.set_selection(action.owner_id, action.owner_name)
            self.due_field.set_value(action.due_date)
            self.goal_combo.set_goal_id(action.goal_id)
            self.preventive.setChecked(bool(action.preventive))
        for widget in widgets:
            widget.blockSignals(False)
        self._set_editor_enabled(action is not None or self._creating)
        self.editor_title.setText(_("Nieuw actiepunt") if self._creating else _("Actiepunt"))
        show_problem(self.editor_message, None if (action or self._creating)
                     else _("Kies links een actiepunt, of maak een nieuw actiepunt."))

    def _set_editor_enabled(self, enabled: bool) -> None:
        for widget in (self.what_edit, self.owner_combo, self.due_field, self.goal_combo,
                       self.preventive):
            widget.setEnabled(enabled)

    def start_new(self) -> None:
        """Empty the editor for a new action (saved once "wat" is filled in)."""
        self.saver.flush()
        self.saver.forget()
        self._new_key = self.saver.new_token()
        self._quiet = True
        self.tree.selectionModel().clearCurrentIndex()
        self.tree.clearSelection()
        self._quiet = False
        self.current_id = None
        self._creating = True
        self._load_editor()
        owner = self.person_filter.currentData()
        if owner:
            self.owner_combo.set_selection(owner, self.person_filter.currentText())
        self.what_edit.setFocus()
        self._update_buttons()

    def _editor_key(self) -> str | None:
        return self._new_key if self._creating else self.current_id

    def _collect(self) -> Snapshot | None:
        what = self.what_edit.toPlainText()
        problem = required_text_problem(what, _("wat er moet gebeuren"), 100_000)
        show_problem(self.editor_message, problem)
        key = self._editor_key()
        if problem or not key:
            return None
        owner_id, owner_name = self.owner_combo.selection()
        values = {"what": what, "owner_id": owner_id, "owner_name": owner_name,
                  "due_date": self.due_field.value(), "goal_id": self.goal_combo.goal_id(),
                  "preventive": self.preventive.isChecked()}
        if self._creating:
            meeting = self.meeting_filter.currentData()
            values["meeting_id"] = None if meeting in (None, _NO_MEETING) else meeting
        return Snapshot(key, values)

    def _save_op(self, record_id: str | None, values: dict[str, Any]) -> CoreOp:
        fields = dict(values)
        meeting = fields.pop("meeting_id", None)
        if record_id is None:
            what = fields.pop("what")
            return add_action(self, meeting, what, **fields)
        return update_action(self, record_id, **fields)

    def _saved(self, key: str, record_id: str | None, _changes: Any) -> None:
        if key != self._editor_key():
            return
        if self._creating and record_id:
            self._creating = False
            self.current_id = record_id
            self.editor_title.setText(_("Actiepunt"))
            self._fill_list()

    def _save_failed(self, key: str, error: Any) -> None:
        if key == self._editor_key():
            self.saver.mark_unsaved()
            show_problem(self.editor_message, _(
                "Niet bewaard: {reason} Wat u typte staat er nog.").format(
                reason=error_sentence(error)))
        else:
            show_failure(self, error)

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
            what = self._actions[done_id].what if done_id in self._actions else ""
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
            self._load_editor()
            self._update_buttons()
        first_line = (what.splitlines() or [""])[0]
        short = first_line if len(first_line) <= 60 else first_line[:57] + "…"
        show_problem(self.editor_message, None,
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
