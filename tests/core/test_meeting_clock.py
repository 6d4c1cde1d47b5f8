"""The chair's clock, driven by an injected clock (no sleeps), and what it stores."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from wijkapp.errors import ValidationError
from wijkapp.meeting_clock import (
    ALMOST,
    NO_PLAN,
    ON_TIME,
    OVER,
    MeetingClock,
    clock_text,
    time_status,
)
from wijkapp.workspace import Workspace


class FakeClock:
    """Seconds that only move when the test says so."""

    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += seconds


@pytest.fixture
def meeting(ws: Workspace) -> str:
    return ws.meetings.create("2026-12-03 19:30", place="Buurthuis").id or ""


def _items(ws: Workspace, meeting_id: str):  # type: ignore[no-untyped-def]
    return ws.agenda.for_meeting(meeting_id)


@pytest.mark.parametrize(
    ("spent", "planned", "status"),
    [
        (0, None, NO_PLAN),
        (9999, None, NO_PLAN),
        (0, 10, ON_TIME),
        (7 * 60, 10, ON_TIME),
        (8 * 60 - 1, 10, ON_TIME),
        (8 * 60, 10, ALMOST),  # 2 minutes left of 10
        (10 * 60, 10, ALMOST),  # exactly on the plan is not over yet
        (10 * 60 + 1, 10, OVER),
        (4 * 60, 5, ALMOST),  # a 5-minute item warns in its last minute
        (3 * 60 + 59, 5, ON_TIME),
        (27 * 60, 30, ON_TIME),  # a 30-minute item warns 2 minutes ahead, not 6
        (28 * 60, 30, ALMOST),
        (0, 0, ON_TIME),
        (1, 0, OVER),
    ],
)
def test_time_status_against_the_plan(spent: float, planned: int | None, status: str) -> None:
    assert time_status(spent, planned) == status


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(0, "0:00"), (45, "0:45"), (59.9, "0:59"), (725, "12:05"), (3750, "1:02:30"), (-5, "0:00")],
)
def test_clock_text(seconds: float, text: str) -> None:
    assert clock_text(seconds) == text


def test_clock_measures_per_item_and_the_whole_meeting(ws: Workspace, meeting: str) -> None:
    items = _items(ws, meeting)
    first, second = items[0], items[1]
    now = FakeClock()
    clock = MeetingClock(items, now)
    clock.switch_to(first.id)
    now.advance(100)  # not running yet: nothing counts
    assert clock.spent(first.id) == 0
    clock.start()
    now.advance(90)
    assert clock.spent(first.id) == 90
    clock.switch_to(second.id)
    now.advance(30)
    clock.pause()
    now.advance(500)  # a break: not counted
    clock.start()
    now.advance(15)
    assert clock.spent(first.id) == 90
    assert clock.spent(second.id) == 45
    assert clock.total() == 135
    reading = clock.reading()
    assert reading.item_id == second.id
    assert reading.item_seconds == 45
    assert reading.running
    planned = sum(i.planned_minutes or 0 for i in items)
    assert reading.total_planned == planned


def test_item_running_over_turns_over(ws: Workspace, meeting: str) -> None:
    item = _items(ws, meeting)[0]
    ws.agenda.update(item.id, planned_minutes=5)
    now = FakeClock()
    clock = MeetingClock(_items(ws, meeting), now)
    clock.start()
    clock.switch_to(item.id)
    now.advance(3 * 60)
    assert clock.reading().item_status == ON_TIME
    now.advance(60)
    assert clock.reading().item_status == ALMOST
    now.advance(61)
    assert clock.reading().item_status == OVER


def test_measured_time_is_stored_and_a_reopened_clock_continues(
    ws: Workspace, meeting: str
) -> None:
    item = _items(ws, meeting)[2]
    now = FakeClock()
    clock = MeetingClock(_items(ws, meeting), now)
    clock.start()
    clock.switch_to(item.id)
    now.advance(61.6)
    for item_id, seconds in clock.take_unsaved().items():
        ws.agenda.add_time(item_id, seconds)
    assert clock.take_unsaved() == {}  # handed out once
    assert ws.agenda.get(item.id).seconds_spent == 61
    now.advance(0.5)  # the 0.6 left over plus 0.5 make one more whole second
    assert clock.take_unsaved() == {item.id: 1}
    ws.agenda.add_time(item.id, 1)

    again = MeetingClock(_items(ws, meeting), FakeClock())  # the app restarted
    assert again.spent(item.id) == 62
    assert again.total() == 62


def test_reload_keeps_time_and_forgets_a_deleted_item(ws: Workspace, meeting: str) -> None:
    items = _items(ws, meeting)
    now = FakeClock()
    clock = MeetingClock(items, now)
    clock.start()
    clock.switch_to(items[1].id)
    now.advance(40)
    ws.agenda.delete(items[1].id)
    clock.reload(_items(ws, meeting))
    assert clock.current is None
    assert clock.take_unsaved() == {}  # nothing to store on a deleted item
    clock.switch_to(items[0].id)
    now.advance(10)
    clock.reload(_items(ws, meeting))  # e.g. a title changed: the running item keeps going
    now.advance(5)
    assert clock.spent(items[0].id) == 15


def test_undoing_another_change_keeps_the_measured_time(ws: Workspace, meeting: str) -> None:
    item = _items(ws, meeting)[0]
    ws.agenda.update(item.id, presenter="Annie")
    ws.agenda.add_time(item.id, 120)
    assert ws.undo_name == "Agendapunt gewijzigd"  # measuring is not a step of its own
    ws.undo()  # undoing the presenter never takes the measured time away
    assert ws.agenda.get(item.id).seconds_spent == 120
    assert ws.agenda.get(item.id).presenter == ""


def test_add_time_refuses_nonsense(ws: Workspace, meeting: str) -> None:
    item = _items(ws, meeting)[0]
    for bad in (-1, 1.5, "10", True):
        with pytest.raises(ValidationError):
            ws.agenda.add_time(item.id, bad)  # type: ignore[arg-type]
    assert not ws.agenda.add_time(item.id, 0)
    ws.agenda.add_time(item.id, 10**9)  # a clock left running for weeks stops at one day
    assert ws.agenda.get(item.id).seconds_spent == 24 * 3600


def test_reset_time_is_one_undo_step(ws: Workspace, meeting: str) -> None:
    items = _items(ws, meeting)
    ws.agenda.add_time(items[0].id, 60)
    ws.agenda.add_time(items[1].id, 30)
    ws.agenda.reset_time(meeting)
    assert all(i.seconds_spent is None for i in _items(ws, meeting))
    assert ws.undo_name == "Gemeten tijd gewist"
    ws.undo()
    assert [i.seconds_spent for i in _items(ws, meeting)][:2] == [60, 30]


def test_residents_present_is_a_number_only(ws: Workspace, meeting: str) -> None:
    assert ws.meetings.get(meeting).residents_present is None
    ws.meetings.set_residents_present(meeting, 23)
    assert ws.meetings.get(meeting).residents_present == 23
    assert ws.undo_name == "Aantal bewoners gewijzigd"
    assert not ws.meetings.set_residents_present(meeting, 23)  # no change, no step
    ws.meetings.set_residents_present(meeting, 0)
    assert ws.meetings.get(meeting).residents_present == 0
    ws.meetings.set_residents_present(meeting, None)
    assert ws.meetings.get(meeting).residents_present is None
    for bad in (-1, 100_001, 2.5, "23", True):
        with pytest.raises(ValidationError) as caught:
            ws.meetings.set_residents_present(meeting, bad)  # type: ignore[arg-type]
        assert "aantal bewoners" in str(caught.value)
    ws.undo()
    assert ws.meetings.get(meeting).residents_present == 0


def test_schema_1_file_gets_the_room_columns(tmp_path: Path) -> None:
    fixture = Path(__file__).parent / "fixtures" / "schema-1.sqlite"
    copy = tmp_path / "oud.sqlite"
    shutil.copy(fixture, copy)
    with Workspace(copy) as ws:
        assert "0004_room" in ws.check()["migrations"]
        meeting = ws.meetings.all()[0]
        assert meeting.residents_present is None
        ws.meetings.set_residents_present(meeting.id, 12)
        item = ws.agenda.for_meeting(meeting.id)[0]
        assert item.seconds_spent is None
        ws.agenda.add_time(item.id, 90)
    with Workspace(copy) as ws:
        assert ws.meetings.get(meeting.id).residents_present == 12
        assert ws.agenda.get(item.id).seconds_spent == 90


def test_counts_travel_in_the_exchange_file(ws: Workspace, meeting: str, tmp_path: Path) -> None:
    from wijkapp.exchange import export_json, import_json

    item = _items(ws, meeting)[0]
    ws.meetings.set_residents_present(meeting, 41)
    ws.agenda.add_time(item.id, 300)
    out = export_json(ws, tmp_path / "uit.json")
    with Workspace(tmp_path / "ander.sqlite") as other:
        import_json(other, out)
        assert other.meetings.get(meeting).residents_present == 41
        assert other.agenda.get(item.id).seconds_spent == 300
