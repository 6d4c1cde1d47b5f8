"""A table model over a meeting's agenda items, with drag-and-drop reordering.

The model never reorders itself: a drop emits ``move_requested(item_id, new_position)``
and the view runs the core operation; the list comes back through the change bus.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from wijkapp.agenda import AgendaItem
from wijkapp.i18n import _

from ..labels import kind_label, minutes_label

MIME_TYPE = "application/x-wijkapp-agenda-row"
ID_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


def drop_position(source_row: int, drop_row: int, count: int) -> int | None:
    """The 0-based new position when the row ``source_row`` is dropped before ``drop_row``.

    ``drop_row`` -1 (or ``count``) means "after the last row". ``None`` when nothing moves.
    """
    if drop_row < 0 or drop_row > count:
        drop_row = count
    new_position = drop_row - 1 if drop_row > source_row else drop_row
    new_position = max(0, min(new_position, count - 1))
    return None if new_position == source_row else new_position


def step_position(row: int, delta: int, count: int) -> int | None:
    """The row after moving ``row`` by ``delta`` (Alt+Up = -1); ``None`` at the edges."""
    target = row + delta
    if row < 0 or target < 0 or target >= count:
        return None
    return target


class AgendaModel(QAbstractTableModel):
    """Rows are agenda items in order; columns Nr · Agendapunt · Soort · Inleider · Tijd."""

    move_requested = Signal(str, int)  # (item_id, new_position)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[AgendaItem] = []

    def headers(self) -> list[str]:
        """Column titles, translated now."""
        return [_("Nr."), _("Agendapunt"), _("Soort"), _("Inleider"), _("Tijd")]

    def set_items(self, items: list[AgendaItem]) -> None:
        """Replace the rows."""
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def items(self) -> list[AgendaItem]:
        """The rows, in order."""
        return list(self._items)

    def item_at(self, row: int) -> AgendaItem | None:
        """The item on ``row`` or ``None``."""
        return self._items[row] if 0 <= row < len(self._items) else None

    def row_of(self, item_id: str) -> int:
        """The row of an item id, or -1."""
        for row, item in enumerate(self._items):
            if item.id == item_id:
                return row
        return -1

    # -- table --------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.item_at(index.row())
        if item is None:
            return None
        if role == ID_ROLE:
            return item.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return [
                str(index.row() + 1),
                item.title,
                kind_label(item.kind),
                item.presenter,
                minutes_label(item.planned_minutes),
            ][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and item.summary:
            return item.summary
        return None

    # -- drag and drop ------------------------------------------------------------------
    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid():
            return base | Qt.ItemFlag.ItemIsDragEnabled
        return base | Qt.ItemFlag.ItemIsDropEnabled

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        data = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        data.setData(MIME_TYPE, str(rows[0] if rows else -1).encode())
        return data

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:  # noqa: N802
        return data.hasFormat(MIME_TYPE) and action == Qt.DropAction.MoveAction

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:  # noqa: N802
        """Ask for the move; returns False so the view never removes rows by itself."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        try:
            source = int(bytes(data.data(MIME_TYPE).data()).decode())
        except ValueError:
            return False
        if row < 0 and parent.isValid():
            row = parent.row()  # dropped onto an item: put it before that item
        item = self.item_at(source)
        if item is None:
            return False
        position = drop_position(source, row, len(self._items))
        if position is not None:
            self.move_requested.emit(item.id, position)
        return False
