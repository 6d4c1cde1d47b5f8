"""Lists read whole at large text: every column in sight, every cell wrapped, not cut.

At 150 % on a 1366 × 768 laptop the Actiepunten list hid its "Vergadering" column behind a
sideways scrollbar, and Qt measured wrapping cells as one line, so "Gemeente bellen over
de lantaarnpaal" read "Gemeente bellen over…". Each list of the demo board is shown in the
main window at 100 %, 150 % and 200 % and read cell by cell.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem, QTreeView

from tests.ui.conftest import wait_for_worker
from tests.ui.test_fits_laptop import window  # noqa: F401 - the fixture: the demo board at a size
from ui.main_window import MainWindow
from ui.views.widgets import ROW_LINES


def cut_short(tree: QTreeView, row: int, column: int) -> bool:
    """Whether the cell's text, wrapped at its text area's width, is higher than the area
    (Qt then ends it in "…"); cells of :data:`ROW_LINES` lines and more may be."""
    index = tree.model().index(row, column)
    option = QStyleOptionViewItem()
    option.initFrom(tree)
    option.font = QFont(index.data(Qt.ItemDataRole.FontRole) or tree.font())
    tree.itemDelegate().initStyleOption(option, index)
    option.rect = tree.visualRect(index)
    area = tree.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, tree)
    metrics = QFontMetrics(option.font)
    wrapped = metrics.boundingRect(QRect(0, 0, area.width() - 6, 100_000),
                                   int(Qt.TextFlag.TextWordWrap), option.text)
    lines = round(wrapped.height() / metrics.lineSpacing())
    return lines < ROW_LINES and wrapped.height() > area.height() + 1


@pytest.mark.parametrize("percent", [100, 150, 200])
@pytest.mark.parametrize("screen", ["actions", "requests", "contacts"])
def test_every_column_in_sight_and_every_cell_whole(window: MainWindow, qtbot: Any,  # noqa: F811
                                                    screen: str, percent: int) -> None:
    view: Any = window.show_view(screen)
    wait_for_worker(qtbot)
    qtbot.wait(50)
    tree = view.tree if hasattr(view, "tree") else (
        view.requests.tree if screen == "requests" else view.people.tree)
    assert tree.isVisible() and tree.model().rowCount() >= 3
    header = tree.header()
    columns = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    # No column behind a sideways scrollbar.
    assert sum(header.sectionSize(c) for c in columns) <= tree.viewport().width()
    assert not tree.horizontalScrollBar().isVisible()
    for row in range(min(tree.model().rowCount(), 12)):
        for column in columns:
            assert not cut_short(tree, row, column), (
                f"{screen} at {percent} %: row {row}, column {column} is cut short: "
                f"{tree.model().index(row, column).data()!r}")
