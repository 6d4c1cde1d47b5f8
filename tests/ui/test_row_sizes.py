"""List rows are measured once per cell, width and font, until the rows change (issue 19).

Qt asks the list's delegate for every cell's size at each layout (a show, a resize, a
scroll bar that appears); measuring wrapped text was most of the time a screen took to
show. The delegate keeps what it measured; these tests hold it to giving the size the
cell has *now*: after an edit, at another width, at another text size.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTreeView

from ui.views.widgets import WrappingDelegate, list_view

SHORT = "Lantaarnpaal"
LONG = ("Gemeente bellen over de lantaarnpaal bij de speeltuin in de Kerkstraat, "
        "en over de ĳzeren hekken bij de school")


def model_of(rows: list[str]) -> QStandardItemModel:
    model = QStandardItemModel()
    model.setHorizontalHeaderLabels(["Wat", "Wie"])
    for text in rows:
        model.appendRow([QStandardItem(text), QStandardItem("Annie")])
    return model


class Counting(WrappingDelegate):
    """Counts the cells it really measures."""

    measured = 0

    def _measure(self, option: Any, index: Any, width: int) -> Any:
        Counting.measured += 1
        return super()._measure(option, index, width)


def shown(qtbot: Any, model: QAbstractItemModel) -> QTreeView:
    tree = list_view(model, "Lijst")
    tree.setItemDelegate(Counting(tree))
    qtbot.addWidget(tree)
    tree.resize(400, 400)
    tree.show()
    qtbot.waitExposed(tree)
    return tree


def height(tree: QTreeView, row: int) -> int:
    return tree.sizeHintForIndex(tree.model().index(row, 0)).height()


def test_each_cell_is_measured_once_until_something_changes(qtbot: Any) -> None:
    tree = shown(qtbot, model_of([SHORT, LONG] * 20))
    for _ in range(3):  # three layouts of the same rows at the same width
        tree.doItemsLayout()
        for row in range(40):
            height(tree, row)
    first = Counting.measured
    tree.doItemsLayout()
    for row in range(40):
        height(tree, row)
    assert Counting.measured == first  # nothing measured again
    assert height(tree, 1) > height(tree, 0)  # the long text wraps


def test_an_edited_cell_is_measured_anew(qtbot: Any) -> None:
    model = model_of([SHORT, SHORT])
    tree = shown(qtbot, model)
    one_line = height(tree, 0)
    model.item(0, 0).setText(LONG)  # dataChanged
    assert height(tree, 0) > one_line
    model.item(0, 0).setText(SHORT)
    assert height(tree, 0) == one_line
    model.insertRow(0, [QStandardItem(LONG), QStandardItem("Piet")])  # rows move down
    assert height(tree, 0) > one_line
    assert height(tree, 1) == one_line


def test_another_width_or_text_size_is_measured_anew(qtbot: Any) -> None:
    tree = shown(qtbot, model_of([LONG]))
    header = tree.header()
    header.resizeSection(0, 380)
    wide = height(tree, 0)
    header.resizeSection(0, 120)  # a narrow column: more lines
    assert height(tree, 0) > wide
    header.resizeSection(0, 380)
    assert height(tree, 0) == wide
    big = QFont(tree.font())
    big.setPointSize(big.pointSize() * 2)  # text size 200 %
    tree.setFont(big)
    assert height(tree, 0) > wide
