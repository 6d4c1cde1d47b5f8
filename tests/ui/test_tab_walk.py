"""Tab walks every screen at 150 % on a 1366 × 768 laptop: it never gets stuck (a table
that keeps Tab for its cells was a trap), never stops on a nameless, ringless part (a
scroll area), and comes back round to the navigation."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

from tests.ui.test_fits_laptop import SCREENS, show_screen, window  # noqa: F401 - fixture
from ui.main_window import MainWindow

#: More Tab presses than any screen has stops.
MAX_STOPS = 120


def describe(widget: QWidget | None) -> str:
    if widget is None:
        return "nothing"
    text = widget.text() if hasattr(widget, "text") and callable(widget.text) else ""
    return f"{type(widget).__name__} {widget.accessibleName() or text!r}"


def spoken_name(widget: QWidget) -> str:
    """What a screen reader says: the accessible name, a button's text, or the name of the
    field the widget is part of (a combo box's line edit, a date's sections)."""
    part: QWidget | None = widget
    while part is not None:
        text = part.text() if isinstance(part, QAbstractItemView) is False and hasattr(
            part, "text") and callable(part.text) else ""
        name = part.accessibleName() or (text if isinstance(text, str) else "")
        if name.strip():
            return name
        part = part.parentWidget()
    return ""


@pytest.mark.parametrize("percent", [150])
@pytest.mark.parametrize("screen", SCREENS)
def test_tab_walks_the_screen_and_comes_back(window: MainWindow, qtbot: Any,  # noqa: F811
                                             screen: str, percent: int) -> None:
    show_screen(window, screen, qtbot)
    window.activateWindow()
    window.nav.setFocus()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert app.focusWidget() is window.nav
    stops: list[QWidget] = []
    for _press in range(MAX_STOPS):
        before = app.focusWidget()
        qtbot.keyClick(before, Qt.Key.Key_Tab)
        now = app.focusWidget()
        assert now is not None, f"{screen}: Tab after {describe(before)} lost the focus"
        if now is window.nav:
            break
        if now is before:
            pytest.fail(f"{screen}: Tab stays on {describe(now)}")
        if isinstance(now, QAbstractItemView):
            assert not now.tabKeyNavigation(), f"{screen}: {describe(now)} keeps Tab"
        assert spoken_name(now), f"{screen}: a nameless Tab stop {describe(now)}"
        if now not in stops:
            stops.append(now)
    else:
        pytest.fail(f"{screen}: Tab never came back to the navigation "
                    f"({len(stops)} stops, last {describe(app.focusWidget())})")
    assert stops, f"{screen}: Tab finds nothing to do on this screen"
