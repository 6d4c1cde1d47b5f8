"""The meetings list changes its rows in place when the same meetings stay (issue 19).

An edit of a title, a place or a status used to empty and refill the whole list (twenty
years of meetings), which also lost the place the secretary had scrolled to.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt

from ui.views.meetings import MeetingsView
from wijkapp.timeutil import TZ
from wijkapp.workspace import Workspace


def test_an_edit_changes_its_row_in_place_and_keeps_the_scroll_place(
        qtbot: Any, ws: Workspace, bus: Any, app_ctx: Any) -> None:
    ids = [ws.meetings.create(dt.datetime(2020, 1, 7, 19, 30, tzinfo=TZ)
                              + dt.timedelta(days=28 * n)).id for n in range(60)]
    view = MeetingsView(ws, bus)
    qtbot.addWidget(view)
    view.resize(700, 400)
    view.show()
    qtbot.waitUntil(lambda: view.list.count() > 60)
    target = ids[5]  # an old one: near the end of the list (the newest come first)
    view.select_meeting(target)
    qtbot.wait(50)
    view.list.scrollToItem(view.list.currentItem())
    row = view.list.currentRow()
    item = view.list.item(row)
    scrolled = view.list.verticalScrollBar().value()
    assert scrolled > 0

    ws.meetings.update(target, title="Extra vergadering over de ĳsbaan 😀")
    view.refresh()
    assert view.list.item(row) is item  # the same row, changed in place
    assert "ĳsbaan 😀" in item.text()
    assert view.list.currentRow() == row
    assert view.list.verticalScrollBar().value() == scrolled

    fresh = ws.meetings.create(dt.datetime(2031, 5, 6, 19, 30, tzinfo=TZ)).id
    view.refresh()  # another meeting: the list is made anew, the selection stays
    rows = [view.list.item(r).data(Qt.ItemDataRole.UserRole) for r in range(view.list.count())]
    assert fresh in rows and target in rows
    assert view.selected_meeting_id() == target
    titles = [view.list.item(r) for r in range(view.list.count()) if rows[r] is None]
    assert titles and all(t.font().bold() for t in titles)
    assert all(not (t.flags() & Qt.ItemFlag.ItemIsSelectable) for t in titles)


def test_an_empty_board_says_so_in_a_plain_line(qtbot: Any, ws: Workspace, bus: Any,
                                                app_ctx: Any) -> None:
    view = MeetingsView(ws, bus)
    qtbot.addWidget(view)
    view.show()
    view.refresh()
    assert view.list.count() == 1
    line = view.list.item(0)
    assert "Nog geen vergaderingen" in line.text()
    assert not line.font().bold()
    assert line.data(Qt.ItemDataRole.UserRole) is None
