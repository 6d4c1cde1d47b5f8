"""Every screen fits an ordinary 1366 × 768 laptop at 100 % to 175 % text size (and scrolls at 200 %).

The main window is built the way the app builds it (text size applied first) over the demo
board; for each view, the meeting editor and minutes mode, the window's minimum size must
fit the screen: never wider than 1366 px (no sideways scrolling), and no taller than 768 px
(longer content scrolls vertically inside the view). Screenshots of the window at
1366 × 768 go to screenshots-run/ (``laptop-<screen>-<percent>.png``) to look at.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import wait_for_worker
from ui.main_window import VIEWS, MainWindow
from ui.operations.context import AppContext, set_app_context
from ui.style import apply_style
from ui.views.meetings import EDITOR_PAGE, MINUTES_PAGE
from wijkapp.demo import create_demo
from wijkapp.workspace import Workspace

LAPTOP = (1366, 768)
SCREENS = [spec.key for spec in VIEWS] + ["meeting-editor", "minutes"]

#: Known to be too wide, with the change that fixes it (in a file owned elsewhere).
TOO_WIDE: dict[tuple[str, int], str] = {}


@pytest.fixture
def window(qtbot: Any, empty_ws: Workspace, bus: Any, tmp_path: Path,
           monkeypatch: pytest.MonkeyPatch, request: Any) -> Iterator[MainWindow]:
    """The main window over the demo board, built at the test's text size."""
    monkeypatch.setenv("WIJKAPP_CONFIG_DIR", str(tmp_path / "config"))
    percent = request.node.callspec.params["percent"]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    create_demo(empty_ws)
    apply_style(app, percent)
    win = MainWindow(empty_ws, bus)
    qtbot.addWidget(win)
    set_app_context(AppContext(empty_ws, bus, win.show_status))
    win.resize(*LAPTOP)
    win.show()
    wait_for_worker(qtbot)
    yield win
    wait_for_worker(qtbot)
    set_app_context(None)
    apply_style(app, 100)


def show_screen(window: MainWindow, screen: str, qtbot: Any) -> None:
    """Show a view, or the editor / minutes mode of the first meeting via MeetingsView."""
    if screen in ("meeting-editor", "minutes"):
        meetings: Any = window.show_view("meetings")
        meeting_id = meetings.selected_meeting_id()
        assert meeting_id
        if screen == "meeting-editor":
            meetings.open_meeting(meeting_id)
            assert meetings.current_page() == EDITOR_PAGE
        else:
            meetings.start_minutes(meeting_id)
            assert meetings.current_page() == MINUTES_PAGE
    else:
        window.show_view(screen)
    wait_for_worker(qtbot)
    QCoreApplication.sendPostedEvents()
    window.layout().activate()
    qtbot.wait(30)


@pytest.mark.parametrize("percent", [100, 125, 150, 175])
@pytest.mark.parametrize("screen", SCREENS)
def test_screen_fits_a_1366_by_768_laptop(window: MainWindow, qtbot: Any, shoot: Any,
                                          screen: str, percent: int) -> None:
    show_screen(window, screen, qtbot)
    window.resize(*LAPTOP)
    qtbot.wait(30)
    shoot(window, f"laptop-{screen}-{percent}")
    # The page itself must fit beside the navigation (the window's scroll fallback is for
    # 200 % only, so it must not hide a page that is too wide at 100 % or 150 %).
    scroll = window.stack.currentWidget()
    page_hint, scroll_hint = scroll.widget().minimumSizeHint(), scroll.minimumSizeHint()
    needed = window.minimumSizeHint() + QSize(
        max(page_hint.width() - scroll_hint.width(), 0),
        max(page_hint.height() - scroll_hint.height(), 0),
    )
    if (screen, percent) in TOO_WIDE:
        if needed.width() > LAPTOP[0]:
            pytest.xfail(TOO_WIDE[(screen, percent)])
        pytest.fail(f"{screen} at {percent} % fits now; remove it from TOO_WIDE")
    assert needed.width() <= LAPTOP[0], f"{screen} needs {needed.width()} px at {percent} %"
    assert needed.height() <= LAPTOP[1], f"{screen} needs {needed.height()} px at {percent} %"
    assert window.width() <= LAPTOP[0]


@pytest.mark.parametrize("percent", [200])
@pytest.mark.parametrize("screen", SCREENS)
def test_at_200_percent_the_window_still_fits_and_scrolls(
        window: MainWindow, qtbot: Any, shoot: Any, screen: str, percent: int) -> None:
    show_screen(window, screen, qtbot)
    window.resize(*LAPTOP)
    qtbot.wait(30)
    shoot(window, f"laptop-{screen}-{percent}")
    assert window.minimumSizeHint().width() <= LAPTOP[0]
    assert window.width() <= LAPTOP[0]


@pytest.mark.parametrize("percent", [100, 150])
def test_navigation_wraps_long_titles_instead_of_widening_the_window(
        window: MainWindow, percent: int) -> None:
    metrics = window.nav.fontMetrics()
    longest = max(metrics.horizontalAdvance(window.nav.item(r).text())
                  for r in range(window.nav.count()))
    assert window.nav.width() < longest  # "Verzoeken aan de gemeente" takes two lines
    words = [w for r in range(window.nav.count()) for w in window.nav.item(r).text().split()]
    assert all(metrics.horizontalAdvance(word) < window.nav.width() for word in words)
