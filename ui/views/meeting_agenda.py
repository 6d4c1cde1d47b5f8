"""The agenda part of the meeting editor: the table, its buttons and keys, and undo.

:class:`AgendaEditing` is a mixin for :class:`~ui.views.meeting_editor.MeetingEditor`, a
QWidget. What it needs from that host is declared on the class (for mypy; nothing exists
at run time): ``ws``, ``meeting_id``, ``_select_after_reload``, and the editor's
``add_item`` / ``edit_selected`` (which stay there so their dialog can be replaced in tests).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wijkapp.i18n import _

from ..labels import agenda_total_label
from ..models.agenda import AgendaModel, step_position
from ..operations import agenda as agenda_ops
from ..operations.base import CoreOp
from .backups import ask_yes_no
from .meeting_widgets import button, label

UNDO_DELETE_STEP = "Agendapunt verwijderd"


def table_key_action(key: int, modifiers: Qt.KeyboardModifier) -> tuple[str, int] | None:
    """What a key on the agenda table does: ("move", ±1), ("delete", 0), ("edit", 0) or None."""
    alt = bool(modifiers & Qt.KeyboardModifier.AltModifier)
    if alt and key == Qt.Key.Key_Up:
        return ("move", -1)
    if alt and key == Qt.Key.Key_Down:
        return ("move", 1)
    if key == Qt.Key.Key_Delete and not alt:
        return ("delete", 0)
    if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not alt:
        return ("edit", 0)
    return None



if TYPE_CHECKING:
    from wijkapp.workspace import Workspace

    _Host = QWidget  # the mixin only ever lives in a QWidget (MeetingEditor)
else:
    _Host = object


class AgendaEditing(_Host):
    """Agenda table behaviour shared into the meeting editor (see the module docstring)."""

    # -- what the host provides -----------------------------------------------------------
    ws: Workspace
    meeting_id: str | None
    _select_after_reload: str | None
    if TYPE_CHECKING:
        def add_item(self) -> None: ...
        def edit_selected(self) -> None: ...

    #: Asks before an item goes (parent, title, text, yes-text) -> yes; replaced in tests.
    confirm_delete = staticmethod(ask_yes_no)

    def _build_agenda_box(self, parent: QWidget | None = None) -> QGroupBox:
        """The "Agenda" group (made in ``parent``): table, total, undo bar and buttons."""
        agenda_box = QGroupBox(_("Agenda"), parent)
        self.model = AgendaModel(self)
        self.model.move_requested.connect(self.move_item)
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (no keyboard trap)
        self.table.setModel(self.model)
        self.table.setAccessibleName(_("Agendapunten"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.setDragDropOverwriteMode(False)
        self.table.setDropIndicatorShown(True)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self._fitted_width: int | None = None  # the title column's width the rows fit
        self._fit_columns()
        self.table.horizontalHeader().sectionResized.connect(self._column_resized)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.table.setMinimumHeight(self.fontMetrics().lineSpacing() * 11)
        self.total_label = label("", "hint")

        self.undo_bar = QWidget()
        undo_layout = QHBoxLayout(self.undo_bar)
        undo_layout.setContentsMargins(0, 0, 0, 0)
        self.undo_label = label("", "")
        undo_layout.addWidget(self.undo_label, 1)
        undo_layout.addWidget(button(_("Terugzetten"), self.undo_delete, role="primary"))
        self.undo_bar.hide()

        buttons = QGridLayout()
        self.add_button = button(_("Agendapunt toevoegen"), self.add_item, role="primary")
        self.edit_button = button(_("Wijzigen"), self.edit_selected)
        self.up_button = button(_("Omhoog"), lambda: self.step_selected(-1), tip="Alt+↑")
        self.down_button = button(_("Omlaag"), lambda: self.step_selected(1), tip="Alt+↓")
        self.delete_button = button(_("Verwijderen"), self.delete_selected, role="danger")
        buttons.addWidget(self.add_button, 0, 0, 1, 2)
        buttons.addWidget(self.edit_button, 0, 2)
        buttons.addWidget(self.up_button, 1, 0)
        buttons.addWidget(self.down_button, 1, 1)
        buttons.addWidget(self.delete_button, 1, 2)
        agenda_layout = QVBoxLayout(agenda_box)
        agenda_layout.addWidget(
            label(
                _("Slepen of Alt+pijltje verplaatst een punt. Dubbelklik om te wijzigen."), "hint"
            )
        )
        agenda_layout.addWidget(self.table, 1)
        agenda_layout.addWidget(self.total_label)
        agenda_layout.addWidget(self.undo_bar)
        agenda_layout.addLayout(buttons)
        self.table.installEventFilter(self)
        self.table.viewport().installEventFilter(self)
        return agenda_box

    def _fit_columns(self) -> None:
        """The title column takes the room; the others fit their text; rows fit their title.

        Sized once per new list (and per change of width or font), not by Qt's "resize to
        contents", which measured every cell anew on each layout: opening a meeting asked
        the model for 5,000 cell values and took a third of the time to open it.
        """
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):
            mode = QHeaderView.ResizeMode.Fixed
            if column == 1:
                mode = QHeaderView.ResizeMode.Stretch
            elif column == 3:  # presenter names can be long: a fixed, elided column
                mode = QHeaderView.ResizeMode.Interactive
            header.setSectionResizeMode(column, mode)
        header.resizeSection(3, self.fontMetrics().averageCharWidth() * 14)
        for column in (0, 2, 4):
            header.resizeSection(column, max(header.sectionSizeHint(column),
                                             self.table.sizeHintForColumn(column)))
        self._fit_rows()

    def _fit_rows(self) -> None:
        """Each row as high as its wrapped title needs at the title column's width (on
        screen; a hidden table has no final width yet and is fitted as it shows)."""
        self._fitted_width = None
        if not self.table.isVisible():
            return
        rows = self.table.verticalHeader()
        for row in range(self.model.rowCount()):
            rows.resizeSection(row, self.table.sizeHintForRow(row))
        self._fitted_width = self.table.columnWidth(1)

    def _fit_if_stale(self) -> None:
        """Fit the rows when the title column's width moved since (Qt does not always
        say so: a scroll bar that appears as rows grow narrows it without a signal)."""
        if self._fitted_width != self.table.columnWidth(1):
            self._fit_rows()

    def _column_resized(self, column: int, _old: int, _new: int) -> None:
        if column == 1:  # the title column (the window or the editor's width changed)
            self._fit_rows()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Keys on the agenda table: Alt+Up/Down move, Delete removes, Enter edits."""
        if watched is self.table and event.type() == QEvent.Type.FontChange:
            self._fit_columns()  # another text size: other widths and heights
        if event.type() in (QEvent.Type.Show, QEvent.Type.Paint) and (
                watched is self.table or watched is self.table.viewport()):
            self._fit_if_stale()  # before it shows or paints, never with a stale height
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            action = table_key_action(event.key(), event.modifiers())  # type: ignore[attr-defined]
            if action is not None:
                action_name, delta = action
                if action_name == "move":
                    self.step_selected(delta)
                elif action_name == "delete":
                    self.delete_selected()
                else:
                    self.edit_selected()
                return True
        return super().eventFilter(watched, event)


    def _load_agenda(self) -> None:
        if not self.meeting_id:
            return
        keep = self._select_after_reload or self.selected_item_id()
        if self.undo_bar.isVisibleTo(self) and self.ws.undo_name != _(UNDO_DELETE_STEP):
            self.undo_bar.hide()  # undone already (Ctrl+Z) or no longer the last step
        items = self.ws.agenda.for_meeting(self.meeting_id)
        self.model.set_items(items)
        self._fit_columns()
        self.total_label.setText(agenda_total_label([i.planned_minutes for i in items]))
        self._select_after_reload = None
        if keep:
            self.select_item(keep)


    def selected_item_id(self) -> str | None:
        """The id of the selected agenda item."""
        rows = self.table.selectionModel().selectedRows()
        item = self.model.item_at(rows[0].row()) if rows else None
        return item.id if item else None

    def select_item(self, item_id: str) -> None:
        """Select (and show) an agenda item."""
        row = self.model.row_of(item_id)
        if row < 0:
            return
        index = self.model.index(row, 0)
        self.table.selectionModel().select(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)

    def step_selected(self, delta: int) -> None:
        """Move the selected item one place up (-1) or down (+1)."""
        item_id = self.selected_item_id()
        if not item_id:
            return
        target = step_position(self.model.row_of(item_id), delta, self.model.rowCount())
        if target is not None:
            self.move_item(item_id, target)

    def move_item(self, item_id: str, new_position: int) -> None:
        """Move an item (from a drop or the keyboard) and keep it selected."""
        self._select_after_reload = item_id
        agenda_ops.move_item(self, item_id, new_position).success(
            lambda _c: self._after_reload(item_id)
        ).run()

    def delete_selected(self) -> None:
        """Remove the selected item after asking (the Delete key is easily hit by accident);
        the bar below then offers "Terugzetten"."""
        item_id = self.selected_item_id()
        if not item_id:
            return
        item = self.ws.agenda.get(item_id)
        title = item.title
        question = _("Wilt u het agendapunt ‘{title}’ verwijderen?").format(title=title)
        if item.notes.strip() or item.summary.strip():
            question += " " + _("De aantekeningen bij dit punt gaan dan ook weg.")
        question += " " + _("Terugzetten kan daarna met Ctrl+Z.")
        if not self.confirm_delete(self, _("Agendapunt verwijderen"), question,
                                   _("Ja, verwijderen")):
            self.table.setFocus()
            return
        agenda_ops.delete_item(self, item_id).success(lambda _c: self._show_undo(title)).run()

    def _show_undo(self, title: str) -> None:
        self.undo_label.setText(_("‘{title}’ is verwijderd.").format(title=title))
        self.undo_bar.show()

    def undo_delete(self) -> None:
        """Undo the deletion when it is still the last step."""
        self.undo_bar.hide()
        if self.ws.undo_name == _(UNDO_DELETE_STEP):
            CoreOp(self, lambda ws: ws.undo()).with_message(_("Agendapunt teruggezet.")).run()

    def _after_reload(self, item_id: str) -> None:
        self._select_after_reload = item_id
        self._load_agenda()
        self.table.setFocus()

