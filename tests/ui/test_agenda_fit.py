"""The agenda table fits its rows and columns to their text, measured once per change.

Qt's "resize to contents" measured every cell again on each layout (5,000 calls into the
model to open one meeting, issue 19); the table is now sized when its list, its width or
its text size changes. These tests hold it to what the secretary sees: a long title wraps
and its row is as high as the wrapped text, at every width and text size.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtGui import QFont

from ui.views.meeting_editor import MeetingEditor
from wijkapp.timeutil import TZ
from wijkapp.workspace import Workspace

LONG = ("Herinrichting van het speelveld in de Schoolstraat met de bewoners van de "
        "Kerkstraat, de school en de gemeente, en de ĳsbaan in de winter") * 2


def rows_fit(editor: MeetingEditor) -> None:
    table = editor.table
    least = table.verticalHeader().minimumSectionSize()  # Qt's floor for any row
    for row in range(editor.model.rowCount()):
        assert table.rowHeight(row) == max(least, table.sizeHintForRow(row)), row
    header = table.horizontalHeader()
    for column in (0, 2, 4):
        assert table.columnWidth(column) >= table.sizeHintForColumn(column), column
        assert table.columnWidth(column) >= header.sectionSizeHint(column), column


def shown_editor(qtbot: Any, ws: Workspace, bus: Any, meeting: str, width: int) -> MeetingEditor:
    editor = MeetingEditor(ws, bus)
    qtbot.addWidget(editor)
    editor.resize(width, 800)
    editor.show()
    editor.load(meeting)
    qtbot.wait(50)
    return editor


def test_rows_and_columns_fit_their_text_at_every_width_and_size(
        qtbot: Any, ws: Workspace, bus: Any, app_ctx: Any) -> None:
    meeting = ws.meetings.create(dt.datetime(2026, 12, 3, 19, 30, tzinfo=TZ)).id
    assert meeting
    ws.agenda.add(meeting, LONG, planned_minutes=125)
    editor = shown_editor(qtbot, ws, bus, meeting, 900)
    rows = [item.title for item in editor.model.items()]
    long_row = rows.index(LONG)
    short = editor.table.rowHeight(0)
    assert editor.table.rowHeight(long_row) >= 2 * short  # wrapped, and all of it shows
    rows_fit(editor)

    wide = editor.table.rowHeight(long_row)
    editor.resize(600, 800)  # a narrower window: the editor lays out anew
    qtbot.wait(50)
    assert editor.table.rowHeight(long_row) != wide  # fitted again at the new width
    rows_fit(editor)

    big = QFont(editor.table.font())
    big.setPointSize(big.pointSize() * 2)  # text size 200 %
    editor.table.setFont(big)
    qtbot.wait(50)
    assert editor.table.rowHeight(0) > short
    rows_fit(editor)


def test_a_meeting_loaded_while_hidden_fits_as_it_shows(
        qtbot: Any, ws: Workspace, bus: Any, app_ctx: Any) -> None:
    first = ws.meetings.create(dt.datetime(2026, 12, 3, 19, 30, tzinfo=TZ)).id
    second = ws.meetings.create(dt.datetime(2027, 1, 7, 19, 30, tzinfo=TZ)).id
    assert first and second
    ws.agenda.add(second, LONG)
    editor = shown_editor(qtbot, ws, bus, first, 800)
    editor.hide()  # the list is shown; the next meeting opens behind it
    editor.load(second)
    editor.show()
    qtbot.wait(50)
    assert [i.title for i in editor.model.items()].count(LONG) == 1
    rows_fit(editor)
