"""The window takes a laptop screen's width, and the meeting editor's buttons go onto two
rows at large text instead of making the page scroll sideways (seen at 200 % text on a
1366 × 768 laptop: "Notuleren" was half off the page)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QBoxLayout, QScrollArea

from tests.ui.test_fits_laptop import LAPTOP, show_screen, window  # noqa: F401 - the fixture
from ui.main_window import MainWindow, initial_size


def test_the_first_window_takes_a_laptop_screens_width() -> None:
    assert initial_size(QSize(1366, 728)) == QSize(1350, 728)  # its frame fits too
    assert initial_size(QSize(1024, 700)) == QSize(1008, 700)
    assert initial_size(QSize(1920, 1040)) == QSize(1280, 800)  # a big screen: not all of it


@pytest.mark.parametrize("percent", [100, 200])
def test_the_editor_never_scrolls_sideways(window: MainWindow, qtbot: Any,  # noqa: F811
                                           percent: int) -> None:
    show_screen(window, "meeting-editor", qtbot)
    meetings: Any = window.view("meetings")
    editor = meetings.editor
    scrolls = [area for area in window.findChildren(QScrollArea)
               if area.isVisible() and area.horizontalScrollBar().maximum() > 0]
    assert [(type(a.parentWidget()).__name__, a.horizontalScrollBar().maximum())
            for a in scrolls] == []
    two_rows = editor.top.direction() == QBoxLayout.Direction.TopToBottom
    assert two_rows is (percent == 200)
    for button in (editor.back_button, editor.send_button, editor.minutes_button):
        assert editor.rect().contains(button.geometry()), button.text()
        assert button.width() >= button.minimumSizeHint().width()
