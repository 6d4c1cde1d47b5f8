"""The mouse wheel scrolls the page and never changes a date, a number or a choice.

Found by scrolling the meeting page with the wheel at 200 % text: the date field passed
under the pointer, took the focus, and the meeting moved a day, saved at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tests.ui.conftest import wait_for_worker
from ui import screen_fit
from ui.views.meeting_editor import MeetingEditor
from ui.views.meeting_widgets import date_time_edit
from wijkapp.timeutil import TZ
from wijkapp.workspace import Workspace


@pytest.fixture
def guarded(qapp: QApplication) -> Iterator[QApplication]:
    screen_fit.install(qapp)  # as apply_style does for the app
    yield qapp


def wheel(widget: QWidget, steps: int = -3) -> None:
    """Turn the wheel ``steps`` notches (negative: towards the user) over ``widget``."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre)), QPoint(0, 0),
                        QPoint(0, 120 * steps), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def page_with_fields(qtbot: Any) -> tuple[QScrollArea, list[QWidget]]:
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    body = QWidget()
    column = QVBoxLayout(body)
    date = date_time_edit(dt.datetime(2027, 1, 12, 19, 30), "Datum en tijd")
    number = QSpinBox()
    number.setValue(5)
    choice = QComboBox()
    choice.addItems(["ter informatie", "ter besluitvorming", "ter bespreking"])
    for field in (date, number, choice):
        column.addWidget(field)
        for n in range(8):
            column.addWidget(QLabel(f"Regel {n}"))
    scroll.setWidget(body)
    qtbot.addWidget(scroll)
    scroll.resize(400, 250)
    scroll.show()
    qtbot.waitExposed(scroll)
    return scroll, [date, number, choice]


def values(fields: list[QWidget]) -> list[object]:
    date, number, choice = fields
    return [date.dateTime(), number.value(), choice.currentIndex()]  # type: ignore[attr-defined]


def test_the_wheel_over_a_field_scrolls_the_page(qtbot: Any, guarded: Any) -> None:
    scroll, fields = page_with_fields(qtbot)
    before = values(fields)
    bar = scroll.verticalScrollBar()
    assert bar.maximum() > 0
    for field in fields:
        assert field.focusPolicy() == Qt.FocusPolicy.StrongFocus  # a click or Tab, no wheel
        scroll.ensureWidgetVisible(field)
        where = bar.value()
        wheel(field)
        assert values(fields) == before, type(field).__name__
        assert not field.hasFocus()
        assert bar.value() > where or bar.value() == bar.maximum(), type(field).__name__
    bar.setValue(bar.maximum())
    wheel(fields[2], steps=3)  # and back up
    assert bar.value() < bar.maximum()
    assert values(fields) == before


def test_the_wheel_over_tabs_does_not_switch_them(qtbot: Any, guarded: Any) -> None:
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    body = QWidget()
    column = QVBoxLayout(body)
    tabs = QTabWidget()
    tabs.addTab(QLabel("Personen"), "Personen")
    tabs.addTab(QLabel("Organisaties"), "Organisaties")
    column.addWidget(tabs)
    for n in range(30):
        column.addWidget(QLabel(f"Regel {n}"))
    scroll.setWidget(body)
    qtbot.addWidget(scroll)
    scroll.resize(400, 250)
    scroll.show()
    qtbot.waitExposed(scroll)
    wheel(tabs.tabBar())
    assert tabs.currentIndex() == 0
    assert scroll.verticalScrollBar().value() > 0


def test_without_the_guard_the_wheel_changes_the_field(qtbot: Any, guarded: Any) -> None:
    """The control: Qt's own behaviour, which the guard takes away."""
    filt = guarded._wijkapp_screen_fit
    guarded.removeEventFilter(filt)
    try:
        _scroll, fields = page_with_fields(qtbot)
        number = fields[1]
        assert isinstance(number, QSpinBox)
        wheel(number, steps=1)
        assert number.value() != 5
    finally:
        guarded.installEventFilter(filt)


def test_scrolling_the_meeting_page_keeps_the_meeting_date(
        qtbot: Any, ws: Workspace, bus: Any, app_ctx: Any, guarded: Any) -> None:
    start = dt.datetime(2027, 1, 12, 19, 30, tzinfo=TZ)
    meeting = ws.meetings.create(start).id
    assert meeting
    editor = MeetingEditor(ws, bus)
    qtbot.addWidget(editor)
    editor.resize(700, 400)
    editor.show()
    editor.load(meeting)
    qtbot.wait(50)
    chosen = {field: combo.currentIndex() for field, combo in editor.roles.combos.items()}
    for _ in range(5):
        wheel(editor.when_edit)
        for combo in editor.roles.combos.values():
            wheel(combo)
    editor.flush()
    wait_for_worker(qtbot)
    qtbot.wait(800)  # past the date field's save delay
    wait_for_worker(qtbot)
    assert ws.meetings.get(meeting).start == start
    assert {f: c.currentIndex() for f, c in editor.roles.combos.items()} == chosen
    assert editor.scroll_area.verticalScrollBar().value() > 0  # the page scrolled instead


def test_screens_built_in_the_pauses_are_guarded_and_dialogs_still_fit(
        qtbot: Any, ws: Workspace, bus: Any, app_ctx: Any, guarded: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The warm-up builds with the app-wide filter paused (ui.screen_fit.paused): its
    fields still get the wheel rule, and the filter is back for what comes after."""
    from PySide6.QtWidgets import QAbstractSpinBox

    from tests.ui.followup_data import fill
    from ui.main_window import MainWindow

    monkeypatch.setenv("WIJKAPP_WARMUP", "on")
    fill(ws)
    win = MainWindow(ws, bus)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitUntil(lambda: win.warmer.done, timeout=30_000)
    wait_for_worker(qtbot)
    fields = [f for kind in (QAbstractSpinBox, QComboBox) for f in win.findChildren(kind)]
    assert len(fields) > 20
    assert {f.focusPolicy() for f in fields} == {Qt.FocusPolicy.StrongFocus}
    assert guarded._wijkapp_screen_fit is not None
    number = QSpinBox()
    scroll = QScrollArea()
    scroll.setWidget(number)
    qtbot.addWidget(scroll)
    scroll.show()
    wheel(number, steps=1)
    assert number.value() == 0  # the filter is installed again after the pauses


def test_a_pause_gives_the_filter_back_after_an_error(guarded: Any) -> None:
    with pytest.raises(RuntimeError), screen_fit.paused():
        raise RuntimeError("a build failed")
    spin = QSpinBox()
    event = QWheelEvent(QPointF(1, 1), QPointF(1, 1), QPoint(0, 0), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(spin, event)
    assert spin.value() == 0  # still guarded
