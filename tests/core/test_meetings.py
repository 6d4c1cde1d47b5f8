"""Meetings, attendance and the agenda: the Dutch standard template and its order."""

from __future__ import annotations

import datetime as dt

import pytest

from wijkapp.errors import NotFoundError, ValidationError
from wijkapp.timeutil import TZ
from wijkapp.workspace import Workspace


def _titles(ws: Workspace, meeting_id: str) -> list[str]:
    return [i.title for i in ws.agenda.for_meeting(meeting_id)]


def test_new_meeting_gets_the_dutch_standard_agenda(ws: Workspace) -> None:
    meeting_id = ws.meetings.create("2026-12-03 19:30", place="Buurthuis De Bongerd").id
    assert _titles(ws, meeting_id) == [
        "Opening en mededelingen van de voorzitter",
        "Vaststellen van de agenda",
        "Verslag van de vorige vergadering",
        "Ingekomen stukken",
        "Mededelingen",
        "Actiepunten van vorige vergaderingen",
        "Rondvraag",
        "Sluiting",
    ]
    meeting = ws.meetings.get(meeting_id)
    assert meeting.start == dt.datetime(2026, 12, 3, 19, 30, tzinfo=TZ)
    assert meeting.starts_at == "2026-12-03T19:30:00+01:00"
    assert meeting.status == "planned"


def test_edited_template_is_used_for_the_next_meeting(ws: Workspace) -> None:
    template = ws.board.template()
    template.insert(5, {"title": "Nieuws van de wijkagent", "kind": "informing", "minutes": 10})
    ws.boards.set_template(ws.board_id, template)
    meeting_id = ws.meetings.create("2027-01-14 19:30").id
    assert "Nieuws van de wijkagent" in _titles(ws, meeting_id)


def test_summer_time_is_stored_with_its_offset(ws: Workspace) -> None:
    meeting_id = ws.meetings.create(dt.datetime(2026, 6, 4, 20, 0)).id
    assert ws.meetings.get(meeting_id).starts_at == "2026-06-04T20:00:00+02:00"


def test_board_members_are_invited(ws: Workspace) -> None:
    anna = ws.contacts.add("Anna de Vries", board_member=True).id
    ws.contacts.add("Wijkagent Bakker")
    meeting_id = ws.meetings.create("2026-12-03 19:30").id
    attendance = ws.meetings.attendance(meeting_id)
    assert [(a.person_id, a.status) for a in attendance] == [(anna, "invited")]


def test_attendance_is_recorded_per_person(ws: Workspace) -> None:
    anna = ws.contacts.add("Anna", board_member=True).id
    piet = ws.contacts.add("Piet", board_member=True).id
    meeting_id = ws.meetings.create("2026-12-03 19:30").id
    ws.meetings.set_attendance(meeting_id, anna, "present")
    ws.meetings.set_attendance(meeting_id, piet, "absent_notice", note="ziek")
    status = {a.name: (a.status, a.note) for a in ws.meetings.attendance(meeting_id)}
    assert status == {"Anna": ("present", ""), "Piet": ("absent_notice", "ziek")}
    with pytest.raises(ValidationError):
        ws.meetings.set_attendance(meeting_id, anna, "misschien")


def test_upcoming_and_past_are_split_and_ordered(ws: Workspace) -> None:
    now = dt.datetime(2026, 11, 28, 12, 0, tzinfo=TZ)
    old = ws.meetings.create("2026-10-01 19:30").id
    older = ws.meetings.create("2026-09-01 19:30").id
    soon = ws.meetings.create("2026-12-03 19:30").id
    later = ws.meetings.create("2027-01-14 19:30").id
    assert [m.id for m in ws.meetings.upcoming(now)] == [soon, later]
    assert [m.id for m in ws.meetings.past(now)] == [old, older]
    assert [m.id for m in ws.meetings.in_year(2026)] == [older, old, soon]


def test_approving_previous_minutes_marks_them_with_the_date(ws: Workspace) -> None:
    first = ws.meetings.create("2026-10-01 19:30").id
    ws.meetings.create("2026-10-15 19:30")
    ws.meetings.cancel(ws.meetings.in_year(2026)[1].id)
    third = ws.meetings.create("2026-11-05 19:30").id
    ws.meetings.approve_previous_minutes(third)
    approved = ws.meetings.get(first)
    assert approved.minutes_approved_on == "2026-11-05"
    assert approved.minutes_approved_in == third
    with pytest.raises(ValidationError):
        ws.meetings.approve_previous_minutes(first)


def test_meeting_validation_gives_dutch_sentences(ws: Workspace) -> None:
    with pytest.raises(ValidationError, match="titel"):
        ws.meetings.create("2026-12-03 19:30", title="   ")
    with pytest.raises(ValidationError, match="niet te lezen"):
        ws.meetings.create("donderdag avond")
    meeting_id = ws.meetings.create("2026-12-03 19:30").id
    with pytest.raises(ValidationError, match="eindtijd"):
        ws.meetings.update(meeting_id, starts_at="2026-12-03 19:30", ends_at="2026-12-03 18:00")
    with pytest.raises(NotFoundError):
        ws.meetings.get("bestaat-niet")


def test_held_meeting_keeps_its_closing_time(ws: Workspace) -> None:
    meeting_id = ws.meetings.create("2026-12-03 19:30").id
    ws.meetings.mark_held(meeting_id, closed_at="2026-12-03 21:47")
    meeting = ws.meetings.get(meeting_id)
    assert meeting.status == "held"
    assert meeting.closed_at == "2026-12-03T21:47:00+01:00"


def test_topics_go_before_rondvraag_and_sluiting(ws: Workspace) -> None:
    meeting_id = ws.meetings.create("2026-12-03 19:30").id
    ws.agenda.add(meeting_id, "Speeltuin Kerkstraat", kind="deciding", presenter="Anna", planned_minutes=20)
    ws.agenda.add(meeting_id, "Glasvezel")
    assert _titles(ws, meeting_id)[-4:] == ["Speeltuin Kerkstraat", "Glasvezel", "Rondvraag", "Sluiting"]
    positions = [i.position for i in ws.agenda.for_meeting(meeting_id)]
    assert positions == list(range(len(positions)))


def test_moving_an_item_renumbers_the_agenda(ws: Workspace) -> None:
    meeting_id = ws.meetings.create("2026-12-03 19:30", from_template=False).id
    a, b, c = (ws.agenda.add(meeting_id, t).id for t in ("A", "B", "C"))
    ws.agenda.move(c, 0)
    assert _titles(ws, meeting_id) == ["C", "A", "B"]
    ws.agenda.move(c, 99)
    assert _titles(ws, meeting_id) == ["A", "B", "C"]
    ws.agenda.delete(b)
    assert [(i.title, i.position) for i in ws.agenda.for_meeting(meeting_id)] == [("A", 0), ("C", 1)]
    del a


def test_item_text_is_kept_exactly_as_typed(ws: Workspace) -> None:
    meeting_id = ws.meetings.create("2026-12-03 19:30").id
    typed = "a < b & \"c\" <b>vet</b> &amp; ĳsbaan 🙂 " + "x" * 10_000
    item = ws.agenda.add(meeting_id, "Markup <b>&amp;</b> 🙂 ĳ").id
    ws.agenda.set_notes(item, typed)
    got = ws.agenda.get(item)
    assert got.notes == typed
    assert got.title == "Markup <b>&amp;</b> 🙂 ĳ"


def test_agenda_item_values_are_checked(ws: Workspace) -> None:
    meeting_id = ws.meetings.create("2026-12-03 19:30").id
    with pytest.raises(ValidationError):
        ws.agenda.add(meeting_id, "")
    with pytest.raises(ValidationError):
        ws.agenda.add(meeting_id, "Iets", kind="kletsen")
    with pytest.raises(ValidationError):
        ws.agenda.add(meeting_id, "Iets", planned_minutes=-5)
    with pytest.raises(ValidationError, match="te lang"):
        ws.agenda.add(meeting_id, "x" * 600)
