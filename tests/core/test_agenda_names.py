"""In code "minutes" is the verslag; an agenda item's planned time is ``planned_minutes``.

The column stays ``minutes``: the exchange file and the sync state name it so, and older
files and other laptops must keep reading each other.
"""

from __future__ import annotations

import datetime as dt

import pytest

from wijkapp.errors import ValidationError
from wijkapp.exchange import export_data
from wijkapp.timeutil import TZ
from wijkapp.workspace import Workspace


def test_planned_minutes_are_stored_in_the_minutes_column(ws: Workspace) -> None:
    meeting = ws.meetings.create(dt.datetime(2026, 12, 3, 19, 30, tzinfo=TZ)).id or ""
    item = ws.agenda.add(meeting, "Speeltuin", planned_minutes=25).id or ""
    assert ws.agenda.get(item).planned_minutes == 25
    assert ws.store.scalar("SELECT minutes FROM agenda_items WHERE id = ?", [item]) == 25
    ws.agenda.update(item, planned_minutes=40)
    assert ws.agenda.get(item).planned_minutes == 40
    exported = next(r for r in export_data(ws)["tables"]["agenda_items"] if r["id"] == item)
    assert exported["minutes"] == 40 and "planned_minutes" not in exported


def test_the_old_keyword_is_refused_not_ignored(ws: Workspace) -> None:
    meeting = ws.meetings.create(dt.datetime(2026, 12, 3, 19, 30, tzinfo=TZ)).id or ""
    with pytest.raises(ValidationError, match="Onbekend veld: minutes"):
        ws.agenda.add(meeting, "Speeltuin", minutes=25)


def test_the_template_times_arrive_as_planned_minutes(ws: Workspace) -> None:
    meeting = ws.meetings.create(dt.datetime(2026, 12, 3, 19, 30, tzinfo=TZ)).id or ""
    opening = ws.agenda.for_meeting(meeting)[0]
    assert (opening.standard, opening.planned_minutes) == ("opening", 5)
