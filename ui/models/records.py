"""A list of records (optionally under group headers) that updates its rows in place.

The follow-up screens list hundreds of records. Rebuilding such a list on every change
resets the view: the scroll position jumps, the selection is lost and the window stalls.
:class:`RecordListModel` instead compares the new rows with the ones it shows and only
inserts, removes, moves or rewrites the rows that differ (``rowsInserted``,
``rowsRemoved``, ``dataChanged``; never ``modelReset``).

Rows are plain :class:`ListRow` values, so a view can make them off the GUI thread
(core reads and Dutch formatting) and hand them to :meth:`RecordListModel.set_rows` on it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QStandardItem, QStandardItemModel

from ..style import OVERDUE

ID_ROLE = Qt.ItemDataRole.UserRole
#: Marks a row shown as late (red, bold).
LATE_ROLE = Qt.ItemDataRole.UserRole + 7
LATE_COLOR = QColor(OVERDUE)


@dataclass(frozen=True)
class ListRow:
    """One record's row: its id, the cell texts, late (red + words), its group key."""

    id: str
    cells: tuple[str, ...]
    late: bool = False
    group: Any = None
    tooltip: str | None = None  # the first cell's text when None


class RowRef:
    """A read-only handle on one row (``text(column)``, ``data(column, role)``, ...), the
    way code and tests read rows of a ``QTreeWidget``."""

    def __init__(self, model: RecordListModel, index: QModelIndex) -> None:
        self._model = model
        self._index = QPersistentModelIndex(index)

    def index(self, column: int = 0) -> QModelIndex:
        """The model index of ``column`` in this row."""
        return self._index.sibling(self._index.row(), column)  # type: ignore[return-value]

    def text(self, column: int = 0) -> str:
        return str(self.data(column, Qt.ItemDataRole.DisplayRole) or "")

    def data(self, column: int, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return self._model.data(self.index(column), role)

    def foreground(self, column: int = 0) -> QBrush:
        value = self.data(column, Qt.ItemDataRole.ForegroundRole)
        return value if isinstance(value, QBrush) else QBrush()

    def font(self, column: int = 0) -> QFont:
        value = self.data(column, Qt.ItemDataRole.FontRole)
        return value if isinstance(value, QFont) else QFont()

    @property
    def record_id(self) -> str:
        return str(self.data(0, ID_ROLE) or "")


class RecordListModel(QStandardItemModel):
    """Columns ``headers``; rows keyed by record id, updated in place by :meth:`set_rows`."""

    def __init__(self, headers: Sequence[str], parent: Any = None) -> None:
        super().__init__(0, len(headers), parent)
        self.setHorizontalHeaderLabels(list(headers))
        self._bold = QFont()
        self._bold.setBold(True)

    # -- updating ---------------------------------------------------------------------
    def set_rows(self, rows: Sequence[ListRow],
                 groups: Sequence[tuple[Any, str]] | None = None) -> None:
        """Show ``rows`` in this order; with ``groups`` (``[(key, header)]``) each row goes
        under the header of its ``group``. Only what differs is changed."""
        root = self.invisibleRootItem()
        if groups is None:
            self._update_children(root, list(rows))
            return
        by_group: dict[Any, list[ListRow]] = {key: [] for key, _header in groups}
        for row in rows:
            if row.group in by_group:
                by_group[row.group].append(row)
        headers = [ListRow(f"\0group:{key}", (header,)) for key, header in groups]
        self._update_children(root, headers, header=True)
        for number, (key, _header) in enumerate(groups):
            parent = root.child(number, 0)
            self._update_children(parent, by_group[key])

    def _update_children(self, parent: QStandardItem, target: list[ListRow],
                         header: bool = False) -> None:
        wanted = {row.id for row in target}
        current = [parent.child(r, 0).data(ID_ROLE) for r in range(parent.rowCount())]
        for r in reversed(range(len(current))):
            if current[r] not in wanted:
                parent.removeRow(r)
                del current[r]
        for i, row in enumerate(target):
            if i < len(current) and current[i] == row.id:
                self._update_row(parent, i, row, header)
                continue
            try:
                j = current.index(row.id, i + 1)
            except ValueError:
                parent.insertRow(i, self._make_row(row, header))
                current.insert(i, row.id)
                continue
            moved = parent.takeRow(j)
            del current[j]
            parent.insertRow(i, moved)
            current.insert(i, row.id)
            self._update_row(parent, i, row, header)

    def _make_row(self, row: ListRow, header: bool) -> list[QStandardItem]:
        items = []
        for column in range(self.columnCount()):
            text = row.cells[column] if column < len(row.cells) else ""
            item = QStandardItem(text)
            item.setEditable(False)
            items.append(item)
        first = items[0]
        first.setData(row.id, ID_ROLE)
        if header:
            first.setFont(self._bold)
            for item in items:
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        else:
            first.setToolTip(row.tooltip if row.tooltip is not None else row.cells[0])
            if row.late:
                self._mark(items, True)
        return items

    def _update_row(self, parent: QStandardItem, r: int, row: ListRow, header: bool) -> None:
        items = [parent.child(r, c) for c in range(self.columnCount())]
        for column, item in enumerate(items):
            text = row.cells[column] if column < len(row.cells) else ""
            if item.text() != text:
                item.setText(text)
        if header:
            return
        tip = row.tooltip if row.tooltip is not None else row.cells[0]
        if items[0].toolTip() != tip:
            items[0].setToolTip(tip)
        if bool(items[0].data(LATE_ROLE)) != row.late:
            self._mark(items, row.late)

    @staticmethod
    def _mark(items: list[QStandardItem], late: bool) -> None:
        font = QFont()
        font.setBold(late)
        brush = QBrush(LATE_COLOR) if late else QBrush()
        for item in items:
            item.setFont(font)
            item.setForeground(brush)
        items[0].setData(late, LATE_ROLE)

    # -- reading ----------------------------------------------------------------------
    def rows(self) -> list[RowRef]:
        """Every record row (not the group headers), in display order."""
        found = []
        root = self.invisibleRootItem()
        for r in range(root.rowCount()):
            item = root.child(r, 0)
            if str(item.data(ID_ROLE) or "").startswith("\0group:"):
                found += [RowRef(self, item.child(c, 0).index()) for c in range(item.rowCount())]
            else:
                found.append(RowRef(self, item.index()))
        return found

    def index_of(self, record_id: str) -> QModelIndex:
        """The index of the record's row (invalid when it is not listed)."""
        for row in self.rows():
            if row.record_id == record_id:
                return row.index()
        return QModelIndex()

    def group_rows(self) -> list[int]:
        """The top-level rows that are group headers."""
        root = self.invisibleRootItem()
        return [r for r in range(root.rowCount())
                if str(root.child(r, 0).data(ID_ROLE) or "").startswith("\0group:")]

    def group_count(self, number: int) -> int:
        """How many records the ``number``-th group header holds."""
        item = self.invisibleRootItem().child(number, 0)
        return item.rowCount() if item is not None else 0

    def set_group_text(self, number: int, text: str) -> None:
        """Rename the ``number``-th group header (e.g. with its count)."""
        item = self.invisibleRootItem().child(number, 0)
        if item is not None and item.text() != text:
            item.setText(text)


__all__ = ["ID_ROLE", "LATE_COLOR", "ListRow", "RecordListModel", "RowRef"]
