"""A list of records beside an editor that saves by itself: the shape of the follow-up screens.

Subclasses fill in a few hooks (which records, how a row reads, how to load and collect the
editor, which operation saves); the panel handles selection, new records, autosave, keeping
the selection across refreshes, and not overwriting what the user is typing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from wijkapp.changes import Changes
from wijkapp.i18n import _
from wijkapp.workspace import Workspace

from ..autosave import AutoSaver, Snapshot
from ..labels import CELL_CHARS, TOOLTIP_CHARS, Row, cell_text, group_header
from ..live import cancel_loads, in_background, load_in_background, on_screen
from ..models.records import ID_ROLE, ListRow, RecordListModel, RowRef
from ..one_paint import scroll_body
from ..operations.base import CoreOp, error_sentence, show_failure
from .meeting_widgets import button
from .widgets import add_row, form, heading, list_view, message_label, show_problem

#: Average characters the list needs beside the editor to tell its records apart.
LIST_CHARS = 42


#: Any editor widget; :meth:`RecordPanel.add_field` returns the one it was given.
FieldT = TypeVar("FieldT", bound=QWidget)

class RecordPanel(QWidget):
    """List (left) + editor (right). Hooks to override are marked "hook" below."""

    kind = ""  # the table name, e.g. "requests"
    new_title = ""  # editor heading for a new record, e.g. "Nieuw verzoek"
    item_title = ""  # editor heading for an existing record, e.g. "Verzoek"
    empty_text = ""  # shown when nothing is selected
    #: The editor always under the list (a list of many columns), never beside it.
    stacked = False

    def __init__(self, ws: Workspace, headers: Sequence[str], list_name: str,
                 new_label: str, parent: QWidget | None = None,
                 keep: tuple[int, ...] = ()) -> None:
        super().__init__(parent)
        self.ws = ws
        self.current_id: str | None = None
        self.creating = False
        self._new_key: str | None = None  # the token of the new record in the editor
        self.saver = AutoSaver(self._collect, self.save_op, parent=self)
        self.saver.saved.connect(self._saved)
        self.saver.failed.connect(self._save_failed)
        self.fields: list[QWidget] = []
        self._behind = False  # a refresh was put off while the panel was out of sight
        self._user_split = False  # the user dragged the handle between list and editor (stacked)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.top = QVBoxLayout()
        outer.addLayout(self.top)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(self.splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.model = RecordListModel(list(headers), self)
        self.tree = list_view(self.model, list_name, left, keep)
        self._loading = False  # rows are being made on the worker (see fill_later)
        self._then: list[Callable[[], None]] = []  # to do once the rows are shown
        left_layout.addWidget(self.tree, 1)
        self.count_label = QLabel(left)
        self.count_label.setWordWrap(True)  # a long count must not widen the window
        left_layout.addWidget(self.count_label)
        self.buttons = QHBoxLayout()
        self.new_button = button(new_label, self.start_new, tip="", parent=left, role="primary")
        self.buttons.addWidget(self.new_button)
        self.buttons.addStretch(1)
        left_layout.addLayout(self.buttons)

        scroll = self.scroll_area = QScrollArea(self.splitter)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no invisible Tab stop: its fields are
        editor = self.editor = QWidget(scroll)
        self.editor_layout = QVBoxLayout(editor)
        self.editor_layout.setContentsMargins(12, 0, 4, 0)
        self.editor_title = heading(_(self.item_title), editor, role="subheading")
        self.editor_layout.addWidget(self.editor_title)
        self.form: QFormLayout = form()
        self.editor_layout.addLayout(self.form)
        self.message = message_label(editor)
        self.editor_layout.addWidget(self.message)
        self.record_buttons = QHBoxLayout()
        self.delete_button = button(_("Verwijderen"), self.delete_current,
                                    tip=_("Verwijder dit; terugzetten kan met Ctrl+Z"), parent=editor,
                                    role="danger")
        self.record_buttons.addStretch(1)
        self.record_buttons.addWidget(self.delete_button)
        self.editor_layout.addLayout(self.record_buttons)
        self.editor_layout.addStretch(1)
        scroll_body(scroll, editor)
        self.splitter.addWidget(left)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([600, 400])
        self.splitter.setChildrenCollapsible(False)
        # The list and editor take the room there is: their preferred heights (a list
        # likes 192 px, an editor all its fields) do not make the page taller than the
        # window, which then scrolled at 175 %; the least they need still counts (arrange).
        self.splitter.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        outer.addWidget(self.splitter, 1)
        self._quiet = False  # selecting from code: do not treat it as the user's choice
        self.tree.installEventFilter(self)
        self.tree.selectionModel().currentChanged.connect(
            lambda _a, _b: None if self._quiet else self._selection_changed())

    def event(self, event: QEvent) -> bool:  # noqa: D102 - Qt override
        if event.type() == QEvent.Type.DeferredDelete:
            # Being deleted (e.g. the views rebuilt after a restore): tearing down the list
            # moves its current row, which is not the user choosing a record.
            self._quiet = True
        return super().event(event)

    def eventFilter(self, watched: Any, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """The list measured its longest words anew: arrange again (beside or above)."""
        if watched is self.tree and event.type() == QEvent.Type.DynamicPropertyChange:
            QTimer.singleShot(0, self._arrange_if_alive)
        return False

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        """Catch up on a put-off refresh; never let the splitter squeeze the editor."""
        self.catch_up()
        self.arrange()
        super().showEvent(event)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.arrange()

    def changeEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        """A new text size (stylesheet or font) arranges the list and editor anew, so going
        back to 100 % un-squeezes the list without a restart."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            QTimer.singleShot(0, self._arrange_if_alive)

    def _arrange_if_alive(self) -> None:
        if isValid(self) and hasattr(self, "scroll_area") and isValid(self.scroll_area):
            self.arrange()

    def arrange(self) -> None:
        """List beside the editor when both fit; at large text on a small screen the list
        goes above the editor, full width, so titles can be read ("Bomen in de straten …"
        instead of "Bo… in d…"). The editor is never squeezed below its own width."""
        # The list always shows two lines of a record at any text size (at 200 % the
        # editor under it left room for half a row).
        self.tree.setMinimumHeight(self.tree.header().sizeHint().height()
                                   + 2 * self.tree.fontMetrics().lineSpacing() + 8)
        if self.stacked:
            self._arrange_stacked()
        bar = self.scroll_area.verticalScrollBar().sizeHint().width()
        editor = self.editor.minimumSizeHint().width() + bar + 4
        # Room for the list's longest words side by side (as last measured), or ~42 letters.
        list_needs = max(self.tree.fontMetrics().averageCharWidth() * LIST_CHARS,
                         int(self.tree.property("least_width") or 0) + bar + 4)
        side = not self.stacked and \
            self.width() >= editor + list_needs + self.splitter.handleWidth()
        wanted = Qt.Orientation.Horizontal if side else Qt.Orientation.Vertical
        self.scroll_area.setMinimumWidth(editor if side else 0)
        if not self.stacked and self.splitter.orientation() != wanted:
            self.splitter.setOrientation(wanted)
            total = sum(self.splitter.sizes()) or 1000
            first = total * 3 // 5 if side else total * 11 // 20  # a few rows in sight
            self.splitter.setSizes([first, total - first])
        self.splitter.setMinimumHeight(self.splitter.minimumSizeHint().height())

    def _arrange_stacked(self) -> None:
        """The editor under the list, as high as its fields need at this width (up to 30 %
        of the screen; more scrolls); the list gets the rest, and what the window gains."""
        screen = self.screen()
        tall = screen.availableGeometry().height() if screen is not None else 768
        width = self.scroll_area.viewport().width()
        needs = self.editor.heightForWidth(width) if self.editor.hasHeightForWidth() \
            else -1
        editor = min(needs if needs > 0 else self.editor.sizeHint().height(), tall * 3 // 10)
        self.scroll_area.setMinimumHeight(editor)
        if self.splitter.orientation() != Qt.Orientation.Vertical:
            self.splitter.setOrientation(Qt.Orientation.Vertical)
            self.splitter.setStretchFactor(0, 1)
            self.splitter.setStretchFactor(1, 0)
            self.splitter.splitterMoved.connect(self._user_sized)
        if not self._user_split:  # until the user drags the handle
            total = sum(self.splitter.sizes()) or 1000
            self.splitter.setSizes([max(total - editor, 1), editor])

    def _user_sized(self, *_args: Any) -> None:
        self._user_split = True

    # -- hooks ---------------------------------------------------------------------------
    def records(self) -> list[Any]:
        """Hook: the records to list, in order (or sorted by their rows' keys)."""
        raise NotImplementedError

    def row(self, record: Any) -> Row:
        """Hook: how one record reads in the list."""
        raise NotImplementedError

    def groups(self) -> list[tuple[Any, str]] | None:
        """Hook: ``[(key, header)]`` to group rows under headers, or ``None`` for a flat list."""
        return None

    def group_of(self, record: Any) -> Any:
        """Hook: the group key of a record (when :meth:`groups` is not ``None``)."""
        return None

    def tooltip(self, record: Any) -> str | None:
        """Hook: the tooltip of a record's row (``None``: its first cell)."""
        return None

    def filtering(self) -> bool:
        """Hook: whether the list shows a selection (a search, a filter): an empty list
        then does not mean "no records yet"."""
        return bool(str(getattr(self, "needle", "")).strip())

    def list_filter(self) -> Any:
        """Hook: what :meth:`records` filters by, compared before and after new choices
        are shown (:meth:`fill_later`): rows made under a filter that the new choices
        reset are made again."""
        return None

    def choices(self) -> Any:
        """Hook: the editor's (and filters') choices, read from the core without Qt, so
        that :meth:`fill_later` can make them on the worker; ``None``: no choices."""
        return None

    def show_choices(self, choices: Any) -> None:
        """Hook: put what :meth:`choices` made into the combo boxes."""

    def load(self, record: Any | None) -> None:
        """Hook: show ``record`` in the editor (``None``: empty editor)."""
        raise NotImplementedError

    def problem(self) -> str | None:
        """Hook: a Dutch sentence when the editor cannot be saved yet."""
        return None

    def values(self) -> dict[str, Any]:
        """Hook: the editor's values, as the keyword arguments :meth:`save_op` takes."""
        raise NotImplementedError

    def save_op(self, record_id: str | None, values: dict[str, Any]) -> CoreOp:
        """Hook: the operation saving ``values`` (``record_id`` ``None``: create)."""
        raise NotImplementedError

    def delete_op(self, record_id: str) -> CoreOp:
        """Hook: the operation deleting a record."""
        raise NotImplementedError

    def get(self, record_id: str) -> Any | None:
        """The live record ``record_id`` or ``None``."""
        manager = self.manager()
        return manager.get(record_id) if manager.exists(record_id) else None

    def manager(self) -> Any:
        """Hook: the core manager of :attr:`kind`."""
        raise NotImplementedError

    # -- building the editor ------------------------------------------------------------------
    def add_field(self, label: str, widget: FieldT) -> FieldT:
        """Add a labelled editor field; its changes are saved by themselves."""
        add_row(self.form, label, widget)
        return self.watch_field(widget)

    def watch_field(self, widget: FieldT) -> FieldT:
        """Save ``widget``'s changes by themselves (a field placed by the subclass)."""
        self.fields.append(widget)
        for signal in ("textChanged", "changed", "currentIndexChanged", "editTextChanged",
                       "toggled"):
            if hasattr(widget, signal):
                getattr(widget, signal).connect(self.saver.touch)
                if signal in ("textChanged", "changed"):
                    break
        return widget

    # -- list -----------------------------------------------------------------------------------
    def fill(self) -> None:
        """Update the list now, keeping the selection (the editor is not reloaded)."""
        cancel_loads(self.tree)  # a background load still running is dropped
        self._loading = False
        self._show_rows(self._make_rows())
        self._run_then()

    def fill_later(self, then: Callable[[], None] | None = None,
                   choices: bool = False) -> None:
        """Like :meth:`fill`, but make the rows (and the :meth:`choices`, when ``choices``)
        on the worker: core reads and Dutch formatting of hundreds of records take longer
        than a frame. ``then()`` runs after they are shown. Reading the list meanwhile
        (:meth:`items`) fills it at once.
        """
        self._loading = True
        if then is not None:
            self._then.append(then)
        made_under = self.list_filter()

        def load() -> tuple[Any, tuple[list[ListRow], int]]:
            return (self.choices() if choices else None), self._make_rows()

        def show(result: tuple[Any, tuple[list[ListRow], int]]) -> None:
            made_choices, rows = result
            self._loading = False
            if made_choices is not None:
                self.show_choices(made_choices)
                if self.list_filter() != made_under:  # a filter the choices reset
                    rows = self._make_rows()  # its rows now (on the GUI thread: rare)
            self._show_rows(rows)
            self._run_then()

        load_in_background(self.tree, load, show)

    def _run_then(self) -> None:
        waiting, self._then = self._then, []
        for then in waiting:
            then()

    def _make_rows(self) -> tuple[list[ListRow], int]:
        """The list's rows in order and how many are late (no Qt: runs on the worker too)."""
        records = self.records()
        rows = {r.id: self.row(r) for r in records}
        records.sort(key=lambda r: rows[r.id].sort_key)
        grouped = self.groups() is not None
        made = [ListRow(r.id, tuple(cell_text(cell) for cell in rows[r.id].cells), rows[r.id].late,
                        self.group_of(r) if grouped else None,
                        cell_text(self.tooltip(r), TOOLTIP_CHARS))
                for r in records]
        return made, sum(row.late for row in made)

    def _show_rows(self, result: tuple[list[ListRow], int]) -> None:
        rows, late = result
        groups = self.groups()
        self._quiet = True
        try:
            self.model.set_rows(rows, groups)
            if groups is not None:
                self.tree.setRootIsDecorated(True)
                root = self.model.invisibleRootItem().index()
                for number, (_key, header) in enumerate(groups):
                    self.model.set_group_text(number, group_header(
                        header, self.model.group_count(number)))
                    self.tree.setFirstColumnSpanned(number, root, True)
                self.tree.expandAll()
        finally:
            self._quiet = False
        self.count_label.setText(self.count_text(len(rows), late))
        if self.current_id and not self.creating:
            self.select(self.current_id, load=False)
        self.delete_button.setEnabled(bool(self.current_id))
        if not rows and not self.current_id and not self.creating and not self.filtering():
            # An empty list (a new board): the editor is ready for the first one at once,
            # instead of greyed-out fields that ignore what is typed.
            self.start_new(focus=bool(on_screen(self)))

    def count_text(self, count: int, late: int) -> str:
        """The line under the list; override for other words."""
        return _("{n} in de lijst.").format(n=count)

    def items(self) -> list[RowRef]:
        """Every record row in the list, in display order (catching up first)."""
        self.catch_up()
        if self._loading:
            self.fill()
        return self.model.rows()

    def select(self, record_id: str, load: bool = True) -> bool:
        """Select the row of ``record_id`` (and load it); ``False`` when it is not listed."""
        self.items()  # catches up first
        index = self.model.index_of(record_id)
        if not index.isValid():
            return False
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
        return True

    def select_first(self) -> None:
        """Select the first row when nothing is selected."""
        rows = self.items()
        if rows and not self.current_id and not self.creating:
            self.select(rows[0].record_id)

    def current_row_id(self) -> str | None:
        """The id of the row with the keyboard focus in the list (``None``: a header/none)."""
        index = self.tree.currentIndex()
        value = index.siblingAtColumn(0).data(ID_ROLE) if index.isValid() else None
        return str(value) if value and not str(value).startswith("\0") else None

    def _selection_changed(self) -> None:
        new_id = self.current_row_id()
        if not new_id or (new_id == self.current_id and not self.creating):
            return
        self.saver.flush()  # a snapshot of this record is saved, even while a save runs
        self.saver.forget()
        self.creating = False
        self.current_id = new_id
        self.reload_editor()

    # -- editor -------------------------------------------------------------------------------
    def reload_editor(self) -> None:
        """Show the current record (or the empty editor) without triggering a save."""
        record = self.get(self.current_id) if self.current_id else None
        for widget in self.fields:
            widget.blockSignals(True)
        try:
            self.load(record)
        finally:
            for widget in self.fields:
                widget.blockSignals(False)
        active = record is not None or self.creating
        for widget in self.fields:
            widget.setEnabled(active)
        self.editor_title.setText(_(self.new_title) if self.creating else _(self.item_title))
        show_problem(self.message, None, None if active else _(self.empty_text))
        self.delete_button.setEnabled(record is not None)

    def start_new(self, focus: bool = True) -> None:
        """Empty the editor for a new record; it is saved once the problem check passes."""
        self.saver.flush()
        self.saver.forget()
        self._new_key = self.saver.new_token()
        self._quiet = True
        self.tree.selectionModel().clearCurrentIndex()
        self.tree.clearSelection()
        self._quiet = False
        self.current_id = None
        self.creating = True
        self.reload_editor()
        show_problem(self.message, None, _("Vul de velden in; het wordt vanzelf bewaard."))
        if self.fields and focus:
            self.fields[0].setFocus()

    def editor_key(self) -> str | None:
        """The autosave key of the record in the editor: its id, or a new record's token."""
        if self.creating:
            return self._new_key
        return self.current_id

    def _collect(self) -> Snapshot | None:
        problem = self.problem()
        show_problem(self.message, problem)
        key = self.editor_key()
        if problem or not key:
            return None
        return Snapshot(key, self.values())

    def _saved(self, key: str, record_id: str | None, changes: Any) -> None:
        if key != self.editor_key():
            return  # the user moved on; the list follows through the change bus
        if self.creating and record_id:
            self.creating = False
            self.current_id = record_id
            self.editor_title.setText(_(self.item_title))
            self.fill()
        if not self.saver.pending:
            self.reload_editor()

    def _save_failed(self, key: str, error: Any) -> None:
        if key == self.editor_key():
            self.saver.mark_unsaved()  # still on screen: the next change or switch retries
            show_problem(self.message, _("Niet bewaard: {reason} Wat u typte staat er nog.").format(
                reason=error_sentence(error)))
        else:
            show_failure(self, error)

    def delete_current(self) -> None:
        """Delete the selected record (undo with Ctrl+Z)."""
        if self.current_id:
            self.saver.forget()
            record_id, self.current_id = self.current_id, None
            self.delete_op(record_id).run()

    # -- contract helpers -----------------------------------------------------------------------
    def refresh(self, changes: Changes | None = None, kinds: Sequence[str] = ()) -> None:
        """Reload when ``changes`` touch :attr:`kind` or ``kinds`` (always when ``None``)."""
        if self._behind:
            self._behind, changes = False, None
        if changes is not None and not changes.touches(self.kind, *kinds):
            return
        if self.current_id and not self.get(self.current_id):
            self.current_id = None

        def then() -> None:
            quiet = not self.saver.pending and not self.creating
            if quiet and (changes is None or (self.current_id or "") in changes.ids
                          or not self.current_id):
                self.reload_editor()
            self.select_first()

        if in_background(self):
            self.fill_later(then)  # the window answers while the rows are made
        else:
            self.fill()
            then()

    def refresh_later(self, changes: Changes | None = None, kinds: Sequence[str] = ()) -> None:
        """Like :meth:`refresh`, but for a panel out of sight (a background tab): only
        remember it; the panel catches up when shown or asked for its rows.

        Keeps opening a screen quick when a hidden tab holds hundreds of records.
        """
        if changes is None or changes.touches(self.kind, *kinds):
            self._behind = True

    def catch_up(self) -> None:
        """Do a refresh put off by :meth:`refresh_later` now (nothing when up to date)."""
        if self._behind:
            self.refresh()

    def show_record(self, record_id: str) -> bool:
        """Select ``record_id`` and focus the editor; ``False`` when it is not listed."""
        found = self.select(record_id)
        if found and self.fields:
            self.fields[0].setFocus()
        return found


__all__ = ["CELL_CHARS", "ID_ROLE", "TOOLTIP_CHARS", "RecordPanel", "add_row"]
