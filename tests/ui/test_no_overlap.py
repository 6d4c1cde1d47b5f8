"""Nothing on a dialog is drawn over something else, also after a result came in: the
"Vergadering gesloten" dialog after Afdrukken (the result text overlapped its buttons)."""

from __future__ import annotations

from itertools import combinations
from typing import Any

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QScrollArea, QWidget

from tests.ui.conftest import wait_for_worker
from tests.ui.test_exporting import folders, opened  # noqa: F401 - fixtures
from ui.operations.context import AppContext, set_app_context
from ui.screen_fit import SCROLL_NAME
from ui.style import apply_style
from ui.views.meeting_send import AfterCloseDialog
from wijkapp.workspace import Workspace


def overlaps(top: QWidget) -> list[str]:
    """Pairs of visible labels / buttons of ``top`` whose rectangles overlap."""
    parts = [w for w in top.findChildren(QWidget)
             if isinstance(w, (QLabel, QAbstractButton)) and w.isVisibleTo(top)
             and w.width() > 0 and w.height() > 0]
    # What is really drawn: a part scrolled out of a scroll area's view does not count.
    spots = [(w, w.visibleRegion().boundingRect().translated(w.mapTo(top, QPoint(0, 0))))
             for w in parts]
    found = []
    for (a, ra), (b, rb) in combinations(spots, 2):
        if a.isAncestorOf(b) or b.isAncestorOf(a):
            continue
        common = ra.intersected(rb)
        if common.width() > 2 and common.height() > 2:
            found.append(f"{type(a).__name__} {getattr(a, 'text', str)()!r} {ra} × "
                         f"{type(b).__name__} {getattr(b, 'text', str)()!r} {rb}")
    return found


@pytest.mark.parametrize("percent", [100, 125, 150, 175, 200])
def test_after_close_dialog_has_no_overlap_after_afdrukken(
        qtbot: Any, demo_ws: Workspace, bus: Any, folders: Any,  # noqa: F811
        opened: Any, shoot: Any, percent: int) -> None:  # noqa: F811
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_style(app, percent)
    set_app_context(AppContext(demo_ws, bus))
    try:
        meeting = demo_ws.meetings.latest()
        assert meeting is not None
        dialog = AfterCloseDialog(demo_ws, meeting.id)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert not (found := overlaps(dialog)), "\n".join(found)
        dialog.minutes.buttons["print"].click()
        wait_for_worker(qtbot)
        qtbot.waitUntil(lambda: dialog.minutes.result.path is not None, timeout=20_000)
        dialog.action_list.buttons["save"].click()
        wait_for_worker(qtbot)
        qtbot.waitUntil(lambda: dialog.action_list.result.path is not None, timeout=20_000)
        qtbot.wait(50)
        shoot(dialog, f"after-close-printed-{percent}")
        assert dialog.minutes.result.text.text()
        assert not (found := overlaps(dialog)), "\n".join(found)
        body = dialog.findChild(QScrollArea, SCROLL_NAME)
        assert body is not None or percent < 150  # at 150 % it scrolls on the laptop
        if body is not None:  # up and down only: nothing cut off at the right
            assert not body.horizontalScrollBar().isVisible()
    finally:
        wait_for_worker(qtbot)
        set_app_context(None)
        apply_style(app, 100)
