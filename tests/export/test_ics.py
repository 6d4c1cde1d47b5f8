"""Calendar files read back with icalendar and vobject: time zone, UID, SEQUENCE."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
import pytest
import vobject

from wijkapp.errors import ValidationError
from wijkapp.export import export
from wijkapp.timeutil import TZ, today
from wijkapp.workspace import Workspace

from .conftest import Board


def _events(path: Path) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return list(calendar.walk("VEVENT"))


def test_one_meeting_reads_back_in_both_libraries(real: Board, tmp_path: Path) -> None:
    meeting = real.ws.meetings.get(real.ids["planned"])
    out = export(real.ws, "ics", tmp_path / "m.ics", meeting_id=meeting.id)
    calendar = icalendar.Calendar.from_ical(out.read_bytes())
    zones = list(calendar.walk("VTIMEZONE"))
    assert [str(z["TZID"]) for z in zones] == ["Europe/Amsterdam"]
    (event,) = _events(out)
    assert str(event["UID"]) == f"{meeting.id}@wijkapp"
    start = event.decoded("DTSTART")
    assert start == dt.datetime(2026, 12, 3, 19, 30, tzinfo=TZ)
    assert event["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert str(event["LOCATION"]) == "Gemeenschapshuis De Kiosk, Lindenheuvel"
    assert "Wijkplatform Geleen-Zuid" in str(event["SUMMARY"])
    description = str(event["DESCRIPTION"])
    first = "1. Opening en mededelingen van de voorzitter (19:30–19:35, ter informatie)"
    assert first in description
    assert "door Jean-Pierre Lemaître" in description

    card = vobject.readOne(out.read_text(encoding="utf-8"))
    vevent = card.vevent
    assert vevent.uid.value == f"{meeting.id}@wijkapp"
    assert vevent.dtstart.value.utcoffset() == dt.timedelta(hours=1)
    assert vevent.dtstart.value.hour == 19
    assert vevent.location.value == "Gemeenschapshuis De Kiosk, Lindenheuvel"


def test_summer_meeting_gets_summer_time(fresh: Board, tmp_path: Path) -> None:
    meeting = fresh.ws.meetings.create("2027-06-17 19:30", place="De Kiosk").id
    out = export(fresh.ws, "ics", tmp_path / "m.ics", meeting_id=meeting)
    vevent = vobject.readOne(out.read_text(encoding="utf-8")).vevent
    assert vevent.dtstart.value.utcoffset() == dt.timedelta(hours=2)
    assert vevent.dtstart.value.astimezone(dt.UTC).hour == 17


class SteppingClock:
    """The time every write stamps, moved on by hand (an editing session without waiting)."""

    def __init__(self) -> None:
        self.moment = dt.datetime.now(TZ)

    def __call__(self) -> str:
        return self.moment.isoformat(timespec="microseconds")

    def wait(self, seconds: float) -> None:
        self.moment += dt.timedelta(seconds=seconds)


def test_uid_stays_and_sequence_rises_when_the_meeting_changes(
    fresh: Board, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws, meeting = fresh.ws, fresh.ids["planned"]
    clock = SteppingClock()
    monkeypatch.setattr("wijkapp.transactions.now_iso", clock)  # the stamp of every write

    def sequence(name: str) -> tuple[str, int]:
        (event,) = _events(export(ws, "ics", tmp_path / name, meeting_id=meeting))
        return str(event["UID"]), int(event["SEQUENCE"])

    # SEQUENCE counts whole seconds: a person does not edit twice within one second.
    clock.wait(5)
    ws.meetings.update(meeting, title="Vergadering")  # from here on the fake clock stamps
    uid, first = sequence("a.ics")
    again = export(ws, "ics", tmp_path / "b.ics", meeting_id=meeting)
    assert again.read_bytes() == (tmp_path / "a.ics").read_bytes()  # no change, same file
    clock.wait(1.05)
    ws.meetings.update(meeting, place="Buurthuis De Ster")
    uid2, second = sequence("c.ics")
    clock.wait(1.05)
    item = ws.agenda.for_meeting(meeting)[-3]
    ws.agenda.delete(item.id)  # only the item changes; the meeting row does not
    uid3, third = sequence("d.ics")
    clock.wait(1.05)
    ws.undo()
    uid4, fourth = sequence("e.ics")
    assert uid == uid2 == uid3 == uid4
    assert first < second < third < fourth


def test_sequence_counts_seconds_since_creation(fresh: Board, tmp_path: Path) -> None:
    meeting = fresh.ws.meetings.get(fresh.ids["planned"])
    (event,) = _events(export(fresh.ws, "ics", tmp_path / "m.ics", meeting_id=meeting.id))
    created = dt.datetime.fromisoformat(meeting.created_at)
    assert int(event["SEQUENCE"]) >= 0
    assert event.decoded("DTSTAMP") >= created.replace(microsecond=0)


def test_all_upcoming_meetings_without_a_meeting_id(fresh: Board, tmp_path: Path) -> None:
    soon = dt.datetime.combine(today() + dt.timedelta(days=10), dt.time(19, 30), TZ)
    later = soon + dt.timedelta(days=28)
    ids = {fresh.ws.meetings.create(soon).id, fresh.ws.meetings.create(later).id}
    out = export(fresh.ws, "ics", tmp_path / "all.ics")
    uids = {str(e["UID"]).split("@")[0] for e in _events(out)}
    assert ids <= uids
    assert fresh.ids["held"] not in uids and fresh.ids["draft"] not in uids
    assert len(list(vobject.readComponents(out.read_text(encoding="utf-8")))) == 1


def test_no_upcoming_meetings_is_a_clear_message(tmp_path: Path) -> None:
    with Workspace(tmp_path / "leeg.sqlite") as ws:
        ws.boards.create("Wijkplatform Leeg")
        with pytest.raises(ValidationError, match="geen geplande vergaderingen"):
            export(ws, "ics", tmp_path / "x.ics")


def test_cancelled_meeting_is_sent_as_cancelled(fresh: Board, tmp_path: Path) -> None:
    fresh.ws.meetings.cancel(fresh.ids["planned"])
    (event,) = _events(export(fresh.ws, "ics", tmp_path / "m.ics",
                              meeting_id=fresh.ids["planned"]))
    assert str(event["STATUS"]) == "CANCELLED"


def test_every_board_gives_a_valid_calendar(board: Board, tmp_path: Path) -> None:
    for meeting_id in (board.ids["planned"], board.ids["held"]):
        out = export(board.ws, "ics", tmp_path / "m.ics", meeting_id=meeting_id)
        (event,) = _events(out)
        meeting = board.ws.meetings.get(meeting_id)
        vevent = vobject.readOne(out.read_text(encoding="utf-8")).vevent
        assert vevent.summary.value.startswith(meeting.title)
        assert vevent.uid.value == str(event["UID"])


def test_a_held_meeting_ends_at_its_closing_time_as_in_the_minutes(
        fresh: Board, tmp_path: Path) -> None:
    meeting = fresh.ids["draft"]
    fresh.ws.meetings.mark_held(meeting, "2026-11-12 21:25")
    (event,) = _events(export(fresh.ws, "ics", tmp_path / "m.ics", meeting_id=meeting))
    assert event.decoded("DTEND") == dt.datetime(2026, 11, 12, 21, 25, tzinfo=TZ)
    from .golden import pdf_reading

    minutes = pdf_reading(export(fresh.ws, "minutes", tmp_path / "v.pdf", meeting_id=meeting))
    assert "19:30–21:25 uur" in minutes
