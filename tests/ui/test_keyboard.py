"""Keyboard and focus details a keyboard-first volunteer meets."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, Qt

from ui.views.widgets import DateField


def test_opening_an_empty_dates_calendar_chooses_nothing_by_itself(qtbot: Any) -> None:
    field = DateField("Antwoord beloofd vóór")
    qtbot.addWidget(field)
    field.show()
    changes: list[int] = []
    field.changed.connect(lambda: changes.append(1))
    qtbot.keyClick(field.edit, Qt.Key.Key_F4)  # opens the calendar
    calendar = field.edit.calendarWidget()
    today = QDate.currentDate()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year(), today.month())
    calendar.window().close()  # closed without a click
    assert field.value() is None and changes == []
    qtbot.mouseClick(field.edit, Qt.MouseButton.LeftButton)
    calendar.window().close()
    assert field.value() is None and changes == []
    # Typing or stepping is a choice: it starts from today.
    qtbot.keyClick(field.edit, Qt.Key.Key_Up)
    assert field.value() is not None and changes


def test_a_filled_dates_calendar_opens_on_its_own_month(qtbot: Any) -> None:
    field = DateField("Klaar vóór")
    qtbot.addWidget(field)
    field.show()
    field.set_value("2025-03-14")
    qtbot.keyClick(field.edit, Qt.Key.Key_F4)
    calendar = field.edit.calendarWidget()
    assert (calendar.yearShown(), calendar.monthShown()) == (2025, 3)
    calendar.window().close()
    assert str(field.value()) == "2025-03-14"


def test_tab_leaves_a_date_field_at_once_empty_or_filled(qtbot: Any) -> None:
    """An empty date ("geen datum") kept Tab for ever: a keyboard trap."""
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

    top = QWidget()
    qtbot.addWidget(top)
    layout = QVBoxLayout(top)
    before, field, after = QLineEdit(), DateField("Klaar vóór"), QLineEdit()
    for widget in (before, field, after):
        layout.addWidget(widget)
    top.show()
    qtbot.waitExposed(top)
    top.activateWindow()
    for value in (None, "2026-12-03"):
        field.set_value(value)
        field.edit.setFocus()
        qtbot.keyClick(field.edit, Qt.Key.Key_Tab)
        assert top.focusWidget() is field.clear_button
        field.edit.setFocus()
        qtbot.keyClick(field.edit, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        assert top.focusWidget() is before
