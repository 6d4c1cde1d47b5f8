"""The calendar that opens from a date field shows all six weeks at large text, under a
header that reads dark on light."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QTableView, QToolButton, QWidget

from ui.style import apply_style
from ui.views.widgets import DateField


@pytest.mark.parametrize("percent", [100, 150, 200])
def test_the_whole_month_shows_in_the_popup(qtbot: Any, shoot: Any, percent: int) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_style(app, percent)
    try:
        field = DateField("Klaar vóór")
        qtbot.addWidget(field)
        field.set_value("2026-12-03")
        field.resize(600, 90)
        field.show()
        qtbot.waitExposed(field)
        edit = field.edit
        qtbot.mouseClick(edit, Qt.MouseButton.LeftButton, pos=QPoint(edit.width() - 8,
                                                                      edit.height() // 2))
        calendar = edit.calendarWidget()
        qtbot.waitUntil(calendar.isVisible, timeout=3000)
        qtbot.wait(50)
        shoot(calendar.window(), f"calendar-{percent}")
        view = calendar.findChild(QTableView)
        assert view is not None
        last_week = view.visualRect(view.model().index(6, 0))
        assert last_week.bottom() <= view.viewport().height(), (
            f"the last week is cut off at {percent} %")
        # the month and year read dark on a light header
        header = calendar.findChild(QWidget, "qt_calendar_navigationbar")
        assert header is not None
        background = QColor(header.grab().toImage().pixel(3, 3))
        assert background.lightness() > 180, background.name()
        month = next(b for b in calendar.findChildren(QToolButton) if b.text().strip()
                     and not b.text().strip().isdigit())
        assert month.palette().color(month.foregroundRole()).lightness() < 80
        calendar.window().hide()
    finally:
        apply_style(app, 100)
