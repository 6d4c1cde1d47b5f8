"""The wrapping row of buttons works out each width's height once, and again after a
button changes (issue 19: a hidden meeting page was asked 150 times as the list showed)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from ui.views.flow_layout import FlowLayout


def row_of_buttons(qtbot: Any) -> tuple[QWidget, QVBoxLayout, FlowLayout, list[QPushButton]]:
    holder = QWidget()
    column = QVBoxLayout(holder)
    row = FlowLayout()
    buttons = [QPushButton(text) for text in ("PDF maken", "Afdrukken", "Mailen als bijlage")]
    for button in buttons:
        row.addWidget(button)
    column.addLayout(row)
    qtbot.addWidget(holder)
    holder.show()
    qtbot.waitExposed(holder)
    return holder, column, row, buttons


def test_the_height_follows_the_buttons_after_a_change(qtbot: Any) -> None:
    _holder, column, row, buttons = row_of_buttons(qtbot)
    wide = sum(b.sizeHint().width() for b in buttons) + 40
    one_row = row.heightForWidth(wide)
    assert row.heightForWidth(wide) == one_row  # asked again: the same answer
    assert row.heightForWidth(buttons[2].sizeHint().width() + 4) > one_row  # wraps
    buttons[0].setText("Een heel lange tekst op de eerste knop van deze rij " * 2)
    column.activate()  # as Qt does on the layout request that follows
    assert row.heightForWidth(wide) > one_row  # no longer fits on one row
    buttons[0].hide()
    column.activate()
    assert row.heightForWidth(wide) == one_row  # the other two fit again
