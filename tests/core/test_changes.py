"""``Changes`` name the columns a write changed, so views can skip what they do not show."""

from __future__ import annotations

import datetime as dt

from wijkapp.changes import AGENDA_ITEMS, MEETINGS
from wijkapp.timeutil import TZ
from wijkapp.workspace import Workspace


def test_saving_notes_changes_only_the_notes_column(ws: Workspace) -> None:
    meeting = ws.meetings.create(dt.datetime(2026, 3, 5, 19, 30, tzinfo=TZ)).id or ""
    item = ws.agenda.for_meeting(meeting)[0]
    changes = ws.agenda.set_notes(item.id, "Bewoners vragen een bankje.")
    assert changes.kinds == {"agenda_items"} and changes.ids == {item.id}
    assert changes.column_only == {"agenda_items"}
    assert "agenda_items.notes" in changes.columns
    assert not changes.touches_columns_except("agenda_items", ("notes",))
    assert not changes.touches_columns("agenda_items", ("title", "kind"))


def test_creating_and_undoing_say_anything_may_have_changed(ws: Workspace) -> None:
    created = ws.meetings.create(dt.datetime(2026, 3, 5, 19, 30, tzinfo=TZ))
    assert "meetings" in created.kinds and "meetings" not in created.column_only
    assert created.touches_columns("meetings", ("title",))
    undone = ws.undo()
    assert undone.touches_columns("meetings", ("title",))
    assert not undone.column_only


def test_deleting_counts_for_every_watcher(ws: Workspace) -> None:
    meeting = ws.meetings.create(dt.datetime(2026, 3, 5, 19, 30, tzinfo=TZ)).id or ""
    item = ws.agenda.for_meeting(meeting)[-1]
    changes = ws.agenda.delete(item.id)
    assert changes.touches_columns("agenda_items", ("title",))


def test_a_touched_parent_changed_none_of_its_own_columns(ws: Workspace) -> None:
    meeting = ws.meetings.create(dt.datetime(2026, 3, 5, 19, 30, tzinfo=TZ)).id or ""
    changes = ws.agenda.add(meeting, "Speeltuin Heideweg")
    assert changes.touches(MEETINGS, AGENDA_ITEMS) and meeting in changes.ids
    # A list of meeting titles and dates need not reload for a new agenda item ...
    assert not changes.touches_columns(MEETINGS, ("title", "starts_at"))
    # ... a view that shows the whole meeting (its agenda) does, and so does one of items.
    assert changes.touches_columns(MEETINGS, None)
    assert changes.touches_columns(AGENDA_ITEMS, ("title",))
